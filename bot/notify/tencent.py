"""Tencent Cloud SMS (短信 SendSms, API 2021-01-11) through its official SDK from PyPI.

The SDK is synchronous (requests): each send runs in a worker thread. ``TENCENT_SMS_ENDPOINT``
and ``TENCENT_SMS_PROTOCOL`` point it elsewhere (the tests run a local fake of the HTTP API).
"""

from __future__ import annotations

import asyncio
import logging

from bot.normalize.identity import mask_phone
from bot.notify.sms import SmsConfigError, SmsError, SmsMessage
from bot.notify.templates import ordered_params
from bot.settings import NotifySettings

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10
# provider answers that retrying cannot change
PERMANENT_CODES = ("InvalidParameterValue.IncorrectPhoneNumber", "FailedOperation.PhoneNumberInBlacklist",
                   "UnsupportedOperation.", "FailedOperation.TemplateIncorrectOrUnapproved",
                   "FailedOperation.SignatureIncorrectOrUnapproved", "AuthFailure.")


def _permanent(code: str) -> bool:
    return any(code.startswith(prefix) for prefix in PERMANENT_CODES)


class TencentSmsSender:
    name = "tencent"

    def __init__(self, secret_id: str, secret_key: str, app_id: str, sign_name: str,
                 templates: dict[str, str], region: str = "ap-guangzhou",
                 endpoint: str = "sms.tencentcloudapi.com", protocol: str = "https") -> None:
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sms.v20210111 import sms_client

        http = HttpProfile(protocol=protocol, endpoint=endpoint, reqTimeout=TIMEOUT_SECONDS)
        self._client = sms_client.SmsClient(credential.Credential(secret_id, secret_key), region,
                                            ClientProfile(httpProfile=http))
        self.app_id, self.sign_name, self.templates = app_id, sign_name, templates

    @classmethod
    def from_settings(cls, s: NotifySettings) -> TencentSmsSender:
        missing = [name for name, value in (
            ("TENCENT_SMS_SECRET_ID", s.tencent_secret_id),
            ("TENCENT_SMS_SECRET_KEY", s.tencent_secret_key),
            ("TENCENT_SMS_APP_ID", s.tencent_app_id),
            ("TENCENT_SMS_SIGN_NAME", s.tencent_sign_name),
            ("TENCENT_SMS_TEMPLATES", s.tencent_templates)) if not value]
        if missing:
            raise SmsConfigError("腾讯云短信缺少配置：" + "、".join(missing))
        return cls(s.tencent_secret_id, s.tencent_secret_key, s.tencent_app_id,
                   s.tencent_sign_name, s.tencent_templates, s.tencent_region,
                   s.tencent_endpoint, s.tencent_protocol)

    async def send(self, message: SmsMessage) -> str:
        template = self.templates.get(message.kind)
        if not template:
            raise SmsError(f"没有配置短信模板：{message.kind}", permanent=True)
        return await asyncio.to_thread(self._send, message, template)

    def _send(self, message: SmsMessage, template: str) -> str:
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
            TencentCloudSDKException,
        )
        from tencentcloud.sms.v20210111 import models

        request = models.SendSmsRequest()
        request.PhoneNumberSet = ["+86" + message.recipient]
        request.SmsSdkAppId, request.SignName = self.app_id, self.sign_name
        request.TemplateId = template
        request.TemplateParamSet = ordered_params(message.kind, message.params)
        request.SessionContext = str(message.outbox_id)
        try:
            response = self._client.SendSms(request)
        except TencentCloudSDKException as exc:  # network, HTTP status, or an API error
            code = exc.get_code() or "Error"
            raise SmsError(f"{code}: {exc.get_message()}"[:250], permanent=_permanent(code)) from None
        status = (response.SendStatusSet or [None])[0]
        if status is None:
            raise SmsError("服务商没有返回发送状态")
        if status.Code != "Ok":
            raise SmsError(f"{status.Code}: {status.Message}"[:250], permanent=_permanent(status.Code))
        logger.info("SMS #%s sent to %s by Tencent Cloud (%s)", message.outbox_id,
                    mask_phone(message.recipient), status.SerialNo)
        return status.SerialNo or response.RequestId
