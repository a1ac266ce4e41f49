"""Keep full-line comments with the code they introduce while a YAML code tree is rearranged.

ruamel.yaml stores a comment that stands above a list item on the last line of the item before
it. Before the tree changes, these comments are taken off and remembered per code; afterwards
they are put back in front of the same code, wherever it now stands.
"""

from __future__ import annotations

from typing import Any, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

CHILDREN = "codes"


def _is_block(value: Any) -> bool:
    if not isinstance(value, (CommentedMap, CommentedSeq)) or not value:
        return False
    return not value.fa.flow_style()


def _descend(node: Any) -> tuple[list[Any], tuple[list[Any], int] | None]:
    """The block collections on the way to `node`'s last line, and the comment slot after
    that line (a list and an index into it)."""
    path: list[Any] = []
    for _ in range(10_000):
        if isinstance(node, (CommentedMap, CommentedSeq)):
            path.append(node)
        if isinstance(node, CommentedMap) and node:
            key = list(node.keys())[-1]
            if _is_block(node[key]):
                node = node[key]
                continue
            return path, (node.ca.items.setdefault(key, [None, None, None, None]), 2)
        if isinstance(node, CommentedSeq) and node:
            index = len(node) - 1
            if _is_block(node[index]):
                node = node[index]
                continue
            return path, (node.ca.items.setdefault(index, [None, None, None, None]), 0)
        return path, None
    return path, None


def _tail(node: Any) -> tuple[list[Any], int] | None:
    """The comment slot after the last line of `node`."""
    return _descend(node)[1]


def _token_text(token: Any) -> str:
    value = str(token.value)
    return " " * token.column + value if value.startswith("#") else value


def _take_after_line(node: Any) -> str:
    """Remove and return the full-line comments after `node`'s last line (the end-of-line
    comment on that line stays)."""
    path, slot = _descend(node)
    taken = ""
    if slot is not None:
        holder, index = slot
        token = holder[index]
        if token is not None and "\n" in token.value:
            cut = token.value.index("\n") + 1
            taken = token.value[cut:]
            token.value = token.value[:cut]
    # ruamel keeps comments that follow a blank line at the end of a nested list in `ca.end`.
    for collection in reversed(path):
        end = getattr(collection.ca, "end", None)
        if end:
            taken += "".join(_token_text(token) for token in end)
            collection.ca.end = []
    return taken


def _put_after_line(node: Any, text: str) -> None:
    """Append full-line comment text after `node`'s last line."""
    slot = _tail(node)
    if slot is None or not text:
        return
    holder, index = slot
    token = holder[index]
    if token is None:
        holder[index] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        token.value = token.value + text


def _take_before_first(parent: CommentedMap) -> str:
    """Remove and return the comments between `codes:` and its first item."""
    entry = parent.ca.items.get(CHILDREN)
    if not entry:
        return ""
    text = ""
    token = entry[2]
    if token is not None and "\n" in token.value:
        cut = token.value.index("\n") + 1
        text, token.value = token.value[cut:], token.value[:cut]
    for token in entry[3] or []:
        text += _token_text(token)
    entry[3] = None
    return text


def _put_before_first(parent: CommentedMap, text: str) -> None:
    # Blank lines that separated the code from the one above are dropped at the top of a list.
    text = text.lstrip("\n")
    if text:
        entry = parent.ca.items.setdefault(CHILDREN, [None, None, None, None])
        entry[3] = [CommentToken(text, CommentMark(0), None)]


def _code_lists(parent: CommentedMap) -> Iterator[tuple[CommentedMap, CommentedSeq]]:
    """Every (owner, codes list) pair below `parent`, outer lists first."""
    pending = [parent]
    while pending:
        owner = pending.pop(0)
        codes = owner.get(CHILDREN)
        if isinstance(codes, CommentedSeq):
            yield owner, codes
            pending.extend(item for item in codes if isinstance(item, CommentedMap))


class DetachedComments:
    """Comments taken off a document: the lines above each code, and after each list's end.

    The nodes are held as well as their ids, so that no id is reused while the tree changes.
    """

    def __init__(self) -> None:
        self.before: dict[int, tuple[CommentedMap, str]] = {}
        self.after_list: dict[int, tuple[CommentedMap, str]] = {}

    def text_before(self, item: Any) -> str:
        return self.before.get(id(item), (None, ""))[1]

    def text_after_list(self, owner: Any) -> str:
        return self.after_list.get(id(owner), (None, ""))[1]


def detach(document: CommentedMap) -> DetachedComments:
    """Take the between-item comments off every code list, remembering whom they belong to."""
    kept = DetachedComments()
    for owner, codes in _code_lists(document):
        items = list(codes)
        if not items:
            continue
        kept.before[id(items[0])] = (items[0], _take_before_first(owner))
        for previous, item in zip(items, items[1:]):
            kept.before[id(item)] = (item, _take_after_line(previous))
        kept.after_list[id(owner)] = (owner, _take_after_line(items[-1]))
    return kept


def _all_maps(document: CommentedMap) -> Iterator[CommentedMap]:
    yield document
    for _owner, codes in _code_lists(document):
        yield from (item for item in codes if isinstance(item, CommentedMap))


def reattach(document: CommentedMap, kept: DetachedComments) -> None:
    """Put the remembered comments back in front of their codes, innermost lists first."""
    lists = list(_code_lists(document))
    with_lists = {id(owner) for owner, codes in lists if len(codes)}
    for node in _all_maps(document):
        if id(node) not in with_lists:
            _put_after_line(node, kept.text_after_list(node))
    for owner, codes in reversed(lists):
        items = list(codes)
        if not items:
            continue
        _put_before_first(owner, kept.text_before(items[0]))
        for previous, item in zip(items, items[1:]):
            _put_after_line(previous, kept.text_before(item))
        _put_after_line(items[-1], kept.text_after_list(owner))
