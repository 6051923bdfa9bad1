"""Sign in and sign out."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth import devices, sessions, throttle
from app.auth.forms import SignInForm
from app.extensions import db
from app.models import Coordinator
from app.numbers import whole
from app.security import site_path

bp = Blueprint("auth", __name__)
# Checked when no account matches, so a wrong username costs the same time as a wrong password.
_NO_ACCOUNT_HASH = generate_password_hash("no account has this password")


@bp.route("/signin", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = SignInForm()
    if form.validate_on_submit():
        username = form.username.data
        device = devices.known_device(username)
        attempt = throttle.Attempt.of(username, request.remote_addr or "", device)
        if not throttle.begin(attempt):  # counted before the slow hash: no race
            return _locked_out(form, throttle.retry_after_seconds(attempt))
        user = _authenticate(username, form.password.data)
        if user is not None:
            return _signed_in(user, attempt, form.remember.data)
        # The same words whether the account exists or not.
        flash(_("That username and password do not match an account."), "error")
    return render_template("auth/sign_in.html", form=form)


def _signed_in(user: Coordinator, attempt: throttle.Attempt, remember: bool):
    """Forget the attempt, open this device's sign-in, go where the coordinator was going."""
    throttle.succeeded(attempt)
    sessions.open_session(user)
    login_user(user, remember=remember)
    response = redirect(_safe_next(request.args.get("next")))
    devices.remember_device(response, user.username, attempt.device)
    return response


def _authenticate(username: str, password: str) -> Coordinator | None:
    """The active account with this username and password, or None."""
    user = _find_active(username)
    if user is None:
        check_password_hash(_NO_ACCOUNT_HASH, password)
        return None
    return user if user.check_password(password) else None


def _locked_out(form: SignInForm, retry_after: int):
    minutes = max(1, whole(retry_after / 60))
    flash(
        _("Too many failed sign-ins. Wait %(minutes)d minutes and try again.", minutes=minutes),
        "error",
    )
    page = render_template("auth/sign_in.html", form=form)
    return page, 429, {"Retry-After": str(retry_after)}


@bp.post("/signout")
def sign_out():
    """End this device's sign-in on the server too: its cookies, even copied, open nothing."""
    if current_user.is_authenticated:
        sessions.close_session(current_user)
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


def _find_active(username: str) -> Coordinator | None:
    query = select(Coordinator).filter_by(username=username.strip(), active=True)
    return db.session.execute(query).scalar_one_or_none()


def _safe_next(target: str | None) -> str:
    """The page asked for before signing in, when it is a path on this site; else the
    coordinator's home: the list of rounds."""
    return site_path(target) or url_for("rounds.index")
