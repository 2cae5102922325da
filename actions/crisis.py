"""Crisis signals in a worker's words: these go to hotlines and a person at once, never a form.

The words are data (``bot/nlu/crisis_words.yml``, trainers extend it), read through
``bot.nlu.crisis_words`` by both the NLU's crisis guard and the actions, so the two always
agree on what is a crisis.
"""

from __future__ import annotations

import re

from bot.nlu.crisis_words import crisis_words_in, is_crisis

__all__ = ["crisis_words_in", "is_crisis", "wants_to_talk"]

# 能找个人聊聊吗 / 我想找个人当面聊聊 / 想找心理老师 (P-18, R-15): not a crisis, but someone to
# listen — never the relief form the words around it (老人又病了) point at
_WANTS_TO_TALK = re.compile(r"找个?人(?:当面|面对面)?(?:聊聊|聊一聊|说说|谈谈)|找人说说话?|心理老师|"
                            r"心理咨询|心理辅导|倾诉|想(?:找|跟)人说(?:说|话)")


def wants_to_talk(text: str) -> bool:
    return bool(_WANTS_TO_TALK.search(text or ""))
