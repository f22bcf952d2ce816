"""The exchange record: the versioned JSON document of one visit that travels inside the PDF."""

from visitapp.exchange.record import (
    FORMAT_MAJOR,
    FORMAT_MINOR,
    FORMAT_NAME,
    VisitRecord,
    dump_record,
    parse_record,
)

__all__ = ["FORMAT_MAJOR", "FORMAT_MINOR", "FORMAT_NAME", "VisitRecord", "dump_record", "parse_record"]
