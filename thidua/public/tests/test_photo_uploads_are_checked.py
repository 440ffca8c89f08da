"""Photos: images only (by their bytes, not their name), at most 3 MB, stored under a random
name without their metadata (GPS position, camera owner), served only for a published story."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from thidua.public import images
from thidua.public.models import Exemplar, ExemplarPhoto

PIL = pytest.importorskip("PIL")
from PIL import Image  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh của Nguyễn Văn A"      # Make
    exif[0x8825] = {1: "N", 2: (20.0, 45.0, 1.5)}   # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png_with_text() -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Số nhà 12, thôn Hội Yên")
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_metadata_is_stripped_and_the_image_still_decodes():
    jpeg = _jpeg_with_gps()
    assert b"Exif" in jpeg
    cleaned, kind = images.clean_image(jpeg)
    assert kind == "image/jpeg" and b"Exif" not in cleaned and "Nguyễn".encode() not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == (40, 30)
    png, kind = images.clean_image(_png_with_text())
    assert kind == "image/png" and b"tEXt" not in png and Image.open(io.BytesIO(png)).size == (20, 20)
    webp = io.BytesIO()
    Image.new("RGB", (10, 10)).save(webp, "WEBP", exif=Image.Exif())
    assert images.clean_image(webp.getvalue())[1] == "image/webp"


def test_an_officer_uploads_a_photo_and_the_public_sees_it_only_when_published(client_as, media):
    client = Client()  # anonymous (client_as logs in the default test client)
    exemplar = Exemplar.objects.public().first()
    staff = client_as("canbotdkt")
    response = staff.post(f"/cong-khai/quan-ly/{exemplar.pk}/", {
        "image": SimpleUploadedFile("ho-ten-that.jpg", _jpeg_with_gps(), content_type="image/jpeg"),
        "alt_text": "Cô giáo đứng lớp", "caption": "Giờ học"})
    assert response.status_code == 302
    photo = ExemplarPhoto.objects.get(exemplar=exemplar)
    assert "ho-ten-that" not in photo.image.name and photo.image.name.endswith(".jpg")
    stored = (media / photo.image.name).read_bytes()
    assert b"Exif" not in stored
    served = client.get(f"/cong-khai/anh/{photo.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content) == stored
    page = client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").content.decode()
    assert 'alt="Cô giáo đứng lớp"' in page

    Exemplar.objects.filter(pk=exemplar.pk).update(published_on=None)
    assert client.get(f"/cong-khai/anh/{photo.pk}/").status_code == 404
    assert staff.get(f"/cong-khai/anh/{photo.pk}/").status_code == 200
    staff.post(f"/cong-khai/quan-ly/anh/{photo.pk}/xoa/")
    assert not ExemplarPhoto.objects.filter(pk=photo.pk).exists()


@pytest.mark.parametrize("name,content,message", [
    ("anh.jpg", b"this is not an image at all", "không phải ảnh"),
    ("anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "không phải ảnh"),
    ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "bị hỏng"),
    ("anh.jpg", b"\xff\xd8\xff" + b"\x00" * (images.MAX_BYTES + 10), "quá lớn"),
])
def test_other_files_are_refused_with_a_clear_message(client_as, name, content, message):
    exemplar = Exemplar.objects.first()
    response = client_as("canbotdkt").post(f"/cong-khai/quan-ly/{exemplar.pk}/", {
        "image": SimpleUploadedFile(name, content), "alt_text": "Ảnh"})
    assert response.status_code == 400 and message in response.content.decode()
    assert not ExemplarPhoto.objects.exists()
