"""How long work reports how far it has got: the core calls a Meter, the command line decides whether anyone sees
it (a bar on standard error, on a terminal only). The core never prints. (Named so that "progress" keeps one
meaning: the progress records of a plan, aidplan.track.progress.)"""

from __future__ import annotations

from typing import Protocol


class Meter(Protocol):
    def start(self, description: str, total: int | None = None) -> None:
        """A new stage: `total` steps, or None when its length is unknown (a converter running)."""

    def advance(self, steps: int = 1) -> None: ...

    def stop(self) -> None: ...


class Silent:
    """A meter nobody watches: tests, pipes, scripts."""

    def start(self, description: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def stop(self) -> None:
        pass


SILENT = Silent()
