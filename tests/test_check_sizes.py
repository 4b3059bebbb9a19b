"""scripts/check_sizes.py (``make lint``): modules over the line limit and long functions are listed."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "check_sizes", Path(__file__).resolve().parents[1] / "scripts" / "check_sizes.py")
check_sizes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_sizes)


def _write(path: Path, body_lines: int, name: str = "f") -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(body_lines))
    path.write_text(f"def {name}():\n{body}\n", encoding="utf-8")


def test_long_function_and_long_module_are_reported_and_fail(tmp_path, capsys):
    _write(tmp_path / "big.py", 12, "too_long")
    _write(tmp_path / "small.py", 3, "short")
    assert check_sizes.main([str(tmp_path), "--max-module", "10", "--max-function", "10"]) == 1
    out = capsys.readouterr().out
    assert "big.py: module has 13 lines" in out
    assert "big.py:1: function too_long has 13 lines" in out
    assert "small.py" not in out
    assert "1 module(s) over 10 lines, 1 function(s) over 10 lines" in out


def test_nested_functions_are_named_by_their_enclosing_function(tmp_path):
    src = "class K:\n    def m(self):\n        def inner():\n" + "".join(
        f"            y{i} = {i}\n" for i in range(6)) + "        return inner\n"
    (tmp_path / "k.py").write_text(src, encoding="utf-8")
    names = [n for n, _line, _len in check_sizes.long_functions(tmp_path / "k.py", 5)]
    assert names == ["K.m", "K.m.inner"]


def test_tree_within_limits_passes(tmp_path, capsys):
    _write(tmp_path / "ok.py", 3)
    assert check_sizes.main([str(tmp_path)]) == 0
    assert "0 module(s) over 500 lines, 0 function(s) over 80 lines" in capsys.readouterr().out
