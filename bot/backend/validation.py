"""Declarative input validation: a schema is a dict of Field; errors name the field.

Before a schema is applied, ``parse_json`` refuses what would otherwise reach the database
or the JSON encoder and fail there as a 500: nesting deeper than ``MAX_DEPTH``, NaN and
Infinity, lone surrogates and control characters (PostgreSQL rejects NUL). Integers are
bounded to what an INTEGER column holds unless a field says otherwise.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from bot.backend.errors import ApiError
from bot.normalize.identity import normalize_id_number, normalize_phone

MAX_DEPTH = 32
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # a PostgreSQL INTEGER
# lone surrogates, and C0 controls other than tab, newline, carriage return
_BAD_TEXT = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TYPES: dict[str, type | tuple[type, ...]] = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
          "object": dict, "array": list}


@dataclass(frozen=True)
class Field:
    type: str = "string"
    required: bool = False
    description: str = ""
    choices: tuple = ()
    pattern: str | None = None
    max_length: int = 2000
    minimum: float | None = None
    maximum: float | None = None
    format: str | None = None  # phone / id_number: normalised and checked
    default: Any = None
    items: dict = field(default_factory=dict)


def _bad(name: str, message: str) -> ApiError:
    return ApiError(400, "invalid_field", message, field=name)


def _refuse_constant(name: str) -> None:
    raise ApiError(400, "invalid_json", f"请求体不能包含 {name}（不是有效的 JSON 数字）")


def check_text(value: Any, where: str = "body", depth: int = 0) -> None:
    """Refuses nesting deeper than MAX_DEPTH, non-finite numbers and bad characters anywhere
    in a decoded JSON value (keys included)."""
    if depth > MAX_DEPTH:
        raise ApiError(400, "too_deep", f"请求体嵌套太深（最多 {MAX_DEPTH} 层）", field=where)
    if isinstance(value, str):
        if _BAD_TEXT.search(value):
            raise ApiError(400, "invalid_text", "文字里有无法处理的字符（控制字符或残缺的 Unicode）",
                           field=where)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ApiError(400, "invalid_field", "数字必须是有限值", field=where)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key, where, depth + 1)
            check_text(item, key if depth == 0 else where, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_text(item, where, depth + 1)


def parse_json(raw: bytes) -> Any:
    """The decoded body; ``ApiError`` 400 for anything that is not plain, finite, shallow JSON."""
    try:
        value = json.loads(raw or b"{}", parse_constant=_refuse_constant)
    except RecursionError:
        raise ApiError(400, "too_deep", f"请求体嵌套太深（最多 {MAX_DEPTH} 层）") from None
    except ValueError:  # JSONDecodeError, UnicodeDecodeError, integers of 4,300+ digits
        raise ApiError(400, "invalid_json", "请求体不是有效的 JSON") from None
    check_text(value)
    return value


def _coerce(name: str, spec: Field, value: Any) -> Any:
    if spec.type in ("integer", "number") and isinstance(value, str):
        try:
            value = int(value) if spec.type == "integer" else float(value)
        except (ValueError, OverflowError):
            raise _bad(name, f"{name} 必须是数字") from None
    if spec.type == "boolean" and isinstance(value, str):
        if value.lower() not in ("true", "false", "1", "0"):
            raise _bad(name, f"{name} 必须是 true 或 false")
        value = value.lower() in ("true", "1")
    expected = _TYPES[spec.type]
    if not isinstance(value, expected) or (spec.type != "boolean" and isinstance(value, bool)):
        raise _bad(name, f"{name} 的类型应为 {spec.type}")
    return value


def _check(name: str, spec: Field, value: Any) -> Any:
    value = _coerce(name, spec, value)
    if isinstance(value, str):
        check_text(value, name)
        value = value.strip()
        if spec.required and not value:
            raise _bad(name, f"缺少必填字段 {name}")
        if len(value) > spec.max_length:
            raise _bad(name, f"{name} 太长（最多 {spec.max_length} 个字符）")
        if spec.pattern and not re.fullmatch(spec.pattern, value):
            raise _bad(name, f"{name} 格式不正确")
    if spec.choices and value not in spec.choices:
        raise _bad(name, f"{name} 只能是: {', '.join(map(str, spec.choices))}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _bad(name, f"{name} 必须是有限的数字")
    if spec.type == "integer":
        low = INT_MIN if spec.minimum is None else spec.minimum
        high = INT_MAX if spec.maximum is None else spec.maximum
        if not low <= value <= high:
            raise _bad(name, f"{name} 超出范围")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if spec.minimum is not None and value < spec.minimum:
            raise _bad(name, f"{name} 不能小于 {spec.minimum}")
        if spec.maximum is not None and value > spec.maximum:
            raise _bad(name, f"{name} 不能大于 {spec.maximum}")
    if spec.format == "phone":
        value = normalize_phone(value) or _raise(_bad(name, "手机号格式不正确"))
    if spec.format == "id_number":
        value = normalize_id_number(value) or _raise(_bad(name, "身份证号不正确（校验位不符）"))
    return value


def path_id(value: str, name: str) -> int:
    """A numeric id from the URL path, within INTEGER range (``ApiError`` 400 otherwise: a
    10^30 would otherwise overflow the database driver)."""
    if not value.isascii() or not value.isdigit() or len(value) > 10 or int(value) > INT_MAX:
        raise ApiError(400, "invalid_field", f"{name} 必须是数字", field=name)
    return int(value)


def _raise(exc: Exception):
    raise exc


def validate(schema: dict[str, Field], data: Any, where: str = "body") -> dict[str, Any]:
    """Checked, coerced values of ``data`` for ``schema``; unknown keys are ignored."""
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_body", "请求体必须是 JSON 对象", field=where)
    out: dict[str, Any] = {}
    for name, spec in schema.items():
        value = data.get(name)
        if value is None or value == "":
            if spec.required:
                raise _bad(name, f"缺少必填字段 {name}")
            out[name] = spec.default
            continue
        out[name] = _check(name, spec, value)
    return out


def json_schema(schema: dict[str, Field]) -> dict:
    """The OpenAPI (JSON Schema) form of a schema."""
    props = {}
    for name, spec in schema.items():
        prop: dict[str, Any] = {"type": spec.type}
        if spec.description:
            prop["description"] = spec.description
        if spec.choices:
            prop["enum"] = list(spec.choices)
        if spec.pattern:
            prop["pattern"] = spec.pattern
        if spec.minimum is not None:
            prop["minimum"] = spec.minimum
        if spec.format:
            prop["format"] = spec.format
        props[name] = prop
    required = [n for n, s in schema.items() if s.required]
    return {"type": "object", "properties": props, **({"required": required} if required else {})}
