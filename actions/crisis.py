"""Crisis signals in a worker's words: these go to hotlines and a person at once, never a form.

The words are data (``bot/nlu/crisis_words.yml``, trainers extend it), read through
``bot.nlu.crisis_words`` by both the NLU's crisis guard and the actions, so the two always
agree on what is a crisis.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.common import bot_said, said_this_turn
from actions.validators import PHONE_SPOKEN
from bot.nlu.crisis_words import crisis_words_in, is_violence
from bot.nlu.crisis_words import is_crisis as self_harm

__all__ = ["crisis_words_in", "is_crisis", "is_violence", "self_harm", "safety_reply", "VIOLENCE_REPLY",
           "wants_to_talk", "in_danger_now", "DANGER_NOW_LINE",
           "CRISIS_STILL_HERE", "crisis_answered", "stays_with_person", "crisis_check_in", "listening_reply",
           "money_after_crisis", "CRISIS_MONEY", "crisis_money_line", "still_listening", "STILL_LISTENING",
           "safe_again", "safe_again_check_in", "case_beside_crisis"]

def is_crisis(text: str) -> bool:
    """A message whose first reply is safety: words of suicide or self-harm, or someone hurting
    the worker (他打俺, XN-14) — both are what the NLU's crisis guard forces to psych_support,
    and both step out of any form."""
    return self_harm(text) or is_violence(text)


# 他打俺 俺能找谁 (XN-14: the menu): at home or at work, the police, the evidence and who helps
VIOLENCE_REPLY = ("您的安全最重要。现在有危险，请马上打 110 报警；受了伤先去医院，让医生写清伤情，病历、伤处照片、"
                  "报警回执都留好，以后都是证据。\n"
                  "如果是家里人（比如丈夫）动手，这是家庭暴力：可以打 12338 妇女维权热线，"
                  "也可以向法院申请人身安全保护令，"
                  "报警后派出所还可以对他出告诫书。\n"
                  "如果是在单位被老板、主管或工头打了：先报警验伤；因为干活被打伤的，可以申请认定工伤"
                  "（《工伤保险条例》第十四条），工会帮您维权，请不起律师可以打 12348 申请法律援助。\n"
                  "心里难受的时候，12356 或 400-161-9995 心理援助热线 24 小时有人接。我这就帮您联系工会的工作人员。")


def safety_reply(text: str) -> str | None:
    """The first reply's text for violence (None: the crisis response, utter_crisis, answers;
    words of self-harm always get that one, even beside violence)."""
    return VIOLENCE_REPLY if is_violence(text) and not self_harm(text) else None


# 能找个人聊聊吗 / 我想找个人当面聊聊 / 想找心理老师 (P-18, R-15): not a crisis, but someone to
# listen — never the relief form the words around it (老人又病了) point at
_WANTS_TO_TALK = re.compile(r"找个?人(?:当面|面对面)?(?:聊聊|聊一聊|说说|谈谈)|找人说说话?|心理老师|"
                            r"心理咨询|心理辅导|倾诉|想(?:找|跟)人说(?:说|话)|"
                            # 有没有人能跟我说说话 / 有人能陪我聊聊吗 (XL-12: the wage form's employer question)
                            r"有(?:没有)?人(?:能|可以|愿意)?(?:跟我|和我|陪我|同我)(?:说说|聊聊|说会儿|聊会儿|说说话|聊一聊|说话|聊天)")


def wants_to_talk(text: str) -> bool:
    return bool(_WANTS_TO_TALK.search(text or ""))


# 我现在在工地楼顶上, said after the crisis reply (NN-15 got a callback for Monday 08:30): a
# place of danger told in a crisis conversation is an emergency now. (Alone, a worker on a
# roof is at work; only after crisis words does it mean this.)
_DANGER_PLACE = re.compile(r"楼顶|天台|顶楼|楼上|窗台|窗户边|阳台边|桥上|桥边|大桥|河边|江边|海边|湖边|水边|"
                           r"高处|塔吊|脚手架上|铁轨|轨道上")
DANGER_NOW_LINE = ("您现在的位置很危险：请先离开那里，往里走，到安全的地方去。现在就打 110 或 120，"
                   "会有人马上来帮您；也可以打 12356 或 400-161-9995 心理援助热线，24 小时有人接。")
# after the crisis reply, a message the bot cannot place (等到周一我都不在了 got 没明白 and the
# wage and school examples): the person stays with them, and the lines that answer now come first
CRISIS_STILL_HERE = ("我还在这儿。您的安全最要紧：现在就可以打 12356 或 400-161-9995 心理援助热线，"
                     "24 小时有人接；有危险请马上打 110 或 120。工会的工作人员也会尽快联系您，"
                     "您想说什么都可以跟我说。")
# 每天十二个小时站流水线 下了班就躺着 觉得自己没啥用, right after the line above (YN-15: 没弄明白 —
# "never twice in a row" left the fallback's rephrase): heard, and the lines kept in sight
STILL_LISTENING = ("我在听，您说的我都看到了。这么累、身边又没个说话的人，会觉得自己没用，这不是您的错。想说就接着说，"
                   "我一直在；撑不住的时候，12356、400-161-9995 24 小时有人接，有危险马上打 110 或 120。")


def in_danger_now(text: str) -> bool:
    return bool(_DANGER_PLACE.search(text or ""))


# The crisis replies' own first words (utter_crisis, handoff.CRISIS_AGAIN and the two above):
# the psychological-support answer names the same hotlines and is no crisis reply
_CRISIS_REPLY = re.compile(r"^(?:您的安全最重要|您的安全最要紧|您现在的位置很危险|我还在这儿。您的安全)")


def crisis_answered(tracker: Tracker, earlier_turns: int) -> bool:
    """A crisis reply was given to the latest message or to ``earlier_turns`` before it."""
    return bot_said(tracker, _CRISIS_REPLY, earlier_turns) is not None


# 我不会做傻事了 / 好多了: the worker says they are safe now
_SAFE_NOW = re.compile(r"不会做傻事|不做傻事|没事了|好多了|好点了|放心吧?|想开了|不会想不开")


def still_listening(tracker: Tracker, text: str, asks_something: bool) -> bool:
    """After the crisis reply and the person-stays line, the worker goes on talking (not asking):
    heard again, in other words, rather than 没弄明白."""
    asks_something = asks_something or bool(HELP_GETTING_IT.search(text or "")) \
        or bool(re.search(r"能帮|帮(?:俺|我)|能不能|行不行|[吗嘛不呢][？?]?$", text or ""))  # 能帮俺要不 (VC-12)
    return (crisis_answered(tracker, earlier_turns=10) and not text.startswith("/") and not asks_something
            and not PHONE_SPOKEN.search(text) and not re.search(r"\d{7,}", text)  # (a phone: YP-16)
            and not said_this_turn(tracker, STILL_LISTENING[:12], earlier_turns=1))


# 不想说在哪 / 不想留电话 right after the crisis reply (XT-11: 在哪 read as a question, then 没太明白 and a wage
# example): declining the place or the phone asks nothing
_DECLINES = re.compile(r"(?:不想|不愿意|不方便|不用|先不|没法|不)(?:说|讲|告诉你?|留)?(?:个)?"
                       r"(?:在哪儿?|哪儿|哪里|地方|位置|地址|电话|手机号?|号码)")
_STAYING = ("我还在这儿陪着您。您的安全最要紧：心理援助热线 12356、400-161-9995 24 小时有人接，想找工会的人说说，"
            "打职工服务热线 12351；有危险请马上打 110 或 120。您现在安全吗？想说什么都可以跟我说。")
CRISIS_NO_PHONE = "不留电话也没关系，" + _STAYING  # 不想留电话 after the crisis reply (ZT-15)
CRISIS_DECLINED = "不说在哪、不留电话都没关系，" + _STAYING  # 不想说在哪 (XT-11)


def declines_to_say(text: str) -> bool:
    """不想说在哪 / 不想留电话: the worker keeps the place or the phone to themselves."""
    return bool(_DECLINES.search(text))


# 算了 反正也没人在乎 right after the crisis reply (XT-11: read as a cancel, 好的。还有什么需要帮忙的)
UNHEARD = re.compile(r"没人在乎|没人管|没人理|没人关心|没意思|没用|白说|撑不住|不想活|活着|反正|无所谓|算了吧?$")


def stays_with_person(tracker: Tracker, text: str, asks_something: bool) -> bool:
    """After a crisis reply, a message that asks for nothing (打了也没用 / 老板说是我自己不小心)
    gets the person and the lines again rather than a form or 没明白 — not a question, a phone,
    a wish to register or a word of being safe (TT-15: the callback's phone and four questions
    got the same crisis text), and never twice in a row."""
    asks_something = asks_something and not _DECLINES.search(text)
    return (crisis_answered(tracker, earlier_turns=6) and not text.startswith("/")
            and (in_danger_now(text) or not (asks_something or PHONE_SPOKEN.search(text)
                                              or _SAFE_NOW.search(text)))
            and not said_this_turn(tracker, CRISIS_STILL_HERE, earlier_turns=1))



# 开玩笑的 说正事 right after the crisis reply (ZD-11: 安眠药都买好了, then the legal answer alone,
# the safety and the promised callback dropped): taken back, still checked on once
_TAKEN_BACK = re.compile(r"开玩笑|开个玩笑|说着玩|随便说说|逗你|瞎说的|说的气话|气话|说说而已|没那么严重|"
                         r"不是真的|别当真")
CHECK_IN = ("刚才您说的话，我还是放在心上：要是身边有药或者危险的东西，先交给家人或者放远一点；心里难受的时候，"
            "随时打 12356 或 400-161-9995，24 小时有人接。{callback}")


# 打了没人接 工资的事你们管不管 right after the crisis reply (ZH-11: straight to the wage form)
_NOT_REACHED = re.compile(r"没人接|打不通|没打通|占线|没接通|打了也没人")
NOT_REACHED = ("热线没接通的话，请再打一次 400-161-9995 或 12356 试试，24 小时都有人；有危险就马上打 110 或 120。"
               "您现在安全吗？我在这儿陪着您，工会的工作人员一上班就给您回电。您说的事我也接着帮您办：")


# 包工头电话都打不通了 / 老板不接电话 (VE-14: read as the crisis hotline not answering, the money
# question after it left): someone else's phone, not the hotline
_SOMEONE_ELSES_PHONE = re.compile(r"(?:包工头|工头|老板|老板娘|老总|经理|主管|组长|班长|领班|厂长|厂里|公司|单位|"
                                  r"中介|他|她|人家|对方|那人|那个人|财务|会计)(?:的)?(?:手机|电话|手机号|电话号)?"
                                  r"[^，,。；;！!？?\s]{0,8}?(?:没人接|打不通|没打通|占线|没接通|关机|停机|"
                                  r"不接|拉黑)")
_THE_HOTLINE = re.compile(r"热线|12356|400|心理|你们的电话|你给的电话|那个电话|这个电话|打过了|打了")


def hotline_not_reached(text: str) -> bool:
    """The crisis line was called and not reached (打了没人接 / 12356打不通); not the boss's or
    the labour contractor's phone (包工头电话都打不通了, VE-14)."""
    text = text or ""
    if not _NOT_REACHED.search(text):
        return False
    someone_else = _SOMEONE_ELSES_PHONE.search(text) and not _THE_HOTLINE.search(_SOMEONE_ELSES_PHONE.sub("", text))
    return not someone_else


# 我没事了 就是一时想不开 (XA-11: the crisis reply again, the question after it unanswered twice)
_LOOKS_BACK = re.compile(r"一时想不开|刚才想不开|一时冲动|一时糊涂|刚才是气话|刚才说的是气话")


def safe_again(tracker: Tracker, text: str) -> bool:
    """Right after the crisis reply, the worker says they are safe and the words were of a
    moment (我没事了 就是一时想不开): checked on once, then their matter is answered — the queue
    to a person stays."""
    return crisis_answered(tracker, earlier_turns=4) and bool(_SAFE_NOW.search(text or "")) \
        and bool(_LOOKS_BACK.search(text or "")) and not in_danger_now(text)


def safe_again_check_in(tracker: Tracker) -> str:
    """The check-in said once to a worker who says they are safe again."""
    callback = "工会的工作人员还是会给您回个电话。" if tracker.get_slot("phone") else \
        "工会的工作人员一上班也会联系您。"
    return CHECK_IN.format(callback=callback)


def safe_now_check_in(tracker: Tracker, text: str) -> str | None:
    """算了没事了 a few messages after the crisis reply (XJ-16: 好的。还有什么需要帮忙的 — the crisis
    dropped as if nothing had been said): checked on once, the lines and the person kept."""
    if is_crisis(text) or not _SAFE_NOW.search(text or "") or not crisis_answered(tracker, earlier_turns=6) \
            or said_this_turn(tracker, "我还是放在心上", earlier_turns=6):
        return None
    callback = "工会的工作人员还是会联系您，" if tracker.get_slot("phone") or tracker.get_slot("handoff_reason") \
        else "想让工会的人联系您的话，留个手机号就行，"
    return CHECK_IN.format(callback=callback + "我也一直在这儿。")


def crisis_check_in(tracker: Tracker, text: str) -> str | None:
    """The check-in said once when crisis words are taken back right after the crisis reply,
    or the hotline was not reached (the worker's other matter is answered after it); None
    otherwise."""
    if is_crisis(text) or not crisis_answered(tracker, earlier_turns=3):
        return None
    if hotline_not_reached(text) and not said_this_turn(tracker, NOT_REACHED[:12], earlier_turns=6):
        return NOT_REACHED
    if not _TAKEN_BACK.search(text or "") or said_this_turn(tracker, "我还是放在心上", earlier_turns=6):
        return None
    callback = "工会的工作人员还是会给您回个电话。" if tracker.get_slot("phone") else \
        "留个手机号吧，工会的工作人员一上班就给您回个电话。"
    return CHECK_IN.format(callback=callback)


# 不想打电话 跟你说说行不 right after the crisis reply (ZF-12: 好的，帮您找工作人员 and the crisis
# block again): the worker wants to talk here, and is listened to
_TALK_HERE = re.compile(r"跟你(?:说说|聊聊|说|聊)|和你(?:说说|聊聊|说|聊)|陪我(?:说说|聊聊|说会儿)|"
                        r"不想打电话|不想打那个电话|就在这(?:儿|里)?(?:说|聊)|"
                        r"(?:就|只)(?:是)?想(?:说说|聊聊|说会儿|聊会儿|找人说说|倾诉)")  # (我就想说说, YN-15)
LISTENING = ("可以，我在这儿听您说，您慢慢说，想说什么都行。要是哪一刻觉得撑不住了，心理援助热线 12356、400-161-9995 "
             "24 小时都有人接；有危险就马上打 110 或 120。")


def listening_reply(tracker: Tracker, text: str) -> str | None:
    """The listening reply for a worker who, after the crisis reply, wants to talk here."""
    if not _TALK_HERE.search(text or "") or not crisis_answered(tracker, earlier_turns=4) \
            or said_this_turn(tracker, LISTENING[:12], earlier_turns=1):
        return None
    return LISTENING


# 打电话有啥用 钱又要不回来 / 我就是说说气话 钱的事到底咋办啊 after the crisis reply (ZX-12, ZW-16
# got 没太明白): the money is what weighs on them — the case goes on, the lines said with it
_MONEY = re.compile(r"钱|工资|工钱|欠薪|讨薪|薪水|血汗")
CRISIS_MONEY = ("钱的事我接着帮您办，您的安全更要紧：难受的时候随时打 12356 或 400-161-9995，24 小时有人接；"
                "有危险马上打 110 或 120。工会的工作人员也会尽快联系您。")


def crisis_money_line(tracker: Tracker, dispatcher: Any = None, turns: int = 6) -> str | None:
    """The money line (:data:`CRISIS_MONEY`) said with the case's answer after the crisis reply — once:
    None when it was said already in this turn (the wage form handing on to the legal answer, VL-16: the
    same line twice in one reply) or in the replies to the worker's last ``turns`` messages (VL-16: again
    before the school answer). The crisis reply itself is never held back here: crisis words go to the
    crisis guard and its reply every time."""
    said_now = [m.get("text") or "" for m in getattr(dispatcher, "messages", None) or []]
    if any(CRISIS_MONEY[:12] in m for m in said_now) or said_this_turn(tracker, CRISIS_MONEY[:12], turns):
        return None
    return CRISIS_MONEY


# 其实我不想要钱 我想接着在厂里干 (YT-15: 欠了多长时间了？) / 工会有没有啥救急的钱 交学费 (YT-14):
# money named, but not the pay owed — the job kept, or help with a cost, is asked about
_NOT_THE_PAY = re.compile(r"不(?:想|是|)要钱|不是钱的事|不为钱|没欠(?:钱|工资|我)?|没拖欠|"
                          r"接着(?:在\S{0,4})?干|继续(?:上班|干|在\S{0,4}干)|保住(?:工作|饭碗)|不开我|别开我|不辞退我|"
                          r"回去上班|回厂|复工|救急|救助|补助|帮扶|借(?:点)?钱|学费|看病|医药费|住院费")


# 能帮俺要不 / 工会能不能帮俺找老板要 after the crisis reply, the pay owed told before (VC-12: the listening
# line with feelings never said, then the question never answered): help with getting the pay asked
HELP_GETTING_IT = re.compile(r"帮(?:俺|我|咱|我们|俺们)?\S{0,5}?要(?:回|不|吗|嘛|呗|啊|$|\s)|"
                             r"找(?:老板|厂里|单位|公司|包工头)\S{0,2}要|"
                             r"要回来|讨回来?|追回来?|讨薪")


def pay_told(tracker: Tracker) -> bool:
    """The pay owed was told in this conversation (an amount on record, or 欠…工资 said)."""
    if tracker.get_slot("amount") or tracker.get_slot("monthly_wage"):
        return True
    return any(_MONEY.search(e.get("text") or "") and re.search(r"欠|没发|没给|拖", e.get("text") or "")
               for e in tracker.events if e.get("event") == "user")


def money_after_crisis(tracker: Tracker, text: str) -> bool:
    """A message about the pay owed, not itself a crisis, within a few turns of the crisis reply
    (not a job kept or a cost helped with, which name money too); 能帮俺要不 too, the pay told before."""
    about_pay = bool(_MONEY.search(text or "")) or (bool(HELP_GETTING_IT.search(text or "")) and pay_told(tracker))
    return about_pay and not _NOT_THE_PAY.search(text or "") and not is_crisis(text) \
        and not text.startswith("/") and crisis_answered(tracker, earlier_turns=6)


# YV-14: a crisis callback filed without 老板跑了 and without the distress (only the last few
# messages went on as 职工原话): the staff calling back must see both, whenever they were said
_BOSS_FLED = re.compile(r"(?:老板|包工头|工头|老总|厂长|老板娘|负责人)\S{0,4}?(?:跑了|跑路|卷钱|卷款|溜了|不见了|失联|"
                        r"找不到人|联系不上|人没了|关机)|(?:跑路|卷钱跑|卷款跑)")


def crisis_points(messages: list[str]) -> list[str]:
    """The points a crisis callback must carry from everything the worker said: the boss gone
    (老板跑了 / 包工头跑路了 / 老板联系不上) and the words of distress, in the worker's words."""
    points: list[str] = []
    if any(_BOSS_FLED.search(m) for m in messages):
        points.append("老板跑了（人找不到）")
    distress = [m for m in messages if self_harm(m)]
    if distress:
        said = "；".join(dict.fromkeys(distress))[:120]
        points.append(f"职工情绪危机，说过“{said}”，回电请先关心安全")
    if hurt := [m for m in messages if is_violence(m) and not self_harm(m)]:
        said = "；".join(dict.fromkeys(hurt))[:120]
        points.append(f"职工说有人打她/他，说过“{said}”，回电请先问现在是否安全")
    return points


# 孩子放学没人管 想找个托管 … 不想活了 (XV-16: the childcare request went on the crisis callback as its
# words and was never offered as a case of its own): a service the worker named around the crisis
# words that no form holds (the handoff offers a form's case again itself: offer_case_again)
_OFFERED = "您刚才还提到了“"


def case_beside_crisis(tracker: Tracker, turns: int = 6) -> str | None:
    """The case a worker in crisis also asked for (托管 / 法律援助 …) in their last ``turns``
    messages, which no form keeps: offered as a case of its own after the crisis callback, never
    merged into it. None when none was named, or it was offered here already."""
    from actions.service_catalog import POLICY_SERVICES, SERVICE_NAMES, services_meant

    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-turns:]
    if not any(self_harm(m) for m in said):
        return None
    named = [s for m in said if not m.startswith("/") for s in services_meant(m) if s in POLICY_SERVICES]
    if not named:
        return None
    offered = f"{_OFFERED}{SERVICE_NAMES.get(named[0], named[0])}”"
    if any(offered in (e.get("text") or "") for e in tracker.events if e.get("event") == "bot"):
        return None
    return named[0]


# 你们能帮我要补偿不 / 活干完了让走人有没有补偿 / 手伤了醫藥費能找老闆要嗎 after the crisis reply (XZ-14, XZ-15:
# ignored three times — the crisis numbers again, then the listening line): the case's own question
_CASE_WORDS = re.compile(r"补偿|赔偿|赔钱|医药费|医疗费|醫藥費|工伤|工傷|辞退|开除|解雇|走人|"
                         r"让我走|撵走|合同|社保|仲裁|违法")
_ASKS = re.compile(r"吗|嗎|不$|能不能|有没有|有沒有|给不给|要不要|咋|怎么|怎麼|多少|能要|能找|帮我|帮俺|到底")


def case_question_after_crisis(tracker: Tracker, text: str) -> str | None:
    """The legal question of the worker's case asked within a few turns of the crisis reply, the
    message itself no crisis (XZ-14: 那你先告诉我 活干完了让走人 到底有没有补偿 — the listening line):
    "legal_aid", to be answered (the crisis numbers kept in one line); None otherwise."""
    text = (text or "").strip()
    if not text or text.startswith("/") or is_crisis(text) or not crisis_answered(tracker, earlier_turns=6):
        return None
    if not _CASE_WORDS.search(text) or not _ASKS.search(text):
        return None
    return "legal_aid"
