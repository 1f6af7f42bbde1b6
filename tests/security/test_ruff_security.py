"""ruff's security rules (flake8-bandit, "S") pass, and every exception says why."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SOURCES = ("maillage", "config", "tests", "e2e", "bench", "conftest.py", "manage.py")
NOQA_S = re.compile(r"#\s*noqa:\s*(S\d+(?:\s*,\s*S\d+)*)(.*)$")


def test_ruff_security_rules_pass():
    """`ruff check --select S` finds nothing in our code."""
    sources = [s for s in SOURCES if (BASE_DIR / s).exists()]
    result = subprocess.run(  # noqa: S603 - ruff from this virtualenv, fixed arguments
        [sys.executable, "-m", "ruff", "check", "--select", "S", *sources],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_security_exception_is_justified_inline():
    """A `# noqa: S...` says why: after it on the line, or in a comment just above."""
    unjustified = []
    for source in SOURCES:
        path = BASE_DIR / source
        files = [path] if path.is_file() else path.rglob("*.py")
        for file in files:
            if "migrations" in file.parts:
                continue
            lines = file.read_text().splitlines()
            for number, line in enumerate(lines, 1):
                match = NOQA_S.search(line)
                if not match or len(match.group(2).strip(" -—:")) >= 10:
                    continue
                above = lines[number - 2].strip() if number > 1 else ""
                if not above.startswith("#"):
                    unjustified.append(f"{file.relative_to(BASE_DIR)}:{number}")
    assert not unjustified, "Say why after the noqa:\n" + "\n".join(unjustified)
