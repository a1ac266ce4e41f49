"""The building blocks: speaker labels, their acceptance per document, timestamps, header fields, cue turns."""

from __future__ import annotations

from collections import Counter

import pytest

from workbench.importers.metadata import header_field, parse_date
from workbench.importers.speakers import accepted_labels, is_name_like, is_role_label, split_label
from workbench.importers.timestamps import leading_stamp, to_seconds, trailing_stamp, without_inner_stamps
from workbench.importers.turns import Cue, turns_from_cues


@pytest.mark.parametrize(
    ("line", "name", "rest"),
    [
        ("I: Hoe gaat het?", "I", "Hoe gaat het?"),
        ("Interviewer: Goed.", "Interviewer", "Goed."),
        ("RES: ja", "RES", "ja"),
        ("Jansen, Marieke: Goedemorgen: allemaal.", "Jansen, Marieke", "Goedemorgen: allemaal."),
        ("[SPEAKER_00]: Hallo", "SPEAKER_00", "Hallo"),
        ("SPEAKER_01: Hallo", "SPEAKER_01", "Hallo"),
        ("[Anouk] Hallo", "Anouk", "Hallo"),
        ("**I:** Vraag", "I", "Vraag"),
        ("__R__: Antwoord", "R", "Antwoord"),
        ("Marieke Jansen (00:03): Hoi", "Marieke Jansen", "Hoi"),
        ("Jansen, Marieke   0:03", "Jansen, Marieke", ""),
        ("I:", "I", ""),
    ],
)
def test_labels(line: str, name: str, rest: str) -> None:
    label, text = split_label(line)
    assert label is not None and (label.name, text) == (name, rest)


@pytest.mark.parametrize(
    "line",
    ["Zie http://heem.nl: daar", "[00:12:34] hoi", "Gewoon een zin.", "Een hele lange zin die op een punt eindigt en dan: x"],
)
def test_no_labels(line: str) -> None:
    assert split_label(line)[0] is None


def test_label_times() -> None:
    label, _ = split_label("Marieke Jansen (01:02:03): Hoi")
    assert label is not None and label.stamp is not None and label.stamp.start == 3723.0


def test_roles_and_names() -> None:
    roles = ["I", "R", "INT", "Res", "interviewer", "Speaker 2", "SPEAKER_00", "R1", "Deelnemer 3"]
    assert all(map(is_role_label, roles))
    assert not any(map(is_role_label, ["i", "Vraag 1", "Marieke"]))
    assert all(map(is_name_like, ["Marieke Jansen", "Jansen, Marieke", "Pieter de Vries", "van Dijk", "@Anouk"]))
    assert not any(map(is_name_like, ["Let op", "Hij zei", "Ja", "lacht", "Onverstaanbaar"]))


def test_names_need_evidence_roles_do_not() -> None:
    field_notes = Counter({"Opvallend": 1, "Actiepunt": 2})
    assert accepted_labels(field_notes, set(), paragraphs=20) == set()
    interview = Counter({"I": 10, "R": 10, "Petra de Vries": 1, "Opvallend": 1, "Kees": 2})
    assert accepted_labels(interview, set(), paragraphs=30) == {"I", "R", "Petra de Vries", "Kees"}
    zoom = Counter({"Marieke Jansen": 5, "Anouk": 1})
    assert accepted_labels(zoom, set(), paragraphs=6) == {"Marieke Jansen", "Anouk"}
    assert accepted_labels(Counter({"Opvallend": 1}), {"Opvallend"}, paragraphs=20) == {"Opvallend"}


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("12:34", 754.0), ("1:02:03", 3723.0), ("00:00:01.250", 1.25), ("00:00:01,5", 1.5), ("0:03", 3.0)],
)
def test_times(value: str, seconds: float) -> None:
    assert to_seconds(value) == seconds


def test_leading_and_trailing_stamps() -> None:
    stamp, rest = leading_stamp("[00:00.000 --> 00:05.000]  Goedemorgen")
    assert stamp is not None and (stamp.start, stamp.end, rest) == (0.0, 5.0, "Goedemorgen")
    stamp, rest = trailing_stamp("Via de wijkmanager. #00:12:41-2#")
    assert stamp is not None and (stamp.start, rest) == (761.2, "Via de wijkmanager.")
    assert trailing_stamp("We spraken af om 12:30")[0] is None
    assert without_inner_stamps("Ja [00:13:02] en toen #00:13:05-1# zei hij") == "Ja  en toen  zei hij"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 november 2024", "2024-11-12"),
        ("dinsdag 3 okt. 2024", "2024-10-03"),
        ("September 18, 2025, 6:59PM", "2025-09-18"),
        ("18 September 2025 18:59", "2025-09-18"),
        ("12-11-2024", "2024-11-12"),
        ("2024-11-12", "2024-11-12"),
        ("31 februari 2024", None),
        ("volgende week", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_header_fields() -> None:
    assert header_field("Datum: 12 november 2024") == ("date", "2024-11-12")
    assert header_field("**Plaats:** Nijmegen") == ("place", "Nijmegen")
    assert header_field("Datum: ergens in het najaar") == ("date_text", "ergens in het najaar")
    assert header_field("Opvallend: de tuin") is None


def test_cues_of_one_speaker_merge_and_speakerless_cues_keep_a_time_per_sentence_start() -> None:
    text, turns = turns_from_cues(
        [
            Cue(0.0, 2.0, "A", "Een"),
            Cue(2.0, 3.0, "A", "twee."),
            Cue(3.5, 4.0, None, "Los"),
            Cue(4.0, 5.0, None, "stuk."),
            Cue(5.2, 6.0, None, "Zonder pauze."),
            Cue(8.0, 9.0, None, "Na een pauze."),
        ]
    )
    assert [(text[t.start : t.end], t.speaker, t.t_start, t.t_end) for t in turns] == [
        ("Een twee.", "A", 0.0, 3.0),
        ("Los stuk.", None, 3.5, 5.0),
        ("Zonder pauze.", None, 5.2, 6.0),
        ("Na een pauze.", None, 8.0, 9.0),
    ]
