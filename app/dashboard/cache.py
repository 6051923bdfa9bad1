"""Bounded in-process caches: rendered chart bytes keyed by the chart's fingerprint, and
figures keyed by the round revisions they were read at."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

DEFAULT_SIZE = 256
# A chart is 50–400 KB (a grid of 12 radars as SVG is the largest): 256 of them could
# reach 100 MB, so the bytes are bounded too.
DEFAULT_BYTES = 64 * 1024 * 1024


class ChartCache:
    """Least recently used chart bytes: at most `size` charts and `max_bytes` bytes in all;
    safe across threads.

    A fingerprint names the exact bytes of a chart (data, wording, format, library
    versions), so an entry never goes stale: it is only pushed out by newer ones.
    """

    def __init__(self, size: int = DEFAULT_SIZE, max_bytes: int = DEFAULT_BYTES) -> None:
        if size < 1 or max_bytes < 1:
            raise ValueError(f"a chart cache needs room, got size {size}, max_bytes {max_bytes}")
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, fingerprint: str) -> bytes | None:
        """The cached bytes, marked as just used, or None."""
        with self._lock:
            body = self._entries.get(fingerprint)
            if body is not None:
                self._entries.move_to_end(fingerprint)
            return body

    def put(self, fingerprint: str, body: bytes) -> None:
        """Keep `body`, pushing out the least recently used charts while over a bound."""
        with self._lock:
            old = self._entries.pop(fingerprint, None)
            self.bytes -= len(old) if old is not None else 0
            self._entries[fingerprint] = body
            self.bytes += len(body)
            while len(self._entries) > 1 and (
                len(self._entries) > self.size or self.bytes > self.max_bytes
            ):
                _, dropped = self._entries.popitem(last=False)
                self.bytes -= len(dropped)

    def clear(self) -> None:
        """Forget every chart (the benchmark draws "uncached" this way)."""
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self._entries


class KeptFigures:
    """The last `size` figures made, by a key that names what they were read from (round
    ids and revisions, the reader's tambons): a figure is made once while nothing it was
    read from changes, then pushed out by newer ones; safe across threads."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = make()  # outside the lock: two requests may both make it, both correct
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value
