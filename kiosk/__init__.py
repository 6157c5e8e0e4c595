"""Event check-in desk."""


def __getattr__(name: str):
    """``kiosk.__version__``, read from the installed package only when asked (it costs start-up)."""
    if name != "__version__":
        raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("kiosk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        value = "0.0.0"
    globals()["__version__"] = value
    return value
