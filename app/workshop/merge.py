"""`workshop import` and the upload page: a workshop's answers merged into the same round on
the server (matched by join code), all or nothing.

- A submission already stored (same submission id) is skipped: importing twice changes nothing.
- A person is found by the id the laptop kept from the server's roster (even if renamed here
  since), else matched to the roster by the identity rule, else added (logged as an "add" by
  "workshop import").
- A response also changed on the server keeps every revision: the carried ones are numbered
  after the existing ones, and the latest submission (by time sent) counts.
- A closed round takes no answers; a submission dated after the import (a laptop whose clock
  ran ahead) is dated at the import, so it cannot outrank what the server is sent later.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from app.extensions import db
from app.facilitators.changes import Actor
from app.models import Response, Round, Tambon
from app.models.base import utcnow
from app.ratings import AnswersRejected, Mark, earlier_submission, record
from app.workshop.files import WorkshopFileError, at, damaged, text
from app.workshop.people import checked, imported
from app.workshop.places import find_place, label

IMPORT = Actor("workshop import", None, None)
SUBMISSION_ID_MAX = 64  # as the column holds


@dataclass
class Merged:
    """What an import did (or, in a dry run, would do)."""

    round: Round
    people_added: list[str] = field(default_factory=list)
    people_matched: list[str] = field(default_factory=list)
    responses_added: int = 0
    responses_updated: int = 0
    revisions_added: int = 0
    revisions_skipped: int = 0
    kept: list[str] = field(default_factory=list)  # a later answer on the server still counts
    redated: int = 0  # submissions dated in the future by the laptop's clock
    # whose personal link from the workshop does not open their answers here (they answered
    # here too and keep this server's link)
    links_kept_here: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.people_added or self.revisions_added)


def round_of(content: dict) -> Round:
    """The server's round the answers belong to (same join code, same instrument version)."""
    try:
        stored = content["round"]
        code, content_hash = str(stored["join_code"]), stored["content_hash"]
    except (KeyError, TypeError):
        raise WorkshopFileError(_l("the answers file is damaged (no round)")) from None
    round_ = db.session.execute(select(Round).filter_by(join_code=code)).scalar_one_or_none()
    if round_ is None:
        raise WorkshopFileError(_l("no round here has the join code %(code)s", code=code))
    if round_.instrument_version.content_hash != content_hash:
        raise WorkshopFileError(
            _l(
                "round %(name)s (%(code)s) uses another version of the instrument here",
                name=round_.name,
                code=code,
            )
        )
    return round_


def import_answers(content: dict, actor: Actor = IMPORT, *, dry_run: bool = False) -> Merged:
    """Merge an answers file's content in one transaction; committed unless `dry_run`.

    WorkshopFileError (and nothing written) when anything in the file does not fit."""
    try:
        merged = _merge(round_of(content), content, actor)
    except WorkshopFileError:
        db.session.rollback()
        raise
    except AnswersRejected as error:
        db.session.rollback()
        raise WorkshopFileError(
            _l("answers that do not fit the instrument (%(reason)s)", reason=str(error))
        ) from None
    except IntegrityError:
        # Two imports of the same file at once: the second meets the first's submissions.
        db.session.rollback()
        raise WorkshopFileError(
            _l(
                "these answers were being imported at the same moment; look at the round, "
                "then import again if need be"
            )
        ) from None
    except (DataError, KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        db.session.rollback()
        raise damaged(error) from None
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return merged


def _merge(round_: Round, content: dict, actor: Actor) -> Merged:
    if not round_.is_open:
        raise WorkshopFileError(
            _l(
                "round %(name)s is closed here: reopen it (Rounds › Reopen) to bring answers in, "
                "then close it again",
                name=round_.name,
            )
        )
    merged = Merged(round_)
    tambons = [_tambon(round_, place) for place in content["places"]]
    people = []
    round_tambons = {t.id for t in round_.tambons}
    for record_ in content["people"]:
        tambon = at(tambons, record_["place"])
        person, added = imported(record_, round_tambons, tambon.id, actor)
        (merged.people_added if added else merged.people_matched).append(person.name)
        people.append(person)
    for stored in content["responses"]:
        _merge_response(round_, at(people, stored["person"]), stored, tambons, merged)
    return merged


def _tambon(round_: Round, place: dict) -> Tambon:
    tambon = find_place(place)
    if tambon is None or tambon not in round_.tambons:
        raise WorkshopFileError(
            _l(
                "%(place)s is not a tambon of round %(name)s here",
                place=text(label(place)),
                name=round_.name,
            )
        )
    return tambon


def _merge_response(round_, person, stored: dict, tambons: list, merged: Merged) -> None:
    snapshot = stored["as_they_were"]
    fields = checked(snapshot)
    as_they_were = SimpleNamespace(**vars(fields), tambon_id=at(tambons, snapshot["place"]).id)
    # In the order they were sent on the laptop; dated no later than now when stored.
    revisions = sorted(stored["revisions"], key=_as_sent)
    new = [v for v in revisions if not _stored_already(v, person)]
    merged.revisions_skipped += len(revisions) - len(new)
    if not new:
        return
    merged.redated += sum(_sent_at(v) < _as_sent(v) for v in new)
    existed = _response(round_, person) is not None
    for revision in new:
        outcome = record(
            round_,
            person.id,
            _answers(revision["ratings"]),
            revision["submission_id"],
            submitted_at=_sent_at(revision),
            as_they_were=as_they_were,
            commit=False,
        )
    carried = stored.get("token_hash")
    if existed:  # it keeps the link it was given here
        link_carried = carried == outcome.response.token_hash
    else:
        link_carried = _keep_token_hash(outcome.response, carried)
    if not link_carried:
        merged.links_kept_here.append(person.name)
    merged.revisions_added += len(new)
    merged.responses_updated += existed
    merged.responses_added += not existed
    latest = max(v.submitted_at for v in outcome.response.history)
    if latest > _sent_at(new[-1]):
        merged.kept.append(person.name)


def _as_sent(revision: dict) -> datetime:
    """The time a revision carries, as naive UTC like every stored time."""
    sent = datetime.fromisoformat(revision["submitted_at"])
    return sent if sent.tzinfo is None else sent.astimezone(UTC).replace(tzinfo=None)


def _sent_at(revision: dict) -> datetime:
    """When a revision was sent, never after now: a laptop's clock may run ahead, and an
    answer dated next year would outrank everything the server is sent until then."""
    return min(_as_sent(revision), utcnow())


def _stored_already(revision: dict, person) -> bool:
    """Whether this submission is here already (imported before): then it is skipped. The
    same id on someone else's answer means the file is not what it says."""
    submission_id = revision["submission_id"]
    if not isinstance(submission_id, str) or not 0 < len(submission_id) <= SUBMISSION_ID_MAX:
        raise damaged()
    earlier = earlier_submission(submission_id)
    if earlier is not None and earlier.response.facilitator_id != person.id:
        raise damaged()
    return earlier is not None


def _response(round_: Round, person) -> Response | None:
    query = select(Response).filter_by(round_id=round_.id, facilitator_id=person.id)
    return db.session.execute(query).scalar_one_or_none()


def _answers(ratings: list) -> list[Mark]:
    return [
        Mark(str(r["item"]), float(r["current"]), float(r["target"]), str(r.get("note") or ""))
        for r in ratings
    ]


def _keep_token_hash(response: Response, carried) -> bool:
    """The personal link given at the workshop opens the same answers on the server, unless
    its hash is taken here (then the response keeps the new one). Whether it was kept."""
    if not isinstance(carried, str) or len(carried) != 64:
        return False
    taken = db.session.execute(select(Response.id).filter_by(token_hash=carried)).first()
    if taken is None:
        response.token_hash = carried
        db.session.flush()
    return taken is None
