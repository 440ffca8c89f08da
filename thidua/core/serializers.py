"""JSON serialization that keeps datetimes to the microsecond (Django's own JSON encoder cuts
them to milliseconds), so that a backup restores every record exactly."""
import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder  # noqa: F401 — re-exported
from django.core.serializers.json import Serializer as JSONSerializer


class PreciseEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseEncoder
