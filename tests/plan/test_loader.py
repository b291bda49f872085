"""The loader: plain data out, a 1-based position for every value, problems instead of exceptions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.i18n import word
from thidua.plan.loader import MAX_DEPTH, load_yaml_bytes, load_yaml_text, resolve_plain

# ------------------------------------------------------------------ scalar resolution


def test_yaml_1_2_core_resolution_keeps_text_as_text() -> None:
    # PyYAML's YAML 1.1 would give False, 6 (octal 06), 80 (sexagesimal) and 8 (octal 010)
    assert resolve_plain("no") == "no"
    assert resolve_plain("yes") == "yes"
    assert resolve_plain("06") == "06"
    assert resolve_plain("1:20") == "1:20"
    assert resolve_plain("010") == "010"
    assert resolve_plain("58") == 58
    assert resolve_plain("-3") == -3
    assert resolve_plain("0.5") == 0.5
    assert resolve_plain("true") is True and resolve_plain("False") is False
    assert resolve_plain("~") is None and resolve_plain("null") is None
    assert resolve_plain("2021-02-22") == date(2021, 2, 22)
    assert resolve_plain("2021-02-30") == "2021-02-30"  # impossible: left for the schema to report


@given(st.dates())
def test_iso_dates_resolve_to_dates(day: date) -> None:
    text = day.isoformat()
    if len(text) == 10:  # years before 1000 are not written YYYY-MM-DD by isoformat()
        assert resolve_plain(text) == day


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_resolve_to_integers(number: int) -> None:
    assert resolve_plain(str(number)) == number


def test_quoted_values_stay_text() -> None:
    loaded = load_yaml_text("a: '58'\nb: \"2021-02-22\"\nc: !!str true\n", "x.yaml")
    assert loaded.data == {"a": "58", "b": "2021-02-22", "c": "true"}


# ------------------------------------------------------------------ positions

_TEXT = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậđèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
            " ,.;:-“”\"'#&*!|>%@`0123456789"
        )
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: resolve_plain(s) == s)  # PyYAML dumps by YAML 1.1: "0e0" would come back a number
_KEY = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz_")), min_size=1, max_size=10)
_TREE = st.recursive(
    _TEXT,
    lambda children: (
        st.lists(children, min_size=1, max_size=4) | st.dictionaries(_KEY, children, min_size=1, max_size=4)
    ),
    max_leaves=20,
)


def _leaves(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in _leaves(child, (*loc, key))]
    if isinstance(value, list):
        return [leaf for index, child in enumerate(value) for leaf in _leaves(child, (*loc, index))]
    return [(loc, value)]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEY, _TREE, min_size=1, max_size=4), st.booleans())
def test_round_trip_and_every_position_points_at_its_value(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, width=10**6, default_flow_style=flow, sort_keys=False)
    loaded = load_yaml_text(text, "x.yaml")
    assert loaded.problems == []
    assert loaded.data == data
    for loc, value in _leaves(data):
        position = loaded.source.values[loc]
        line = loaded.source.line_text(position.line)
        assert line is not None
        at = line[position.column - 1 :]
        # a plain scalar starts with its text, a quoted one with its quote
        assert at.startswith(value) or at[:1] in "'\"", (loc, value, line, position)
        if isinstance(loc[-1], str):
            key = loaded.source.keys[loc]
            at_key = loaded.source.line_text(key.line)[key.column - 1 :]  # type: ignore[index]
            assert at_key.startswith(loc[-1]) or at_key[:1] in "'\""


def test_missing_child_points_at_the_key_that_opens_its_mapping() -> None:
    loaded = load_yaml_text("issuer:\n  name: X\ndocument:\n  number: 58\n", "x.yaml")
    position = loaded.source.locate(("document", "title"))
    assert (position.line, position.column) == (3, 1)


# ------------------------------------------------------------------ problems, never exceptions


def _codes(raw: bytes) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.column) for p in load_yaml_bytes(raw, "x.yaml").problems]


def test_bom_is_accepted() -> None:
    assert load_yaml_bytes("\ufeffa: b\n".encode(), "x.yaml").data == {"a": "b"}


def test_utf16_is_not_utf8() -> None:
    assert _codes("a: đ\n".encode("utf-16"))[0][0] == "YA04"


def test_position_of_the_first_bad_byte() -> None:
    assert _codes("a: đúng\nb: ".encode() + b"\xff\n") == [("YA04", 2, 4)]


def test_nul_byte_is_a_syntax_problem() -> None:
    assert _codes(b"a: b\x00c\n") == [("YA01", 1, 5)]


def test_deep_nesting_is_bounded() -> None:
    depth = MAX_DEPTH + 10
    assert [code for code, _, _ in _codes(("a: " + "[" * depth + "]" * depth + "\n").encode())] == ["YA07"]


@pytest.mark.parametrize("level", ["flow", "block"])
def test_libyamls_own_depth_limit_is_the_depth_rule(monkeypatch: pytest.MonkeyPatch, level: str) -> None:
    """libyaml 0.2.6 refuses deep nesting itself; whichever libyaml is installed, that is YA07
    in thidua's words at libyaml's position, not YA01 in libyaml's."""
    text = "opening: " + "[" * 1200 + "]" * 1200 + "\n"
    mark = yaml.error.Mark("<unicode string>", 1008, 0, 1008, text, 1008)

    def libyaml_0_2_6(*args: Any, **kwargs: Any) -> None:
        raise yaml.scanner.ScannerError(f"while increasing {level} level", mark, "exceeded maximum nesting depth", mark)

    monkeypatch.setattr(yaml, "compose", libyaml_0_2_6)
    [problem] = load_yaml_text(text, "x.yaml").problems
    assert (problem.code, problem.line, problem.column) == ("YA07", 1, 1009)
    assert problem.params == {"what": word("depth", limit=MAX_DEPTH)}


def test_recursive_alias_is_refused() -> None:
    codes = [code for code, _, _ in _codes(b"a: &a [1, *a]\n")]
    assert codes in (["YA07"], ["YA01"])


def test_merge_keys_are_just_unknown_keys() -> None:
    loaded = load_yaml_text("base: &b {x: 1}\nother:\n  <<: *b\n", "x.yaml")
    assert loaded.data == {"base": {"x": 1}, "other": {"<<": {"x": 1}}}


def test_python_tags_are_refused_without_running_anything() -> None:
    assert _codes(b"a: !!python/object/apply:os.system ['false']\n") == [("YA06", 1, 4)]
    assert _codes(b"a: !include other.yaml\n") == [("YA06", 1, 4)]


def test_non_text_keys_are_a_syntax_problem() -> None:
    assert _codes(b"? [a, b]\n: c\n")[0][0] == "YA01"
