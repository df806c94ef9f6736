"""Model fields shared by the apps."""

from django.core.validators import MaxLengthValidator
from django.db import models


def limited_text_field(verbose_name, *, max_length: int, **kwargs) -> models.TextField:
    """A TextField whose length the model checks too (Django leaves a TextField's max_length
    to the form): every write goes through ``full_clean``, so no text can outgrow its limit or
    the search document built from it."""
    return models.TextField(
        verbose_name, max_length=max_length, validators=[MaxLengthValidator(max_length)], **kwargs
    )
