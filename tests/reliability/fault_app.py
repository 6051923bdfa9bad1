"""The app as gunicorn serves it (`wsgi:app`), with one fault planted: the worker process is
killed (SIGKILL, as by the out-of-memory killer or a power cut of one core) at the worst
moment of one chosen submission.

FAULT=before-commit   the submission's rows are written in its transaction, not committed
FAULT=after-commit    the transaction is committed, the reply not yet sent
FAULT_SUBMISSION      the submission id that triggers it
FAULT_ONCE            a file made when it fires: it fires once, so the retry goes through
"""

import os
import signal

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from wsgi import app  # noqa: F401  (what gunicorn serves)


def _kill_worker_at(moment: str):
    def listener(_session) -> None:
        if os.environ.get("FAULT") != moment or not has_request_context():
            return
        if request.form.get("submission_id") != os.environ["FAULT_SUBMISSION"]:
            return
        try:
            os.close(os.open(os.environ["FAULT_ONCE"], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os.kill(os.getpid(), signal.SIGKILL)

    return listener


event.listen(Session, "before_commit", _kill_worker_at("before-commit"))
event.listen(Session, "after_commit", _kill_worker_at("after-commit"))
