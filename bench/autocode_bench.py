"""Auto-coding on the import benchmark's corpus: the default codebook's rules over 100 Dutch interviews.

Writes the corpus with `bench/import_bench.py`'s generator (about 8,000 words per interview), imports it into a
new project with the default codebook, and prints the time to load spaCy (blank Dutch pipeline with the lookup
lemmatizer), the time of the run that stores the suggestions, of matching alone, and of a second run that finds
nothing new, followed by the suggestions per code.

    python bench/autocode_bench.py                   # 100 interviews
    python bench/autocode_bench.py --documents 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.import_bench import write_corpus  # noqa: E402
from workbench.project import Project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "corpus").mkdir()
        paths = write_corpus(folder / "corpus", args.documents)
        with Project.init(folder / "project", name="autocode bench", coder="anna") as project:
            started = time.perf_counter()
            project.documents.import_paths(paths)
            stored = project.documents.list()
            words = sum(doc.words for doc in stored)
            print(f"corpus: {len(stored)} interviews, {words:,} words, imported in {time.perf_counter() - started:.1f} s")

            started = time.perf_counter()
            from workbench.nlp.pipeline import pipeline

            pipeline("nl")
            print(f"spaCy blank('nl') + lookup lemmatizer loaded in {time.perf_counter() - started:.2f} s")

            started = time.perf_counter()
            report = project.autocode.run()
            seconds = time.perf_counter() - started
            print(f"autocode run: {report.new:,} suggestions stored in {seconds:.2f} s ({words / seconds:,.0f} words/s)")

            started = time.perf_counter()
            project.autocode.hits()
            seconds = time.perf_counter() - started
            print(f"matching only (nothing stored, matchers warm): {seconds:.2f} s ({words / seconds:,.0f} words/s)")

            started = time.perf_counter()
            again = project.autocode.run()
            print(f"second run (nothing new, {again.skipped:,} skipped): {time.perf_counter() - started:.2f} s")

            started = time.perf_counter()
            undone = project.history.undo()
            print(f"undo of the whole run ({undone.summary}): {time.perf_counter() - started:.2f} s")
            started = time.perf_counter()
            project.history.redo()
            print(f"redo of it: {time.perf_counter() - started:.2f} s")

            width = max(len(row.code) for row in report.codes)
            print(f"\n{'code':<{width}}  suggestions")
            for row in report.codes:
                print(f"{row.code:<{width}}  {row.new:>11,}")


if __name__ == "__main__":
    main()
