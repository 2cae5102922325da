"""Mounts the widget's files and the demo hotline page on the backend app."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.settings import get_settings

STATIC = Path(__file__).parent / "static"
DEMO = Path(__file__).parent / "demo.html"


async def _demo(request: web.Request) -> web.Response:
    # the widget talks to Rasa; its public URL can differ from the backend's
    rasa_public = get_settings().rasa_public_url or f"http://{request.host.split(':')[0]}:5005"
    html = DEMO.read_text(encoding="utf-8").replace("{{RASA_URL}}", rasa_public)
    return web.Response(text=html, content_type="text/html")


def setup_widget(app: web.Application) -> None:
    app.router.add_get("/", _demo)
    app.router.add_static("/widget/", STATIC)
