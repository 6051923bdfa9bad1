"""Every route of the app, every method, as each kind of visitor: the status code each gets,
and that nothing they may not see is in what they get (page, chart, export, download).

The table CASES names every (method, URL rule) of the app's URL map; a route missing from
it fails `test_the_table_names_every_route`, so a new route cannot be forgotten. Each case
is requested by six visitors (VISITORS) in the world of security_world.py:

- anonymous: holds the join code DEMO26 (it is on a poster) and nothing else;
- facilitator: อารีย์ of บางจาก, with her personal link (and the pages of her round);
- other_facilitator: อับดุลเลาะห์ of มะม่วงสองต้น with his own link, trying อารีย์'s id;
- other_coordinator: pakphun, coordinator of ปากพูน (another province) only;
- coordinator: bangchak, coordinator of อารีย์'s tambon only;
- admin.

What each may see: the names on the roster of a round whose code they hold (names only);
their own answers (facilitators); the names, levels and notes of their tambons'
facilitators (coordinators); everything (admin). Every other name, note, personal-link
token and, for coordinators, tambon name is searched for in every response and must be
absent. Charts are searched as SVG with their text kept as text (the app draws glyphs as
paths; the PNG is drawn from the same spec). Every HTML page is also checked for inline
code, and the pages a facilitator gets lead only to facilitator pages, never to a response id.
"""

import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

import pytest

from app.charts import canvas
from app.ratings import derived_token
from tests.assess_helpers import FACILITATOR as INSTRUMENT
from tests.assess_helpers import filled
from tests.html_tables import table
from tests.security.security_pages import TOKEN, inline_code, is_same_origin, path_of, refs
from tests.security.security_pages import shown_text as text_of
from tests.security.security_world import (
    DEMO_CODE,
    FACILITATOR,
    LEVELS,
    OTHER_CODE,
    OTHER_FACILITATOR,
    UNANSWERED,
    World,
    sign_in,
)

VISITORS = ("anonymous", "facilitator", "other_facilitator", "other_coordinator",
            "coordinator", "admin")  # fmt: skip
ACCOUNT = {"other_coordinator": "pakphun", "coordinator": "bangchak", "admin": "admin"}
SCOPE = {"other_coordinator": {"pakphun"}, "coordinator": {"bangchak"},
         "admin": {"bangchak", "tharai", "mst", "pakphun"}}  # fmt: skip
OWN = {"facilitator": FACILITATOR, "other_facilitator": OTHER_FACILITATOR}
ROSTER = {DEMO_CODE: {"bangchak", "tharai", "mst"}, OTHER_CODE: {"pakphun"}}
# The roster import page's example file: the same fixed lines for everyone (demo names).
EXAMPLE = re.compile(r'<pre class="example"[^>]*>.*?</pre>', re.DOTALL)
UNKNOWN_TOKEN = derived_token("not this server's key", "no submission")
# What a facilitator's pages may lead to: facilitator pages and public pages, nothing else.
FACILITATOR_ENDPOINTS = {"assess.join", "assess.roster", "assess.add_self", "assess.rate",
                         "assess.result", "assess.change", "assess.qr",
                         "assess.service_worker", "main.index", "main.instrument", "static",
                         "i18n.choose_language"}  # fmt: skip

# The expected status, per visitor in VISITORS order; "S" is a 302 to the sign-in page.
PUBLIC = "200 200 200 200 200 200"
OWN_LINK = "404 200 200 404 404 404"
NOBODY = "404 404 404 404 404 404"
SIGNED_IN = "S S S 200 200 200"
DEMO = "S S S 404 200 200"  # a round with the coordinator's tambon, not the other's
OTHER = "S S S 200 404 200"  # the other province's round
DEMO_THA_RAI = "S S S 404 404 200"  # a tambon of DEMO26 the coordinator does not look after
ADMIN = "S S S 403 403 200"
MANAGE_DEMO = "S S S 404 403 200"  # the demo round: only the admin manages all its tambons
SIGN_IN_PAGE = "200 200 200 302 302 302"


@dataclass(frozen=True)
class Case:
    method: str
    rule: str
    variant: str
    url: Callable[[World, str], str]  # (world, visitor) -> URL
    expect: str
    data: Callable[[World, str], dict] | None = None
    roster: str | None = None  # the join code whose roster the page may name
    shows: Callable[[World, str], list[str]] | None = None  # what a 200 must show

    @property
    def id(self) -> str:
        return f"{self.method} {self.rule} {self.variant}".strip()

    def status(self, visitor: str) -> str:
        return dict(zip(VISITORS, self.expect.split()))[visitor]


def _round(key: str, path: str = "", tambon: str = "", everyone: bool = False):
    """A URL of round `key`: `path`, then the id of `tambon`, then every person's line."""

    def url(w: World, v: str) -> str:
        lines = "".join(f"&show={p.id}" for p in w.people.values()) if everyone else ""
        return f"/rounds/{w.rounds[key]}{path}{w.tambons[tambon] if tambon else ''}{lines}"

    return url


def _round_tambon(key: str, tambon: str) -> Callable[[World, str], str]:
    return lambda w, v: f"/rounds/{w.rounds[key]}/radar/{w.tambons[tambon]}"


def _form(code: str, name: str) -> Callable[[World, str], str]:
    return lambda w, v: f"/j/{code}/f/{w.people[name].id}"


def _spare(path: str) -> Callable[[World, str], str]:
    return lambda w, v: f"/admin/accounts/{w.accounts['spare']}{path}"


def _one_letter_off(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def _own_note_and_name(w: World, v: str) -> list[str]:
    return [w.people[OWN[v]].notes[0], w.people[OWN[v]].first_name]


def _token(w: World, v: str) -> str:
    """The visitor's own personal-link token; others hold one that opens nothing."""
    return w.tokens[OWN[v]] if v in OWN else UNKNOWN_TOKEN


def _own(path: str = "") -> Callable[[World, str], str]:
    return lambda w, v: f"/r/{_token(w, v)}{path}"


def _in_scope(*names: str, notes: bool = False) -> Callable[[World, str], list[str]]:
    """Of these people, what the visitor's scope covers: first names, or their first notes."""

    def shows(w: World, v: str) -> list[str]:
        people = [w.people[n] for n in names if w.people[n].tambon in SCOPE.get(v, ())]
        return [p.notes[0] for p in people] if notes else [p.first_name for p in people]

    return shows


def _own_answers(w: World, v: str) -> dict:
    """The visitor's own answers again (a new revision, the same content)."""
    name = OWN.get(v, FACILITATOR)
    current, target = (f"{level:g}" for level in LEVELS[name])
    note = w.people[name].notes[0]
    return filled(INSTRUMENT, current, target, **{f"{INSTRUMENT.item_codes[0]}-note": note},
                  submission_id=str(uuid.uuid4()))  # fmt: skip


def _roster_file(w: World, v: str) -> dict:
    csv = ("province,district,tambon,name,roles,agency,team\r\n"
           "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,นำเข้า ทดลองสิทธิ์,บันทึก,,u\r\n")  # fmt: skip
    return {"file": (io.BytesIO(csv.encode()), "roster.csv")}


def _self_added(w: World, v: str) -> dict:
    return {"name": f"ผู้มาใหม่ {VISITORS.index(v)}", "tambon": str(w.tambons["bangchak"]),
            "roles": "recording", "team": "v", "agency": ""}  # fmt: skip


def _new_round(w: World, v: str) -> dict:
    return {"name": "รอบทดลองสิทธิ์", "held_on": "2026-12-01", "date_confirmed": "y",
            "instrument": "facilitator-competency",
            "tambons": str(w.tambons["bangchak"])}  # fmt: skip


def _new_account(w: World, v: str) -> dict:
    return {"username": "newcoordinator", "display_name": "ผู้ประสานงานใหม่",
            "password": "a long enough password", "confirm": "a long enough password",
            "tambons": str(w.tambons["pakphun"])}  # fmt: skip


def _spare_access(w: World, v: str) -> dict:
    return {"display_name": "สำรอง", "tambons": str(w.tambons["pakphun"]), "active": "y"}


def _new_password(w: World, v: str) -> dict:
    return {"password": "another long password", "confirm": "another long password"}


def _new_tambon(w: World, v: str) -> dict:
    return {"province_th": "จังหวัดทดลอง", "district_th": "อำเภอทดลอง", "tambon_th": "ตำบลทดลอง"}


def _spare_demo_unchanged(w: World, v: str) -> dict:
    """The spare demo round as it is (see security_world._spare_round)."""
    tambons = [str(w.tambons[key]) for key in ("bangchak", "tharai", "mst")]
    return {"name": "รอบสำรอง", "held_on": "10/1/2569", "date_confirmed": "y", "tambons": tambons}


def _spare_other_unchanged(w: World, v: str) -> dict:
    return {"name": "รอบสำรอง", "held_on": "2026-01-10", "date_confirmed": "y",
            "tambons": str(w.tambons["pakphun"])}  # fmt: skip


def _fixed(data: dict) -> Callable[[World, str], dict]:
    return lambda w, v: data


def _rename_tambon(w: World, v: str) -> str:
    return f"/admin/tambons/{w.tambons['pakphun']}/rename"


def _path(path: str) -> Callable[[World, str], str]:
    return lambda w, v: path


TAMBON_RADAR = "/rounds/<int:round_id>/radar/<int:tambon_id>"
ACCOUNT_PAGE = "/admin/accounts/<int:account_id>"
PASSWORD_PAGE = "/admin/accounts/<int:account_id>/password"
EXPORT = '/rounds/<int:round_id>/exports/<any("ratings", "ratings-wide", "training-plan", "notes"):name>.<any(csv, xlsx):fmt>'  # noqa: E501
RATE = "/j/<code>/f/<int:facilitator_id>"
RENAME_TAMBON = "/admin/tambons/<int:tambon_id>/rename"
CHART = "/rounds/<int:round_id>/charts/<name>.<fmt>"
DEMO_NOTES = _in_scope(FACILITATOR, "สุนีย์ ทองประเสริฐ", OTHER_FACILITATOR, "นันทนา บุญมาเยือน",
                    notes=True)  # fmt: skip
DEMO_NAMES = _in_scope(FACILITATOR, "สุนีย์ ทองประเสริฐ", "นันทนา บุญมาเยือน", OTHER_FACILITATOR)
OTHER_NAMES = _in_scope("ปริญญา แสงอรุณ", "มาลัย ทองคำดี")


def _everyone_on(code: str) -> Callable[[World, str], list[str]]:
    return lambda w, v: [p.first_name for p in w.people.values() if p.tambon in ROSTER[code]]


# Facilitators managed (issue 10): a person of Bang Chak and one of Pak Phun.
def _person(name: str, path: str = "") -> Callable[[World, str], str]:
    return lambda w, v: f"/facilitators/{w.people[name].id}{path}"


def _unchanged_details(w: World, v: str) -> dict:
    """ชไมพร's details as they are: the edit goes through and changes nothing."""
    return {"name": UNANSWERED, "tambon": str(w.tambons["bangchak"]), "roles": "recording",
            "agency": "พช.", "team": "v"}  # fmt: skip


PERSON = "/facilitators/<int:facilitator_id>"
WORKSHOP_IMPORT = "/rounds/<int:round_id>/workshop-import"


def _not_an_answers_file(w: World, v: str) -> dict:
    return {"file": (io.BytesIO(b"not a workshop file"), "answers.ftw")}


NEW_LINK = "/facilitators/<int:facilitator_id>/rounds/<int:round_id>/new-link"


# fmt: off
CASES = (
    # Public pages.
    Case("GET", "/", "", _path("/"), PUBLIC),
    Case("GET", "/instruments/<key>", "", _path("/instruments/facilitator-competency"), PUBLIC),
    Case("GET", "/instruments/<key>/r<int:revision>", "",
         _path("/instruments/facilitator-competency/r1"), PUBLIC),
    Case("GET", "/healthz", "", _path("/healthz"), PUBLIC),
    Case("GET", "/static/<path:filename>", "", _path("/static/app.css"), PUBLIC),
    Case("GET", "/sw.js", "", _path("/sw.js"), PUBLIC),
    Case("POST", "/lang", "", _path("/lang"), "302 302 302 302 302 302",
         data=_fixed({"lang": "en", "next": "/"})),
    # Signing in and out.
    Case("GET", "/signin", "", _path("/signin"), SIGN_IN_PAGE),
    Case("POST", "/signin", "wrong password", _path("/signin"), SIGN_IN_PAGE,
         data=_fixed({"username": "nobody", "password": "wrong password"})),
    Case("POST", "/signout", "", _path("/signout"), "302 302 302 302 302 302"),
    # The facilitators' pages of a round: anyone with its code.
    Case("GET", "/join", "", _path(f"/join?code={DEMO_CODE.lower()}"), "302 302 302 302 302 302",
         roster=DEMO_CODE),
    Case("GET", "/j/<code>", "demo", _path(f"/j/{DEMO_CODE}"), PUBLIC, roster=DEMO_CODE,
         shows=_everyone_on(DEMO_CODE)),
    Case("GET", "/j/<code>", "other province", _path(f"/j/{OTHER_CODE}"), PUBLIC,
         roster=OTHER_CODE, shows=_everyone_on(OTHER_CODE)),
    Case("GET", "/j/<code>/add", "", _path(f"/j/{DEMO_CODE}/add"), PUBLIC, roster=DEMO_CODE),
    Case("POST", "/j/<code>/add", "", _path(f"/j/{DEMO_CODE}/add"), "302 302 302 302 302 302",
         data=_self_added, roster=DEMO_CODE),
    Case("GET", RATE, "answered", _form(DEMO_CODE, FACILITATOR), PUBLIC, roster=DEMO_CODE),
    Case("GET", RATE, "not answered", _form(DEMO_CODE, UNANSWERED), PUBLIC, roster=DEMO_CODE),
    Case("GET", RATE, "her id with the other round's code", _form(OTHER_CODE, FACILITATOR),
         NOBODY),
    Case("GET", RATE, "the other province's person", _form(DEMO_CODE, "ปริญญา แสงอรุณ"), NOBODY),
    Case("POST", RATE, "answered", _form(DEMO_CODE, FACILITATOR), "409 409 409 409 409 409",
         data=_own_answers, roster=DEMO_CODE),
    # The personal link: only its holder.
    Case("GET", "/r/<token>", "own link", _own(), OWN_LINK, shows=_own_note_and_name),
    Case("GET", "/r/<token>", "response id as token",
         lambda w, v: f"/r/{w.response_ids[FACILITATOR]}", NOBODY),
    Case("GET", "/r/<token>", "her token with one letter changed",
         lambda w, v: f"/r/{_one_letter_off(w.tokens[FACILITATOR])}", NOBODY),
    Case("GET", "/r/<token>/edit", "", _own("/edit"), OWN_LINK),
    Case("POST", "/r/<token>/edit", "", _own("/edit"), "404 303 303 404 404 404",
         data=_own_answers),
    Case("GET", "/r/<token>/qr.svg", "", _own("/qr.svg"), OWN_LINK),
    Case("GET", "/r/<token>/levels.json", "", _own("/levels.json"), OWN_LINK),
    # Coordinators: rounds.
    Case("GET", "/rounds", "", _path("/rounds"), SIGNED_IN),
    Case("GET", "/rounds/new", "", _path("/rounds/new"), SIGNED_IN),
    Case("POST", "/rounds/new", "in Bang Chak", _path("/rounds/new"), "S S S 200 302 302",
         data=_new_round),
    Case("GET", "/rounds/<int:round_id>/join", "demo", _round("demo", "/join"), DEMO),
    Case("GET", "/rounds/<int:round_id>/join", "other", _round("other", "/join"), OTHER),
    Case("GET", "/rounds/<int:round_id>/poster", "demo", _round("demo", "/poster"), DEMO),
    Case("GET", "/rounds/<int:round_id>/poster", "other", _round("other", "/poster"), OTHER),
    Case("GET", "/rounds/<int:round_id>/qr.svg", "demo", _round("demo", "/qr.svg"), DEMO),
    Case("GET", "/rounds/<int:round_id>/qr.svg", "other", _round("other", "/qr.svg"), OTHER),
    # Closing needs every tambon of the round: bangchak sees the demo round but may not.
    Case("POST", "/rounds/<int:round_id>/close", "demo", _round("spare_demo", "/close"),
         "S S S 404 403 302"),
    Case("POST", "/rounds/<int:round_id>/close", "other", _round("spare_other", "/close"),
         "S S S 302 404 302"),
    Case("POST", "/rounds/<int:round_id>/reopen", "demo", _round("spare_demo", "/reopen"),
         "S S S 404 403 302"),
    Case("POST", "/rounds/<int:round_id>/reopen", "other", _round("spare_other", "/reopen"),
         "S S S 302 404 302"),
    # Coordinators: the dashboard of a round.
    Case("GET", "/rounds/<int:round_id>", "demo", _round("demo"), DEMO),
    Case("GET", "/rounds/<int:round_id>", "other", _round("other"), OTHER),
    Case("GET", "/rounds/<int:round_id>/radar", "demo", _round("demo", "/radar"), DEMO),
    Case("GET", "/rounds/<int:round_id>/radar", "other", _round("other", "/radar"), OTHER),
    Case("GET", TAMBON_RADAR, "Bang Chak", _round_tambon("demo", "bangchak"), DEMO),
    Case("GET", TAMBON_RADAR, "Tha Rai", _round_tambon("demo", "tharai"), DEMO_THA_RAI),
    Case("GET", TAMBON_RADAR, "Pak Phun", _round_tambon("other", "pakphun"), OTHER),
    Case("GET", "/rounds/<int:round_id>/river", "demo, every person's line",
         _round("demo", "/river?units=people&chosen=people", everyone=True), DEMO,
         shows=DEMO_NAMES),
    Case("GET", "/rounds/<int:round_id>/river", "other", _round("other", "/river?units=people"),
         OTHER, shows=OTHER_NAMES),
    Case("GET", "/rounds/<int:round_id>/stairs", "demo",
         _round("demo", "/stairs?units=people&item=K1"), DEMO, shows=DEMO_NAMES),
    Case("GET", "/rounds/<int:round_id>/stairs", "other",
         _round("other", "/stairs?units=people"), OTHER),
    Case("GET", "/rounds/<int:round_id>/gaps", "demo", _round("demo", "/gaps"), DEMO,
         shows=DEMO_NAMES),
    Case("GET", "/rounds/<int:round_id>/gaps", "demo, Tha Rai",
         _round("demo", "/gaps?tambon=", tambon="tharai"), DEMO_THA_RAI),
    Case("GET", "/rounds/<int:round_id>/gaps", "other", _round("other", "/gaps"), OTHER,
         shows=OTHER_NAMES),
    Case("GET", "/rounds/<int:round_id>/pairs", "demo", _round("demo", "/pairs"), DEMO),
    Case("GET", "/rounds/<int:round_id>/pairs", "other", _round("other", "/pairs"), OTHER),
    Case("GET", "/rounds/<int:round_id>/progress", "demo, from DEMO25",
         lambda w, v: f"/rounds/{w.rounds['demo']}/progress?from={w.rounds['earlier']}", DEMO),
    Case("GET", "/rounds/<int:round_id>/progress", "other", _round("other", "/progress"), OTHER),
    Case("GET", CHART, "demo river, people",
         _round("demo", "/charts/river.svg?units=people&chosen=people", everyone=True), DEMO,
         shows=DEMO_NAMES),
    Case("GET", CHART, "demo stairs, people",
         _round("demo", "/charts/stairs.svg?units=people&item=K1"), DEMO, shows=DEMO_NAMES),
    Case("GET", CHART, "demo radar grid", _round("demo", "/charts/radar-grid.svg"), DEMO),
    Case("GET", CHART, "demo radar PNG of Tha Rai",
         _round("demo", "/charts/radar.png?tambon=", tambon="tharai"), DEMO_THA_RAI),
    Case("GET", CHART, "other river, people",
         _round("other", "/charts/river.svg?units=people"), OTHER, shows=OTHER_NAMES),
    # Coordinators: exports and roster import.
    Case("GET", "/rounds/<int:round_id>/exports", "demo", _round("demo", "/exports"), DEMO),
    Case("GET", "/rounds/<int:round_id>/exports", "other", _round("other", "/exports"), OTHER),
    *(Case("GET", EXPORT, f"demo {name}.{fmt}", _round("demo", f"/exports/{name}.{fmt}"), DEMO,
           shows={"ratings": DEMO_NOTES, "ratings-wide": DEMO_NAMES, "notes": DEMO_NOTES}.get(name))
      for name in ("ratings", "ratings-wide", "training-plan", "notes") for fmt in ("csv", "xlsx")),
    Case("GET", EXPORT, "other ratings.xlsx", _round("other", "/exports/ratings.xlsx"), OTHER,
         shows=OTHER_NAMES),
    Case("GET", EXPORT, "other notes.csv", _round("other", "/exports/notes.csv"), OTHER),
    # Coordinators: the knowledge assets and the report to the governor (issue 13).
    Case("GET", "/rounds/<int:round_id>/notes", "demo", _round("demo", "/notes"), DEMO,
         shows=DEMO_NOTES),
    Case("GET", "/rounds/<int:round_id>/notes", "demo, Tha Rai",
         _round("demo", "/notes?tambon=", tambon="tharai"), DEMO_THA_RAI),
    Case("GET", "/rounds/<int:round_id>/notes", "other", _round("other", "/notes"), OTHER),
    Case("GET", "/rounds/<int:round_id>/report", "demo", _round("demo", "/report"), DEMO),
    Case("GET", "/rounds/<int:round_id>/report", "other", _round("other", "/report"), OTHER),
    Case("GET", "/rounds/<int:round_id>/report.pdf", "demo", _round("demo", "/report.pdf"),
         DEMO),
    Case("GET", "/rounds/<int:round_id>/report.pdf", "other", _round("other", "/report.pdf"),
         OTHER),
    Case("GET", "/roster/import", "", _path("/roster/import"), SIGNED_IN),
    Case("POST", "/roster/import", "into Bang Chak", _path("/roster/import"), "S S S 200 302 302",
         data=_roster_file),
    # Admin pages.
    Case("GET", "/admin/tambons", "", _path("/admin/tambons"), ADMIN),
    Case("POST", "/admin/tambons", "", _path("/admin/tambons"), "S S S 403 403 302",
         data=_new_tambon),
    Case("GET", "/admin/accounts", "", _path("/admin/accounts"), ADMIN),
    Case("GET", "/admin/accounts/new", "", _path("/admin/accounts/new"), ADMIN),
    Case("POST", "/admin/accounts/new", "", _path("/admin/accounts/new"), "S S S 403 403 302",
         data=_new_account),
    Case("GET", ACCOUNT_PAGE, "", _spare(""), ADMIN),
    Case("POST", ACCOUNT_PAGE, "", _spare(""), "S S S 403 403 302", data=_spare_access),
    Case("GET", PASSWORD_PAGE, "", _spare("/password"), ADMIN),
    Case("POST", PASSWORD_PAGE, "", _spare("/password"), "S S S 403 403 302",
         data=_new_password),
    # Rounds managed (issue 10): edit, delete, close with confirmation. Nothing here changes
    # the world: the edit stores the spare round as it is, the deletes are refused (answered).
    Case("GET", "/rounds/<int:round_id>/edit", "demo", _round("demo", "/edit"), MANAGE_DEMO),
    Case("GET", "/rounds/<int:round_id>/edit", "other", _round("other", "/edit"), OTHER),
    Case("POST", "/rounds/<int:round_id>/edit", "spare demo, unchanged",
         _round("spare_demo", "/edit"), "S S S 404 403 302", data=_spare_demo_unchanged),
    Case("POST", "/rounds/<int:round_id>/edit", "spare other, unchanged",
         _round("spare_other", "/edit"), "S S S 302 404 302", data=_spare_other_unchanged),
    Case("GET", "/rounds/<int:round_id>/delete", "demo", _round("demo", "/delete"), MANAGE_DEMO),
    Case("GET", "/rounds/<int:round_id>/delete", "other", _round("other", "/delete"), OTHER),
    Case("POST", "/rounds/<int:round_id>/delete", "demo, answered: refused",
         _round("demo", "/delete"), "S S S 404 403 302"),
    Case("POST", "/rounds/<int:round_id>/delete", "other, answered: refused",
         _round("other", "/delete"), "S S S 302 404 302"),
    Case("GET", "/rounds/<int:round_id>/close", "demo", _round("demo", "/close"), MANAGE_DEMO),
    Case("GET", "/rounds/<int:round_id>/close", "other", _round("other", "/close"), OTHER),
    # Facilitators managed (issue 10): only the people of one's own tambons.
    Case("GET", "/facilitators", "", _path("/facilitators?all=1"), SIGNED_IN,
         shows=_in_scope(FACILITATOR, UNANSWERED, "ปริญญา แสงอรุณ")),
    Case("GET", "/facilitators", "search", _path("/facilitators?q=%E0%B8%A3"), SIGNED_IN),
    Case("GET", PERSON, "demo", _person(FACILITATOR), DEMO, shows=_in_scope(FACILITATOR)),
    Case("GET", PERSON, "other", _person("ปริญญา แสงอรุณ"), OTHER,
         shows=_in_scope("ปริญญา แสงอรุณ")),
    Case("GET", PERSON + "/edit", "", _person(UNANSWERED, "/edit"), DEMO),
    Case("POST", PERSON + "/edit", "unchanged", _person(UNANSWERED, "/edit"), "S S S 404 302 302",
         data=_unchanged_details),
    Case("GET", PERSON + "/deactivate", "", _person(UNANSWERED, "/deactivate"), DEMO),
    Case("POST", PERSON + "/deactivate", "not confirmed", _person(UNANSWERED, "/deactivate"),
         DEMO),
    Case("POST", PERSON + "/reactivate", "already active", _person(UNANSWERED, "/reactivate"),
         "S S S 404 302 302"),
    Case("GET", PERSON + "/delete", "", _person(UNANSWERED, "/delete"), DEMO),
    Case("POST", PERSON + "/delete", "answered: refused", _person(FACILITATOR, "/delete"),
         "S S S 404 302 302", data=_fixed({"confirm": "yes"})),
    Case("GET", PERSON + "/merge", "search", _person(UNANSWERED, "/merge?q=%E0%B8%A3"), DEMO),
    Case("GET", PERSON + "/merge", "other province",
         lambda w, v: f"/facilitators/{w.people[UNANSWERED].id}/merge"
                      f"?other={w.people['ปริญญา แสงอรุณ'].id}", "S S S 404 404 200"),
    Case("POST", PERSON + "/merge", "with oneself: refused", _person(UNANSWERED, "/merge"), DEMO,
         data=lambda w, v: {"other": str(w.people[UNANSWERED].id)}),
    Case("POST", NEW_LINK, "closed round: refused",
         lambda w, v: f"/facilitators/{w.people['สุนีย์ ทองประเสริฐ'].id}/rounds/"
                      f"{w.rounds['earlier']}/new-link", "S S S 404 409 409"),
    # Places (issue 10): renaming a tambon (to its own name in another spelling).
    Case("GET", RENAME_TAMBON, "", _rename_tambon, ADMIN),
    Case("POST", RENAME_TAMBON, "", _rename_tambon, "S S S 403 403 302",
         data=_fixed({"name_th": "ต.ปากพูน", "name_en": "Pak Phun"})),
    # A workshop's answers brought to the server (issue 14): only a round one manages; a file
    # that is not an answers file is refused on the page, nothing written.
    Case("GET", WORKSHOP_IMPORT, "demo", _round("demo", "/workshop-import"), MANAGE_DEMO),
    Case("GET", WORKSHOP_IMPORT, "other", _round("other", "/workshop-import"), OTHER),
    Case("POST", WORKSHOP_IMPORT, "not an answers file", _round("demo", "/workshop-import"),
         MANAGE_DEMO, data=_not_an_answers_file),
    # Any phone (issue 11): the icon browsers ask for by themselves.
    Case("GET", "/favicon.ico", "", _path("/favicon.ico"), PUBLIC),
)
# fmt: on


@pytest.fixture(scope="module", autouse=True)
def chart_text_as_text():
    """Charts keep their words as SVG text while these tests run, so they can be searched."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            canvas, "SETTINGS", MappingProxyType(canvas.SETTINGS | {"svg.fonttype": "none"})
        )
        yield


def test_the_table_names_every_route(world_app):
    routes = {
        (method, rule.rule)
        for rule in world_app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    named = {(case.method, case.rule) for case in CASES}
    assert routes - named == set(), "routes without an expectation: add them to CASES"
    assert named - routes == set(), "CASES names routes the app does not have"


def _forbidden(world: World, visitor: str, case: Case) -> list[str]:
    """Every name, note, token and tambon the visitor may not see in this response."""
    scope, own = SCOPE.get(visitor, set()), OWN.get(visitor)
    roster = ROSTER.get(case.roster, set())
    words = []
    for person in world.people.values():
        if person.tambon in scope or person.name == own:
            continue
        words += person.notes
        if person.tambon not in roster:
            words.append(person.first_name)
    words += [token for name, token in world.tokens.items() if name != own]
    if visitor in SCOPE:
        for key, names in world.tambon_names.items():
            if key not in scope | roster:
                words += names
    return words


def _request(world_app, world, case: Case, visitor: str):
    client = world_app.test_client()
    if visitor in ACCOUNT:
        sign_in(client, ACCOUNT[visitor])
    url = case.url(world, visitor)
    with world_app.test_request_context():
        adapter = world_app.url_map.bind("localhost")
        rule, _ = adapter.match(path_of(url), method=case.method, return_rule=True)
    assert rule.rule == case.rule, f"{url} is served by {rule.rule}, not {case.rule}"
    data = case.data(world, visitor) if case.data else {}
    sent = _sent_text(data)
    return client.open(url, method=case.method, data=data), sent


def _sent_text(data: dict) -> str:
    """What the visitor typed or uploaded: a page may say it back to them."""
    parts = []
    for value in data.values():
        if isinstance(value, tuple):  # (file, name)
            parts.append(value[0].getvalue().decode())
        else:
            parts.append(str(value))
    return "\n".join(parts)


def _check_status(response, expected: str) -> None:
    if expected == "S":
        assert response.status_code == 302
        assert path_of(response.headers["Location"]) == "/signin"
    else:
        assert response.status_code == int(expected)


def _check_facilitator_links(world_app, world: World, visitor: str, response, text: str) -> None:
    """A facilitator's pages lead to facilitator or public pages only, with their own token
    and never a response id (no such route exists for them)."""
    found = refs(text).urls if "html" in response.content_type else []
    urls = [("POST" if attr == "action" else "GET", url) for _tag, attr, url in found]
    urls += [("GET", response.headers["Location"])] if "Location" in response.headers else []
    adapter = world_app.url_map.bind("localhost")
    for method, url in urls:
        if not is_same_origin(url) or url.startswith("#"):  # "#…": a place on the same page
            continue
        endpoint, args = adapter.match(path_of(url), method=method)
        assert endpoint in FACILITATOR_ENDPOINTS, url
        assert set(args) <= {"code", "facilitator_id", "token", "key", "revision", "filename"}, url
        if "token" in args:
            assert TOKEN.match(args["token"]) and args["token"] == world.tokens[OWN[visitor]], url


def _check_own_levels(world: World, visitor: str, text: str) -> None:
    """The result page shows the holder's levels on every item, nobody else's."""
    current, target = (f"{level:g}" for level in LEVELS[OWN[visitor]])
    rows = [r for r in table(text, "levels-table") if len(r) == 4][1:]
    assert len(rows) == len(INSTRUMENT.items)
    assert {tuple(r[1:3]) for r in rows} == {(current, target)}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_visitor_gets_exactly_what_they_may(world_app, world, case, visitor):
    response, sent = _request(world_app, world, case, visitor)
    text = EXAMPLE.sub("", text_of(response))
    response.close()  # a static file is streamed: close it, as a server would
    _check_status(response, case.status(visitor))
    forbidden = [word for word in _forbidden(world, visitor, case) if word not in sent]
    leaks = [word for word in forbidden if word in text]
    assert leaks == [], f"shown to {visitor}: {leaks}"
    if response.status_code == 200 and case.shows:
        assert [w for w in case.shows(world, visitor) if w not in text] == []
    if response.content_type.startswith("text/html"):
        assert inline_code(text) == []
    if visitor in OWN and case.rule.startswith(("/j/", "/r/", "/join")):
        _check_facilitator_links(world_app, world, visitor, response, text)
        if case.variant == "own link" and case.rule == "/r/<token>":
            _check_own_levels(world, visitor, text)
