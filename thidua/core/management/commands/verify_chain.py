"""python manage.py verify_chain [--anchor HASH|FILE ...] — check that no audit row was
changed, removed or inserted behind the application's back, and that every anchor kept
outside the database (a backup's manifest, a printed hash) is still in the chain.
Exits 1 and says what is broken; prints the current head to keep as the next anchor."""
import json
import re
import sys
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.audit import chain_anchor, verify_chain

HASH = re.compile(r"(?:#?(\d+)\s*[: ]\s*)?\b([0-9a-f]{64})\b")


def read_anchor(text: str) -> dict:
    """An anchor from a hash (``abc…``, ``#12:abc…``), a backup archive (.zip: its manifest's
    ``audit_head``), a manifest or anchor JSON file, or a text file holding a hash."""
    path = Path(text)
    if path.is_file():
        if zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as archive:
                    head = json.loads(archive.read("manifest.json")).get("audit_head")
            except (KeyError, ValueError, zipfile.BadZipFile) as exc:
                raise CommandError(f"Không đọc được manifest của bản sao lưu {path}: {exc}") from exc
            if not head or not head.get("hash"):
                raise CommandError(f"Bản sao lưu {path} không ghi mốc nhật ký (làm trước khi có tính năng này).")
            return {"id": head.get("id"), "hash": head["hash"]}
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            head = data.get("audit_head", data) if isinstance(data, dict) else None
            if isinstance(head, dict) and head.get("hash"):
                return {"id": head.get("id"), "hash": head["hash"]}
    match = HASH.search(text.strip().lower())
    if match is None:
        raise CommandError(f"Không tìm thấy mã băm (64 ký tự 0-9a-f) trong mốc {text[:80]!r}.")
    return {"id": int(match.group(1)) if match.group(1) else None, "hash": match.group(2)}


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi nhật ký (phát hiện sửa, xóa, chèn trái phép) và các mốc đã ghi ra ngoài."

    def add_arguments(self, parser):
        parser.add_argument("--anchor", action="append", default=[],
                            help="mốc đã ghi ra ngoài: mã băm, tệp sao lưu .zip hoặc tệp chứa mã băm (dùng nhiều lần được)")

    def handle(self, *args, anchor, **options):
        anchors = [read_anchor(a) for a in anchor]
        checked, broken = verify_chain(anchors)
        if broken is not None:
            self.stderr.write(f"Chuỗi nhật ký bị phá vỡ: {broken}; {checked} mục trước đó hợp lệ.")
            sys.exit(1)
        head = chain_anchor()
        self.stdout.write(self.style.SUCCESS(
            f"Chuỗi nhật ký toàn vẹn: {checked} mục" + (f", khớp {len(anchors)} mốc." if anchors else ".")))
        if head["hash"]:
            self.stdout.write(f"Mốc hiện tại (ghi lại để đối chiếu sau): #{head['id']}:{head['hash']}")
