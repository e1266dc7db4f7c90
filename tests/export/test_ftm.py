"""The FtM export is read back and validated by the `followthemoney` library itself."""

from __future__ import annotations

import hashlib
import json

import pytest
from followthemoney import model
from followthemoney.exc import InvalidData

from realpolitik.export import export
from realpolitik.export.ftm import checked, country_code, make
from realpolitik.store.testing import EXAMPLES


def entities(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_valid_ftm(found: list[dict]) -> None:
    """What Aleph's importer checks, by FtM's own model: known schema and properties, required
    properties present, every value valid for its type (re-cleaning it changes nothing), and
    every entity reference pointing at an exported entity."""
    ids = {e["id"] for e in found}
    assert len(ids) == len(found)
    for data in found:
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        assert schema.validate(data) is None  # raises InvalidData on any invalid value
        assert set(data["properties"]) <= set(schema.properties), data["id"]
        assert all(data["properties"].get(p) for p in schema.required), data["id"]
        strict = model.get_proxy(data, cleaned=False)  # every value re-validated and normalised
        assert strict.to_dict()["properties"] == data["properties"], data["id"]
        for name, values in data["properties"].items():
            if schema.properties[name].type.name == "entity":
                assert set(values) <= ids, (data["id"], name)


def test_every_exported_entity_passes_followthemoneys_validation(filled, tmp_path):
    store, _ = filled
    [path] = export(store, "ftm", tmp_path / "entities.ftm.json")
    found = entities(path)
    assert_valid_ftm(found)
    by_schema: dict[str, list[dict]] = {}
    for e in found:
        by_schema.setdefault(e["schema"], []).append(e)
    assert len(by_schema["Article"]) == store.counts()["documents"]
    assert by_schema["Event"] and by_schema["PublicBody"] and by_schema["Person"]
    china = next(e for e in by_schema["PublicBody"] if e["properties"]["name"] == ["China"])
    assert china["properties"]["country"] == ["cn"]
    assert "vladimir-putin" not in {e["properties"].get("recordId", [""])[0] for e in found}


def test_content_hash_is_the_sha1_of_the_exported_text_and_no_local_path_leaks(filled, tmp_path):
    store, _ = filled
    [path] = export(store, "ftm", tmp_path / "entities.ftm.json")
    raw = path.read_text(encoding="utf-8")
    for article in (e for e in entities(path) if e["schema"] == "Article"):
        [text] = article["properties"]["bodyText"]
        assert article["properties"]["contentHash"] == [hashlib.sha1(text.encode("utf-8")).hexdigest()]
    assert str(EXAMPLES) not in raw and str(EXAMPLES.parent) not in raw
    assert not any(d["path"] and d["path"] in raw for d in store.documents(limit=None))


def test_the_wire_report_as_ftm(wire, wire_report, tmp_path):
    [path] = export(wire, "ftm", tmp_path / "entities.ftm.json")
    found = entities(path)
    assert_valid_ftm(found)
    raw = path.read_text(encoding="utf-8")
    assert wire_report.path not in raw and "/home/" not in raw
    article = next(e for e in found if e["schema"] == "Article" and e["properties"].get("sourceUrl"))
    assert article["properties"]["sourceUrl"] == [wire_report.url]
    assert article["properties"]["publishedAt"] == ["2019-03"]
    events = {e["properties"]["recordId"][0]: e for e in found if e["schema"] == "Event"}
    assert "ev-attack" not in events  # negated: FtM cannot say "did not happen"
    sign = events["ev-sign"]["properties"]
    assert (sign["startDate"], sign["endDate"]) == (["2019-03-11"], ["2019-03-17"]) and "date" not in sign
    assert events["ev-warn"]["properties"]["date"] == ["2019-03-14"]
    nato = next(e for e in found if e["properties"].get("name") == ["North Atlantic Treaty Organization"])
    assert nato["id"] in events["ev-warn"]["properties"]["involved"]


def test_an_invalid_entity_is_refused_before_it_is_written():
    article = make("Article", "rp-doc-x", title="x")
    article.add("contentHash", "ab" * 32, cleaned=True)  # a SHA-256 is not an FtM checksum
    with pytest.raises(InvalidData):
        checked(article)


@pytest.mark.parametrize("alpha3, alpha2", [("CHN", "cn"), ("RUS", "ru"), ("USA", "us"), ("SUN", "suhh"),
                                            ("XKX", "xk"), (None, None), ("ZZZ", None)])
def test_ftm_country_codes(alpha3, alpha2):
    assert country_code(alpha3) == alpha2
