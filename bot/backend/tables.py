"""The schema, as SQLAlchemy Core tables (the alembic migration creates exactly these)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

regions = Table(
    "regions", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # province/city/district/street/community
    Column("name", String(64), nullable=False),
    Column("aliases", JSON, nullable=False, default=list),
    Column("parent_id", Integer, ForeignKey("regions.id")),
)

stations = Table(
    "stations", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), unique=True, nullable=False),
    Column("name", String(128), nullable=False),
    Column("level", String(16), nullable=False),  # city / district / street / community
    Column("region_id", Integer, ForeignKey("regions.id"), nullable=False),
    Column("address", String(256), nullable=False),
    Column("phone", String(32), nullable=False),
    Column("hours", JSON, nullable=False),  # {"mon": ["08:30-12:00", "13:30-17:30"], ...}
    Column("services", JSON, nullable=False, default=list),
    Column("staff_names", JSON, nullable=False, default=list),
    Column("is_city_default", Boolean, nullable=False, default=False),
)

policies = Table(
    "policies", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), unique=True, nullable=False),
    Column("service", String(32), nullable=False),
    Column("region_id", Integer, ForeignKey("regions.id")),  # NULL = national
    Column("title", String(128), nullable=False),
    Column("summary", Text, nullable=False),
    Column("details", JSON, nullable=False, default=dict),  # conditions, documents, steps, amounts…
    Column("source", String(256), nullable=False),
    Column("effective_from", Date),
    Column("effective_to", Date),
)

eligibility_rules = Table(
    "eligibility_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("programme", String(64), unique=True, nullable=False),
    Column("title", String(128), nullable=False),
    Column("region_id", Integer, ForeignKey("regions.id")),  # NULL = everywhere
    Column("conditions", JSON, nullable=False),  # [{"field", "op", "value", "explain"}]
    Column("amount", JSON),  # {"max": 160000} / {"value": 500} / {"text": "..."}
    Column("eligible_reason", Text, nullable=False),
    Column("next_steps", Text, nullable=False),
    Column("ticket_type", String(32)),
    Column("source", String(256), nullable=False),
    Column("effective_from", Date),
)

workers = Table(
    "workers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("phone", String(20), unique=True, nullable=False),
    Column("id_number_encrypted", Text),
    Column("id_number_hash", String(64), unique=True),
    Column("id_number_masked", String(24)),
    Column("region_id", Integer, ForeignKey("regions.id")),
    Column("employer", String(128)),
    Column("hardship_status", String(16), nullable=False, default="none"),  # none/困难/特困
    Column("occupation", String(32)),
)

otp_codes = Table(
    "otp_codes", metadata,
    Column("id", Integer, primary_key=True),
    Column("phone", String(20), nullable=False, index=True),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("used", Boolean, nullable=False, default=False),
)

notification_outbox = Table(
    "notification_outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(16), nullable=False),  # sms
    Column("recipient", String(20), nullable=False, index=True),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("sent_at", DateTime),
)

ticket_counters = Table(
    "ticket_counters", metadata,
    Column("day", String(8), primary_key=True),
    Column("last", Integer, nullable=False),
)

tickets = Table(
    "tickets", metadata,
    Column("id", String(16), primary_key=True),  # GH + YYYYMMDD + 4 digits
    # sha256 of (caller, Idempotency-Key): a key names a case only for the caller who sent it
    Column("idempotency_key", String(128), unique=True, nullable=False),
    Column("idempotency_fingerprint", String(64)),  # sha256 of the request: same key, other body
    Column("type", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("facts", JSON, nullable=False, default=dict),
    Column("contact_name", String(64)),
    Column("contact_phone", String(20)),
    Column("city", String(64)),
    Column("district", String(64)),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("conversation_id", String(128)),
    Column("sla_due", DateTime, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    # the workflow (issue 13): who holds it, the outcome, when it was escalated (督办)
    Column("assignee_staff_id", Integer, ForeignKey("staff.id")),
    Column("outcome", Text),
    Column("resolved_at", DateTime),
    Column("closed_at", DateTime),
    Column("escalated_at", DateTime),
)

ticket_events = Table(
    "ticket_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", String(16), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("status", String(16)),
    Column("note", Text),
    Column("actor", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("action", String(16)),  # acknowledge / transfer / return / … (workflow.ACTIONS)
    Column("actor_staff_id", Integer, ForeignKey("staff.id")),
    Column("details", JSON),  # {"from_station_id":…, "to_station_id":…, "result":…}
)

staff = Table(
    "staff", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), unique=True, nullable=False),
    Column("display_name", String(64), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("role", String(16), nullable=False),  # station_staff/station_admin/trainer/union_admin
    Column("station_id", Integer, ForeignKey("stations.id")),
    Column("disabled", Boolean, nullable=False, default=False, server_default="0"),
    Column("updated_at", DateTime),
)

staff_sessions = Table(
    "staff_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

handoffs = Table(
    "handoffs", metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(128), nullable=False, index=True),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False),
    Column("reason", String(64), nullable=False),
    Column("channel", String(32), nullable=False),
    Column("state", String(16), nullable=False),  # waiting / active / released / closed
    Column("holder_staff_id", Integer, ForeignKey("staff.id")),
    Column("since", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("conversation_id", "since", name="uq_handoff_conversation_since"),
)

# Events counted by rate limits and lockouts (one-time codes, ticket look-ups, logins). The
# subject (a phone, a conversation, a username, an address) is stored only as a keyed hash.
rate_limit_events = Table(
    "rate_limit_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("bucket", String(32), nullable=False),
    Column("subject_hash", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_rate_limit_events_lookup", "bucket", "subject_hash", "at"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor", String(64), nullable=False),  # username, or "system" / "service"
    Column("actor_staff_id", Integer),
    Column("role", String(16)),
    Column("action", String(32), nullable=False, index=True),  # audit.ACTIONS
    Column("target_type", String(32)),
    Column("target_id", String(64)),
    Column("station_id", Integer),
    Column("details", JSON),
)

record_versions = Table(
    "record_versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity", String(32), nullable=False),  # station / staff / policy / eligibility_rule
    Column("entity_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("data", JSON, nullable=False),  # the record as it was after this change
    Column("changed_by", String(64), nullable=False),
    Column("changed_at", DateTime, nullable=False),
    Column("note", Text),
    UniqueConstraint("entity", "entity_id", "version", name="uq_record_version"),
)
