from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "thidua.bench"
    label = "bench"
    verbose_name = "Đo hiệu năng"
