"""Signed rating tokens: what the widget and the SMS link carry to rate one ticket or handoff.

A token names its subject and an expiry and is signed with a key derived from SESSION_SECRET,
so nobody can rate someone else's ticket by changing an id in the link.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

VALID_DAYS = 30
SUBJECTS = ("ticket", "handoff")


def _mac(payload: str, secret: str) -> str:
    digest = hmac.new(("rating:" + secret).encode(), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:15]).decode()


def issue(subject: str, subject_id: str | int, secret: str, now: float | None = None) -> str:
    """A token for ``subject`` (ticket / handoff) ``subject_id``, valid for 30 days."""
    assert subject in SUBJECTS
    expires = int((now or time.time()) + VALID_DAYS * 86400)
    payload = f"{subject[0]}.{subject_id}.{expires}"
    return f"{payload}.{_mac(payload, secret)}"


def verify(token: str, secret: str, now: float | None = None) -> tuple[str, str] | None:
    """(subject, subject_id) of a genuine, unexpired token; None otherwise."""
    parts = (token or "").split(".")
    if len(parts) != 4 or len(token) > 120:
        return None
    kind, subject_id, expires, mac = parts
    subject = {"t": "ticket", "h": "handoff"}.get(kind)
    if subject is None or not expires.isdigit() or not subject_id:
        return None
    if not hmac.compare_digest(mac, _mac(f"{kind}.{subject_id}.{expires}", secret)):
        return None
    if int(expires) < (now or time.time()):
        return None
    return subject, subject_id
