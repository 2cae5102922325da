"""The crisis guard (issue 10, item 7): crisis words win over the intent classifier, and the
word list does not fire on the non-crisis sentences of the training and held-out data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.crisis import self_harm as is_crisis  # the word list of suicide and self-harm (violence: its own test)
from bot.nlu.crisis_guard import CrisisGuard
from bot.nlu.crisis_words import WORDS_FILE, compile_words, load_words
from bot.settings import ROOT

ISSUE_SENTENCE = "工资要不回来 家里也指望不上 真的不想活了"
CRISIS = [ISSUE_SENTENCE, "我真的不想活了",
          # round 10 (T-17, T-20): 没啥意思, and self-harm said as 划
          "我这当妈的真没用 活着也没啥意思", "这几天睡不着拿刀在胳膊上划了几道心里才好受点",
          "我这几天老想划自己",
          # round 12: the wrist cut with words between, and bleeding now
          "公司不给交社保还把我开了 我昨天晚上割了手腕 现在还在流血 我该怎么办",
          "活着没意思", "感觉活着没什么意思", "想一了百了",
          "我想自杀", "活不下去了 老板还欠我钱", "欠了很多钱 想一死了之", "真想从这楼上跳下去",
          "孩子上不了学 我也不想活了 我在崂山区", "加班费一分没有 撑不下去了 想跳楼",
          "真的不想活了", "真的不想活了。", "不 想 活 了", "我想輕生", "活著沒意思",
          "医药费三千多 已经买好药了", "老板不给钱我就去跳河", "我在辛安街道 想结束这一切",
          # missed by the list until tried by hand against the running product
          "要不回来我就从塔吊上跳下来", "包工头欠了我一年工钱 活着太累了", "我真的想不开了",
          "老板欠钱不给 我要跟他同归于尽", "我不想再活了", "逼得我没活路了 死给他们看",
          # round 38 (ZX-13: 没太明白, no hotlines): a 小刀, and the 手臂
          "睡不着 最近又开始用小刀划手臂了 不想跟任何人说", "晚上拿美工刀在大腿上划"]
NOT_CRISIS = ["最近压力很大睡不着", "老板欠我三个月工资", "活儿太多了", "累死了 天天加班",
              "热死了 工地上没有空调", "感觉很绝望", "心理援助热线是多少", "老板死活不给钱",
              "这活干不下去了 想换工作", "工资少得可怜", "不想干活了 想回老家",
              "干活太累了", "这事我想不通", "这个刀具厂欠钱 划了账", "这活儿划算吗",
              "干活的时候手臂被铁皮划伤了 算工伤吗", "切菜的时候刀把手划了个口子"]


def _guarded(text: str, intent: str, confidence: float) -> Message:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": confidence},
                            INTENT_RANKING_KEY: [{"name": intent, "confidence": confidence},
                                                 {"name": "psych_support", "confidence": 0.01}]})
    CrisisGuard().process([message])
    return message


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_words_are_found_anywhere_in_the_message(text):
    assert is_crisis(text)


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_ordinary_hardship_is_not_a_crisis(text):
    assert not is_crisis(text)


@pytest.mark.parametrize("intent,confidence", [("wage_arrears", 0.98), ("nlu_fallback", 0.45),
                                               ("inform", 0.6), ("affirm", 1.0)])
def test_the_guard_outvotes_any_intent(intent, confidence):
    message = _guarded(ISSUE_SENTENCE, intent, confidence)
    assert message.get(INTENT) == {"name": "psych_support", "confidence": 1.0}
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": "psych_support", "confidence": 1.0}
    assert [r["name"] for r in ranking].count("psych_support") == 1
    assert message.get("crisis") is True and "不想活" in message.get("crisis_words")
    # the marks reach the parse data the tracker keeps
    assert message.as_dict(only_output_properties=True)["crisis"] is True


def test_the_guard_leaves_other_messages_alone():
    message = _guarded("老板欠我三个月工资", "wage_arrears", 0.98)
    assert message.get(INTENT) == {"name": "wage_arrears", "confidence": 0.98}
    assert message.get("crisis") is None


def test_the_guard_is_the_last_step_of_the_pipeline():
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    names = [step["name"] for step in pipeline]
    assert names[-1] == "bot.nlu.crisis_guard.CrisisGuard"
    assert names.index("FallbackClassifier") < names.index(names[-1])


def test_trainers_extend_the_list_with_words_and_gaps():
    pattern = compile_words(["活着没…意思", "跳 楼"])
    assert pattern.search("活着没啥意思") and pattern.search("跳楼")
    assert not pattern.search("活着没有钱的日子，工作也很有意思了")  # gap at most 6 characters
    assert compile_words([]).search("不想活") is None
    assert "不想活" in load_words(WORDS_FILE)
    assert "怎么加词" in WORDS_FILE.read_text(encoding="utf-8")  # the how-to for trainers


def _examples(path: Path):
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            text = line.strip().removeprefix("- ")
            text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", text)  # entity markup
            if text:
                yield block["intent"], text


def test_the_list_fires_on_no_sentence_of_another_intent_in_the_nlu_data():
    files = sorted((ROOT / "data" / "nlu").glob("*.yml")) + [ROOT / "tests/nlu/heldout.yml"]
    examples = [(f.name, intent, text) for f in files for intent, text in _examples(f)]
    assert len(examples) > 500
    wrong = [e for e in examples if e[1] != "psych_support" and is_crisis(e[2])]
    assert wrong == []
    # and among the psych_support examples it fires on the crisis ones only
    psych = {text: is_crisis(text) for _, intent, text in examples if intent == "psych_support"}
    assert psych["我不想活了"] and psych["欠了很多钱 想一死了之"]
    assert not psych["最近压力很大睡不着"] and not psych["有没有心理热线"]
    assert 15 <= sum(psych.values()) <= 25, sorted(t for t, c in psych.items() if c)


@pytest.mark.parametrize("text,intent,result", [
    ("你是机器人吧 俺要找真人 转人工", "bot_challenge", "request_human"),   # Z-14
    ("你是机器人吧 我要跟真人说", "bot_challenge", "request_human"),   # VV-13
    ("转人工", "greet", "request_human"),
    ("老板欠我工资 转人工", "wage_arrears", "wage_arrears"),  # the entry action hands over, case kept
    ("你是机器人吗", "bot_challenge", "bot_challenge"),
    ("转人工 我不想活了", "bot_challenge", "psych_support"),  # a crisis wins
])
def test_an_explicit_request_for_a_person_is_a_command(text, intent, result):
    assert _guarded(text, intent, 0.9).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,result", [
    ("人数不对 俺加上他们三个 是四个人", "inform"),     # CC-14: a callback ticket was filed
    ("一共五个人", "inform"),
    ("我跟我老乡 还有我表哥 一共三个", "inform"),   # make simulate: read as request_human (0.55)
    ("我们五个人想找个人问问", "request_human"),        # a person asked for, with a count
    ("有人吗", "request_human"),
    ("找工作人员", "request_human"),
])
def test_a_count_of_people_is_no_request_for_a_person(text, result):
    assert _guarded(text, "request_human", 0.84).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,result", [
    ("福田那个小程序叫什么名字", "out_of_scope"),   # the e2e fact table: 我是工会的智能助手
    ("那能给多少 你说俺是先辞职还是先去告", "out_of_scope"),  # RR-09
    ("你叫什么名字", "bot_challenge"),
    ("你是机器人吗", "bot_challenge"),
])
def test_the_name_of_a_thing_is_no_question_about_the_bot(text, result):
    assert _guarded(text, "bot_challenge", 0.8).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,entities,result", [
    # HH-13: a phone and a question about the callback started a school form nobody asked for
    ("13109287765 啥时候能打过来", [{"entity": "phone", "value": "13109287765"}], "inform"),
    ("啥时候能打过来", [], "out_of_scope"),
    ("孩子上学的事", [], "school_placement"),
    ("俺家嫚儿上一年级", [], "school_placement"),
    ("没有居住证能上吗", [], "school_placement"),
])
def test_a_school_intent_needs_a_word_about_school(text, entities, result):
    message = _guarded(text, "school_placement", 0.64)
    if entities:  # the extractors run before the guard
        message = Message(data={TEXT: text, "entities": entities,
                                INTENT: {"name": "school_placement", "confidence": 0.64}})
        CrisisGuard().process([message])
    assert message.get(INTENT)["name"] == result


@pytest.mark.parametrize("text,result", [
    ("辞职能直接走吗 还是得先跟老板说", "out_of_scope"),  # a callback was offered
    ("能不能帮我跟老板说说", "request_human"),  # help asked: a person of ours
    ("我要找工作人员 跟老板说不通", "request_human"),
    ("转人工", "request_human"),
])
def test_talking_to_the_employer_is_no_request_for_one_of_ours(text, result):
    assert _guarded(text, "request_human", 0.7).get(INTENT)["name"] == result


def test_a_person_asked_for_with_a_measure_word_is_a_command():
    assert _guarded("给我找个真人", "bot_challenge", 0.8).get(INTENT)["name"] == "request_human"  # LL-10


@pytest.mark.parametrize("text,result", [
    ("明天白天过去可以吗", "out_of_scope"),  # LL-02: 再见！
    ("好的 再见", "goodbye"),
    ("没事了 谢谢", "goodbye"),
])
def test_a_goodbye_needs_a_word_of_leaving(text, result):
    assert _guarded(text, "goodbye", 0.7).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,intent,result", [
    ("我在工地摔伤了 医药费花了两万多 老板不管", "relief_eligibility", "legal_aid"),  # relief's questions
    ("干活摔断了腿 老板不给报销", "wage_arrears", "legal_aid"),
    ("在厂里被机器轧伤了手", "inform", "legal_aid"),
    ("摔伤了住院 能申请困难救助吗", "relief_eligibility", "relief_eligibility"),  # the service named
    ("摔伤了 老板还欠我两个月工资", "wage_arrears", "wage_arrears"),
    ("孩子摔伤了 医药费好几千", "relief_eligibility", "relief_eligibility"),  # no injury at work
    # PP-05: the overtime form started, and came back after 不是问加班费
    ("那我这个到底算不算工伤 过年那几天老板叫我们加班干活时候摔的", "overtime_pay", "legal_aid"),
    ("加班费没给 还摔伤了", "overtime_pay", "overtime_pay"),
])
def test_an_injury_at_work_is_a_work_injury_question(text, intent, result):
    assert _guarded(text, intent, 0.83).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,intent,result", [
    ("我之前报的那个孩子上学的单子怎么样了", "school_placement", "ticket_status"),  # NN-13
    ("我前两天报的那个孩子上学的事 到哪一步了", "school_placement", "ticket_status"),  # PP-13
    ("我那个孩子上学的单子到哪了", "school_placement", "ticket_status"),  # RR-13
    ("前几天登记的欠薪 有结果没", "wage_arrears", "ticket_status"),
    ("孩子上学的事怎么样了", "school_placement", "school_placement"),  # nothing filed said
    ("我想登记欠薪", "wage_arrears", "wage_arrears"),
])
def test_a_case_filed_before_asked_after_is_its_status(text, intent, result):
    assert _guarded(text, intent, 0.8).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,intent,result", [
    ("那你帮我登记一下让工会的人管管 我在西海岸薛家岛这边 电话139 0532 8876", "find_station", "inform"),  # CODE-15
    ("社保的事 开个工单", "ticket_status", "inform"),
    ("辛安的工会站在哪", "find_station", "find_station"),
    ("帮我查一下工单 GH202612060001", "ticket_status", "ticket_status"),
    ("我登记的单子怎么样了", "ticket_status", "ticket_status"),
])
def test_a_wish_to_file_is_no_lookup(text, intent, result):
    assert _guarded(text, intent, 0.8).get(INTENT)["name"] == result


def test_the_rereads_leave_every_training_example_s_intent_alone():
    """The NLU's rereads correct the classifier on what it gets wrong; on the examples it
    learns from (and the held-out set), each keeps the intent it is labelled with."""
    import glob
    import re
    from pathlib import Path

    import yaml

    from bot.nlu.crisis_guard import INTENT_GUARDS

    changed = []
    for path in [*glob.glob("data/nlu/*.yml"), "tests/nlu/heldout.yml"]:
        for item in (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in item:
                continue
            for line in str(item.get("examples", "")).splitlines():
                text = re.sub(r"\[([^\]]+)\]\([^)]+\)|\[([^\]]+)\]\{[^}]+\}",
                              lambda m: m.group(1) or m.group(2), line.strip()[2:].strip())
                if not text:
                    continue
                message = Message(data={TEXT: text, INTENT: {"name": item["intent"], "confidence": 0.8}})
                for reread in INTENT_GUARDS:
                    reread(message, text)
                if message.get(INTENT)["name"] != item["intent"]:
                    changed.append((item["intent"], message.get(INTENT)["name"], text))
    assert changed == []


@pytest.mark.parametrize("text,result", [
    ("我能拿多少", "inform"),                        # VV-08: the relief form after a dismissal's sums
    ("住院花了两万 能拿多少", "relief_eligibility"),
    ("困难职工能申请啥", "relief_eligibility"),
])
def test_relief_needs_a_word_of_illness_or_hardship(text, result):
    assert _guarded(text, "relief_eligibility", 0.7).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,intent,result", [
    ("算了 你帮我登记吧", "cancel", "affirm"),  # ZW-04: 好的，已经取消了
    ("要钱不", "deny", "out_of_scope"),  # ZX-02: 好的，先不登记
    ("收费不", "deny", "out_of_scope"),
    ("算了 不用登记了", "cancel", "cancel"),
    ("不想登记", "deny", "deny"),
    ("不用", "deny", "deny"),
    ("先不用", "deny", "deny"),
])
def test_a_wish_to_file_or_a_question_is_no_cancel(text, intent, result):
    assert _guarded(text, intent, 0.9).get(INTENT)["name"] == result


@pytest.mark.parametrize("text,intent,result", [
    ("好像是特困 有卡的", "psych_support", "inform"),  # YM-06: 心理疏导
    ("我是特困职工 最近压力很大睡不着", "psych_support", "psych_support"),
    ("别给我转人 我就想说说", "request_human", "out_of_scope"),  # YN-15: handed over
])
def test_a_hardship_status_is_no_distress_and_a_person_declined_is_none(text, intent, result):
    assert _guarded(text, intent, 0.6).get(INTENT)["name"] == result
