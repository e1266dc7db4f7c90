"""Find the parts of a page that are not the article: prompts, links, footers, bios.

Works line by line on plain text (an HTML page's extracted text too), because web pages
put each widget on its own line. Three passes:

1. cue lines: a line that by itself is a sign-up/newsletter prompt, a "Read More" /
   "Learn More" / "Explore ..." link, a share or cookie prompt, a copyright line, a
   publisher disclaimer, a byline, or an author bio;
2. link lists: short title-like lines (no sentence-final punctuation) grouped with a
   link cue ("Related", "Read More", "Most read") are the list the cue introduces;
3. the tail: below the last body paragraph, title-like lines and short blurbs among cue
   lines are the page footer.

Cues are general English web-page conventions, never one site's wording. A body paragraph
must never be marked, so every cue is anchored to the start of a line or requires the
line to be short, and bios are accepted only outside the middle of the text.
Spans are sorted, disjoint [start, end) offsets; neighbours separated only by whitespace
are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_I = re.IGNORECASE

# A short line that is a prompt to sign up, subscribe or stay informed.
_PROMPT = re.compile(
    r"^(?:sign ?up|subscribe|get the latest|get our|join (?:our|the) (?:mailing|email|newsletter)"
    r"|stay (?:informed|up to date|in the loop|updated)|don'?t miss|never miss|enter your e-?mail"
    r"|register (?:now|here|for)|newsletter\b|sign in to|create (?:a|your) free account"
    r"|receive (?:our|the latest)|delivered to your inbox)\b", _I)
_PROMPT_ANY = re.compile(r"\b(?:newsletter|inbox|e-?mail updates|mailing list)\b", _I)

# A link or navigation line: short, starts with a call to action or list heading.
_LINK = re.compile(
    r"^(?:read|learn|see|view|show|find out|discover|load) more\b|^explore\b[^,]*$|^continue reading\b"
    r"|^click here\b|^read (?:next|the full|the report|also)\b|^also read\b|^related\b|^more from\b"
    r"|^more on\b|^more stories\b|^most (?:read|popular|viewed)\b|^recommended\b|^trending\b"
    r"|^you (?:may|might) also (?:like|be interested)\b|^further reading\b|^latest (?:news|stories|articles)\b"
    r"|^(?:back|return) to (?:top|home)\b|^(?:previous|next) (?:article|story|post)\b|^top stories\b"
    r"|^see also\b|^in (?:other|related) news\b|^what to read next\b|^(?:editor'?s|our) picks?\b"
    r"|^(?:also|more) (?:in|from) this (?:series|section)\b", _I)
_LIST_CUE = _LINK  # a link cue also introduces or closes a list of related titles

_SHARE = re.compile(
    r"^(?:share(?: this| on| via| article| story)?|tweet|print(?: this)?|e-?mail(?: this)?|copy link"
    r"|follow us(?: on)?|like us on|facebook|twitter|linkedin|whatsapp|reddit|comments?)\s*[:|]?\s*"
    r"(?:(?:facebook|twitter|x|linkedin|whatsapp|reddit|email|telegram)\b[\s|,/]*)*$", _I)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:we use|uses?|accept|consent|preferences|settings|policy|experience)\b"
    r"|\b(?:we use|this (?:site|website) uses)\b.*\bcookies?\b|^(?:accept|reject|allow) (?:all|cookies)\b"
    r"|^manage (?:preferences|cookies|consent)\b", _I)
_FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|^copyright\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b|^(?:privacy policy|terms of (?:use|service)"
    r"|contact us|about us|cookie policy|advertise|careers|sitemap|accessibility)\b"
    r"|^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|research|graphics) (?:by|from)\b", _I)
# A wire credit closing the last line of a paragraph: "... officials said. (Reporting by A; Editing by B)".
_TRAILING_CREDIT = re.compile(
    r"\((?:additional )?(?:reporting|writing|editing|compiled|translated) by\b[^()]{0,200}\)\s*$", _I)
# A follow prompt: "Follow us on X and Instagram", "Follow Harbour Daily on Telegram".
_FOLLOW = re.compile(r"^follow (?:us|[A-Z][\w&' ]{0,40}?) (?:on|@)\b", _I)
# A list item marker: "- ", "• ", "* ", "– ", "1. ", "2) ".
_BULLET = re.compile(r"^(?:[-•*–—·▪►]|\d{1,2}[.)])\s+")
# A headline may open with a section label ("Explainer: ...", "Analysis: ...").
_HEAD_LABEL = re.compile(r"^[A-Z][\w'’ -]{1,20}:\s+(?=\S)")
_DISCLAIMER = re.compile(
    r"\b(?:opinions?|views?) expressed\b.*\b(?:are|is|remain) (?:those|that|solely|entirely)\b"
    r"|\b(?:does|do|may|might) not (?:necessarily )?(?:represent|reflect)\b.*\b(?:views?|opinions?|positions?|those of)\b"
    r"|\bare (?:those|that) of the authors?(?: alone)?\b|\b(?:strict|editorial|intellectual) independence policy\b"
    r"|\bmay not be (?:published|reproduced|republished|redistributed|rewritten)\b"
    r"|\bthis (?:article|story|piece|commentary|report|analysis|content|feature) (?:was|is|has been) "
    r"(?:originally )?(?:published|produced|written|prepared|funded|supported|made possible) "
    r"(?:by|in|on|with|for|as part of|through|thanks to)\b", _I)

_HONORIFIC = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Amb|Ambassador|Gen|Col|Capt|Sir|Dame|Rev)\.?\s+)"
_NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|al|bin|da|di|du|le|la|dos)){1,4})"
_ROLE_NOUN = (r"(?i:fellow|associate|director|professor|researcher|analyst|editor|correspondent|reporter"
              r"|lecturer|chair|chairman|chairwoman|president|head|scholar|adviser|advisor|contributor"
              r"|writer|columnist|journalist|economist|manager|officer|expert|specialist|founder|partner"
              r"|student|candidate|ambassador|author|consultant|historian|commentator|diplomat|strategist"
              r"|practitioner|member|lead|coordinator|principal|ceo|chief|dean|producer|host)s?")
_BIO = re.compile(
    rf"^{_HONORIFIC}?{_NAME},?\s+(?:is|was|serves as|has been|works as)\s+(?:(?:a|an|the|currently|also|formerly|now)\s+)*"
    rf"(?:[\w’'-]+\s+){{0,5}}?{_ROLE_NOUN}\b.{{0,200}}?\b(?:at|of|with|for|in|on)\b")
_BYLINE = re.compile(rf"^(?:by|written by|words by)\s+{_HONORIFIC}?{_NAME}\s*(?:$|,|\||and\b|[-–—]\s)", _I)
_ABOUT_AUTHOR = re.compile(r"^about the authors?\b", _I)
_PUBLISHER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?"
    r"(?P<pub>[A-Z][\w&'’. -]{1,60}?)\s*(?:[.,|;]|\ball rights\b|$)", _I)

_SENTENCE_END = re.compile(r"[.!?:;,…\"”’')\]]$")
MAX_PROMPT_WORDS = 30
MAX_LINK_WORDS = 10
MAX_TITLE_WORDS = 14
MAX_BLURB_WORDS = 30
MAX_BIO_WORDS = 80


@dataclass
class Boilerplate:
    """What the detector found: spans, plus who wrote the page and who published it."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    author: str | None = None
    publisher: str | None = None


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str | None = None  # why it is boilerplate; None while it may be body
    words: int = 0
    bullet: bool = False  # the line is a list item ("- ", "• ", "1. "): `text` is without the marker

    def __post_init__(self) -> None:
        m = _BULLET.match(self.text)
        if m and len(self.text) > m.end():
            self.bullet = True
            self.text = self.text[m.end():]
        self.words = len(self.text.split())


def detect(text: str) -> Boilerplate:
    """Spans of non-body text in `text`, with an author from a byline or bio if there is one."""
    lines = _lines(text)
    found = Boilerplate()
    n = len(text) or 1
    for i, line in enumerate(lines):
        line.kind = _cue(line, i, lines, line.start / n, found)
    _link_lists(lines)
    _tail(lines)
    spans = [(ln.start, ln.end) for ln in lines if ln.kind]
    for ln in lines:
        if not ln.kind and (m := _TRAILING_CREDIT.search(ln.text)):
            spans.append((ln.end - len(ln.text) + m.start(), ln.end))
    found.spans = _merge(text, spans)
    return found


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _cue(line: _Line, i: int, lines: list[_Line], where: float, found: Boilerplate) -> str | None:
    t, w = line.text, line.words
    if w <= MAX_PROMPT_WORDS and t[0].isupper() and (_PROMPT.match(t) or (w <= 8 and _PROMPT_ANY.search(t) and not _SENTENCE_END.search(t))):
        return "prompt"
    if w <= MAX_LINK_WORDS and _LINK.match(t):
        return "link"
    if w <= 12 and _FOLLOW.match(t) and t[0].isupper():
        return "share"
    if w <= 8 and _SHARE.match(t):
        return "share"
    if w <= 60 and _COOKIE.search(t):
        return "cookie"
    if w <= 40 and _FOOTER.search(t):
        m = _PUBLISHER.search(t)
        if m and found.publisher is None:
            found.publisher = m.group("pub").strip(" .")
        return "footer"
    if w <= 120 and _DISCLAIMER.search(t):
        return "disclaimer"
    if w <= 8 and _ABOUT_AUTHOR.match(t):
        return "bio"
    if i < 8 and w <= 16 and (m := _BYLINE.match(t)):
        found.author = found.author or m.group("name")
        return "byline"
    if w <= MAX_BIO_WORDS and (where > 0.5 or _after_about(i, lines)) and '"' not in t and "“" not in t:
        m = _BIO.match(t)
        if m:
            found.author = found.author or m.group("name")
            return "bio"
    return None


def _after_about(i: int, lines: list[_Line]) -> bool:
    return i > 0 and bool(_ABOUT_AUTHOR.match(lines[i - 1].text))


def _title_like(line: _Line) -> bool:
    t = line.text
    return (line.kind is None and line.words <= MAX_TITLE_WORDS and len(t) <= 100
            and (t[0].isupper() or t[0].isdigit()) and not _SENTENCE_END.search(t))


def _headline(line: _Line) -> bool:
    """A list item that reads as a headline: title-like, or a question headline
    ("Explainer: What does the treaty require?") when it is a bulleted item."""
    if _title_like(line):
        return True
    if not line.bullet or line.kind is not None:
        return False
    t = _HEAD_LABEL.sub("", line.text)
    return (line.words <= MAX_TITLE_WORDS + 2 and len(line.text) <= 120 and (t[0].isupper() or t[0].isdigit())
            and t.endswith("?") and t.count("?") == 1 and "." not in t.rstrip("?").split()[-1])


def _link_lists(lines: list[_Line]) -> None:
    """Title-like lines directly before or after a link cue are the list it belongs to."""
    for i, line in enumerate(lines):
        if line.kind != "link":
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and (_title_like(lines[j]) or lines[j].kind == "link"
                                           or (step == 1 and _headline(lines[j]))):
                if lines[j].kind is None:
                    lines[j].kind = "related"
                j += step


def _tail(lines: list[_Line]) -> None:
    """Below the last body paragraph, titles and short blurbs among cue lines are footer."""
    if not lines:
        return
    i = len(lines) - 1
    tail: list[_Line] = []
    while i >= 0:
        line = lines[i]
        above = lines[i - 1] if i > 0 else None
        if line.bullet and not line.kind and _body_list(lines, i):
            break  # the closing list of the body ("The demands are:" then items), not a footer
        if line.kind or _title_like(line):
            tail.append(line)
        elif line.words <= MAX_BLURB_WORDS and tail and above is not None and (above.kind or _title_like(above)):
            tail.append(line)  # a one-line blurb between related titles
        else:
            break
        i -= 1
    if any(ln.kind for ln in tail):
        for ln in tail:
            ln.kind = ln.kind or "footer"


def _body_list(lines: list[_Line], i: int) -> bool:
    """Whether the bulleted item at i belongs to a list the body introduces: the line above
    the run of items is neither a cue nor a title-like label."""
    j = i
    while j >= 0 and lines[j].bullet and not lines[j].kind:
        j -= 1
    if j < 0:
        return False
    lead = lines[j]
    return not (lead.kind or (_title_like(lead) and not lead.bullet))


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and (start <= out[-1][1] or not text[out[-1][1]:start].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
