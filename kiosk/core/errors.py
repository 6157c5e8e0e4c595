"""The one exception type the command line and the screens turn into a single clear line."""


class KioskError(Exception):
    """An error the user can act on. ``str(err)`` is the whole message; ``exit_code`` its status."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(KioskError):
    exit_code = 2
