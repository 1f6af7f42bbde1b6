"""The admin's index in French: each app named once, in French."""

import re

import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sections_have_distinct_french_names(client):
    """Our people and allauth's addresses no longer both read "Comptes", and
    django-tasks-db's app is not "Tasks Database Backend"."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    html = client.get(reverse("admin:index")).content.decode()

    sections = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', html)
    assert "Personnes" in sections
    assert "Adresses courriel" in sections
    assert "Tâches en arrière-plan" in sections
    assert len(sections) == len(set(sections))
    assert "Comptes" not in sections
    assert "Backend" not in html


def test_task_results_list_is_in_french(client):
    """The task results' list: French title, filters and statuses."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    html = client.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist")
    ).content.decode()

    assert "Résultats de tâches" in html
    assert "Prête" in html
    assert "Task Result" not in html
