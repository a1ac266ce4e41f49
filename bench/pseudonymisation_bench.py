"""Pseudonymisation of the demo project with a complete name register: every export, scanned twice.

The register is completed the way a researcher would: the demo's actors, `names from-speakers`, and the place
`names suggest` points at (NDW21). Then every export is written with --pseudonymise (each one scans itself), and
all files are scanned again by an independent search for every word of every real name. Damaged words are
replacements in the project's texts that hit an ordinary word in lower case, a stop word or a token under three
letters. Targets: 0 leaks, 0 damaged words.

    python bench/pseudonymisation_bench.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from workbench.domain.name_rules import GOVERNMENT_WORDS, INSTITUTION_WORDS, PARTICLES, is_stop_word  # noqa: E402
from workbench.importers.export_parts import text_parts  # noqa: E402
from workbench.nlp.word_lists import is_ordinary_word  # noqa: E402
from workbench.services.demo import make_demo  # noqa: E402
from workbench.services.deidentification import _sources, scan_files  # noqa: E402

EXPORTS = ["fragments.xlsx", "fragments.csv", "themes.docx", "project.qdpx", "codebook.qdc", "codebook.yaml",
           "codebook.xlsx", "timeline.docx", "timeline.xlsx", "timeline.csv", "timeline.json", "timeline.ics"]


def complete_register(project) -> None:
    names = project.pseudonyms
    names.from_speakers()
    names.add("NDW21", "de nieuwbouwwijk", kind="place")


def export_all(project, out: Path) -> list[Path]:
    written = []
    for name in EXPORTS:
        kind, _, fmt = name.partition(".")
        target = out / name
        if kind == "fragments":
            result = project.exports.fragments(target, pseudonymise=True)
        elif kind == "themes":
            result = project.exports.themes(target, pseudonymise=True)
        elif kind == "project":
            result = project.exports.qdpx(target, pseudonymise=True)
        elif kind == "codebook":
            result = project.exports.codebook(target, pseudonymise=True)
        else:
            result = project.monitoring.export_timeline(fmt, target, pseudonymise=True)
        written += [Path(result.path), Path(result.deidentification)]
        manifest = getattr(result, "manifest", None)
        written.append(Path(manifest) if manifest else Path(f"{result.path}.manifest.json"))
    return [path for path in written if path.is_file()]



def independent_leaks(entities, files: list[Path]) -> list[tuple[str, str]]:
    """Every word of every real name (and the whole names), searched case-insensitively as whole words."""
    words = set()
    for entity in entities:
        words.add(entity.real_name)
        parts = re.split(r"[\s,()]+", entity.real_name)
        if parts and parts[0].casefold() in GOVERNMENT_WORDS:
            continue  # `Gemeente Nijmegen`: the city alone names a place, not the organisation
        for word in parts:
            if (len(word) >= 3 and word.casefold() not in PARTICLES | INSTITUTION_WORDS and not is_stop_word(word)
                    and not is_ordinary_word(word)):
                words.add(word)
    pattern = re.compile(r"(?<![^\W_])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![^\W_])",
                         re.IGNORECASE)
    leaks = []
    for path in files:
        for part in text_parts(path):
            for match in pattern.finditer(part.text):
                leaks.append((part.place, match.group(0)))
    return leaks


def damaged_words(project) -> tuple[list[tuple[str, str]], Counter]:
    replacer = project.pseudonyms.replacer()
    damaged, spellings = [], Counter()
    with project.ctx.read() as s:
        sources = _sources(s, "all", "nl")
    for label, texts in sources:
        for text in texts:
            for start, end, _form in replacer.matches(text or ""):
                spelling = text[start:end]
                spellings[spelling] += 1
                if len(spelling) < 3 or is_stop_word(spelling) or (spelling[:1].islower() and is_ordinary_word(spelling)):
                    damaged.append((label, " ".join(text[max(0, start - 30):end + 30].split())))
    return damaged, spellings


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = make_demo(Path(folder) / "demo", coder="bench")
        complete_register(project)
        out = Path(folder) / "exports"
        began = time.perf_counter()
        files = export_all(project, out)
        took = time.perf_counter() - began
        began, cpu = time.perf_counter(), time.process_time()
        again = scan_files(project.ctx, files)
        scan_took, scan_cpu = time.perf_counter() - began, time.process_time() - cpu
        leaks = independent_leaks(project.pseudonyms.entities(), files)
        damaged, spellings = damaged_words(project)
        print(f"register: {len(project.pseudonyms.entities())} entities; exports: {len(EXPORTS)} files + reports "
              f"+ manifests = {len(files)} files, written and self-scanned in {took:.1f} s")
        print(f"names check over all {len(files)} files: {again.parts} text parts, {len(again.leaks)} leaks, "
              f"{scan_took:.1f} s ({scan_cpu:.1f} s of CPU)")
        print(f"independent leak scan: {len(leaks)} leaks")
        for place, word in sorted(set(leaks))[:30]:
            print(f"  {place}: {word}")
        print(f"damaged words: {len(damaged)}")
        for label, context in damaged[:20]:
            print(f"  {label}: …{context}…")
        print("replaced spellings:", ", ".join(f"{s} ×{n}" for s, n in spellings.most_common()))
        project.close()


if __name__ == "__main__":
    main()
