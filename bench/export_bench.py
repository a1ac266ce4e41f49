"""Exports on the large project (500 documents, 250,000 codings over 200 codes): all fragments to Excel, and a
theme summary of about 2,000 quotes to Word, each beside the bare library writing the same content.

The baselines are openpyxl (write-only) appending the very rows our workbook holds, and python-docx adding the
same headings, tables, charts and quotes, with no logic of ours: no retrieval, no styling, no charts drawn.
Target: each export within 1.5x of its baseline.

    python bench/export_bench.py                      # SQLite, and PostgreSQL when WORKBENCH_TEST_POSTGRES_URL is set
    python bench/export_bench.py --backend sqlite --documents 50 --codings 25000
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from analysis_bench import build, postgres_schema  # noqa: E402

from workbench.domain.exports import FragmentFilter, ThemeOptions  # noqa: E402
from workbench.domain.filters import Selection  # noqa: E402
from workbench.project import Project  # noqa: E402

TARGET = 1.5
SCHEMA = "bench_exports"


def recorded_rows(project: Project, out: Path) -> list[tuple[str, list[list]]]:
    """Every sheet's rows exactly as our Excel export writes them (one untimed run that records them)."""
    from workbench.exporters import fragments_xlsx

    sheets: list[tuple[str, list[list]]] = []
    original_init, original_append = fragments_xlsx.StyledSheet.__init__, fragments_xlsx.StyledSheet.append

    def init(self, workbook, title, header, hasher, widths=None):
        sheets.append((title, [list(header)]))
        original_init(self, workbook, title, header, hasher, widths)

    def append(self, values, colours=None):
        sheets[-1][1].append(list(values))
        original_append(self, values, colours)

    fragments_xlsx.StyledSheet.__init__, fragments_xlsx.StyledSheet.append = init, append
    try:
        project.exports.fragments(out)
    finally:
        fragments_xlsx.StyledSheet.__init__, fragments_xlsx.StyledSheet.append = original_init, original_append
    return sheets


def openpyxl_baseline(sheets: list[tuple[str, list[list]]], out: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(out)


def docx_baseline(plan, charts: dict[str, bytes], out: Path) -> None:
    """python-docx adding the plan's content with plain calls: headings, paragraphs, tables, pictures."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_paragraph(plan.title, style="Title")
    for label, value in plan.facts:
        document.add_paragraph(f"{label}: {value}")
    for section in plan.sections:
        document.add_heading(section.code.name, level=section.level)
        document.add_paragraph(section.code.definition)
        table = document.add_table(rows=1, cols=3, style="Table Grid")
        for row in (*section.counts, section.total):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = row.label, str(row.fragments), str(row.documents)
        if section.code.path in charts:
            document.add_picture(io.BytesIO(charts[section.code.path]), width=Cm(12))
        for group, quotes in section.groups:
            document.add_paragraph(group, style="Heading 4")
            for quote in quotes:
                document.add_paragraph(quote.text, style="Quote")
                document.add_paragraph(quote.attribution)
    document.save(out)


def clocked(action) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def best_of(runs: int, ours, baseline) -> tuple[tuple[float, float], tuple[float, float]]:
    """The best wall and CPU times of each, run in turns so that a busy machine hits both alike."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(clocked(ours))
        theirs.append(clocked(baseline))
    return (min(w for w, _c in mine), min(c for _w, c in mine)), (min(w for w, _c in theirs), min(c for _w, c in theirs))


def report(label: str, ours: tuple[float, float], baseline: tuple[float, float]) -> None:
    ratio = ours[0] / baseline[0] if baseline[0] else float("inf")
    verdict = "ok" if ratio <= TARGET else "over target"
    print(f"  {label:<40} {ours[0]:7.2f} s (cpu {ours[1]:6.2f})   baseline {baseline[0]:7.2f} s "
          f"(cpu {baseline[1]:6.2f})   ratio {ratio:4.2f}, cpu {ours[1] / baseline[1]:4.2f} "
          f"(target {TARGET}: {verdict})", flush=True)


def measure(project: Project, folder: Path, quote_documents: int, runs: int) -> None:
    from workbench.domain.pseudonyms import NO_NAMES
    from workbench.domain.theme_summary import plan_summary
    from workbench.exporters.theme_chart import ChartPainter
    from workbench.services.fragment_sets import collect
    from workbench.services.selection import document_dates

    sheets = recorded_rows(project, folder / "recorded.xlsx")
    rows = sum(len(r) for _t, r in sheets)
    results = []
    ours, baseline = best_of(runs, lambda: results.append(project.exports.fragments(folder / "fragments.xlsx")),
                             lambda: openpyxl_baseline(sheets, folder / "baseline.xlsx"))
    size = (folder / "fragments.xlsx").stat().st_size / 1e6
    print(f"  Excel: {results[0].counts['fragments']:,} fragments, {len(sheets)} sheets, {rows:,} rows, {size:.0f} MB")
    report("fragments -> xlsx (retrieval included)", ours, baseline)
    del sheets

    titles = [f"Interview {n:03d}" for n in range(1, quote_documents + 1)]
    wanted = FragmentFilter(selection=Selection(documents=tuple(titles)))
    data = collect(project.ctx, wanted, NO_NAMES)
    with project.ctx.read() as s:
        plan = plan_summary(data, document_dates(s), ThemeOptions())
    painter = ChartPainter(list(plan.values), "chart")
    charts = {}
    for section in plan.sections:
        found = {row.label: row.fragments for row in section.counts}
        charts[section.code.path] = painter.render([found.get(v, 0) for v in plan.values], section.code.colour)
    results = []
    ours, baseline = best_of(runs, lambda: results.append(project.exports.themes(folder / "themes.docx", filters=wanted)),
                             lambda: docx_baseline(plan, charts, folder / "baseline.docx"))
    result = results[0]
    print(f"  Word: {result.counts['quotes']:,} quotes in {result.counts['sections']} sections, "
          f"{len(charts)} charts, from {quote_documents} documents")
    report("theme summary -> docx (retrieval included)", ours, baseline)


def run(backend: str, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = None if backend == "sqlite" else postgres_schema(args.postgres, schema=SCHEMA)
        print(f"\n== {backend} ==", flush=True)
        project = Project.init(folder / "bench", name="export bench", db=db, coder="anna", seed=False)
        try:
            built = build(project, args.documents, args.codings, args.codes)
            print(f"  built {args.documents} documents, {built['words']:,} words, {built['codings']:,} codings "
                  f"in {built['seconds']:.0f} s", flush=True)
            measure(project, folder, args.quote_documents, args.runs)
        finally:
            project.close()
            if db is not None:
                postgres_schema(args.postgres, drop_only=True, schema=SCHEMA)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--codings", type=int, default=250_000)
    parser.add_argument("--codes", type=int, default=200)
    parser.add_argument("--quote-documents", type=int, default=4,
                        help="How many documents the theme summary covers (4 give about 2,000 quotes).")
    parser.add_argument("--runs", type=int, default=2, help="Runs of each, taking the best (default 2).")
    parser.add_argument("--postgres", default=os.environ.get("WORKBENCH_TEST_POSTGRES_URL", ""))
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        if backend == "postgres" and not args.postgres:
            print("\n== postgres == skipped: set WORKBENCH_TEST_POSTGRES_URL or pass --postgres URL")
            continue
        run(backend, args)


if __name__ == "__main__":
    main()
