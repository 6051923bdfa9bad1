"""Coordinator and admin accounts as the admin manages them."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Coordinator, Tambon


def username_taken(username: str) -> bool:
    query = select(Coordinator.id).filter_by(username=username)
    return db.session.execute(query).first() is not None


def all_accounts() -> list[Coordinator]:
    """Every account with its tambons (loaded together), admins first, then by username."""
    query = (
        select(Coordinator)
        .options(selectinload(Coordinator.tambons))
        .order_by(Coordinator.is_admin.desc(), Coordinator.username)
    )
    return list(db.session.execute(query).scalars())


def tambons_by_id(ids) -> list[Tambon]:
    if not ids:
        return []
    return list(db.session.execute(select(Tambon).where(Tambon.id.in_(ids))).scalars())


def set_access(account: Coordinator, display_name: str, is_admin: bool, tambon_ids) -> None:
    """What an account is called and sees; an admin keeps no tambon list (sees all)."""
    account.display_name = display_name or account.username
    account.is_admin = is_admin
    account.tambons = [] if is_admin else tambons_by_id(tambon_ids)
