"""Every setting is documented in the README, and the environment overrides its default."""

from __future__ import annotations

from pathlib import Path

from realpolitik.api.settings import API_SETTINGS
from realpolitik.config import SETTINGS, Config

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for s in (*SETTINGS, *API_SETTINGS):
        assert f"`{s.env}`" in text, f"{s.name} ({s.env}) is not documented in README.md"


def test_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("REALPOLITIK_BATCH_SIZE", "32")
    monkeypatch.setenv("REALPOLITIK_MODEL", "en_core_web_md")
    config = Config.from_env()
    assert config.batch_size == 32 and config.model == "en_core_web_md"


def test_explicit_overrides_win_over_environment(monkeypatch):
    monkeypatch.setenv("REALPOLITIK_MAX_BYTES", "100")
    assert Config.from_env(max_bytes=500).max_bytes == 500
    assert Config.from_env(max_bytes=None).max_bytes == 100
