"""A real HTTP server for tests that need one (a browser, concurrent phones): werkzeug on
127.0.0.1, a free port, a thread per request, stopped when the block ends."""

import threading
from contextlib import contextmanager

from werkzeug.serving import make_server


@contextmanager
def live_server(app):
    """Serve `app` on 127.0.0.1 in a background thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
