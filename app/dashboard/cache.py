"""A bounded in-process cache of rendered chart bytes, keyed by the chart's fingerprint."""

import threading
from collections import OrderedDict

DEFAULT_SIZE = 256


class ChartCache:
    """Least recently used chart bytes, at most `size` of them; safe across threads.

    A fingerprint names the exact bytes of a chart (data, wording, format, library
    versions), so an entry never goes stale: it is only pushed out by newer ones.
    """

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError(f"a chart cache holds at least one chart, got size {size}")
        self.size = size
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
        """Keep `body`, pushing out the least recently used chart when full."""
        with self._lock:
            self._entries[fingerprint] = body
            self._entries.move_to_end(fingerprint)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every chart (the benchmark draws "uncached" this way)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self._entries
