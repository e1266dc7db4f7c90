"""POST /analyze: the contract JSON for a posted text, and nothing stored."""

from __future__ import annotations

from realpolitik.schema import SCHEMA_VERSION, validate

TEXT = "Beijing accused Washington of hacking its ministries, the foreign ministry said on Tuesday."


def test_analyze_returns_the_contract_and_stores_nothing(api):
    before = api.get("/health").json()["counts"]
    r = api.post("/analyze", json={"text": TEXT, "published": "2024-05-01", "title": "t"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["schema"] == SCHEMA_VERSION
    analysis = validate(body)
    assert analysis.documents[0].published == "2024-05-01" and analysis.documents[0].title == "t"
    assert any(e.type == "ACCUSE" for e in analysis.events)
    assert api.get("/health").json()["counts"] == before


def test_analyze_html_is_reduced_to_its_text(api):
    r = api.post("/analyze", json={"html": f"<html><body><article><p>{TEXT}</p><script>alert(1)</script>"
                                           "</article></body></html>"})
    assert r.status_code == 200, r.text
    text = r.json()["documents"][0]["text"]
    assert "Beijing accused Washington" in text and "alert" not in text


def test_analyze_rejects_empty_text(api, error_of):
    error_of(api.post("/analyze", json={"text": "  \n "}), 422, "validation_error")


def test_the_bracket_bomb_is_analysed_with_its_text_and_offsets_intact(api):
    """12,000 '(' then 12,000 ')' froze the server for a minute (issue 14); the tokenizer now
    sees a defused copy of the same length, and the contract keeps the text as posted."""
    text = "Japan protested to China on Monday. " + "(" * 12_000 + ")" * 12_000 + " Russia met India."
    response = api.post("/analyze", json={"text": text, "published": "2024-05-06"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["documents"][0]["text"] == text
    protest = [e for e in body["events"] if e["source"] == "JPN"]
    assert protest and text[protest[0]["trigger"]["start"]:protest[0]["trigger"]["end"]] == protest[0]["trigger"]["text"]


def test_a_lone_surrogate_in_posted_json_is_replaced_not_a_500(api):
    response = api.post("/analyze", content=b'{"text": "' + TEXT.encode() + b' \\ud800"}',
                        headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    doc = response.json()["documents"][0]
    assert doc["text"].endswith("\ufffd") and doc["metadata"]["warnings"]
