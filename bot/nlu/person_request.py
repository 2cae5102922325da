"""An explicit request for a person (转人工 / 找真人 / 人工客服) is a command, whatever else the
message says about the bot: 你是机器人吧 俺要找真人 转人工 was classified bot_challenge and got
"说“转人工”就行" (Z-14). Applied by the crisis guard's component after the crisis check (a
crisis wins), only over intents that carry no request of their own — a service named beside
the wish keeps its intent, and the entry action then hands over with the case kept."""

from __future__ import annotations

import re

from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

PERSON_INTENT = "request_human"
# (给我找个真人, LL-10: answered as a question about the bot)
# (你是机器人吧 我要跟真人说 — VV-13: only the bot question answered)
_EXPLICIT = re.compile(r"转人工|人工客服|人工服务|(?:找|要|换|叫)个?真人|真人客服|(?:找|要|换)个?人工|"
                       r"(?:跟|和|同)真人(?:说|聊|讲|谈)")
# intents that ask for nothing themselves: the wish for a person is the request
_NO_REQUEST = {"bot_challenge", "greet", "goodbye", "thanks", "affirm", "deny", "out_of_scope",
               "nlu_fallback", "inform", "chitchat"}


def _reread(message: Message, name: str, confidence: float | None = None) -> None:
    """Sets intent ``name`` on the message, first in its ranking (the one it replaces and any
    other entry of ``name`` dropped); the classifier's confidence is kept unless one is given."""
    intent = message.get(INTENT) or {}
    old = intent.get(INTENT_NAME_KEY)
    chosen = {INTENT_NAME_KEY: name,
              PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 1.0) if confidence is None
              else confidence}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in (name, old)]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


# 人数不对 俺加上他们三个 是四个人 (CC-14: read as request_human at 0.84, a callback ticket
# filed): a count of people told, with no word that asks for one
_PEOPLE_COUNTED = re.compile(r"人数|(?:\d+|[一二两三四五六七八九十几]+)\s*[个位名]\s*人(?![工员])|"
                             r"(?:一共|总共|加起来|连我)\s*(?:\d+|[一二两三四五六七八九十几]+)\s*[个位名]")
_ASKS_FOR_PERSON = re.compile(r"人工|真人|客服|工作人员|找人|找个人|有人|来人|人吗|人呢|人来|人说|人聊|"
                              r"人管|管事|领导|负责|接电话|回电|打电话|联系")


# 辞职能直接走吗 还是得先跟老板说 (read as request_human: a callback was offered): the person
# is the worker's employer, not one of ours
_TALK_TO_EMPLOYER = re.compile(r"(?:跟|和|找|给|同|问)(?:老板|单位|厂里|公司|领导|主管|经理|人事|包工头)")
_ONE_OF_OURS = re.compile(r"人工|真人|客服|工作人员|工会的人|网格员|你们的人|帮我|帮俺|替我|替俺")


def person_not_asked(message: Message, text: str) -> None:
    """``request_human`` on a message that counts people and asks for none becomes ``inform``;
    on one about talking to the employer, ``out_of_scope`` (answered from the records)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != PERSON_INTENT:
        return
    if declines_a_person(text):
        _reread(message, "out_of_scope")  # 我没要转人工啊 我是问…: the question, answered
        return
    if _TALK_TO_EMPLOYER.search(text) and not _ONE_OF_OURS.search(text) and not _EXPLICIT.search(text):
        _reread(message, "out_of_scope")
        return
    if not _PEOPLE_COUNTED.search(text) or _ASKS_FOR_PERSON.search(text):
        return
    _reread(message, "inform")


# 福田那个小程序叫什么名字 (read as bot_challenge: 我是工会的智能助手): the name of a thing
# asked, not who the bot is
# (那能给多少 你说俺是先辞职还是先去告 — RR-09: 我是工会的智能助手（机器人）)
_NAMES_A_THING = re.compile(r"小程序|公众号|[Aa][Pp][Pp]|网站|平台|书院|工作站|服务站|中心|单位|公司|厂|热线|"
                            r"电话|政策|补贴|文件|协议|合同|多少|辞职|告|赔|补偿|工资|钱|仲裁")


def bot_not_asked(message: Message, text: str) -> None:
    """``bot_challenge`` on a question about a named thing becomes ``out_of_scope``, whose
    action answers it from the records (actions/fallback.py)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != "bot_challenge" or not _NAMES_A_THING.search(text) \
            or re.search(r"机器人|真人|人工|你是谁|你叫", text):
        return
    _reread(message, "out_of_scope")


# 我没要转人工啊 我是问刘跑了钱找谁要 (ZW-01: handed over again): a person said NOT to be wanted
# (别给我转人 我就想说说 — YN-15: handed over)
_PERSON_DECLINED = re.compile(r"(?:没|不|没有|不用|不要|别|没说|没让|没想|不想|不需要)(?:要|想|叫|让|说|用)?"
                              r"(?:你们?|给我)?(?:转人工|转接|找人工|找真人|人工客服|转给人|转人|找人)")


def declines_a_person(text: str) -> bool:
    """The message says no person is wanted (shared with actions.handoff)."""
    return bool(_PERSON_DECLINED.search(text or ""))


def force_person(message: Message, text: str) -> None:
    """Sets ``request_human`` on an explicit request for a person (see the module docstring)."""
    intent = message.get(INTENT) or {}
    if not _EXPLICIT.search(text) or len(text) > 60 or intent.get(INTENT_NAME_KEY) not in _NO_REQUEST \
            or declines_a_person(text):
        return
    _reread(message, PERSON_INTENT, confidence=1.0)


# 13109287765 啥时候能打过来 (HH-13: school_placement 0.64, and a school form nobody asked for
# followed the callback): a school intent on a message with no word of children or school
SCHOOL_INTENT = "school_placement"
_ABOUT_SCHOOL = re.compile(r"孩子|小孩|娃|儿子|女儿|闺女|嫚|妮|学|校|年级|幼儿园|托管|读书|念书|户口|居住证|中考|高考|"
                           r"学位|上课|老师|班")


def school_not_asked(message: Message, text: str) -> None:
    """``school_placement`` with no word about a child or school becomes ``inform`` (the facts
    it carries, a phone, are kept) — or ``out_of_scope`` when it carries none."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != SCHOOL_INTENT or _ABOUT_SCHOOL.search(text) or text.startswith("/"):
        return
    _reread(message, "inform" if message.get("entities") else "out_of_scope")


# 明天白天過去可以嗎 (LL-02: read as goodbye, 再见！): a goodbye needs a word of leaving
_LEAVING = re.compile(r"再见|再會|拜拜|拜了|白白|88|没事了|不聊了|不问了|不说了|先这样|就这样|回头|走了|谢谢|多谢|"
                      r"好的|行了|下次|晚安|到这|先下了|下线|不打扰|结束|挂了|再来|bye", re.IGNORECASE)


def goodbye_not_said(message: Message, text: str) -> None:
    """``goodbye`` on a message with no word of leaving becomes ``out_of_scope`` (answered from
    what the conversation just said, or the polite line)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) == "goodbye" and not _LEAVING.search(text) and not text.startswith("/"):
        _reread(message, "out_of_scope")


# 晚上有人吗 / 周末有人不 (XX-12: read as greet, the welcome and the menu while a callback number
# was asked): a greeting asks no time; a time with 有人 asks when someone is there
_WHEN_SOMEONE = re.compile(r"(?:晚上|夜里|半夜|夜间|周末|周六|周日|礼拜[六天日]|星期[六天日]|节假日|放假|过年|"
                           r"明天|后天|中午|几点|什么时候|啥时候)\S{0,4}(?:有人|有没有人|上班|开门|值班|在吗|在不)")


def greeting_not_said(message: Message, text: str) -> None:
    """``greet`` on a message that asks when someone is there becomes ``out_of_scope``
    (answered from what the conversation just said: the hours, the callback)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) == "greet" and _WHEN_SOMEONE.search(text):
        _reread(message, "out_of_scope")


# 我在工地摔伤了 医药费花了两万多 老板不管 (relief_eligibility 0.83: the hardship fund's
# questions followed) / 干活摔断了腿 老板不给报销 (wage_arrears 0.94): an injury at work is a
# work-injury question (legal_aid answers 工伤认定 and what the employer owes), unless the
# message names the service it wants (救助 / 互助 / 欠的工资 …)
_INJURED = re.compile(r"(?:摔|砸|压|轧|夹|烫|烧|扭|割|切|碰|撞|砍|扎|绞|卷)(?:伤|断|坏|残|掉|骨折)|受了?伤|骨折|"
                      r"(?:干活|上班|工地|加班|车间)\S{0,10}(?:摔|砸|轧|夹)(?:的|了|下来)|"
                      r"伤(?:了|到)(?:手|脚|腿|腰|胳膊|眼睛?|头|背)|工伤|断了?(?:手指|指头|腿|胳膊)")
_AT_WORK = re.compile(r"干活|上班|工地|厂|车间|老板|单位|公司|包工头|工头|搬|干的时候|机器|工作|"
                      r"送外卖|送货|脚手架")
_OWN_SERVICE = re.compile(r"救助|帮扶|困难|补助|低保|特困|互助|保障|保险金|理赔|欠(?:我|了)?\S{0,4}工资|拖欠|"
                          r"工资(?:没|不)(?:给|发)|加班费|加班工资|学|孩子")
_INJURY_MISREAD = {"relief_eligibility", "wage_arrears", "inform", "out_of_scope", "nlu_fallback",
                   "chitchat", "deny", "affirm", "overtime_pay"}


def injury_not_relief(message: Message, text: str) -> None:
    """An injury at work read as another service (or none) becomes ``legal_aid``."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) in _INJURY_MISREAD and _INJURED.search(text) \
            and _AT_WORK.search(text) and not _OWN_SERVICE.search(text) and not text.startswith("/"):
        _reread(message, "legal_aid")


# 我之前报的那个孩子上学的单子怎么样了 (NN-13: a new school form started, and came back after
# the status): a case filed before, asked after — its ticket's status, whatever it was about
_FILED_BEFORE = re.compile(r"单子|工单|(?:之前|上次|前几天|前两天|前些天|前天|昨天|上周|上个?礼拜|上个?星期|上个?月|"
                           r"以前|早先|那天|已经|刚才)\S{0,4}(?:报|登记|申请|反映)")
_HOW_IS_IT = re.compile(r"怎么样了|咋样了|到哪一?步|到哪(?:儿|里)?了|进度|有结果|有消息|有回音|处理了?没|办了?没|"
                        r"办得怎么样|什么情况了|啥情况了|有人管没|管了没|进展")


def status_not_case(message: Message, text: str) -> None:
    """A service intent on a question about a case filed before becomes ``ticket_status``."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) == "ticket_status" or text.startswith("/"):
        return
    if _FILED_BEFORE.search(text) and _HOW_IS_IT.search(text):
        _reread(message, "ticket_status")


# 那你帮我登记一下让工会的人管管 我在西海岸薛家岛这边 (find_station: a station card, twice) /
# 社保的事 开个工单 (ticket_status: asked for a ticket number) — CODE-15: a new case to file
_FILE_NEW = re.compile(r"帮我登记|给我登记|帮俺登记|登记一下|开个?工单|开一个工单|新登记|建个?工单|立个?案|"
                       r"让工会的人管|让你们的人管")
_A_TICKET_NAMED = re.compile(r"[Gg][Hh]\s*\d|\d{8,}(?!\d)")


def filing_not_lookup(message: Message, text: str) -> None:
    """``find_station`` or ``ticket_status`` on a wish to file a new case becomes ``inform``
    (the entry action files it for the service named or just answered)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) not in ("find_station", "ticket_status") or text.startswith("/"):
        return
    if _FILE_NEW.search(text) and not _HOW_IS_IT.search(text) \
            and not (intent.get(INTENT_NAME_KEY) == "ticket_status" and _A_TICKET_NAMED.search(text)):
        _reread(message, "inform")


# 我能拿多少 right after a dismissal's sums (VV-08: the relief form and an SMS code): relief needs
# a word of illness, hardship or help; without one the message asks about the case just told
_ABOUT_RELIEF = re.compile(r"医|病|住院|看病|手术|药|困难|困難|特困|救助|帮扶|补助|補助|低保|建档|残|救济|生活费|助学|"
                           r"暖流|温暖|慈善|自付|报销|報銷")


def relief_not_asked(message: Message, text: str) -> None:
    """``relief_eligibility`` on a message with no word of illness or hardship becomes
    ``inform`` (the entry action reads it with the conversation: the sum just worked out)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) == "relief_eligibility" and not _ABOUT_RELIEF.search(text) \
            and not text.startswith("/"):
        _reread(message, "inform")


# 算了 你帮我登记吧 (ZW-04: read as cancel — 好的，已经取消了): a wish to file, not to stop
_FILE_WISH = re.compile(r"(?:帮|给|替)(?:我|俺)(?:们)?(?:登记|报名|办|开个?工单)|(?:我|俺)?(?:要|想)(?:登记|报名)|"
                        r"登记吧")
# (我没说要登记 — a no, though it holds 要登记)
_NO_FILING = re.compile(r"(?:不|别|先不|不用|不要|甭|不想|不必)(?:帮我|给我)?(?:登记|报名|办)|"
                        r"没(?:说|让|叫|要)过?(?:你)?(?:要|想)?(?:帮我|给我|帮俺|给俺)?(?:登记|报名|办)")
# 要钱不 / 收费不 / 能去不 (ZX-02: read as deny — 好的，先不登记): a question, its 不 the tag
_A_NOT_QUESTION = re.compile(r"^[^不没别]{1,8}不[?？吗呀啊呢]?$")


# 你还没说要不要钱呢 on the ticket offer (XP-10: deny 0.68 — 好的，先不登记) / 我问的收不收费你还没回答 /
# 你咋不说要不要钱 / 还没告诉我多少钱呢: a question the bot left unanswered, asked again — no no
_UNANSWERED = re.compile(r"(?:你|您)(?:们)?(?:还|都|也|咋|怎么|为啥)?(?:没有?|不)"
                         r"(?:说|讲|回答?|答|告诉|跟我说|给我说|跟俺说)|"
                         r"还没(?:有)?(?:说|讲|回答?|答复?|告诉)(?:我|俺)?|(?:没|不)(?:回答|回复|答复)(?:我|俺)|"
                         r"(?:我|俺)(?:刚才)?问(?:你)?的\S{0,12}?(?:你|您)?(?:还)?没(?:说|回|答|讲)")


_NO_DENIED = re.compile(r"(?:(?:谁|哪个)说|(?:啥|什么)时候说|没说)(?:了|过)?(?:我|俺)?(?:不|别)"
                        r"(?:登记|办|要了|要登记|要办)|不是不(?:登记|办|要登记|要办)")


def cancel_not_meant(message: Message, text: str) -> None:
    """``cancel`` or ``deny`` on a wish to file becomes ``affirm``; ``deny`` on a short X不
    question (要钱不), or ``cancel`` / ``deny`` on a question said to be unanswered (你还没说要不要钱呢),
    becomes ``out_of_scope`` (answered from what the conversation just said)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) not in ("cancel", "deny") or text.startswith("/"):
        return
    if _FILE_WISH.search(text) and (not _NO_FILING.search(text) or _NO_DENIED.search(text)):
        _reread(message, "affirm")  # (谁说不登记了 俺要登记, XP-7: the no denied, then the wish)
    elif (intent.get(INTENT_NAME_KEY) == "deny" and _A_NOT_QUESTION.match(text.strip())) \
            or (_UNANSWERED.search(text) and not _NO_FILING.search(text)):
        _reread(message, "out_of_scope")


# 在黄岛这嘎达厂子里干活 干了八个月了一直没给俺整合同 这玩意儿能找谁说理去 (XP-7: wage_arrears 0.68 — 一共欠了
# 多少钱 asked; 东北话 整 is 签): a contract never signed, with no word of pay owed, is the labour-law question
_NO_CONTRACT = re.compile(r"(?:没|没有|木有|不|未)(?:跟|和|给|与|同)?(?:我|俺|咱)?们?(?:签|整|弄|办|订|立)(?:过|订)?"
                          r"(?:任何|啥|什么|个|份|一份)?(?:劳动|书面)?合同|"
                          r"合同\S{0,3}?(?:没|不|未)(?:签|整|弄|订|给签)|(?:没|没有|木有)(?:劳动|书面)?合同")
_PAY_OWED = re.compile(r"(?<![没不])(?:欠|拖)|(?:工资|工钱|薪水|钱)\S{0,4}?(?:没|不)(?:发|给|结|到)|"
                       r"(?:没|不)(?:发|给|结)(?:我|俺)?的?(?:工资|工钱|钱)|讨薪|要工资|扣")


def contract_not_wages(message: Message, text: str) -> None:
    """``wage_arrears`` on a message about a contract never signed and no pay owed becomes
    ``legal_aid`` (the double wage, 劳动合同法第八十二条; the entry action reads its facts)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) == "wage_arrears" and not text.startswith("/") \
            and _NO_CONTRACT.search(text) and not _PAY_OWED.search(text):
        _reread(message, "legal_aid")


# 好像是特困 有卡的 (YM-06: psych_support 0.53 — 心理疏导): a hardship status told, not distress
_HARDSHIP_STATUS = re.compile(r"特困|困难职工|困难户|困难家庭|建档|建了档|在档|低保|困难证|帮扶卡")
_DISTRESS = re.compile(r"难受|压力|睡不着|心里|心情|想不开|烦|抑郁|焦虑|崩溃|哭|害怕|孤独|没人说话|绝望|没意思")


# 那要准备啥材料 on the school ticket's offer (round 52: psych_support 0.76 — 我准备自杀 taught the
# classifier that 准备 is distress): papers or steps asked about, with no word of the mind
_PAPERS = re.compile(r"材料|手续|证明|证件|资料|流程|带(?:什么|啥|些啥|哪些)|准备(?:什么|啥|些啥|哪些)|"
                     r"(?:怎么|咋|如何)(?:办理?|申请|报名)|(?:去|到)哪(?:里|儿)?(?:办|交|申请|报名)")
_MIND = re.compile(r"心理|心里|聊|说话|说说|累|委屈|想家|失眠|吵架|孤单|兴趣|出事|想哭|情绪|疏导|辅导|咨询")


def hardship_not_distress(message: Message, text: str) -> None:
    """``psych_support`` from the classifier (a crisis is forced before the guards run) on a
    message that tells a hardship status, or asks for papers or steps, and no distress becomes
    ``inform`` (the entry action and the forms read it with the conversation's topic)."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != "psych_support" or text.startswith("/") or _DISTRESS.search(text):
        return
    if _HARDSHIP_STATUS.search(text) or (_PAPERS.search(text) and not _MIND.search(text)):
        _reread(message, "inform")
