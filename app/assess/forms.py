"""The facilitator's forms: adding oneself to the roster, and the rating form of an instrument.

The rating form is built per instrument (WTForms' dynamic-form recipe): one sub-form per
item, named by the item code, so the fields are `K1-current`, `K1-target`, `K1-note`.
"""

import re
import uuid

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Regexp,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.instruments.model import ROLES, Instrument, Scale
from app.models import TEAMS
from app.models.rounds import NOTE_MAX_LENGTH
from app.names import clean_name, is_name
from app.ratings import Mark

ROLE_LABELS = {
    "coordination": _l("Coordination"),
    "meeting_process": _l("Leading the meeting process"),
    "recording": _l("Recording"),
}
TEAM_LABELS = {
    "u": _l("u: a facilitator of the tambon team"),
    "v": _l("v: a community leader training as a facilitator"),
}
_SPACES = re.compile(r"\s+")
SUBMISSION_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"


def _collapse_spaces(value):
    return _SPACES.sub(" ", value).strip() if isinstance(value, str) else value


def _clean_note(value):
    # Browsers send a line break as CRLF but count it as one character against maxlength.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def level_value(level: float) -> str:
    """A level as a form value: "3", "2.5"."""
    return f"{level:g}"


def new_submission_id() -> str:
    return str(uuid.uuid4())


class SelfAddForm(FlaskForm):
    """A facilitator missing from the roster adds themselves; tambon choices set per round."""

    name = StringField(
        _l("Your name and surname"),
        filters=[clean_name],
        validators=[
            DataRequired(message=_l("Write your name.")),
            Length(max=200, message=_l("At most %(max)d characters.")),
        ],
    )
    tambon = SelectField(
        _l("Tambon"),
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose your tambon."))],
    )
    roles = SelectMultipleField(
        _l("Your role(s)"),
        choices=[SelectChoice(role, label) for role, label in ROLE_LABELS.items()],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    agency = StringField(
        _l("Agency"),
        filters=[_collapse_spaces],
        validators=[Length(max=100, message=_l("At most %(max)d characters."))],
    )
    team = RadioField(
        _l("Team"),
        choices=[SelectChoice(team, TEAM_LABELS[team]) for team in TEAMS],
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose your team."))],
    )
    someone_else = BooleanField(_l("None of these is me: add me as a new person"))
    submit = SubmitField(_l("Add me and open the form"))

    def validate_name(self, field) -> None:
        # Zero-width and format characters alone are not a name anyone could read.
        if not is_name(field.data):
            raise ValidationError(_l("Write your name."))

    def validate_tambon(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of the tambons listed."))

    def validate_roles(self, field) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one role."))
        if not set(field.data) <= set(ROLES):
            raise ValidationError(_l("Choose among the roles listed."))

    def validate_team(self, field) -> None:
        if field.data not in TEAMS:
            raise ValidationError(_l("Choose your team."))


class OneValue:
    """A field sent once, or repeated with the same value; two different values (which no form
    of ours sends) are refused rather than one of them picked silently."""

    def __call__(self, form, field) -> None:
        if len(set(field.raw_data or ())) > 1:
            raise StopValidation(_("Two different answers were sent here. Choose again."))


class OnScale:
    """A level that is one of the scale's choices ("abc", "-1", "1e9", "2.5" without halves: no)."""

    def __init__(self, scale: Scale):
        self.values = {level_value(c) for c in scale.choices()}

    def __call__(self, form, field) -> None:
        if field.data not in self.values:
            raise StopValidation(_("Choose one of the levels shown."))


class ItemAnswersForm(Form):
    """Current level, target level and note for one item; the levels are set per scale."""

    note = TextAreaField(
        _l("Note (optional): what shows this, what I still lack"),
        filters=[_clean_note],
        validators=[
            OneValue(),
            Length(
                max=NOTE_MAX_LENGTH,
                message=_l("The note is too long: at most %(max)d characters."),
            ),
        ],
    )

    def validate_target(self, field) -> None:
        if self.current.errors or field.errors:
            return
        if float(field.data) < float(self.current.data):
            raise ValidationError(_("The target level cannot be below the current level."))

    def answer(self, item_code: str) -> Mark:
        # A form sent without a note field at all gives None: that is no note.
        note = self.note.data or ""
        return Mark(item_code, float(self.current.data), float(self.target.data), note)


class RatingFormBase(FlaskForm):
    submission_id = HiddenField(
        validators=[
            InputRequired(message=_l("The form was incomplete. Press send again.")),
            Regexp(SUBMISSION_ID_PATTERN, message=_l("The form was incomplete. Press send again.")),
        ]
    )
    submit = SubmitField(_l("Send my answers"))

    def answers(self, instrument: Instrument) -> list[Mark]:
        return [self[code].form.answer(code) for code in instrument.item_codes]

    def done_count(self, instrument: Instrument) -> int:
        """Items with both levels chosen, as the progress line counts them."""
        subs = [self[code] for code in instrument.item_codes]
        return sum(1 for sub in subs if sub.current.data and sub.target.data)


def _level_field(scale: Scale, missing) -> RadioField:
    return RadioField(
        choices=[level_value(c) for c in scale.choices()],
        validate_choice=False,
        validators=[OneValue(), InputRequired(message=missing), OnScale(scale)],
    )


def rating_form_class(instrument: Instrument) -> type[RatingFormBase]:
    """A form class for `instrument`: one sub-form per item, in instrument order."""
    item_form = type(
        "ItemAnswers",
        (ItemAnswersForm,),
        {
            "current": _level_field(instrument.scale, _l("Choose your current level.")),
            "target": _level_field(instrument.scale, _l("Choose your target level.")),
        },
    )
    fields = {code: FormField(item_form, separator="-") for code in instrument.item_codes}
    return type("RatingForm", (RatingFormBase,), fields)


def answers_as_data(ratings) -> dict:
    """Stored ratings as the form's initial data, to change them."""
    return {
        r.item_code: {
            "current": level_value(r.current_level),
            "target": level_value(r.target_level),
            "note": r.note,
        }
        for r in ratings
    }
