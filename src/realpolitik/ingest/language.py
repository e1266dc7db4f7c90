"""Cheap language guess: script counts, then stopword hits over a sample of the text.

Only English is analysed (the model and the patterns are English), so the question asked is
narrow: is this text clearly in another language? No model is downloaded; a few hundred
function words per language separate the European languages a news corpus mixes in, and
the script separates the rest. English quotes inside a foreign article, or foreign quotes
inside an English one, do not flip the verdict: the other language must clearly win.
"""

from __future__ import annotations

import re
import string
import unicodedata

NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "el": "Greek",
    "fa": "Persian", "hi": "Hindi", "tr": "Turkish", "pl": "Polish",
}

# Frequent function words that are rare as words of another language in the set.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is was that with for it on as are be by this have from "
                    "has had not were which but they their its been would will who also "
                    "than them these there about after into could should".split()),
    "fr": frozenset("le la les des du et est une un dans pour que qui sur pas au aux avec "
                    "ce cette sont ont été être il elle ils nous vous leur mais ou son ses "
                    "plus par sa lors selon ainsi entre depuis dont".split()),
    "de": frozenset("der die das und ist nicht mit sich des dem den ein eine einer auf für "
                    "auch als nach bei wird werden wurde sind hat haben zu im vom zum zur "
                    "oder aber noch wie über".split()),
    "es": frozenset("el los las del y es una por con para que se su sus al lo como más pero "
                    "está fue han ha entre sobre también muy desde según este esta".split()),
    "it": frozenset("il lo gli della delle dei del di che è per con non una sono nel nella "
                    "alla anche come più ma questo questa dopo stato essere hanno tra".split()),
    "pt": frozenset("os da das do dos em uma um não com para que se por mais como ao foi são "
                    "pelo pela também está entre sobre seu sua isso esse essa".split()),
    "nl": frozenset("de het een en van dat niet zijn op te voor met die aan ook als maar bij "
                    "nog werd wordt heeft hebben naar dan door uit deze".split()),
    "tr": frozenset("ve bir bu da de için ile olarak daha çok gibi olan kadar sonra ama "
                    "ancak değil".split()),
    "pl": frozenset("i w z na się nie że do to jest od za po jak oraz przez jego który "
                    "która które ich".split()),
}

_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 20_000


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" unless another is clearly ahead."""
    sample = text[:SAMPLE_CHARS]
    script = _by_script(sample)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 8:
        return "en"
    hits = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda k: hits[k])
    if best == "en" or hits[best] < 5:
        return "en"
    if hits[best] >= 2 * hits["en"] and hits[best] >= 0.08 * len(words):
        return best
    return "en"


def describe(code: str) -> str:
    return f"{NAMES.get(code, code)} ({code})"


def _by_script(sample: str) -> str | None:
    """Most letters in a non-Latin script decide at once."""
    if sample.isascii():
        return None  # no letter outside Latin: nothing for this test to decide
    counts: dict[str, int] = {}
    # ASCII letters are Latin: counted at C speed, only the rest looked up one by one (an
    # English text with a "£" or a "é" in it is nearly all ASCII)
    letters = sum(map(sample.count, string.ascii_letters))
    for ch in _ASCII_RUNS.sub("", sample):
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        for script in ("CYRILLIC", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "ARABIC",
                       "HEBREW", "GREEK", "DEVANAGARI"):
            if name.startswith(script):
                counts[script] = counts.get(script, 0) + 1
                break
    if not letters or sum(counts.values()) < 0.5 * letters:
        return None
    script = max(counts, key=lambda k: counts[k])
    if script in ("HIRAGANA", "KATAKANA") or (script == "CJK" and counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) > 0.05 * letters):
        return "ja"
    if script == "CYRILLIC":
        return "uk" if re.search(r"[іїєґІЇЄҐ]", sample) else "ru"
    if script == "ARABIC":
        return "fa" if re.search(r"[پچژگی]", sample) else "ar"
    return {"CJK": "zh", "HANGUL": "ko", "HEBREW": "he", "GREEK": "el", "DEVANAGARI": "hi"}[script]
