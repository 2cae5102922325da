"""具体在哪啊 right after a station's card (V-11 got the service menu): the address and phone
of the card just shown, said again with where the exact door is asked — the card's own
words, nothing invented."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.common import recent_replies
from actions.station_text import OPEN_NOW_NOTE, SERVICES_LABEL, bare_address
from bot.contract import TICKET_TYPE_WORKER_NAMES, WEEKDAY_NAMES
from bot.normalize.text import normalize_text

_WHERE_EXACTLY = re.compile(r"具体(?:在)?哪|具体位置|具体地址|门牌|怎么走|咋走|在哪(?:儿|里)?啊?$|几楼|哪个门|"
                            r"地址(?:呢|是啥|在哪)|详细地址")


# what this module says after a card: 周三呢 after 周日不开门 still asks about that card (and 礼拜天开不开
# after what to bring, YN-09: the childcare answer)
_DETAIL_SAID = re.compile(r"服务时间：|不开门|登记的地址是|带上身份证|登记的服务有|能办哪些事")


def _last_card(tracker: Tracker, through: bool = False) -> str | None:
    """The station card the bot's last replies were about: the reply to the message before
    this one, or the card before this module's own answers about it (三 turns at most).
    ``through``: also past other answers in between (具体地址 after the card and an answer about
    doing it online — VL-12: 这个我查不了 and the menu); the address asked is the card's still."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > 3:
            return None
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if "地址：" in text and "电话：" in text:
            return text
        if text and not through and not _DETAIL_SAID.search(text):
            return None
    return None


# 礼拜天 / 星期日 / 周六 → the card's own day names (bot.contract, one vocabulary)
_DAYS = {**{name[-1]: name for name in WEEKDAY_NAMES.values()}, "天": WEEKDAY_NAMES["sun"],
         "末": "周末"}
_DAY_ASKED = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天末])")
# (晚上能去吗 after the 辛安 card, CODE-06: 没太明白)
_HOURS_ASKED = re.compile(r"几点|开不开|开门|开不|关门|营业|有人吗|有人不|晚上|夜里|中午|什么时候|啥时候|几时|"
                          r"能去吗|能过去|上班时间|下班")


def _hours_reply(name: str, hours: str, text: str) -> str:
    """礼拜天开不 after a card (X-11 got 好的，没问题): the card's hours, and the day asked."""
    hours = OPEN_NOW_NOTE.sub("", hours)  # the card's 现在正在 / 不在, not 周六's
    asked = _DAY_ASKED.search(text)
    if not re.search(r"\d{1,2}:\d{2}", hours):
        # 周日开吗 after another city's union card (XV-9: 周日不开门 from no hours at all)
        day = f"{_DAYS[asked.group(1)]}开不开门" if asked else "几点有人"
        return f"{name}的服务时间{hours}；{day}我没法给您准话，以当地工会说的为准，也可以打职工服务热线 12351 问。"
    if not asked:
        return f"{name}的服务时间：{hours}。"
    day = _DAYS[asked.group(1)]
    days = ("周六", "周日") if day == "周末" else (day,)
    said = [f"{d} {spans}" if (spans := _spans_of(hours, d)) else f"{d}不开门" for d in days]
    # 那礼拜天咋办 我就礼拜天休息 (ZF-08: 周日不开门, and nothing after it)
    other_way = ("那天去不了的话，可以在这里留个手机号，工作人员上班时给您回电；也可以打职工服务热线 12351。"
                 if any(line.endswith("不开门") for line in said) else "")
    return f"{name}{'，'.join(said)}。全部服务时间：{hours}。{other_way}"


_ORDER = list(WEEKDAY_NAMES.values())


def _spans_of(hours: str, day: str) -> str | None:
    """The hours of one day in a card's hours (周一至周五 08:30-19:30；周六 09:00-17:00)."""
    for part in hours.split("；"):
        days, _, spans = part.strip().partition(" ")
        named: list[str] = []
        for piece in days.split("、"):
            first, _, last = piece.partition("至")
            if first in _ORDER and last in _ORDER:
                named += _ORDER[_ORDER.index(first):_ORDER.index(last) + 1]
            else:
                named.append(piece)
        if day in named:
            return spans
    return None


# a station named by its place: 沂河路社区那个站 / 长江路的站 / 薛家岛那边的工作站
_ANOTHER_STATION = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:社区|街道)?(?:那边|这边)?(?:那个|这个|的)?"
                              r"(?:工会)?(?:网格)?(?:工作)?站")


# 站里都能办啥 / 那边管什么 / 有啥服务 right after a card (ZB-12: the card again, without them)
_SERVICES_ASKED = re.compile(r"能办(?:啥|什么|哪些)|办(?:啥|什么|哪些)(?:事|业务)?|(?:有|提供)(?:啥|什么|哪些)服务|"
                             r"管(?:啥|什么|哪些)|能(?:干|做|帮)(?:啥|什么|哪些)|都(?:有|能)(?:啥|什么|哪些)|服务项目|"
                             r"业务范围")


_ONLINE = re.compile(r"网上|线上|手机上|在手机|上网|app|APP|小程序|公众号|微信上")


# 驿站在哪 几点能去接 / 那个心理的屋子具体在哪 (XH-2: 没有现成的准确答案 right after the 沂河路 card that
# lists the 托管驿站; XH-14: the general paragraph twice): a service of a station, asked where or when
_SERVICE_WORDS = (("托管", re.compile(r"驿站|托管|看孩子|看娃|托儿")),
                  ("心理", re.compile(r"心理|心里|谈心|疏导|说说话的")))
_WHERE_OR_WHEN = re.compile(r"在哪|哪里|哪儿|地址|位置|怎么走|咋走|怎么去|咋去|几点|什么时候|啥时候|几时|开门|"
                            r"关门|能去|去接|接孩子|接娃|时间|有人")
_PICK_UP = re.compile(r"接(?:孩子|娃|人|回)?|几点(?:走|放)")
# 心理咨询室也在那吗 / 那边也有心理辅导吗 / 托管也是那个站吗 right after a card or a filing named a
# station (round 52: an urgent psych callback filed): whether that station has the service
AT_THAT_STATION = re.compile(r"(?:也|还|都)?(?:在|是)(?:那|这)(?:儿|里|边|个站|个工作站|站)?"
                             r"(?:吗|么|不|嘛|呢|没|$|[?？])|"
                             r"(?:那|这)(?:儿|里|边|个站|个工作站|站里?)(?:也|还|都)?(?:有|能)|"
                             r"(?:也|还)在(?:那|这)|(?:能|可以)在(?:那|这)(?:儿|里|边|个站)?(?:做|看|咨询|聊|谈|找)|"
                             r"同一个(?:地方|站)|一个地方")
PSYCH_HOTLINES_LINE = "难受的时候，心理援助热线 12356、400-161-9995 随时有人接。"


# 有没有不打电话 能当面聊聊的地方 / 能不能当面跟人聊聊 / 哪里能见个人聊聊 (XJ-16 T5: the listening
# line again): a place to talk with someone face to face is the station's psychological room
_FACE_TO_FACE = re.compile(r"(?:当面|面对面|见面|见个人|见见人)\S{0,3}?(?:聊|说说|说会|说话|谈谈|谈心|倾诉)|"
                           r"(?:聊聊|聊天|说说话|说话|谈谈|谈心|倾诉)的地方")


def asks_face_to_face(text: str) -> bool:
    """The worker asks for somewhere to talk with a person face to face (not on the phone)."""
    return bool(_FACE_TO_FACE.search(normalize_text(text or "")))


def asked_service_of_station(text: str) -> str | None:
    """The station service (托管 / 心理) a message asks where or when about (None: not that);
    a place to talk face to face is asked as the psychological room."""
    text = normalize_text(text or "")
    if asks_face_to_face(text) and not _ONLINE.search(text):
        return "心理"
    if not (_WHERE_OR_WHEN.search(text) or AT_THAT_STATION.search(text)) or _ONLINE.search(text):
        return None
    return next((word for word, words in _SERVICE_WORDS if words.search(text)), None)


def named_station(tracker: Tracker, turns: int = 6) -> str | None:
    """The station the bot's replies of the worker's last ``turns`` messages named last: a
    filing's 由…负责, or a card's name (the line above its 地址：)."""
    for text in recent_replies(tracker, turns):
        if found := HANDLED_BY.search(text):
            return found.group(1)
        lines = [line.strip() for line in text.splitlines()]
        at = next((i for i, line in enumerate(lines) if line.startswith("地址：")), None)
        if at:
            return lines[at - 1].split("：")[-1] or None
    return None


def service_place_text(service: str, name: str, address: str, phone: str, hours: str, asked: str = "") -> str:
    """Where a station's service (职工子女爱心托管驿站, 职工心理健康服务室) is, and when someone is
    there — the station's own record; what the record does not hold (pick-up times) said so."""
    address = bare_address(address)
    hours = OPEN_NOW_NOTE.sub("", hours).replace("；", "，")
    where = f"{service}就在{name}里（{address}，具体门牌先打 {phone} 问清楚）"
    if "心理" in service:
        return f"{where}，免费。服务时间是{hours}，去之前先打 {phone} 约个时间。{PSYCH_HOTLINES_LINE}"
    pick_up = ("托管每天几点能接孩子，我这里没有收录，登记后工作人员告诉您，也可以先打 "
               f"{phone} 问。") if _PICK_UP.search(normalize_text(asked)) else ""
    return f"{where}。站里的服务时间是{hours}。{pick_up}"


def _card_with(tracker: Tracker, word: str, turns: int = 4) -> dict[str, str] | None:
    """The station card said within the worker's last ``turns`` messages whose services list a
    service with ``word`` (托管 / 心理): its name, address, phone, hours and that service."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > turns:
            return None
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        for block in text.split("\n\n") if "地址：" in text and "电话：" in text else ():
            lines = [line.strip() for line in block.splitlines()]
            listed = next((line.split("：", 1)[1] for line in lines if line.startswith(SERVICES_LABEL)), "")
            service = next((sv for sv in listed.split("、") if word in sv), None)
            at = next((i for i, line in enumerate(lines) if line.startswith("地址：")), None)
            if not service or not at:
                continue
            field = {line.split("：", 1)[0]: line.split("：", 1)[1] for line in lines if "：" in line}
            return {"service": service, "name": lines[at - 1].split("：")[-1], "address": field.get("地址", ""),
                    "phone": field.get("电话", ""), "hours": field.get("服务时间", "")}
    return None


# 孩子七歲，要登記，電話是136… on the childcare offer routed to the 沂河路 station (XP-3: 电话 read as a
# question, the card of 辛安街道总站 — no 托管 — shown beside the ticket): inside an offer that names
# its station, another station's card is no answer unless a station is asked for
_CARD_NAMED = re.compile(r"工会网格工作站(?:是)?：\s*(\S+)")
_STATION_ASKED = re.compile(r"站|服务中心|在哪|哪里|哪儿|地址|位置|怎么走|咋走|怎么去|几点|开门|上班时间")


def another_station_card(tracker: Tracker, line: str) -> bool:
    """``line`` is the card of a station other than the one the offered case goes to,
    and the worker asked for no station: said beside that case it only misleads."""
    found = _CARD_NAMED.search(line or "")
    if not found:
        return False
    case = tracker.get_slot("pending_case")
    facts = case.get("facts") or {} if isinstance(case, dict) else {}
    goes_to = str(facts.get("station") or "")
    text = normalize_text((tracker.latest_message or {}).get("text") or "")
    return bool(goes_to) and found.group(1) not in goes_to and goes_to not in found.group(1) \
        and not _STATION_ASKED.search(text)


def service_at_station_reply(tracker: Tracker) -> str | None:
    """驿站在哪 几点能去接 after a card that lists the 托管驿站: where the service is (that station),
    when someone is there, and what is not on record; None when not asked or no such card."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not (word := asked_service_of_station(text)) \
            or not (card := _card_with(tracker, word)):
        return None
    said = service_place_text(card["service"], card["name"], card["address"], card["phone"], card["hours"], text)
    if "心理" not in card["service"] and _FEE_ASKED.search(normalize_text(text)):
        said += fee_at_station(card["service"], card["phone"])  # 那托管收钱不 早上几点能送过去 (VB-2)
    return said


def station_detail_reply(tracker: Tracker) -> str | None:
    """The address, hours or services asked again after a card: its lines (None: not that)."""
    if (service := service_at_station_reply(tracker)) is not None:
        return service
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    where, when = _WHERE_EXACTLY.search(text), _HOURS_ASKED.search(text) or _DAY_ASKED.search(text)
    if _ONLINE.search(text):
        return None  # 她下班都晚上八九点了 网上能办不 (ZX-09: the hours again): the records answer it
    what, bring = _SERVICES_ASKED.search(text), _BRING_ASKED.search(text)
    if bring and not _last_card(tracker) and (filed := _bring_for_filed(tracker)):
        return filed  # 那我去工作站要带啥去 after the school ticket (ZX-01: the legal-aid form)
    card = _last_card(tracker) or (_last_card(tracker, through=True) if where and not (when or what or bring) else None)
    if not (where or when or what or bring) or not card:
        return None
    if (other := _ANOTHER_STATION.search(text)) and not re.search(r"这|那|你们|咱|工会|网格", other.group(1)) \
            and other.group(1) not in card.replace("社区", ""):
        return None  # 沂河路社区那个站呢 周日开不开 after the 辛安 card (NN-11): that station's own
    places = [str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or []
              if e.get("entity") in ("district", "city") and e.get("value")]
    if any(place.replace("社区", "").replace("街道", "") not in card for place in places):
        return None  # 沂河路社区那个有托管的站呢 周六有人不 after the 辛安 card (ZZ-10): another place
    lines = card.splitlines()
    # (当地工会： labels another city's union centre in a fact answer — the hooks of round 56)
    labels = ("工会网格工作站：", "当地工会：")
    named = [line.split("：", 1)[1] if line.startswith(labels) else line for line in lines
             if line.startswith(labels) or ("：" not in line and ("站" in line or "中心" in line))]
    name = named[0] if named else "工作站"
    address = next((line.split("：", 1)[1] for line in lines if line.startswith("地址：")), "")
    phone = next((line.split("：", 1)[1] for line in lines if line.startswith("电话：")), "")
    address = bare_address(address)
    hours = next((line.split("：", 1)[1] for line in lines if line.startswith("服务时间：")), "")
    if bring:
        # 中 那俺周六去 带啥东西不 (ZT-10: the hours again, the question not answered)
        said_hours = (_hours_reply(name, hours, text) + "") if when and hours else ""
        if kind := _case_kind(text):
            # 俺是合同的事 去的话得带啥 (YN-09: the list for wages, school and relief)
            return said_hours + f"去{name}带上身份证和{_BRING_FOR[kind]}。拿不准的，去之前先打 {phone} 问一下。"
        return (said_hours + f"去{name}带上身份证，再带上跟您的事有关的材料：讨欠薪带工资条、考勤、聊天记录或欠条，"
                "孩子上学带户口簿、居住证和孩子的出生证明，困难救助带病历和医药费票据。拿不准的，"
                f"去之前先打 {phone} 问一下。")
    if what and not (where or when):
        return _services_reply(name, phone, card)
    if when and not where:
        return _hours_reply(name, hours, text) if hours else None
    return (f"{name}登记的地址是：{address}。工会这里没有更细的门牌；去之前请先打 {phone} 问清楚"
            "在哪栋楼、哪个门，工作人员会告诉您怎么走。")


# what to bring for each kind of case filed (the school list is the school record's own)
_BRING_FOR = {"school_placement": "户口簿、居住证、孩子的出生医学证明、劳动合同或社保缴纳证明，转学的再带上原学校的"
                                  "学籍信息；学校拒收的，记下是谁、哪天、怎么说的",
              "wage_arrears": "工资条、考勤记录、聊天记录、欠条或转账记录，能证明在那儿干活的东西（工牌、工服、"
                              "工友的证言）",
              "overtime_pay": "工资条、考勤或打卡记录、排班表、加班的聊天记录",
              "relief": "病历、诊断证明、医药费票据和报销结算单",
              "legal_aid": "劳动合同或能证明劳动关系的材料、工资条、辞退通知或聊天记录"}
HANDLED_BY = re.compile(r"由(\S+?)负责（电话 ([^）]+)）")  # a filing or status reply's station
_FILED_AT = re.compile(r"已为您登记\S*?工单，工单号 (GH\d+)，" + HANDLED_BY.pattern)


_KIND_WORDS = (("legal_aid", r"合同|辞退|开除|工伤|社保|仲裁|试用期|补偿"), ("wage_arrears", r"欠薪|欠钱|工资|工钱"),
               ("school_placement", r"上学|入学|转学|学校|学位"), ("relief", r"救助|医药|住院|看病"))


def filed_station(tracker: Tracker, last: int = 60) -> tuple[str, str, str] | None:
    """(ticket id, station, phone) of the ticket this conversation filed last, as its filing
    reply named them (None: none filed within the last ``last`` events)."""
    for event in reversed(tracker.events[-last:]):
        if event.get("event") == "bot" and (filed := _FILED_AT.search(event.get("text") or "")):
            return filed.group(1), filed.group(2), filed.group(3)
    return None


def _case_kind(text: str) -> str | None:
    """The kind of matter a message names (俺是合同的事 → legal_aid), for what to bring."""
    return next((kind for kind, words in _KIND_WORDS if re.search(words, text or "")), None)


def filed_type(tracker: Tracker) -> str | None:
    """The type of the ticket this conversation filed last (from the filing reply's name)."""
    said = next((e.get("text") or "" for e in reversed(tracker.events)
                 if e.get("event") == "bot" and "已为您登记" in (e.get("text") or "")), "")
    named = re.search(r"已为您登记(\S{0,20}?)工单", said)
    return next((kind for kind, name in TICKET_TYPE_WORKER_NAMES.items() if named and name == named.group(1)), None)


def _bring_for_filed(tracker: Tracker) -> str | None:
    """What to bring to the station a ticket of this conversation was filed to (None: none filed)."""
    said = next((e.get("text") or "" for e in reversed(tracker.events[-60:])
                 if e.get("event") == "bot" and _FILED_AT.search(e.get("text") or "")), "")
    if not (filed := _FILED_AT.search(said)):
        return None
    kind = filed_type(tracker) or ""
    papers = _BRING_FOR.get("relief" if kind.startswith("relief") else kind, "跟您的事有关的材料")
    # (a minimum-wage or subsidy case: the pay's proof, as for wages)
    papers = _BRING_FOR["wage_arrears"] if kind in ("minimum_wage", "subsidy_application") else papers
    return (f"去{filed.group(2)}带上身份证和{papers}。报上工单号 {filed.group(1)}，工作人员就能找到您的登记；"
            f"去之前可以先打 {filed.group(3)} 约个时间。")


_BRING_ASKED = re.compile(r"带啥|带什么|带些啥|要带|需要带|得带|用带|拿啥|拿什么|准备啥|准备什么|带东西|带不带")


def _services_reply(name: str, phone: str, card: str) -> str:
    """The services the card's station has on record, or that none are, and where to ask."""
    listed = next((line.split("：", 1)[1] for line in card.splitlines() if line.startswith(SERVICES_LABEL)), "")
    here = "在这里也可以直接问政策、算加班费，或者登记欠薪、补贴、子女入学等事情，我帮您转给网格工作站。"
    if listed:
        return f"{name}登记的服务有：{listed}。具体怎么办，去之前可以先打 {phone} 问清楚。{here}"
    return f"{name}能办哪些事，我这里没有收录明细；去之前请先打 {phone} 问清楚。{here}"


# 分给哪个站了？谁管？ right after a ticket's status (HH-15: asked where the worker was, then
# looped): who handles the ticket looked up, not the nearest station
_WHO_HANDLES = re.compile(r"分给|分到|分派|转给|哪个站|哪个工作站|谁管|谁负责|谁在办|谁处理|谁跟进|哪个网格|给谁了|"
                          r"负责人")
STATUS_REPLY = re.compile(r"^工单 (GH\d+) 目前")  # a ticket-status reply (group 1: its id)
_TICKET_NAMED = re.compile(r"工单|单子|我的事|俺的事|我这事|俺这事|这事|案子|登记的|报的|转到|转给|分到|分给|派给|交给|"
                           r"谁管|谁负责")


def _last_turn_said(tracker: Tracker) -> list[str]:
    """The bot's messages since the worker's message before the latest one."""
    said: list[str] = []
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                break
        elif event.get("event") == "bot" and users == 1:
            said.append(event.get("text") or "")
    return said


def status_looked_up(tracker: Tracker) -> re.Match | None:
    """The ticket status the bot's last turn gave (group 1: its id), or None — also when a line
    followed it (您刚才还提到了“孩子上学”，现在帮您看看吗 — YN-13: 给工单上加上 then started a new
    school form)."""
    return next((found for text in _last_turn_said(tracker) if (found := STATUS_REPLY.search(text))), None)


def status_in_talk(tracker: Tracker, turns: int = 3) -> re.Match | None:
    """The last ticket status the bot gave within the worker's last ``turns`` messages (YT-12:
    哪个站在办 asked again a turn after a reply about the ticket, no longer 'just given')."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > turns:
            return None
        if event.get("event") == "bot" and (found := STATUS_REPLY.search(event.get("text") or "")):
            return found
    return None


def asks_who_handles(text: str) -> bool:
    """分给哪个站了 / 是哪个站在办: who handles a ticket."""
    return bool(_WHO_HANDLES.search(text or ""))


def ticket_station_reply(tracker: Tracker, status: re.Match | None = None) -> str | None:
    """Who handles the ticket whose status the bot just gave (None: not that question). The
    station is named only where the status named it (a verified phone); otherwise why not."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not _WHO_HANDLES.search(text):
        return None
    if not (status := status or status_looked_up(tracker)):
        # 工单转到哪个站了 right after the filing (XV-1: 没太明白): the station its filing named
        if _TICKET_NAMED.search(text) and (filed := filed_station(tracker, last=24)):
            return f"工单 {filed[0]} 由{filed[1]}负责，电话 {filed[2]}。"
        return None
    if handled := HANDLED_BY.search(status.string):
        return f"工单 {status.group(1)} 由{handled.group(1)}负责，电话 {handled.group(2)}。"
    return (f"工单 {status.group(1)} 已经分派给您所在地的网格工作站。为了保护个人信息，负责的工作站和"
            "工作人员在核实是您本人后才告诉您：工作人员会按您登记的手机号联系您。着急的话可以打职工服务热线 "
            f"12351，报工单号 {status.group(1)} 查询。")


# 沂河路社区那个跟这个是一个吗 / 到底是不是一个地方啊 我该去哪个 after the 辛安 总站's card (VB-10: the 沂河路
# card alone, then the childcare sign-up offered): whether two stations are one, and which to go to
_SAME_ASKED = re.compile(r"(?:是不是|是|算)(?:同)?一个(?:站|地方|地儿|单位)?(?:吗|么|不|嘛|啊|呀|呢|$|[?？\s])|"
                         r"同一个|一样吗|一样不|一回事|一码事|一个站吗|(?:有|是)?(?:啥|什么)区别|什么关系|啥关系|"
                         r"(?:该|应该|要)去哪个|去哪个(?:站|好|对)")
_LEVEL_WORDS = {"community": "社区一级的工作站", "street": "街道一级的总站", "district": "区一级的职工服务中心",
                "city": "市一级的职工服务中心"}


def _seed_stations() -> list[dict]:
    from actions.seed_files import seed

    return [st for st in seed("stations.yml").get("stations") or [] if isinstance(st, dict) and st.get("name")]


def _station_words(station: dict) -> list[str]:
    """How a worker names a station: its name, its place (沂河路社区), the place without 社区/街道 (沂河路)."""
    place = str((station.get("region") or [""])[-1])
    short = re.sub(r"(?:社区|街道|区|市)$", "", place)
    return [w for w in (station["name"], place, short if len(short) >= 2 else "") if w]


def _stations_in(texts: list[str]) -> list[dict]:
    """The stations of the register the texts name by their full names, in the order first named."""
    found: list[tuple[int, int, dict]] = []
    for order, text in enumerate(texts):
        for station in _seed_stations():
            if (at := text.find(station["name"])) >= 0 and station not in [f[2] for f in found]:
                found.append((order, at, station))
    return [f[2] for f in sorted(found, key=lambda f: (f[0], f[1]))]


# 那个沂河路社区的站是不是也在辛安 / 沂河路那个站归不归辛安管 (VJ-9: only the Sunday question answered): whether
# a station the worker names lies in a place — group 1: the place asked
_IN_PLACE_ASKED = re.compile(r"(?:是不是|是否|是)?(?:也|都)?(?:在|属于|归|算)(?:不在|不属于|不归|不算)?"
                             r"([\u4e00-\u9fff]{2,6}?)(?:街道|社区|区|镇|那边|那片|这边|里)?"
                             r"(?:管的?|那块|的)?(?:吗|么|嘛|不|没|啊|呀|呢|$|[?？\s，,])")
_STATION_WORD = re.compile(r"站|服务中心")


def _places_of_register() -> list[str]:
    """Every place a station of the register lies in (辛安街道, 沂河路社区, 黄岛区 …), longest first."""
    names = {str(p) for st in _seed_stations() for p in (st.get("region") or [])[2:]}
    return sorted(names, key=len, reverse=True)


def _place_asked(text: str, station: dict) -> str | None:
    """The register's place (辛安街道) the message asks whether ``station`` is in, or None."""
    own = set(_station_words(station))
    after = min((at for w in own if (at := text.find(w)) >= 0), default=0)
    said = _STATION_WORD.search(text, after)  # 沂河路社区的站 | 是不是也在辛安: asked after the station is named
    for found in _IN_PLACE_ASKED.finditer(text, said.end() if said else len(text)):
        word = found.group(1)
        for place in _places_of_register():
            short = re.sub(r"(?:社区|街道|区|市|镇)$", "", place)
            if place not in own and short not in own and (word.startswith(short) or short.startswith(word)) \
                    and len(short) >= 2:
                return place
    return None


def station_place_reply(tracker: Tracker) -> str | None:
    """那个沂河路社区的站是不是也在辛安 (VJ-9): whether the station named lies in the place asked, from the
    register's regions — with the station's card line, and the day or hour asked answered too. None: no
    station named with such a question."""
    from actions.station_text import asked_time_verdict, hours_text, known_hours

    text = normalize_text((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not _STATION_WORD.search(text) or not _IN_PLACE_ASKED.search(text):
        return None
    named = [st for st in _seed_stations() if st["name"] in text
             or any(w in text for w in _station_words(st)[1:])]
    named = [st for st in named if st.get("level") in ("community", "street")] or named
    named.sort(key=lambda st: len(st.get("region") or []), reverse=True)  # 沂河路社区 before 辛安街道
    for station in named:
        if not (place := _place_asked(text, station)):
            continue
        region = [str(p) for p in station.get("region") or []]
        where = "".join(region[2:])
        if place in region:
            upper = next((st for st in _seed_stations() if (st.get("region") or [None])[-1] == place
                          and _under(station, st)), None)
            tie = f"，归{upper['name']}那一片（它是总站下面{region[-1]}的站）" if upper else ""
            also = "也" if re.search(r"也|都", text) else ""
            lines = [f"是的，{station['name']}{also}在{place}：在{where}{tie}。"]
        else:
            lines = [f"不在{place}：{station['name']}在{where}。"]
        lines.append(f"{station['name']}电话 {station.get('phone') or '12351'}，去之前先打电话问清楚具体位置。")
        hours = known_hours(station)
        if verdict := asked_time_verdict(hours, text):
            lines.append(f"{station['name']}{verdict}。服务时间：{hours_text(hours)}。" if hours else f"{verdict}。")
        return "\n".join(lines)
    return None


def same_station_reply(tracker: Tracker) -> str | None:
    """Whether the station the worker names (沂河路社区那个) is the one just shown (辛安街道总站), and
    which of the two to go to — from the register (level, place, services, hours, phone), with
    the day or hour asked answered too. None: not that question, or not two stations in talk.
    A station asked to lie in a place (沂河路社区的站是不是也在辛安, VJ-9) is answered by
    :func:`station_place_reply`."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "").strip()
    if (placed := station_place_reply(tracker)) is not None:
        return placed
    if text.startswith("/") or not _SAME_ASKED.search(text):
        return None
    shown = _stations_in(list(recent_replies(tracker, 3)))  # newest reply first
    named = [st for st in _seed_stations() if any(w in text for w in _station_words(st)[1:] or [st["name"]])
             or st["name"] in text]
    named = [st for st in named if st.get("level") in ("community", "street")] or named
    pair: list[dict] = []
    for station in [*named[:1], *shown]:
        if station not in pair:
            pair.append(station)
    if len(pair) < 2:
        return None
    asked, other = pair[0], pair[1]
    return _two_stations_text(asked, other, text)


def _two_stations_text(asked: dict, other: dict, text: str) -> str:
    from actions.station_text import asked_time_verdict, hours_text, known_hours

    def area(st: dict) -> str:
        return str((st.get("region") or [""])[-1])

    def level(st: dict) -> str:
        return _LEVEL_WORDS.get(str(st.get("level")), "工作站")

    upper, lower = (other, asked) if _under(asked, other) else (asked, other) if _under(other, asked) else (None, None)
    if upper and lower:
        tie = f"{lower['name']}是{upper['name']}下面{area(lower)}的站，两个不是同一个地方。"
    else:
        tie = "两个不是同一个地方。"
    lines = [f"不是一个站：{asked['name']}是{area(asked)}{level(asked)}，{other['name']}是{area(other)}{level(other)}；"
             + tie]
    services = [f"{st['name']}有{'、'.join(st['services'])}" for st in (asked, other) if st.get("services")]
    if services:
        lines.append("去哪个看您办什么事：" + "；".join(services) + "。")
    phones = {str(st.get("phone") or "") for st in (asked, other)} - {""}
    if len(phones) == 1:
        lines.append(f"两个站的电话都是 {phones.pop()}，去之前打电话说清您的事，工作人员会告诉您去哪个站、在哪个门。")
    hours = known_hours(asked)
    if verdict := asked_time_verdict(hours, text):
        same = "（两个站的服务时间一样）" if hours and hours == known_hours(other) else ""
        lines.append(f"{asked['name']}{verdict}。服务时间：{hours_text(hours)}{same}。" if hours
                     else f"{verdict}。")
    return "\n".join(lines)


def _under(lower: dict, upper: dict) -> bool:
    """``lower``'s place lies inside ``upper``'s (沂河路社区 in 辛安街道), by the register's regions."""
    low, up = list(lower.get("region") or []), list(upper.get("region") or [])
    return len(low) > len(up) and low[:len(up)] == up


# 那托管收钱不 早上几点能送过去 (VB-2: the place and hours of the 托管驿站, the fee left unanswered until
# asked again): the fee the register and the records do not hold, said so with where to ask
_FEE_ASKED = re.compile(r"要(?:不要)?钱|收(?:不收)?(?:费|钱)|收钱|花(?:不花)?钱|免费|多少钱|学费|费用|交钱|掏钱|贵不贵")


def fee_at_station(service: str, phone: str) -> str:
    """The fee of a station's service (托管): not on record, where to ask."""
    return (f"{service}收不收费、收多少，我这里没有收录，不能跟您乱说：先打 {phone} 问工作站，"
            "也可以打职工服务热线 12351 问。")


# 听说黄岛辛安那边的站周六开 我从市北过去能给我办不 (VL-13: 辛安 called 离您最近 for a 市北区 worker, whether
# they are served there never answered): the worker's own place, told earlier or as where they come from
_FROM_PLACE = re.compile(r"从([\u4e00-\u9fff]{2,4}?)(?:区|县|市|镇|街道)?(?:那边|这边|那儿|这儿)?"
                         r"(?:过去|过来|跑过去|赶过去|跑去|坐车去|去)")
_OWN_PLACE = re.compile(r"(?:我|俺)(?:家)?(?:在|住在?)(?:青岛)?([\u4e00-\u9fff]{2,4}?)(?:区|县)"
                        r"(?:上班|住|干活|工作|打工|这边|那边|的|，|,|\s|$)")


def _own_place(tracker: Tracker) -> str | None:
    """The district the worker said they live or work in (市北), from their own words — a place
    said with 从…过去 only when it is a district (市北区) they named before, or ends so."""
    said = [normalize_text(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    told = next((m.group(1) for text in reversed(said[:-1]) if (m := _OWN_PLACE.search(text))), None)
    if said and (came := _FROM_PLACE.search(said[-1])):
        place = came.group(1)
        if re.search(r"(?:区|县|镇|街道)$", came.group(0).split("过")[0].split("去")[0]) \
                or any(f"{place}区" in text or f"{place}县" in text for text in said[:-1]) or place == told:
            return place
    return told


def another_district_note(tracker: Tracker, path: dict | None, station: dict) -> str | None:
    """The station shown lies outside the district the worker lives or works in (a 市北区 worker asking
    about 辛安's station): not the nearest, and whether a worker from elsewhere is served there — which
    the register does not say — asked by phone first. None: the worker's own place, or none told."""
    own = _own_place(tracker)
    if not own or not isinstance(station, dict) or not station.get("name"):
        return None
    places = [str(v) for v in (path or {}).values() if v] + [str(p) for p in station.get("region") or []]
    if any(own in place for place in places) or own in str(station["name"]):
        return None
    phone = station.get("phone") or "12351"
    return (f"{station['name']}不在您说的{own}，不是离您最近的站。从{own}过去能不能给您办，我这里没有收录明确的说法，"
            f"不能跟您打包票：去之前先打 {phone} 问清楚，免得白跑一趟。您也可以就在这里把事情说清楚、留个手机号，"
            "我帮您登记，工作人员打电话联系您。")


def station_region_place(name: str) -> tuple[str, str | None] | None:
    """(city, the place below it) of a station on record — what the backend resolves to that very station
    (青岛西海岸新区总工会职工服务中心 → 青岛市, 黄岛区); None for a station not on record."""
    station = next((st for st in _seed_stations() if st.get("name") == name), None)
    region = [str(part) for part in (station or {}).get("region") or []]
    if len(region) < 2:
        return None
    return region[1], (region[-1] if len(region) > 2 else None)


def held_ticket(tracker: Tracker, turns: int = 6) -> tuple[str, str | None] | None:
    """(id, station or None) of the ticket this conversation is about: the one whose status was given within
    the worker's last ``turns`` messages (its station only when the status named it — a verified phone), else
    the one filed here lately. None: no ticket in talk (VK-11: 找个真人 after the status went to 青岛's centre,
    not the 西海岸 centre that holds her ticket)."""
    if status := status_in_talk(tracker, turns=turns):
        handled = HANDLED_BY.search(status.string)
        return status.group(1), handled.group(1) if handled else None
    if filed := filed_station(tracker, last=60):
        return filed[0], filed[1]
    return None
