"""The fast sentence splitter gives exactly the sentences of `spacy.blank(lang)` + `sentencizer`, inside turns."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.domain.transcripts import TurnSpan
from workbench.importers.registry import SUPPORTED_SUFFIXES, read_transcript
from workbench.nlp.sentences import split_sentences

ROOT = Path(__file__).parents[3]
TRANSCRIPT_FILES = sorted(
    path
    for folder in (ROOT / "tests" / "data" / "transcripts", ROOT / "transcripts")
    for path in folder.iterdir()
    if path.suffix in SUPPORTED_SUFFIXES
)
# Tokens of typed Dutch and English transcripts that test the tokenizer's edges.
TOKENS = (
    "de gemeente zei niet. Ja. Nee! Hoezo? wat?! echt?? m.b.t. bijv. o.a. d.w.z. i.p.v. etc. Dhr. Mw. J. nr. ca. "
    "blz. 12.30 3,5 2024. 1. NDW21. HEEM. HEEM's wijk- co-ouder. 't z'n. 's avonds “Nou, kijk.” „Ja,” ‘zo’ "
    '"Dan zei." (ja.) [lacht] [onverstaanbaar] ... zei... hmm… …en - — – www.heem.nl. info@heem.nl. :-) 30%. '
    "€5. 5€. km. 10km. é. É. ÉÉ. ok.Ok zei.Dan U.S. i.e. Mr. Dr. a.m. don't. can't! cannot. wow!!! ja, nou; "
    "tja: e-mail: 1,50. 12-03-2024. s.v.p. A.u.b. v.d. t.a.v."
).split(" ")
SPACES = (" ", " ", " ", " ", "  ", "\n", " \n", "\t", "\u00a0")


def spacy_sentences(text: str, turns: tuple[TurnSpan, ...], language: str) -> list[tuple[int, int]]:
    """The reference: spaCy's blank pipeline and sentencizer over each turn, spans stripped of whitespace."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    spans = []
    for turn in turns:
        for sentence in nlp(text[turn.start : turn.end]).sents:
            piece = sentence.text
            if piece.strip():
                start = turn.start + sentence.start_char + len(piece) - len(piece.lstrip())
                spans.append((start, start + len(piece.strip())))
    return spans


@pytest.mark.parametrize("path", TRANSCRIPT_FILES, ids=lambda path: path.name)
def test_agrees_with_spacy_on_the_transcript_files(path: Path) -> None:
    transcript = read_transcript(path)
    language = transcript.language or "nl"
    expected = spacy_sentences(transcript.text, transcript.turns, language)
    assert split_sentences(transcript.text, transcript.turns, language) == expected


@pytest.mark.parametrize("language", ["nl", "en"])
def test_agrees_with_spacy_on_generated_text(language: str) -> None:
    generator = random.Random(20241112)
    turns, pieces, offset = [], [], 0
    for _ in range(600):
        words = [generator.choice(TOKENS) + generator.choice(SPACES) for _ in range(generator.randint(1, 40))]
        body = "".join(words).strip()
        if body:
            turns.append(TurnSpan(offset, offset + len(body), None, None, None))
            pieces.append(body)
            offset += len(body) + 2
    text = "\n\n".join(pieces)
    turns_tuple = tuple(turns)
    assert split_sentences(text, turns_tuple, language) == spacy_sentences(text, turns_tuple, language)


def test_sentences_stay_inside_turns_and_cover_every_character() -> None:
    text = "Ja. Dat klopt!\n\nEn toen?  Niets.\nHelemaal niets\nmeer"
    turns = (TurnSpan(0, 14, "R", None, None), TurnSpan(16, len(text), "I", None, None))
    spans = split_sentences(text, turns)
    assert [text[start:end] for start, end in spans] == [
        "Ja.", "Dat klopt!", "En toen?", "Niets.", "Helemaal niets\nmeer",
    ]  # fmt: skip
    covered = {i for start, end in spans for i in range(start, end)}
    assert covered >= {i for i, char in enumerate(text) if not char.isspace()}


def test_a_megabyte_without_a_line_break_is_one_pass() -> None:
    text = ("woord " * 200_000).strip() + "."
    assert split_sentences(text, (TurnSpan(0, len(text), None, None, None),)) == [(0, len(text))]


def test_the_production_path_does_not_load_spacy(tmp_path: Path) -> None:
    program = (
        "import sys\nfrom pathlib import Path\n"
        "from workbench.importers.registry import read_transcript\n"
        "from workbench.nlp.sentences import split_sentences\n"
        f"t = read_transcript(Path({str(TRANSCRIPT_FILES[0])!r}))\n"
        "split_sentences(t.text, t.turns, t.language)\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True, cwd=ROOT)
