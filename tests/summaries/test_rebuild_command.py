"""`flask summaries rebuild [ROUND]`: recomputes what was lost, refuses what is no round."""

from sqlalchemy import delete, func, select

from app.extensions import db
from app.models import ItemSummary, TambonSummary


def _counts(app, round_id):
    with app.app_context():
        items = db.session.execute(
            select(func.count()).select_from(ItemSummary).filter_by(round_id=round_id)
        ).scalar_one()
        tambons = db.session.execute(
            select(func.count()).select_from(TambonSummary).filter_by(round_id=round_id)
        ).scalar_one()
    return items, tambons


def test_rebuild_restores_lost_summaries_of_one_round_and_of_all(app, runner, tiny):
    kept = _counts(app, tiny.later)
    assert kept[0] > 0 and kept[1] == 2
    for argument in ([str(tiny.later)], []):
        with app.app_context():
            db.session.execute(delete(ItemSummary))
            db.session.execute(delete(TambonSummary))
            db.session.commit()
        result = runner.invoke(args=["summaries", "rebuild", *argument])
        assert result.exit_code == 0, result.output
        assert "rebuilt" in result.output
        assert _counts(app, tiny.later) == kept


def test_rebuild_of_no_round_says_so_and_changes_nothing(app, runner, tiny):
    kept = _counts(app, tiny.later)
    for odd in ("999999", "²", "abc", "1.5"):
        result = runner.invoke(args=["summaries", "rebuild", odd])
        assert result.exit_code == 2
        assert "no round has the id" in result.output
    assert _counts(app, tiny.later) == kept
