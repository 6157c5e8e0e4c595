"""The organiser's live dashboard (``kiosk run --mode dashboard``)."""
