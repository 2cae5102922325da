"""The grid-staff console: pages served by the backend, talking to its /api/v1."""
