"""Form helpers shared by every app's pages."""
from __future__ import annotations

from django.core.exceptions import ValidationError


def add_refusal(form, exc: ValidationError) -> None:
    """A service's refusal onto the form: by field where the form has that field, else on top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def attempt(form, write) -> bool:
    """Run a service call; its refusal becomes the form's errors. True when it went through."""
    try:
        write()
    except ValidationError as exc:
        add_refusal(form, exc)
        return False
    return True
