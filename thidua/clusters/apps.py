from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "thidua.clusters"
    label = "clusters"
    verbose_name = "Cụm, khối thi đua của thành phố"
