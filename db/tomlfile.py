"""Read a TOML configuration file, turning every failure into a ConfigError naming the file and line."""
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ConfigError(Exception):
    """A configuration file is unreadable or invalid; the message names the file and line."""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from error


def _parse(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib ends its message with "(at line N, column M)", or with "(at end of
        # document)" for an error on the last line, which we turn into a line number.
        message = str(error).replace("(at end of document)", f"(at line {text.count(chr(10)) or 1}, end of file)")
        line = re.search(r"at line (\d+)", message)
        prefix = f"{path}:{line.group(1)}" if line else str(path)
        raise ConfigError(f"{prefix}: invalid TOML: {message}") from error


def read_toml(path: str | Path) -> dict:
    """Parse the TOML file at ``path``; a missing or malformed file raises ConfigError."""
    path = Path(path)
    return _parse(path, _read_text(path))


def line_of(text: str, array: str, index: int, key: str | None = None) -> int | None:
    """The 1-based line of the ``index``-th ``[[array]]`` table in ``text``, or of ``key`` inside it.

    Falls back to the table's header line when the key is not written on a line of its own,
    and returns None when there is no such table.
    """
    header = re.compile(rf"^\s*\[\[\s*{re.escape(array)}\s*\]\]")
    key_line = re.compile(rf"^\s*([\"']?){re.escape(key)}\1\s*=") if key else None
    seen, start = -1, None
    for number, line in enumerate(text.splitlines(), 1):
        if header.match(line):
            seen += 1
            if seen > index:
                break
            if seen == index:
                start = number
            continue
        if start is not None and re.match(r"^\s*\[[^\]\"']", line):
            break  # another table begins
        if start is not None and key_line is not None and key_line.match(line):
            return number
    return start


class ConfigFile:
    """A parsed TOML file that can point its errors at the line they are about."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.text = _read_text(self.path)
        self.data = _parse(self.path, self.text)

    def error(self, message: str, array: str | None = None, index: int = 0, key: str | None = None) -> ConfigError:
        """A ConfigError reading ``FILE:LINE: message``, the line being that of ``[[array]]`` #index's ``key``."""
        line = line_of(self.text, array, index, key) if array else None
        return ConfigError(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")

    def check_keys(self, table: dict, allowed: set[str], required: set[str], array: str, index: int) -> None:
        """Raise ConfigError when ``[[array]]`` #index has an unknown key or lacks a required one."""
        where = f"[[{array}]] #{index + 1}"
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.error(
                f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}",
                array, index, unknown[0],
            )
        missing = sorted(required - set(table))
        if missing:
            raise self.error(f"{where}: missing key(s) {', '.join(missing)}", array, index)
