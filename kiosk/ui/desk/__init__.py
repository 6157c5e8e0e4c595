"""The desk station window: scan or search, check in, print, undo, walk-ins."""
