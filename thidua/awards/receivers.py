"""A person renamed or moved to another category: the stored candidate verdicts that name her
(her own, and the shares of her units, which list members by name) are judged again through
the usual refresh (``summaries.changed``). Meanwhile her own row is not used (its name and
category no longer match) and her units are judged live (a member's summary is stale).

A person without a stored row of her own (nothing in the ledger since the last rebuild, yet
named in her units' shares — nominated this round) has no judged name to compare with: any
change of her is taken as a rename. The refresh then stores her row, so the next change is
compared with it."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from thidua.org.models import Person


@receiver(post_save, sender=Person, dispatch_uid="awards-person-renamed")
def person_saved(sender, instance: Person, created: bool, raw: bool = False, **kwargs):
    from . import summaries
    from .models import StoredVerdicts

    if created or raw:
        return
    judged = StoredVerdicts.objects.filter(person_id=instance.pk).values_list("full_name", "category").first()
    if judged != (instance.full_name, instance.category):
        summaries.changed([instance.pk])
