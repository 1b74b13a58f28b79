"""Work kept between runs: private folders only, entries keyed by what they are made from."""

from __future__ import annotations

import os

import pytest

from generator import cache


def test_an_entry_is_kept_and_read_back(tmp_path):
    folder = tmp_path / "kept"
    folder.mkdir(mode=0o700)
    key = cache.key_of("graph", b"\x00\x01")
    assert cache.read_bytes(folder, key) is None
    cache.write_bytes(folder, key, b"positions")
    assert cache.read_bytes(folder, key) == b"positions"
    assert [p.name for p in folder.iterdir()] == [key]  # no temporary file left


def test_keys_differ_with_any_part():
    assert cache.key_of("a", "b") != cache.key_of("ab") != cache.key_of("a", "c")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_folder_others_can_write_is_neither_read_nor_written(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    (shared / "k").write_bytes(b"planted")
    assert cache.read_bytes(shared, "k") is None
    cache.write_bytes(shared, "j", b"mine")
    assert not (shared / "j").exists()


def test_the_private_folder_is_made_for_this_user_only(tmp_path, monkeypatch):
    monkeypatch.setattr(cache.tempfile, "gettempdir", lambda: str(tmp_path))
    folder = cache.private_folder("layouts")
    assert folder is not None and folder.parent == tmp_path and cache.is_private(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
