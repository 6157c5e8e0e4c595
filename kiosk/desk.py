"""The windowed desk program of the Windows and macOS bundles (kiosk-desk.exe, Kiosk.app):
`kiosk run` without a console window. Python's print() and argparse write nothing when a
windowed program has no standard streams; the log file still records everything."""

import sys

from kiosk import portable

portable.apply()  # before anything looks at the data, settings or log folders

from kiosk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["run", *sys.argv[1:]]))
