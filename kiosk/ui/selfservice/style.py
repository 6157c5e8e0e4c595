"""The kiosk's high-contrast look. Sizes scale with the text-size setting (percent)."""

from __future__ import annotations

from kiosk.ui.selfservice.options import touch_px

BACKGROUND = "#0b1f33"
TEXT = "#ffffff"
FOCUS = "#ffd400"


def sheet(scale: int) -> str:
    def pt(size: float) -> str:
        return f"{round(size * scale / 100)}pt"

    target = touch_px()
    return f"""
    #selfServiceWindow {{ background: {BACKGROUND}; color: {TEXT}; }}
    #selfServiceWindow QLabel {{ color: {TEXT}; font-size: {pt(20)}; }}
    #selfServiceWindow QLabel#eventName {{ font-size: {pt(34)}; font-weight: bold; }}
    #selfServiceWindow QLabel#prompt {{ font-size: {pt(40)}; font-weight: bold; color: {FOCUS}; }}
    #selfServiceWindow QLabel#pageTitle {{ font-size: {pt(32)}; font-weight: bold; }}
    #selfServiceWindow QLabel#who {{ font-size: {pt(28)}; font-weight: bold; color: {FOCUS}; }}
    #selfServiceWindow QLabel#warning {{ font-size: {pt(22)}; font-weight: bold; color: #ffb4a8; }}
    #selfServiceWindow QLabel#resultTitle {{ font-size: {pt(48)}; font-weight: bold; }}
    #selfServiceWindow QLabel#resultDetail {{ font-size: {pt(30)}; }}
    #selfServiceWindow QLabel#resultPrint {{ font-size: {pt(26)}; font-weight: bold; }}
    #selfServiceWindow QPushButton {{
        background: #ffffff; color: #000000; border: 3px solid #ffffff; border-radius: 10px;
        font-size: {pt(22)}; font-weight: bold; min-height: {target}px; min-width: {target}px; padding: 4px 18px;
    }}
    #selfServiceWindow QPushButton#key {{ font-size: {pt(20)}; padding: 2px; }}
    #selfServiceWindow QPushButton#primary {{ background: {FOCUS}; border-color: {FOCUS}; min-width: {target * 5}px; }}
    #selfServiceWindow QPushButton#secondary {{ background: #dfe6ee; border-color: #dfe6ee; min-width: {target * 3}px; }}
    #selfServiceWindow QPushButton#danger {{ background: #b3261e; color: #ffffff; border-color: #b3261e; min-width: {target * 5}px; }}
    #selfServiceWindow QPushButton#match {{ text-align: left; padding-left: 24px; min-width: {target * 8}px; }}
    #selfServiceWindow QPushButton#language {{ min-width: {target * 3}px; }}
    #selfServiceWindow QPushButton:focus {{ border: 5px solid {FOCUS}; background: #fff6c2; }}
    #selfServiceWindow QPushButton:pressed {{ background: #c8d3de; }}
    #selfServiceWindow QPushButton:disabled {{ background: #7a8794; color: #1a1a1a; }}
    #selfServiceWindow QLineEdit {{
        background: #ffffff; color: #000000; border: 4px solid {FOCUS}; border-radius: 8px;
        font-size: {pt(28)}; padding: 4px 12px;
    }}
    """
