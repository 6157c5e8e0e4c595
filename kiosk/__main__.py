import sys

from kiosk import portable

portable.apply()  # before anything looks at the data, settings or log folders

from kiosk.cli import main  # noqa: E402

sys.exit(main())
