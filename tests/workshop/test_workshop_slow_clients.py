"""Slow clients do not stop the workshop server: connections sending their header one line
at a time, never finishing, do not delay `/healthz` or a phone's submission (the full
figures, for gunicorn too: bench/slow_clients.py)."""

from bench.slow_clients import measure, verdict
from tests.workshop_server import workshop_server


def test_thirty_slow_connections_delay_nobody(app, demo, database_url):
    with workshop_server(database_url) as server:
        result = measure(server.base, count=30, interval=1, duration=3, baseline=1)
        assert server.process.poll() is None
    ok, lines = verdict(result)
    assert ok, "\n".join(lines)
    loaded = result["timings"]["slow clients"]
    # The probes ran all along, and the slow connections were held open, not dropped.
    assert len(loaded["healthz"].seconds) >= 8 and len(loaded["submission"].seconds) >= 3
    assert result["held"] == 30
