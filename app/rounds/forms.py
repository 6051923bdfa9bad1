"""The forms a coordinator fills to open a round and to change it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import TextInput

from app.i18n import (
    NOT_A_DATE,
    current_lang,
    format_day_input,
    more_than_a_year_apart,
    parse_day,
    today_in_thailand,
)
from app.names import clean_name

DATE_MESSAGES = {
    NOT_A_DATE: _l("Enter a date, for example 14/11/2026 or 2026-11-14."),
}
YEAR_MESSAGE = _l(
    "A year from 2400 to 2700 is read as Buddhist era, from 1900 to 2200 as Christian era: "
    "enter a date, for example 14/11/2026 or 2026-11-14."
)

FAR_DATE_MESSAGE = _l(
    "This date is more than a year from today. Check the year; if it is right, "
    "tick “Yes, this date is right”."
)


def _clean(value):
    """The name as the identity rule keeps names: invisible characters out, one space."""
    return clean_name(value) if isinstance(value, str) else value


def today():
    """Today in Thailand (a function of its own so that tests can fix the day)."""
    return today_in_thailand()


def today_typed(lang: str) -> str:
    """Today as the date field takes it, in the user's era: the field's hint."""
    return format_day_input(today(), lang)


class DayField(Field):
    """A date typed as text, its year in either era (`app.i18n.parse_day`); shown back as
    D/M/YYYY in the user's era. A plain text input: a date input always shows and sends the
    Christian era, which confuses Thai users."""

    widget = TextInput()

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return format_day_input(self.data, current_lang()) if self.data else ""

    def process_formdata(self, valuelist) -> None:
        self.data = None
        text = valuelist[0] if valuelist else ""
        if not text.strip():
            raise ValueError(_l("Enter the date."))
        try:
            self.data = parse_day(text, current_lang())
        except ValueError as error:
            raise ValueError(DATE_MESSAGES.get(str(error), YEAR_MESSAGE)) from None


class TambonsMixin:
    """Tambons ticked one by one or a whole district at once, among the choices of the view."""

    def chosen_tambon_ids(self) -> list[int]:
        """The ids ticked and those of the ticked districts, each once, that are choices."""
        allowed = {choice.value for choice in self.tambons.choices}
        districts = set(self.districts.data or ())
        wanted = list(self.tambons.data or ()) + [
            tambon for tambon, district in self.district_of.items() if district in districts
        ]
        return [int(value) for value in dict.fromkeys(wanted) if value in allowed]

    def validate_tambons(self, field) -> None:
        sent = list(field.data or ()) + list(self.districts.data or ())
        # ASCII digits ("²" passes isdigit()); the range is the choices' own.
        if any(not (value.isascii() and value.isdigit()) for value in sent):
            raise ValidationError(_l("Choose tambons from the list."))
        allowed = {choice.value for choice in field.choices}
        if not set(field.data or ()) <= allowed:
            raise ValidationError(_l("You can only choose tambons assigned to you."))
        if not set(self.districts.data or ()) <= set(self.district_of.values()):
            raise ValidationError(_l("You can only choose tambons assigned to you."))
        if not self.chosen_tambon_ids():
            raise ValidationError(_l("Choose at least one tambon."))


class DatedMixin:
    """A date more than a year from today is stored only once the user confirms it."""

    asks_confirmation = False
    stored_day = None  # the date already stored (editing): kept as it is, it is not asked again

    def validate_held_on(self, field) -> None:
        if field.data is None or field.data == self.stored_day:
            return
        if not more_than_a_year_apart(field.data, today()):
            return
        if not self.date_confirmed.data:
            self.asks_confirmation = True
            raise ValidationError(FAR_DATE_MESSAGE)


def _name_field():
    return StringField(
        _l("Name of the round"),
        filters=[_clean],
        validators=[
            DataRequired(message=_l("Give the round a name.")),
            Length(max=200, message=_l("At most %(max)d characters.")),
        ],
    )


class RoundForm(TambonsMixin, DatedMixin, FlaskForm):
    """Name, date, instrument and tambons; the choices are set per user by the view."""

    name = _name_field()
    held_on = DayField(_l("Date of the workshop"))
    date_confirmed = BooleanField(_l("Yes, this date is right"))
    instrument = SelectField(
        _l("Instrument"),
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose an instrument."))],
    )
    tambons = SelectMultipleField(_l("Tambons taking part"), validate_choice=False)
    districts = SelectMultipleField(validate_choice=False)
    submit = SubmitField(_l("Open the round"))
    district_of: dict[str, str] = {}  # tambon id -> district id, as strings; set by the view

    def validate_instrument(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of the instruments listed."))


class EditRoundForm(TambonsMixin, DatedMixin, FlaskForm):
    """A round's name, date and tambons, changed by whoever may manage it."""

    name = _name_field()
    held_on = DayField(_l("Date of the workshop"))
    date_confirmed = BooleanField(_l("Yes, this date is right"))
    tambons = SelectMultipleField(_l("Tambons taking part"), validate_choice=False)
    districts = SelectMultipleField(validate_choice=False)
    submit = SubmitField(_l("Save the round"))
    district_of: dict[str, str] = {}

    answered: dict[int, str] = {}  # tambon id -> name, where someone answered; set by the view

    def validate_tambons(self, field) -> None:
        super().validate_tambons(field)
        chosen = set(self.chosen_tambon_ids())
        kept_out = [name for tambon, name in self.answered.items() if tambon not in chosen]
        if kept_out:
            raise ValidationError(
                _l(
                    "Someone in %(tambons)s has answered in this round: it cannot be removed.",
                    tambons=", ".join(kept_out),
                )
            )
