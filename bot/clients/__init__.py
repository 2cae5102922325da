"""One client per outside system, each with one timeout, one retry policy and one error set.

- ``bot.clients.backend``: the union services backend (used by the action server and the
  widget channel);
- ``bot.clients.rasa``: Rasa's HTTP API (the widget channel's held messages);
- ``bot.clients.http``: the one piece they share, an aiohttp session bound to the running loop.
"""
