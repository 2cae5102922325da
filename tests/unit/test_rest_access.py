"""Who may use the REST channel, and which bodies it takes (no Rasa needed)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from bot.channels.rest import RestRefusal, check_access, parse_body
from bot.settings import get_settings


def _request(headers=None, args=None):
    return SimpleNamespace(headers=headers or {}, args=args or {})


def test_production_without_a_token_turns_the_channel_off():
    settings = dataclasses.replace(get_settings(), env="production", rest_token=None)
    with pytest.raises(RestRefusal) as refused:
        check_access(_request(), settings)
    assert refused.value.status == 403


def test_with_a_token_it_is_required():
    settings = dataclasses.replace(get_settings(), env="production", rest_token="s3cret")
    for request in (_request(), _request({"Authorization": "Bearer wrong"}), _request(args={"token": "x"})):
        with pytest.raises(RestRefusal) as refused:
            check_access(request, settings)
        assert refused.value.status == 401
    check_access(_request({"Authorization": "Bearer s3cret"}), settings)
    check_access(_request(args={"token": "s3cret"}), settings)


def test_development_without_a_token_stays_open():
    check_access(_request(), dataclasses.replace(get_settings(), env="development", rest_token=None))


@pytest.mark.parametrize("raw,field", [
    (b"", None), (b"[]", None), (b'"text"', None), (b"null", None), (b"{", None),
    (b'{"sender": "a", "message": ["x"]}', "message"), (b'{"sender": "a", "message": 5}', "message"),
    (b'{"sender": "a", "message": null}', "message"), (b'{"sender": "a", "message": "  "}', "message"),
    (b'{"sender": 5, "message": "hi"}', "sender"), (b'{"sender": "a\\u0000b", "message": "hi"}', "sender"),
    (b'{"sender": "a", "message": "hi", "metadata": []}', "metadata"),
])
def test_bad_bodies_are_refused_with_the_field(raw, field):
    with pytest.raises(RestRefusal) as refused:
        parse_body(raw)
    assert refused.value.status == 400 and refused.value.field == field


@pytest.mark.parametrize("sender", ["w-3f2a9c", "W-abc", " w-abc"])
def test_a_widget_session_id_is_refused_as_sender(sender):
    with pytest.raises(RestRefusal) as refused:
        parse_body(f'{{"sender": "{sender}", "message": "你好"}}'.encode())
    assert refused.value.status == 403 and refused.value.code == "widget_session"


def test_a_good_body():
    assert parse_body('{"sender": "rest-1", "message": "你好"}'.encode()) == ("rest-1", "你好", None)
