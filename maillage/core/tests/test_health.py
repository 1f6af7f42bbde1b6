"""The health check: for load balancers, without sign-in, leaking nothing."""

import json

from django.db import DatabaseError


def test_health_check_answers_ok_when_the_database_answers(
    client, db, django_assert_num_queries
):
    """One query, a 200 and {"status": "ok"}, never cached."""
    with django_assert_num_queries(1):
        response = client.get("/sante/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_health_check_answers_503_when_the_database_fails(client, db, monkeypatch):
    """A database that does not answer turns the check to 503, with no detail."""

    class Unreachable:
        def cursor(self):
            raise DatabaseError("connection refused to secret-host:5432")

    monkeypatch.setattr("maillage.core.views.connection", Unreachable())
    response = client.get("/sante/")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "error"}
    assert b"secret-host" not in response.content


def test_health_check_only_reads(client, db):
    """A POST is refused: the check changes nothing."""
    assert client.post("/sante/").status_code in (403, 405)
