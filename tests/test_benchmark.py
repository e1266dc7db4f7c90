"""The measuring machinery: the streaming JSON writer, the corpus reader, the memory sampler
and `realpolitik bench` itself. Correctness only: speed is measured, never asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from realpolitik.benchmark.corpus import iter_texts
from realpolitik.benchmark.memory import PeakRss, tree_rss
from realpolitik.extract import Extractor
from realpolitik.jsonout import AnalysisWriter
from realpolitik.pipeline import COMPONENT_NEEDS, components_to_disable
from realpolitik.schema import Document, content_id, merge, read, write

TEXTS = [
    "Beijing and Moscow signed 12 agreements in 2019. Chinese President Xi Jinping praised Putin.",
    "Putin said Russia would supply more gas to China. The Kremlin announced $400 billion in deals.",
    "",  # a document with no findings at all
    "The United Nations urged both sides to talk; Xi Jinping did not reply.",
]


@pytest.fixture(scope="module")
def parts(pipeline):
    docs = [Document(id=content_id(t or "-"), text=t or "-", published="2020") for t in TEXTS]
    return list(pipeline.analyze_documents(docs))


def test_streamed_json_is_byte_identical_to_merged_write(parts, tmp_path):
    write(merge(parts), tmp_path / "merged.json")
    with AnalysisWriter(tmp_path / "streamed.json") as writer:
        for part in parts:
            writer.add(part)
    assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "merged.json").read_bytes()
    analysis = read(tmp_path / "streamed.json")  # and it is a valid contract
    assert len(analysis.documents) == len(TEXTS)
    assert any(len({m.doc for m in a.mentions}) > 1 for a in analysis.actors), "an actor merged across documents"


def test_writer_keeps_actors_without_their_mentions(parts, tmp_path):
    with AnalysisWriter(tmp_path / "out.json") as writer:
        for part in parts:
            writer.add(part)
        assert writer.counts["actors"] and all(b'"mentions":[]' in a for a in writer._actors.values())


def test_empty_run_writes_an_empty_contract(tmp_path):
    with AnalysisWriter(tmp_path / "out.json"):
        pass
    assert read(tmp_path / "out.json").documents == []


def test_failed_run_leaves_no_file(parts, tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with AnalysisWriter(tmp_path / "out.json") as writer:
            writer.add(parts[0])
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_corpus_mixes_folders_and_cycles_to_the_words_asked(tmp_path):
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for section in ("politics", "sport"):
            for i in range(2):
                zf.writestr(f"bbc/{section}/{i:03d}.txt", f"{section} story {i} has five words")
        zf.writestr("bbc/README", "not a text file")
    got = list(iter_texts(archive, 30))
    assert [name.split(":")[1] for name, _ in got[:4]] == [
        "bbc/politics/000.txt", "bbc/sport/000.txt", "bbc/politics/001.txt", "bbc/sport/001.txt"]
    assert len(got) == 5 and got[4][0].endswith("#1")  # 4 texts x 6 words, then the cycle starts
    assert sum(len(t.split()) for _, t in got) >= 30


def test_peak_rss_counts_child_processes():
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys, time; b = bytearray(150 * 2**20); b[::4096] = b'x' * len(b[::4096]); "
                              "print('ready', flush=True); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        with PeakRss(os.getpid(), interval=0.01) as peak:
            assert child.stdout.readline().strip() == "ready"
            assert tree_rss(os.getpid()) >= tree_rss(child.pid) >= 150 * 2**20
    finally:
        child.communicate("")
    assert peak.mb >= 150


def test_bench_command_writes_the_documented_json(tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    corpus = tmp_path / "texts"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        if text:
            (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--words", "200",
                                       "--processes", "1", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["corpus"] == str(corpus) and report["words"] == 200
    (run,) = report["runs"]
    assert run["processes"] == 1 and run["measured_words"] >= 200
    for key in ("raw_words_per_s", "full_words_per_s", "ratio", "peak_rss_mb"):
        assert run[key] > 0
    assert run["ratio"] == pytest.approx(run["full_words_per_s"] / run["raw_words_per_s"], abs=1e-3)
    assert set(report["stages_1_process"]) >= {"parse", "ingest", "write", "extract:actors"}
    assert report["machine"]["logical_cpus"] == os.cpu_count() and report["machine"]["cpu"]
    assert f"logical CPUs ({report['machine']['system']}" in result.output
    if "ingest" in report:  # once the DuckDB store is installed
        assert report["ingest"]["documents"] == run["documents"] and report["ingest"]["documents_per_s"] > 0


@pytest.mark.parametrize("declared, disabled", [
    ((("parser",),), {"tagger", "attribute_ruler", "lemmatizer", "ner", "morphologizer", "senter"}),
    ((("parser",), ("lemmatizer",)), {"ner", "senter"}),
    ((("ner",), ()), set()),  # an extractor that names nothing keeps every component
    ((), set(COMPONENT_NEEDS)),  # no extractors: the tokenizer alone
])
def test_components_nobody_needs_are_disabled(declared, disabled):
    extractors = [Extractor(f"x{i}", lambda ctx: None, components=c) for i, c in enumerate(declared)]
    assert set(components_to_disable(extractors)) == disabled


def test_pipeline_loads_only_the_components_its_extractors_need():
    from realpolitik.pipeline import Pipeline

    only_parse = Extractor("deps", lambda ctx: None, components=("parser",))
    from realpolitik.nlp import PARAGRAPH_BREAKS

    assert Pipeline(extractors=[only_parse]).nlp.pipe_names == ["tok2vec", PARAGRAPH_BREAKS, "parser"]
