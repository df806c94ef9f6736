"""The Atom feed of newly published measures, filtered like the overview."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from initiatives.models import Initiative
from initiatives.overview.pipeline import Selection
from initiatives.overview.selectors import INITIATIVES, with_export_fields

ITEMS = 50


class PlainTextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text: a summary is what a person typed, never
    markup, so a feed reader must not interpret it."""

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class PublishedInitiativesFeed(Feed):
    """Anyone subscribes: the newest published measures matching the overview's parameters
    (for example focus area 2 in Vestland)."""

    feed_type = PlainTextSummaryAtomFeed

    def get_object(self, request):
        """The request's filter; kept in ``obj``, since one feed instance serves every
        request and must hold no per-request state."""
        selection = Selection(request.GET, user=AnonymousUser(), source=INITIATIVES)
        selection.params.sorting = "nyeste"
        query = request.GET.urlencode()
        return selection, f"?{query}" if query else ""

    def title(self, obj):
        return _("Newly published measures – Tillitsportalen")

    def subtitle(self, obj):
        return _("Measures in the trust reform, newest first, as filtered in the overview.")

    def link(self, obj):
        return reverse("initiatives:overview") + obj[1]

    def feed_url(self, obj):
        return reverse("reporting:feed") + obj[1]

    def items(self, obj):
        selection, _query = obj
        rows = selection.rows(fuzzy=False)  # a feed follows the words as typed
        ids = list(rows.values_list("pk", flat=True)[:ITEMS])
        items = with_export_fields(Initiative.objects.filter(pk__in=ids))
        return sorted(items, key=lambda i: (i.published_at, i.pk), reverse=True)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return [str(link.focus_area) for link in item.focus_area_links.all()]
