"""The admin's forms: tambons, and coordinator or admin accounts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import (
    DataRequired,
    EqualTo,
    InputRequired,
    Length,
    NoneOf,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.auth.commands import MIN_PASSWORD, USERNAME
from app.demo.data import DEMO_PASSWORD
from app.names import has_letter, place_name
from app.numbers import whole_number

from .accounts import username_taken
from .places import find_tambon, tambon_exists

NAME_MAX = 100


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _place_name(value):
    return place_name(value) if isinstance(value, str) else value


def _readable(form, field) -> None:
    if field.data and not has_letter(field.data):
        raise ValidationError(_l("A name needs at least one letter."))


def _name(label, required: bool):
    # DataRequired looks at the name after cleaning: blanks and invisible characters alone
    # are no name; "จ."/"อ."/"ต." before it are dropped (app.names.place_name).
    first = DataRequired(message=_l("Enter the Thai name.")) if required else Optional()
    too_long = Length(max=NAME_MAX, message=_l("At most %(max)d characters.", max=NAME_MAX))
    return StringField(label, validators=[first, too_long, _readable], filters=[_place_name])


class TambonForm(FlaskForm):
    """A tambon, with its district and province (added when they are new)."""

    province_th = _name(_l("Province, Thai name"), True)
    province_en = _name(_l("Province, English name"), False)
    district_th = _name(_l("District, Thai name"), True)
    district_en = _name(_l("District, English name"), False)
    tambon_th = _name(_l("Tambon, Thai name"), True)
    tambon_en = _name(_l("Tambon, English name"), False)
    submit = SubmitField(_l("Add the tambon"))

    def validate_tambon_th(self, field) -> None:
        if tambon_exists(self.province_th.data, self.district_th.data, field.data):
            raise ValidationError(_l("This district already has a tambon of this name."))


class RenameTambonForm(FlaskForm):
    """New Thai and English names for a tambon; `tambon` is set by the view."""

    name_th = _name(_l("Tambon, Thai name"), True)
    name_en = _name(_l("Tambon, English name"), False)
    submit = SubmitField(_l("Rename"))
    tambon = None

    def validate_name_th(self, field) -> None:
        if find_tambon(self.tambon.district, field.data, leave_out=self.tambon.id):
            raise ValidationError(_l("This district already has a tambon of this name."))


class TambonChoices(SelectMultipleField):
    """Tick boxes of tambon ids; ids not offered are refused with a message of our own."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, coerce=int, validate_choice=False, **kwargs)

    def process_formdata(self, valuelist) -> None:
        numbers = [whole_number(v) for v in valuelist]
        if None in numbers:
            self.data = []
            raise ValueError(_l("Choose tambons from the list."))
        self.data = numbers

    def pre_validate(self, form) -> None:
        offered = {value for value, _ in self.choices or ()}
        if not set(self.data or ()) <= offered:
            raise ValidationError(_l("Choose tambons from the list."))


def _password_fields():
    length = _l("Use %(min)d to 200 characters.", min=MIN_PASSWORD)
    password = PasswordField(
        _l("Password"),
        validators=[
            InputRequired(message=_l("Enter a password.")),
            Length(min=MIN_PASSWORD, max=200, message=length),
            NoneOf(
                [DEMO_PASSWORD], message=_l("This is the demo password, which anyone can read.")
            ),
        ],
    )
    confirm = PasswordField(
        _l("The same password again"),
        validators=[EqualTo("password", message=_l("The two passwords are not the same."))],
    )
    return password, confirm


class AccessForm(FlaskForm):
    """Who the account is and what it sees."""

    display_name = StringField(
        _l("Name shown in the app"),
        validators=[Length(max=200, message=_l("At most %(max)d characters.", max=200))],
        filters=[_strip],
    )
    is_admin = BooleanField(_l("Admin: sees every tambon, manages accounts and tambons"))
    tambons = TambonChoices(_l("Tambons this coordinator sees"))

    def validate_tambons(self, field) -> None:
        if not self.is_admin.data and not field.data:
            raise ValidationError(_l("Choose at least one tambon, or make the account an admin."))


class NewAccountForm(AccessForm):
    username = StringField(
        _l("Username"),
        validators=[
            DataRequired(message=_l("Enter a username.")),
            Regexp(USERNAME, message=_l("Use 3 to 80 letters, digits, or . _ @ -")),
        ],
        filters=[_strip],
    )
    password, confirm = _password_fields()
    submit = SubmitField(_l("Create the account"))

    def validate_username(self, field) -> None:
        if username_taken(field.data):
            raise ValidationError(_l("This username is already taken."))


class EditAccountForm(AccessForm):
    active = BooleanField(_l("Active: may sign in"))
    submit = SubmitField(_l("Save"))
    own = False  # set by the view: an admin editing their own account

    def validate_is_admin(self, field) -> None:
        if self.own and not field.data:
            raise ValidationError(_l("You cannot take away your own admin rights."))

    def validate_active(self, field) -> None:
        if self.own and not field.data:
            raise ValidationError(_l("You cannot deactivate your own account."))


class PasswordForm(FlaskForm):
    password, confirm = _password_fields()
    submit = SubmitField(_l("Set the new password"))
