"""A person renamed or moved to another category: the stored candidate verdicts that name her
(her own, and the shares of her units, which list members by name) are judged again through
the usual refresh (``summaries.changed``). Meanwhile her own row is not used (its name and
category no longer match) and her units are judged live (a member's summary is stale)."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from thidua.org.models import Person


@receiver(post_save, sender=Person, dispatch_uid="awards-person-renamed")
def person_saved(sender, instance: Person, created: bool, raw: bool = False, **kwargs):
    from . import summaries
    from .models import StoredVerdicts

    if created or raw:
        return
    if StoredVerdicts.objects.filter(person_id=instance.pk).exclude(
            full_name=instance.full_name, category=instance.category).exists():
        summaries.changed([instance.pk])
