"""The upload form for a workshop's answers."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, SubmitField


class AnswersImportForm(FlaskForm):
    file = FileField(
        _l("Answers file from the workshop laptop (.ftw)"),
        validators=[
            FileRequired(message=_l("Choose the answers file.")),
            FileAllowed(["ftw"], message=_l("Choose the .ftw file made by “workshop export”.")),
        ],
    )
    dry_run = BooleanField(_l("Only check the file; import nothing"))
    submit = SubmitField(_l("Import"))
