"""REST handlers under /api/v1, one module per resource; each exposes its ``routes`` table,
mounted explicitly by ``bot.backend.app`` (ROUTE_TABLES)."""
