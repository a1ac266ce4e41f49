"""The demo's documents: the sample transcripts, imported in the order of the project year, with names and attributes."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import ImportFailed

# (file, speaker names, attributes), in the order the monitoring log meets them.
SAMPLES: tuple[tuple[str, dict[str, str], dict[str, str]], ...] = (
    ("interview-oprichter-heem.txt", {"Respondent": "Fatima (HEEM)"},
     {"organisation": "HEEM", "organisation type": "wijkonderneming", "role": "initiatiefnemer", "kind": "interview"}),
    ("interview-gemeente-whisperx.srt", {"SPEAKER_00": "Interviewer", "SPEAKER_01": "Marieke (gemeente)"},
     {"organisation": "Gemeente Nijmegen", "organisation type": "gemeente", "role": "wijkmanager",
      "date": "2024-07-25", "place": "Stadhuis Nijmegen", "kind": "interview"}),
    ("veldnotities-werkbezoek-de-nieuwe-linde.md", {},
     {"organisation": "De Nieuwe Linde", "organisation type": "wijkonderneming", "kind": "veldnotities"}),
    ("interview-woningcorporatie.docx", {"I": "Interviewer", "R": "Ingrid (corporatie)"},
     {"organisation": "Woonstichting Waalwonen", "organisation type": "woningcorporatie", "role": "gebiedsregisseur",
      "kind": "interview"}),
    ("overleg-partners-teams.vtt", {},
     {"organisation": "lokale partners NDW21", "organisation type": "overleg", "date": "2024-11-28", "kind": "overleg"}),
    ("groepsgesprek-bewoners-whisperx.json",
     {"SPEAKER_00": "Interviewer", "SPEAKER_01": "Ria", "SPEAKER_02": "Yusuf", "SPEAKER_03": "Bram"},
     {"organisation": "bewoners NDW21", "organisation type": "bewoners", "role": "bewoner", "date": "2025-03-20",
      "kind": "groepsgesprek"}),
)  # fmt: skip


def add_to_demo(project, samples_dir: Path) -> None:
    """Import the sample transcripts into the demo project."""
    for name, speakers, attributes in SAMPLES:
        path = samples_dir / name
        if not path.exists():
            continue
        result = project.documents.import_paths([path], attributes=attributes, speaker_map=speakers)[0]
        if result.status == "failed":
            raise ImportFailed(result.message)
