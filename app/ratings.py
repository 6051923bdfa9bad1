"""Recording a facilitator's answers: nothing lost, nothing doubled, every change kept.

A submission carries a `submission_id` made when the form was opened. Posting the
same submission again (a retry after a time-out) finds the revision it made and
changes nothing. A new submission for a facilitator who already answered replaces
the current ratings and adds a revision to the response's history. Each submission also
keeps the person as they are at that moment (name, tambon, roles, agency, team) on the
response: what was true when they answered stays true for that round.

The personal-link token is given out only when the response is created. A caller
that must answer a retry of that first submission the same way passes a token
derived from the submission id (`derived_token`), which it can derive again.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.instruments.model import Instrument
from app.models import Facilitator, Rating, Response, ResponseRevision, Round
from app.models.base import utcnow
from app.models.rounds import NOTE_MAX_LENGTH


@dataclass(frozen=True, slots=True)
class Mark:
    """What a facilitator marked on one item, as sent: current and target level and a note.
    Stored, it becomes a Rating; read back for the figures, an `app.scoring` Answer."""

    item_code: str
    current: float
    target: float
    note: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The stored response; `token` only when the response was created just now."""

    response: Response
    revision: int
    replayed: bool
    token: str | None = None


class AnswersRejected(ValueError):
    """Answers that do not fit the round's instrument; nothing was stored."""


class AlreadyAnswered(RuntimeError):
    """The facilitator already has a response in the round; nothing was stored."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def new_token() -> str:
    """A personal-link token: 32 random bytes (256 bits), URL-safe."""
    return secrets.token_urlsafe(32)


def derived_token(secret: str, submission_id: str) -> str:
    """A personal-link token made from a submission id with a server secret (256 bits).

    Only someone holding the submission id (the browser that sent it) and the
    server can make it, and the server can make it again for a retry.
    """
    message = b"personal-link\x00" + submission_id.encode("utf-8")
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def response_for_token(token: str) -> Response | None:
    query = select(Response).filter_by(token_hash=token_hash(token))
    return db.session.execute(query).scalar_one_or_none()


def check_answers(instrument: Instrument, answers: list[Mark]) -> None:
    """Raise AnswersRejected unless `answers` hold exactly one valid answer per item."""
    codes = [a.item_code for a in answers]
    if sorted(codes) != sorted(instrument.item_codes):
        raise AnswersRejected("the answers must cover each item of the instrument exactly once")
    for answer in answers:
        scale = instrument.scale
        if not (scale.allows(answer.current) and scale.allows(answer.target)):
            raise AnswersRejected(f"{answer.item_code}: level outside the instrument's scale")
        if answer.target < answer.current:
            raise AnswersRejected(f"{answer.item_code}: target below current level")
        if len(answer.note) > NOTE_MAX_LENGTH:
            raise AnswersRejected(f"{answer.item_code}: note longer than {NOTE_MAX_LENGTH}")


def record(
    round_: Round,
    facilitator_id: int,
    answers: list[Mark],
    submission_id: str,
    *,
    token: str | None = None,
    only_new: bool = False,
    submitted_at: datetime | None = None,
    as_they_were=None,
    commit: bool = True,
) -> Outcome:
    """Store one submission and commit; a repeated `submission_id` changes nothing.

    `token`: the personal-link token for a response created now (default: a random one).
    `only_new`: refuse (AlreadyAnswered) when the facilitator already has a response,
    unless this is a retry of a stored submission.
    `submitted_at`: when it was sent (default: now), for answers carried from elsewhere; a
    submission older than the response's latest revision joins the history without counting.
    `as_they_were`: the person as they answered (anything with name, tambon_id, roles, agency,
    team; default: the facilitator as they are now).
    `commit`: False to write inside the caller's transaction (no retry; the caller commits or
    rolls back).
    """
    instrument = round_.instrument_version.instrument
    check_answers(instrument, answers)
    replay = earlier_submission(submission_id)
    if replay is not None:
        return replay
    moment = Moment(submitted_at or utcnow(), as_they_were)
    write = (round_, facilitator_id, instrument, answers, submission_id, token, only_new, moment)
    if not commit:
        return _write(*write)
    try:
        return _write_and_commit(*write)
    except (IntegrityError, AlreadyAnswered) as race:
        # Another request stored the same submission (a retry racing its original), or this
        # facilitator's first response, a moment before us: answer as that one did, or else
        # add ours on top (refused when only a new response was wanted).
        db.session.rollback()
        replay = earlier_submission(submission_id)
        if replay is not None:
            return replay
        if isinstance(race, AlreadyAnswered):
            raise
        return _write_and_commit(*write)


def earlier_submission(submission_id: str) -> Outcome | None:
    """The outcome of the stored submission with this id (replayed), or None."""
    query = select(ResponseRevision).filter_by(submission_id=submission_id)
    earlier = db.session.execute(query).scalar_one_or_none()
    if earlier is None:
        return None
    response = db.session.get(Response, earlier.response_id)
    return Outcome(response, earlier.revision, replayed=True)


def _write_and_commit(*write) -> Outcome:
    outcome = _write(*write)
    db.session.commit()
    return outcome


@dataclass(frozen=True, slots=True)
class Moment:
    """When a submission was sent, and the person as they were then (None: as they are)."""

    at: datetime
    person: object | None = None


def _write(round_, facilitator_id, instrument, answers, submission_id, token, only_new, moment):
    person = moment.person or db.session.get(Facilitator, facilitator_id)
    query = select(Response).filter_by(round_id=round_.id, facilitator_id=facilitator_id)
    response = db.session.execute(query.with_for_update()).scalar_one_or_none()
    if response is not None and only_new:
        raise AlreadyAnswered(f"facilitator {facilitator_id} already answered")
    created_token = None
    if response is None:
        created_token = token or new_token()
        response = Response(round_id=round_.id, facilitator_id=facilitator_id, revision=0)
        response.token_hash = token_hash(created_token)
        response.submitted_at = response.updated_at = moment.at
        response.take_snapshot(person)
        db.session.add(response)
        latest = True
    else:
        # The latest submission counts; one older, carried from elsewhere, only joins the history.
        latest = moment.at >= max((r.submitted_at for r in response.history), default=moment.at)
    response.revision += 1
    if latest:
        response.updated_at = moment.at
        _keep_snapshot(response, person, round_)
        response.ratings = _ratings(instrument, answers)
    response.history.append(
        ResponseRevision(
            revision=response.revision,
            submission_id=submission_id,
            ratings=[_as_dict(a) for a in answers],
            submitted_at=moment.at,
        )
    )
    db.session.flush()
    return Outcome(response, response.revision, replayed=False, token=created_token)


def _keep_snapshot(response: Response, person, round_: Round) -> None:
    """The person as they are now, on the response; a person who has moved out of the round's
    tambons since they first answered keeps the tambon they answered in (their answer stays
    in the round)."""
    before = response.tambon_id
    response.take_snapshot(person)
    if before is not None and response.tambon_id not in {t.id for t in round_.tambons}:
        response.tambon_id = before


def _ratings(instrument: Instrument, answers: list[Mark]) -> list[Rating]:
    position = {code: i for i, code in enumerate(instrument.item_codes)}
    return [
        Rating(
            item_code=a.item_code,
            position=position[a.item_code],
            current_level=a.current,
            target_level=a.target,
            note=a.note,
        )
        for a in sorted(answers, key=lambda a: position[a.item_code])
    ]


def _as_dict(answer: Mark) -> dict:
    return {
        "item": answer.item_code,
        "current": answer.current,
        "target": answer.target,
        "note": answer.note,
    }
