"""`flask workshop serve`: Waitress on the laptop's address, join links on that address, a
phone going through it; the laptop's address found without sending anything."""

import ipaddress
import re

from app.workshop import serve
from tests.assess_helpers import FACILITATOR, filled
from tests.phone import Phone
from tests.workshop_server import workshop_server


def test_a_phone_joins_answers_and_reads_its_personal_link(app, demo, database_url):
    with workshop_server(database_url, env={"PUBLIC_URL": ""}) as server:
        printed = server.output()
        assert f"On this laptop, open  {server.base}/" in printed
        assert f"On the wall: {server.base}/j/DEMO26" in printed
        phone = Phone(server.base, timeout=20)
        roster = phone.get("/j/DEMO26")
        assert roster.status == 200
        links = re.findall(r'<li[^>]*><a href="/j/DEMO26/f/(\d+)">(.*?)</a></li>', roster.text)
        person = next(number for number, text in links if 'class="answered"' not in text)
        fields = phone.open_form(f"/j/DEMO26/f/{person}")
        sent = phone.post(f"/j/DEMO26/f/{person}", filled(FACILITATOR, "2", "4", **fields))
        assert sent.status == 303 and sent.location.startswith("/r/"), sent.text[:300]
        result = phone.get(sent.location)
        assert result.status == 200 and "ระดับปัจจุบัน" in result.text
        # The personal link's QR code and the page point at the laptop's address.
        assert f"{server.base}/r/" in result.text
        assert server.process.poll() is None


def test_the_laptop_address_is_an_address_of_this_machine_or_loopback():
    address = serve.network_address()
    ip = ipaddress.ip_address(address)
    assert ip.version == 4
    assert address == serve.LOOPBACK or not ip.is_loopback


def test_without_a_network_the_address_is_loopback(monkeypatch):
    monkeypatch.setattr(serve, "_routed_address", lambda: None)
    monkeypatch.setattr(serve, "_host_name_address", lambda: None)
    assert serve.network_address() == "127.0.0.1"
    assert serve.public_base("192.168.43.10", 8000) == "http://192.168.43.10:8000"
