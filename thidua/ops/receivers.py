"""Write a scheduled task's outcome back onto its ``ScheduledRun`` (health reads it)."""
from django.dispatch import receiver
from django.utils import timezone
from django_tasks.signals import task_finished

from .models import ScheduledRun


@receiver(task_finished)
def record_scheduled_outcome(sender, task_result, **kwargs):
    ok = task_result.status == "SUCCESSFUL"
    if ok:
        message = str(task_result.return_value or "")[:2000]
    else:
        message = task_result.errors[-1].traceback.strip().splitlines()[-1][:2000] if task_result.errors else ""
    ScheduledRun.objects.filter(task_id=str(task_result.id)).update(finished_at=timezone.now(), ok=ok,
                                                                     message=message)
