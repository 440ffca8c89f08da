"""Background tasks of the accounts app. ``send_email`` is defined in ``outbox`` beside the
delivery that re-enqueues it after a failure (so outbox and tasks do not import each other)."""
from .outbox import send_email  # noqa: F401
