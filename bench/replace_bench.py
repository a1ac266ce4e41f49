"""Re-anchoring on realistic corrections: how many codings survive a corrected transcript, per kind of correction.

Takes the sample transcripts (transcripts/ and tests/data/transcripts/), writes each as a typed transcript
(`[00:01:02] Name: text`), imports it and codes it densely (every sentence, pairs of sentences, short phrases
inside sentences, whole turns). Then, for each kind of correction, writes the corrected file, replaces the
document with it through the real service, scores every coding against where its words truly went, and undoes
the replacement. The file-format kind instead imports the sample file as it is (VTT, SRT, Whisper JSON, ...)
and replaces it with a Word document of the same interview.

Per kind it prints: codings kept exactly, moved correctly, to review, placed wrongly (placed without review
where its words are not), and lost (gone from the project). A coding whose words were deleted is correct only
when it goes to review.

    python bench/replace_bench.py
    python bench/replace_bench.py --seed 7 --verbose
    python bench/replace_bench.py --generated 3     # and three generated 8,000-word interviews
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.domain.codings import fingerprint  # noqa: E402
from workbench.domain.reanchoring import KEPT, MOVED, REVIEW  # noqa: E402
from workbench.importers.registry import read_transcript  # noqa: E402
from workbench.project import Project  # noqa: E402
from workbench.store.schema import Coding  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "transcripts").glob("*.*")), *sorted((ROOT / "tests" / "data" / "transcripts").glob("*.*"))]
KINDS = ("typo fixes", "name spelled right", "renamed speaker", "paragraph inserted", "paragraph deleted",
         "timestamps shifted", "all at once")
FORMAT_KIND = "other file format"
CODES = ("Zin", "Passage", "Frase", "Beurt")
_WORD = re.compile(r"\w{4,}")


class Edited:
    """A corrected text built from the old one piece by piece, with where each old character went (-1: gone)."""

    def __init__(self, old: str):
        self.old = old
        self.parts: list[str] = []
        self.where = [-1] * (len(old) + 1)
        self.length = 0

    def keep(self, start: int, end: int) -> None:
        for index in range(start, end):
            self.where[index] = self.length + index - start
        self.parts.append(self.old[start:end])
        self.length += end - start

    def change(self, start: int, end: int, text: str) -> None:
        """Replace old `[start, end)` by `text`; its characters map to the same share of the new words."""
        for index in range(start, end):
            self.where[index] = self.length + min(index - start, len(text) - 1)
        self.parts.append(text)
        self.length += len(text)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _clock(seconds: float | None) -> str:
    whole = int(seconds or 0)
    return f"[{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}] "


def write_typed(path: Path, text: str, turns, *, rename: dict | None = None, shift: float = 0.0) -> None:
    """A transcript as a researcher types it: one paragraph per line, `[time] Speaker: ` before each turn."""
    rename = rename or {}
    lines = []
    for start, end, speaker, t_start in turns:
        paragraphs = text[start:end].split("\n")
        stamp = _clock(t_start + shift) if t_start is not None else ""
        label = f"{rename.get(speaker, speaker)}: " if speaker else ""
        lines.append(f"{stamp}{label}{paragraphs[0]}")
        lines.extend(paragraphs[1:])
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(path: Path, text: str, turns) -> None:
    """The same interview as a Word document laid out by another tool: each turn one paragraph, its cues and
    lines joined by spaces, speaker and time before it."""
    import docx

    document = docx.Document()
    for start, end, speaker, t_start in turns:
        stamp = _clock(t_start) if t_start is not None else ""
        document.add_paragraph(f"{stamp}{speaker + ': ' if speaker else ''}{' '.join(text[start:end].split())}")
    document.save(path)


def char_map(old: str, new: str) -> list[int]:
    """Where each character of `old` is in `new` (-1: not there): common ends, then an alignment of the middle."""
    from rapidfuzz.distance import Indel

    where = [-1] * (len(old) + 1)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        where[head] = head
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        where[len(old) - 1 - tail] = len(new) - 1 - tail
        tail += 1
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    for op in Indel.opcodes(middle_old, middle_new):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                where[head + op.src_start + k] = head + op.dest_start + k
    return where


def code_densely(project: Project, document_id: int, rng: random.Random) -> list[tuple[int, int, int]]:
    """Codings on every sentence, on pairs of sentences, on short phrases and on whole turns."""
    detail = project.documents.show(document_id)
    text = detail.text
    spans: set[tuple[str, int, int]] = set()
    sentences = [(s.start, s.end) for s in detail.sentences]
    for index, (start, end) in enumerate(sentences):
        spans.add(("Zin", start, end))
        if index % 3 == 0 and index + 1 < len(sentences) and _same_turn(detail.turns, start, sentences[index + 1][1]):
            spans.add(("Passage", start, sentences[index + 1][1]))
        words = list(_WORD.finditer(text, start, end))
        if index % 2 == 0 and len(words) >= 3:
            first = rng.randrange(len(words) - 2)
            last = min(len(words) - 1, first + rng.randrange(1, 4))
            spans.add(("Frase", words[first].start(), words[last].end()))
    for turn in detail.turns:
        spans.add(("Beurt", turn.start, turn.end))
    known = {entry.name for entry in project.codebook.list()}
    codes = {name: project.codebook.create(name).id for name in CODES if name not in known}
    with project.ctx.change("bench.code") as unit:
        from sqlalchemy import select

        from workbench.store.schema import Code

        ids = dict(unit.session.execute(select(Code.name, Code.id).where(Code.name.in_(CODES))).all())
        codes.update(ids)
        rows = [Coding(guid=str(uuid.uuid4()), document_id=document_id, code_id=codes[code], coder_id=unit.coder_id,
                       start=start, end=end, fingerprint=fingerprint(text, start, end))
                for code, start, end in sorted(spans, key=lambda s: (s[1], s[2], s[0]))]
        unit.session.add_all(rows)
        unit.session.flush()
        return [(row.id, row.start, row.end) for row in rows]


def _same_turn(turns, start: int, end: int) -> bool:
    return any(t.start <= start and end <= t.end for t in turns)


def _typos(text: str, turns, rng: random.Random):
    """About one word in 25 gets a letter swapped, dropped or doubled back to its right spelling."""
    edited = Edited(text)
    position = 0
    for match in _WORD.finditer(text):
        if rng.random() < 0.04:
            word = match.group()
            i = rng.randrange(1, len(word) - 1)
            fixed = rng.choice((word[:i] + word[i + 1] + word[i] + word[i + 2 :], word[:i] + word[i + 1 :],
                                word[:i] + word[i] + word[i:]))
            edited.keep(position, match.start())
            edited.change(match.start(), match.end(), fixed)
            position = match.end()
    edited.keep(position, len(text))
    return edited, _mapped_turns(turns, edited)


def _name(text: str, turns, rng: random.Random):
    """A name spelled right everywhere: the most frequent capitalised word inside sentences gets a letter more."""
    names = Counter(m.group() for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{3,}", text))
    edited = Edited(text)
    if not names:
        edited.keep(0, len(text))
        return edited, _mapped_turns(turns, edited)
    name = names.most_common(1)[0][0]
    fixed = name[0] + "h" + name[1:]
    position = 0
    for match in re.finditer(rf"\b{name}\b", text):
        edited.keep(position, match.start())
        edited.change(match.start(), match.end(), fixed)
        position = match.end()
    edited.keep(position, len(text))
    return edited, _mapped_turns(turns, edited)


def _inserted(text: str, turns, rng: random.Random):
    """A passage the recorder missed, typed in as the second turn."""
    edited = Edited(text)
    at = min(1, len(turns) - 1)
    cut = turns[at][0]
    edited.keep(0, cut)
    added = ("Dit stuk had de opnemer gemist: we hadden het over de buurt, de gemeente en de plek. "
             "Dat kwam later nog terug.")
    edited.add(added + "\n\n")
    edited.keep(cut, len(text))
    new_turns = list(_mapped_turns(turns[:at], edited))
    new_turns.append((cut, cut + len(added), turns[at][2], turns[at][3]))
    new_turns.extend(_mapped_turns(turns[at:], edited))
    return edited, new_turns


def _deleted(text: str, turns, rng: random.Random):
    """The turn in the middle taken out (a passage that was not part of the interview)."""
    edited = Edited(text)
    at = len(turns) // 2
    if len(turns) < 3:
        edited.keep(0, len(text))
        return edited, _mapped_turns(turns, edited)
    edited.keep(0, turns[at][0])
    edited.keep(turns[at + 1][0], len(text))
    return edited, _mapped_turns(turns[:at] + turns[at + 1 :], edited)


def _unchanged(text: str, turns, rng: random.Random):
    edited = Edited(text)
    edited.keep(0, len(text))
    return edited, _mapped_turns(turns, edited)


def correct(kind: str, text: str, turns, rng: random.Random, folder: Path) -> tuple[Path, Edited]:
    """Write the corrected file for one kind of correction; returns it with the old-to-new character map."""
    rename: dict = {}
    shift = 0.0
    steps = {"typo fixes": [_typos], "name spelled right": [_name], "paragraph inserted": [_inserted],
             "paragraph deleted": [_deleted], "all at once": [_typos, _name, _deleted, _inserted]}.get(kind, [_unchanged])
    if kind in ("renamed speaker", "all at once"):
        speakers = [t[2] for t in turns if t[2]]
        if speakers:
            most = Counter(speakers).most_common(1)[0][0]
            rename = {most: "Marieke Jansen" if most != "Marieke Jansen" else "Marieke Janssen"}
    if kind in ("timestamps shifted", "all at once"):
        shift = 7.0
    edited = Edited(text)
    edited.keep(0, len(text))
    current, current_turns = text, turns
    for step in steps:
        following, current_turns = step(current, current_turns, rng)
        edited.where = [following.where[i] if i >= 0 else -1 for i in edited.where]
        current = following.text
    edited.parts, edited.length = [current], len(current)
    path = folder / f"corrected-{kind.replace(' ', '-')}-{rng.randrange(10**6)}.txt"
    write_typed(path, current, current_turns, rename=rename, shift=shift)
    return path, edited


def _mapped_turns(turns, edited: Edited):
    return [(edited.where[s], edited.where[e - 1] + 1, who, when) for s, e, who, when in turns]


def score(project: Project, document_id: int, codings, where: list[int], result, tally: Counter, verbose: bool,
          old: str) -> None:
    """Compare each coding's place after the replacement with where its words truly went."""
    reviews = {r.coding_id for r in result.reviews}
    new = project.documents.show(document_id).text
    with project.ctx.read() as s:
        now = {row.id: (row.start, row.end) for row in s.query(Coding).filter(Coding.document_id == document_id)}
    for coding_id, start, end in codings:
        if coding_id not in now:
            tally["lost"] += 1
            continue
        true_start, true_end = where[start], where[end - 1]
        if coding_id in reviews:
            tally["gone" if true_start < 0 or true_end < 0 else REVIEW] += 1
            if verbose and true_start >= 0 and true_end >= 0:
                print(f"    review: {coding_id} [{start},{end}) {old[start:end][:60]!r} truth {(true_start, true_end + 1)}")
            continue
        placed = now[coding_id]
        if true_start < 0 or true_end < 0:
            tally["wrong"] += 1
            if verbose:
                print(f"    wrong: {coding_id} [{start},{end}) words gone, placed at {placed}")
            continue
        truth = (true_start, true_end + 1)
        overlap = max(0, min(truth[1], placed[1]) - max(truth[0], placed[0]))
        union = max(truth[1], placed[1]) - min(truth[0], placed[0])
        if overlap / union >= 0.8:
            same = " ".join(old[start:end].split()) == " ".join(new[placed[0] : placed[1]].split())
            tally[KEPT if same else MOVED] += 1
        else:
            tally["wrong"] += 1
            if verbose:
                print(f"    wrong: {coding_id} [{start},{end}) truth {truth} placed {placed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--generated", type=int, default=0,
                        help="also this many long interviews (about 8,000 words) from bench/import_bench.py")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tallies: dict[str, Counter] = {kind: Counter() for kind in (*KINDS, FORMAT_KIND)}
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.init(folder / "project", name="replace bench", coder="anna", seed=False) as project:
            sources = list(SOURCES)
            if args.generated:
                from bench.import_bench import write_corpus

                (folder / "generated").mkdir()
                sources.extend(Path(p) for p in write_corpus(folder / "generated", args.generated))
            for source in sources:
                if source.name.upper().startswith("README"):
                    continue
                try:
                    parsed = read_transcript(source)
                except Exception:  # noqa: BLE001 - a sample the importers refuse is not part of the measure
                    continue
                turns = [(t.start, t.end, t.speaker, t.t_start) for t in parsed.turns]
                typed = folder / f"{source.stem}-{source.suffix[1:]}.txt"
                write_typed(typed, parsed.text, turns)
                imported = project.documents.import_paths([typed])[0]
                if imported.document_id is None or imported.status != "imported":
                    continue
                detail = project.documents.show(imported.document_id)
                base_turns = [(t.start, t.end, t.speaker, t.t_start) for t in detail.turns]
                codings = code_densely(project, imported.document_id, rng)
                for kind in KINDS:
                    path, edited = correct(kind, detail.text, base_turns, rng, folder)
                    started = time.perf_counter()
                    result = project.replacement.replace(imported.document_id, path)
                    timings.append(time.perf_counter() - started)
                    stored = project.documents.show(imported.document_id).text
                    where = edited.where if stored == edited.text else _compose(edited.where, char_map(edited.text, stored))
                    if args.verbose:
                        print(f"{source.name} / {kind}: {result.tally.line}")
                    score(project, imported.document_id, codings, where, result, tallies[kind], args.verbose, detail.text)
                    if not result.unchanged:
                        project.history.undo()
                project.document_edits.remove(imported.document_id)
                # The same interview in another file format: the sample as it is, replaced by a Word document.
                if source.suffix.lower() in (".txt", ".md", ".rtf", ".docx"):
                    continue
                original = project.documents.import_paths([source])[0]
                if original.document_id is None or original.status != "imported":
                    continue
                first = project.documents.show(original.document_id)
                codings = code_densely(project, original.document_id, rng)
                word = folder / f"{source.stem}.docx"
                write_docx(word, first.text, [(t.start, t.end, t.speaker, t.t_start) for t in first.turns])
                started = time.perf_counter()
                result = project.replacement.replace(original.document_id, word)
                timings.append(time.perf_counter() - started)
                stored = project.documents.show(original.document_id).text
                if args.verbose:
                    print(f"{source.name} -> docx: {result.tally.line}")
                score(project, original.document_id, codings, char_map(first.text, stored), result,
                      tallies[FORMAT_KIND], args.verbose, first.text)
                project.document_edits.remove(original.document_id)
    print("review: the coder is asked although the words are still there; gone: its words were deleted, so it"
          " rightly waits for review")
    print(f"{'kind of correction':<22} {'codings':>7} {'kept':>6} {'moved':>6} {'review':>6} {'gone':>6} {'wrong':>6}"
          f" {'lost':>5}  kept or moved correctly (of those whose words remain)")
    total = Counter()
    for kind, tally in tallies.items():
        total.update(tally)
        _row(kind, tally)
    _row("all", total)
    if timings:
        print(f"{len(timings)} replacements, {sum(timings) / len(timings) * 1000:.0f} ms each on average "
              f"(slowest {max(timings) * 1000:.0f} ms), reading the file and storing included")


def _row(kind: str, tally: Counter) -> None:
    count = sum(tally.values())
    good = tally[KEPT] + tally[MOVED]
    remain = count - tally["gone"]
    share = f"{100 * good / remain:.1f} %" if remain else "-"
    print(f"{kind:<22} {count:>7} {tally[KEPT]:>6} {tally[MOVED]:>6} {tally[REVIEW]:>6} {tally['gone']:>6} "
          f"{tally['wrong']:>6} {tally['lost']:>5}  {share}")


def _compose(first: list[int], second: list[int]) -> list[int]:
    return [second[i] if i >= 0 else -1 for i in first]


if __name__ == "__main__":
    main()
