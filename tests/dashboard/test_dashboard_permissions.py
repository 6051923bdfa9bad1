"""Every page and chart of the dashboard and admin blueprints, for every kind of visitor.

The routes come from the app's URL map, so a new route cannot be forgotten: a route
with an argument this file has no sample for fails the first test below.
"""

from flask import url_for

from tests.tiny_round import NOT_FOR_BANG_CHAK, sign_in

BLUEPRINTS = ("dashboard.", "admin.", "notes.")


def _everyone(tiny) -> str:
    return "".join(f"&show={pid}" for pid in tiny.people.values())


def _samples(tiny) -> dict:
    """A value for every URL argument: the later round, Bang Chak, a chart, an account."""
    return {"round_id": tiny.later, "tambon_id": tiny.bang_chak, "name": "radar", "fmt": "svg",
            "account_id": tiny.accounts["bangchak"]}  # fmt: skip


def _variants(tiny) -> dict[str, list[str]]:
    """Query strings tried on an endpoint besides none: people, every person's line, filters."""
    people = f"units=people&chosen=people{_everyone(tiny)}"
    return {
        "dashboard.river": [people],
        "dashboard.stairs": ["units=people&item=S3"],
        "dashboard.gaps": ["rows=total"],
        "dashboard.progress": [f"from={tiny.earlier}"],
        "dashboard.chart": [f"tambon={tiny.bang_chak}"],
    }


def _urls(app, tiny) -> list[tuple[str, str]]:
    """(endpoint, URL) of every GET route of the two blueprints, with its variants."""
    samples, variants = _samples(tiny), _variants(tiny)
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith(BLUEPRINTS):
                continue
            missing = rule.arguments - samples.keys()
            assert not missing, f"{rule.rule}: add a sample value for {sorted(missing)}"
            url = url_for(rule.endpoint, **{a: samples[a] for a in rule.arguments})
            found += [(rule.endpoint, url)]
            found += [(rule.endpoint, f"{url}?{q}") for q in variants.get(rule.endpoint, [])]
    return found


def _chart_urls(tiny) -> list[str]:
    base = f"/rounds/{tiny.later}/charts"
    people = f"units=people&chosen=people{_everyone(tiny)}"
    return [
        f"{base}/radar-grid.svg",
        f"{base}/river.svg?{people}",
        f"{base}/stairs.svg?units=people",
        f"{base}/radar.png?tambon={tiny.bang_chak}",
    ]


def test_every_route_is_covered(app, tiny):
    endpoints = {endpoint for endpoint, _ in _urls(app, tiny)}
    assert {"dashboard.overview", "dashboard.chart", "admin.accounts"} <= endpoints
    assert len(endpoints) == len(
        [r for r in app.url_map.iter_rules() if r.endpoint.startswith(BLUEPRINTS)]
    )


def test_an_anonymous_visitor_is_sent_to_sign_in(app, client, tiny):
    for _, url in _urls(app, tiny):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/signin?next="), url


def test_posting_to_admin_pages_needs_an_admin(app, client, tiny):
    posting = {r.endpoint for r in app.url_map.iter_rules() if "POST" in r.methods}
    posts = [u for e, u in _urls(app, tiny) if e in posting]
    assert len(posts) == 5  # tambons, rename a tambon, new account, account access, password
    for url in posts:
        assert client.post(url, data={}).status_code == 302, url
    sign_in(client, "bangchak")
    for url in posts:
        assert client.post(url, data={"username": "x", "password": "y" * 12}).status_code == 403, (
            url
        )


def test_a_coordinator_of_a_tambon_in_no_round_finds_nothing(app, client, tiny):
    sign_in(client, "outsider")
    for endpoint, url in _urls(app, tiny):
        response = client.get(url)
        expected = 403 if endpoint.startswith("admin.") else 404
        assert response.status_code == expected, url


def test_a_coordinator_of_another_tambon_cannot_reach_bang_chak(app, client, tiny):
    sign_in(client, "tharai")
    bang_chak = tiny.bang_chak
    base = f"/rounds/{tiny.later}"
    for url in [
        f"{base}/radar/{bang_chak}",
        f"{base}/charts/radar.png?tambon={bang_chak}",
        f"{base}/charts/radar.svg?tambon={bang_chak}",
        f"{base}/river?units=people&tambon={bang_chak}",
        f"{base}/charts/river.png?units=people&tambon={bang_chak}",
        f"{base}/stairs?units=people&tambon={bang_chak}",
        f"{base}/charts/stairs.svg?units=people&tambon={bang_chak}",
        f"{base}/gaps?tambon={bang_chak}",
        f"{base}/pairs?tambon={bang_chak}",
        f"{base}/notes?tambon={bang_chak}",
        f"/rounds/{tiny.later + 1000}",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_coordinator_sees_every_page_with_their_tambon_s_names_only(app, client, tiny):
    sign_in(client, "bangchak")
    for endpoint, url in [*_urls(app, tiny), *(("dashboard.chart", u) for u in _chart_urls(tiny))]:
        response = client.get(url)
        if endpoint.startswith("admin."):
            assert response.status_code == 403, url
            continue
        assert response.status_code == 200, url
        if response.content_type.startswith(("text/html", "image/svg")):
            text = response.data.decode()
            for name in NOT_FOR_BANG_CHAK:
                assert name not in text, (url, name)


def test_their_pages_do_show_their_own_people(client, tiny):
    sign_in(client, "bangchak")
    base = f"/rounds/{tiny.later}"
    for url in (f"{base}/gaps", f"{base}/pairs", f"{base}/stairs?units=people",
                f"{base}/charts/stairs.svg?units=people"):  # fmt: skip
        text = client.get(url).data.decode()
        assert "สมศรี" in text and "ประเสริฐ" in text, url


def test_an_admin_sees_every_page(app, client, tiny):
    sign_in(client, "admin")
    for _, url in [*_urls(app, tiny), *(("chart", u) for u in _chart_urls(tiny))]:
        assert client.get(url).status_code == 200, url
    page = client.get(f"/rounds/{tiny.later}/gaps").text
    assert "น้ำฝน" in page and "สมศรี" in page
