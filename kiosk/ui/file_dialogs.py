"""File dialogs that never open a database file.

Opening and closing any descriptor on a SQLite database, or on its -wal, -shm or -journal file,
releases every POSIX advisory lock the process holds on it ("How To Corrupt An SQLite Database
File"). Another process may then checkpoint and delete the WAL under this one: check-ins vanish
and the file breaks. Qt's file dialog reads the first bytes of every file it lists whose name
does not tell its type (to pick an icon and the Type column), so every dialog of the app:

- is Qt's own dialog (a native one may sniff as it likes), with an icon provider that decides
  from the name and stat() alone;
- hides database files, so none can be picked;
- starts in the user's documents folder, never in the data folder.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QWidget

from kiosk.i18n import tr

# Names of SQLite databases and the files beside them.
DATABASE_NAMES = ("*.db", "*.db-*", "*.sqlite", "*.sqlite3", "*.sqlite-*", "*.sqlite3-*",
                  "*-wal", "*-shm", "*-journal")


def is_database_name(name: str) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in DATABASE_NAMES)


def documents_folder() -> str:
    """Where every file dialog starts: the user's documents folder (home when there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names from the file name and stat() alone: no file is ever opened.

    Qt calls it from its file-gathering thread too, so it only reads the QFileInfo it gets."""

    def __init__(self):
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)

    def icon(self, which):  # noqa: D401 (Qt's overloads: an IconType or a QFileInfo)
        if isinstance(which, QFileIconProvider.IconType):
            return super().icon(which)
        kind = QFileIconProvider.IconType.Folder if which.isDir() else QFileIconProvider.IconType.File
        return super().icon(kind)

    def type(self, info) -> str:
        if info.isDir():
            return tr("Folder")
        suffix = info.suffix()
        return tr("{suffix} file").format(suffix=suffix.upper()) if suffix else tr("File")


class HideDatabaseFiles(QSortFilterProxyModel):
    """Every folder and file, except database files."""

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if isinstance(model, QFileSystemModel) and model.isDir(index):
            return True
        return not is_database_name(model.fileName(index) if isinstance(model, QFileSystemModel) else str(index.data()))


def file_dialog(parent: QWidget | None, title: str, filters: str, save: bool = False) -> QFileDialog:
    dialog = QFileDialog(parent, title, documents_folder(), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    icons = NameOnlyIcons()
    dialog.setIconProvider(icons)  # before the model lists anything
    dialog._icons = icons  # the provider must live as long as the dialog
    dialog.setProxyModel(HideDatabaseFiles(dialog))
    dialog.setNameFilter(filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """The file chosen to read, or "" when cancelled."""
    dialog = file_dialog(parent, title, filters)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()


def save_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """The file to write, or "" when cancelled."""
    dialog = file_dialog(parent, title, filters, save=True)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()
