"""The project's own speaker patterns: added, listed, tried on a file, used by imports, removed and undone."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput, NotFound

BRACKETED = r"^\[(?P<speaker>[A-Z]{2,4}) (?P<time>\d\d:\d\d)\]\s*"
TRANSCRIPT = "[INT 00:01] Hoe begon het?\n\n[RES 00:05] Met koffie op het plein.\n\n[INT 00:20] En nu?\n"


def test_a_pattern_is_tried_then_added_and_used_with_its_times(project, tmp_path):
    path = tmp_path / "labels.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    now, tried = project.speaker_patterns.trial(path, BRACKETED)
    assert now == {"(no speaker)": 3} and tried == {"INT": 2, "RES": 1}
    assert project.documents.list() == []  # trying imports nothing

    assert project.speaker_patterns.add(BRACKETED) == [BRACKETED]
    (result,) = project.documents.import_paths([path])
    turns = project.documents.show(result.document_id).turns
    assert [(t.speaker, t.t_start) for t in turns] == [("INT", 1.0), ("RES", 5.0), ("INT", 20.0)]

    assert project.speaker_patterns.list() == [BRACKETED]
    project.speaker_patterns.remove(BRACKETED)
    assert project.speaker_patterns.list() == []
    assert project.history.undo().summary == f"Removed the speaker pattern '{BRACKETED}'"
    assert project.speaker_patterns.list() == [BRACKETED]


@pytest.mark.parametrize("pattern, message", [
    ("([", "is not a valid regular expression"),
    (r"^(\w+):", "has no group named 'speaker'"),
])
def test_unusable_patterns_are_refused_and_nothing_changes(project, pattern, message):
    with pytest.raises(InvalidInput, match=message):
        project.speaker_patterns.add(pattern)
    assert project.speaker_patterns.list() == []


def test_a_pattern_twice_or_an_unknown_one_is_refused(project):
    project.speaker_patterns.add(BRACKETED)
    with pytest.raises(InvalidInput, match="already in the project"):
        project.speaker_patterns.add(BRACKETED)
    with pytest.raises(NotFound, match="it has: '"):
        project.speaker_patterns.remove("^X:")
    assert project.speaker_patterns.list() == [BRACKETED]
