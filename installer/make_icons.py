"""Draw the application icon (resources/icons/kstthc.png and .ico) with QPainter; run once after a change.

Run: QT_QPA_PLATFORM=offscreen python installer/make_icons.py
The icon is a red rounded square (the colour of an official seal) holding a white plan sheet with
ticked lines: the program follows a plan task by task. Drawn in code so it has no licence of its own.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    p.scale(s, s)
    # background: rounded square, seal red
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b71c1c"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # the plan sheet
    p.setBrush(QColor("#ffffff"))
    sheet = QPainterPath()
    sheet.addRoundedRect(QRectF(52, 34, 152, 188), 14, 14)
    p.drawPath(sheet)
    # ticked lines: check in green, line in grey; the last one still open (an empty box)
    for i, done in enumerate((True, True, False)):
        y = 80 + i * 50
        if done:
            pen = QPen(QColor("#2e7d32"), 13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline([QPointF(72, y), QPointF(84, y + 12), QPointF(104, y - 12)])
        else:
            p.setPen(QPen(QColor("#b71c1c"), 8))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(72, y - 14, 28, 28), 5, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#607d8b"))
        p.drawRoundedRect(QRectF(118, y - 6, 68, 12), 6, 6)
    p.end()
    return img


def to_pil(img: QImage) -> Image.Image:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(buf.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    big = to_pil(draw(256))
    big.save(OUT / "kstthc.png", optimize=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    frames = [to_pil(draw(n)) for n in sizes]  # drawn at each size: sharper than downscaling
    frames[-1].save(OUT / "kstthc.ico", sizes=[(n, n) for n in sizes], append_images=frames[:-1])
    print(OUT / "kstthc.png", OUT / "kstthc.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
