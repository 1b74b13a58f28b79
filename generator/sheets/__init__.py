"""Sheets: `content/` on disk. Load and validate (`store`), merge a regeneration with hand
edits (`merge`, `fold`), and write a run's plan atomically (`plan`, `state`, `report`)."""
