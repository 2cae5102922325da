"""What the stateless pipeline components share: no training, one message at a time."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class StatelessComponent(GraphComponent):
    """Subclasses implement ``process_message``; training examples pass through unless
    ``applies_to_training_data`` is set (the text normaliser must see them too)."""

    applies_to_training_data = False

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> StatelessComponent:
        return cls()

    def process_message(self, message: Message) -> None:
        raise NotImplementedError

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        if self.applies_to_training_data:
            for message in training_data.training_examples:
                self.process_message(message)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self.process_message(message)
        return messages


class RuleExtractor(StatelessComponent):
    """An entity extractor whose rules return (entity type, start, end, value) spans."""

    confidence = 1.0

    def find(self, text: str) -> list[tuple[str, int, int, Any]]:
        raise NotImplementedError

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        entities = list(message.get(ENTITIES, []))
        for entity_type, start, end, value in self.find(text):
            entities.append({
                ENTITY_ATTRIBUTE_TYPE: entity_type, ENTITY_ATTRIBUTE_START: start,
                ENTITY_ATTRIBUTE_END: end, ENTITY_ATTRIBUTE_VALUE: value,
                ENTITY_ATTRIBUTE_CONFIDENCE: self.confidence, EXTRACTOR: self.__class__.__name__,
            })
        message.set(ENTITIES, entities, add_to_output=True)
