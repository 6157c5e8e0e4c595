"""Qt screens. Thin views over the services in kiosk.core; behaviour lives in controllers."""

from kiosk.ui import refcount_guard

refcount_guard.install()  # PySide6 6.12 on CPython 3.11 leaks None's references: see the module
