"""The services: what each write does, whom it tells, and what it refuses."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import notifying, services
from maillage.conversations.models import (
    CommunityFollow,
    Flag,
    ModerationLog,
    Reaction,
    Reply,
    Tag,
    Thread,
    ThreadFollow,
    ThreadVisit,
)
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory
from maillage.notifications.models import Notification


def _told(user, kind=None):
    rows = Notification.objects.filter(recipient=user)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return list(rows)


def _challenge(author, community, **kwargs):
    return services.create_thread(
        author=author,
        community=community,
        kind=Thread.Kind.CHALLENGE,
        title=kwargs.pop("title", "Trouver des légumes locaux l'hiver"),
        sections=kwargs.pop(
            "sections",
            {"problem": "Nos menus d'hiver manquent de légumes du Québec."},
        ),
        **kwargs,
    )


# Threads ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "sections"),
    [
        ("challenge", {"problem": "P", "context": "C", "tried": "T"}),
        ("success", {"context": "C", "actions": "A", "result": "R"}),
        ("tip", {"body": "B"}),
        ("lessons", {"planned": "P", "happened": "H", "gap": "G", "lessons": "L"}),
        ("discussion", {"body": "B"}),
    ],
)
def test_each_kind_keeps_its_own_sections(community, member, kind, sections):
    """A thread stores the sections of its kind, and drops the others."""
    thread = services.create_thread(
        author=member,
        community=community,
        kind=kind,
        title="Un titre",
        sections={**sections, "lessons": "hors sujet" if kind != "lessons" else "L"},
    )

    thread.refresh_from_db()
    assert thread.sections_by_name() == {
        name: sections.get(name, "") for name in thread.sections_by_name()
    }
    if kind != "lessons":
        assert thread.lessons == ""


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("challenge", "problem"),
        ("success", "actions"),
        ("success", "result"),
        ("tip", "body"),
        ("lessons", "happened"),
        ("lessons", "lessons"),
        ("discussion", "body"),
    ],
)
def test_missing_required_section_is_an_error_on_that_field(
    community, member, kind, missing
):
    """A kind's required section left empty is reported on its own field."""
    sections = {
        "problem": "P",
        "actions": "A",
        "result": "R",
        "body": "B",
        "happened": "H",
        "lessons": "L",
    }
    sections[missing] = "   "

    with pytest.raises(ValidationError) as error:
        services.create_thread(
            author=member,
            community=community,
            kind=kind,
            title="Titre",
            sections=sections,
        )

    assert missing in error.value.message_dict
    assert not Thread.objects.exists()


def test_blank_title_is_refused(community, member):
    """A thread needs a title."""
    with pytest.raises(ValidationError) as error:
        _challenge(member, community, title="  ")

    assert "title" in error.value.message_dict


def test_unknown_kind_is_refused(community, member):
    """Only the five kinds exist."""
    with pytest.raises(ValidationError):
        services.create_thread(
            author=member, community=community, kind="rant", title="T", sections={}
        )


def test_author_follows_the_new_thread(community, member):
    """Whoever starts a thread follows it."""
    thread = _challenge(member, community)

    assert ThreadFollow.objects.filter(user=member, thread=thread).exists()


def test_free_tags_are_added_to_the_shared_vocabulary_once(community, member):
    """Chosen tags and free additions are attached; a free tag is found by slug."""
    menus = Tag.objects.get(slug="menus")
    first = _challenge(
        member, community, tags=[menus], new_tags=["Légumes racines", "menus"]
    )
    second = _challenge(member, community, new_tags=["légumes  racines"])

    assert {t.slug for t in first.tags.all()} == {"menus", "legumes-racines"}
    assert list(second.tags.values_list("slug", flat=True)) == ["legumes-racines"]
    assert Tag.objects.filter(slug="legumes-racines", is_shared=False).count() == 1


def test_too_many_tags_are_refused(community, member):
    """A thread carries at most eight tags."""
    with pytest.raises(ValidationError) as error:
        _challenge(member, community, new_tags=[f"sujet {n}" for n in range(9)])

    assert "new_tags" in error.value.message_dict


def test_related_threads_must_be_of_the_same_community(community, member):
    """Links go to threads of the same community only."""
    here = ThreadFactory(community=community)
    elsewhere = ThreadFactory()

    thread = _challenge(member, community, related=[here])
    with pytest.raises(ValidationError) as error:
        _challenge(member, community, related=[elsewhere])

    assert list(thread.related.all()) == [here]
    assert "related" in error.value.message_dict


def test_outsider_cannot_start_a_thread(community, outsider):
    """Reading a public community does not allow posting in it."""
    with pytest.raises(PermissionDenied):
        _challenge(outsider, community)


def test_staff_can_start_a_thread_without_membership(community, staff):
    """Staff may post in any live community."""
    assert _challenge(staff, community).author == staff


def test_former_member_cannot_start_a_thread(community):
    """Leaving a community ends the right to post in it."""
    former = MembershipFactory(community=community, state=Membership.State.LEFT).user

    with pytest.raises(PermissionDenied):
        _challenge(former, community)


def test_new_thread_tells_the_community_followers(community, member, facilitator):
    """Followers of the community hear of each new thread."""
    services.follow_community(user=facilitator, community=community)

    thread = _challenge(member, community)

    told = _told(facilitator, notifying.NEW_THREAD.key)
    assert len(told) == 1
    assert told[0].subject == thread.title
    assert told[0].url == thread.get_absolute_url()


def test_update_thread_changes_text_and_marks_it_edited(community, member):
    """The author may correct a thread; it shows as edited."""
    thread = _challenge(member, community)

    services.update_thread(
        actor=member,
        thread=thread,
        title="Nouveau titre",
        sections={"problem": "Mieux dit."},
    )

    thread.refresh_from_db()
    assert (thread.title, thread.problem) == ("Nouveau titre", "Mieux dit.")
    assert thread.edited_at is not None


def test_other_member_cannot_update_a_thread(community, member):
    """Only the author or a moderator corrects a thread."""
    thread = _challenge(member, community)
    other = MembershipFactory(community=community).user

    with pytest.raises(PermissionDenied):
        services.update_thread(
            actor=other, thread=thread, title="X", sections={"problem": "Y"}
        )


def test_facilitator_can_update_a_thread(community, member, facilitator):
    """Facilitators may correct anyone's thread (e.g. its tags)."""
    thread = _challenge(member, community)

    services.update_thread(
        actor=facilitator,
        thread=thread,
        title=thread.title,
        sections={"problem": thread.problem},
        new_tags=["budget"],
    )

    assert [t.slug for t in thread.tags.all()] == ["budget"]


# Replies ----------------------------------------------------------------------


def test_reply_tells_author_and_followers_once_each(community, member, facilitator):
    """The thread's author gets "reply", other followers "new reply", the replier
    nothing, and a mentioned person only the mention."""
    thread = _challenge(member, community)
    follower = MembershipFactory(community=community).user
    services.follow_thread(user=follower, thread=thread)
    mentioned = MembershipFactory(
        community=community, user__display_name="Julie Nutrition"
    ).user
    services.follow_thread(user=mentioned, thread=thread)

    reply = services.create_reply(
        author=facilitator, thread=thread, body="Voyez avec @Julie Nutrition."
    )

    assert [n.kind for n in _told(member)] == [notifying.REPLY.key]
    assert [n.kind for n in _told(follower)] == [notifying.NEW_REPLY.key]
    assert [n.kind for n in _told(mentioned)] == [notifying.MENTION.key]
    assert _told(facilitator) == []
    assert _told(member)[0].url == reply.get_absolute_url()


def test_replier_follows_the_thread(community, member, facilitator):
    """Replying makes one follow the thread."""
    thread = _challenge(member, community)

    services.create_reply(author=facilitator, thread=thread, body="Bonne question.")

    assert ThreadFollow.objects.filter(user=facilitator, thread=thread).exists()


def test_reply_moves_the_thread_to_the_top(community, member, facilitator):
    """A reply refreshes the thread's last activity."""
    thread = _challenge(member, community)
    before = thread.last_activity_at

    services.create_reply(author=facilitator, thread=thread, body="Oui.")

    thread.refresh_from_db()
    assert thread.last_activity_at > before


def test_empty_reply_is_refused(community, member):
    """A reply needs text."""
    thread = _challenge(member, community)

    with pytest.raises(ValidationError) as error:
        services.create_reply(author=member, thread=thread, body=" \n ")

    assert "body" in error.value.message_dict


def test_quoted_reply_must_be_in_the_same_thread(community, member):
    """A quote points at a reply of the same thread."""
    thread = _challenge(member, community)
    other = ReplyFactory()

    with pytest.raises(ValidationError):
        services.create_reply(author=member, thread=thread, body="Oui", quoted=other)


def test_locked_thread_takes_no_reply(community, member, facilitator):
    """Locking stops replies, for everyone."""
    thread = _challenge(member, community)
    services.set_thread_locked(actor=facilitator, thread=thread, locked=True)

    with pytest.raises(ValidationError):
        services.create_reply(author=facilitator, thread=thread, body="Encore")


def test_edit_keeps_the_earlier_text(community, member):
    """Editing a reply keeps the old text as a revision and marks it edited."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Premier jet")

    services.edit_reply(actor=member, reply=reply, body="Version corrigée")

    reply.refresh_from_db()
    assert reply.body == "Version corrigée"
    assert reply.edited_at is not None
    assert list(reply.revisions.values_list("body", flat=True)) == ["Premier jet"]


def test_edit_without_change_keeps_no_revision(community, member):
    """Saving the same text again is not an edit."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Pareil")

    services.edit_reply(actor=member, reply=reply, body="Pareil  ")

    reply.refresh_from_db()
    assert reply.edited_at is None
    assert not reply.revisions.exists()


def test_only_the_author_edits_a_reply(community, member, facilitator):
    """Even a facilitator cannot put words in someone's mouth."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Mon texte")

    with pytest.raises(PermissionDenied):
        services.edit_reply(actor=facilitator, reply=reply, body="Autre")


def test_edit_notifies_only_newly_mentioned_people(community, member):
    """A person already mentioned is not told again when the reply is edited."""
    thread = _challenge(member, community)
    ana = MembershipFactory(community=community, user__display_name="Ana Cuisine").user
    bob = MembershipFactory(community=community, user__display_name="Bob Achats").user
    reply = services.create_reply(author=member, thread=thread, body="@Ana Cuisine ?")
    Notification.objects.update(read_at=timezone.now())

    services.edit_reply(
        actor=member, reply=reply, body=f"{reply.body} et @Bob Achats aussi"
    )

    assert Notification.objects.filter(recipient=ana).count() == 1
    assert [n.kind for n in _told(bob)] == [notifying.MENTION.key]


def test_a_first_name_alone_links_and_tells_the_only_member_with_it(community, member):
    """ "@Amélie" in a reply names Amélie Animatrice, the only Amélie, and
    tells her."""
    thread = _challenge(member, community)
    amelie = MembershipFactory(
        community=community, user__display_name="Amélie Animatrice"
    ).user

    reply = services.create_reply(author=member, thread=thread, body="Merci @Amélie")

    assert reply.body == f"Merci @[Amélie Animatrice]({amelie.pk})"
    assert [n.kind for n in _told(amelie)] == [notifying.MENTION.key]


def test_a_first_name_two_members_share_tells_nobody(community, member):
    """With two Amélies, "@Amélie" stays text: neither is guessed or told."""
    thread = _challenge(member, community)
    amelies = [
        MembershipFactory(community=community, user__display_name=name).user
        for name in ("Amélie Animatrice", "Amélie Tremblay")
    ]

    reply = services.create_reply(author=member, thread=thread, body="Merci @Amélie")

    assert reply.body == "Merci @Amélie"
    assert not any(_told(person, notifying.MENTION.key) for person in amelies)


def test_a_readable_full_name_in_a_thread_section_is_recognised(community, member):
    """ "@Amélie Tremblay", as the suggestions insert it, is stored as a mention
    of her in a thread's section, and she is told."""
    MembershipFactory(community=community, user__display_name="Amélie Animatrice")
    amelie = MembershipFactory(
        community=community, user__display_name="Amélie Tremblay"
    ).user

    thread = _challenge(
        member, community, sections={"problem": "Qu'en dis-tu, @Amélie Tremblay ?"}
    )

    assert thread.problem == f"Qu'en dis-tu, @[Amélie Tremblay]({amelie.pk}) ?"
    assert [n.kind for n in _told(amelie)] == [notifying.MENTION.key]


def test_author_deletes_softly(community, member):
    """A deleted reply keeps its row, and no moderation log is written."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Oups")

    services.delete_reply(actor=member, reply=reply)

    reply.refresh_from_db()
    assert reply.is_deleted and reply.deleted_by == member
    assert not ModerationLog.objects.exists()


def test_moderator_deletion_is_logged(community, member, facilitator):
    """A facilitator deleting someone's reply leaves a trace with the reason."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Pub")

    services.delete_reply(actor=facilitator, reply=reply, reason="Publicité")

    log = ModerationLog.objects.get()
    assert (log.action, log.actor, log.reason) == (
        "delete_reply",
        facilitator,
        "Publicité",
    )


def test_other_member_cannot_delete_a_reply(community, member):
    """Members delete only their own replies."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Le mien")
    other = MembershipFactory(community=community).user

    with pytest.raises(PermissionDenied):
        services.delete_reply(actor=other, reply=reply)


# Solutions --------------------------------------------------------------------


def test_author_marks_a_solution_and_people_are_told(community, member, facilitator):
    """Marking a solution solves the challenge and tells the reply's author and
    the thread's followers."""
    thread = _challenge(member, community)
    helper = MembershipFactory(community=community).user
    reply = services.create_reply(author=helper, thread=thread, body="Voici")
    services.follow_thread(user=facilitator, thread=thread)
    Notification.objects.update(read_at=timezone.now())

    services.mark_solution(actor=member, reply=reply)

    thread.refresh_from_db()
    assert thread.solution == reply and thread.solved_by == member
    assert [n.kind for n in _told(helper, notifying.SOLUTION.key)] == [
        notifying.SOLUTION.key
    ]
    assert len(_told(facilitator, notifying.SOLUTION.key)) == 1
    assert _told(member, notifying.SOLUTION.key) == []
    assert Thread.objects.solved().get() == thread


def test_facilitator_marks_and_unmarks_a_solution(community, member, facilitator):
    """A facilitator may choose the solution, and take it back."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=facilitator, thread=thread, body="Voici")

    services.mark_solution(actor=facilitator, reply=reply)
    services.unmark_solution(actor=facilitator, thread=thread)

    thread.refresh_from_db()
    assert thread.solution is None
    assert Thread.objects.unsolved().get() == thread


def test_other_member_cannot_mark_a_solution(community, member):
    """Only the challenge's author or a facilitator chooses the solution."""
    thread = _challenge(member, community)
    other = MembershipFactory(community=community).user
    reply = services.create_reply(author=other, thread=thread, body="Moi!")

    with pytest.raises(PermissionDenied):
        services.mark_solution(actor=other, reply=reply)


def test_only_challenges_have_solutions(community, member):
    """A tip has no solution to mark."""
    tip = services.create_thread(
        author=member,
        community=community,
        kind="tip",
        title="T",
        sections={"body": "B"},
    )
    reply = services.create_reply(author=member, thread=tip, body="Oui")

    with pytest.raises(PermissionDenied):
        services.mark_solution(actor=member, reply=reply)


def test_deleting_the_solution_reopens_the_challenge(community, member, facilitator):
    """A solution that is deleted (or hidden) no longer solves the challenge."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=facilitator, thread=thread, body="Voici")
    services.mark_solution(actor=member, reply=reply)

    services.delete_reply(actor=facilitator, reply=reply)

    thread.refresh_from_db()
    assert thread.solution is None


def test_deleted_reply_cannot_become_the_solution(community, member, facilitator):
    """Only a published reply may be the solution."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=facilitator, thread=thread, body="Voici")
    services.delete_reply(actor=facilitator, reply=reply)

    with pytest.raises(ValidationError):
        services.mark_solution(actor=member, reply=reply)


# Reactions, follows, visits ---------------------------------------------------


def test_reaction_toggles_on_and_off(community, member, facilitator):
    """A second click takes the reaction back."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=facilitator, thread=thread, body="Voici")

    first = services.toggle_reaction(
        user=member, kind="thanks", thread=thread, reply=reply
    )
    assert first is True
    assert Reaction.objects.filter(reply=reply, kind="thanks").count() == 1

    second = services.toggle_reaction(
        user=member, kind="thanks", thread=thread, reply=reply
    )
    assert second is False
    assert not Reaction.objects.exists()


def test_reaction_on_the_thread_itself(community, member, facilitator):
    """ "Same problem here" goes on the challenge's opening post."""
    thread = _challenge(member, community)

    services.toggle_reaction(user=facilitator, kind="same_problem", thread=thread)

    assert Reaction.objects.get().thread == thread


def test_no_reaction_to_ones_own_message(community, member):
    """Thanking oneself is not offered."""
    thread = _challenge(member, community)

    with pytest.raises(PermissionDenied):
        services.toggle_reaction(user=member, kind="bravo", thread=thread)


def test_unknown_reaction_is_refused(community, member, facilitator):
    """Only the four reactions exist."""
    thread = _challenge(member, community)

    with pytest.raises(ValidationError):
        services.toggle_reaction(user=facilitator, kind="love", thread=thread)


def test_outsider_cannot_react(community, member, outsider):
    """Reactions are for members."""
    thread = _challenge(member, community)

    with pytest.raises(PermissionDenied):
        services.toggle_reaction(user=outsider, kind="thanks", thread=thread)


def test_reaction_cannot_target_a_reply_of_another_thread(community, member):
    """A reply and its thread must match."""
    thread = _challenge(member, community)
    elsewhere = ReplyFactory(thread=ThreadFactory(community=community))

    with pytest.raises(PermissionDenied):
        services.toggle_reaction(
            user=member, kind="thanks", thread=thread, reply=elsewhere
        )


def test_follow_and_unfollow(community, member, facilitator):
    """Following a thread or a community is undone as easily."""
    thread = _challenge(member, community)

    services.follow_thread(user=facilitator, thread=thread)
    services.follow_community(user=facilitator, community=community)
    services.follow_thread(user=facilitator, thread=thread)
    assert ThreadFollow.objects.filter(user=facilitator).count() == 1
    assert CommunityFollow.objects.filter(user=facilitator).count() == 1

    services.unfollow_thread(user=facilitator, thread=thread)
    services.unfollow_community(user=facilitator, community=community)
    assert not ThreadFollow.objects.filter(user=facilitator).exists()
    assert not CommunityFollow.objects.exists()


def test_outsider_cannot_follow(community, member, outsider):
    """Following is for members."""
    thread = _challenge(member, community)

    with pytest.raises(PermissionDenied):
        services.follow_thread(user=outsider, thread=thread)
    with pytest.raises(PermissionDenied):
        services.follow_community(user=outsider, community=community)


def test_visit_is_recorded_and_moved_forward(community, member, outsider):
    """A visit keeps the latest time; readers of a public community may record it."""
    thread = _challenge(member, community)

    first = services.record_visit(user=outsider, thread=thread)
    second = services.record_visit(user=outsider, thread=thread)

    assert ThreadVisit.objects.count() == 1
    assert second.last_seen_at >= first.last_seen_at


def test_visit_of_an_unreadable_thread_is_refused(member):
    """No reading mark on a private community's thread for a stranger."""
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    thread = ThreadFactory(community=private)

    with pytest.raises(PermissionDenied):
        services.record_visit(user=member, thread=thread)


# Moderation -------------------------------------------------------------------


def test_flag_tells_the_facilitators(community, member, facilitator):
    """A flag reaches the community's facilitators, pointing at the queue."""
    thread = _challenge(facilitator, community)

    services.flag_content(reporter=member, thread=thread, reason="spam")

    told = _told(facilitator, notifying.FLAG.key)
    assert len(told) == 1
    assert told[0].url == f"/c/{community.slug}/echanges/moderation/"


def test_flag_other_needs_details(community, member, facilitator):
    """ "Other" must say what is wrong."""
    thread = _challenge(facilitator, community)

    with pytest.raises(ValidationError) as error:
        services.flag_content(reporter=member, thread=thread, reason="other")

    assert "details" in error.value.message_dict


def test_flag_twice_is_refused(community, member, facilitator):
    """One open flag per person and content."""
    thread = _challenge(facilitator, community)
    services.flag_content(reporter=member, thread=thread, reason="spam")

    with pytest.raises(ValidationError):
        services.flag_content(reporter=member, thread=thread, reason="off_topic")


def test_hiding_resolves_its_flags_and_is_logged(community, member, facilitator):
    """Hiding flagged content closes its flags and writes the log."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=member, thread=thread, body="Vilain")
    flag = services.flag_content(
        reporter=facilitator, thread=thread, reply=reply, reason="disrespectful"
    )

    services.set_reply_hidden(actor=facilitator, reply=reply, hidden=True, reason="R")

    flag.refresh_from_db()
    assert flag.resolution == Flag.Resolution.HIDDEN
    assert ModerationLog.objects.get().action == "hide_reply"
    services.set_reply_hidden(actor=facilitator, reply=reply, hidden=False)
    assert ModerationLog.objects.first().action == "restore_reply"
    reply.refresh_from_db()
    assert reply.is_published


def test_hiding_a_thread_withdraws_the_notifications_about_it(
    community, member, facilitator
):
    """Once a thread is hidden, nobody's notifications show its title or text
    (nor will a digest): those about it and its replies are withdrawn."""
    services.follow_community(user=member, community=community)
    hidden = services.create_thread(
        author=facilitator,
        community=community,
        kind=Thread.Kind.DISCUSSION,
        title="Le numéro personnel de Jeanne",
        sections={"body": "Appelez-la au 555-0100."},
    )
    kept = _challenge(facilitator, community, title="Menus d'hiver")
    services.create_reply(author=member, thread=hidden, body="Merci!")
    services.create_reply(author=facilitator, thread=hidden, body="De rien.")
    assert {n.subject for n in _told(member)} == {hidden.title, kept.title}
    assert [n.subject for n in _told(facilitator)] == [hidden.title]

    services.set_thread_hidden(actor=facilitator, thread=hidden, hidden=True)

    assert [n.subject for n in _told(member)] == [kept.title]
    assert _told(facilitator) == []


def test_hidden_or_deleted_reply_is_no_longer_quoted(community, member, facilitator):
    """Notifications about a reply stop quoting it once it is hidden (and quote
    it again once restored) or deleted; those about other replies are kept."""
    thread = _challenge(facilitator, community)
    reply = services.create_reply(author=member, thread=thread, body="Mon 555-0100")
    Notification.objects.update(read_at=timezone.now())
    later = services.create_reply(author=member, thread=thread, body="Encore")
    about = Notification.objects.filter(url=reply.get_absolute_url())

    services.set_reply_hidden(actor=facilitator, reply=reply, hidden=True)
    assert about.get().excerpt == ""
    services.set_reply_hidden(actor=facilitator, reply=reply, hidden=False)
    assert about.get().excerpt == "Mon 555-0100"
    services.delete_reply(actor=member, reply=reply)

    assert about.get().excerpt == ""
    assert Notification.objects.get(url=later.get_absolute_url()).excerpt == "Encore"


def test_edited_reply_is_quoted_as_it_now_reads(community, member, facilitator):
    """Earlier versions stay between the author and the moderators: the people
    told of a reply see its new text."""
    thread = _challenge(facilitator, community)
    reply = services.create_reply(author=member, thread=thread, body="Mon 555-0100")

    services.edit_reply(actor=member, reply=reply, body="Écrivez-moi plutôt.")

    assert [n.excerpt for n in _told(facilitator)] == ["Écrivez-moi plutôt."]


def test_dismiss_flag_is_logged(community, member, facilitator):
    """Dismissing a flag closes it and leaves a trace."""
    thread = _challenge(facilitator, community)
    flag = services.flag_content(reporter=member, thread=thread, reason="spam")

    services.dismiss_flag(actor=facilitator, flag=flag, reason="Rien à redire")

    flag.refresh_from_db()
    assert flag.resolution == Flag.Resolution.DISMISSED
    assert ModerationLog.objects.get().action == "dismiss_flag"
    with pytest.raises(ValidationError):
        services.dismiss_flag(actor=facilitator, flag=flag)


@pytest.mark.parametrize(
    ("service", "argument", "field", "on", "off"),
    [
        (
            services.set_thread_hidden,
            "hidden",
            "hidden_at",
            "hide_thread",
            "restore_thread",
        ),
        (services.set_thread_locked, "locked", "locked_at", "lock", "unlock"),
        (services.set_thread_pinned, "pinned", "pinned_at", "pin", "unpin"),
    ],
)
def test_thread_moderation_acts_are_reversible_and_logged(
    community, member, facilitator, service, argument, field, on, off
):
    """Hide, lock and pin are undone by their opposite, both logged."""
    thread = _challenge(member, community)

    service(actor=facilitator, thread=thread, **{argument: True})
    assert getattr(thread, field) is not None
    service(actor=facilitator, thread=thread, **{argument: False})

    assert getattr(thread, field) is None
    assert list(
        ModerationLog.objects.order_by("created_at", "pk").values_list(
            "action", flat=True
        )
    ) == [on, off]


def test_member_cannot_moderate(community, member):
    """Moderation is for facilitators and staff."""
    thread = _challenge(member, community)

    with pytest.raises(PermissionDenied):
        services.set_thread_pinned(actor=member, thread=thread, pinned=True)


def test_staff_can_moderate_without_membership(community, member, staff):
    """Staff moderate every community."""
    thread = _challenge(member, community)

    services.set_thread_locked(actor=staff, thread=thread, locked=True)

    assert thread.is_locked


# Rate limit -------------------------------------------------------------------


def test_eleventh_post_in_a_minute_is_refused(community, member, settings):
    """At most ten posts per minute; the eleventh gets a clear message."""
    settings.MAILLAGE_POSTS_PER_MINUTE = 10
    thread = _challenge(member, community)
    for n in range(9):
        services.create_reply(author=member, thread=thread, body=f"Réponse {n}")

    with pytest.raises(ValidationError) as error:
        services.create_reply(author=member, thread=thread, body="Une de trop")

    assert "10" in error.value.messages[0]
    assert Reply.objects.count() == 9


def test_rate_limit_is_per_person(community, member, facilitator, settings):
    """One person's pace does not slow another."""
    settings.MAILLAGE_POSTS_PER_MINUTE = 2
    thread = _challenge(member, community)
    services.create_reply(author=member, thread=thread, body="Un")

    services.create_reply(author=facilitator, thread=thread, body="Deux")

    with pytest.raises(ValidationError):
        services.create_reply(author=member, thread=thread, body="Trois")


# Archived communities ---------------------------------------------------------


@pytest.fixture
def archived(community, member, facilitator):
    """A thread with a reply, in a community that is then archived."""
    thread = _challenge(member, community)
    reply = services.create_reply(author=facilitator, thread=thread, body="Voici")
    Community.objects.filter(pk=community.pk).update(archived_at=timezone.now())
    community.refresh_from_db()
    thread.refresh_from_db()
    reply.refresh_from_db()
    return thread, reply


@pytest.mark.parametrize(
    "write",
    [
        lambda t, r, m, f, s: _challenge(m, t.community),
        lambda t, r, m, f, s: services.create_reply(author=m, thread=t, body="x"),
        lambda t, r, m, f, s: services.edit_reply(actor=f, reply=r, body="x"),
        lambda t, r, m, f, s: services.delete_reply(actor=f, reply=r),
        lambda t, r, m, f, s: services.mark_solution(actor=m, reply=r),
        lambda t, r, m, f, s: services.toggle_reaction(
            user=m, kind="thanks", thread=t, reply=r
        ),
        lambda t, r, m, f, s: services.follow_thread(user=f, thread=t),
        lambda t, r, m, f, s: services.follow_community(user=f, community=t.community),
        lambda t, r, m, f, s: services.flag_content(
            reporter=m, thread=t, reason="spam"
        ),
        lambda t, r, m, f, s: services.set_thread_hidden(
            actor=s, thread=t, hidden=True
        ),
        lambda t, r, m, f, s: services.set_thread_locked(
            actor=s, thread=t, locked=True
        ),
        lambda t, r, m, f, s: services.set_reply_hidden(actor=s, reply=r, hidden=True),
        lambda t, r, m, f, s: services.ask_for_help(actor=m, thread=t, people=[f]),
        lambda t, r, m, f, s: services.update_thread(
            actor=m, thread=t, title="X", sections={"problem": "Y"}
        ),
    ],
    ids=[
        "create_thread",
        "create_reply",
        "edit_reply",
        "delete_reply",
        "mark_solution",
        "toggle_reaction",
        "follow_thread",
        "follow_community",
        "flag_content",
        "hide_thread",
        "lock_thread",
        "hide_reply",
        "ask_for_help",
        "update_thread",
    ],
)
def test_archived_community_refuses_every_write(
    archived, member, facilitator, staff, write
):
    """An archived community is read-only, even for staff."""
    thread, reply = archived
    counts = (Thread.objects.count(), Reply.objects.count(), Reaction.objects.count())

    with pytest.raises(ValidationError) as error:
        write(thread, reply, member, facilitator, staff)

    assert error.value.code == "archived"
    assert counts == (
        Thread.objects.count(),
        Reply.objects.count(),
        Reaction.objects.count(),
    )


def test_archived_community_still_lets_people_unfollow(archived, member):
    """Stopping one's own notifications stays possible in an archive."""
    thread, _reply = archived

    services.unfollow_thread(user=member, thread=thread)

    assert not ThreadFollow.objects.filter(user=member).exists()


# Help requests ----------------------------------------------------------------


def test_ask_for_help_notifies_the_chosen_people(community, member, facilitator):
    """Each chosen person gets a help request about the challenge."""
    thread = _challenge(member, community)
    expert = MembershipFactory(community=community).user

    asked = services.ask_for_help(
        actor=member, thread=thread, people=[expert, facilitator]
    )

    assert asked == 2
    assert [n.kind for n in _told(expert)] == [notifying.HELP_REQUEST.key]
    assert _told(expert)[0].url == thread.get_absolute_url()


def test_help_cannot_be_asked_of_someone_who_cannot_read_a_restricted_thread(
    member,
):
    """A restricted community's challenge is only put to its members."""
    restricted = CommunityFactory(visibility=Community.Visibility.RESTRICTED)
    MembershipFactory(community=restricted, user=member)
    thread = _challenge(member, restricted)
    stranger = UserFactory()

    with pytest.raises(ValidationError):
        services.ask_for_help(actor=member, thread=thread, people=[stranger])

    assert not Notification.objects.filter(recipient=stranger).exists()


def test_only_the_author_or_a_facilitator_asks_for_help(community, member):
    """Another member cannot send help requests on someone's challenge."""
    thread = _challenge(member, community)
    other = MembershipFactory(community=community).user

    with pytest.raises(PermissionDenied):
        services.ask_for_help(actor=other, thread=thread, people=[member])


def test_asking_nobody_is_an_error(community, member):
    """At least one person must be chosen."""
    thread = _challenge(member, community)

    with pytest.raises(ValidationError):
        services.ask_for_help(actor=member, thread=thread, people=[member])
