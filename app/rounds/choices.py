"""What the round forms offer a user: the latest instruments and the tambons they may see."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import SelectChoice

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.instruments.store import latest_versions
from app.models import Coordinator, District, Response, Round, Tambon
from app.rounds.places import ProvinceGroup, tambon_groups, tambon_labels


def tambons_for(user: Coordinator) -> list[Tambon]:
    """The tambons `user` may see, with their district and province loaded."""
    query = select(Tambon).options(selectinload(Tambon.district).selectinload(District.province))
    visible = visible_tambon_ids(user)
    if visible is not None:
        query = query.where(Tambon.id.in_(visible))
    return list(db.session.execute(query).scalars())


def offer_tambons(form, user: Coordinator, lang: str) -> list[ProvinceGroup]:
    """Set the form's tambon and district choices; the groups the template shows."""
    tambons = tambons_for(user)
    labels = tambon_labels(tambons, lang)
    form.tambons.choices = [SelectChoice(str(t.id), labels[t.id]) for t in tambons]
    form.district_of = {str(t.id): str(t.district_id) for t in tambons}
    return tambon_groups(tambons, lang)


def offer_instruments(form, lang: str) -> None:
    form.instrument.choices = [
        SelectChoice(v.instrument_key, v.instrument.title.get(lang)) for v in latest_versions()
    ]


def answered_tambons(round_: Round, lang: str) -> dict[int, str]:
    """The round's tambons where someone answered (as they were then), with their names."""
    answered = set(
        db.session.execute(
            select(Response.tambon_id).where(Response.round_id == round_.id).distinct()
        ).scalars()
    )
    return {t.id: t.name_in(lang) for t in round_.tambons if t.id in answered}


def has_answers(round_: Round) -> bool:
    query = select(Response.id).where(Response.round_id == round_.id).limit(1)
    return db.session.execute(query).first() is not None


def rounds_with_answers() -> set[int]:
    """The ids of the rounds where someone has answered: those cannot be deleted."""
    return set(db.session.execute(select(Response.round_id).distinct()).scalars())
