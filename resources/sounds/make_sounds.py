"""Makes success.wav, warning.wav and error.wav: short, soft, clearly different tones.

Run it again after changing a tone: ``python resources/sounds/make_sounds.py``.
success: a rising major third (bright, quick). warning: two equal mid notes (attention).
error: a falling low pair with a little warmth from the 2nd harmonic (clearly "no").
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
TONES = {
    "success": [(880.0, 0.09), (1108.7, 0.16)],
    "warning": [(659.3, 0.12), (0.0, 0.05), (659.3, 0.16)],
    "error": [(392.0, 0.14), (311.1, 0.26)],
}


def note(freq: float, seconds: float, warmth: float) -> list[float]:
    n = int(RATE * seconds)
    if freq == 0.0:
        return [0.0] * n
    attack = int(RATE * 0.006)
    out = []
    for i in range(n):
        env = min(1.0, i / attack) * math.exp(-3.2 * i / n)
        env *= min(1.0, (n - i) / (RATE * 0.01))  # no click at the end
        t = i / RATE
        s = math.sin(2 * math.pi * freq * t) + warmth * math.sin(4 * math.pi * freq * t)
        out.append(env * s / (1 + warmth))
    return out


def write(path: Path, notes: list[tuple[float, float]], warmth: float = 0.0, volume: float = 0.45) -> None:
    samples: list[float] = []
    for freq, seconds in notes:
        samples += note(freq, seconds, warmth)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(volume * 32767 * s)) for s in samples))


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, notes in TONES.items():
        write(here / f"{name}.wav", notes, warmth=0.25 if name == "error" else 0.05)


if __name__ == "__main__":
    main()
