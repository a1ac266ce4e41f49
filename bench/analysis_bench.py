"""The analysis engine on a large project: 500 documents, about 5 million words, 250,000 codings over 200 codes
by 3 coders, on SQLite and on PostgreSQL.

Prints the time of: retrieving one code with its context, a two-code NEAR/2 query, the co-occurrence matrix,
the code x attribute matrix, and undoing the last coding. Each figure is the median of several runs in one
warm process, with the first run beside it.

    python bench/analysis_bench.py                      # SQLite, and PostgreSQL when WORKBENCH_TEST_POSTGRES_URL is set
    python bench/analysis_bench.py --backend sqlite --documents 50 --codings 25000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from workbench.project import Project  # noqa: E402
from workbench.store.schema import (  # noqa: E402
    Attribute, AttributeValue, Code, Coder, Coding, Document, Event, Sentence, Turn,
)

WORDS = (
    "de het een en van in op met voor dat die niet is was zijn we ze hij zij wij ook maar dan als er nog wel al "
    "heel echt gewoon samen buurt wijk bewoners gemeente wijkonderneming corporatie subsidie geld financiering "
    "vertrouwen afspraken plek ruimte tijd jaar project partners overleg rol taken initiatiefnemer vrijwilligers "
    "ontmoeten koffie tuin groen kippen straat huis huren huurinkomsten budget preventie zorg gezondheid kinderen "
    "school activiteiten mensen elkaar kennen helpen bellen vragen zeggen denken merken zien doen maken krijgen "
    "geven nemen werken leren proberen beginnen stoppen blijven groeien veranderen belangrijk lastig mooi moeilijk "
    "goed slecht nieuw oud klein groot lang kort snel langzaam vaak soms altijd nooit eerst daarna toen nu straks "
    "misschien natuurlijk eigenlijk volgens beleid regels vergunning kader formeel informeel netwerk contact "
    "ambtenaar wethouder provincie ggd meting impact cohesie verhalen bewijs loslaten borging continuïteit"
).split()
ORGANISATIONS = ("gemeente", "corporatie", "wijkonderneming", "zorgorganisatie", "provincie")
CODERS = ("anna", "bram", "chris")


def make_document(rng: random.Random, words_wanted: int):
    """Text, turns (start, end, speaker, t) and sentences of one interview of about `words_wanted` words."""
    pieces, turns, sentences = [], [], []
    offset, words, clock, number = 0, 0, 0.0, 0
    respondent = rng.choice(("Marieke", "Ahmed", "Sanne", "Jeroen", "Fatima", "Kees"))
    while words < words_wanted:
        if number:
            pieces.append("\n\n")
            offset += 2
        speaker = "Interviewer" if number % 2 == 0 else respondent
        turn_start = offset
        for i in range(rng.randint(1, 2) if speaker == "Interviewer" else rng.randint(2, 8)):
            count = rng.randint(6, 24)
            sentence = " ".join(rng.choice(WORDS) for _ in range(count))
            sentence = sentence[0].upper() + sentence[1:] + rng.choice(".....?!")
            if i:
                pieces.append(" ")
                offset += 1
            sentences.append((offset, offset + len(sentence)))
            pieces.append(sentence)
            offset += len(sentence)
            words += count
        turns.append((turn_start, offset, speaker, clock))
        clock += rng.uniform(5, 60)
        number += 1
    return "".join(pieces), turns, sentences


def build(project: Project, documents: int, codings: int, code_count: int, seed: int = 7) -> dict:
    """Fill an empty project with generated documents, codes and codings (bulk inserts, as an import would)."""
    rng = random.Random(seed)
    db = project.db
    started = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    with db.transaction() as s:
        coder_ids = {}
        for name in CODERS:
            coder = s.query(Coder).filter_by(name=name).one_or_none() or Coder(name=name, guid=str(uuid.uuid4()))
            s.add(coder)
            s.flush()
            coder_ids[name] = coder.id
        categories = max(1, code_count // 10)
        code_ids = []
        for c in range(categories):
            parent = Code(guid=str(uuid.uuid4()), name=f"Thema {c + 1:02d}", colour="#336699", sort_order=c)
            s.add(parent)
            s.flush()
            code_ids.append(parent.id)
            for k in range(code_count // categories - 1):
                child = Code(guid=str(uuid.uuid4()), parent_id=parent.id, name=f"Subthema {c + 1:02d}.{k + 1}",
                             colour="#6699CC", sort_order=k)
                s.add(child)
                s.flush()
                code_ids.append(child.id)
        attribute = Attribute(guid=str(uuid.uuid4()), name="organisation", type="text")
        s.add(attribute)
        s.flush()
        attribute_id = attribute.id
    # Codes get a mildly skewed popularity, as in real projects.
    weights = [1 / (1 + rank / 20) for rank in range(len(code_ids))]
    per_doc = codings // documents
    words_per_doc = 5_000_000 // 500
    total_words = 0
    next_coding = 1
    for d in range(documents):
        body, turns, sentences = make_document(rng, words_per_doc)
        total_words += len(body.split())
        with db.transaction() as s:
            doc_id = s.execute(insert(Document.__table__).returning(Document.__table__.c.id).values(
                guid=str(uuid.uuid4()), title=f"Interview {d + 1:03d}", original_filename=f"interview-{d + 1:03d}.docx",
                format="docx", language="nl", text=body, text_sha256=hashlib.sha256(body.encode()).hexdigest(),
                imported_at=now, word_count=len(body.split()), metadata={"date": f"2024-{1 + d % 12:02d}-15"},
            )).scalar_one()
            s.execute(insert(Turn.__table__), [
                {"document_id": doc_id, "start": a, "end": b, "speaker": who, "t_start": t, "t_end": None}
                for a, b, who, t in turns
            ])
            s.execute(insert(Sentence.__table__), [{"document_id": doc_id, "start": a, "end": b} for a, b in sentences])
            s.execute(insert(AttributeValue.__table__).values(
                attribute_id=attribute_id, document_id=doc_id, value_text=ORGANISATIONS[d % len(ORGANISATIONS)]))
            rows, seen = [], set()
            while len(rows) < per_doc:
                first = rng.randrange(len(sentences))
                last = min(len(sentences) - 1, first + rng.choice((0, 0, 0, 1, 1, 2)))
                start, end = sentences[first][0], sentences[last][1]
                if rng.random() < 0.2:  # a phrase inside the sentence
                    start = start + rng.randrange(max(1, (end - start) // 2))
                    end = max(start + 1, end - rng.randrange(max(1, (end - start) // 3)))
                code = rng.choices(code_ids, weights)[0]
                for coder in rng.sample(CODERS, rng.choice((1, 2, 3))):
                    key = (code, coder, start, end)
                    if key in seen or len(rows) >= per_doc:
                        continue
                    seen.add(key)
                    rows.append({
                        "guid": str(uuid.uuid4()), "document_id": doc_id, "code_id": code,
                        "coder_id": coder_ids[coder], "start": start, "end": end, "status": "applied",
                        "origin": "manual", "created_at": now, "fingerprint": "",
                    })
            s.execute(insert(Coding.__table__), rows)
            next_coding += len(rows)
        if (d + 1) % 50 == 0:
            print(f"  built {d + 1}/{documents} documents ({time.perf_counter() - started:.0f} s)", flush=True)
    with db.transaction() as s:
        # One event per coding, as coding through the workbench leaves them, so undo searches a real history.
        ids = s.execute(text("SELECT id, coder_id, document_id, code_id, start, \"end\" FROM codings ORDER BY id")).all()
        batch = []
        for coding_id, coder_id, doc_id, code_id, start, end in ids:
            payload = {"summary": f"Coded span {start}-{end}", "undoable": True, "changes": [
                {"table": "codings", "op": "insert", "pk": {"id": coding_id},
                 "row": {"id": coding_id, "document_id": doc_id, "code_id": code_id, "coder_id": coder_id,
                         "start": start, "end": end, "status": "applied"}}]}
            batch.append({"at": now, "coder_id": coder_id, "kind": "coding.apply", "target": f"coding:{coding_id}",
                          "payload": payload, "reverts_id": None})
            if len(batch) == 20_000:
                s.execute(insert(Event.__table__), batch)
                batch = []
        if batch:
            s.execute(insert(Event.__table__), batch)
    if not db.is_sqlite:
        # PostgreSQL's autovacuum would gather statistics soon after a bulk load; do it now. The workbench never
        # runs ANALYZE on SQLite, so the bench leaves SQLite's planner as users have it.
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return {"seconds": time.perf_counter() - started, "words": total_words, "codings": next_coding - 1}


def timed(label: str, action, runs: int = 5, before=None) -> None:
    """Run `action` several times; print the median and the first run (after `before`, e.g. emptying caches)."""
    times, result = [], None
    for run in range(runs):
        if before is not None and run == 0:
            before()
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    size = f"{len(result):>7} rows" if hasattr(result, "__len__") else ""
    print(f"  {label:<52} median {statistics.median(times):7.0f} ms   first {times[0]:7.0f} ms  {size}")


def machine_note() -> str:
    """How busy the machine is: load average and the time of a fixed piece of pure Python."""
    started = time.process_time()
    sum(range(10_000_000))
    calibration = (time.process_time() - started) * 1000
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"load average {load:.1f}; sum(range(10**7)) takes {calibration:.0f} ms of CPU here"


def measure(project: Project) -> None:
    from sqlalchemy import func, select

    from workbench.services import span_cache, texts
    from workbench.services.lookup import CodeTree
    from workbench.store.schema import Coding as CodingRow

    with project.ctx.read() as s:
        counts = s.execute(select(CodingRow.code_id, func.count()).group_by(CodingRow.code_id).order_by(func.count())).all()
        tree = CodeTree.load(s)
    median_code, top_code, second_code = counts[len(counts) // 2][0], counts[-1][0], counts[-2][0]
    a, b, c = tree.path(median_code), tree.path(top_code), tree.path(second_code)
    sizes = dict(counts)
    print(f"  ({machine_note()})")
    print(f"  code '{a}' has {sizes[median_code]} codings (the median); '{b}' {sizes[top_code]}, '{c}' {sizes[second_code]}")
    def forget_all():
        texts.forget_all()
        span_cache.forget_all()

    timed(f"retrieve '{a}' with sentence context", lambda: project.retrieval.fragments([a]), runs=9, before=forget_all)
    timed(f"retrieve '{b}' with turn context", lambda: project.retrieval.fragments([b], context="turn"))
    timed(f"query '{b} NEAR/2 {c}' (span)", lambda: project.queries.run(f'"{b}" NEAR/2 "{c}"').hits)
    for unit in ("span", "sentence", "turn", "document"):
        timed(f"co-occurrence matrix, unit {unit}", lambda u=unit: project.matrices.cooccurrence(unit=u).codes, runs=3)
    timed("code x attribute matrix (fragments)", lambda: project.matrices.frequencies(by="attr:organisation").rows, runs=3)
    timed("code x attribute matrix (codings)",
          lambda: project.matrices.frequencies(by="attr:organisation", measure="codings").rows, runs=3)
    timed("code x attribute matrix (documents)",
          lambda: project.matrices.frequencies(by="attr:organisation", measure="documents").rows, runs=3)
    timed("code x attribute matrix (coded words)",
          lambda: project.matrices.frequencies(by="attr:organisation", measure="words").rows, runs=3)
    timed("code x speaker matrix (codings)", lambda: project.matrices.frequencies(by="speakers", measure="codings").rows, runs=3)

    def code_then_undo():
        project.coding.apply("Interview 001", a, 0, 25 + random.randrange(100))
        started = time.perf_counter()
        project.history.undo()
        return (time.perf_counter() - started) * 1000

    undo_times = [code_then_undo() for _ in range(5)]
    print(f"  {'undo of the last coding':<52} median {statistics.median(undo_times):7.0f} ms   "
          f"first {undo_times[0]:7.0f} ms")
    timed("apply one coding (and undo it)", lambda: [project.coding.apply("Interview 002", a, 0, 25 + random.randrange(100)),
                                                     project.history.undo()])


SCHEMA = "bench_analysis"


def postgres_schema(base: str, *, drop_only: bool = False, schema: str = SCHEMA) -> str:
    """A fresh schema on the PostgreSQL server for a bench, as a URL whose search_path is that schema; each
    bench has its own, so benches on the same server leave each other alone."""
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        if not drop_only:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def run(backend: str, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "bench"
        db = None if backend == "sqlite" else postgres_schema(args.postgres)
        print(f"\n== {backend} ==", flush=True)
        project = Project.init(directory, name="analysis bench", db=db, coder="anna", seed=False)
        try:
            built = build(project, args.documents, args.codings, args.codes)
            print(f"  built {args.documents} documents, {built['words']:,} words, {built['codings']:,} codings "
                  f"in {built['seconds']:.0f} s")
            measure(project)
        finally:
            project.close()
            if db is not None:
                postgres_schema(args.postgres, drop_only=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--codings", type=int, default=250_000)
    parser.add_argument("--codes", type=int, default=200)
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
