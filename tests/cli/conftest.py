import json
import os
import subprocess
import sys
from dataclasses import dataclass

import pytest


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def kiosk(db_url):
    """Run the real command line against the test database, as a user would."""

    def run(*args: str, input: str | None = None, db: str | None = db_url) -> Run:
        cmd = [sys.executable, "-m", "kiosk"] + (["--db", db] if db else []) + list(args)
        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        proc = subprocess.run(cmd, capture_output=True, text=True, input=input, env=env, timeout=120)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run
