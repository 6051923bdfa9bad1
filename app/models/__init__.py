"""The database schema; every change to it is an Alembic revision in `migrations/`."""

from app.models.accounts import Coordinator, SignInFailure, SignInSession, coordinator_tambon
from app.models.geography import District, Province, Tambon
from app.models.instruments import InstrumentVersion
from app.models.pairing import PairingLine, PairingResult
from app.models.people import ROLES, TEAMS, Facilitator, FacilitatorChange, FacilitatorRole
from app.models.rounds import (
    JoinCodeMiss,
    Rating,
    Response,
    ResponseRevision,
    Round,
    round_tambon,
)
from app.models.summaries import ItemSummary, ResponseSummary, TambonSummary

__all__ = [
    "ROLES",
    "TEAMS",
    "Coordinator",
    "District",
    "Facilitator",
    "FacilitatorChange",
    "FacilitatorRole",
    "InstrumentVersion",
    "ItemSummary",
    "JoinCodeMiss",
    "PairingLine",
    "PairingResult",
    "Province",
    "Rating",
    "Response",
    "ResponseRevision",
    "ResponseSummary",
    "Round",
    "SignInFailure",
    "SignInSession",
    "Tambon",
    "TambonSummary",
    "coordinator_tambon",
    "round_tambon",
]
