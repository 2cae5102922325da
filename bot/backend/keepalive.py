"""A refused request whose body was not read ends its connection.

aiohttp keeps a connection alive after a handler answers without reading the request body
(a 401 before a 200 kB upload is read, a 413, a 404 on a POST). The unread bytes then sit in
front of the client's next request on that connection, which the server never answers: the
client waits out its own timeout (found by the backend-route fuzz: 60 s per such case). A
browser or the action server's pooled client would hang the same way. Closing the connection
after such an answer costs the client one reconnect and nothing else.
"""

from __future__ import annotations

from aiohttp import web


def body_left_unread(request: web.Request) -> bool:
    """True when the request carried a body and the handler did not read all of it."""
    return request.body_exists and not request.content.at_eof()


@web.middleware
async def close_after_unread_body(request: web.Request, handler) -> web.StreamResponse:
    """Outermost middleware: marks the answer ``Connection: close`` when the body was left."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # aiohttp's own answers (404, 405, 413) are responses too
        if body_left_unread(request):
            exc.force_close()
        raise
    if body_left_unread(request) and not response.prepared:
        response.force_close()
    return response
