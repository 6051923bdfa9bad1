"""Settings, read from the environment with safe defaults for a laptop at a workshop."""

import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent / "instance"


def database_url(instance_dir: Path = INSTANCE_DIR) -> str:
    """`DATABASE_URL` when set (PostgreSQL through psycopg 3), else SQLite in `instance/`."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{instance_dir / 'freedom-table.sqlite'}"
    # Hosting panels hand out postgres:// or postgresql:// URLs; we speak psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key(instance_dir: Path = INSTANCE_DIR) -> str:
    """`SECRET_KEY` from the environment, else one generated once and kept in `instance/`."""
    from_env = os.environ.get("SECRET_KEY", "").strip()
    if from_env:
        return from_env
    key_file = instance_dir / "secret_key"
    if not key_file.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two workers starting at once must not each write a different key.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    return key_file.read_text().strip()


class Config:
    """Defaults for every deployment; the environment overrides what differs."""

    INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # SQLite: how long a write waits for another one's lock before giving up (503).
    SQLITE_BUSY_TIMEOUT = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "15") or 15)
    BABEL_DEFAULT_LOCALE = "th"
    BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
    LANGUAGES = ("th", "en")
    MAX_CONTENT_LENGTH = 1024 * 1024  # a full form is a few KB; a roster CSV well under 1 MB
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto/-Host.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0") or 0)
    WTF_CSRF_TIME_LIMIT = None  # a form opened at 9:00 in a temple hall is sent at noon
    # The address phones use to reach this server (e.g. http://192.168.1.10:5000), for the
    # join links and QR codes when the coordinator's own browser uses another one.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "").strip()
    # Without PUBLIC_URL, the names (besides this machine's own name and addresses) a
    # coordinator may open the app through without a warning on the join page and poster.
    ALLOWED_HOSTS = tuple(
        name.strip() for name in os.environ.get("ALLOWED_HOSTS", "").split(",") if name.strip()
    )
    # Brotli, else gzip, on every text response (pages, CSS, JS, SVG), static files included.
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["br", "gzip"]
    COMPRESS_BR_LEVEL = 5  # the form page: 6.3 KB instead of 7.1 KB at level 4, in ~2 ms
    # Who can learn from whom: recomputed by a worker after answers arrive (1), or in the
    # request (0). Unset: in the background on PostgreSQL, in the request on SQLite (a laptop
    # runs no worker); never in the background on SQLite. See README, "Background work".
    PAIRING_IN_BACKGROUND = {"1": True, "0": False}.get(os.environ.get("PAIRING_IN_BACKGROUND", ""))
    # Even then a scope of at most this many respondents is paired in the request. Pairing
    # and keeping it, measured on bench/province.py rounds (SQLite / PostgreSQL): one tambon
    # 0.05 s; 500 people 0.4 / 0.6 s; 2,000 people 1.8 / 3.1 s; 10,000 people 18 s (PG).
    PAIRING_IN_REQUEST_UP_TO = int(os.environ.get("PAIRING_IN_REQUEST_UP_TO", "300") or 300)
    # Where a worker runs, a download of a scope with more respondents than this is written
    # by the worker (bench/bench_scale.py: at 10,000 the ratings XLSX takes ~9 s in the
    # request, at 50,000 ~26 s and the training plan ~0.4 GB), in EXPORT_DIR (default
    # instance/exports, shared by the web app and the worker). README, "Background work".
    EXPORT_IN_REQUEST_UP_TO = int(os.environ.get("EXPORT_IN_REQUEST_UP_TO", "5000") or 5000)
    EXPORT_DIR = os.environ.get("EXPORT_DIR") or None
    # The report's PDF of more tambons than this is written by the worker (or, without one,
    # by `flask report`): 8 tambons take ~10 s of CPU, 150 about 150 s (bench/report_time.py).
    REPORT_PDF_IN_REQUEST_UP_TO = int(os.environ.get("REPORT_PDF_IN_REQUEST_UP_TO", "8") or 8)
    # While answers keep arriving, a file written less than this many seconds ago is sent as
    # it is (it says the round as it was then) rather than asking for yet another.
    EXPORT_FRESH_FOR = int(os.environ.get("EXPORT_FRESH_FOR", "600") or 600)
