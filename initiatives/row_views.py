"""Drawing a form again with what was typed, without saving: the measure form's "similar"
check and the "Add a row" buttons of the forms with rows (``effect_forms``)."""

from __future__ import annotations

from django.forms import FileField

from .effect_forms import ADD_ROW


def form_again(view, *, add_row: str = ""):
    """The view's form, unbound, holding what was typed in the post (a browser cannot be
    given files back), with one more blank row in the set ``add_row``."""
    kwargs = view.get_form_kwargs()
    data, files = kwargs.pop("data"), kwargs.pop("files")
    form_class = view.get_form_class()
    bound = form_class(data=data, files=files, **kwargs)
    typed = {
        name: field.widget.value_from_datadict(data, files, bound.add_prefix(name))
        for name, field in bound.fields.items()
        if not isinstance(field, FileField)
    }
    return form_class(
        **{**kwargs, "initial": {**kwargs["initial"], **typed}},
        typed_rows=bound.typed_rows(),
        add_row=add_row,
    )


def lost_files(files) -> list[str]:
    return [upload.name for upload in files.getlist("new_attachments")]


class AddRowMixin:
    """A form view whose "Add a row" button (``action=add_row:<set>``) draws the form again
    with one more blank row in that set; nothing is saved."""

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if not action.startswith(ADD_ROW):
            return super().post(request, *args, **kwargs)
        form = form_again(self, add_row=action.removeprefix(ADD_ROW))
        return self.render_to_response(
            self.get_context_data(form=form, lost_files=lost_files(request.FILES))
        )
