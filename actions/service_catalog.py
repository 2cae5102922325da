"""The services the hotline offers, named once: their forms, their Chinese names and the words
that name them in a message.

The lowest layer of the dialogue code (it imports nothing of ``actions/``): the entry action
(``actions/router.py``), the forms (a service asked for mid-form) and the base action (the
second topic of a message, ``actions/next_service.py``) all read these tables, so none of them
has to import another to learn what a service is called.
"""

from __future__ import annotations

import re

from bot.normalize.text import normalize_text

# The service → the form that serves it (the services with a form of their own).
SERVICE_FORMS = {
    "wage_arrears": "wage_arrears_form", "overtime_pay": "overtime_form",
    "minimum_wage": "minimum_wage_form", "school_placement": "school_form",
    "relief_eligibility": "relief_form", "holiday_subsidy": "holiday_subsidy_form",
    "find_station": "find_station_form", "ticket_status": "ticket_status_form",
}
# Services answered by one action from the backend's policies (actions/services.py).
POLICY_SERVICES = {"legal_aid", "mutual_insurance", "childcare_service", "skills_training"}
# Intents that ask for a service: a form steps aside for them mid-form (None: no form).
SERVICE_INTENTS: dict[str, str | None] = {
    **SERVICE_FORMS, **dict.fromkeys(sorted(POLICY_SERVICES)), "psych_support": None,
}
SERVICE_NAMES = {
    "wage_arrears": "讨要欠薪", "overtime_pay": "算加班费", "minimum_wage": "最低工资",
    "school_placement": "孩子上学", "relief_eligibility": "困难救助",
    "holiday_subsidy": "过年补贴", "find_station": "找服务站", "ticket_status": "查工单",
    "legal_aid": "法律援助", "mutual_insurance": "互助保障", "childcare_service": "子女托管",
    "skills_training": "技能培训",
}
# Words that name a service on their own, for the second topic of a message.
SERVICE_WORDS = (
    ("wage_arrears", r"欠薪|拖欠|讨薪|欠(?:了)?(?:我|俺|我们)?.{0,12}(?:工资|工钱|血汗钱)|"
                     r"欠(?:了)?(?:我|俺|我们|咱)的?(?:钱|[0-9一两三四五六七八九十几]+(?:千|万|百|块))|"
                     r"(?:老板|包工头|工头|公司|厂里|单位)欠(?:了)?钱|"
                     r"工资.{0,4}(?:没发|不发|要不回|讨不回)|"
                     # 工资拖了两个月了 / 工钱拖着不给 (round 52: a no-contract answer alone, the pay dropped)
                     r"(?:工资|工钱|薪水)(?:都|又|一直|还)?拖(?:了|着|到)|"
                     r"(?:钱|工钱|工资).{0,3}(?:没拿到|拿不到|一分没)|一分钱?(?:都|也)?没(?:拿到|给|发)|"
                     r"(?:包工头|老板|工头)(?:人)?(?:跑了|跑路|卷钱|不见了|找不到)"),
    # 国庆1号到3号我都上班了厂里按平时给的 (XG-12: a second topic never offered): holiday or rest days
    # worked and paid as a normal day
    ("overtime_pay", r"加班费|加班工资|加班.{0,6}(?:怎么算|多少钱|拿多少)|"
                     r"(?:国庆|五一|元旦|中秋|端午|清明|初[一二三四五六七]|除夕|年三十|节假日|法定假|春节|过年|"
                     r"周末|周六|周日|礼拜[六天日])[^。！？?!]{0,12}?(?:上班|干活|加班|上了|干了)[^。！？?!]{0,10}?"
                     r"(?:按平时|照平时|平时给|跟平时一样|没多给|没给加班|没有加班|不给加班|少给|"
                     r"(?:工资|工钱|钱)?(?:咋算|怎么算|怎么给|咋给|给多少|算多少|拿多少|给几倍|几倍))"),
    ("minimum_wage", r"最低工资"),
    ("school_placement", r"上学|上不了学|没学上|入学|学位|转学|上小学|上初中|上幼儿园|"
                         r"(?:上|读|念|进)(?:初[一二三]|[一二三四五六]年级)|"
                         r"学校\S{0,8}(?:不收|不要|不让|不接收|拒收|没名额|满了|没学位)"),
    # 托管 named: the school words only say where the child is (孩子上幼儿园 放学后没人看)
    # 孩子住院这种工会能不能帮点 (CC-15: ignored inside the wage case, then 没明白)
    ("relief_eligibility", r"救助|困难补助|帮扶|(?:住院|看病|治病|医药费|医疗费|手术)\S{0,8}?"
                           r"(?:工会|能不能帮|能帮|帮点|帮一把|补助|救济)"),
    ("holiday_subsidy", r"过年.{0,6}(?:补贴|红包|补助)|留岗补贴|留厂.{0,4}(?:补贴|红包)|"
                        r"过年.{0,3}不回(?:家|去|老家)|不回(?:家|去|老家)过年|留.{0,4}过年|就地过年|"
                        r"留(?:沪|粤|桂|京|厂)"),
    ("childcare_service", r"托管|看孩子|带孩子|照看孩子|孩子没人(?:带|管|看)"),
    ("find_station", r"服务站|工作站|网格站"),
    # a labour-law matter, not unpaid wages (T-08: 让我明天别来了 … 这合法吗 went to the wage form)
    ("legal_aid", r"律师|仲裁|法律援助|打官司|工伤|(?:签|劳动)合同|合同.{0,3}没签|社保|五险|社会保险|"
                  r"辞退|开除|解雇|裁员|炒鱿鱼|(?:不用|别|不要|不让我?)(?:再)?来了|把我开了|被开了|给开了|不用[我俺]了|"
                  r"被.{0,4}开了|开了我|让我走人|试用期|押金|扣(?:押)?(?:了)?(?:我的?)?身份证|经济补偿|赔偿金|私了"),
    ("mutual_insurance", r"互助保障|互助保险|职工互助|大病互助"),
    ("skills_training", r"技能培训|职业培训|职工书院|培训班|学(?:个|门)?(?:技术|手艺)|考(?:个)?证|"
                        # 俺想学个电焊 有没有免费培训 (p2-8: the second topic dropped)
                        r"(?:免费|电焊|焊工|电工|叉车|厨师|育婴|家政|电脑|月嫂)\S{0,2}培训|"
                        r"想学(?:个|门|点)?\S{0,3}(?:电焊|焊|电工|叉车|厨|手艺|技术)"),
)


# social insurance said to be paid (a school place's or a subsidy's condition), not a dispute
# (合同社保都有 for a school place — ZX-01: a legal-aid case nobody asked for was queued)
_INSURANCE_PAID = re.compile(r"(?:交|缴)了\S{0,4}?(?:社保|五险|社会保险)|(?:社保|五险|社会保险)(?:一直|都|也)?"
                             r"(?:交|缴)了|有社保|(?:劳动)?合同?(?:和|跟|、)?(?:社保|五险)(?:都|也|一直)?有")
_INSURANCE_UNPAID = re.compile(r"[没不未断停欠漏少]|吗|没有|是否")
_LEGAL_WORDS_BUT_INSURANCE = dict(SERVICE_WORDS)["legal_aid"].replace("社保|五险|社会保险|", "")


# 扣完社保到手2100 (the minimum wage asked, the legal-aid answer given): the worker's share
# taken from the pay, the way pay is told, not a dispute about social insurance
_INSURANCE_DEDUCTED = re.compile(r"(?:扣|除|刨|去掉|减)(?:完|了|掉|去|除)?(?:了)?\S{0,3}?"
                                 r"(?:社保|五险一金|五险|社会保险|公积金)")


def _insurance_only_paid(text: str) -> bool:
    """社保交了两年 / 扣完社保到手2100: social insurance said to be paid or taken from the pay,
    and no other word of a legal matter."""
    paid = [m for m in _INSURANCE_PAID.finditer(text)
            if not _INSURANCE_UNPAID.search(text[max(0, m.start() - 6):m.end() + 2])]
    paid += list(_INSURANCE_DEDUCTED.finditer(text))
    rest = _INSURANCE_DEDUCTED.sub("", _INSURANCE_PAID.sub("", text))
    return bool(paid) and not re.search(r"社保|五险|社会保险|[没不未断停](?:给我?)?(?:交|缴)|欠缴", rest) \
        and not re.search(_LEGAL_WORDS_BUT_INSURANCE, rest)


# the hotline's words typed in pinyin (laoban qian wo gongzi 我在成都装修公司…, XG-16: the menu)
_PINYIN = {"tuoqian": "拖欠", "qianxin": "欠薪", "qian": "欠", "gongzi": "工资", "gongqian": "工钱", "laoban": "老板",
           "jiabanfei": "加班费", "jiaban": "加班", "baogongtou": "包工头", "shangxue": "上学", "gongshang": "工伤",
           "hetong": "合同", "shebao": "社保", "butie": "补贴", "tuoguan": "托管", "zhuanrengong": "转人工"}
_PINYIN_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def from_pinyin(text: str) -> str:
    """The pinyin words of the hotline's matters written in characters (others left as typed)."""
    return _PINYIN_WORD.sub(lambda m: _PINYIN.get(m.group(0).lower(), m.group(0)), text or "")


def services_named(text: str) -> list[str]:
    """Services a message names in words, in the order it names them."""
    text = from_pinyin(text) if _PINYIN_WORD.search(text or "") else text
    found = [(m.start(), service) for service, pattern in SERVICE_WORDS
             if (m := re.search(pattern, text or ""))
             # 我上次孩子上学那个单子 (Z-15): the ticket it names, not a second request
             and not re.match(r"\S{0,4}(?:单子|工单|那一单)", (text or "")[m.end():])]
    services = [service for _, service in sorted(found)]
    if "legal_aid" in services and _insurance_only_paid(text or ""):
        services.remove("legal_aid")  # 社保交了两年 for a school place (NN-01): paid, no dispute
    if "childcare_service" in services and "school_placement" in services \
            and not school_asked_beside_care(text or ""):
        services.remove("school_placement")  # H06: a childcare sign-up, no school case
    return services


# 想把儿子从老家转过来上二年级 / 外地户口咋报名 … 还有托管 (V-17, T-18: only 托管 was answered)
_SCHOOL_PROBLEM = re.compile(r"上不了学|没学上|入学|学位|转学|不收|报不上|进不去|借读|转过来|转回来|转到|"
                             r"外地户口|户口")
# 孩子转学过来了 / 外地户口 孩子在这边上学 told beside 托管 (XR-4: the school form and 您在哪个城市): the
# child's situation, not a school case — a school case is a clause (without the care words) that
# tells a trouble of the place itself or asks about getting one
_CARE_WORDS = re.compile(r"托管|看孩子|带孩子|照看|没人(?:带|管|看|接)|放学后?\S{0,3}没人")
_SCHOOL_TROUBLE = re.compile(r"上不了学|没学上|没(?:有)?学位|学位|不收|拒收|报不上|进不去|借读|没名额|插班")
_SCHOOL_ASKED = re.compile(r"(?:想|要|准备|打算|该|咋|怎么|怎样|如何|能不能|能否|可不可以|可以)\S{0,8}?"
                           r"(?:转学|转过来|转回来|转到|入学|报名|上学|插班|上[一二三四五六]年级|上小学|上初中)|"
                           r"(?:转学|转过来|转回来|转到|入学|报名|户口)\S{0,8}?"
                           r"(?:咋|怎么|怎样|如何|能不能|能否|行不行|吗|么|要啥|要什么|啥材料|什么材料|准备啥|准备什么)")


def school_asked_beside_care(text: str) -> bool:
    """A clause of the message, the care words aside, tells or asks a school-place matter (孩子上不了学 /
    外地户口咋报名), not only who the child is (孩子转学过来了 / 外地户口)."""
    for clause in re.split(r"[\s，,。；;！!？?]+", text or ""):
        if not clause or _CARE_WORDS.search(clause):
            continue
        if _SCHOOL_TROUBLE.search(clause) or (_SCHOOL_PROBLEM.search(clause) and _SCHOOL_ASKED.search(clause)):
            return True
    return False


# (是不是低于最低工资 asks; it says no service is unwanted)
_NOT_THIS = re.compile(r"(?:(?<!是)不是|并不是|说的不是|问的不是|没说|没提|没问|没要|不要|不办|不用办)"
                       r"([^\s，,。.！!？?]{1,8})")
_NOT_PAY = re.compile(r"不是(?:欠钱|欠薪|欠(?=\s|[，,是])|要钱|要工资|讨薪|讨钱)|(?:没|不)欠(?:钱|工资|我钱)")
# 把腿整折了 包工头不给报 (J-10): an injury at work, which the model reads as unpaid wages
INJURY = re.compile(r"(?:腿|手|胳膊|腰|脚|手指|头)\S{0,4}(?:断|折|伤|轧|砸|压|夹|切|卷)|手指头?没了|"
                    r"摔伤|砸伤|受伤|骨折|工伤")


def services_meant(text: str) -> list[str]:
    """The services a message names, less those it says it is not about: 不是欠工资 是工伤
    → legal aid (J-10: the wage form went on asking how much was owed)."""
    named = services_named(text)
    return [s for s in named if s not in _negated(text)]


# 我没加班 / 不是加班 (ZR-16: the overtime form asked on): 加班 alone names no service
# (计件没有加班费 是真的吗 — ZW-14 got 好的，不办“算加班费”: no overtime PAY is the complaint itself)
_NO_OVERTIME = re.compile(r"(?:(?<!是)不是|没问|不问|没说)(?:什么|啥)?加班|"
                          r"(?:没|没有)(?:什么|啥)?加班(?!费|工资|钱|的钱)")


# 啥法律援助 我没说这个啊 (ZX-01: the legal-aid case was started): the service the message names
# is the 这个 it says it never asked about
_NOT_SAID_THIS = re.compile(r"(?:没说|没提|没问|没要|没让|没想)(?:过)?(?:这个|这事|这些|那个)")


# 俺要办的是工伤 不是补贴 (XJ-7: a 补贴申请 ticket was filed): a bare word the service tables do
# not take alone (补贴 names no service without 过年), said as not wanted
_BARE_NOT_WANTED = ((re.compile(r"^(?:那个|这个)?(?:过年的?)?(?:补贴|红包|慰问|年货|留岗|意外险|意外保险|意外保障)"),
                     {"holiday_subsidy"}),
                    (re.compile(r"^(?:那个|这个)?(?:补助|救助|困难补助)"), {"relief_eligibility"}),
                    (re.compile(r"^(?:那个|这个)?(?:互助|大病)(?:险|保险|保障)?"), {"mutual_insurance"}))


def _negated(text: str) -> set[str]:
    """The services a message says it is not about."""
    negated = {s for m in _NOT_THIS.finditer(text or "") for s in services_named(m.group(1))}
    negated.update(s for m in _NOT_THIS.finditer(text or "") for bare, services in _BARE_NOT_WANTED
                   if bare.match(m.group(1)) for s in services)
    if said := _NOT_SAID_THIS.search(text or ""):
        negated.update(services_named(text[:said.end()]))  # (named before it: 那我去工作站 is asked)
    if _NOT_PAY.search(text or ""):
        negated.add("wage_arrears")
    if _NO_OVERTIME.search(text or ""):
        negated.add("overtime_pay")
    return negated


def says_not_this(text: str, service: str) -> bool:
    """The message says it is not about ``service`` (不是欠工资 / 俺说了不是欠钱)."""
    return service in _negated(text)


# 那我去哪申请 / 找谁申请呢 / 在哪办 right after a service's answer (YV-04: the menu): where and
# how to apply for THAT service. Only the question itself (去哪办居住证 asks about a document)
_WHERE_TO_APPLY = re.compile(
    r"(?:(?:去|到|上|在|找)哪(?:里|儿|个地方|个部门)?|哪里|找谁|找哪个?)(?:申请|办理?|领取?|报名|递材料|交材料)|"
    r"(?:怎么|咋|如何)(?:申请|办理|领取?)|申请(?:的话)?.{0,3}(?:去哪|在哪|找谁|哪里)(?:里|儿)?")
_ONLY_PARTICLES = re.compile(r"[啊呀呢吗嘛哇啦的哈呗？?。！!，,~\s]*$")


def asks_where_to_apply(text: str) -> bool:
    """The message asks only where (or how) to apply — no other thing named after it."""
    text = (text or "").strip()
    return any(_ONLY_PARTICLES.fullmatch(text[m.end():])
               for m in _WHERE_TO_APPLY.finditer(text))


# The marks a reply leaves of the service it answered (the bot's own words, newest first):
# 当地工会的过年措施 / 补贴申请工单, a relief verdict, the school rule…
_ANSWER_MARKS = (
    ("holiday_subsidy", r"过年措施|补贴申请|留\S{0,4}过年|春节集体协议"),
    ("relief_eligibility", r"救助|建档|帮扶"),
    ("school_placement", r"随迁子女|入学|子女入学协调"),
    ("mutual_insurance", r"互助保障"),
    ("childcare_service", r"托管"),
    ("skills_training", r"职工书院|技能培训"),
    ("legal_aid", r"法律援助|仲裁"),
)


def service_of_reply(text: str) -> str | None:
    """The service one reply of the bot was about (the first mark in the table's order)."""
    return next((service for service, mark in _ANSWER_MARKS if re.search(mark, text or "")), None)


def where_to_apply(service: str, where: str, policy: dict | None = None) -> str:
    """Where and how to apply for ``service``: ``where`` names the worker's station (or the
    usual places when none is known); what to bring comes from the policy record, never made
    up — a service with no list on record says who tells them."""
    details = (policy or {}).get("details") or {}
    if service == "school_placement":
        documents = "、".join(details.get("documents") or []) or "父母居住证、务工证明、户口簿、孩子出生证明"
        return (f"孩子入学的申请交给居住地区（县）教育部门（按当地教育局当年的随迁子女入学公告，网上或现场报名）；"
                f"要准备：{documents}。报名遇到学位紧张、转学或被拒收，找{where}，工作站出面和学校、教育部门协调。")
    if service == "relief_eligibility":
        return (f"困难救助要本人向工会申请：到{where}（或所在单位工会）提出，带上身份证，和看病花费的票据、"
                "家庭收入等困难情况的材料；还没建档的先在那里申请建档，工作人员核实后按困难、特困的标准办。")
    if service == "holiday_subsidy":
        return (f"过年的慰问和补贴通过所在单位工会，或者当地工会（{where}）登记领取，不用自己去跑窗口；"
                "要带什么、什么时候领，以单位工会和当地工会的安排为准，可以打职工服务热线 12351 问。")
    if service == "mutual_insurance":
        steps = "；".join(details.get("claim_steps") or []) or "保留病历、诊断证明、费用票据，通过单位工会提交申请"
        return (f"职工互助保障一般通过所在单位的工会参加和申请给付；单位没有工会的，找{where}。"
                f"申请给付：{steps}。")
    if service == "legal_aid":
        return (f"法律援助可以找：① {where}，工会提供免费法律咨询、代写文书、调解和仲裁代理；"
                "② 当地的法律援助中心（市、区司法局设立），打 12348 能问到离您最近的一处。")
    return f"可以到{where}申请，也可以打职工服务热线 12351 问怎么办。"


# 你们是哪个工会的 / 你们是谁 / 这是哪个单位的 / 这个热线是谁开的 (XV-3: nlu_fallback or the station search):
# who runs the hotline — never 这补贴是哪个单位发的 (a question about something else) nor 我该找哪个工会
_WHO_SUBJECT = (r"(?:你们|您们|你|您|这里|这儿|这边|"
                r"这个?(?:热线|号码?|电话|平台|助手|机器人|小程序|公众号|网站|客服|服务)?)(?:到底|究竟|是)?")
_WHO_WE_ARE = re.compile(
    _WHO_SUBJECT + r"(?:是|属于|归|算)(?:哪个|哪家|哪一个|哪一家|什么|啥|哪里的?|哪儿的?|哪的?)"
    r"(?:地方的?)?(?:工会|单位|部门|机构|组织|平台|热线)|"
    r"(?:你们|您们)(?:到底|究竟)?是(?:谁|什么人|啥人|干啥的|干什么的|做什么的|哪的|哪儿的|哪里的)|"
    r"(?:你们|这个?(?:热线|号码?|电话|平台|助手|机器人|小程序|公众号|网站|客服)|热线|平台)(?:是)?"
    r"(?:谁|哪个单位|哪个工会|哪家单位|哪个部门)(?:办|开|运营|主办|管理|负责|搞)的|"
    r"(?:你们|你|您|这)(?:是不是|是)(?:工会|官方|政府)(?:的|办的)?(?:人)?(?:吗|么|嘛|啊|不|[?？]|$)|"
    # 本地是哪儿 / 你们本地是哪个城市 right after 本热线的网格工作站只在本地 (XZ-10: the card again, then
    # 帮不上忙): which place the hotline is of
    r"(?<![我俺咱他她])本地(?:是|在)(?:哪|什么地方|啥地方|什么城市|啥城市)|"
    r"(?:你们|您们|这个?热线|热线)(?:本地|当地)?(?:是|在)(?:哪个|哪座|什么|啥)(?:城市|市|地方)")


def asks_who_we_are(text: str) -> bool:
    """The message asks who runs the hotline (which union, which organisation)."""
    return bool(_WHO_WE_ARE.search(re.sub(r"\s+", "", text or "")))


# 我冇問過年補貼啊 我問嘅係學技術 / 唔關過年事 (VF-3: a courier's training question sent into the
# Spring Festival subsidy form, 留下来过年还是错峰回家 asked after two pushbacks): the holiday is
# said to be no part of the matter
_NOT_THE_HOLIDAY = re.compile(r"(?:不关|不干|无关|没问|不问|不是问|问的不是|说的不是|没说|没要|不要)"
                              r"(?:什么|啥)?(?:过年|春节|补贴|过节)|"
                              r"(?:过年|春节|补贴)\S{0,3}(?:没关系|无关|不相关|没啥关系|的事不问)|"
                              r"(?:跟|和|与)(?:过年|春节|补贴)\S{0,2}(?:没|无)(?:关|啥关)")


def holiday_subsidy_denied(text: str) -> bool:
    """The worker says the Spring Festival subsidy is not what they ask about (traditional
    characters and Cantonese read too: 我冇問過年補貼 / 唔關過年事)."""
    return bool(_NOT_THE_HOLIDAY.search(normalize_text(text or "").replace(" ", "")))


def service_instead_of_subsidy(text: str) -> str | None:
    """The service a message that denies the holiday subsidy asks about instead (我問嘅係學技術 →
    skills_training); None when it names none (唔關過年事 多謝 冇嘢喇: the form ends, nothing starts)."""
    if not holiday_subsidy_denied(text):
        return None
    meant = [s for s in services_meant(normalize_text(text or "")) if s != "holiday_subsidy"]
    return meant[0] if meant else None
