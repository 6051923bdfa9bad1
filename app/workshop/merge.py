"""`workshop import` and the upload page: a workshop's answers merged into the same round on
the server (matched by join code), all or nothing.

- A submission already stored (same submission id) is skipped: importing twice changes nothing.
- A person is matched to the roster by the identity rule, or added (logged as an "add" by
  "workshop import").
- A response also changed on the server keeps every revision: the carried ones are numbered
  after the existing ones, and the latest submission (by time sent) counts.
"""

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from app.extensions import db
from app.facilitators.changes import Actor
from app.models import Response, Round, Tambon
from app.ratings import Answer, AnswersRejected, earlier_submission, record
from app.workshop.files import WorkshopFileError
from app.workshop.people import find_or_add
from app.workshop.places import find_place, label

IMPORT = Actor("workshop import", None, None)


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

    @property
    def changed(self) -> bool:
        return bool(self.people_added or self.revisions_added)


def round_of(content: dict) -> Round:
    """The server's round the answers belong to (same join code, same instrument version)."""
    try:
        stored = content["round"]
        code, content_hash = str(stored["join_code"]), stored["content_hash"]
    except (KeyError, TypeError):
        raise WorkshopFileError("the answers file is damaged (no round)") from None
    round_ = db.session.execute(select(Round).filter_by(join_code=code)).scalar_one_or_none()
    if round_ is None:
        raise WorkshopFileError(f"no round here has the join code {code}")
    if round_.instrument_version.content_hash != content_hash:
        raise WorkshopFileError(
            f"round {round_.name} ({code}) uses another version of the instrument here"
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
        raise WorkshopFileError(f"answers that do not fit the instrument: {error}") from None
    except (DataError, IntegrityError) as error:
        db.session.rollback()
        raise WorkshopFileError(f"the database refused part of the file ({error.orig})") from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        db.session.rollback()
        raise WorkshopFileError(f"the answers file is damaged ({error!r})") from None
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return merged


def _merge(round_: Round, content: dict, actor: Actor) -> Merged:
    merged = Merged(round_)
    tambons = [_tambon(round_, place) for place in content["places"]]
    people = []
    for record_ in content["people"]:
        person, added = find_or_add(record_, tambons[record_["place"]].id, actor)
        (merged.people_added if added else merged.people_matched).append(person.name)
        people.append(person)
    for stored in content["responses"]:
        _merge_response(round_, people[stored["person"]], stored, tambons, merged)
    return merged


def _tambon(round_: Round, place: dict) -> Tambon:
    tambon = find_place(place)
    if tambon is None or tambon not in round_.tambons:
        raise WorkshopFileError(f"{label(place)} is not a tambon of round {round_.name} here")
    return tambon


def _merge_response(round_, person, stored: dict, tambons: list, merged: Merged) -> None:
    snapshot = stored["as_they_were"]
    as_they_were = SimpleNamespace(
        name=snapshot["name"],
        tambon_id=tambons[snapshot["place"]].id,
        roles=tuple(snapshot["roles"]),
        agency=snapshot["agency"] or "",
        team=snapshot["team"],
    )
    revisions = sorted(stored["revisions"], key=lambda v: datetime.fromisoformat(v["submitted_at"]))
    new = [v for v in revisions if earlier_submission(str(v["submission_id"])) is None]
    merged.revisions_skipped += len(revisions) - len(new)
    if not new:
        return
    existed = _response(round_, person) is not None
    for revision in new:
        outcome = record(
            round_,
            person.id,
            _answers(revision["ratings"]),
            str(revision["submission_id"]),
            submitted_at=datetime.fromisoformat(revision["submitted_at"]),
            as_they_were=as_they_were,
            commit=False,
        )
        if outcome.token is not None:
            _keep_token_hash(outcome.response, stored.get("token_hash"))
    merged.revisions_added += len(new)
    merged.responses_updated += existed
    merged.responses_added += not existed
    latest = max(v.submitted_at for v in outcome.response.history)
    if latest > datetime.fromisoformat(new[-1]["submitted_at"]):
        merged.kept.append(person.name)


def _response(round_: Round, person) -> Response | None:
    query = select(Response).filter_by(round_id=round_.id, facilitator_id=person.id)
    return db.session.execute(query).scalar_one_or_none()


def _answers(ratings: list) -> list[Answer]:
    return [
        Answer(str(r["item"]), float(r["current"]), float(r["target"]), str(r.get("note") or ""))
        for r in ratings
    ]


def _keep_token_hash(response: Response, carried) -> None:
    """The personal link given at the workshop opens the same answers on the server, unless
    its hash is taken here (then the response keeps the new one)."""
    if not isinstance(carried, str) or len(carried) != 64:
        return
    taken = db.session.execute(select(Response.id).filter_by(token_hash=carried)).first()
    if taken is None:
        response.token_hash = carried
        db.session.flush()
