"""The bounded cache of rendered charts: least recently used out first, never over size."""

import threading

import pytest

from app.dashboard.cache import DEFAULT_BYTES, DEFAULT_SIZE, ChartCache


def test_the_least_recently_used_chart_goes_first():
    cache = ChartCache(size=2)
    cache.put("a", b"A")
    cache.put("b", b"B")
    assert cache.get("a") == b"A"  # "a" is now the most recently used
    cache.put("c", b"C")
    assert "b" not in cache and cache.get("a") == b"A" and cache.get("c") == b"C"
    assert cache.get("b") is None


def test_the_cache_never_holds_more_than_its_size():
    cache = ChartCache(size=3)
    for n in range(10):
        cache.put(str(n), bytes([n]))
    assert len(cache) == 3 and [cache.get(k) for k in "789"] == [b"\x07", b"\x08", b"\x09"]


def test_putting_the_same_fingerprint_twice_keeps_one_entry():
    cache = ChartCache(size=2)
    cache.put("a", b"A")
    cache.put("a", b"A")
    assert len(cache) == 1 and cache.bytes == 1


def test_the_cache_never_holds_more_than_its_bytes():
    cache = ChartCache(size=10, max_bytes=10)
    for key in "abc":
        cache.put(key, b"1234")  # 4 bytes each: the third pushes "a" out
    assert "a" not in cache and "b" in cache and "c" in cache and cache.bytes == 8
    cache.put("big", b"x" * 50)  # bigger than the bound: kept alone, the others go
    assert len(cache) == 1 and cache.get("big") and cache.bytes == 50
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0


def test_threads_share_the_cache_safely():
    cache = ChartCache(size=50)

    def fill(start: int) -> None:
        for n in range(start, start + 200):
            cache.put(str(n % 120), b"x")
            cache.get(str((n * 7) % 120))

    threads = [threading.Thread(target=fill, args=(k * 200,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 50


def test_the_app_s_cache_has_the_configured_size(app):
    assert app.extensions["chart_cache"].size == DEFAULT_SIZE == 256
    assert app.extensions["chart_cache"].max_bytes == DEFAULT_BYTES == 64 * 1024 * 1024
    with pytest.raises(ValueError):
        ChartCache(size=0)
