"""Logs without personal-link tokens: whoever reads a log line must not be able to open and
change a facilitator's answers. `/r/<token>/edit` is written `/r/…/edit`.

The filter sits on the app's logger and its handler, on the development server's request
log (werkzeug) and on the production servers' own loggers (gunicorn's access and error
logs, waitress): they all run in the app's process, so one filter covers them.
"""

import logging
import re

from flask.logging import default_handler

# A personal link's token is the path segment after /r/ (URL-safe base64, or anything a
# hand-made request puts there).
_TOKEN = re.compile(r"(/r/)[^/?#\s\"'\\]+", re.IGNORECASE)
SERVER_LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error", "waitress")


def redact(text: str) -> str:
    """`text` with every personal-link token replaced by an ellipsis."""
    return _TOKEN.sub(r"\1…", text)


class RedactTokens(logging.Filter):
    """Writes the record's message (and its traceback) out now, without tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


REDACT_TOKENS = RedactTokens()


def init_app(app) -> None:
    """Put the filter on every logger and handler that may see a request's path. Called
    last in create_app, when every module of the app has made its logger."""
    # app.logger first: reading it installs Flask's default handler when none is set.
    targets = [app.logger, default_handler, *map(logging.getLogger, SERVER_LOGGERS)]
    targets += map(logging.getLogger, _app_logger_names(app.logger.name))
    targets += logging.getLogger().handlers  # a deployment's own logging set-up
    for target in targets:
        target.addFilter(REDACT_TOKENS)  # once: addFilter skips a filter already there


def _app_logger_names(root: str) -> list[str]:
    # A logger's filter sees only what is logged to that logger, not to its children.
    names = list(logging.Logger.manager.loggerDict)
    return [name for name in names if name.startswith(root + ".")]
