"""Kept so existing imports keep working: what this module held is now in modules named after
it: ``bot/processes.py`` (Service, ServiceGroup, how each process starts), ``bot/ports.py``
(free_port), ``bot/endpoints.py`` (write_endpoints), ``bot/stack.py`` (local_stack, Stack);
``bot/models.py`` finds the model and ``bot/supervisor.py`` restarts crashed services."""

from bot.endpoints import write_endpoints
from bot.ports import free_port
from bot.processes import BIN, Service, ServiceGroup, action_server, backend, rasa_server
from bot.stack import Stack, local_stack

__all__ = ["BIN", "Service", "ServiceGroup", "Stack", "action_server", "backend", "free_port",
           "local_stack", "rasa_server", "write_endpoints"]
