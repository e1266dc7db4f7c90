"""Several processes give exactly what one gives, in input order, without reading ahead."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from realpolitik.ingest import IngestFailure
from realpolitik.parallel import ParallelAnalyzer, analyze_stream
from realpolitik.schema import Analysis, Document, content_id, merge

TEXTS = [
    "Germany and France agreed on Tuesday to send 40 more tanks to Ukraine, officials in Berlin said.",
    "Chinese President Xi Jinping met Vladimir Putin in Moscow in June 2019. He praised the partnership.",
    "The European Union imposed sanctions on Iran last year; Tehran called them illegal.",
    "Japan's defence minister visited Canberra to discuss a $2 billion submarine deal with Australia.",
    "NATO said Russian troops had moved 30 km closer to the border with Finland.",
    "The Kremlin rejected the proposal, while Washington promised more aid.",
    "India and Pakistan exchanged fire along the Line of Control for the third time this month.",
]


def documents() -> list[Document]:
    return [Document(id=content_id(t), text=t, path=f"t{i}.txt", published="2024-03-01")
            for i, t in enumerate(TEXTS)]


def as_json(results: list[Analysis | IngestFailure]) -> str:
    parts = [r for r in results if isinstance(r, Analysis)]
    return json.dumps(merge(parts).to_dict(), sort_keys=True)


@pytest.fixture(scope="module")
def small_batches(pipeline):
    """Batches of two documents, so several batches are in flight and order could slip."""
    pipeline.analyze_text(TEXTS[0])  # build lazy state before any fork
    return replace(pipeline.config, batch_size=2)


def test_two_processes_equal_one(pipeline, small_batches):
    one = list(pipeline.analyze_stream(documents()))
    with ParallelAnalyzer(small_batches, processes=2, pipeline=pipeline) as pool:
        two = list(pool.analyze_stream(documents()))
    assert [r.documents[0].path for r in two] == [f"t{i}.txt" for i in range(len(TEXTS))]
    assert as_json(two) == as_json(one)


def test_failures_stay_in_place(pipeline, small_batches):
    items: list[Document | IngestFailure] = list(documents())
    items.insert(3, IngestFailure("broken.txt", "binary file"))
    items.append(IngestFailure("empty.txt", "empty: no text to analyse"))
    seen: list[IngestFailure] = []
    with ParallelAnalyzer(small_batches, processes=2, pipeline=pipeline) as pool:
        results = list(pool.analyze_stream(items, on_failure=seen.append))
    names = [r.path if isinstance(r, IngestFailure) else r.documents[0].path for r in results]
    assert names == [i.path for i in items]
    assert [f.path for f in seen] == ["broken.txt", "empty.txt"]


def test_input_is_read_lazily(pipeline, small_batches):
    """Only the batches in flight are pulled from the input, not the whole corpus."""
    pulled = 0

    def source():
        nonlocal pulled
        for _ in range(20):
            for d in documents():
                pulled += 1
                yield d

    with ParallelAnalyzer(small_batches, processes=2, pipeline=pipeline, window=3, task_texts=2) as pool:
        stream = pool.analyze_stream(source())
        next(stream)
        assert pulled <= 3 * 2  # three tasks of two texts in flight
        stream.close()


def test_spawned_workers_build_their_own_pipeline(pipeline, small_batches):
    one = list(pipeline.analyze_stream(documents()[:3]))
    with ParallelAnalyzer(small_batches, processes=2, start_method="spawn") as pool:
        two = list(pool.analyze_stream(documents()[:3]))
    assert as_json(two) == as_json(one)


def test_one_process_runs_in_this_process(pipeline):
    results = list(analyze_stream(documents()[:2], processes=1, pipeline=pipeline))
    assert as_json(results) == as_json(list(pipeline.analyze_stream(documents()[:2])))


def test_cli_processes_two_writes_the_same_json(tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(TEXTS):
        (src / f"{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    runner = CliRunner()
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}.json"
        result = runner.invoke(main, ["analyze", str(src), "-q", "--published", "2024",
                                      "--processes", str(n), "--json", str(out)])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert len(json.loads(outs[0])["documents"]) == len(TEXTS)


def test_a_stream_does_not_grow_the_vocab(pipeline):
    """Each batch runs in spaCy's memory zone: new words leave no strings behind."""
    pipeline.warm_up()
    before = len(pipeline.nlp.vocab.strings)
    novel = [Document(id=content_id(t), text=t, published="2024")
             for t in (f"Zorblax{n} Quenthar{n} met Vladimir Putin in Moscow to discuss {n} projects." for n in range(6))]
    results = list(pipeline.analyze_documents(novel))
    assert len(pipeline.nlp.vocab.strings) == before
    assert all("vladimir-putin" in {a.id for a in r.actors} for r in results)  # the gazetteer outlived the zones


def test_batches_are_bounded_in_texts_and_characters():
    from realpolitik.pipeline import batches

    docs = [Document(id=str(n), text="x" * size) for n, size in enumerate([40, 40, 40, 10, 200, 5, 5, 5, 5])]
    items: list[Document | IngestFailure] = [*docs[:2], IngestFailure("bad.txt", "empty"), *docs[2:]]
    got = [[i.id if isinstance(i, Document) else i.path for i in b] for b in batches(iter(items), 3, 100)]
    assert got == [["0", "1", "bad.txt"], ["2", "3"], ["4"], ["5", "6", "7"], ["8"]]


def test_a_long_text_is_parsed_in_chunks_and_joined(pipeline):
    from realpolitik.pipeline import CHUNK_CHARS

    paragraph = "Germany sent 40 tanks to Ukraine in March 2023, officials in Berlin said.\n\n"
    text = paragraph * (2 * CHUNK_CHARS // len(paragraph) + 1)
    (doc,) = pipeline.parse([Document(id="long", text=text)])
    assert doc.text == text
