"""Defects the independent testers of rounds 35+ found (ZQ-/ZR- …) and this session's own checks,
each read the way the worker wrote it."""

from __future__ import annotations

from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN


async def test_a_months_pay_said_to_the_sum_asks_the_months_then_works_the_sum_out():
    """不对，是九千五一个月 said to 一共欠了多少钱: the sum was asked again, then filed 不清楚 beside
    9,500 a month for 3 months. The months are asked next and the sum is the pay times them."""
    from actions.forms import ValidateWageArrearsForm
    from actions.slot_mappings import owed_after_months

    tracker = form_tracker("wage_arrears_form", "amount", "不对，是九千五一个月",
                           slots={"employer": "姓刘的包工头"}, extracted={"monthly_wage": 9500})
    dispatcher = CollectingDispatcher()
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    said = slot_values(events)
    assert said.get("amount") is None
    assert said.get("requested_slot") == "duration"
    assert not any("不清楚" in (m.get("text") or "") for m in dispatcher.messages)
    months = form_tracker("wage_arrears_form", "duration", "三个月",
                          slots={"employer": "姓刘的包工头", "monthly_wage": 9500},
                          extracted={"duration": "P3M"})
    months.slots["duration"] = None
    assert owed_after_months(months, {"duration": "P3M"})["amount"] == 28500
    months.slots["amount"] = "不清楚"
    assert owed_after_months(months, {"duration": "P3M"})["amount"] == 28500


def test_a_months_pay_said_after_the_time_worked_is_no_time_worked():
    """ZQ-08: 干了三年零四个月 … 一个月平均七千 能拿多少补偿 was summed on 1 month (3,500)."""
    from actions.legal import months_said_now

    assert months_said_now("在厂里干了三年零四个月 昨天主管说订单少了 明天不用来了 也没提前说 "
                           "一个月平均七千 能拿多少补偿") == 40
    assert months_said_now("干了一个月 7000") == 1
    assert months_said_now("三年半 6000一个月") == 42


def test_a_bare_sum_corrected_after_the_months_pay_is_the_pay_and_the_sum_owed_follows():
    """ZQ-16: 每個月七千五 (two months owed: 15,000 worked out), then 不對，是九千五 → 金额 9,500
    beside 月工资 7,500. The pay is 9,500 and the sum owed 19,000."""
    from actions.slot_mappings import wage_behind_the_sum

    tracker = form_tracker("wage_arrears_form", "workers_affected", "不对，是九千五",
                           slots={"monthly_wage": 7500, "amount": 15000, "duration": "P2M"})
    assert wage_behind_the_sum(tracker, {"amount": 9500}) == {"monthly_wage": 9500, "amount": 19000}
    said = form_tracker("wage_arrears_form", "workers_affected", "不对，是九千五",
                        slots={"monthly_wage": 7500, "amount": 16000, "duration": "P2M"})
    assert wage_behind_the_sum(said, {"amount": 9500}) == {"amount": 9500}  # a sum said: the sum
    named = form_tracker("wage_arrears_form", "workers_affected", "不对，一共欠九千五",
                         slots={"monthly_wage": 7500, "amount": 15000, "duration": "P2M"})
    assert wage_behind_the_sum(named, {"amount": 9500}) == {"amount": 9500}


def test_the_workers_own_pay_equal_to_a_figure_the_bot_said_is_still_theirs():
    """ZQ-15: after 年后保底工资2000元, 过年上班加班费咋算 我一个月两千 was answered on 2,000 and
    then asked 您的月工资是多少: the 2,000 was taken for the bot's own figure."""

    from actions.slot_mappings import bots_own_figures

    def after_the_floor(text: str) -> Tracker:
        message = parse(text, "overtime_pay")
        events = [{"event": "user", "text": "年后保底多少来着"},
                  {"event": "bot", "text": "2021年春节协议约定年后保底工资2000元。"},
                  {"event": "user", "text": text, "parse_data": message}]
        return Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")

    assert bots_own_figures(after_the_floor("过年上班加班费咋算 我一个月两千"), {"monthly_wage": 2000}) == []
    assert bots_own_figures(after_the_floor("你说的2000是税前吗"), {"monthly_wage": 2000}) == ["monthly_wage"]


def _told(text: str, slots: dict):
    """A message whose places Rasa's own mappings set this turn."""

    message = parse(text, "school_placement")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items())]
    return Tracker("worker-1", dict(slots), message, events, False, None, {}, "action_listen")


def test_where_the_worker_comes_from_is_not_where_the_case_goes():
    """ZR-01: 我是河南的 … 在黄岛区辛安街道澳柯玛上班 filed 地点 河南; 从安徽老家转过来黄岛 went to
    合肥 (and 老家转过来黄岛 undid 黄岛)."""
    from actions.slot_mappings import place_of_hukou

    def undone(text: str, slots: dict) -> dict:
        return slot_values(place_of_hukou(_told(text, slots)))

    assert undone("你好 我是河南的 户口在老家 在黄岛区辛安街道澳柯玛上班 孩子今年九月上一年级",
                  {"city": "河南", "district": "辛安街道"}) == {"city": None}
    assert undone("孩子想从安徽老家转过来黄岛上初二 没有居住证", {"city": "安徽", "district": "黄岛"}) \
        == {"city": None}
    assert undone("我是黄岛的 孩子上学的事", {"district": "黄岛"}) == {}
    assert undone("户口在老家安徽 人在上海闵行", {"city": "安徽"}) == {"city": None}


def test_a_deduction_is_no_pay_owed_and_voice_slips_of_lawful_are_read():
    """ZQ-12: 迟到了两回 扣了俺五百块 这和法吗 got 欠了多长时间 twice (the arrears form)."""
    from actions.router import deducted_only
    from actions.service_catalog import says_not_this
    from bot.normalize.text import normalize_text

    assert "这合法吗" in normalize_text("扣了俺五百块 这和法吗")
    assert "合不合法" in normalize_text("俺问这扣钱和不合法")
    assert deducted_only("俺在电子厂上班 一个月三千八 迟到了两回 扣了俺五百块 这合法吗")
    assert deducted_only("迟到一次罚款两百 合法吗")
    assert not deducted_only("老板扣了我三个月工资没发")
    assert not deducted_only("欠了我两个月 还扣了五百")
    assert says_not_this("不是欠 是扣 俺问这扣钱合不合法", "wage_arrears")


def test_a_button_typed_instead_of_pressed_is_the_button():
    """Round 35: 看看我的情况 typed under the own-case offer got 没太明白."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

    from bot.typed_buttons import button_typed

    offer = BotUttered("要不要我再帮您看看您自己的情况？", {"buttons": [
        {"title": "看看我的情况", "payload": "/childcare_service"}, {"title": "不用了", "payload": "/deny"}]})
    events = [UserUttered("暑假有托管吗"), ActionExecuted("action_start_service"), offer,
              ActionExecuted("action_listen")]
    assert button_typed("看看我的情况", events) == "/childcare_service"
    assert button_typed("不用了。", events) == "/deny"
    assert button_typed("看看我的情况吧 孩子六岁", events) is None
    assert button_typed("看看我的情况", [*events, UserUttered("嗯")]) is None  # an older reply's


def _after_filing(text: str, pending: dict | None) -> Tracker:
    """A childcare sign-up summed up and filed, then the worker's next message."""

    message = parse(text, "childcare_service")
    events = [{"event": "bot", "text": "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
                                       "· 您说的情况：暑假孩子没人看\n· 事项：职工子女爱心托管报名\n· 地点：辛安"},
              {"event": "user", "text": "要，帮我登记"},
              {"event": "bot", "text": "已为您登记工单，工单号 GH202612070001，由辛安街道工会网格化工作总站负责。"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    slots = {"district": "辛安", "pending_case": pending}
    return Tracker("worker-1", slots, message, events, False, None, {}, "action_listen")


def test_a_question_right_after_filing_is_no_second_ticket_of_the_same_case():
    """ZR-02, ZR-03: 那个托管站具体在哪 / 转学的话老家学校要开啥证明不 right after filing offered the
    same ticket again (its 您说的情况 only the phone digits)."""
    from actions.router import _filed_for
    from actions.tickets import repeat_of_filed

    same = {"type": "other", "facts": {"question": "那个托管站具体在哪", "service": "职工子女爱心托管报名"}}
    tracker = _after_filing("那个托管站具体在哪 我明天自己过去看看行不", same)
    assert repeat_of_filed(tracker) == "GH202612070001"
    assert _filed_for("childcare_service", tracker, last=60) == "GH202612070001"
    assert _filed_for("legal_aid", tracker, last=60) is None  # another matter: offered as usual
    other = {"type": "other", "facts": {"service": "技能培训报名"}}
    assert repeat_of_filed(_after_filing("我还想报个电工培训", other)) is None
    more = {"type": "other", "facts": {"service": "职工子女爱心托管报名", "child_grade": "小学一年级"}}
    assert repeat_of_filed(_after_filing("孩子上一年级了", more)) is None  # a new fact: offered


def test_when_the_station_calls_after_filing_is_a_wish_on_the_ticket():
    """ZQ-01: 啥时候有人联系我 right after the wage ticket opened a second, callback ticket."""
    from actions.tickets import wish_about_the_ticket

    assert wish_about_the_ticket("啥时候有人联系我")
    assert wish_about_the_ticket("晚上有人吗 我白天上班接不了电话")
    assert not wish_about_the_ticket("我要找人工")


async def test_when_the_call_comes_is_told_from_the_filing_reply():
    """ZQ-01: 啥时候有人联系我 is told the day promised (no callback ticket, no note)."""

    from actions.tickets import note_on_ticket

    text = "啥时候有人联系我"
    message = parse(text, "request_human")
    events = [{"event": "bot", "text": "已为您登记欠薪工单，工单号 GH202612070003，由辛安街道"
                                       "工会网格化工作总站负责。工作人员会在 12月9日（周三）前给您打电话。"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await note_on_ticket(dispatcher, tracker) == []
    assert "12月9日（周三）前" in dispatcher.messages[0]["text"]


def test_when_the_double_wage_starts_is_told_from_the_day_the_worker_started():
    """ZR-16: 双倍从哪天开始算 我是十月八号进的厂 was read as overtime (the wage asked, then
    加班是哪几天 after 我没加班)."""
    from actions.legal import double_wage_from
    from actions.service_catalog import says_not_this

    line = double_wage_from("双倍从哪天开始算 我是十月八号进的厂", "")
    assert line and "11月8日算起" in line and "11个月" in line and "来源" in line
    again = double_wage_from("不是加班 是没签合同的双倍工资 从几号算", "我是10月8号进的厂")
    assert again and "11月8日" in again
    assert "几月几号" in (double_wage_from("双倍工资从什么时候开始算", "") or "")
    assert double_wage_from("双倍工资能要几个月", "") is None
    assert says_not_this("我没加班 就是登记不签合同的事", "overtime_pay")
    assert says_not_this("不是加班 是没签合同的双倍工资", "overtime_pay")
    assert not says_not_this("周末加班了两天", "overtime_pay")


def test_the_main_contractor_joins_the_employer():
    """ZQ-11, ZR-06: 总包是中建八局的项目 / 工地是中建的项目 were left off the ticket, and 总包是中建八局
    你咋没记上 showed the summary unchanged."""
    from actions.slot_mappings import with_main_contractor

    said = _told("包工头叫王大海 总包是中建八局的项目", {})
    assert with_main_contractor(said, {"employer": "王大海"})["employer"] == "王大海（总包：中建八局）"
    later = _told("总包是中建八局 你咋没记上", {"employer": "王大海"})
    assert with_main_contractor(later, {})["employer"] == "王大海（总包：中建八局）"
    site = _told("那八千多医药费能要回来吗 工地是中建的项目", {})
    assert with_main_contractor(site, {})["employer"] == "中建的项目（总包）"
    assert with_main_contractor(_told("总包是谁我不知道", {"employer": "王大海"}), {}) == {}


def test_a_name_called_with_its_surname_keeps_it():
    """包工头叫王大海: the NLU's span was 大海 (round 35 filed 单位 大海)."""
    from actions.validators import _whole_name

    text = "包工头叫王大海"
    assert _whole_name({"value": "大海", "start": 5}, text) == "王大海"
    assert _whole_name({"value": "海纳建筑", "start": 2}, "在海纳建筑上班") == "海纳建筑"


def test_a_saturday_said_with_its_hours_is_a_rest_day():
    """ZQ-04: 平时加了30个钟 礼拜六还干了一整天8小时 没补休 summed the 30 hours alone; 那礼拜六那8个钟呢
    咋没算 then counted the 8 hours at 150 %."""
    from actions.overtime_days import read_worked_days

    both = read_worked_days("上个月平时加了30个钟 礼拜六还干了一整天8小时 没补休 能拿多少加班费")
    assert (both.rest_days, both.extended_hours) == (1, 30)
    later = read_worked_days("那礼拜六那8个钟呢 咋没算")
    assert (later.rest_days, later.extended_hours) == (1, 0)
    four = read_worked_days("四个周六也都上了 每次8小时")
    assert (four.rest_days, four.extended_hours) == (4, 0)


def test_a_site_and_a_season_are_read_as_told():
    """ZQ-13: 从夏天干到现在 got 没听明白时间; 俺们在唐岛湾那边盖楼 was left off the ticket."""
    import actions.validators as v

    assert v.approximate_duration("从夏天干到现在 一直说年底给").value == "约从夏天干到现在"
    told = v.read_facts("俺们在唐岛湾那边盖楼 一个姓刘的包工头欠钱不给", [], v.Context(intent="wage_arrears"))
    assert told["employer"] == "姓刘的包工头，唐岛湾那边的工地"
    assert v.read_facts("在工地干活 包工头姓刘", [], v.Context(intent="wage_arrears"))["employer"] == "包工头姓刘"


def test_a_friends_place_asked_on_the_holiday_offer_is_answered_for_that_place():
    """ZQ-05: 那我老鄉在廣東呢 送外賣的 on 上海's subsidy offer got the offer again."""
    from actions.places import other_place_asked

    text = "那我老乡在广东呢 送外卖的"
    message = parse(text, "inform")
    events = [{"event": "slot", "name": "city", "value": "上海市"},
              {"event": "action", "name": "ticket_offer_form"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "city", "value": "广东"}]
    slots = {"city": "广东", "requested_slot": "wants_ticket",
             "pending_case": {"type": "subsidy_application", "facts": {"holiday_situation": "stay"}}}
    tracker = Tracker("worker-1", slots, message, events, False, None, {"name": "ticket_offer_form"},
                      "action_listen")
    assert other_place_asked(tracker) == "广东"


def test_what_a_callback_ticket_holds_is_shown_and_carries_what_happened():
    """ZR-14: 那个单子上都写了啥 after the crisis callback was written on it as a note; the
    callback held the phone and the place, none of 欠三个月工资 / 被开了."""
    from actions.handoff import callback_facts
    from actions.tickets import filed_content

    told = "老板欠我三个月工资还把我开了 房租也交不起"
    question = "那个单子上都写了啥"
    message = parse(question, "ticket_status")
    events = [{"event": "user", "text": told},
              {"event": "user", "text": "我在黄岛 电话13605329876"},
              {"event": "bot", "text": "已为您登记回电工单，工单号 GH202612070002，由西海岸负责。"},
              {"event": "user", "text": question, "parse_data": message}]
    slots = {"phone": "13605329876", "district": "黄岛区", "duration": "P3M"}
    tracker = Tracker("worker-1", slots, message, events, False, None, {}, "action_listen")
    assert told in callback_facts(tracker, "crisis")["question"]
    content = filed_content(tracker, "GH202612070002") or ""
    assert told in content and "136****9876" in content and "黄岛区" in content
    assert question not in content


def test_a_refusal_of_the_phone_said_first_is_one():
    """ZR-05: 先不留 我在青岛黄岛 我能参加吗 最多赔多少 was asked the phone again."""
    import actions.validators as v

    assert v.declines_phone("先不留 我在青岛黄岛 我能参加吗 最多赔多少")
    assert not v.declines_phone("不给报工伤 我想问问能赔多少钱")


def test_a_number_with_a_digit_too_many_is_said_so_and_a_hedge_is_no_employer():
    """ZR-03: 幺三八 零五三二 一二三四 五 (12 digits) got the same question with no word of what
    was wrong; ZR-02: 好像厂里给办过 filed 单位 好像厂."""
    import actions.validators as v
    from actions.hotline_form import _digit_count

    assert _digit_count("幺三八 零五三二 一二三四 五") == 12
    assert _digit_count("1380532123") == 10
    assert _digit_count("一万二") == 0
    facts = v.read_facts("户口在老家安徽 居住证不知道办没办 好像厂里给办过",
                         [{"entity": "employer", "value": "好像厂", "start": 17, "end": 20}],
                         v.Context(intent="school_placement"))
    assert "employer" not in facts


def test_a_new_point_asked_on_the_legal_offer_joins_the_case_and_the_place_shows_on_the_ticket():
    """ZR-07: 他也没提前通知我 … 这个还能多要吗 was left off the ticket (a question), and the place
    asked after the summary (青岛黄岛 薛家岛那边) was not shown with what the ticket holds."""
    from actions.forms import ValidateTicketOfferForm
    from actions.tickets import filed_content

    case = {"type": "legal_aid", "facts": {"case_points": "被辞退、没给钱", "question": "上个月突然说不要我了"}}
    tracker = form_tracker("ticket_offer_form", "wants_ticket", "他也没提前通知我 当天说当天走的 这个还能多要吗",
                           slots={"pending_case": case})
    changed = ValidateTicketOfferForm()._case_changes(tracker)
    assert "没提前通知" in changed.get("case_points", "")
    message = parse("查一下我这个单子写了啥", "ticket_status")
    events = [{"event": "bot", "text": "要不要登记？\n要登记的内容：\n· 情况要点：被辞退"},
              {"event": "bot", "text": "已为您登记律师咨询（法律援助）工单，工单号 GH202612070004，由…负责。"},
              {"event": "user", "text": "查一下我这个单子写了啥", "parse_data": message}]
    after = Tracker("worker-1", {"district": "薛家岛", "phone": "15253287766"}, message, events, False, None,
                    {}, "action_listen")
    content = filed_content(after, "GH202612070004") or ""
    assert "· 地点：薛家岛" in content and "152****7766" in content


def test_round36_readings():
    """ZS-09: 老板口我工资 说我吃到一次口两百 (voice input) was never answered as a deduction;
    ZS-03: 一个月才给1800 这合法吗 got 没太明白; ZT-08: 看看 typed under 好，看看 got 没太明白."""
    from actions.router import service_from_facts
    from bot.normalize.text import normalize_text
    from bot.typed_buttons import _same

    said = normalize_text("老板口我工资 说我吃到一次口两百 这个月口了八百块")
    assert said == "老板扣我工资 说我迟到一次扣两百 这个月扣了八百块"
    assert normalize_text("人口普查 我口渴了") == "人口普查 我口渴了"
    low = "我在黄岛一个饭店当服务员 一个月才给1800 这合法吗"
    assert service_from_facts({"amount": 1800, "district": "黄岛"}, low) == "minimum_wage"
    assert service_from_facts({"amount": 1800}, "老板欠我一个月工资1800") == "wage_arrears"
    assert _same("看看", "好，看看") and _same("帮我登记", "要，帮我登记") and not _same("看", "好，看看")


async def test_a_declined_phone_after_the_crisis_reply_keeps_the_person_and_the_lines():
    """ZT-15: 不想留电话 没人管我 right after the crisis reply (read as childcare) got the childcare
    answer."""
    from actions.router import CRISIS_NO_PHONE, ActionStartService

    text = "不想留电话 没人管我"
    message = parse(text, "childcare_service")
    events = [{"event": "user", "text": "我觉得活着没意思 药都买好了"},
              {"event": "bot", "text": "您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356。"},
              {"event": "bot", "text": "工会网格工作站现在不在服务时间。请留下您的手机号和所在的城市、区。"},
              {"event": "slot", "name": "callback_pending", "value": {"reason": "crisis"}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-1", {"callback_pending": {"reason": "crisis"}}, message, events, False, None,
                      {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, {})
    said = [m.get("text") for m in dispatcher.messages]
    assert said == [CRISIS_NO_PHONE]


def test_a_contract_term_corrected_is_no_time_worked():
    """ZT-16: 等下我翻了下合同 是两年的 不是三年 那六个月还合法不 was read as 干了2年 (the time
    limit answered), and the ticket then said 干了6个月."""
    from actions.legal import case_points, probation_lines
    from bot.normalize.text import normalize_text

    words = ("合同签了三年 试用期说是六个月 我大概干了两个月 现在说我试用期不合格让我走 试用期能定六个月吗 "
             "等下我翻了下合同 是两年的 不是三年 那六个月还合法不")
    assert probation_lines(words)[0].startswith("您签的是2年合同，试用期最长只能2个月")
    assert case_points(words)["time_worked"] == "2个月"
    # ZT-07 (voice input): 开出 is 开除, 请过家 is 请过假
    assert normalize_text("我被公司开出了 其实我请过家的") == "我被公司开除了 其实我请过假的"


def test_round36_more_readings():
    """ZS-06: 今年三月份公司 filed as the employer, and 一个月五千 能要多少补偿 after 把我辞了 got the
    legal-aid text with no figure; ZS-16: 他每次都说过两天给 became 欠薪时间 2天."""
    import actions.validators as v
    from actions.legal import MONTHS_ASK, worked_out

    assert v.employer_answer("今年三月份公司").value is None
    assert v.employer_answer("三月电子厂").value == "三月电子厂"
    assert "duration" not in v.read_facts("去年我一直微信找老板要钱 他每次都说过两天给 最后一次是今年八月", [],
                                          v.Context(intent="wage_arrears"))
    assert v.read_facts("欠了两天的工资", [], v.Context(intent="wage_arrears"))["duration"] == "P2D"
    words = "今年三月份公司把我辞了 啥理由也没说 也没给钱 一个月五千 能要多少补偿"
    assert worked_out("一个月五千 能要多少补偿", words, 5000, asked_wage=False) == [MONTHS_ASK]
    months = worked_out("三年五个月", words + " 三年五个月", 5000, asked_wage=False, redo=True)
    assert months and "3年5个月" in months[0] and "17,500" in months[0]


def test_a_what_if_after_filing_changes_no_filed_fact_and_is_no_legal_question():
    """ZT-02: 要是没有居住证咋办 还能转过来吗 after the school ticket changed 户口情况 to 没有居住证
    and, read with the school's documents (劳动合同), offered legal aid."""
    from actions.services import service_just_answered
    from actions.slot_mappings import _WHAT_IF

    assert _WHAT_IF.match("要是没有居住证咋办 还能转过来吗") and not _WHAT_IF.match("没有居住证")
    text = "要是没有居住证咋办 还能转过来吗"
    message = parse(text, "school_placement")
    events = [{"event": "user", "text": "孩子想转到黄岛上三年级"},
              {"event": "bot", "text": "随迁子女一般凭父母居住证、务工证明（劳动合同或社保缴纳记录）入学。"},
              {"event": "user", "text": "要，帮我登记"},
              {"event": "bot", "text": "已为您登记子女入学协调工单，工单号 GH202612070001，由…负责。"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")
    assert service_just_answered(tracker) is None


def test_what_to_bring_to_the_station_is_answered():
    """ZT-10: 中 那俺周六去 带啥东西不 after the station's card got the hours again."""
    from actions.station_followup import station_detail_reply

    card = ("工会网格工作站：辛安街道工会网格化工作总站\n地址：青岛西海岸新区辛安街道\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00")
    text = "中 那俺周六去 带啥东西不"
    message = parse(text, "find_station")
    events = [{"event": "user", "text": "辛安的工会站在哪"}, {"event": "bot", "text": card},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")
    reply = station_detail_reply(tracker) or ""
    assert "身份证" in reply and "09:00" in reply


async def test_round37_what_the_ticket_holds_and_its_number_again():
    """ZV-01, ZV-12, ZT-01: GH202612070002 里面都写了啥 / 现在单子上都有啥 / 工单GH…里面写了我居住证一年吗
    were written on the ticket as notes or got 没明白; ZU-15: 工单号再发我一遍 restarted the form."""
    from actions.tickets import note_on_ticket

    def after_filing(text: str) -> Tracker:
        message = parse(text, "ticket_status")
        events = [{"event": "bot", "text": "请核对一下要登记的欠薪情况：\n· 单位：海纳建筑\n· 金额：24,000 元"},
                  {"event": "bot", "text": "已为您登记欠薪工单，工单号 GH202612070002，由辛安负责。"},
                  {"event": "user", "text": text, "parse_data": message}]
        return Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")

    for text in ("GH202612070002 里面都写了啥", "现在单子上都有啥", "工单GH202612070002里面写了金额吗"):
        dispatcher = CollectingDispatcher()
        assert await note_on_ticket(dispatcher, after_filing(text)) == []
        assert dispatcher.messages[0]["text"].startswith("工单 GH202612070002 上登记的是"), text
    dispatcher = CollectingDispatcher()
    assert await note_on_ticket(dispatcher, after_filing("工单号再发我一遍 刚才没记住")) == []
    assert "GH202612070002" in dispatcher.messages[0]["text"]


def test_a_probation_pay_below_the_agreed_pay_and_a_voice_slip_of_probation():
    """ZU-08: 签了一年合同是用期六个月工资说好五千是用期只给三千五 got the minimum wage, then a
    silent turn (the system apology) after 不对 是3500."""
    from actions.legal import probation_lines
    from bot.normalize.text import normalize_text

    lines = probation_lines(normalize_text("签了一年合同是用期六个月工资说好五千是用期只给三千五这个合法吗"))
    assert "试用期最长只能2个月" in lines[0] and "4,000" in lines[1] and "少了 500 元" in lines[1]


def test_round37_times_and_places_that_are_not_the_workers():
    """ZU-03: 上班一个月到手才1800 read as one month worked (a severance offered); ZU-06: 被辞退了
    到现在大概一年零两个月了 summed as the time worked; ZU-14: 过了年再回貴州 taken as the place."""
    from actions.legal import months_said_now, months_worked
    from actions.slot_mappings import place_of_hukou

    assert months_worked("我在黄岛区电子厂上班一个月到手才1800 会不会被开除啊") is None
    assert months_said_now("去年被厂里辞退了 到现在大概一年零两个月了 现在还能去仲裁吗") is None
    assert months_said_now("在这干到现在三年了") == 36
    assert months_worked("干了一个月 7000") == 1
    undone = slot_values(place_of_hukou(_told("回家的路费报不报？我想过了年再回贵州", {"city": "贵州"})))
    assert undone == {"city": None}


def test_a_months_pay_said_to_how_many_is_no_head_count():
    """This stop's own check: 一个月八千五 said to 有多少工友被欠薪 filed 人数 1 (一个 of 一个月)."""
    import actions.validators as v

    assert v.head_count("一个月八千五").value is None
    assert v.head_count("干了三个月 就我一个").value == 1
    assert v.head_count("5个人 欠了三个月").value == 5
    assert v.head_count("三个").value == 3
