"""The camera tests drive the real desk, so they share its fixtures."""

from tests.ui.conftest import desk_actor, desk_event, desk_store, make_desk, station_settings  # noqa: F401
