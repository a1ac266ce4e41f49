"""A speech-recognition file without speakers keeps the time of every segment, up to the exports' Time column."""

from __future__ import annotations

import json

from openpyxl import load_workbook

SEGMENTS = [
    (4.2, 11.9, " Het begon eigenlijk heel klein."),
    (12.8, 19.5, " Een paar bewoners schonken koffie in de container."),
    (75.3, 80.0, " Nu komen er elke week zestig mensen."),
]


def test_each_whisper_segment_keeps_its_time_in_retrieval_and_the_workbook(project, tmp_path):
    source = tmp_path / "groepsgesprek.json"
    source.write_text(json.dumps({"language": "nl", "segments": [
        {"start": start, "end": end, "text": text} for start, end, text in SEGMENTS]}), encoding="utf-8")
    (result,) = project.documents.import_paths([source])
    document = project.documents.show(result.document_id)
    assert [(t.speaker, t.t_start) for t in document.turns] == [(None, 4.2), (None, 12.8), (None, 75.3)]
    project.codebook.create("Ontstaan")
    for phrase in ("bewoners schonken koffie", "zestig mensen"):
        start = document.text.index(phrase)
        project.coding.apply(result.document_id, "Ontstaan", start, start + len(phrase))
    fragments = project.retrieval.fragments(["Ontstaan"])
    assert [f.t_start for f in fragments] == [12.8, 75.3]

    out = tmp_path / "fragmenten.xlsx"
    project.exports.fragments(out)
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    time_column = [index for index, name in enumerate(rows[0]) if name in ("Time", "Tijd")][0]
    assert [row[time_column] for row in rows[1:]] == ["00:00:12", "00:01:15"]
