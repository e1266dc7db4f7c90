"""Whole batches: every bad input is named with its reason, the good ones come through in order."""

import codecs
import io
import json
import tracemalloc

import pytest

from realpolitik.ingest import IngestFailure, Overrides, iter_documents
from realpolitik.ingest.sources import read_stdin
from realpolitik.schema import Document

ENGLISH = ("The prime minister of Norway met the president of Finland in Oslo on Monday. "
           "They agreed to build a railway link across the Arctic border by 2030.\n")
FRENCH = ("Le président a reçu mardi les dirigeants des syndicats pour parler des retraites. "
          "Les discussions ont duré plus de trois heures, selon un communiqué de l'Élysée. "
          "Aucun accord n'a été trouvé, mais une nouvelle réunion est prévue la semaine prochaine. "
          "Les syndicats appellent à une grève nationale pour le mois de mars.\n")
MB = 1024 * 1024


def write_big(path, size, line=b"The delegates talked for hours about the border question.\n"):
    chunk = line * (MB // len(line))
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)


@pytest.fixture
def batch(tmp_path):
    files = {
        "01-good.txt": ENGLISH.encode(),
        "02-empty.txt": b"  \n\n ",
        "03-image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "04-utf16.txt": codecs.BOM_UTF16_LE + ("In Zürich, the café ministers met. " + ENGLISH).encode("utf-16-le"),
        "05-cp1252.txt": ("“Smart quotes” cost €5 in the café, the envoy said. " + ENGLISH).encode("cp1252"),
        "06-scripts.html": b"<html><head><script>var x = 1;</script></head><body><script>run()</script></body></html>",
        "07-feed.jsonl": b"".join([json.dumps({"text": ENGLISH}).encode(), b"\n", b"{not json}\n",
                                   json.dumps({"text": "Second line. " + ENGLISH}).encode(), b"\n"]),
        "08-french.txt": FRENCH.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in files]
    paths.insert(3, str(tmp_path / "missing.txt"))
    return tmp_path, paths


def test_bad_inputs_are_named_and_the_rest_comes_through_in_order(batch):
    tmp, paths = batch
    out = list(iter_documents(paths))
    got = [(x.path.replace(str(tmp) + "/", ""), x.reason if isinstance(x, IngestFailure) else "ok") for x in out]
    assert got == [
        ("01-good.txt", "ok"),
        ("02-empty.txt", "empty: no text to analyse"),
        ("03-image.txt", "binary file (looks like a PNG image)"),
        ("missing.txt", "no such file or folder"),
        ("04-utf16.txt", "ok"),
        ("05-cp1252.txt", "ok"),
        ("06-scripts.html", "no article text found in HTML"),
        ("07-feed.jsonl:1", "ok"),
        ("07-feed.jsonl:2", got[8][1]),
        ("07-feed.jsonl:3", "ok"),
        ("08-french.txt", "language looks like French (fr); only English is analysed"),
    ]
    assert got[8][1].startswith("malformed JSON")
    docs = {x.path.rsplit("/", 1)[-1]: x for x in out if isinstance(x, Document)}
    assert docs["04-utf16.txt"].text.startswith("In Zürich, the café ministers met.")
    assert docs["05-cp1252.txt"].text.startswith("“Smart quotes” cost €5 in the café")
    assert all(str(x).startswith(x.path + ": ") for x in out if isinstance(x, IngestFailure))


def test_50_mb_text_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    write_big(big, 50 * MB)
    tracemalloc.start()
    try:
        out = list(iter_documents([str(big), str(big)], max_bytes=5 * MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MB
    assert len(out) == 2 and all(isinstance(x, IngestFailure) for x in out)
    assert "too large" in out[0].reason and "5,242,880" in out[0].reason and "--max-bytes" in out[0].reason


def test_jsonl_with_a_50_mb_line_streams_in_bounded_memory(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with open(feed, "wb") as f:
        f.write(b'{"text": "')
        for _ in range(50):
            f.write(b"word " * (MB // 5))
        f.write(b'"}\n')
        f.write(json.dumps({"text": ENGLISH}).encode() + b"\n")
    tracemalloc.start()
    try:
        out = list(iter_documents([str(feed)], max_bytes=MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MB
    assert isinstance(out[0], IngestFailure) and out[0].path.endswith("feed.jsonl:1")
    assert isinstance(out[1], Document)


def test_header_block_is_metadata_not_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title: Railway deal\nPublished: 5 June 2019\nSource: Example Wire\nAuthor: Kari Nord\n\n" + ENGLISH,
                 encoding="utf-8")
    (doc,) = iter_documents([str(f)])
    assert doc.text == ENGLISH
    assert (doc.title, doc.published, doc.publisher, doc.author) == ("Railway deal", "2019-06-05", "Example Wire", "Kari Nord")


def test_crlf_becomes_lf_and_bom_is_dropped(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes(codecs.BOM_UTF8 + ENGLISH.replace("\n", "\r\n").encode() * 2)
    (doc,) = iter_documents([str(f)])
    assert doc.text == ENGLISH * 2


def test_overrides_apply_to_every_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    (doc,) = iter_documents([str(f)], Overrides(published="2024", title="T", source="S"))
    assert (doc.published, doc.title, doc.publisher) == ("2024", "T", "S")


def test_folders_are_walked_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".git" / "HEAD.txt").write_text(ENGLISH, encoding="utf-8")
    out = [x.path.replace(str(tmp_path) + "/", "") for x in iter_documents([str(tmp_path)])]
    assert out == ["1.txt", "b/2.txt"]


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    f = tmp_path / "saved.txt"
    f.write_text(f"<!DOCTYPE html><html><head><title>Rail</title></head><body><article><p>{ENGLISH}</p>"
                 f"<p>{ENGLISH}</p></article></body></html>", encoding="utf-8")
    (doc,) = iter_documents([str(f)])
    assert "<p>" not in doc.text and doc.title == "Rail"


def test_stdin_text_and_limit():
    (doc,) = read_stdin(io.BytesIO(ENGLISH.encode()), Overrides(), 10_000)
    assert doc.path == "<stdin>" and doc.text == ENGLISH
    (fail,) = read_stdin(io.BytesIO(b"x" * 20_001), Overrides(), 20_000)
    assert fail.path == "<stdin>" and "too large" in fail.reason


def test_stdin_jsonl_is_streamed_per_line():
    data = json.dumps({"text": ENGLISH}).encode() + b"\nnope\n" + json.dumps({"text": ENGLISH + "More."}).encode()
    out = list(read_stdin(io.BytesIO(data), Overrides(), 10_000))
    assert [x.path for x in out] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert isinstance(out[1], IngestFailure) and isinstance(out[2], Document)


def test_a_bug_on_one_input_fails_that_input_only(tmp_path, monkeypatch):
    from realpolitik.ingest import boilerplate

    real = boilerplate.detect

    def flaky(text):
        if "poison" in text:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(boilerplate, "detect", flaky)
    (tmp_path / "a.txt").write_text("The poison pill clause was debated. " + ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "poison " + ENGLISH}) + "\n" + json.dumps({"text": ENGLISH}) + "\n",
                                      encoding="utf-8")
    out = list(iter_documents([str(tmp_path)]))
    assert [type(x).__name__ for x in out] == ["IngestFailure", "Document", "IngestFailure", "Document"]
    assert "boom" in out[0].reason and out[2].path.endswith("c.jsonl:1")


def test_listing_then_reading_from_another_folder_gives_the_same_items(batch, monkeypatch):
    """What the Ray engine does: list here (names only), read each file in another process
    whose working folder differs; relative names must read and come out as one process gives."""
    from realpolitik.ingest.sources import inputs, read_input

    tmp, paths = batch
    monkeypatch.chdir(tmp.parent)
    relative = [p.replace(str(tmp.parent) + "/", "") for p in paths] + [tmp.name]  # files, then the folder
    expected = list(iter_documents(relative))
    listed = list(inputs(relative))
    monkeypatch.chdir("/")
    read = [x for entry in listed for x in ([entry] if isinstance(entry, IngestFailure)
                                            else read_input(entry, Overrides(), 5 * MB, root=tmp.parent))]
    assert [x.path for x in read] == [x.path for x in expected]
    assert read == expected
    assert read[0].path == f"{tmp.name}/01-good.txt"
