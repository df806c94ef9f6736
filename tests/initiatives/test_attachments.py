import pytest
from django.core.exceptions import ValidationError

from initiatives.attachments import MAX_SIZE, validate_attachment


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pdf", "application/pdf"),
        ("png", "image/png"),
        ("jpeg", "image/jpeg"),
        ("odt", "application/vnd.oasis.opendocument.text"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_allowed_files_are_recognised_by_content(make_upload, kind, expected):
    assert validate_attachment(make_upload(kind)) == expected


@pytest.mark.parametrize(("kind", "name"), [("zip", "rapport.docx"), ("exe", "rapport.pdf")])
def test_wrong_content_is_refused_whatever_the_name(make_upload, kind, name):
    with pytest.raises(ValidationError) as error:
        validate_attachment(make_upload(kind, name=name))
    assert error.value.code == "wrong_type"


def test_files_over_ten_megabytes_are_refused(make_upload):
    with pytest.raises(ValidationError) as error:
        validate_attachment(make_upload("pdf", size=MAX_SIZE + 1))
    assert error.value.code == "too_large"
