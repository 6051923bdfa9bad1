"""Slow clients: many connections that send a request's header one line at a time (one line
every INTERVAL seconds, never finishing), while a probe asks for `/healthz` and a phone sends
its form again and again. Shows whether the slow ones delay the others.

For each server (on 127.0.0.1, on a temporary SQLite database with the demo data):
- "waitress": `flask workshop serve`, as `make workshop` runs it;
- "gunicorn": gunicorn with the project's gunicorn.conf.py, as in production.
First BASELINE seconds without slow clients, then CONNECTIONS slow ones for DURATION seconds.
Prints the latency (median and worst) of `/healthz` and of a phone's submission (open the
form of its personal link, send it) in both phases, and whether the worst under load stayed
within one second of the worst without.

Run from the repository root (bounded: at most a few hundred sockets on loopback):
    .venv/bin/python bench/slow_clients.py [waitress|gunicorn ...]
    SLOW_CONNECTIONS=50 SLOW_INTERVAL=5 SLOW_DURATION=30 (the defaults)
"""

import os
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CONNECTIONS = min(int(os.environ.get("SLOW_CONNECTIONS", "50")), 400)
INTERVAL = float(os.environ.get("SLOW_INTERVAL", "5"))
DURATION = min(float(os.environ.get("SLOW_DURATION", "30")), 120)
BASELINE = 5.0
ALLOWED_DELAY = 1.0  # seconds a slow client may add to the worst latency
PROBE_TIMEOUT = 15.0


@dataclass
class Timings:
    """Latencies of one kind of request in one phase; failures count as PROBE_TIMEOUT."""

    seconds: list[float] = field(default_factory=list)
    failures: int = 0

    def add(self, seconds: float, ok: bool) -> None:
        self.seconds.append(seconds if ok else max(seconds, PROBE_TIMEOUT))
        self.failures += not ok

    @property
    def worst(self) -> float:
        return max(self.seconds, default=0.0)

    def line(self) -> str:
        if not self.seconds:
            return "no request"
        median = statistics.median(self.seconds)
        return (f"{len(self.seconds):4d} requests, median {median * 1000:7.1f} ms, "
                f"worst {self.worst * 1000:7.1f} ms, failed {self.failures}")  # fmt: skip


@contextmanager
def slow_clients(base: str, count: int, interval: float) -> Iterator[list[socket.socket]]:
    """`count` connections to `base`, each sending one more header line every `interval`
    seconds until the block ends; the request is never finished."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    stop = threading.Event()
    sockets = []
    for _ in range(count):
        conn = socket.create_connection((host, int(port)), timeout=5)
        conn.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n".encode())
        sockets.append(conn)

    def drip() -> None:
        line = 0
        while not stop.wait(interval):
            line += 1
            for conn in sockets:
                with suppress(OSError):  # closed by the server: it is no longer held
                    conn.sendall(f"X-Slow-{line}: still sending\r\n".encode())

    dripping = threading.Thread(target=drip, daemon=True)
    dripping.start()
    try:
        yield sockets
    finally:
        stop.set()
        dripping.join(timeout=interval + 5)
        for conn in sockets:
            conn.close()


def still_open(sockets: list[socket.socket]) -> int:
    """How many of the slow connections the server has not closed."""
    alive = 0
    for conn in sockets:
        try:
            conn.sendall(b"X-Check: 1\r\n")
            alive += 1
        except OSError:
            pass
    return alive


def timed(timings: Timings, request: Callable[[], bool]) -> None:
    start = time.perf_counter()
    try:
        ok = request()
    except OSError:
        ok = False
    timings.add(time.perf_counter() - start, ok)


class Probes:
    """`/healthz` every 0.25 s and a phone's submission every 0.5 s, in two threads, each
    phase's timings kept apart."""

    def __init__(self, base: str, submit: Callable[[], bool]):
        from tests.phone import Phone

        self.health = Phone(base, timeout=PROBE_TIMEOUT)
        self.submit = submit
        self.phase = "baseline"
        self.timings: dict[str, dict[str, Timings]] = {}
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._loop, args=("healthz", self._healthz, 0.25)),
            threading.Thread(target=self._loop, args=("submission", self.submit, 0.5)),
        ]

    def _healthz(self) -> bool:
        return self.health.get("/healthz").status == 200

    def _loop(self, kind: str, request: Callable[[], bool], pause: float) -> None:
        while not self._stop.is_set():
            phase = self.timings.setdefault(self.phase, {})
            timed(phase.setdefault(kind, Timings()), request)
            self._stop.wait(pause)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=PROBE_TIMEOUT + 5)


def phone_submission(base: str, code: str = "DEMO26") -> Callable[[], bool]:
    """A phone that answered once; each call opens its personal link's form and sends it."""
    from tests.assess_helpers import FACILITATOR, filled
    from tests.phone import Phone

    phone = Phone(base, timeout=PROBE_TIMEOUT)
    roster = phone.get(f"/j/{code}").text
    links = re.findall(rf'<li[^>]*><a href="/j/{code}/f/(\d+)">(.*?)</a></li>', roster)
    person = next(n for n, text in links if 'class="answered"' not in text)
    first = phone.post(f"/j/{code}/f/{person}",
                       filled(FACILITATOR, **phone.open_form(f"/j/{code}/f/{person}")))  # fmt: skip
    if first.status != 303:
        raise RuntimeError(f"the first submission answered {first.status}")
    edit = first.location + "/edit"
    levels = iter(range(10**9))

    def submit() -> bool:
        fields = phone.open_form(edit)
        target = str(3 + next(levels) % 3)
        return phone.post(edit, filled(FACILITATOR, "2", target, **fields)).status == 303

    return submit


def demo_database(url: str) -> None:
    """Migrate the database at `url` and load the instruments and the demo data."""
    import flask_migrate

    from app import create_app
    from app.demo.load import load_demo
    from app.extensions import db
    from app.instruments import load_directory
    from app.instruments.store import store_version

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        flask_migrate.upgrade()
        for path, instrument in load_directory(app.config["INSTRUMENTS_DIR"]):
            store_version(instrument, path.name)
        db.session.commit()
        load_demo()
        db.engine.dispose()


def measure(base: str, count: int, interval: float, duration: float, baseline: float) -> dict:
    """Baseline, then `count` slow clients for `duration`; the timings of both phases and
    how many slow connections were still open at the end."""
    with Probes(base, phone_submission(base)) as probes:
        time.sleep(baseline)
        with slow_clients(base, count, interval) as sockets:
            probes.phase = "slow clients"
            time.sleep(duration)
            held = still_open(sockets)
    return {"timings": probes.timings, "held": held}


def verdict(result: dict) -> tuple[bool, list[str]]:
    """Whether the worst latency under load stayed within ALLOWED_DELAY of the baseline's."""
    lines, ok = [], True
    for kind in ("healthz", "submission"):
        calm = result["timings"]["baseline"][kind]
        loaded = result["timings"]["slow clients"][kind]
        delay = loaded.worst - calm.worst
        fine = delay <= ALLOWED_DELAY and loaded.failures == 0
        ok &= fine
        lines.append(f"  {kind:10s} without: {calm.line()}")
        lines.append(f"  {kind:10s} with:    {loaded.line()}  "
                     f"-> {'ok' if fine else 'DELAYED'} ({delay:+.2f} s)")  # fmt: skip
    return ok, lines


def run(server_name: str) -> bool:
    from tests.gunicorn_server import gunicorn_server
    from tests.workshop_server import workshop_server

    serve = {"waitress": workshop_server, "gunicorn": gunicorn_server}[server_name]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/slow.sqlite"
        demo_database(url)
        with serve(url) as server:
            result = measure(server.base, CONNECTIONS, INTERVAL, DURATION, BASELINE)
    ok, lines = verdict(result)
    print(f"{server_name}: {CONNECTIONS} slow connections, a header line every {INTERVAL:g} s "
          f"for {DURATION:g} s; {result['held']} still open at the end")  # fmt: skip
    print("\n".join(lines))
    return ok


def main() -> None:
    names = sys.argv[1:] or ["waitress", "gunicorn"]
    results = {name: run(name) for name in names}
    print("verdict:", ", ".join(f"{n} {'ok' if ok else 'DELAYED'}" for n, ok in results.items()))
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
