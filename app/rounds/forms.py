"""The form a coordinator fills to open a round."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class DayField(DateField):
    """A date (YYYY-MM-DD, as a date input sends it), with our own message when it is not one."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a date, for example 2026-11-14.")) from None


class RoundForm(FlaskForm):
    """Name, date, instrument and tambons; the choices are set per user by the view."""

    name = StringField(
        _l("Name of the round"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Give the round a name.")),
            Length(max=200, message=_l("At most %(max)d characters.")),
        ],
    )
    held_on = DayField(
        _l("Date of the workshop"), validators=[InputRequired(message=_l("Enter the date."))]
    )
    instrument = SelectField(
        _l("Instrument"),
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose an instrument."))],
    )
    tambons = SelectMultipleField(_l("Tambons taking part"), validate_choice=False)
    submit = SubmitField(_l("Open the round"))

    def validate_instrument(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of the instruments listed."))

    def validate_tambons(self, field) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one tambon."))
        allowed = {choice.value for choice in field.choices}
        if not set(field.data) <= allowed:
            raise ValidationError(_l("You can only choose tambons assigned to you."))

    def tambon_ids(self) -> list[int]:
        return [int(value) for value in self.tambons.data]
