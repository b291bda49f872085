"""One exception hierarchy for "cannot go on"; the CLI catches it in one place."""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1  # the check ran and found errors (or warnings with --strict)
EXIT_ERROR = 2  # could not run: missing path, bad configuration, bad arguments


class ThiduaError(Exception):
    """A problem that stops a command; `key` names its message in i18n.MESSAGES."""

    exit_code = EXIT_ERROR

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class InputError(ThiduaError):
    """A path the user named does not exist or cannot be used."""


class ConfigError(ThiduaError):
    """The [tool.thidua] configuration cannot be read or is wrong."""


class FindingsError(ThiduaError):
    """A command refuses to go on because of findings in its input (shown before the message)."""

    def __init__(self, key: str, findings: list[Any], /, exit_code: int = EXIT_FINDINGS, **params: Any) -> None:
        super().__init__(key, **params)
        self.findings = findings
        self.exit_code = exit_code

    def __reduce__(self) -> tuple[Any, ...]:  # back from a worker process (render, check)
        return (_findings_error, (self.key, self.findings, self.exit_code, self.params))


def _findings_error(key: str, findings: list[Any], exit_code: int, params: dict[str, Any]) -> FindingsError:
    return FindingsError(key, findings, exit_code, **params)
