import pytest
from django.core.exceptions import ValidationError

from initiatives.attachments import DOCX_MIMETYPE, MAX_SIZE, clean_file_name, validate_attachment


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


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("Sluttrapport.PDF", "application/pdf", "Sluttrapport.pdf"),
        ("C:\\Users\\kari\\Plan  2025.pdf", "application/pdf", "Plan 2025.pdf"),
        ("../../etc/side.html", "application/pdf", "side.html.pdf"),
        ("bilde.jpeg", "image/jpeg", "bilde.jpeg"),
        ("skjema\x00\r\n.docx", DOCX_MIMETYPE, "skjema.docx"),
        ("...", "image/png", "vedlegg.png"),
    ],
)
def test_the_download_name_is_cleaned_and_matches_the_proven_type(name, content_type, expected):
    assert clean_file_name(name, content_type) == expected
