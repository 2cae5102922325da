"""Calls to the action server (``EndpointConfig.request``): kept-alive connections and ujson,
with the same headers, parameters, errors and results as Rasa's own request, and a server that
restarted between two calls is simply reached again."""

from __future__ import annotations

import json

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot import rasa_patches


async def _server(handler, port: int = 0) -> tuple[web.AppRunner, int]:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]


async def test_the_call_carries_what_rasas_carries_and_reuses_its_connection():
    seen: list[dict] = []

    async def handler(request: web.Request) -> web.Response:
        seen.append({"peer": request.transport.get_extra_info("peername"),
                     "token": request.headers.get("X-Hotline-Action-Token"),
                     "type": request.headers.get("Content-Type"), "params": dict(request.query),
                     "body": await request.text()})
        return web.json_response({"events": [], "responses": [{"text": "好的"}]})

    runner, port = await _server(handler)
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", token="t0k",
                                  headers={"X-Hotline-Action-Token": "s3cret"})
        assert EndpointConfig.request is rasa_patches.pooled_request
        body = {"next_action": "action_start_service", "tracker": {"latest_message": {"text": "欠薪/工资"}}}
        for _ in range(2):
            result = await endpoint.request(json=body, method="post", timeout=10)
            assert result == {"events": [], "responses": [{"text": "好的"}]}
    finally:
        await runner.cleanup()
    assert [s["token"] for s in seen] == ["s3cret", "s3cret"]
    assert seen[0]["type"] == "application/json" and seen[0]["params"] == {"token": "t0k"}
    assert json.loads(seen[0]["body"]) == body and "欠薪/工资" in seen[0]["body"]
    assert seen[0]["peer"] == seen[1]["peer"], "the second call went over the same connection"


async def test_an_error_status_raises_rasas_error_and_a_non_json_answer_is_none():
    async def handler(request: web.Request) -> web.Response:
        if request.path == "/broken":
            return web.Response(status=401, text="no secret")
        return web.Response(text="ok")

    runner, port = await _server(handler)
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}")
        with pytest.raises(ClientResponseError) as error:
            await endpoint.request(subpath="broken", json={})
        assert error.value.status == 401 and error.value.text == b"no secret"
        assert await endpoint.request(method="get", subpath="plain") is None
    finally:
        await runner.cleanup()


async def test_a_server_restarted_between_two_calls_is_reached_again():
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"events": []})

    runner, port = await _server(handler)
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
    assert await endpoint.request(json={}) == {"events": []}
    await runner.cleanup()  # the action server stops (its kept-alive connection with it)
    runner, _ = await _server(handler, port)
    try:
        assert await endpoint.request(json={}) == {"events": []}
    finally:
        await runner.cleanup()
