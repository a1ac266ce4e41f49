"""Long transcripts import whole: no line-length or document-length limit bites."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.text import count_words
from workbench.importers.registry import read_transcript
from workbench.nlp.sentences import split_sentences

WORDS = "de gemeente en het buurtbedrijf delen een plek waar bewoners elkaar vertrouwen".split()


def test_a_megabyte_without_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "een regel.txt"
    body = " ".join(WORDS[i % len(WORDS)] for i in range(150_000))
    path.write_text(body[:1_000_000], encoding="utf-8")
    transcript = read_transcript(path)
    assert len(transcript.turns) == 1 and len(transcript.text) == len(body[:1_000_000].strip())
    assert split_sentences(transcript.text, transcript.turns, transcript.language) == [(0, len(transcript.text))]


def test_three_hundred_thousand_words(tmp_path: Path) -> None:
    path = tmp_path / "lang interview.txt"
    lines = []
    for turn in range(3_000):
        label = "I" if turn % 2 == 0 else "R"
        lines.append(f"{label}: " + ". ".join(" ".join(WORDS[:10]) for _ in range(10)) + ".")
    path.write_text("\n".join(lines), encoding="utf-8")
    transcript = read_transcript(path)
    assert count_words(transcript.text) == 300_000
    assert len(transcript.turns) == 3_000 and transcript.speakers == ("I", "R")
    assert len(split_sentences(transcript.text, transcript.turns, transcript.language)) == 30_000
