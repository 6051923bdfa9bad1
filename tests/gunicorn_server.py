"""The app under gunicorn, as in production (the project's gunicorn.conf.py, forked workers
with threads), on 127.0.0.1, for the reliability tests and the workshop-burst benchmark."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = "gunicorn-test-secret-key"


@dataclass(frozen=True)
class Server:
    base: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        """What gunicorn and its workers printed so far (for a failing test's message)."""
        return self.log.read_text(errors="replace")

    def workers_booted(self) -> int:
        """How many worker processes gunicorn has started so far, as its log says."""
        return self.output().count("Booting worker with pid")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(
    database_url: str,
    app: str = "wsgi:app",
    *,
    workers: int | None = None,
    threads: int | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """Serve `app` (module:variable) on `database_url`; yields the Server; stops it after.

    `workers`, `threads`: as given, else as gunicorn.conf.py decides (production's defaults).
    """
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "gunicorn.log"
        sizes = {"WEB_CONCURRENCY": workers, "GUNICORN_THREADS": threads}
        environment = (
            os.environ
            | {
                "DATABASE_URL": database_url,
                "SECRET_KEY": SECRET_KEY,
                "BIND": f"127.0.0.1:{port}",
                "ACCESS_LOG": str(Path(folder) / "access.log"),
            }
            | {name: str(value) for name, value in sizes.items() if value is not None}
            | (env or {})
        )
        command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), app]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT
            )
        server = Server(f"http://127.0.0.1:{port}", process, log)
        try:
            _wait_until_healthy(server)
            yield server
        finally:
            _stop(process)


def _wait_until_healthy(server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{server.output()}")
        try:
            with urllib.request.urlopen(server.base + "/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz in {seconds} s:\n{server.output()}")


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)  # graceful: workers finish what they are doing
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
