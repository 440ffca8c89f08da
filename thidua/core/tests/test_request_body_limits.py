"""Oversized request bodies are refused from their declared length, before a byte is read:
an anonymous 50 MiB POST to the public PDF-check page gets 413 in Vietnamese and nothing is read
into memory or written to the temporary folder."""
import io

import pytest
from django.core.files import uploadedfile

pytestmark = pytest.mark.django_db
MiB = 1024 * 1024
BOUNDARY = "ranh-gioi"


class LazyMultipart(io.RawIOBase):
    """A multipart body of one ``size``-byte PDF, made as it is read; counts what is read."""

    def __init__(self, size):
        self.head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"qd.pdf\"\r\n"
                     f"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.length = len(self.head) + size + len(self.tail)
        self.position = 0

    def readable(self):
        return True

    def read(self, n=-1):
        if n is None or n < 0:
            n = self.length - self.position
        n = min(n, self.length - self.position)
        out = bytearray()
        while len(out) < n:
            p = self.position + len(out)
            if p < len(self.head):
                out += self.head[p:p + n - len(out)]
            elif p < self.length - len(self.tail):
                out += b"0" * min(n - len(out), self.length - len(self.tail) - p)
            else:
                q = p - (self.length - len(self.tail))
                out += self.tail[q:q + n - len(out)]
        self.position += len(out)
        return bytes(out)

    def readline(self, size=-1):
        return self.read(size if size and size > 0 else 65536)


@pytest.fixture
def temporary_files(monkeypatch, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    made = []
    real = uploadedfile.tempfile.NamedTemporaryFile

    def recording(*args, **kwargs):
        made.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(uploadedfile.tempfile, "NamedTemporaryFile", recording)
    return made


def post(client, path, body, **extra):
    return client.generic("POST", path, b"", **{"wsgi.input": body, "CONTENT_LENGTH": str(body.length),
                                                "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}", **extra})


def test_an_anonymous_50_mib_post_to_the_pdf_check_page_is_refused_unread(client, temporary_files, tmp_path):
    body = LazyMultipart(50 * MiB)
    response = post(client, "/cong-khai/xac-minh-van-ban/", body)
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
    assert response["Connection"] == "close"
    assert body.position == 0  # not a byte read
    assert temporary_files == [] and list(tmp_path.iterdir()) == []


def test_a_staff_upload_page_takes_its_own_larger_limit_and_refuses_beyond_it(client_as, temporary_files):
    from thidua.core.files import MAX_UPLOAD_BYTES

    client = client_as("canbotdkt")
    refused = post(client, "/du-lieu/nhap/", LazyMultipart(MAX_UPLOAD_BYTES + MiB))
    assert refused.status_code == 413 and temporary_files == []
    within = LazyMultipart(6 * MiB)  # larger than the public page allows, within the import's limit
    response = post(client, "/du-lieu/nhap/", within)
    assert response.status_code != 413 and within.position > 0


def test_an_ordinary_form_page_refuses_a_large_body(client_as):
    response = client_as("canbotdkt").post("/tai-khoan/doi-mat-khau/", {"old_password": "x" * (3 * MiB)})
    assert response.status_code == 413


def test_a_chunked_body_without_length_is_refused(client):
    body = LazyMultipart(MiB)
    response = client.generic("POST", "/cong-khai/xac-minh-van-ban/", b"", **{
        "wsgi.input": body, "HTTP_TRANSFER_ENCODING": "chunked",
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}"})
    assert response.status_code == 411 and body.position == 0


def test_a_small_pdf_check_still_works(client):
    response = client.post("/cong-khai/xac-minh-van-ban/", {"tep": io.BytesIO(b"not a pdf")})
    assert response.status_code == 400 and "Tệp không phải là PDF" in response.content.decode()
