"""Responses travel compressed (Brotli, else gzip): a slow phone waits for fewer bytes."""

from flask import Flask, current_app

from app.extensions import compress

# Files served as a stream that are read into memory before compressing (see below).
MAX_BUFFERED = 1024 * 1024


def init_app(app: Flask) -> None:
    compress.init_app(app)
    # Registered after Flask-Compress's hook, so it runs before it (Flask runs them in reverse).
    app.after_request(_read_small_files_whole)


def _read_small_files_whole(response):
    """A small file response (static CSS/JS, the service worker) as bytes, not a file stream.

    Flask-Compress wraps a streamed file in a compressing generator that never closes the
    file. Read whole, the file is closed with the response, and the compressed body gets
    a Content-Length.
    """
    compressible = response.mimetype in current_app.config["COMPRESS_MIMETYPES"]
    small = (response.content_length or 0) <= MAX_BUFFERED
    if response.direct_passthrough and compressible and small:
        response.direct_passthrough = False
        response.get_data()  # reads the file; the response closes it when it is closed
    return response
