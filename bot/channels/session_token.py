"""Server-issued, HMAC-signed widget session ids: a browser cannot pick someone else's."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid


def _sign(session_id: str, secret: str) -> str:
    mac = hmac.new(secret.encode(), f"widget-session:{session_id}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()[:18]).decode()


def issue(secret: str) -> tuple[str, str]:
    """A new (session_id, token) pair; the token is what the browser keeps."""
    session_id = f"w-{uuid.uuid4().hex}"
    return session_id, f"{session_id}.{_sign(session_id, secret)}"


def verify(token: str | None, secret: str) -> str | None:
    """The session id the token was issued for, or None for anything forged."""
    if not token or token.count(".") != 1:
        return None
    session_id, signature = token.split(".")
    if not session_id.startswith("w-") or len(session_id) > 64:
        return None
    return session_id if hmac.compare_digest(signature, _sign(session_id, secret)) else None
