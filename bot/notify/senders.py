"""Which SMS sender this process uses: the development sender or Tencent Cloud SMS.

Kept apart from ``bot/notify/sms.py`` (the interface both senders build on) so that neither
sender module imports the other: ``tencent.py`` needs the interface, the choice needs both.
"""

from __future__ import annotations

from bot.notify.sms import DevelopmentSender, SmsConfigError, SmsSender
from bot.notify.tencent import TencentSmsSender
from bot.settings import NotifySettings


def sender_from_settings(settings: NotifySettings) -> SmsSender:
    """The sender the environment asks for (``SMS_PROVIDER``)."""
    if settings.sms_provider == "log":
        if settings.production:
            raise SmsConfigError("生产环境不能使用开发用短信发送（SMS_PROVIDER=log）：请配置腾讯云短信")
        return DevelopmentSender()
    if settings.sms_provider == "tencent":
        return TencentSmsSender.from_settings(settings)
    raise SmsConfigError(f"未知的短信服务商 SMS_PROVIDER={settings.sms_provider!r}（可选 log / tencent）")
