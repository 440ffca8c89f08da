"""Background tasks of the documents app (thin wrappers; the work is in ``jobs`` and ``frozen``,
which never import the modules that enqueue these tasks)."""
from django.dispatch import receiver
from django_tasks import task
from django_tasks.signals import task_finished

from . import frozen, jobs


@task()
def generate_report(job_id: int) -> str:
    return jobs.run(job_id)


@task()
def render_signed_decision(frozen_id: int) -> str:
    """The signed decision's DOCX and PDF, rendered once from the structure kept at the signature."""
    return frozen.render_frozen(frozen_id).pdf_sha256


@receiver(task_finished)
def fail_job_of_failed_task(sender, task_result, **kwargs):
    """A generation task that failed without marking its job (e.g. its worker died on the last
    attempt) fails the job with the task's reason, so the page stops waiting."""
    if task_result.status != "FAILED" or task_result.task.module_path != generate_report.module_path:
        return
    reason = task_result.errors[-1].traceback.strip().splitlines()[-1] if task_result.errors else "Lỗi không rõ"
    jobs.fail_unfinished(task_result.args[0], reason[:4000])
