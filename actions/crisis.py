"""Crisis signals in a worker's words: these go to hotlines and a person at once, never a form.

The words are data (``bot/nlu/crisis_words.yml``, trainers extend it), read through
``bot.nlu.crisis_words`` by both the NLU's crisis guard and the actions, so the two always
agree on what is a crisis.
"""

from __future__ import annotations

from bot.nlu.crisis_words import crisis_words_in, is_crisis

__all__ = ["crisis_words_in", "is_crisis"]
