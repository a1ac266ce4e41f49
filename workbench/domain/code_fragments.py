"""The one definition of "the fragments of a code" and of "whose codings", used by every view and export.

A code name means the code with its sub-codes (as ATLAS.ti and NVivo aggregate); written with a leading `=`
(`=Vertrouwen`), or asked for with `--only` or the sub-codes toggle, it means the code alone.

A fragment is a stretch of one document covered by the chosen codings: codings that overlap or touch are one
fragment, the union of their spans, naming every code and every coder in it, and counted once. Whose codings
are chosen is a Selection's `coders`: empty for all coders, one name, a set of names, or the consensus coder's
name. The per-coder view keeps each coder's stretches apart, so a passage two coders coded is one fragment per
coder there. Stretches are joined by the same rule as a query's hits (`domain.spans.merge`), so the fragments
of a code are exactly the hits of a query that names it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from operator import attrgetter

from workbench.domain.codings import Fragment
from workbench.domain.wording import counted

ALONE_MARK = "="
SUBCODES_MARK = "/*"


def read_code_name(text: str) -> tuple[str, bool]:
    """A code as a user writes it, and whether its sub-codes are meant: `=Name` is the code alone; a bare
    `Name` and `Name/*` (the older spelling) take the sub-codes along."""
    name = text.strip()
    if name.startswith(ALONE_MARK):
        return name[len(ALONE_MARK):].strip(), False
    if name.endswith(SUBCODES_MARK):
        return name[: -len(SUBCODES_MARK)].strip(), True
    return name, True


def codes_meant(code_id: int, subcodes: bool, descendants: Callable[[int], Iterable[int]]) -> list[int]:
    """The code ids a code stands for: itself, and its sub-codes at every depth unless it is meant alone."""
    return [code_id, *(descendants(code_id) if subcodes else ())]


def in_code(path: str, code: str, subcodes: bool) -> bool:
    """Whether a coding with code path `path` is one of the fragments of `code`."""
    return path == code or (subcodes and path.startswith(code + "/"))


def scope_note(subcodes: bool) -> str:
    """What every printed count says about sub-codes."""
    return "sub-codes included" if subcodes else "code alone, without sub-codes"


def fragments_counted(count: int, subcodes: bool, noun: str = "fragment") -> str:
    """`14 fragments (sub-codes included)`: a count of fragments that says what it holds."""
    return f"{counted(count, noun)} ({scope_note(subcodes)})"


def _stitch(members: Sequence[Fragment], start: int, end: int) -> tuple[str, int, int, str]:
    """The text of `[start, end)` and the joined context, pieced together from the members' own contexts
    (slices of one text that overlap or touch, because their spans do)."""
    ordered = sorted(members, key=lambda f: (f.context_start, f.context_end))
    lo, hi, context = ordered[0].context_start, ordered[0].context_end, ordered[0].context
    for member in ordered[1:]:
        if member.context_end > hi:
            context += member.context[hi - member.context_start:]
            hi = member.context_end
    return context[start - lo:end - lo], lo, hi, context


def _joined(members: list[Fragment], start: int, end: int, code_order: dict[str, int]) -> Fragment:
    """One fragment from the codings of a stretch (`members`, in document order as `stretches` gives them)."""
    first = members[0]
    if len(members) == 1:
        if first.coding_ids:  # retrieval names the coding's code, coder and memo already
            return first
        return replace(first, codes=(first.code,), coders=(first.coder,), coding_ids=(first.coding_id,),
                       memos=(_memo(first),) if first.memo else ())
    codes = tuple(sorted({f.code for f in members}, key=lambda c: (code_order.get(c, len(code_order)), c)))
    coders = tuple(sorted({f.coder for f in members}, key=str.casefold))
    text, lo, hi, context = _stitch(members, start, end)
    times = [f.t_start for f in members if f.t_start is not None]
    ends = [f.t_end for f in members if f.t_end is not None]
    memos = tuple(dict.fromkeys(_memo(f) for f in members if f.memo))
    # Built directly rather than with `dataclasses.replace`, which costs several times as much per fragment.
    return Fragment(
        first.coding_id, first.document_id, first.document, codes[0] if len(codes) == 1 else "; ".join(codes),
        ", ".join(coders), start, end, text, lo, hi, context, first.speaker, min(times) if times else None,
        max(ends) if ends else None, first.status, "\n".join(dict.fromkeys(f.memo for f in members if f.memo)),
        first.attributes, codes, coders, tuple(f.coding_id for f in members), memos,
    )


def _memo(fragment: Fragment) -> str:
    return memo_line(fragment.coder, fragment.memo)


def memo_line(coder: str, memo: str) -> str:
    """A coding's memo as a joined fragment lists it: who wrote it, then the memo."""
    return f"{coder}: {memo}" if coder else memo


def stretches(codings: Iterable[Fragment], *, per_coder: bool = False) -> list[list[Fragment]]:
    """The codings of each fragment: overlapping or touching codings of a document go together (each coder's
    apart with `per_coder`), in document order."""
    if per_coder:
        ordered = sorted(codings, key=lambda f: (f.document_id, f.coder, f.start, f.end, f.coding_id))
    else:
        ordered = sorted(codings, key=attrgetter("document_id", "start", "end", "coding_id"))
    result: list[list[Fragment]] = []
    members: list[Fragment] = []
    group: object = ()
    end = -1
    for coding in ordered:
        key = (coding.document_id, coding.coder) if per_coder else coding.document_id
        if members and key == group and coding.start <= end:
            if coding.end > end:
                end = coding.end
            members.append(coding)
            continue
        members, group, end = [coding], key, coding.end
        result.append(members)
    if per_coder:
        result.sort(key=lambda m: (m[0].document_id, m[0].start, max(f.end for f in m), m[0].coder.casefold()))
    return result


def join_fragments(codings: Iterable[Fragment], *, per_coder: bool = False,
                   code_order: Sequence[str] = ()) -> list[Fragment]:
    """The fragments made of these codings (one Fragment per coding, as retrieval reads them): overlapping or
    touching codings of a document become one, naming their codes (in `code_order`) and coders; with
    `per_coder` each coder's codings are joined apart. In document order."""
    order = {code: i for i, code in enumerate(code_order)}
    return [_joined(members, min(f.start for f in members), max(f.end for f in members), order)
            for members in stretches(codings, per_coder=per_coder)]


def per_code(codings: Iterable[Fragment], paths: Sequence[str], *, subcodes: bool = True,
             per_coder: bool = False) -> dict[str, list[list[Fragment]]]:
    """For each code path, the codings of each of its fragments (with its sub-codes' codings unless
    `subcodes` is off); a code without codings maps to an empty list."""
    own: dict[str, list[Fragment]] = defaultdict(list)
    for coding in codings:
        own[coding.code].append(coding)
    below: dict[str, list[str]] = defaultdict(list)
    for path in set(own) | set(paths):
        below[path].append(path)
        if subcodes:
            parts = path.split("/")
            for depth in range(1, len(parts)):
                below["/".join(parts[:depth])].append(path)
    return {path: stretches([c for p in below.get(path, ()) for c in own.get(p, ())], per_coder=per_coder)
            for path in paths}


def fragments_of(codings: Iterable[Fragment], code: str, *, subcodes: bool = True, per_coder: bool = False,
                 code_order: Sequence[str] = ()) -> list[Fragment]:
    """The fragments of one code (a path) among codings: its own codings, with its sub-codes' unless alone."""
    return join_fragments((c for c in codings if in_code(c.code, code, subcodes)), per_coder=per_coder,
                          code_order=code_order)
