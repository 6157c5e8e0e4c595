"""First run and event set-up: the Get started screen, the new-event form, the import dialog
and the events dialog (pick, rename, archive)."""
