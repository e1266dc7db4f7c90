"""DEU III backtest: the reader on a tiny file, and the acceptance figures on the real data.

The real-data tests skip cleanly when ../shared (or $REALPOLITIK_SHARED) is absent.
"""

import json
import os
from pathlib import Path

import pytest

from realpolitik.forecast.backtest import backtest, cross_validate
from realpolitik.forecast.capability import CapabilityRule, council_votes
from realpolitik.forecast.deu import read_deu

SHARED = Path(os.environ.get("REALPOLITIK_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
DEU = SHARED / "data" / "deu3" / "deu3.csv"
needs_deu = pytest.mark.skipif(not DEU.is_file(), reason=f"DEU III data not found at {DEU}")

HEADER = ["isnr", "prnr", "proc", "counvte", "pcom", "pep", "pde", "pfr", "scom", "sep", "sde", "sfr", "rp", "out"]


def write_tiny(path: Path) -> Path:
    def line(cells):
        return "\t".join(f'"{c}"' if isinstance(c, str) and c else str(c) for c in cells)
    rows = [HEADER,
            ["", "", "", "", 4.1, 4.1, 4.1, 2.8, "", "", "", "", "", ""],
            ["i1", "d00001", "COD", "QMV", 100, 100, 0, 0, 50, 50, 50, 50, 0, 40],
            ["i2", "d00001", "COD", "QMV", 100, "", 0, "", 50, "", 50, "", 0, 40],   # two actors
            ["i3", "d00002", "CNS", "Unan", 0, 50, 100, 100, 50, "", 100, 100, "", ""],  # no outcome
            ["i4", "d14003", "CNS", "QMV", 0, 50, 100, 80, 80, "", 20, 50, "", 70]]     # ep salience missing
    path.write_text("\n".join(line(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_reader_and_skips(tmp_path):
    data = read_deu(write_tiny(tmp_path / "deu.csv"))
    assert [i.id for i in data.issues] == ["i1", "i4"]
    assert dict(data.skipped) == {"i2": "fewer than 3 actors with a position", "i3": "no outcome recorded"}
    assert data.issues[1].imputed_salience == ["ep"] and data.issues[1].saliences["ep"] == 50
    assert data.issues[1].year == 2014 and data.gdp["de"] == 4.1
    report = backtest(data, ["compromise", "median"], CapabilityRule("equal"))
    # i1: mean of 100,100,0,0 = 50 → error 10; i4: (80*0 + 50*50 + 20*100 + 50*80)/200 = 42.5 → 27.5
    comp = next(s for s in report["scores"] if s["model"] == "compromise")
    assert comp["mae"] == pytest.approx((10 + 27.5) / 2)
    assert report["issues_used"] == 2 and report["issues_skipped"] == 2


def test_council_votes_by_rule(tmp_path):
    data = read_deu(write_tiny(tmp_path / "deu.csv"))
    amsterdam = council_votes(data.issues[0])   # 2000 proposal, QMV: DE 10, FR 10
    assert amsterdam == {"de": 0.5, "fr": 0.5}
    caps = CapabilityRule("votes", ep_cns=0.0)
    from realpolitik.forecast.capability import capabilities
    weights = capabilities(data.issues[1], caps, data.gdp)   # CNS: Parliament weighs nothing
    assert weights["ep"] == 0 and weights["com"] == max(weights["de"], weights["fr"])


@needs_deu
def test_deu_acceptance_ranges():
    data = read_deu(DEU)
    assert len(data.issues) == 351
    report = backtest(data, ["compromise", "median", "eu"], CapabilityRule("equal"))
    mae = {s["model"]: s["mae"] for s in report["scores"]}
    assert 23.2 <= mae["compromise"] <= 24.2
    assert 28.0 <= mae["median"] <= 28.8
    assert 20 < mae["eu"] < 35


@needs_deu
def test_deu_cli_json(tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["backtest", str(DEU), "--model", "compromise,median", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["issues_used"] == 351 and report["skipped_reasons"]["no outcome recorded"] == 11


@needs_deu
@pytest.mark.slow
def test_deu_cross_validation_reports_folds():
    data = read_deu(DEU)
    rules = [CapabilityRule("equal"), CapabilityRule("gdp"), CapabilityRule("votes")]
    cv = cross_validate(data, "compromise", k=5, rules=rules)
    assert len(cv["fold_mae"]) == 5 and cv["fold_mae_sd"] > 0
    assert 21 < cv["cv_mae"] < 25
