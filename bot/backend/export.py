"""CSV and Excel files of tickets and dashboard figures (Chinese headers, Beijing times).

CSV carries a UTF-8 BOM so Excel on Windows opens the Chinese text correctly; cells that
start with = + - @ are prefixed with ' so a spreadsheet never runs a worker's text as a
formula (CSV injection)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from bot.calendar.beijing import to_beijing

Table = tuple[str, list[str], list[list]]
TICKET_COLUMNS = (("id", "工单号"), ("type", "类型"), ("status_name", "状态"),
                  ("station_name", "工作站"), ("assignee_name", "承办人"),
                  ("contact_name", "联系人"), ("contact_phone", "联系电话"), ("city", "城市"),
                  ("district", "区县/街道"), ("created_at", "创建时间"), ("sla_due", "办理时限"),
                  ("overdue", "是否超期"), ("resolved_at", "办结时间"), ("outcome", "办理结果"))


def _cell(value):
    if isinstance(value, datetime):
        return to_beijing(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def ticket_table(items: list[dict]) -> Table:
    return ("工单", [label for _, label in TICKET_COLUMNS],
            [[item.get(key) for key, _ in TICKET_COLUMNS] for item in items])


def to_csv(tables: list[Table]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for i, (title, header, rows) in enumerate(tables):
        if len(tables) > 1:
            if i:
                writer.writerow([])
            writer.writerow([title])
        writer.writerow(header)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: list[Table]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in tables:
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append([_cell(v) for v in row])
        for col in range(1, len(header) + 1):
            sheet.column_dimensions[get_column_letter(col)].width = 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def render(tables: list[Table], fmt: str) -> bytes:
    return to_csv(tables) if fmt == "csv" else to_xlsx(tables)
