"""The blank spaCy ``zh`` pipeline: jieba segmenter + an entity_ruler of known names.

It has no vectors: its job is to recognise every place, employer, grade and
holiday we know, exactly, including ones DIET never saw in training. Build it
with ``python -m bot.nlu.spacy_pipeline`` (``make run``/``make train`` do); the
pipeline component rebuilds it when the gazetteer changed.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP

from bot.nlu import dictionary, gazetteer
from bot.settings import VAR_DIR

logger = logging.getLogger(__name__)
DEFAULT_DIR = VAR_DIR / "spacy" / "zh_hotline"
_STAMP = "hotline_fingerprint.json"


def _fingerprint() -> str:
    return dictionary.fingerprint(dictionary.dictionary_lines())


def build(target: Path = DEFAULT_DIR) -> Path:
    """Builds and saves the pipeline; returns its directory."""
    import spacy

    dictionary.load_into_jieba(dictionary.dictionary_lines())
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = [
        {"label": label, "pattern": name}
        for label, names in gazetteer.load().items()
        for name in names
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # add_pipe is typed as the generic Pipe
    target.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "zh_hotline"
    nlp.to_disk(target)
    (target / _STAMP).write_text(json.dumps({"fingerprint": _fingerprint()}))
    logger.info("spaCy pipeline with %d patterns written to %s", len(patterns), target)
    return target


def ensure_built(target: Path = DEFAULT_DIR) -> Path:
    """Builds the pipeline unless an up-to-date one is already there."""
    stamp = target / _STAMP
    if not stamp.exists() or json.loads(stamp.read_text()).get("fingerprint") != _fingerprint():
        build(target)
    return target


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(RasaSpacyNLP):
    """Rasa's SpacyNLP, loading our built pipeline (built on demand, never downloaded).

    The class keeps the name ``SpacyNLP`` because Rasa's recipe finds the model
    provider of SpacyEntityExtractor by that class name.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**RasaSpacyNLP.get_default_config(), "model": str(DEFAULT_DIR), "case_sensitive": True}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        return _fingerprint()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SpacyNLP:
        config = {**cls.get_default_config(), **config}
        path = ensure_built(Path(config["model"]))
        dictionary.load_into_jieba(dictionary.dictionary_lines())
        model = cls.load_model(str(path))
        # The fingerprint names the gazetteer version, so a changed gazetteer retrains.
        model = SpacyModel(model=model.model, model_name=f"{path}@{_fingerprint()}")
        cls.ensure_proper_language_model(model.model)
        return cls(model, config)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)
    print(f"spaCy zh pipeline built: {out}")
