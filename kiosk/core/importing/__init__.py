"""Lists in: attendee exports from ticketing systems and spreadsheets (CSV, XLSX).

- ``reading``: formats and encodings, streaming rows with their line numbers
- ``mapping``: which column is which field (known headers, ``--map`` overrides)
- ``names``: splitting a full name into first and last name
- ``validation``: each row's problems, with line and field
- ``scratch``: what an import remembers about every row, in a temporary database on disk
- ``applying``: matching rows to attendees, a batch at a time
- ``writing``: writing the matched rows in bulk
- ``service``: ``preview`` and ``run_import``, what the command line and the screens call
"""

from kiosk.core.importing.mapping import FIELDS, Mapping, build_mapping, parse_overrides
from kiosk.core.importing.names import split_name
from kiosk.core.importing.reading import ImportFileError
from kiosk.core.importing.service import ImportReport, Preview, preview, run_import
from kiosk.core.importing.validation import Problem

__all__ = [
    "FIELDS",
    "ImportFileError",
    "ImportReport",
    "Mapping",
    "Preview",
    "Problem",
    "build_mapping",
    "parse_overrides",
    "preview",
    "run_import",
    "split_name",
]
