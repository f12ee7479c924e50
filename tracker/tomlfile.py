"""Read a TOML configuration file, turning every failure into a ConfigError naming the file."""
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ConfigError(Exception):
    """A configuration file is unreadable or invalid; the message names the file and line."""


def read_toml(path: str | Path) -> dict:
    """Parse the TOML file at ``path``; a missing or malformed file raises ConfigError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib ends its message with "(at line N, column M)", or with "(at end of
        # document)" for an error on the last line, which we turn into a line number.
        message = str(error).replace("(at end of document)", f"(at line {text.count(chr(10)) or 1}, end of file)")
        raise ConfigError(f"{path}: invalid TOML: {message}") from error


def check_keys(path: Path, table: dict, allowed: set[str], required: set[str], where: str) -> None:
    """Raise ConfigError when ``table`` has an unknown key or lacks a required one."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{path}: {where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    missing = sorted(required - set(table))
    if missing:
        raise ConfigError(f"{path}: {where}: missing key(s) {', '.join(missing)}")
