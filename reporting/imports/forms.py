"""The upload form (file and mode) and the confirmation on the preview page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.models import ImportBatch

from .parsing import MAX_ROWS, read_upload


def _mode_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=gettext_lazy("If some rows have errors"),
        choices=ImportBatch.Mode.choices,
        initial=ImportBatch.Mode.VALID_ONLY,
        widget=forms.RadioSelect,
    )


class ImportConfirmForm(forms.Form):
    mode = _mode_field()


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    mode = _mode_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A CSV or XLSX file with the columns of the portal's export, with column headings "
            "in the first row. At most 5 MB and %(max)s rows."
        ) % {"max": MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.parsed = read_upload(upload)
        except ValidationError:
            raise
        except (OSError, ValueError, UnicodeError) as error:
            raise ValidationError(
                _("The file could not be read. Save it as CSV or XLSX and try again."),
                code="unreadable",
            ) from error
        return upload
