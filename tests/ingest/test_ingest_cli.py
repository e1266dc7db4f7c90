"""`realpolitik analyze` on a mixed batch: exit 1, each bad file named on stderr, good ones analysed."""

import json

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.schema import validate

GOOD = "Manila protested after Chinese coast guard ships blocked a supply mission near the shoal.\n"


@pytest.mark.slow  # loads the spaCy model once
def test_mixed_batch_names_each_bad_file_and_exits_1(tmp_path):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-doc.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (tmp_path / "d-feed.jsonl").write_text(json.dumps({"text": GOOD, "title": "Shoal"}) + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "out.json"
    args = ["analyze", "-q", str(tmp_path), str(tmp_path / "missing.txt"), "--json", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    for bad in ("b-empty.txt: empty", "c-doc.pdf: binary file (looks like PDF)", "d-feed.jsonl:2: malformed JSON",
                "missing.txt: no such file or folder"):
        assert bad in result.stderr
    analysis = validate(json.loads(out.read_text(encoding="utf-8")))
    assert [d.path.rsplit("/", 1)[-1] for d in analysis.documents] == ["a-good.txt", "d-feed.jsonl:1"]
    assert analysis.documents[1].title == "Shoal"
