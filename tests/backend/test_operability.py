"""What an operator (a load balancer, Prometheus) sees of the backend: health that checks the
database, metrics with the figures staff care about, routes wired explicitly."""

from __future__ import annotations

import re

from bot.backend.appkeys import ENGINE


async def test_health_checks_the_database(backend):
    status, body = await backend.call("GET", "/health")
    assert status == 200 and body == {"status": "ok", "checks": {"database": "ok"}}


async def test_health_is_503_when_the_database_is_gone(backend):
    await backend.app[ENGINE].dispose()
    real = backend.app[ENGINE].url
    # a database that cannot be reached: the same engine pointed at a closed port
    from bot.backend.db import create_engine

    broken = create_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none")
    backend.app._state[ENGINE] = broken  # the app is frozen; this is the fault we cannot make
    try:
        status, body = await backend.call("GET", "/health")
        live = await backend.call("GET", "/live")
    finally:
        backend.app._state[ENGINE] = create_engine(real.render_as_string(hide_password=False))
        await broken.dispose()
    assert status == 503
    assert body == {"status": "unavailable", "checks": {"database": "unreachable"}}
    assert live == (200, {"status": "ok"})  # alive all the same: no restart for a database outage


def _value(text: str, name: str, labels: str = "") -> float:
    match = re.search(rf"^{re.escape(name + labels)} ([0-9.e+]+)$", text, re.M)
    assert match, f"{name}{labels} missing"
    return float(match.group(1))


async def _metrics(backend) -> str:
    async with backend.http.get(backend.url + "/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        return await response.text()


async def test_metrics_show_tickets_handoffs_and_latency(backend):
    before = await _metrics(backend)
    assigned = _value(before, "hotline_tickets", '{status="assigned"}')
    await backend.call("POST", "/tickets", json={
        "type": "wage_arrears", "facts": {"amount_owed": 9000}, "contact_phone": "13952800011",
        "district": "辛安街道"}, headers={"Idempotency-Key": "case:metrics-test:wage_arrears"})
    await backend.call("POST", "/handoffs", json={"conversation_id": "m-1",
                                                  "district": "辛安街道"})
    await backend.call("GET", "/tickets/GH-no-such-ticket-13952800011")
    after = await _metrics(backend)
    assert _value(after, "hotline_tickets", '{status="assigned"}') == assigned + 1  # routed at once
    assert _value(after, "hotline_handoffs_waiting") >= 1
    assert "hotline_sms_outbox_depth" in after
    # latency by the route's template: bounded labels, no phone number or id in them
    assert 'route="/api/v1/tickets/{ticket_id}",status="404"' in after
    assert "13952800011" not in after
    assert _value(after, "hotline_backend_request_seconds_count",
                  '{method="POST",route="/api/v1/tickets",status="201"}') >= 1


async def test_every_declared_route_is_served_and_documented(backend):
    from bot.backend.app import api_routes

    async with backend.http.get(backend.url + "/api/v1/openapi.json") as response:
        doc = await response.json()
    served = {(r.method, r.resource.canonical) for r in backend.app.router.routes()}
    for route in api_routes():
        assert (route.method, route.path) in served
        assert route.method.lower() in doc["paths"][route.path]


def test_importing_a_route_module_registers_nothing():
    """Routes are mounted from one explicit list, not by import side effects."""
    from bot.backend import routing

    assert not hasattr(routing, "ROUTES")


async def test_every_extension_is_mounted(backend):
    """Console, widget page, trainer inbox, back office and notifications are imported directly
    by the app: a broken import fails start-up instead of silently dropping the part."""
    paths = {r.resource.canonical for r in backend.app.router.routes()}
    for path in ("/", "/console/", "/console/inbox", "/console/tickets", "/rate/{token}",
                 "/metrics", "/api/v1/openapi.json"):
        assert path in paths, path
    async with backend.http.get(backend.url + "/console/") as response:
        assert response.status == 200
