"""Round 54 (XR-4): 托管 asked beside who the child is (转学过来了 / 外地户口) is childcare, not a school case
(the school form asked 您在哪个城市 after the 托管 answer)."""

import pytest

from actions.service_catalog import services_named


@pytest.mark.parametrize("text", ["孩子转学过来了 放学没人管 有托管吗",
                                  "外地户口 孩子在这边上学 放学没人管 有没有托管班",
                                  "孩子九月入学 暑假没人看 有托管吗", "孩子刚转学过来 寒假没人带 工会有托管班不"])
def test_the_childs_school_told_beside_care_is_no_school_case(text):
    assert services_named(text) == ["childcare_service"]


@pytest.mark.parametrize("text", ["孩子上不了学 放学后也没人看 托管有吗", "外地户口能上学吗 放学没人管 有托管吗",
                                  "孩子明年该上一年级了 外地户口咋报名 还有寒假有没有托管",
                                  "想把儿子从老家转过来上二年级 要准备啥 还有就是放学没人接 托管能不能放学以后也管"])
def test_a_school_matter_asked_beside_care_stays(text):
    assert services_named(text) == ["school_placement", "childcare_service"]
