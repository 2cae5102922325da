"""The texts of every SMS the hotline sends, one per kind.

A Chinese SMS provider sends only templates it has approved: the outbox keeps the kind and the
parameters (what the provider needs) and the rendered body (what the development outbox shows).
The provider's template ids come from ``TENCENT_SMS_TEMPLATES`` (``kind=id,…``).
"""

from __future__ import annotations

SIGN = "【职工服务热线】"

# kind → (body template, parameter names in the provider template's order)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "otp": ("您的验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。", ("code", "minutes")),
    "ticket_accepted": ("您的工单 {ticket_id} 已由{station}签收办理，工作人员会尽快与您联系。",
                        ("ticket_id", "station")),
    "ticket_transferred": ("您的工单 {ticket_id} 已转由{station}办理，工作人员会尽快与您联系。",
                           ("ticket_id", "station")),
    "ticket_resolved": ("您的工单 {ticket_id} 已办结。请为本次服务打分：{link}",
                        ("ticket_id", "link")),
    "ticket_need_info": ("您的工单 {ticket_id} 需要补充情况：{note}。请致电{station}（{phone}）。",
                         ("ticket_id", "note", "station", "phone")),
}

# kinds whose body is a secret: erased from the outbox as soon as it is sent (or expires)
SECRET_KINDS = frozenset({"otp"})


def render(kind: str, params: dict[str, str]) -> str:
    """The SMS as the worker reads it (sign included)."""
    return SIGN + TEMPLATES[kind][0].format(**params)


def ordered_params(kind: str, params: dict[str, str]) -> list[str]:
    """The parameters as a provider template wants them: positional strings."""
    return [str(params[name]) for name in TEMPLATES[kind][1]]
