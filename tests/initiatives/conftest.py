import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def make_upload():
    """Real files of each kind, built in memory."""
    contents = {
        "pdf": b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        "jpeg": b"\xff\xd8\xff\xe0" + b"\x00" * 32,
        "odt": _zip(
            {
                "mimetype": b"application/vnd.oasis.opendocument.text",
                "content.xml": b"<office:document-content/>",
                "META-INF/manifest.xml": b"<manifest/>",
            }
        ),
        "docx": _zip(
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w:document/>",
                "_rels/.rels": b"<Relationships/>",
            }
        ),
        "zip": _zip({"readme.txt": b"just a zip"}),
        "exe": b"MZ\x90\x00" + b"\x00" * 32,
    }

    def make(kind: str, name: str | None = None, size: int | None = None):
        data = contents[kind]
        if size:
            data = data + b"\x00" * (size - len(data))
        return SimpleUploadedFile(name or f"vedlegg.{kind}", data)

    return make
