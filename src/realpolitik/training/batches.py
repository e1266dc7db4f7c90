"""Lays out documents for annotators: numbered sentences, no tool output.

`python -m realpolitik.training.batches OUT_DIR` picks documents from the real corpora
(seeded), splits them into sentences with the configured spaCy pipeline and writes one
plain-text batch per annotator plus `manifest.json` (sentence offsets per document), so
annotations made against sentence numbers can be turned into character offsets.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from realpolitik import nlp as nlp_loader
from realpolitik.config import Config
from realpolitik.training import corpus
from realpolitik.training.annotations import split_of

FOREIGN = re.compile(
    r"\b(Iraq|Iran|China|Chinese|Russia|Russian|France|French|Germany|German|Japan|Israel|"
    r"Palestin\w+|Syria|Afghanistan|Pakistan|India|Korea|Ukraine|EU|European Union|"
    r"United Nations|UN|Nato|NATO|Washington|Moscow|Beijing|Brussels|Bush|Putin|WTO|Sudan|"
    r"Zimbabwe|Libya|Turkey|Egypt|Saudi)\b"
)


def sentence_spans(text: str, nlp) -> list[tuple[int, int]]:
    """Sentences as the pipeline splits them, also cut at line breaks (titles, datelines)."""
    doc = nlp(text)
    spans = []
    for sent in doc.sents:
        offset = sent.start_char
        for piece in re.split(r"(\n\s*\n|\n)", sent.text):
            chunk = piece.strip()
            if len(chunk) >= 3 and any(ch.isalpha() for ch in chunk):
                start = offset + (len(piece) - len(piece.lstrip()))
                spans.append((start, start + len(chunk)))
            offset += len(piece)
    return spans


# Words of the rarer event types (protests, deployments, withdrawals, releases, arrests,
# concessions): a second round may prefer documents that use them, so every type is learnt.
RARE = re.compile(
    r"\b(protest\w*|demonstrat\w+|rall(y|ied|ies)|strikes?|boycott\w*|deploy\w*|troops|mobili[sz]\w+|"
    r"missile tests?|withdr[ae]w\w*|pull(ed)? out|releas\w+|freed|ceasefire|arrest\w*|detain\w*|"
    r"seiz\w+|crack(ed)?down|deport\w*|apologi[sz]\w+|eas(e|ed|ing) (sanctions|restrictions)|lift\w* (the )?sanctions)\b",
    re.IGNORECASE,
)


def pick(seed: int, n_state: int, n_un: int, n_bbc: int, exclude: set[str] = frozenset(),
         prefer_rare: bool = False, splits: tuple[str, ...] = ()) -> list[tuple[str, int | None]]:
    """(doc id, window size) — UN speeches are long, so a window of sentences is annotated.

    `splits` keeps only documents whose id hashes into those splits: a later round adds to
    train (and dev) without growing a test split whose first score is already kept."""
    rng = random.Random(seed)

    def keep(doc: corpus.CorpusDoc) -> bool:
        return (doc.id not in exclude and (not splits or split_of(doc.id) in splits)
                and (not prefer_rare or len(RARE.findall(doc.text)) >= 3))

    state = [d for d in corpus.iter_collection("statedept") if 80 <= len(d.text.split()) <= 700 and keep(d)]
    un = [d for d in corpus.iter_collection("ungdc") if keep(d)]
    bbc = [d for d in corpus.iter_collection("bbc")
           if d.id.startswith(("bbc-politics", "bbc-business"))
           and len(set(FOREIGN.findall(d.text))) >= 3 and keep(d)]
    chosen = [(d.id, None) for d in rng.sample(state, min(n_state, len(state)))]
    chosen += [(d.id, 32) for d in rng.sample(un, min(n_un, len(un)))]
    chosen += [(d.id, None) for d in rng.sample(bbc, min(n_bbc, len(bbc)))]
    rng.shuffle(chosen)
    return chosen


def annotated_ids() -> set[str]:
    """Every document id in the stand-off annotations (events and interests, both annotators,
    and the rounds held out of training in events/held/)."""
    root = corpus.REPO / "data" / "annotations"
    ids = set()
    for path in list(root.glob("*/*.jsonl")) + list(root.glob("*/*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["doc"])
    return ids


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--batches", type=int, default=7)
    ap.add_argument("--statedept", type=int, default=110)
    ap.add_argument("--ungdc", type=int, default=45)
    ap.add_argument("--bbc", type=int, default=60)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="manifests of earlier rounds: their documents are not picked again")
    ap.add_argument("--prefer-rare", action="store_true",
                    help="pick documents that use the rarer types' words (see RARE)")
    ap.add_argument("--split", action="append", default=[], choices=("train", "dev", "test"),
                    help="only documents of this split (repeatable); default: any")
    ap.add_argument("--exclude-annotated", action="store_true",
                    help="leave out every document already in data/annotations/")
    ap.add_argument("--prefix", default="batch", help="file name stem of this round's batches")
    ap.add_argument("--own", action="store_true",
                    help="lay out our own documents (data/annotations/texts) as one batch instead")
    ap.add_argument("--own-prefix", default="",
                    help="with --own: only the documents whose id starts so (a new round of our own writing)")
    args = ap.parse_args(argv)
    nlp = nlp_loader.load(Config.from_env().model)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict] = {}
    if args.own:
        if not args.own_prefix:
            args.batches = 1
        chosen = [(d.id, None) for d in corpus.iter_collection("own") if d.id.startswith(args.own_prefix)]
    else:
        exclude = {doc for path in args.exclude for doc in json.loads(path.read_text(encoding="utf-8"))}
        if args.exclude_annotated:
            exclude |= annotated_ids()
        chosen = pick(args.seed, args.statedept, args.ungdc, args.bbc, exclude, args.prefer_rare,
                      tuple(args.split))
    texts: list[list[str]] = [[] for _ in range(args.batches)]
    sizes = [0] * args.batches
    for doc_id, window in chosen:
        doc = corpus.get(doc_id)
        spans = sentence_spans(doc.text, nlp)
        if window and len(spans) > window:
            rng = random.Random(f"{args.seed}:{doc_id}")
            spare = len(spans) - window   # skip the opening lines (greetings) where the speech allows
            first = rng.randrange(2, spare) if spare > 2 else spare
            spans = spans[first:first + window]
        target = sizes.index(min(sizes))
        sizes[target] += len(spans)
        manifest[doc_id] = {"batch": target, "sentences": spans, "published": doc.published}
        lines = [f"=== DOC {doc_id} | published {doc.published or 'unknown'}"]
        lines += [f"[{i}] {' '.join(doc.text[s:e].split())}" for i, (s, e) in enumerate(spans)]
        texts[target].append("\n".join(lines))
    stem = "own" if args.own and not args.own_prefix else args.prefix
    for i, chunks in enumerate(texts):
        name = f"{stem}.txt" if args.own and args.batches == 1 else f"{stem}{i:02d}.txt"
        (args.out / name).write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    (args.out / f"manifest_{stem}.json").write_text(json.dumps(manifest), encoding="utf-8")
    print("sentences per batch:", sizes, "documents:", len(manifest))


if __name__ == "__main__":
    main()
