"""The roster upload form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, SubmitField


class RosterImportForm(FlaskForm):
    file = FileField(
        _l("Roster file (CSV, UTF-8)"),
        validators=[
            FileRequired(message=_l("Choose the roster file.")),
            FileAllowed(
                ["csv"], message=_l("Choose a .csv file (in Excel: Save As, “CSV UTF-8”).")
            ),
        ],
    )
    check_only = BooleanField(_l("Only check the file; import nothing"))
    create_places = BooleanField(
        _l("Add the provinces, districts and tambons the app does not know yet (admin)")
    )
    submit = SubmitField(_l("Import"))
