"""A local fake of Tencent Cloud's SMS HTTP API (SendSms, 2021-01-11): an aiohttp server on a
free loopback port that checks the TC3-HMAC-SHA256 signature the way the real API does, records
what it was sent, and fails on demand (HTTP 500, or an API error in the body)."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.test_utils import TestServer

SECRET_ID = "AKIDfake0123456789"
SECRET_KEY = "fake-secret-key-0123456789"


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _expected_signature(request: web.Request, body: bytes, date: str) -> str:
    canonical = "\n".join([
        request.method, "/", "",
        f"content-type:{request.headers['Content-Type']}\nhost:{request.headers['Host']}\n",
        "content-type;host", hashlib.sha256(body).hexdigest()])
    scope = f"{date}/sms/tc3_request"
    to_sign = "\n".join(["TC3-HMAC-SHA256", request.headers["X-TC-Timestamp"], scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(("TC3" + SECRET_KEY).encode(), date), "sms"), "tc3_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def _json(data: dict) -> web.Response:
    # exactly "application/json", as the real API answers (the SDK reads errors only then)
    return web.Response(body=json.dumps(data, ensure_ascii=False).encode(),
                        headers={"Content-Type": "application/json"})


@dataclass
class FakeTencentSms:
    """``failures``: what the next requests get before one succeeds ("http500", "api_error",
    "status_error" (a per-number failure), "invalid_number")."""

    failures: list[str] = field(default_factory=list)
    sent: list[dict] = field(default_factory=list)
    requests: int = 0
    bad_signatures: int = 0
    server: TestServer | None = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    async def handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        body = await request.read()
        request_id = str(uuid.uuid4())
        auth = request.headers.get("Authorization", "")
        try:
            credential = auth.split("Credential=")[1].split(",")[0]
            secret_id, date = credential.split("/")[:2]
            signature = auth.split("Signature=")[1]
        except IndexError:
            secret_id = date = signature = ""
        if secret_id != SECRET_ID or not hmac.compare_digest(
                signature, _expected_signature(request, body, date)):
            self.bad_signatures += 1
            return _json({"Response": {"Error": {
                "Code": "AuthFailure.SignatureFailure", "Message": "签名错误"},
                "RequestId": request_id}})
        assert request.headers["X-TC-Action"] == "SendSms"
        assert request.headers["X-TC-Version"] == "2021-01-11"
        failure = self.failures.pop(0) if self.failures else None
        if failure == "http500":
            return web.Response(status=500, text="upstream unavailable")
        if failure == "api_error":
            return _json({"Response": {"Error": {
                "Code": "InternalError.Timeout", "Message": "请求下发短信超时"},
                "RequestId": request_id}})
        params = json.loads(body)
        phone = params["PhoneNumberSet"][0]
        if failure in ("status_error", "invalid_number"):
            code = "LimitExceeded.PhoneNumberThirtySecondLimit" if failure == "status_error" \
                else "InvalidParameterValue.IncorrectPhoneNumber"
            return _json({"Response": {"SendStatusSet": [{
                "SerialNo": "", "PhoneNumber": phone, "Fee": 0, "SessionContext": "",
                "Code": code, "Message": "failed", "IsoCode": "CN"}], "RequestId": request_id}})
        serial = f"serial-{len(self.sent) + 1}"
        self.sent.append({**params, "serial": serial})
        return _json({"Response": {"SendStatusSet": [{
            "SerialNo": serial, "PhoneNumber": phone, "Fee": 1,
            "SessionContext": params.get("SessionContext", ""), "Code": "Ok",
            "Message": "send success", "IsoCode": "CN"}], "RequestId": request_id}})

    async def __aenter__(self) -> FakeTencentSms:
        app = web.Application()
        app.router.add_post("/", self.handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.server.close()
