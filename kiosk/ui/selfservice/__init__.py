"""The attendee-facing self-service kiosk (``kiosk run --mode self``)."""
