"""The example cron and systemd files run the command the README documents, and it parses."""
import configparser
import shlex
from pathlib import Path

from tracker.cli import build_parser

SCHEDULE = Path(__file__).parent.parent / "tracker" / "schedule"
README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def tracker_arguments(command_line: str) -> list[str]:
    """The arguments given to the tracker executable in a shell command line."""
    words = shlex.split(command_line)
    start = next(i for i, word in enumerate(words) if word.endswith("/bin/tracker"))
    return words[start + 1:]


def test_the_cron_line_runs_a_valid_nightly_command_shown_in_the_readme():
    (line,) = [line for line in (SCHEDULE / "tracker-nightly.cron").read_text().splitlines()
               if line.strip() and not line.startswith("#") and "=" not in line.split()[0]]
    minute, hour, day, month, weekday, user, *command = line.split()
    assert (minute, hour, day, month, weekday) == ("30", "2", "*", "*", "*") and user == "tracker"
    arguments = tracker_arguments(" ".join(command))
    assert build_parser().parse_args(arguments).command == "nightly"
    assert line.strip() in README


def test_the_systemd_timer_starts_the_service_that_runs_the_same_command():
    service = configparser.ConfigParser(strict=False, interpolation=None)
    service.read(SCHEDULE / "tracker-nightly.service")
    timer = configparser.ConfigParser(strict=False, interpolation=None)
    timer.read(SCHEDULE / "tracker-nightly.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert "75" in service["Service"]["SuccessExitStatus"].split()  # another run holding the lock is no failure
    assert timer["Timer"]["OnCalendar"] == "*-*-* 02:30:00" and timer["Install"]["WantedBy"] == "timers.target"
    cron_line = next(line for line in (SCHEDULE / "tracker-nightly.cron").read_text().splitlines() if line.startswith("30 "))
    assert tracker_arguments(service["Service"]["ExecStart"]) == tracker_arguments(cron_line.split(None, 6)[6])
