"""The forms of the facilitator pages: edit, confirm, merge."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import AnyOf, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.assess.forms import ROLE_LABELS, OneValue
from app.facilitators.manage import AGENCY_MAX, NAME_MAX
from app.facilitators.merge import KEPT, OTHER
from app.models import ROLES
from app.names import clean_name, is_name

TEAM_CHOICES = (
    ("u", _l("u: a facilitator of the tambon team")),
    ("v", _l("v: a community leader training as a facilitator")),
    ("", _l("No team")),
)


class EditForm(FlaskForm):
    """A person's details; tambon choices are the user's tambons, set by the view."""

    name = StringField(
        _l("Name"),
        validators=[OneValue(), InputRequired(message=_l("Write the name."))],
    )
    tambon = SelectField(
        _l("Tambon"),
        validate_choice=False,
        validators=[OneValue(), InputRequired(message=_l("Choose one of your tambons."))],
    )
    roles = SelectMultipleField(
        _l("Roles"),
        choices=[SelectChoice(role, ROLE_LABELS[role]) for role in ROLES],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    agency = StringField(
        _l("Agency"),
        validators=[OneValue(), Length(max=AGENCY_MAX, message=_l("At most %(max)d characters."))],
    )
    team = RadioField(
        _l("Team"),
        choices=[SelectChoice(v, label) for v, label in TEAM_CHOICES],
        validate_choice=False,
        validators=[OneValue()],
    )
    submit = SubmitField(_l("Save"))

    def validate_name(self, field) -> None:
        if not is_name(field.data or ""):
            raise ValidationError(_l("Write the name with at least one letter."))
        if len(clean_name(field.data)) > NAME_MAX:
            raise ValidationError(_l("At most %(max)d characters.", max=NAME_MAX))

    def validate_tambon(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of your tambons."))

    def validate_roles(self, field) -> None:
        if not field.data or not set(field.data) <= set(ROLES):
            raise ValidationError(_l("Choose one or more roles."))

    def validate_team(self, field) -> None:
        if (field.data or "") not in {v for v, _label in TEAM_CHOICES}:
            raise ValidationError(_l("The team is u, v or none."))


class ConfirmForm(FlaskForm):
    """A yes to a change that asks for one (deactivate, delete): only the CSRF token and it."""

    confirm = HiddenField()  # "yes" from the confirmation page only
    submit = SubmitField(_l("Yes, go ahead"))

    def confirmed(self) -> bool:
        return self.validate_on_submit() and self.confirm.data == "yes"


CHOOSE = _l("Choose which answers count.")


def merge_form(shared_round_ids: list[int]):
    """The merge form: the other record, and for each round both answered, which counts."""

    class MergeForm(FlaskForm):
        other = HiddenField(validators=[OneValue(), InputRequired()])
        submit = SubmitField(_l("Merge the two records"))

    for round_id in shared_round_ids:
        field = RadioField(
            choices=[SelectChoice(KEPT, _l("this record's answers")),
                     SelectChoice(OTHER, _l("the other record's answers"))],
            validate_choice=False,
            validators=[OneValue(), AnyOf((KEPT, OTHER), message=CHOOSE)],
        )  # fmt: skip
        setattr(MergeForm, f"round_{round_id}", field)
    return MergeForm()
