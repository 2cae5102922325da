"""The Helm chart (deploy/helm/hotline) runs processes an orchestrator can watch (issue 14,
operable): every container has liveness and readiness probes on paths its process really
serves, Prometheus scrapes every process's own metrics path, and every container starts with
production settings (a missing secret stops a production process at start-up).

Helm is not installed here, so the chart is rendered by a small renderer of exactly the
template constructs it uses (values, ``include``, ``toYaml``, ``nindent``, ``if``/``end``); a
construct it does not know fails the test instead of being skipped. The served paths come
from the processes' own route tables: the backend's aiohttp app, rasa_sdk's app with our
plugin hook, and the REST channel's blueprint as Rasa mounts it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from bot.settings import ROOT

CHART = ROOT / "deploy" / "helm" / "hotline"
THIRD_PARTY = {"stores.yaml"}
ACTION = re.compile(r"\{\{(-?)\s*(.*?)\s*(-?)\}\}", re.S)


class HelmRender:
    """Renders the chart's templates with its values.yaml (what ``helm template`` would do for
    the constructs this chart uses)."""

    def __init__(self) -> None:
        self.values = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
        self.defines: dict[str, str] = {}
        for helper in (CHART / "templates").glob("_*.tpl"):
            text = helper.read_text(encoding="utf-8")
            for m in re.finditer(r'\{\{-?\s*define\s+"([^"]+)"\s*(-?)\}\}(.*?)\{\{(-?)\s*end\s*-?\}\}',
                                 text, re.S):
                body = m.group(3).lstrip() if m.group(2) else m.group(3)
                self.defines[m.group(1)] = body.rstrip() if m.group(4) else body

    def value(self, path: str) -> Any:
        node: Any = {"Values": self.values}
        for key in path.lstrip(".").split("."):
            node = node[key]
        return node

    def evaluate(self, expression: str) -> Any:
        """One pipeline: ``.Values.x``, ``include "name" .``, ``toYaml X``, then ``| nindent N``."""
        head, *pipes = [part.strip() for part in expression.split("|")]
        if m := re.fullmatch(r'include\s+"([^"]+)"\s+\.', head):
            result: Any = self.render(self.defines[m.group(1)])
        elif m := re.fullmatch(r"toYaml\s+(\.Values[\w.]*)", head):
            result = yaml.safe_dump(self.value(m.group(1)), default_flow_style=False,
                                    allow_unicode=True).rstrip("\n")
        elif re.fullmatch(r"\.Values[\w.]*", head):
            result = self.value(head)
        else:
            raise AssertionError(f"the test's renderer does not know {{{{ {expression} }}}}")
        for pipe in pipes:
            m = re.fullmatch(r"nindent\s+(\d+)", pipe)
            assert m, f"the test's renderer does not know | {pipe}"
            pad = " " * int(m.group(1))
            result = "\n" + "\n".join(pad + line if line else line
                                      for line in str(result).split("\n"))
        if isinstance(result, bool):
            return "true" if result else "false"
        return result

    def render(self, text: str) -> str:
        """The text with its actions evaluated; ``{{-`` / ``-}}`` trim the whitespace beside
        them, as in Go templates."""
        out: list[str] = []
        shown = [True]  # one entry per open ``if``: is its body rendered
        position, trim_next = 0, False
        for m in ACTION.finditer(text):
            literal = text[position:m.start()]
            literal = literal.lstrip() if trim_next else literal
            literal = literal.rstrip() if m.group(1) else literal
            if all(shown):
                out.append(literal)
            expression = m.group(2)
            if expression.startswith("if "):
                shown.append(bool(self.value(expression[3:].strip())))
            elif expression == "end":
                assert len(shown) > 1, "end without if"
                shown.pop()
            elif all(shown):
                out.append(str(self.evaluate(expression)))
            trim_next, position = bool(m.group(3)), m.end()
        assert len(shown) == 1, "if without end"
        rest = text[position:]
        out.append(rest.lstrip() if trim_next else rest)
        return "".join(out)

    def manifests(self) -> list[dict]:
        """Every manifest of our own processes (the trial stores' StatefulSets, third-party
        images built with range/dict, are left out: they run none of our code)."""
        found = []
        for template in sorted((CHART / "templates").glob("*.yaml")):
            text = template.read_text(encoding="utf-8")
            if template.name in THIRD_PARTY:
                assert "kind: Deployment" not in text, f"{template.name} runs our code now"
                continue
            found += [doc for doc in yaml.safe_load_all(self.render(text)) if doc]
        return found


@pytest.fixture(scope="module")
def manifests() -> list[dict]:
    return HelmRender().manifests()


def _backend_paths() -> set[str]:
    from bot.backend.app import create_app

    app = create_app()
    return {route.resource.canonical for route in app.router.routes()
            if route.method == "GET" and route.resource is not None}


def _action_server_paths(monkeypatch) -> set[str]:
    from rasa_sdk.endpoint import create_app
    from rasa_sdk.plugin import plugin_manager
    from sanic import Sanic

    from bot import logmask, logsetup

    monkeypatch.setattr(Sanic, "test_mode", True)  # the app's name may be taken by another test
    monkeypatch.setattr(logsetup, "configure", lambda *a, **k: None)  # no process-wide logging
    monkeypatch.setattr(logmask, "install", lambda *a, **k: None)
    app = create_app("actions")
    plugin_manager().hook.attach_sanic_app_extensions(app=app)  # what `rasa run actions` does
    return {route.uri for route in app._future_routes if "GET" in route.methods}


def _rasa_channel_paths(monkeypatch) -> set[str]:
    from bot.channels import guard
    from bot.channels.rest import HotlineRestInput

    monkeypatch.setattr(guard, "install_process_guards", lambda: None)
    channel = HotlineRestInput()

    async def handler(_message) -> None:
        return None

    blueprint = channel.blueprint(handler)
    prefix = f"/webhooks/{channel.url_prefix()}"  # rasa.core.channels.channel.register
    return {prefix + route.uri for route in blueprint._future_routes if "GET" in route.methods}


@pytest.fixture(scope="module")
def served() -> dict[str, set[str]]:
    """GET paths each process serves, by the command the chart starts it with."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return {"bot.backend": _backend_paths(),
                "actions": _action_server_paths(monkeypatch),
                "bot.rasa_run": _rasa_channel_paths(monkeypatch)}


def _process(container: dict) -> str:
    command = " ".join(container.get("command", []) + container.get("args", []))
    for process, marker in (("bot.backend", "-m bot.backend"), ("actions", "run actions"),
                            ("bot.rasa_run", "-m bot.rasa_run")):
        if marker in command:
            return process
    raise AssertionError(f"container {container['name']} runs an unknown process: {command}")


def _port(container: dict, port: int | str) -> int:
    """A probe's or a scrape's port, by number or by the container port's name."""
    if isinstance(port, int):
        return port
    named = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
    assert port in named, f"{container['name']}: no port named {port}"
    return named[port]


def _served(path: str, paths: set[str]) -> bool:
    return path.rstrip("/") in {p.rstrip("/") for p in paths}


def _deployments(manifests: list[dict]) -> list[dict]:
    found = [m for m in manifests if m["kind"] == "Deployment"]
    assert {d["metadata"]["name"] for d in found} == {"hotline-backend", "hotline-rasa"}
    return found


def _containers(manifests: list[dict]) -> list[tuple[dict, dict]]:
    return [(d, c) for d in _deployments(manifests) for c in d["spec"]["template"]["spec"]["containers"]]


def test_the_renderer_renders_values_conditions_and_refuses_the_unknown():
    render = HelmRender()
    assert render.render("a: {{ .Values.image.tag }}\n{{- if .Values.ingress.enabled }}\nb: 1\n"
                         "{{- end }}\n") == "a: 0.1.0\nb: 1\n"
    assert render.render("env:\n  {{- include \"hotline.image\" . | nindent 2 }}") == \
        "env:\n  registry.example.org/hotline:0.1.0"
    with pytest.raises(AssertionError):
        render.render("{{ tpl .Values.image }}")


def test_every_container_has_probes_on_paths_its_process_serves(manifests, served):
    for deployment, container in _containers(manifests):
        paths = served[_process(container)]
        ports = {p["containerPort"] for p in container.get("ports", [])}
        for kind in ("livenessProbe", "readinessProbe"):
            probe = container.get(kind)
            where = f"{deployment['metadata']['name']}/{container['name']} {kind}"
            assert probe and "httpGet" in probe, f"{where}: missing (or not an HTTP probe)"
            port = _port(container, probe["httpGet"]["port"])
            assert port in ports, f"{where}: port {port} is not the container's"
            assert _served(probe["httpGet"]["path"], paths), (
                f"{where}: {probe['httpGet']['path']} is not served (serves {sorted(paths)})")


def test_liveness_never_depends_on_another_service(manifests):
    """A liveness probe that asks the database or the backend would restart every pod during
    their outage: liveness is the process's own answer, readiness may say more."""
    dependent = {"/api/v1/health", "/ready", "/webhooks/rest/ready"}
    for _, container in _containers(manifests):
        for kind in ("livenessProbe", "startupProbe"):
            probe = container.get(kind)
            if probe:
                assert probe["httpGet"]["path"] not in dependent, (container["name"], kind)


def test_prometheus_scrapes_every_process_metrics_path(manifests, served):
    monitors = [m for m in manifests if m["kind"] == "PodMonitor"]
    for deployment, container in _containers(manifests):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        metrics = {p for p in served[_process(container)] if p.endswith("/metrics")}
        assert len(metrics) == 1, (container["name"], metrics)
        names = {p.get("name") for p in container.get("ports", [])}
        scraped = [e for m in monitors
                   if m["spec"]["selector"]["matchLabels"].items() <= labels.items()
                   for e in m["spec"]["podMetricsEndpoints"] if e["port"] in names]
        assert [e["path"] for e in scraped] == list(metrics), (
            f"{container['name']}: Prometheus scrapes {scraped}, the process serves {metrics}")


def _environment(container: dict) -> dict[str, str]:
    """The container's environment with every secret filled (distinct, long, random-looking)."""
    env: dict[str, str] = {}
    for item in container.get("env", []):
        if "valueFrom" in item:
            key = item["valueFrom"]["secretKeyRef"]["key"]
            env[item["name"]] = f"{key.lower()}-9f3Kq2mZ7xLw4Tb8Rv1Nc6Hd5Ys0Pj"
        else:
            env[item["name"]] = re.sub(r"\$\((\w+)\)", lambda m: env.get(m.group(1), ""),
                                       str(item["value"]))
    return env


def test_every_container_starts_with_production_settings(manifests, monkeypatch, tmp_path):
    """What a production pod reads at start-up: bot/settings.py refuses to start without each
    secret (the chart once left out ACTION_SERVER_TOKEN and ID_NUMBER_KEY)."""
    import os

    from bot import settings

    for _, container in _containers(manifests):
        env = _environment(container)
        assert env.get("HOTLINE_ENV") == "production"
        with monkeypatch.context() as patch:
            for name in list(os.environ):
                if name.startswith(("HOTLINE_", "TEST_")) or name in env:
                    patch.delenv(name)
            for name, value in env.items():
                patch.setenv(name, value)
            patch.setattr(settings, "VAR_DIR", tmp_path)
            settings.get_settings.cache_clear()
            try:
                settings.get_settings()  # raises SettingsError when a secret is missing
            finally:
                settings.get_settings.cache_clear()
