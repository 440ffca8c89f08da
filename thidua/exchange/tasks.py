"""Background tasks of the exchange app. ``commit_import`` is defined beside the service that
enqueues it (``services.queue_commit``) and named here too, where queued batches name it."""
from .services import commit_import

__all__ = ["commit_import"]
