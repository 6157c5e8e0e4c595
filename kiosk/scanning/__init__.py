"""Turning scanners into codes: keyboard-wedge bursts and camera frames.

Both sources end in a plain ``str`` code; what the code means is the check-in engine's business.
Screens (the desk, the self-service kiosk) connect ``scanned(str)`` to their controller.
"""
