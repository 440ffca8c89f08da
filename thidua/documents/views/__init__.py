"""Pages of the documents app, by family. Thin views: validate, one call, render. Document
downloads never answer 500: a failing renderer gives a Vietnamese error page (503) and a log
line (``common.send``)."""
from .decisions import draft, draft_pdf, invitation, minutes, signed_decision
from .ledger import (
    achievement, achievement_search, certificate_docx, certificate_pdf, decision_docx, decision_list, decision_pdf,
    person_certificates, unit_certificates,
)
from .reports import (
    index, job, job_download, job_status, movement_review, report, report_generate, report_preview, report_sections,
)
from .samples import sample, template_download, templates

__all__ = [
    "achievement", "achievement_search", "certificate_docx", "certificate_pdf", "decision_docx", "decision_list",
    "decision_pdf", "draft", "draft_pdf", "index", "invitation", "job", "job_download", "job_status", "minutes", "movement_review",
    "person_certificates", "report", "report_generate", "report_preview", "report_sections", "sample",
    "signed_decision", "template_download", "templates", "unit_certificates",
]
