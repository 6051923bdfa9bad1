"""gunicorn settings for production: `gunicorn wsgi:app` reads this file from the project root.

Each setting can be changed through the environment, so one file serves a laptop at a
workshop and a provincial server.
"""

import multiprocessing
import os

# Where to listen; behind a reverse proxy keep it on loopback.
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Processes: each holds its own database connections; 2 per core plus one is gunicorn's rule.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threads per process: gunicorn reads a request's header and body in the thread that serves
# it, so a phone on a slow connection (or a client sending one header line every few seconds)
# holds a thread until it has sent everything. Idle threads cost little; with the default
# workers, 32 per process keep 50 such connections from delaying anyone else
# (bench/slow_clients.py: 4 threads let them stop every request for 15 s and more). One
# worker alone is not enough for that: put the buffering proxy of the README in front.
# Database connections stay bounded by SQLAlchemy's pool (at most 15 per process).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "32"))
# A request that takes longer than this is stuck: the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Which peers gunicorn believes about X-Forwarded-Proto (HTTPS or not): as the app does, a
# proxy on this machine only when TRUSTED_PROXIES says there is one; FORWARDED_ALLOW_IPS wins.
_PROXIED = int(os.environ.get("TRUSTED_PROXIES", "0") or 0) > 0
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1" if _PROXIED else "")
# Personal-link tokens never reach either log: the app filters gunicorn's loggers (app/logs.py).
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
# Load the app once, then fork: workers share the parsed code and start fast.
preload_app = True


def post_fork(server, worker):
    """A forked worker must not reuse database connections opened in the master."""
    from app.extensions import db

    app = server.app.wsgi()  # the app gunicorn was told to serve, loaded once in the master
    with app.app_context():
        db.engine.dispose(close=False)
