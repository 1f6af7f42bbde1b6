"""Structured logs: one JSON object per line, for log collectors."""

import json
import logging
from datetime import UTC, datetime

# Attributes of every LogRecord; anything else was passed through ``extra``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Format a record as a JSON line: time, level, logger, message, context.

    Django's request logger passes the request and the status code; they become
    ``method``, ``path`` and ``status``. Never the body, the query string or the
    headers, which may hold personal information or secrets.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in ("request", "status_code"):
                entry[key] = value if _is_plain(value) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _is_plain(value) -> bool:
    return isinstance(value, str | int | float | bool | type(None))
