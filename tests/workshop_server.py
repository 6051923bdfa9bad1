"""The app as `flask workshop serve` runs it (Waitress), on 127.0.0.1, for the workshop tests
and the slow-clients benchmark."""

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.gunicorn_server import ROOT, SECRET_KEY, Server, _stop, _wait_until_healthy, free_port


@contextmanager
def workshop_server(database_url: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    """Serve the app on `database_url` with `flask workshop serve --loopback`; stop it after."""
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "workshop.log"
        environment = os.environ | {"DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY,
                                    "PYTHONUNBUFFERED": "1"} | (env or {})  # fmt: skip
        environment.pop("PUBLIC_URL", None)
        command = [sys.executable, "-m", "flask", "--app", "wsgi", "workshop", "serve",
                   "--loopback", "--port", str(port)]  # fmt: skip
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
