"""Importing an attendee list: pick a file, see the detected mapping with the first rows, change
the mapping, read the validation report, import with progress. Reading and importing run on the
TaskRunner, so a 100k-row file never freezes the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kiosk.core.events import Actor
from kiosk.core.importing import service
from kiosk.core.importing.labels import field_label
from kiosk.core.importing.mapping import FIELDS, IGNORE
from kiosk.core.sqlite_files import DatabaseFileChosen, refuse_database_file
from kiosk.core.store import Store
from kiosk.core.text import clip
from kiosk.i18n import tr
from kiosk.import_messages import problem_line
from kiosk.messages import localise
from kiosk.ui.file_dialogs import open_file_name
from kiosk.ui.tasks import TaskRunner

PREVIEW_ROWS = 5
REPORT_LINES = 200


class ImportCancelled(Exception):
    """The person cancelled the import while the file was being read: nothing was written."""


class Progress:
    """Written by the import thread, read by a GUI timer (no Python objects cross threads in signals).
    ``cancel()`` makes the import stop at its next report, which comes before anything is written."""

    def __init__(self):
        self._lock = threading.Lock()
        self.done, self.total = 0, 0
        self.cancelled = False
        self.writing = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self.done, self.total = done, total
            if self.writing:  # past the point of no return: the import runs to its end
                return
            if self.cancelled:
                raise ImportCancelled()
            if done >= total:  # the file is read; the next step writes
                self.writing = True

    def read(self) -> tuple[int, int]:
        with self._lock:
            return self.done, self.total


class ImportDialog(QDialog):
    def __init__(self, store: Store, event_id: int, actor: Actor = Actor(), parent: QWidget | None = None,
                 tasks: TaskRunner | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.store, self.event_id, self.actor = store, event_id, actor
        self.tasks = tasks or TaskRunner(self, synchronous=synchronous)
        self.preview: service.Preview | None = None
        self.report: service.ImportReport | None = None
        self.auto_fields: tuple = ()
        self.progress_state = Progress()
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import attendees"))

        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.setPlaceholderText(tr("A CSV or Excel file (Eventbrite, pretix, your own spreadsheet)"))
        self.path.returnPressed.connect(lambda: self.load(self.path.text()))
        browse = QPushButton(tr("Choose file…"), self)
        browse.setObjectName("browse")
        browse.clicked.connect(self.choose)
        self.format = QLabel(self)
        self.format.setObjectName("format")

        self.mapping = QTableWidget(0, 3, self)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels([tr("Column in the file"), tr("Imported as"), tr("First value")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.mapping.verticalHeader().setDefaultSectionSize(28)
        self.rows = QTableWidget(0, 0, self)
        self.rows.setObjectName("rows")
        self.rows.verticalHeader().hide()
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("problems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(90)
        self.skip_invalid = QCheckBox(tr("Import the valid rows even if some rows have problems"), self)
        self.skip_invalid.setObjectName("skipInvalid")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_progress)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.hide()
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel_import)

        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        mapping_box = QGroupBox(tr("Columns (change what a column is imported as)"), self)
        QVBoxLayout(mapping_box).addWidget(self.mapping)
        rows_box = QGroupBox(tr("First rows, as they will be imported"), self)
        QVBoxLayout(rows_box).addWidget(self.rows)
        problems_box = QGroupBox(tr("Checks"), self)
        QVBoxLayout(problems_box).addWidget(self.problems)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.format)
        layout.addWidget(mapping_box, 3)
        layout.addWidget(rows_box, 2)
        layout.addWidget(problems_box)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(860, 720)

    # -- choosing and previewing -------------------------------------------------------------
    def choose(self) -> None:
        path = open_file_name(
            self, tr("Choose an attendee list"), tr("Attendee lists (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read the header and first rows of ``path`` (off the GUI thread) with the detected mapping."""
        self.path.setText(path)
        self.auto_fields = ()
        self._preview(None)

    def overrides(self) -> dict[str, str]:
        """The columns whose field was changed from the detected one ({column number: field})."""
        out = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            chosen = combo.currentData()
            if row < len(self.auto_fields) and chosen != (self.auto_fields[row] or IGNORE):
                out[str(row + 1)] = chosen
        return out

    def _preview(self, overrides: dict | None) -> None:
        path = self.path.text().strip()
        self.import_button.setEnabled(False)
        try:
            refuse_database_file(path)  # reading it would drop the database's locks
        except DatabaseFileChosen as exc:
            self.preview = None
            self._failed(exc)
            return
        self.summary.setText(tr("Reading…"))
        self.tasks.run(service.preview, path, overrides, PREVIEW_ROWS, on_done=self._previewed, on_error=self._failed)

    def _previewed(self, preview: service.Preview) -> None:
        self.preview = preview
        if not self.auto_fields:
            self.auto_fields = preview.mapping.fields
        self.format.setText(tr("{file}: {format}").format(file=preview.file, format=preview.format))
        self._fill_mapping(preview)
        self._fill_rows(preview)
        self._fill_problems(preview.problems, preview.file)
        ok = preview.mapping.has_name
        self.import_button.setEnabled(ok)
        self.summary.setText(tr("Ready to import.") if ok else tr("Choose which column holds the names."))

    def _fill_mapping(self, preview: service.Preview) -> None:
        self.mapping.setRowCount(len(preview.headers))
        cells = preview.first_rows[0].get("cells", []) if preview.first_rows else []
        for row, (header, field) in enumerate(preview.mapping.pairs()):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox(self.mapping)
            combo.addItem(tr("(not imported)"), IGNORE)
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(field or IGNORE)))
            # Deferred: the preview rebuilds these combo boxes, including the one sending the signal.
            combo.currentIndexChanged.connect(lambda _i: QTimer.singleShot(0, lambda: self._preview(self.overrides())))
            self.mapping.setCellWidget(row, 1, combo)
            self.mapping.setItem(row, 2, QTableWidgetItem(clip(cells[row]) if row < len(cells) else ""))

    def _fill_rows(self, preview: service.Preview) -> None:
        # The fields as they will be imported (a name column split into first and last name),
        # in the usual order; fields with nothing in the first rows are left out.
        shown = {f for r in preview.first_rows for f, v in r["values"].items() if v and isinstance(v, str)}
        fields = [f for f in FIELDS if f in shown and not (f == "full_name" and {"first_name", "last_name"} & shown)]
        self.rows.clear()
        self.rows.setColumnCount(len(fields) + 1)
        self.rows.setHorizontalHeaderLabels([tr("Line")] + [field_label(f) for f in fields])
        self.rows.setRowCount(len(preview.first_rows))
        for r, row in enumerate(preview.first_rows):
            line = QTableWidgetItem(str(row["line"]) + ("" if row["ok"] else " ⚠"))
            self.rows.setItem(r, 0, line)
            for c, f in enumerate(fields, start=1):
                self.rows.setItem(r, c, QTableWidgetItem(clip(str(row["values"].get(f, "")))))
        self.rows.resizeColumnsToContents()

    def _fill_problems(self, problems: list, filename: str) -> None:
        """The first problems as lines in the user's language (only those shown are worded)."""
        shown = [problem_line(p, filename) for p in problems[:REPORT_LINES]]
        if len(problems) > REPORT_LINES:
            shown.append(tr("… and {n} more").format(n=len(problems) - REPORT_LINES))
        self.problems.setPlainText("\n".join(shown) if shown else tr("No problems found in the first rows."))

    def _failed(self, exc: BaseException) -> None:
        self._import_over()
        self.timer.stop()
        self.progress.hide()
        self.import_button.setEnabled(self.preview is not None)
        if isinstance(exc, ImportCancelled):
            self.summary.setText(tr("Import cancelled: nothing was written."))
        else:
            self.summary.setText(tr("Cannot import: {reason}").format(reason=localise(str(exc))))

    # -- importing ---------------------------------------------------------------------------
    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        try:
            refuse_database_file(self.path.text().strip())
        except DatabaseFileChosen as exc:
            self._failed(exc)
            return
        self.progress.setValue(0)
        self.progress.show()
        self.progress_state = Progress()
        self.importing = True
        self.cancel_button.show()
        self.close_button.hide()
        self.summary.setText(tr("Importing…"))
        self.timer.start()
        self.tasks.run(
            service.run_import, self.store, self.event_id, self.path.text().strip(), self.overrides(),
            self.skip_invalid.isChecked(), False, self.progress_state, self.actor,
            lane="write", on_done=self._imported, on_error=self._failed,
        )

    def _show_progress(self) -> None:
        done, total = self.progress_state.read()
        if total:
            self.progress.setValue(int(1000 * done / total))

    def cancel_import(self) -> None:
        """Stop reading; nothing is written (once the file is read, the import runs to its end)."""
        self.progress_state.cancel()
        self.cancel_button.setEnabled(False)
        self.summary.setText(tr("Cancelling…"))

    def reject(self) -> None:
        if getattr(self, "importing", False):  # Esc or the window's close while importing: cancel first
            self.cancel_import()
            return
        super().reject()

    def _import_over(self) -> None:
        self.importing = False
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        self.close_button.show()

    def _imported(self, report: service.ImportReport) -> None:
        self._import_over()
        self.timer.stop()
        self.report = report
        self.progress.setValue(1000)
        self._fill_problems(report.problems, report.file)
        if report.refused:
            self.summary.setText(tr("Nothing was imported: {n} problems in {rows} rows. Fix the file, or tick "
                                    "the box to import the valid rows.").format(n=len(report.errors), rows=report.rows))
            self.import_button.setEnabled(True)
            return
        self.summary.setText(tr("Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged, skipped=report.skipped))
        self.close_button.setText(tr("Done"))
