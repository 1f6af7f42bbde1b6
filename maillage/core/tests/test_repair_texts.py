"""``manage.py repair_texts`` finds every stored Markdown text that does not
render, in every app, and rewrites it so that it does."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from maillage.communities.models import Community
from maillage.communities.tests.factories import CommunityFactory
from maillage.conversations.models import Reply, Thread
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory
from maillage.core.fields import markdown_fields
from maillage.core.markdown import MAX_NESTING, markdown_problem
from maillage.method.models import SetupStepTemplate

pytestmark = pytest.mark.django_db
DEEP = "- " * 2000 + "x"


def _run(*args) -> str:
    out = StringIO()
    call_command("repair_texts", *args, stdout=out)
    return out.getvalue()


def test_every_markdown_column_of_every_app_is_found():
    """The apps declare their Markdown columns with MarkdownField; core finds them."""
    found = {f"{model._meta.label}.{field.name}" for model, field in markdown_fields()}

    assert {
        "communities.Community.description",
        "method.SetupStepTemplate.advice_fr",
        "method.CommunitySetupStep.advice_en",
        "conversations.Reply.body",
        "conversations.Thread.problem",
        "conversations.Thread.body",
    } <= found
    assert "conversations.ReplyRevision.body" not in found


def test_a_dry_run_lists_what_it_would_repair_and_changes_nothing():
    reply = ReplyFactory(body=DEEP)
    healthy = ReplyFactory(body="Une *bonne* réponse")

    output = _run("--dry-run")

    assert f"conversations.Reply #{reply.pk} body: 4001 characters, flattened" in output
    assert f"#{healthy.pk} " not in output
    assert "1 text(s) to repair; nothing was changed." in output
    reply.refresh_from_db()
    assert reply.body == DEEP


def test_repairing_flattens_nesting_in_every_app(member):
    """A reply, a thread's section and a community's description are repaired."""
    reply = ReplyFactory(body=DEEP)
    thread = ThreadFactory(kind=Thread.Kind.CHALLENGE, problem="> " * 300 + "x")
    community = CommunityFactory(description=DEEP)
    step = SetupStepTemplate.objects.first()
    step.advice_fr = DEEP
    step.save()

    output = _run()

    assert "4 text(s) repaired." in output
    for row, field in [
        (Reply.objects.get(pk=reply.pk), "body"),
        (Thread.objects.get(pk=thread.pk), "problem"),
        (Community.objects.get(pk=community.pk), "description"),
        (SetupStepTemplate.objects.get(pk=step.pk), "advice_fr"),
    ]:
        text = getattr(row, field)
        assert markdown_problem(text) is None
        assert text.endswith("x")
    assert Reply.objects.get(pk=reply.pk).body == "- " * MAX_NESTING + "x"


def test_a_text_too_slow_to_render_is_escaped():
    reply = ReplyFactory(body="[" * 6000 + " fin")

    output = _run()

    assert "6004 characters, escaped" in output
    reply.refresh_from_db()
    assert reply.body == "\\[" * 6000 + " fin"


def test_a_repair_is_not_an_edit():
    """The row's dates stay: nobody edited the text."""
    reply = ReplyFactory(body=DEEP)
    updated_at = Reply.objects.get(pk=reply.pk).updated_at

    _run()

    reply.refresh_from_db()
    assert reply.updated_at == updated_at
    assert reply.edited_at is None


def test_running_it_again_finds_nothing():
    ReplyFactory(body=DEEP)
    _run()

    assert "0 text(s) repaired." in _run()


def test_the_repaired_thread_renders_as_markdown_again(member):
    """After the repair the reply is a list again, not plain text."""
    reply = ReplyFactory(body=DEEP)
    _run()
    client = Client()
    client.force_login(member)

    page = client.get(reply.thread.get_absolute_url()).content.decode()

    assert "<li>x</li>" in page
