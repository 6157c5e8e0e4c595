"""Fonts, sounds, icons, badge templates, translations and the style sheet (package data)."""
