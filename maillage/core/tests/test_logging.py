"""Structured logs: each record is one JSON line."""

import json
import logging

from django.test import RequestFactory

from maillage.core.logging import JsonFormatter


def record(message="Quelque chose", **extra):
    return logging.makeLogRecord(
        {"name": "django.request", "levelname": "ERROR", "msg": message, **extra}
    )


def test_a_record_becomes_one_json_line_with_time_level_and_logger():
    """Time, level, logger and message, on one line."""
    line = JsonFormatter().format(record("Échec du paiement"))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Échec du paiement"
    assert entry["time"].endswith("+00:00")


def test_a_request_gives_method_path_and_status_but_not_the_query_string():
    """The request shows as method and path; the query string may hold secrets."""
    request = RequestFactory().get("/c/monteregie/?token=secret")
    entry = json.loads(JsonFormatter().format(record(request=request, status_code=500)))
    assert entry["method"] == "GET"
    assert entry["path"] == "/c/monteregie/"
    assert entry["status"] == 500
    assert "secret" not in json.dumps(entry)


def test_an_exception_is_kept_with_its_traceback():
    """The traceback travels in the same JSON object."""
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        line = JsonFormatter().format(record(exc_info=sys.exc_info()))
    assert "ValueError: boom" in json.loads(line)["exception"]
