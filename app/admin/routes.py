"""Admin pages: tambons, and the accounts of coordinators and admins."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from app.auth import sessions
from app.auth.access import admin_required
from app.extensions import db
from app.models import Coordinator, Tambon

from .accounts import all_accounts, set_access
from .forms import EditAccountForm, NewAccountForm, PasswordForm, RenameTambonForm, TambonForm
from .places import add_tambon, district_groups, place_rows, rename_tambon, tambon_choices

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/tambons", methods=["GET", "POST"])
@admin_required
def tambons():
    """Every tambon by province and district, and a form to add one."""
    form = TambonForm()
    if form.validate_on_submit():
        fields = (
            "province_th",
            "province_en",
            "district_th",
            "district_en",
            "tambon_th",
            "tambon_en",
        )
        tambon = add_tambon({name: form[name].data or "" for name in fields})
        db.session.commit()
        flash(_("Tambon %(name)s added.", name=tambon.name_th), "success")
        return redirect(url_for("admin.tambons"))
    rows = place_rows()
    return render_template("admin/tambons.html", form=form, groups=district_groups(rows))


@bp.route("/tambons/<int:tambon_id>/rename", methods=["GET", "POST"])
@admin_required
def rename_tambon_page(tambon_id: int):
    """New names for a tambon; its facilitators, rounds and answers stay with it."""
    tambon = db.session.get(Tambon, tambon_id) or abort(404)
    form = RenameTambonForm(name_th=tambon.name_th, name_en=tambon.name_en)
    form.tambon = tambon
    if form.validate_on_submit():
        old = tambon.name_th
        rename_tambon(tambon, form.name_th.data, form.name_en.data or "")
        db.session.commit()
        flash(_("Tambon %(old)s renamed %(new)s.", old=old, new=tambon.name_th), "success")
        return redirect(url_for("admin.tambons"))
    return render_template("admin/tambon_rename.html", form=form, tambon=tambon)


@bp.get("/accounts")
@admin_required
def accounts():
    return render_template("admin/accounts.html", accounts=all_accounts())


@bp.route("/accounts/new", methods=["GET", "POST"])
@admin_required
def new_account():
    """A new coordinator (who sees some tambons) or admin (who sees all)."""
    form = NewAccountForm()
    form.tambons.choices = tambon_choices()
    if form.validate_on_submit():
        account = Coordinator(username=form.username.data)
        account.set_password(form.password.data)
        set_access(account, form.display_name.data, form.is_admin.data, form.tambons.data)
        db.session.add(account)
        db.session.commit()
        flash(_("Account %(name)s created.", name=account.username), "success")
        return redirect(url_for("admin.accounts"))
    return render_template("admin/account_form.html", form=form, account=None)


@bp.route("/accounts/<int:account_id>", methods=["GET", "POST"])
@admin_required
def edit_account(account_id: int):
    """Change what an account sees, or deactivate it (its sessions end at once)."""
    account = db.session.get(Coordinator, account_id) or abort(404)
    form = EditAccountForm(
        display_name=account.display_name,
        is_admin=account.is_admin,
        active=account.active,
        tambons=[t.id for t in account.tambons],
    )
    form.tambons.choices = tambon_choices()
    form.own = account.id == current_user.id
    if form.validate_on_submit():
        set_access(account, form.display_name.data, form.is_admin.data, form.tambons.data)
        account.active = form.active.data
        db.session.commit()
        flash(_("Account %(name)s saved.", name=account.username), "success")
        return redirect(url_for("admin.accounts"))
    return render_template("admin/account_form.html", form=form, account=account)


@bp.route("/accounts/<int:account_id>/password", methods=["GET", "POST"])
@admin_required
def account_password(account_id: int):
    """Set a new password; every session opened with the old one ends."""
    account = db.session.get(Coordinator, account_id) or abort(404)
    form = PasswordForm()
    if form.validate_on_submit():
        account.set_password(form.password.data)
        db.session.commit()
        if account.id == current_user.id:
            # The new password ended this device's sign-in too: keep the admin in.
            sessions.open_session(account)
            login_user(account)
        flash(_("New password set for %(name)s.", name=account.username), "success")
        return redirect(url_for("admin.accounts"))
    return render_template("admin/password.html", form=form, account=account)
