"""The Swedish translation: complete, up to date with the code, compiled, and used by the CLI.

A new ``tr("...")`` anywhere under kiosk/ without a Swedish text fails here (run
scripts/translations, translate the entries marked unfinished, run it again).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kiosk_sv.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")


def messages(path: Path) -> dict[tuple[str, str, bool], ET.Element]:
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source"), message.get("numerus") == "yes")] = message
    return found


def lupdate() -> str:
    """pyside6-lupdate next to the interpreter, or the same tool inside the PySide6 package."""
    wrapper = Path(sys.executable).with_name("pyside6-lupdate")
    if wrapper.exists() and subprocess.run([str(wrapper), "-version"], capture_output=True).returncode == 0:
        return str(wrapper)
    import PySide6.QtCore

    for name in ("lupdate", "lupdate.exe", os.path.join("Qt", "bin", "lupdate")):
        candidate = Path(PySide6.QtCore.__file__).parent / name
        if candidate.exists():
            return str(candidate)
    pytest.fail("pyside6-lupdate is not available")


def test_every_entry_is_translated_and_none_is_obsolete():
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "untranslated entries: run scripts/translations and translate them"
    assert 'type="obsolete"' not in text and 'type="vanished"' not in text, "obsolete entries: run scripts/translations"
    for (context, source, numerus), message in messages(TS).items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if numerus else [translation.text or ""]
        assert forms and all(f.strip() for f in forms), f"empty translation for {context}/{source!r}"
        for form in forms:  # the code fills these in: a lost or misspelt placeholder breaks the text
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (context, source, form)


def test_ts_is_up_to_date_with_the_code(tmp_path):
    """lupdate over today's code finds exactly the texts the .ts holds (none new, none gone)."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    subprocess.run([lupdate(), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    shipped, current = set(messages(TS)), set(messages(fresh))
    assert not current - shipped, f"texts in the code without a translation: {sorted(current - shipped)[:10]}"
    assert not shipped - current, f"translated texts no longer in the code: {sorted(shipped - current)[:10]}"
    assert 'type="unfinished"' not in fresh.read_text(encoding="utf-8")


def test_qm_is_compiled_from_the_ts_and_translates():
    from PySide6.QtCore import QTranslator

    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "kiosk_sv.qm is older than kiosk_sv.ts: run scripts/translations"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("DeskWindow", "Ready to scan") == "Redo att skanna"
    assert translator.translate("", "Already checked in") == "Redan incheckad"
    assert translator.translate("", "Unknown code") == "Okänd kod"
    assert translator.translate("WelcomePage", "Scan the QR code on your ticket") == "Skanna QR-koden på din biljett"
    assert translator.translate("AttendeePanel", "Badge printed {when}, %n time(s)", None, 1) == "Namnbricka utskriven {when}, %n gång"
    assert translator.translate("AttendeePanel", "Badge printed {when}, %n time(s)", None, 3) == "Namnbricka utskriven {when}, %n gånger"
    # every entry made it into the .qm
    for context, source, numerus in messages(TS):
        assert translator.translate(context, source, None, 2 if numerus else -1), (context, source)


def _translate_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            yield node, func, name


@pytest.mark.parametrize("path", sorted((ROOT / "kiosk").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_texts_are_written_so_lupdate_finds_them(path):
    """lupdate reads literal texts only, and files ``x.tr()`` under the context "x". So: ``tr`` is
    called on ``self`` or bare (kiosk.i18n's, the empty context) with a literal text (values go
    in with .format after it); a text chosen at run time is looked up with
    ``translate("Context", value)`` (a literal context) and declared where it is written with
    ``QT_TRANSLATE_NOOP("Context", "text")``."""
    if path.name == "i18n.py" and path.parent.name == "kiosk":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(ROOT))
    for node, func, name in _translate_calls(tree):
        line = f"{where}:{node.lineno}"
        if name == "tr":
            if isinstance(func, ast.Attribute):
                assert isinstance(func.value, ast.Name) and func.value.id == "self", (
                    f"{line}: call self.tr() or the bare tr() from kiosk.i18n; lupdate files x.tr() under context 'x'")
            assert node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str), (
                f"{line}: tr() needs a literal text; for a text chosen at run time use translate(\"Context\", value) "
                "and declare the texts with QT_TRANSLATE_NOOP(\"Context\", ...)")
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:  # not str.translate(table)
            assert isinstance(node.args[0], ast.Constant), f"{line}: the context must be a literal"
            if name == "QT_TRANSLATE_NOOP":
                assert isinstance(node.args[1], ast.Constant), f"{line}: QT_TRANSLATE_NOOP needs a literal text"


def test_core_messages_are_worded_in_swedish(monkeypatch):
    from kiosk import i18n
    from kiosk.core.attendees import validate
    from kiosk.messages import localise, problem

    monkeypatch.setenv("KIOSK_LANG", "sv")
    i18n.reset()
    i18n.use_command_line()
    try:
        problems = validate({"first_name": "", "last_name": "", "email": "nope"})
        assert [problem(f, m) for f, m in problems] == ["Namn saknas", "E-post: 'nope' är inte en giltig e-postadress"]
        assert localise("No event named 'Forum' in sqlite:///x.db") == "Inget evenemang med namnet 'Forum' i sqlite:///x.db"
        assert localise("default printer: ready, 2 waiting") == "standardskrivaren: redo, 2 väntar"
        assert localise("Printer 'Zebra' not found (is it switched on and installed?) (3 waiting)") == (
            "Skrivaren 'Zebra' hittades inte (är den påslagen och installerad?) (3 väntar)")
        assert localise("something new from core") == "something new from core"
    finally:
        i18n.reset()
        i18n.use_application()


def _kiosk(env, *args):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_cli_prints_swedish_result_lines(tmp_path):
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "KIOSK_LANG": "sv"}
    env.pop("KIOSK_DB", None)
    assert _kiosk(env, "demo", "--attendees", "5").returncode == 0
    code = _kiosk(env, "attendees").stdout.splitlines()[0].split("\t")[0]
    first = _kiosk(env, "checkin", code)
    assert first.returncode == 0 and first.stdout.startswith("Incheckad: ")
    again = _kiosk(env, "checkin", code)
    assert again.returncode == 3 and again.stdout.startswith("Redan incheckad: ") and ", station cli, av " in again.stdout
    unknown = _kiosk(env, "checkin", "NO-SUCH-CODE")
    assert unknown.stdout.strip() == "Okänd kod: 'NO-SUCH-CODE'"
    missing = _kiosk(env, "--event", "Nope", "stats")
    assert missing.returncode != 0 and missing.stderr.startswith("kiosk: Inget evenemang med namnet 'Nope'")
    # JSON stays as it is, in every language
    assert '"result": "already_checked_in"' in _kiosk(env, "checkin", code, "--json").stdout
    # the locale variables choose the language when KIOSK_LANG is not set
    env.pop("KIOSK_LANG")
    assert _kiosk({**env, "LANG": "sv_SE.UTF-8"}, "checkin", "X1").stdout.startswith("Okänd kod")
    assert _kiosk({**env, "LANG": "C.UTF-8", "LC_ALL": ""}, "checkin", "X1").stdout.startswith("Unknown code")


def test_language_choice():
    from kiosk.i18n import language

    assert language(environ={"KIOSK_LANG": "sv"}) == "sv"
    assert language("sv", environ={"LANG": "en_GB.UTF-8"}) == "sv"
    assert language(environ={"KIOSK_LANG": "en", "LANG": "sv_SE.UTF-8"}) == "en"
    assert language(environ={"LC_ALL": "sv_FI.UTF-8", "LANG": "en_US.UTF-8"}) == "sv"
    assert language(environ={"LC_MESSAGES": "de_DE.UTF-8", "LANG": "sv_SE.UTF-8"}) == "en"
    assert language(environ={"LANG": "C.UTF-8"}) == "en"
    assert language(environ={}) == "en"


#: Qt calls and constructors that put a text on a screen (or in a screen reader's ear).
SCREEN_TEXT_METHODS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "setWhatsThis",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "setPrefix", "setSuffix",
    "setSpecialValueText", "setFormat", "showMessage", "addAction", "addItem", "addItems", "addTab", "insertItem",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setTabText", "setItemText", "setButtonText",
    "setIconText", "setName", "information", "warning", "critical", "question", "addButton", "addToolBar",
}
SCREEN_TEXT_WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMenu",
    "QTableWidgetItem", "QListWidgetItem", "QCommandLinkButton", "QBarSet", "QMessageBox",
}
#: Texts that are the same in every language: symbols, and each language's own name.
UNTRANSLATED_OK = {"⌫", "␣", "—", "…", "dashboard"}


def _words_in(node: ast.AST) -> list[str]:
    """Literal words a text expression puts on screen without tr(): a literal, the literal
    parts of an f-string or a '+', and the items of a literal list."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if re.search(r"[^\W\d_]{2,}", node.value) and node.value not in UNTRANSLATED_OK else []
    if isinstance(node, ast.JoinedStr):
        return [w for part in node.values for w in _words_in(part)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _words_in(node.left) + _words_in(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [w for item in node.elts for w in _words_in(item)]
    if isinstance(node, ast.IfExp):
        return _words_in(node.body) + _words_in(node.orelse)
    return []  # a call (tr, translate, format of a tr), a name, ...: not a bare literal


def untranslated_screen_texts(source: str, where: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("information", "warning", "critical", "question") and getattr(getattr(func, "value", None), "id", "") != "QMessageBox":
            continue  # log.warning(...) and the like: the log, not the screen
        if name in SCREEN_TEXT_METHODS or name in SCREEN_TEXT_WIDGETS:
            args = list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title", "windowTitle")]
            for word in (w for arg in args for w in _words_in(arg)):
                found.append(f"{where}:{node.lineno}: {name}({word!r}) never passes through tr()")
    return found


def test_the_scan_finds_a_bare_text():
    planted = ('label.setText("Checked in")\nQPushButton("Save", self)\nw.setToolTip(f"Ready at {t}")\n'
               'ok.setText(self.tr("OK"))\nlog.warning("not on screen")\nQMessageBox.warning(self, "Oops", msg)\n')
    assert len(untranslated_screen_texts(planted, "probe.py")) == 4


@pytest.mark.parametrize("path", sorted((ROOT / "kiosk" / "ui").rglob("*.py")) + [ROOT / "kiosk" / "app.py"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_screen_text_passes_through_tr(path):
    """A text on a screen that never passes through tr() stays English in Swedish, however
    complete the .ts is: every literal given to setText, setWindowTitle, QLabel(...), ... is
    wrapped in tr()/self.tr() (or translate for texts chosen at run time)."""
    assert untranslated_screen_texts(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))) == []
