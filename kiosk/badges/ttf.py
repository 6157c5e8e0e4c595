"""Just enough TrueType to embed a font subset in a PDF: read the character map, the advance
widths and the glyph outlines, and write a font with only the glyphs a page uses (composite
glyphs keep their parts). No hinting tables: PDF viewers and printers draw outlines. No Qt.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# composite glyph flags
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _HAVE_XY_SCALE, _HAVE_2X2 = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


@dataclass
class TrueTypeFont:
    name: str
    units_per_em: int
    ascent: int
    descent: int
    bbox: tuple[int, int, int, int]
    cmap: dict[int, int]
    advances: list[int]
    tables: dict[str, bytes]
    glyphs: list[bytes]

    @property
    def chars(self) -> dict[int, str]:
        """{glyph id: a character it draws}, for a PDF's text extraction (made once)."""
        found = self.__dict__.get("_chars")
        if found is None:
            found = {}
            for code, gid in sorted(self.cmap.items(), reverse=True):
                found[gid] = chr(code)
            self.__dict__["_chars"] = found
        return found

    def glyph_id(self, char: str) -> int | None:
        return self.cmap.get(ord(char))

    def width(self, gid: int) -> int:
        """Advance width in 1/1000 of the size (PDF's glyph space)."""
        return round(self.advances[min(gid, len(self.advances) - 1)] * 1000 / self.units_per_em)

    def _with_parts(self, gids: set[int]) -> list[int]:
        wanted, todo = {0}, list(gids)
        while todo:
            gid = todo.pop()
            if gid in wanted or gid >= len(self.glyphs):
                continue
            wanted.add(gid)
            todo.extend(part for part, _at in _components(self.glyphs[gid]))
        return sorted(wanted)

    def subset(self, gids: set[int]) -> tuple[bytes, dict[int, int]]:
        """A TrueType font holding ``gids`` (and .notdef, and composite parts), renumbered from 0;
        returns the font and {old glyph id: new glyph id}."""
        keep = self._with_parts(gids)
        new_id = {old: new for new, old in enumerate(keep)}
        glyf, loca = bytearray(), []
        for old in keep:
            data = bytearray(self.glyphs[old])
            for part, at in _components(self.glyphs[old]):
                struct.pack_into(">H", data, at, new_id[part])
            loca.append(len(glyf))
            glyf += data
            glyf += b"\0" * (-len(glyf) % 4)
        loca.append(len(glyf))
        head = bytearray(self.tables["head"])
        struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
        struct.pack_into(">h", head, 50, 1)  # indexToLocFormat: long offsets
        hhea = bytearray(self.tables["hhea"])
        struct.pack_into(">H", hhea, 34, len(keep))
        maxp = bytearray(self.tables["maxp"])
        struct.pack_into(">H", maxp, 4, len(keep))
        hmtx = b"".join(struct.pack(">Hh", self.advances[min(old, len(self.advances) - 1)], self._lsb(old)) for old in keep)
        tables = {"glyf": bytes(glyf), "head": bytes(head), "hhea": bytes(hhea), "hmtx": hmtx,
                  "loca": struct.pack(f">{len(loca)}I", *loca), "maxp": bytes(maxp)}
        font = bytearray(_assemble(tables))
        head_at = _table_offset(font, "head")
        struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF)
        return bytes(font), new_id

    def _lsb(self, gid: int) -> int:
        data = self.glyphs[gid]
        return struct.unpack_from(">h", data, 2)[0] if len(data) >= 10 else 0


def _components(data: bytes) -> list[tuple[int, int]]:
    """(glyph id, byte offset of that id) of each part of a composite glyph; [] for a simple one."""
    if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
        return []
    out, at = [], 10
    while True:
        flags, gid = struct.unpack_from(">HH", data, at)
        out.append((gid, at + 2))
        at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        at += 2 if flags & _HAVE_SCALE else 4 if flags & _HAVE_XY_SCALE else 8 if flags & _HAVE_2X2 else 0
        if not flags & _MORE:
            return out


def _checksum(data: bytes) -> int:
    data = bytes(data) + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _assemble(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    entry = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, entry * 16, entry.bit_length() - 1, n * 16 - entry * 16)
    offset = 12 + 16 * n
    directory, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode(), _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + bytes(directory) + bytes(body)


def _table_offset(font: bytes, tag: str) -> int:
    n = struct.unpack_from(">H", font, 4)[0]
    for i in range(n):
        name, _sum, offset, _length = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        if name == tag.encode():
            return offset
    raise KeyError(tag)


def _cmap(data: bytes) -> dict[int, int]:
    n = struct.unpack_from(">H", data, 2)[0]
    subtables = {}
    for i in range(n):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        subtables[(platform, encoding)] = offset
    out: dict[int, int] = {}
    offset = subtables.get((3, 10))
    if offset is not None and struct.unpack_from(">H", data, offset)[0] == 12:
        groups = struct.unpack_from(">I", data, offset + 12)[0]
        for g in range(groups):
            start, end, first = struct.unpack_from(">III", data, offset + 16 + 12 * g)
            for code in range(start, end + 1):
                out[code] = first + code - start
        return out
    offset = subtables.get((3, 1), subtables.get((0, 3)))
    if offset is None or struct.unpack_from(">H", data, offset)[0] != 4:
        raise ValueError("no Unicode character map (format 4 or 12)")
    segs = struct.unpack_from(">H", data, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, offset + 14)
    starts = struct.unpack_from(f">{segs}H", data, offset + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, offset + 16 + 4 * segs)
    ranges_at = offset + 16 + 6 * segs
    ranges = struct.unpack_from(f">{segs}H", data, ranges_at)
    for i in range(segs):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                gid = (code + deltas[i]) & 0xFFFF
            else:
                at = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                gid = struct.unpack_from(">H", data, at)[0]
                gid = (gid + deltas[i]) & 0xFFFF if gid else 0
            if gid:
                out[code] = gid
    return out


@lru_cache(maxsize=8)
def load(path: str) -> TrueTypeFont:
    data = Path(path).read_bytes()
    n = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(n):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    head, hhea, maxp = tables["head"], tables["hhea"], tables["maxp"]
    units = struct.unpack_from(">H", head, 18)[0]
    bbox = struct.unpack_from(">hhhh", head, 36)
    long_loca = struct.unpack_from(">h", head, 50)[0] == 1
    count = struct.unpack_from(">H", maxp, 4)[0]
    ascent, descent = struct.unpack_from(">hh", hhea, 4)
    metrics = struct.unpack_from(">H", hhea, 34)[0]
    hmtx = tables["hmtx"]
    advances = [struct.unpack_from(">H", hmtx, 4 * i)[0] for i in range(metrics)]
    advances += [advances[-1]] * (count - metrics)
    loca = (struct.unpack_from(f">{count + 1}I", tables["loca"]) if long_loca
            else [2 * v for v in struct.unpack_from(f">{count + 1}H", tables["loca"])])
    glyf = tables["glyf"]
    glyphs = [glyf[loca[i] : loca[i + 1]] for i in range(count)]
    name = Path(path).stem.replace(" ", "")
    return TrueTypeFont(name, units, ascent, descent, bbox, _cmap(tables["cmap"]), advances, tables, glyphs)
