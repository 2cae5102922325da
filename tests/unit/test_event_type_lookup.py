"""Reading stored events: the table lookup answers exactly what Rasa's walk over the
subclasses of ``Event`` answers, for every event name, the old ``topic`` and an unknown name."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_patches


def test_every_event_name_resolves_to_the_class_rasa_would_pick():
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert len(names) > 20
    for name in names:
        assert rasa_patches.resolve_event_type(name) is rasa_patches._resolve_by_type(name), name
    assert Event.resolve_by_type("user") is UserUttered, "the patch is what Rasa calls"


def test_names_rasa_does_not_know_behave_as_in_rasa():
    assert rasa_patches.resolve_event_type("topic") is None
    assert rasa_patches.resolve_event_type("nonsense", default=UserUttered) is UserUttered
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_patches.resolve_event_type("nonsense")
