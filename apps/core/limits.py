"""Every size limit that protects the server, in one place, with the reason for each. The
README's security section lists them. Models, forms, the spreadsheet import and the restore
all read them from here, so one number never disagrees with another."""

# Text the person writes (notes, messages, reflections, a pasted email): the longest a field
# may hold. Generous for a note (about 8 pages), small enough that no single field can take
# a worker's memory. Enforced by the model field (so full_clean, every form built from the
# model, the import and the restore check it), and by the plain forms that feed a service.
TEXT_MAX_CHARS = 20_000

# Spreadsheet import: a job search's sheet has a few dozen columns; 100 leaves room for odd
# exports while keeping a crafted file (100,000 columns in two rows) from holding a worker.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_ROWS = 20_000
IMPORT_MAX_COLUMNS = 100

# Restore of an all.zip export. The largest accepted archive must restore: the background
# worker restores archives of 100,000 rows, so the total is well above that. A cell is read
# whole before it is checked, so one cell may not be larger than the longest text field
# (plus room for quoting) — never the archive's size. See the README for timings.
RESTORE_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
RESTORE_MAX_ROWS = 150_000  # across all files
RESTORE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # 150,000 rows at about 1.3 KiB each
RESTORE_MAX_CELL_CHARS = 4 * TEXT_MAX_CHARS

# The csv module's cell limit is one setting for the whole process, so the import and the
# restore set the same value: the longest text field, with room for quoting.
CSV_MAX_CELL_CHARS = RESTORE_MAX_CELL_CHARS
# The manifest is a small JSON file listing the datasets.
RESTORE_MAX_MANIFEST_BYTES = 64 * 1024
