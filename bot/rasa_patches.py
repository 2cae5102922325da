"""Speed fixes to Rasa 3.6 applied from our own code (the installed package stays untouched).

Imported by the modules Rasa loads from this project (``bot.channels`` and
``bot.tracker_store``), so every Rasa process of the product runs with them.

- ``RemoteAction._validate_action_result`` called ``jsonschema.validate`` on every
  action-server response (and again for every form validation call). That checks the
  schema itself against the meta-schema and builds a new validator each time: half of
  the Rasa process's CPU under load. The schema is constant, so it is checked once
  here and compiled validators are reused. Each event is checked against the one
  ``oneOf`` branch its ``event`` name selects (the branches differ by that constant, so
  this is exactly ``oneOf``) instead of against all 23. The guarantee is the same: a
  response is accepted if and only if ``jsonschema.validate`` accepts it, and an invalid
  one raises the same ``jsonschema.ValidationError`` (the full validator's best match).
- After a model is loaded, everything alive is moved out of the cyclic garbage collector's
  reach (``gc.freeze``). The loaded model is millions of long-lived objects (TensorFlow,
  spaCy, vocabularies); every full collection walked all of them, and a turn allocates
  enough to trigger collections: the profile showed a third of the Rasa process's time
  at allocation sites inside the count-vectors featurizer. Nothing alive is ever freed by
  a collection, so freezing it changes no behaviour; a reloaded model unfreezes first.
  Only the Rasa server freezes (``bot.rasa_run`` turns it on): it keeps its model for its
  whole life. A process that loads a model for a while and drops it (``bot.evaluate``, the
  test run) would otherwise keep the dropped model's cycles frozen, uncollectable, for the
  rest of its life, and every later freeze count would depend on what ran before.
- ``RasaModel.load`` (DIET and TED) built each model by *training it on one example*
  (``model.fit``): Keras traced the whole training step, gradients and Adam's slots, only
  to create variables that ``load_weights`` then overwrote; and the optimizer's slots kept
  twice the weights' memory for the server's whole life. To predict, only the variables of
  the prediction graph are needed: here the checkpoint is opened first, and the one
  prediction Rasa runs anyway (to trace its ``tf.function``) creates the variables, each
  restored from the checkpoint as it is created. Before the model is used, every variable it
  has must have come from the checkpoint (``assert_existing_objects_matched``); if one did
  not, the model is loaded Rasa's way instead. Fine-tuning (``rasa train --finetune``)
  needs the optimizer and always goes Rasa's way.
- ``EndpointConfig.request`` (every call to the action server) keeps its connections alive in
  one client session per event loop and encodes the JSON body with ujson; Rasa's opened a new
  session and TCP connection per call and encoded the whole tracker with the standard encoder.
- ``Event.resolve_by_type`` (reading every stored event) is a table lookup instead of a walk
  over every subclass of ``Event``, built in the same order so the same class answers.
- The prediction function is traced without AutoGraph. AutoGraph rewrites the source of
  every Python function the trace calls (Rasa's layers, Keras internals) so that ``if`` and
  ``for`` on tensors become graph control flow: half of what remained of the load. Rasa's
  prediction code branches only on Python values (configuration), for which AutoGraph
  builds the very same graph; a branch on a tensor would make the trace fail, and then the
  model is loaded Rasa's way. tests/integration/test_model_load.py checks that both loads
  give the same weights, parses and next actions on the held-out set.
- The graph runner, TensorFlow's call dispatch and the join of sparse features: per-turn
  overheads, in ``bot/rasa_graph.py`` (its doc has the measurements).
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import logging
import ssl
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import aiohttp
import ujson
from aiohttp.client_exceptions import ContentTypeError
from jsonschema import ValidationError, exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.exceptions import FileNotFoundException
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url
from rasa.utils.tensorflow.models import RasaModel
from rasa.utils.train_utils import create_data_generators

from bot import inprocess_actions, rasa_graph

logger = logging.getLogger(__name__)
_APPLIED = "_hotline_fast_validation"


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The action-server response schema, checked against its meta-schema once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@dataclass(frozen=True)
class _FastCheck:
    """Validators for the response's parts: one per event name, one for the responses."""

    by_event: dict[str, Any]
    responses: Any


@lru_cache(maxsize=1)
def _fast_check() -> _FastCheck | None:
    """Splits the events schema's ``oneOf`` by event name; None if its shape is not the one
    this relies on (every branch fixes a distinct ``event`` constant), then only the full
    validator is used."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    try:
        items = dict(schema["properties"]["events"]["items"])
        branches = items.pop("oneOf")
        names = [branch["properties"]["event"]["const"] for branch in branches]
        if schema["properties"]["events"].get("type") != "array" or len(set(names)) != len(names):
            return None
        if set(schema) - {"type", "properties"} or set(schema["properties"]) != {"events", "responses"}:
            return None
    except (KeyError, TypeError):
        return None
    by_event = {name: cls({**items, "allOf": [branch]}) for name, branch in zip(names, branches)}
    return _FastCheck(by_event, cls(schema["properties"]["responses"]))


def _is_valid(result: Any) -> bool:
    """Same answer as the full schema, in a fraction of its time."""
    check = _fast_check()
    if check is None:
        return action_response_validator().is_valid(result)
    if not isinstance(result, dict):
        return False
    if "responses" in result and not check.responses.is_valid(result["responses"]):
        return False
    if "events" not in result:
        return True
    events = result["events"]
    if not isinstance(events, list):
        return False
    for event in events:
        name = event.get("event") if isinstance(event, dict) else None
        validator = check.by_event.get(name) if isinstance(name, str) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's check of an action-server response, with validators compiled once."""
    if _is_valid(result):
        return True
    error = exceptions.best_match(action_response_validator().iter_errors(result))
    if error is None:  # cannot happen (same schema); never accept what the fast path refused
        error = ValidationError("invalid action server response")
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


_rasa_load_model = Agent.load_model
FREEZE_AFTER_LOAD = False  # turned on by freeze_models_after_load() in the Rasa server only


def freeze_models_after_load(enabled: bool = True) -> None:
    """Makes this process freeze what is alive after each model load (the Rasa server's
    launcher calls it; one-off model users must not, see the module doc)."""
    global FREEZE_AFTER_LOAD
    FREEZE_AFTER_LOAD = enabled


def load_model_then_freeze(self: Agent, *args: Any, **kwargs: Any) -> None:
    """Rasa's ``Agent.load_model``, then (in the server) the model leaves the collector's scans."""
    if not FREEZE_AFTER_LOAD:
        _rasa_load_model(self, *args, **kwargs)
        return
    gc.unfreeze()  # a replaced model's objects become collectable again
    _rasa_load_model(self, *args, **kwargs)
    gc.collect()
    gc.freeze()
    logger.debug("model loaded; %d objects frozen out of garbage collection", gc.get_freeze_count())


_rasa_model_load = RasaModel.load.__func__  # the classmethod's function


def load_for_prediction(
    cls: type[RasaModel], model_file_name: str, model_data_example: Any,
    predict_data_example: Any = None, finetune_mode: bool = False, *args: Any, **kwargs: Any,
) -> RasaModel:
    """Rasa's ``RasaModel.load`` without its one-example training step (see the module doc)."""
    if finetune_mode or predict_data_example is None:
        return _rasa_model_load(cls, model_file_name, model_data_example, predict_data_example,
                                finetune_mode, *args, **kwargs)
    model = cls(*args, **kwargs)
    # nothing is built yet: each variable takes its trained value when it is created
    status = model.load_weights(model_file_name)
    status.expect_partial()  # the optimizer's slots are in the checkpoint; prediction needs none
    try:
        _trace_prediction_without_autograph(model, predict_data_example)
        model.run_inference(predict_data_example)  # creates the variables, traces the prediction
        status.assert_existing_objects_matched()
    except Exception as exc:  # noqa: BLE001  (any failure: Rasa's own load is always right)
        logger.warning("%s: the fast load failed (%r); loading it Rasa's way", cls.__name__, exc)
        return _rasa_model_load(cls, model_file_name, model_data_example, predict_data_example,
                                finetune_mode, *args, **kwargs)
    return model


def _trace_prediction_without_autograph(model: RasaModel, predict_data_example: Any) -> None:
    """Gives the model the ``tf.function`` Rasa's ``_rasa_predict`` would create, with the same
    input signature, but traced without AutoGraph (see the module doc)."""
    import tensorflow as tf

    if model._run_eagerly:  # Rasa then predicts without any tf.function
        return
    generator, _ = create_data_generators(model_data=predict_data_example, batch_sizes=1,
                                          epochs=1, shuffle=False)
    batch_in = next(iter(generator))[0]
    model._tf_predict_step = tf.function(
        model.predict_step, input_signature=model._dynamic_signature(batch_in), autograph=False)


_event_types: dict[str, type] = {}
_resolve_by_type = Event.resolve_by_type


def resolve_event_type(type_name: str, default: type | None = None) -> type | None:
    """``Event.resolve_by_type`` from a table: Rasa walks every subclass of ``Event`` for every
    stored event it reads (1.3 % of the Rasa process's samples at 20 clients). The table is
    built in the same order, so the same class answers; a name not in it is Rasa's own
    lookup (a class defined later, the old ``topic``, the default or the error)."""
    if not _event_types:
        for cls in all_subclasses(Event):
            _event_types.setdefault(cls.type_name, cls)
    found = _event_types.get(type_name)
    return found if found is not None else _resolve_by_type(type_name, default)


_sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = \
    weakref.WeakKeyDictionary()
# Below Sanic's keep-alive on the action server (5 s): the client drops an idle connection
# before the server would, so a request never goes out on a connection the server has closed.
KEEPALIVE_SECONDS = 2.0


def _dumps(value: Any) -> str:
    return ujson.dumps(value, ensure_ascii=False, escape_forward_slashes=False)


def _pooled_session() -> aiohttp.ClientSession:
    """One client session per event loop, its connections kept alive between requests."""
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        connector = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
        session = aiohttp.ClientSession(connector=connector, json_serialize=_dumps)
        _sessions[loop] = session
    return session


@atexit.register
def _close_sessions() -> None:
    for session in list(_sessions.values()):
        if session.connector is not None and not session.closed:
            session.connector.close()  # synchronous in aiohttp 3.9: sockets closed, no warning


async def pooled_request(self: EndpointConfig, method: str = "post", subpath: str | None = None,
                         content_type: str | None = "application/json", compress: bool = False,
                         **kwargs: Any) -> Any:
    """``EndpointConfig.request`` over a kept-alive connection, the JSON body encoded by ujson.

    Rasa opens a new client session, and so a new TCP connection, for every call to the action
    server, and encodes the whole tracker with the standard library's encoder: the two were a
    quarter of the Rasa process's time at 20 clients. Same headers, parameters, auth, timeout,
    certificate, errors and result as Rasa's ``request``. An ``inprocess:`` URL runs the
    actions in this process instead (bot/inprocess_actions.py), with the same errors."""
    if inprocess_actions.selected(self.url):
        return await inprocess_actions.call_action(kwargs.get("json") or {},
                                                   kwargs.get("timeout", DEFAULT_REQUEST_TIMEOUT))
    headers = {"Content-Type": content_type} if content_type else {}
    headers.update(kwargs.pop("headers", None) or {})
    headers.update(self.headers or {})
    sslcontext = None
    if self.cafile:
        try:
            sslcontext = ssl.create_default_context(cafile=self.cafile)
        except FileNotFoundError as e:
            raise FileNotFoundException(
                f"Failed to find certificate file, '{self.cafile}' does not exist.") from e
    timeout = kwargs.pop("timeout", DEFAULT_REQUEST_TIMEOUT)  # RemoteAction passes seconds
    if not isinstance(timeout, aiohttp.ClientTimeout):
        timeout = aiohttp.ClientTimeout(total=timeout)
    auth = (aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth else None)
    async with _pooled_session().request(
            method, concat_url(self.url, subpath), headers=headers,
            params=self.combine_parameters(kwargs), compress=compress, ssl=sslcontext, auth=auth,
            timeout=timeout, **kwargs) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason, await response.content.read())
        try:
            return await response.json()
        except ContentTypeError:
            return None


def apply() -> None:
    """Installs the patches once per process (idempotent)."""
    if getattr(RemoteAction, _APPLIED, False):
        return
    RemoteAction._validate_action_result = validate_action_result
    Agent.load_model = load_model_then_freeze
    Event.resolve_by_type = staticmethod(resolve_event_type)
    EndpointConfig.request = pooled_request
    RasaModel.load = classmethod(load_for_prediction)
    rasa_graph.apply()  # the graph runner, TensorFlow's dispatch, sparse joins
    setattr(RemoteAction, _APPLIED, True)
    logger.debug("Rasa speed patches applied")


apply()

import bot.rasa_forms  # noqa: E402,F401  (the forms' dialogue fix rides along with these)
import bot.typed_buttons  # noqa: E402,F401  (a typed button title read as the button)
