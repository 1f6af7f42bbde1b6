"""The Content-Security-Policy holds in a real browser: htmx and the admin work,
and Chromium refuses nothing (the ``new_context`` fixture fails the test on any
console error, which is where Chromium reports what the policy blocked)."""

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory


def test_htmx_filtering_works_under_the_policy(new_context, live_server):
    """The member directory filters as one types (htmx), with no inline code."""
    community = CommunityFactory(slug="laurentides")
    facilitator = MembershipFactory(
        community=community,
        role=Membership.Role.FACILITATOR,
        user__display_name="Fanny Tremblay",
    ).user
    MembershipFactory(community=community, user__display_name="Gilles Gagnon")
    page = new_context(user=facilitator).new_page()
    page.goto(f"/c/{community.slug}/membres/")
    gilles = page.get_by_role("link", name="Gilles Gagnon")
    assert gilles.is_visible()
    with page.expect_response(lambda r: "q=tremblay" in r.url):
        page.locator("input[name=q]").press_sequentially("tremblay")
    gilles.wait_for(state="detached")
    assert page.get_by_role("link", name="Fanny Tremblay").is_visible()
    assert "q=tremblay" in page.url


def test_administration_works_under_the_policy(new_context, live_server):
    """Django's admin pages load their scripts and styles without refusal."""
    community = CommunityFactory()
    admin = UserFactory(is_staff=True, is_superuser=True)
    page = new_context(user=admin).new_page()
    for path in (
        "/admin/",
        "/admin/communities/community/",
        f"/admin/communities/community/{community.pk}/change/",
    ):
        assert page.goto(path).status == 200, path
