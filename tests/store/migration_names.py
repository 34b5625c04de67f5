"""The names of every migration the code defines, in order (a new store applies them all)."""
import sqlite_utils

from ecom_models.store.migrations import migrations

ALL_MIGRATIONS = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
assert ALL_MIGRATIONS[:2] == ["0001_initial", "0002_line_identity"], ALL_MIGRATIONS
