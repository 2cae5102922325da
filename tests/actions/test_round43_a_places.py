"""Round 43 (helper a): a street said inside a company's name stays the worker's place (YU-01)."""

from bot.nlu.employer_extractor import EmployerExtractor, find_employers, places_before_employers


def _names(text: str) -> tuple[list[str], list[str]]:
    return ([text[a:b] for a, b in find_employers(text)],
            [text[a:b] for a, b in places_before_employers(text)])


def test_a_street_before_a_company_name_is_the_place_and_the_name_keeps_its_brand():
    """YU-01: 辛安街道的隆和电子厂 filed 单位：电子厂; 辛安街道宏达五金厂 filed the street as the name."""
    assert _names("我在辛安街道的隆和电子厂上班 老板欠我两个月工资了") == (["隆和电子厂"], ["辛安街道"])
    assert _names("黄岛区辛安街道隆和电子厂") == (["隆和电子厂"], ["辛安街道"])
    assert _names("辛安街道宏达五金厂欠我工资") == (["宏达五金厂"], ["辛安街道"])
    assert _names("我是薛家岛街道华宇五金厂的") == (["华宇五金厂"], ["薛家岛街道"])
    assert _names("在辛安街道上的隆和电子厂干活") == (["隆和电子厂"], ["辛安街道"])


def test_the_extractor_adds_the_street_as_a_district_entity():
    found = EmployerExtractor.find(None, "辛安街道宏达五金厂欠我工资")  # type: ignore[arg-type]
    assert ("district", 0, 4, "辛安街道") in found and ("employer", 4, 9, "宏达五金厂") in found


def test_near_misses_a_city_in_a_name_and_and_between_people_are_kept_as_they_were():
    """A city is part of a company's name; 我和工友 / 工友和 is no brand."""
    assert _names("青岛海纳建筑公司欠钱") == (["青岛海纳建筑公司"], [])
    assert _names("我和工友在电子厂") == ([], [])
    assert _names("我和电子厂老板吵架") == ([], [])
    assert _names("工友和宏达厂") == (["宏达厂"], [])
    assert _names("我在黄岛辛安街道这边电子厂上班") == ([], [])
