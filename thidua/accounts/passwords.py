"""Password rules beyond Django's own, and the "password changed" signal.

- ``NotAPublishedPasswordValidator`` refuses the demo password published in the README
  (``thidua-demo``) and the site's own words (thidua, khenthuong, matkhau…) with digits or
  punctuation around them; Django's ``CommonPasswordValidator`` refuses the common ones.
- ``password_changed`` is sent whenever a user's password changes (change form, reset,
  ``manage.py changepassword``, ``set_password`` + ``save``) — through Django's validator hook
  ``password_changed``, which every path runs. Higher apps revoke what the old password vouched
  for (the exchange app revokes the user's API tokens). Django itself ends the user's other
  sessions: a session keeps a hash of the password it was opened with.
"""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.dispatch import Signal
from django.utils.translation import gettext as _

from thidua.core.text import search_key

password_changed = Signal()  # sender=User, user=...

PUBLISHED = ("thiduademo",)
SITE_WORDS = {"thidua", "thiduakhenthuong", "khenthuong", "matkhau", "quantri", "admin", "password", "namthanhmien"}


def _letters(password: str) -> str:
    return re.sub(r"[^a-z0-9]", "", search_key(password or ""))


class NotAPublishedPasswordValidator:
    def validate(self, password, user=None):
        letters = _letters(password)
        if any(word in letters for word in PUBLISHED) or letters.rstrip("0123456789") in SITE_WORDS:
            raise ValidationError(
                _("Mật khẩu này đã được công bố (mật khẩu mẫu) hoặc quá dễ đoán; hãy chọn mật khẩu khác."),
                code="password_published")

    def get_help_text(self):
        return _("Không dùng mật khẩu mẫu đã công bố (thidua-demo) hay tên của phần mềm.")

    def password_changed(self, password, user=None):
        if user is not None and user.pk is not None:
            password_changed.send(sender=type(user), user=user)
