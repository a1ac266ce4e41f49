"""Import benchmark: 100 Dutch interview transcripts of about 8,000 words (`I:` / `R:` turns) and 20 Word ones.

Run `python bench/import_bench.py [--keep DIR]`. It writes the corpus, imports it into a fresh project (the
.txt files, then the .docx files), and prints words per second for each, with the time spaCy's blank Dutch
tokenizer alone takes over the same texts. Targets on a 2-core machine: the 100 .txt interviews in under 3 s,
Word at 100,000 words/s or more.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SUBJECTS = (
    "de gemeente", "de wijkonderneming", "de corporatie", "de buurt", "het bestuur", "de wijkmanager",
    "de zorgverzekeraar", "de vrijwilligers", "de bewoners", "het buurtteam", "de oprichter", "de GGD",
)  # fmt: skip
THINGS = (
    "de subsidie", "de huur van de units", "het preventiebudget", "de moestuin", "het repaircafé",
    "de ontmoetingsruimte", "de koffiekar", "het jaarplan", "de gebruiksovereenkomst", "de taalles",
    "het plein", "de nieuwe wijk", "de verantwoording", "het vertrouwen", "de kerstmarkt",
)  # fmt: skip
VERBS = ("regelt", "betaalt", "ziet", "mist", "vraagt om", "onderhoudt", "organiseert", "bespreekt", "draagt")
OPENERS = ("Eigenlijk", "Kijk,", "Nou,", "Eerlijk gezegd", "In het begin", "Sinds vorig jaar", "Soms", "Vaak")
TAILS = (
    "en dat merk je elke week.", "maar dat kost veel tijd.", "en daar zijn we trots op.",
    "maar niemand weet voor hoe lang.", "en dat is voor ons heel belangrijk.", "m.b.t. de lange termijn.",
    "dus het hangt echt aan personen.", "en ieder jaar weer opnieuw...", "bijv. in de zomer.",
)  # fmt: skip
QUESTIONS = (
    "Hoe is dat zo gegroeid?", "Wat betekent dat voor de bewoners?", "Kun je daar een voorbeeld van geven?",
    "Wie betaalt daar eigenlijk voor?", "Hoe kijk je naar de toekomst van de plek?", "En het vertrouwen?",
)  # fmt: skip


def sentence(rng: random.Random) -> str:
    """One spoken Dutch sentence about the project's themes."""
    body = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(THINGS)}, {rng.choice(TAILS)}"
    if rng.random() < 0.4:
        return f"{rng.choice(OPENERS)} {body}"
    return body[0].upper() + body[1:]


def interview(rng: random.Random, number: int, words: int = 8_000) -> str:
    """A transcript of about `words` words: a header, then alternating I: and R: turns, some timestamped."""
    lines = [f"Interview {number:03d} wijkonderneming", f"Datum: {rng.randint(1, 28)} november 2024", "Plaats: Nijmegen", ""]
    count, seconds = 0, 0
    while count < words:
        question = rng.choice(QUESTIONS)
        answer = " ".join(sentence(rng) for _ in range(rng.randint(3, 12)))
        seconds += rng.randint(20, 90)
        stamp = f"[{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}] " if rng.random() < 0.3 else ""
        lines += [f"{stamp}I: {question}", f"R: {answer}"]
        if rng.random() < 0.2:
            lines.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 4))))
        count += len(question.split()) + len(answer.split())
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, documents: int = 100, *, seed: int = 2024) -> list[Path]:
    """Write `documents` interview .txt files into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(1, documents + 1):
        path = folder / f"interview-{number:03d}.txt"
        path.write_text(interview(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def write_docx_corpus(folder: Path, documents: int = 20, *, seed: int = 2025) -> list[Path]:
    """Write `documents` Word transcripts (a heading, header fields, bold labels) into `folder`."""
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(1, documents + 1):
        title, *lines = interview(rng, 500 + number).split("\n")
        document = docx.Document()
        document.add_heading(title, level=1)
        for line in lines:
            paragraph = document.add_paragraph()
            label, colon, rest = line.partition(": ")
            if colon and label.endswith(("I", "R")) and len(label) < 16:
                paragraph.add_run(label + ":").bold = True
                paragraph.add_run(" " + rest)
            else:
                paragraph.add_run(line)
        path = folder / f"interview-{500 + number:03d}.docx"
        document.save(str(path))
        paths.append(path)
    return paths


def timed_import(project_dir: Path, paths: list[Path]) -> tuple[float, float, list]:
    """Import `paths` into a new project; return wall seconds, the main process's CPU seconds, the results."""
    from workbench.project import Project

    project = Project.init(project_dir, name="import benchmark", coder="bench")
    start, cpu = time.perf_counter(), time.process_time()
    results = project.documents.import_paths(paths)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    project.close()
    return elapsed, cpu, results


def reading_cpu_seconds(paths: list[Path]) -> float:
    """CPU seconds to read the files (text, turns, sentences, counts) in one process, without storing them."""
    from workbench.services.document_preparation import ImportSettings, prepare

    settings = ImportSettings(language=None, default_language="nl")
    start = time.process_time()
    for path in paths:
        prepare(str(path), settings)
    return time.process_time() - start


def spacy_tokenizer_seconds(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds spaCy's blank Dutch tokenizer alone takes over `texts` (loading not counted)."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.max_length = 10_000_000
    start, cpu = time.perf_counter(), time.process_time()
    for doc in nlp.tokenizer.pipe(texts):
        len(doc)
    return time.perf_counter() - start, time.process_time() - cpu


def report(label: str, paths: list[Path], timing: tuple[float, float, list], target: str) -> None:
    elapsed, main_cpu, results = timing
    imported = [r for r in results if r.status == "imported"]
    words = sum(r.words for r in imported)
    print(f"{label}: {len(imported)}/{len(results)} imported, {words:,} words in {elapsed:.2f} s "
          f"= {words / elapsed:,.0f} words/s ({target})")
    print(f"    CPU: {main_cpu:.2f} s in the main process (storing, and reading when no workers run); "
          f"reading alone on one core: {reading_cpu_seconds(paths):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the corpus and projects here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="import-bench-"))
    try:
        txt = write_corpus(base / "corpus-txt")
        docx_paths = write_docx_corpus(base / "corpus-docx")
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{cores} cores; load average {os.getloadavg()[0]:.1f} before the run (other work stretches wall times)")
        timing = timed_import(base / "project-txt", txt)
        report("100 .txt interviews", txt, timing, "target: under 3 s")
        report("20 .docx interviews", docx_paths, timed_import(base / "project-docx", docx_paths),
               "target: 100,000 words/s or more")  # fmt: skip
        from workbench.project import Project

        project = Project.open(base / "project-txt")
        texts = [project.documents.show(r.document_id).text for r in timing[2] if r.status == "imported"]
        project.close()
        wall, cpu = spacy_tokenizer_seconds(texts)
        print(f"spaCy blank('nl') tokenizer alone over the same .txt texts: {wall:.2f} s (CPU {cpu:.2f} s)")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
