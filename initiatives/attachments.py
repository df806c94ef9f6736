"""Checking uploaded attachments by their content, not by their name or claimed type."""

from __future__ import annotations

import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 10 * 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED_LABEL = "PDF, ODT, DOCX, PNG, JPEG"
MAX_NAME_LENGTH = 150
# The extensions a proven type is stored and offered under; the first is used when the
# uploader's own extension is not one of them.
EXTENSIONS = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
    "application/vnd.oasis.opendocument.text": ("odt",),
    DOCX_MIMETYPE: ("docx",),
}


def stored_extension(content_type: str) -> str:
    """The extension a file of a proven type is stored under; never the uploader's."""
    return EXTENSIONS.get(content_type, ("bin",))[0]


def clean_file_name(name: str, content_type: str) -> str:
    """The uploader's name, only for the download's Content-Disposition: no folders, control
    characters or runs of spaces, and an extension that matches the proven type."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C"))
    name = " ".join(name.split()).strip(" .") or "vedlegg"
    stem, _dot, extension = name.rpartition(".")
    allowed = EXTENSIONS.get(content_type, ("bin",))
    if stem and extension.lower() in allowed:
        return f"{stem}.{extension.lower()}"
    return f"{name}.{allowed[0]}"


def _zip_kind(upload) -> str | None:
    """ODT and DOCX are ZIP packages; look inside for the parts each format requires."""
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.read("mimetype").strip() == ODT_MIMETYPE:
                return "application/vnd.oasis.opendocument.text" if "content.xml" in names else None
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX_MIMETYPE
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def detect_content_type(upload) -> str | None:
    """The MIME type the file's content proves, or None if it is none of the allowed kinds."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
        upload.seek(0)
        return kind
    return None


def validate_attachment(upload) -> str:
    """Return the proven content type, or raise a ValidationError the user can act on."""
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("The file is larger than 10 MB. Make it smaller or upload it in parts."),
            code="too_large",
        )
    content_type = detect_content_type(upload)
    if content_type is None:
        raise ValidationError(
            _("The file must be one of these types: %(types)s."),
            params={"types": ALLOWED_LABEL},
            code="wrong_type",
        )
    if len(clean_file_name(upload.name, content_type)) > MAX_NAME_LENGTH:
        raise ValidationError(
            _(
                "The file name “%(name)s…” is too long: at most %(max)s characters. Give the file "
                "a shorter name and choose it again."
            ),
            params={"name": upload.name[:30], "max": MAX_NAME_LENGTH},
            code="name_too_long",
        )
    return content_type
