"""Streaming writers: each record is written as it arrives, so memory does not grow with the export.

JSON is streamed too: `[`, then records separated by commas, then `]`, never a list in memory.
"""

from __future__ import annotations

import csv
import json
from typing import Protocol, TextIO

from patreon_cli.export.records import csv_header, csv_row, json_record
from patreon_cli.export.selection import Selection
from patreon_runtime.jsonapi import DocumentBase, Resource

FORMATS = ("csv", "jsonl", "json")


class Writer(Protocol):
    def begin(self) -> None: ...
    def write(self, page: DocumentBase, member: Resource) -> None: ...
    def end(self) -> None: ...


class CSVWriter:
    def __init__(self, stream: TextIO, selection: Selection) -> None:
        self._csv = csv.writer(stream)
        self._selection = selection

    def begin(self) -> None:
        self._csv.writerow(csv_header(self._selection))

    def write(self, page: DocumentBase, member: Resource) -> None:
        self._csv.writerow(csv_row(page, member, self._selection))

    def end(self) -> None:
        pass


def _dumps(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class JSONLinesWriter:
    def __init__(self, stream: TextIO, selection: Selection) -> None:
        self._stream = stream
        self._selection = selection

    def begin(self) -> None:
        pass

    def write(self, page: DocumentBase, member: Resource) -> None:
        self._stream.write(_dumps(json_record(page, member, self._selection)))
        self._stream.write("\n")

    def end(self) -> None:
        pass


class JSONArrayWriter:
    def __init__(self, stream: TextIO, selection: Selection) -> None:
        self._stream = stream
        self._selection = selection
        self._first = True

    def begin(self) -> None:
        self._stream.write("[")

    def write(self, page: DocumentBase, member: Resource) -> None:
        self._stream.write("\n" if self._first else ",\n")
        self._first = False
        self._stream.write(_dumps(json_record(page, member, self._selection)))

    def end(self) -> None:
        self._stream.write("]\n" if self._first else "\n]\n")


def make_writer(format_name: str, stream: TextIO, selection: Selection) -> Writer:
    if format_name == "csv":
        return CSVWriter(stream, selection)
    if format_name == "jsonl":
        return JSONLinesWriter(stream, selection)
    if format_name == "json":
        return JSONArrayWriter(stream, selection)
    raise ValueError(f"unknown export format {format_name!r}")
