"""The settings dialog, built from the declarations in ``kiosk.settings``: one page per group,
each with load, save and check; guarded by the admin PIN once one is set."""

from kiosk.ui.settings_dialog.dialog import SettingsDialog, open_settings
from kiosk.ui.settings_dialog.pin_dialog import PinDialog

__all__ = ["PinDialog", "SettingsDialog", "open_settings"]
