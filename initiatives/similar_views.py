"""Similar measures: a measure's own list (``/tiltak/<id>/lignende/``: the section of its page
alone, for htmx and the benchmark), and the measure form's check (``/tiltak/ny/lignende/`` for
htmx; without script the form's "similar" button) with its warning of likely duplicates in the
same organisation. Nothing here saves anything."""

from __future__ import annotations

from django.http import Http404
from django.views.generic import TemplateView

from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import selectors
from .models import FocusArea, Initiative
from .row_views import form_again, lost_files
from .similarity.duplicates import likely_duplicates
from .similarity.presentation import for_measure, shown
from .similarity.selectors import measure_for_similar, similar_to

CHECK = "similar"  # the value of the form's button that checks without saving
SEEN = "duplicates_seen"  # the likely duplicates the person was warned of, by id


class SimilarMeasuresView(TemplateView):
    """Anyone who may see the measure sees the published measures like it; others get 404."""

    template_name = "initiatives/similar.html"

    def get_context_data(self, **kwargs):
        try:
            initiative = measure_for_similar(pk=self.kwargs["pk"], user=self.request.user)
        except Initiative.DoesNotExist:
            raise Http404 from None
        return super().get_context_data(
            initiative=initiative, similar=for_measure(initiative), **kwargs
        )


def _ids(values) -> list[int]:
    return [int(v) for v in values if str(v).isascii() and str(v).isdigit() and len(str(v)) < 12]


def check(*, user, data, organisation_id: int | None, measure: Initiative | None) -> dict:
    """What the form shows about its text: similar published measures (once title and summary
    are filled in) and the organisation's measures with the same or a near-identical title."""
    title, summary = data.get("title", "").strip(), data.get("summary", "").strip()
    areas = list(FocusArea.objects.filter(pk__in=_ids(data.getlist("focus_areas"))))
    similar = None
    if title and summary:
        rows = similar_to(
            (title, summary),
            organisation_id=organisation_id,
            focus_numbers=[area.number for area in areas],
            kind=data.get("kind", ""),
            sector=data.get("sector", ""),
            exclude=measure.pk if measure else None,
            published=measure is not None and measure.is_published,
        )
        similar = shown(rows, {area.number: area.display_name for area in areas})
    duplicates = []
    if title and organisation_id:
        duplicates = likely_duplicates(
            title=title,
            organisation_id=organisation_id,
            user=user,
            exclude=measure.pk if measure else None,
        )
    return {"similar": similar, "duplicates": duplicates}


class SimilarCheckView(PolicyRequiredMixin, TemplateView):
    """Staff and leaders who register measures ask, while they type, what is like it (htmx);
    ``tiltak``: the measure being edited, if they may edit it."""

    permission_action = Action.INITIATIVE_CREATE
    template_name = "initiatives/includes/similar_check.html"

    def get_context_data(self, **kwargs):
        data, user = self.request.GET, self.request.user
        measure = None
        if found := _ids([data.get("tiltak", "")]):
            measure = Initiative.objects.visible_to(user).filter(pk=found[0]).first()
            if measure is not None and not can(user, Action.INITIATIVE_EDIT, measure):
                measure = None
        if measure is not None:
            organisation_id = measure.organisation_id
        else:
            wanted = _ids([data.get("organisation", "")])
            writable = selectors.writable_organisations(user).filter(pk__in=wanted)
            organisation_id = writable.values_list("pk", flat=True).first()
        context = check(user=user, data=data, organisation_id=organisation_id, measure=measure)
        return super().get_context_data(initiative=measure, **context, **kwargs)


class SimilarCheckMixin:
    """For the measure form: the "similar" button renders the form again with what was typed
    and the check's results; a save whose title likely repeats one of the organisation's
    measures is shown the warning first, and goes through when saved again."""

    def measure_being_edited(self) -> Initiative | None:
        return getattr(self, "initiative", None)

    def _organisation_id(self, data) -> int | None:
        measure = self.measure_being_edited()
        if measure is not None:
            return measure.organisation_id
        wanted = _ids([data.get("organisation", "")])
        writable = selectors.writable_organisations(self.request.user).filter(pk__in=wanted)
        return writable.values_list("pk", flat=True).first()

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != CHECK:
            return super().post(request, *args, **kwargs)
        form = form_again(self)
        data = request.POST
        results = check(
            user=request.user,
            data=data,
            organisation_id=self._organisation_id(data),
            measure=self.measure_being_edited(),
        )
        return self.render_to_response(
            self.get_context_data(
                form=form, checked=True, lost_files=lost_files(request.FILES), **results
            )
        )

    def duplicate_warning(self, form):
        """The form again with the warning, when the title likely repeats a measure of the
        organisation that the person was not yet warned of (editing: when the title changed)."""
        measure = self.measure_being_edited()
        if measure is not None and "title" not in form.changed_data:
            return None
        duplicates = likely_duplicates(
            title=form.cleaned_data["title"],
            organisation_id=self._organisation_id(self.request.POST),
            user=self.request.user,
            exclude=measure.pk if measure else None,
        )
        seen = set(_ids(self.request.POST.get(SEEN, "").split(",")))
        if not duplicates or {d.pk for d in duplicates} <= seen:
            return None
        return self.render_to_response(
            self.get_context_data(
                form=form,
                duplicates=duplicates,
                duplicates_seen=",".join(str(d.pk) for d in duplicates),
                lost_files=lost_files(self.request.FILES),
            )
        )
