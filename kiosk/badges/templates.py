"""Badge and ticket templates: TOML files, read into plain frozen dataclasses.

Built-in templates live in resources/badges/; a user adds one by dropping a ``*.toml`` file
into ``<data folder>/badges/`` (it wins over a built-in of the same name). No code needed.
A template with a mistake is refused with one line naming the file and the element; among the
others it is skipped with a warning (``template_problems``), and the rest keep working.
Images and fonts are read through ``kiosk.badges.sources`` (confined, regular files, limited).
"""

from __future__ import annotations

import logging
import math
import tomllib
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cache
from pathlib import Path

from PIL import ImageColor

from kiosk.badges.sources import (
    MAX_IMAGE_BYTES, MAX_TEMPLATE_BYTES, SourceError, check_font, check_regular, confined, read_regular,
)
from kiosk.core.errors import KioskError
from kiosk.paths import resource, resource_root

log = logging.getLogger(__name__)

#: Attendee-bound values a text element or a colour band may show (see render.field_value).
FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "job_title",
    "category",
    "ticket_type",
    "code",
    "event_name",
    "event_date",
)
ALIGNS = ("left", "center", "right")
ELEMENT_TYPES = ("text", "qr", "band", "image", "fixed")
QR_LEVELS = ("L", "M", "Q", "H")
KINDS = ("badge", "ticket")
#: Sane limits: a page of at most 1 m a side, and at most this many pixels at its dpi.
MAX_PAGE_MM = 1000.0
MAX_PAGE_PIXELS = 60_000_000
MAX_SIZE_PT = 500


class TemplateError(KioskError):
    exit_code = 2


@dataclass(frozen=True)
class Box:
    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float


@dataclass(frozen=True)
class Element:
    type: str
    box: Box
    #: text/band: attendee field; fixed: the text, with {event_name}/{event_date} filled in.
    field: str = ""
    text: str = ""
    font: str = "DejaVuSans.ttf"
    size_pt: tuple[float, float] = (8.0, 12.0)
    align: str = "center"
    valign: str = "center"
    max_lines: int = 1
    color: str = "#000000"
    upper: bool = False
    #: band: value -> colour; "default" for the rest. The band may also carry text (field).
    colors: dict = dc_field(default_factory=dict)
    text_color: str = "#ffffff"
    #: qr
    quiet_zone: int = 4
    error_correction: str = "M"
    #: image: a file next to the template, or "logo" for the event logo passed in.
    source: str = ""


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    kind: str
    width_mm: float
    height_mm: float
    dpi: int
    margin_mm: float
    bleed_mm: float
    background: str
    elements: tuple[Element, ...]
    path: Path

    @property
    def orientation(self) -> str:
        return "landscape" if self.width_mm > self.height_mm else "portrait"

    def size_px(self, dpi: int | None = None) -> tuple[int, int]:
        d = dpi or self.dpi
        return round(self.width_mm / 25.4 * d), round(self.height_mm / 25.4 * d)

    def describe(self) -> str:
        return f"{self.width_mm:g}x{self.height_mm:g} mm, {self.orientation}, {self.dpi} dpi"


def _num(where: str, data: dict, key: str, default=None, minimum: float = 0.0, maximum: float = MAX_PAGE_MM) -> float:
    value = data.get(key, default)
    if value is None:
        raise TemplateError(f"{where}: '{key}' is missing")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise TemplateError(f"{where}: '{key}' must be a number, not {value!r}")
    if value < minimum:
        raise TemplateError(f"{where}: '{key}' must be at least {minimum:g}")
    if value > maximum:
        raise TemplateError(f"{where}: '{key}' must be at most {maximum:g}")
    return float(value)


def source_roots(folder: Path) -> tuple[Path, ...]:
    """Where a template's image may come from: its own folder and the shipped resources."""
    return folder, resource_root()


def _image_source(where: str, source: str, folder: Path) -> str:
    path = folder / source
    try:
        real = confined(path, source_roots(folder))
        if real.exists():
            check_regular(real, MAX_IMAGE_BYTES)
    except SourceError as exc:
        raise TemplateError(f"{where}: 'source' {source!r} {exc}") from None
    return str(path)


def _font(where: str, font) -> str:
    fonts = resource("fonts")
    if not isinstance(font, str) or not font:
        raise TemplateError(f"{where}: 'font' must be a file name in resources/fonts")
    try:
        real = confined(fonts / font, [fonts])
    except SourceError:
        raise TemplateError(f"{where}: font {font!r} is not in resources/fonts") from None
    if not real.is_file():
        raise TemplateError(f"{where}: font {font!r} is not in resources/fonts")
    try:
        check_font(real)
    except SourceError as exc:
        raise TemplateError(f"{where}: font {font!r} {exc}") from None
    return font


def _choice(where: str, data: dict, key: str, options: tuple, default: str) -> str:
    value = data.get(key, default)
    if value not in options:
        raise TemplateError(f"{where}: '{key}' must be one of {', '.join(options)}, not {value!r}")
    return value


def _color(where: str, key: str, value) -> str:
    try:
        ImageColor.getrgb(str(value))
    except ValueError:
        raise TemplateError(f"{where}: '{key}' is not a colour: {value!r} (use \"#rrggbb\")") from None
    return str(value)


def _element(where: str, data: dict, page: tuple[float, float], folder: Path) -> Element:
    known = {
        "type", "x_mm", "y_mm", "w_mm", "h_mm", "size_mm", "field", "text", "font", "size_pt", "align", "valign",
        "max_lines", "color", "upper", "colors", "text_color", "quiet_zone", "error_correction", "source",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise TemplateError(f"{where}: unknown key '{unknown[0]}'")
    kind = _choice(where, data, "type", ELEMENT_TYPES, "")
    x, y = _num(where, data, "x_mm"), _num(where, data, "y_mm")
    if kind == "qr":
        w = h = _num(where, data, "size_mm", minimum=5)
    else:
        w, h = _num(where, data, "w_mm", minimum=1), _num(where, data, "h_mm", minimum=1)
    if x + w > page[0] + 0.01 or y + h > page[1] + 0.01:
        raise TemplateError(f"{where}: the element reaches outside the {page[0]:g}x{page[1]:g} mm page")
    kw: dict = {"type": kind, "box": Box(x, y, w, h)}
    if kind in ("text", "band"):
        value = data.get("field", "")
        if kind == "text" or value:
            if value not in FIELDS:
                raise TemplateError(f"{where}: 'field' must be one of {', '.join(FIELDS)}, not {value!r}")
        kw["field"] = value
    if kind == "fixed":
        if not isinstance(data.get("text"), str):
            raise TemplateError(f"{where}: 'text' is missing")
        kw["text"] = data["text"]
    if kind in ("text", "fixed", "band"):
        kw["font"] = _font(where, data.get("font", "DejaVuSans.ttf"))
        sizes = data.get("size_pt", [8, 12])
        if isinstance(sizes, (int, float)):
            sizes = [sizes, sizes]
        if not (isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, (int, float)) for s in sizes)):
            raise TemplateError(f"{where}: 'size_pt' must be [minimum, maximum] in points")
        if not 3 <= sizes[0] <= sizes[1] <= MAX_SIZE_PT:
            raise TemplateError(f"{where}: 'size_pt' must be [minimum, maximum] with 3 <= minimum <= maximum <= {MAX_SIZE_PT}")
        kw["size_pt"] = (float(sizes[0]), float(sizes[1]))
        kw["align"] = _choice(where, data, "align", ALIGNS, "center")
        kw["valign"] = _choice(where, data, "valign", ("top", "center", "bottom"), "center")
        lines = data.get("max_lines", 1)
        if not isinstance(lines, int) or not 1 <= lines <= 6:
            raise TemplateError(f"{where}: 'max_lines' must be a whole number from 1 to 6")
        kw["max_lines"] = lines
        kw["color"] = _color(where, "color", data.get("color", "#000000"))
        kw["upper"] = bool(data.get("upper", False))
    if kind == "band":
        colors = data.get("colors", {})
        if not isinstance(colors, dict) or not all(isinstance(v, str) for v in colors.values()):
            raise TemplateError(f"{where}: 'colors' must be a table of value = \"#rrggbb\"")
        for value in colors.values():
            _color(where, "colors", value)
        kw["colors"] = dict(colors)
        kw["text_color"] = _color(where, "text_color", data.get("text_color", "#ffffff"))
        kw["text"] = str(data.get("text", ""))
    if kind == "qr":
        quiet = data.get("quiet_zone", 4)
        if not isinstance(quiet, int) or not 1 <= quiet <= 10:
            raise TemplateError(f"{where}: 'quiet_zone' must be a whole number of modules from 1 to 10")
        kw["quiet_zone"] = quiet
        kw["error_correction"] = _choice(where, data, "error_correction", QR_LEVELS, "M")
    if kind == "image":
        source = str(data.get("source", ""))
        if not source:
            raise TemplateError(f"{where}: 'source' is missing (a file next to the template, or \"logo\")")
        kw["source"] = source if source == "logo" else _image_source(where, source, folder)
    return Element(**kw)


def parse_template(path: Path) -> Template:
    """Read one template file; a mistake raises TemplateError naming the file (and line)."""
    label = path.name
    try:
        data = tomllib.loads(read_regular(path, MAX_TEMPLATE_BYTES).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{label}: {exc}") from None
    except SourceError as exc:
        raise TemplateError(f"{label}: the file {exc}") from None
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{label}: cannot read: {exc}") from None
    top_known = {"name", "title", "kind", "width_mm", "height_mm", "dpi", "margin_mm", "bleed_mm", "background", "element"}
    unknown = sorted(set(data) - top_known)
    if unknown:
        raise TemplateError(f"{label}: unknown key '{unknown[0]}'")
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not name.strip() or name == "none":
        raise TemplateError(f"{label}: 'name' must be a non-empty text other than 'none'")
    width, height = _num(label, data, "width_mm", minimum=10), _num(label, data, "height_mm", minimum=10)
    dpi = data.get("dpi", 300)
    if not isinstance(dpi, int) or not 72 <= dpi <= 1200:
        raise TemplateError(f"{label}: 'dpi' must be a whole number from 72 to 1200")
    pixels = round(width / 25.4 * dpi) * round(height / 25.4 * dpi)
    if pixels > MAX_PAGE_PIXELS:
        raise TemplateError(
            f"{label}: 'dpi': a {width:g}x{height:g} mm page at {dpi} dpi is {pixels / 1e6:.0f} million pixels; "
            f"at most {MAX_PAGE_PIXELS // 1_000_000} million (lower the dpi or the page size)"
        )
    raw_elements = data.get("element", [])
    if not isinstance(raw_elements, list) or not raw_elements:
        raise TemplateError(f"{label}: a template needs at least one [[element]]")
    elements = tuple(
        _element(f"{label}: element {i} ({e.get('type', '?')})", e, (width, height), path.parent)
        for i, e in enumerate(raw_elements, 1)
    )
    return Template(
        name=name.strip(),
        title=str(data.get("title", name)),
        kind=_choice(label, data, "kind", KINDS, "badge"),
        width_mm=width,
        height_mm=height,
        dpi=dpi,
        margin_mm=_num(label, data, "margin_mm", 0),
        bleed_mm=_num(label, data, "bleed_mm", 0),
        background=_color(label, "background", data.get("background", "#ffffff")),
        elements=elements,
        path=path,
    )


def template_dirs() -> list[Path]:
    """Built-in templates first, then the user's folder (whose files win on equal names)."""
    from kiosk.core.store import data_dir

    return [resource("badges"), data_dir() / "badges"]


@cache
def _load(path: Path, mtime: float) -> Template | TemplateError:
    """The template, or its mistake (logged once per version of the file)."""
    try:
        return parse_template(path)
    except TemplateError as exc:
        log.warning("badge template %s skipped: %s", path, exc)
        return exc


def _scan() -> tuple[dict[str, Template], dict[str, str]]:
    """The usable templates by name, and the skipped files' mistakes by file stem."""
    found: dict[str, Template] = {}
    problems: dict[str, str] = {}
    for folder in template_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                loaded = _load(path, path.stat().st_mtime)
            except OSError as exc:
                loaded = TemplateError(f"{path.name}: cannot read: {exc.strerror}")
            if isinstance(loaded, TemplateError):
                problems[path.stem] = str(loaded)
            else:
                found[loaded.name] = loaded
    return found, problems


def all_templates() -> dict[str, Template]:
    """Every usable template by name; a file with a mistake is left out (see template_problems)."""
    return _scan()[0]


def template_problems() -> list[str]:
    """One line for each template file that is skipped, naming the file and its mistake."""
    return list(_scan()[1].values())


def get_template(name: str) -> Template:
    templates, problems = _scan()
    if name not in templates:
        if name in problems:
            raise TemplateError(problems[name])
        raise TemplateError(f"No badge template named {name!r} (known: {', '.join(sorted(templates))})")
    return templates[name]
