"""``python -m kiosk.doctor``: the checks, for people."""

import sys

from kiosk.doctor import run_checks

report = run_checks()
print("\n".join(report.lines()))
sys.exit(report.exit_code)
