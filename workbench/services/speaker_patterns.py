"""The project's own speaker-label patterns, for transcripts whose labels the importers do not know.

Each is a regular expression matched at the start of a paragraph, with a group named `speaker` (and, if the
label carries the time, a group named `time`); a match always counts as a speaker, before the built-in labels
(`I:`, `Interviewer:`, `[Name]`, `SPEAKER_01:`) are tried.
"""

from __future__ import annotations

import builtins
from collections import Counter
from pathlib import Path

from workbench.domain.errors import InvalidInput, NotFound
from workbench.importers.speakers import compile_patterns
from workbench.services.context import ServiceContext
from workbench.services.status import StatusService

SETTING = "speaker_patterns"


class SpeakerPatternService:
    """List, add, remove and try the project's speaker patterns (kept in the project settings, undoable)."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self) -> list[str]:
        found = self.ctx.settings().get(SETTING) or []
        return [found] if isinstance(found, str) else list(found)

    def add(self, pattern: str) -> builtins.list[str]:
        """Add a pattern after checking it compiles and captures a `speaker` group."""
        compile_patterns([pattern], where="")
        patterns = self.list()
        if pattern in patterns:
            raise InvalidInput(f"The speaker pattern '{pattern}' is already in the project; nothing changed.")
        return self._store([*patterns, pattern], f"Added the speaker pattern '{pattern}'")

    def remove(self, pattern: str) -> builtins.list[str]:
        patterns = self.list()
        if pattern not in patterns:
            shown = ", ".join(f"'{p}'" for p in patterns) or "none"
            raise NotFound(f"The speaker pattern '{pattern}' is not in the project (it has: {shown}).")
        return self._store([p for p in patterns if p != pattern], f"Removed the speaker pattern '{pattern}'")

    def trial(self, path: Path, pattern: str | None = None) -> tuple[Counter, Counter]:
        """The speakers (with their number of turns) a file gives with the project's patterns, and with
        `pattern` added to them; nothing is stored."""
        from workbench.importers.registry import read_transcript

        patterns = self.list()
        if pattern is not None:
            compile_patterns([pattern], where="")

        def speakers(extra: list[str]) -> Counter:
            transcript = read_transcript(path, extra_speaker_patterns=extra)
            return Counter(turn.speaker or "(no speaker)" for turn in transcript.turns)

        now = speakers(patterns)
        return now, (speakers([*patterns, pattern]) if pattern is not None else now)

    def _store(self, patterns: builtins.list[str], summary: str) -> builtins.list[str]:
        StatusService(self.ctx).change_settings({SETTING: patterns}, summary)
        return patterns
