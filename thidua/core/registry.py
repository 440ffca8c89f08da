"""An ordered list of providers that higher apps register into, so that a lower app's page
shows their parts without importing them (the person and unit panels, the work queues, the
deadline notices). Apps register in their ``AppConfig.ready()``."""
from __future__ import annotations

from typing import Callable


class Registry:
    def __init__(self):
        self._providers: list[tuple[int, Callable]] = []

    def register(self, provider: Callable, order: int = 100) -> Callable:
        """Add ``provider`` (once: registering it again changes nothing), kept in ``order``."""
        if all(existing is not provider for _, existing in self._providers):
            self._providers.append((order, provider))
            self._providers.sort(key=lambda item: item[0])
        return provider

    @property
    def providers(self) -> list[Callable]:
        return [provider for _, provider in self._providers]
