"""`patreon members export`: choose columns, stream pages to CSV / JSON Lines / JSON in constant memory."""

from patreon_cli.export.records import csv_header, csv_row, json_record
from patreon_cli.export.run import ExportResult, export_members
from patreon_cli.export.selection import Selection, parse_selection
from patreon_cli.export.writers import FORMATS, Writer, make_writer

__all__ = [
    "FORMATS",
    "ExportResult",
    "Selection",
    "Writer",
    "csv_header",
    "csv_row",
    "export_members",
    "json_record",
    "make_writer",
    "parse_selection",
]
