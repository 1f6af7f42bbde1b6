from django import template

from maillage.communities import sections

register = template.Library()


@register.inclusion_tag("communities/includes/community_nav.html", takes_context=True)
def community_nav(context, community, membership, current=""):
    """The community's navigation: every part the viewer may open, ``current``
    (a section key) marked. Costs no query: it uses the page's membership."""
    return {
        "tabs": sections.tabs_for(
            context["request"].user, community, membership, current
        ),
    }


@register.inclusion_tag("communities/includes/archived_notice.html")
def archived_notice(community):
    """The notice that a dissolved community can be read but no longer changed
    (nothing when it is live), for every part's pages."""
    return {"community": community}
