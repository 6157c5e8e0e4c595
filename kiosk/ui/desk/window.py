"""The desk window: layout and key bindings only; the controller does the work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import accessible
from kiosk.ui.banner import ResultBanner
from kiosk.ui.camera_panel import CameraPanel
from kiosk.ui.desk.controller import AttendeeDetails, DeskController, StationStatus
from kiosk.ui.desk.dialogs import AnnulDialog, EditDialog, WalkInDialog
from kiosk.ui.desk.panel import AttendeePanel
from kiosk.ui.desk.lead import FilterRow, RecentResults
from kiosk.ui.desk.presenter import ResultView
from kiosk.ui.desk.search_box import SearchBox
from kiosk.ui.models import AttendeeTableModel
from kiosk.ui.sounds import SoundBoard
from kiosk.ui.statusbar import StationStatusBar


class DeskWindow(QMainWindow):
    def __init__(self, controller: DeskController, sounds: SoundBoard, camera_panel: CameraPanel | None = None):
        super().__init__()
        self.controller = controller
        self.setWindowTitle(self.tr("Check-in desk — {event}").format(event=controller.event_name))
        self.setObjectName("deskWindow")
        self._opened_query: str | None = None
        # Called when the window closes (save geometry, stop workers); the assembler fills it.
        self.closing: list = []
        self._build(sounds, camera_panel)
        self._make_actions()
        self._connect_signals()
        self._show_exit_mode(False)
        self._name_for_screen_readers()
        self.search.setFocus()

    def _name_for_screen_readers(self) -> None:
        accessible.name(self.search, self.tr("Search or scan"))
        accessible.name(self.table, self.tr("Attendees found"))
        accessible.name(self.panel.history, self.tr("Check-in history"))
        if self.camera_panel is not None:
            accessible.name(self.camera_panel.picker, self.tr("Camera"))

    # -- layout ----------------------------------------------------------------------------
    def _build(self, sounds: SoundBoard, camera_panel: CameraPanel | None) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.search = SearchBox(central)
        self.search.setObjectName("search")
        font = QFont(self.search.font())
        font.setPointSize(16)
        self.search.setFont(font)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(48)
        top.addWidget(self.search, 1)
        # Stays in sight while exit mode is on, whatever the banner shows.
        self.exit_mode_flag = QLabel(central)
        self.exit_mode_flag.setObjectName("exitModeFlag")
        self.exit_mode_flag.setStyleSheet("color: white; background: #8c1d18; font-weight: bold; padding: 6px 10px;")
        self.exit_mode_flag.hide()
        self.toolbar = QHBoxLayout()
        top.addLayout(self.toolbar)
        outer.addLayout(top)
        outer.addWidget(self.exit_mode_flag)  # a strip across the window, under the search

        self.offline_note = QLabel(self.tr(
            "The hub cannot be reached: this desk goes on checking people in on its own copy, and sends "
            "everything when the hub is back. Until then a guest could be let in twice at two stations; "
            "such double entries are listed afterwards."), central)
        self.offline_note.setWordWrap(True)
        self.offline_note.setStyleSheet("background: #fff3cd; color: #5c4400; border: 1px solid #b35c00; padding: 6px;")
        self.offline_note.hide()
        self._offline_warned = False
        outer.addWidget(self.offline_note)
        self.banner = ResultBanner(sounds, central)
        self.banner.setMinimumHeight(150)
        outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        left = QSplitter(Qt.Orientation.Vertical, split)
        results_box = QWidget(left)
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        # Everyone, or only who is still expected: not arrived, VIPs, speakers.
        filter_row = FilterRow(results_box)
        self.filter = filter_row.combo
        results_layout.addLayout(filter_row)
        self.model = AttendeeTableModel(self)
        self.table = QTableView(results_box)
        results_layout.addWidget(self.table, 1)
        self.table.setObjectName("results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 190, 110, 80, 90)):
            self.table.setColumnWidth(column, width)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.panel = AttendeePanel(self.controller.tz, right)
        right_layout.addWidget(self.panel, 1)
        # Who every action below acts on: the one person in the panel, named in bold.
        self.subject = QLabel(right)
        self.subject.setObjectName("subject")
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setStyleSheet("font-weight: bold;")
        right_layout.addWidget(self.subject)
        self.actions_row = QHBoxLayout()
        right_layout.addLayout(self.actions_row)
        self.camera_panel = camera_panel
        if camera_panel is not None:
            camera_panel.setParent(right)
            camera_panel.hide()
            right_layout.addWidget(camera_panel)
        # The last results at this station, newest first; a click opens that person.
        self.recent_box = recent_box = RecentResults(left)
        self.recent = recent_box.list
        left.addWidget(results_box)
        left.addWidget(recent_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([720, 540])
        self.splitter = split
        outer.addWidget(split, 1)
        self.setCentralWidget(central)

        actor = self.controller.actor
        self.status = StationStatusBar(actor.station, actor.operator, self)
        self.setStatusBar(self.status)
        self.status.set_database(self.controller.store.dialect, True)
        self.resize(1280, 760)

    def _action(self, text: str, keys: list[str], slot, row: QHBoxLayout | None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        if row is not None:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(40)
            row.addWidget(button)
        return action

    def _make_actions(self) -> None:
        a = self.actions_row
        self.act_check_in = self._action(self.tr("Check in (Enter)"), ["Ctrl+Return"], lambda: self._do(self.controller.check_in), a)
        self.act_annul = self._action(self.tr("Undo… (F8)"), ["F8"], self.ask_annul, a)
        self.act_print = self._action(self.tr("Print / reprint (F5)"), ["F5", "Ctrl+P"], lambda: self._do(self.controller.reprint), a)
        self.act_exit = self._action(self.tr("Exit (F6)"), ["F6"], lambda: self._do(self.controller.check_out), a)
        self.act_edit = self._action(self.tr("Edit… (F2)"), ["F2"], self.ask_edit, a)
        a.addStretch(1)
        t = self.toolbar
        self.act_walk_in = self._action(self.tr("Walk-in… (F3)"), ["F3"], self.ask_walk_in, t)
        self.act_exit_mode = self._action(self.tr("Scans record exits (F7)"), ["F7"], self._toggle_exit_mode, t, checkable=True)
        self.act_camera = self._action(self.tr("Camera (F9)"), ["F9"], self._toggle_camera, t, checkable=True)
        self.act_camera.setEnabled(self.camera_panel is not None)
        self._update_actions()

    def _connect_signals(self) -> None:
        c = self.controller
        c.resultReady.connect(self.show_result)
        c.detailsReady.connect(self._details)
        c.searchReady.connect(self._search_results)
        c.attendeeUpdated.connect(self.model.replace)
        c.statusReady.connect(self._station_status)
        c.exitModeChanged.connect(self._show_exit_mode)
        c.indexReady.connect(self._index_ready)
        c.recentChanged.connect(self.recent_box.show_results)
        c.indexChanged.connect(self._index_changed)
        self.filter.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.recent_box.picked.connect(self._recent_picked)
        self.search.textChanged.connect(c.search)
        self.search.returnPressed.connect(self._enter)
        self.search.moved.connect(self._move_selection)
        self.search.escaped.connect(self._escape)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.clicked.connect(lambda index: self._open_row(index.row()))

    # -- behaviour forwarded to the controller ------------------------------------------------
    def _do(self, fn) -> None:
        fn()
        self.search.setFocus()

    def _enter(self) -> None:
        """Enter opens the selected (or top) match; Enter again checks that person in."""
        row = self._selected_row()
        target = self.model.attendee(row if row >= 0 else 0)
        opened_here = target is not None and target.id == self.controller.current_id and self._opened_query == self.search.text()
        if target is not None and not opened_here:
            self._open_row(row if row >= 0 else 0)
        elif opened_here:
            self.controller.check_in()
        # Enter with nothing picked from the list (e.g. after a scan) does nothing: a stray
        # Enter must not turn a green into an amber. Ctrl+Enter checks in whoever is open.

    def _open_row(self, row: int) -> None:
        person = self.model.attendee(row)
        if person is None:
            return
        self.table.selectRow(row)
        self._opened_query = self.search.text()
        self.controller.open_attendee(person.id)
        self.search.setFocus()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _move_selection(self, step: int) -> None:
        if self.model.rowCount() == 0:
            return
        row = self._selected_row()
        target = max(0, min(self.model.rowCount() - 1, (row if row >= 0 else -1) + step))
        if target >= self.model.rowCount() - 1 and self.model.canFetchMore():
            self.model.fetchMore()
        self.table.selectRow(target)
        self.table.scrollTo(self.model.index(target, 0))
        self._open_row(target)  # the highlighted row is the panel's person: one subject for every action

    def _escape(self) -> None:
        self.search.clear()
        self.banner.clear()

    def ask_annul(self) -> None:
        current = self.controller.current
        if current is None:
            return
        dialog = AnnulDialog(current.info.display_name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.controller.annul(dialog.text())
        self.search.setFocus()

    def ask_edit(self) -> None:
        current = self.controller.current
        if current is None:
            return
        dialog = EditDialog(current.info, *self._choices(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            self.controller.save_edit(current.info.id, dialog.changes())
        self.search.setFocus()

    def ask_walk_in(self) -> None:
        dialog = WalkInDialog(*self._choices(), parent=self, find_twins=self.controller.find_twins)
        self.walk_in_dialog = dialog
        outcome = dialog.exec()
        if outcome == QDialog.DialogCode.Accepted:
            self.controller.register_walk_in(dialog.form.values(), dialog.despite)
        elif outcome == WalkInDialog.TWIN_CHOSEN and dialog.chosen is not None:
            self.controller.check_in(dialog.chosen)
        self.walk_in_dialog = None
        self.search.setFocus()

    def _choices(self) -> tuple[list[str], list[str]]:
        categories, tickets = self.controller.choices
        return list(categories), [self.tr("Walk-in"), *tickets]

    def _toggle_exit_mode(self, on: bool) -> None:
        self.controller.set_exit_mode(on)
        self.search.setFocus()

    def _toggle_camera(self, on: bool) -> None:
        if self.camera_panel is None:
            return
        self.camera_panel.setVisible(on)
        if on:
            self.camera_panel.start()
        else:
            self.camera_panel.stop()
        self.search.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802
        for fn in self.closing:
            fn()
        self.closing = []
        super().closeEvent(event)

    # -- showing what the controller reports ------------------------------------------------
    def show_result(self, view: ResultView) -> None:
        self.banner.present(view.state, view.title, view.detail, view.hint)
        self._banner_about = view.attendee_id

    def _details(self, details: AttendeeDetails | None) -> None:
        self.panel.show_details(details)
        about = getattr(self, "_banner_about", None)
        if details is not None and about is not None and about != details.info.id and self.banner.state is not None:
            self.banner.clear()  # a result about someone else never stands over this person's panel
            self._banner_about = None
        if details is None:
            self.subject.setText("")
        else:
            self.subject.setText(self.tr("Actions for: {name}").format(name=details.info.display_name or "—"))
        self._update_actions()

    def _update_actions(self) -> None:
        current = self.controller.current
        has = current is not None
        self.act_check_in.setEnabled(has)
        self.act_print.setEnabled(has)
        self.act_edit.setEnabled(has)
        self.act_annul.setEnabled(has and current.info.checked_in_at is not None)
        self.act_exit.setEnabled(has and current.info.inside)

    def _index_changed(self) -> None:
        if self.search.text().strip() or self.controller.filter_kind != "all":
            self.controller.search(self.search.text())

    def _search_results(self, query: str, people: list) -> None:
        if query != self.search.text():
            return  # typed on since; a newer answer is coming
        row = self._selected_row()
        picked = self.model.attendee(row) if row >= 0 else None
        self.model.set_attendees(people)
        if people:
            # The same list searched again (another station changed someone): the highlight stays
            # on the person it was on, so the subject of every action does not jump.
            ids = [p.id for p in people]
            self.table.selectRow(ids.index(picked.id) if picked is not None and picked.id in ids else 0)

    def _filter_changed(self) -> None:
        self.controller.set_filter(self.filter.currentData(), self.search.text())
        self.search.setFocus()

    def _recent_picked(self, attendee_id: int) -> None:
        self.controller.open_attendee(attendee_id)
        self.search.setFocus()

    def _station_status(self, status: StationStatus) -> None:
        if status.sync is not None:
            self.status.set_sync(status.sync.state == "online", status.sync.waiting, status.sync.last_sync)
            self._offline_warning(status.sync.state != "online")
        else:
            self.status.set_database(status.db_engine, status.db_ok)
        self.status.set_today(status.today)
        self.status.set_event_total(status.event)
        if status.queue is not None:
            self.status.set_printer(queue=status.queue)

    def _offline_warning(self, offline: bool) -> None:
        """Once per time offline: a strip above the banner says what offline means at the door."""
        if offline and not self.offline_note.isVisible() and not self._offline_warned:
            self._offline_warned = True
            self.offline_note.show()
        elif not offline:
            self._offline_warned = False
            self.offline_note.hide()

    def printer_status(self, text: str, pending: int, ok: bool) -> None:
        self.status.set_printer(text, ok, pending)

    def printer_worker_status(self, text: str, pending: int, ok: bool) -> None:
        self.status.text_has_queue = True
        self.status.set_printer(text, ok, pending)

    def _index_ready(self, count: int) -> None:
        self._show_exit_mode(self.controller.exit_mode)
        if self.search.text():
            self.controller.search(self.search.text())

    def _show_exit_mode(self, on: bool) -> None:
        self.act_exit_mode.setChecked(on)
        self.exit_mode_flag.setText(self.tr("EXIT MODE: each scan records that the person left (F7 to switch back)"))
        self.exit_mode_flag.setVisible(on)
        if on:
            self.search.setPlaceholderText(self.tr("EXIT MODE: scan or type a name…"))  # short: it must fit at 1366 px
            self.banner.set_idle_text(self.tr("Exit mode"), self.tr("Each scan records that the person left (F7 to switch back)"))
        else:
            self.search.setPlaceholderText(self.tr("Scan a ticket or type a name…"))
            title = self.tr("Ready to scan")
            if self.controller.list_name:  # a station on a room's or a day's list says which
                title = self.tr("Ready to scan: {list}").format(list=self.controller.list_name)
            self.banner.set_idle_text(title, self.tr("Scan a ticket anywhere, or type a name to search"))
