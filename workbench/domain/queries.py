"""The code query language: a tokenizer and a recursive-descent parser that give an expression tree.

    expression := either ("OR" either)*
    either     := position (("AND" | "NOT") position)*          A NOT B: A where B is not
    position   := operand (("NEAR/n" | "FOLLOWED BY[/n]" | "INSIDE") operand)*
    operand    := "(" expression ")" | CODE | "=" CODE | CODE "/*" | KEY=VALUE | speaker=NAME

Operators are written in capitals; anything else is part of a name, so code names may hold spaces and
commas (`Vertrouwen in personen`, `Tijd, ruimte en loslaten`). Quote a name that contains an operator word,
a parenthesis or `=` (`"Roles AND tasks"`). A code name stands for the code with its sub-codes, on either side of
every operator (`domain.code_fragments`); `=CODE` (or `="A quoted name"`) is the code alone, and `CODE/*` says the
sub-codes explicitly, whatever the default the query is run with. `KEY=VALUE` stands for the
documents with that attribute value; `speaker=NAME` for the turns of that speaker. `NEAR` alone means `NEAR/1`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from workbench.domain.code_fragments import ALONE_MARK
from workbench.domain.errors import InvalidInput

UNITS = ("span", "sentence", "turn", "document")
BOOLEAN = ("AND", "OR", "NOT")
POSITIONAL = ("NEAR", "FOLLOWED BY", "INSIDE")
DEFAULT_NEAR = 1
_KEYWORDS = {"AND", "OR", "NOT", "INSIDE", "NEAR", "FOLLOWED", "BY"}
_QUOTES = "\"'“”‘’"
_CLOSING = {'"': '"', "'": "'", "“": "”", "‘": "’", "”": "”", "’": "’"}
SUBCODES_SUFFIX = "/*"


@dataclass(frozen=True)
class CodeRef:
    """A code named in the query: `subcodes` is False for `=CODE`, True for `CODE/*`, None for a bare name (the
    run's default, which takes the sub-codes along unless asked otherwise)."""

    name: str
    subcodes: bool | None
    position: int


@dataclass(frozen=True)
class AttributeRef:
    """The documents whose attribute `key` has `value`."""

    key: str
    value: str
    position: int


@dataclass(frozen=True)
class SpeakerRef:
    """The turns spoken by `name`."""

    name: str
    position: int


@dataclass(frozen=True)
class Binary:
    """`left AND right`, `left OR right` or `left NOT right`, compared at the query's unit."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Positional:
    """`left NEAR/n right`, `left FOLLOWED BY[/n] right` or `left INSIDE right`, compared on the coded spans."""

    op: str
    left: Node
    right: Node
    distance: int | None


Node = Union[CodeRef, AttributeRef, SpeakerRef, Binary, Positional]


@dataclass(frozen=True)
class Token:
    kind: str  # "(", ")", "op", "name", "attr"
    value: str
    position: int  # 0-based offset in the expression
    end: int
    distance: int | None = None
    key: str = ""
    quoted: bool = False


class _Error(Exception):
    """A syntax error: `message` holds `{at}` where the position goes; `end` is how far to quote the query."""

    def __init__(self, message: str, offset: int, token: Token | None = None, end: int | None = None):
        super().__init__(message)
        self.offset = offset
        self.token = token
        self.end = token.end if token is not None else (end if end is not None else offset)

    def as_input_error(self, expression: str) -> InvalidInput:
        at = f"at position {self.offset + 1}"
        if self.token is not None and self.args[0].startswith("Expected"):
            at += f" but found '{expression[self.token.position : self.token.end]}'"
        shown = expression[: self.end].rstrip() or expression
        return InvalidInput(f"{self.args[0].format(at=at)}: '{shown}'")


def _read_quoted(expression: str, start: int) -> tuple[str, int]:
    """The text inside the quotes opened at `start`, and the offset after the closing quote."""
    closing = _CLOSING.get(expression[start], expression[start])
    end = expression.find(closing, start + 1)
    if end == -1:
        raise _Error("The quote {at} is never closed", start, end=len(expression))
    return expression[start + 1 : end], end + 1


def _distance(word: str, offset: int, op: str) -> int | None:
    """The `/n` of `NEAR/n` or `BY/n`; None when absent."""
    _base, slash, number = word.partition("/")
    if not slash:
        return None
    if not number.isdigit():
        raise _Error(op + " {at} takes a whole number of sentences, as in " + op + "/2", offset, end=offset + len(word))
    return int(number)


def tokenize(expression: str) -> list[Token]:
    """Split a query into tokens; runs of plain words become one name."""
    tokens: list[Token] = []
    i, n = 0, len(expression)
    while i < n:
        char = expression[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char, char, i, i + 1))
            i += 1
        elif char in _QUOTES:
            value, end = _read_quoted(expression, i)
            if not value.strip():
                raise _Error("Expected a code name inside the quotes {at}", i, end=end)
            tokens.append(Token("name", value.strip(), i, end, quoted=True))
            i = end
        else:
            start = i
            while i < n and not expression[i].isspace() and expression[i] not in "()" and expression[i] not in _QUOTES:
                i += 1
            word = expression[start:i]
            if word.endswith("=") and i < n and expression[i] in _QUOTES:
                value, i = _read_quoted(expression, i)
                if word == ALONE_MARK:  # ="A quoted name": the code alone
                    tokens.append(Token("name", ALONE_MARK + value.strip(), start, i, quoted=True))
                else:
                    tokens.append(Token("attr", value.strip(), start, i, key=word[:-1].strip(), quoted=True))
                continue
            _add_word(tokens, expression, word, start, i)
    return tokens


def _add_word(tokens: list[Token], expression: str, word: str, start: int, end: int) -> None:
    """Add an operator, start an attribute or name, or extend the name (or attribute value) before it."""
    head = word.split("/", 1)[0]
    if head in _KEYWORDS:
        if head == "BY":
            previous = tokens[-1] if tokens else None
            if previous is None or previous.kind != "op" or previous.value != "FOLLOWED":
                raise _Error("BY {at} must follow FOLLOWED, as in 'Vertrouwen FOLLOWED BY Financiering'", start, end=end)
            tokens[-1] = Token("op", "FOLLOWED BY", previous.position, end, _distance(word, start, "FOLLOWED BY"))
            return
        distance = _distance(word, start, head) if head == "NEAR" else None
        if head != "NEAR" and word != head:
            raise _Error(f"Unexpected '{word}' {{at}}", start, end=end)
        tokens.append(Token("op", head, start, end, distance))
        return
    previous = tokens[-1] if tokens else None
    if "=" in word and not word.startswith("="):
        key, _, value = word.partition("=")
        tokens.append(Token("attr", value, start, end, key=key))
    elif previous is not None and previous.kind in ("name", "attr") and not previous.quoted:
        # Another word of the same name (or attribute value): keep the user's own spacing.
        joined = expression[previous.position : end]
        value = joined if previous.kind == "name" else joined.partition("=")[2]
        tokens[-1] = Token(previous.kind, value, previous.position, end, key=previous.key)
    else:
        tokens.append(Token("name", word, start, end))


class _Parser:
    def __init__(self, expression: str, tokens: list[Token]):
        self.expression = expression
        self.tokens = tokens
        self.index = 0

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expression_(self) -> Node:
        node = self.either()
        while (token := self.peek()) is not None and token.kind == "op" and token.value == "OR":
            self.take()
            node = Binary("OR", node, self.either())
        return node

    def either(self) -> Node:
        node = self.position()
        while (token := self.peek()) is not None and token.kind == "op" and token.value in ("AND", "NOT"):
            self.take()
            node = Binary(token.value, node, self.position())
        return node

    def position(self) -> Node:
        node = self.operand()
        while (token := self.peek()) is not None and token.kind == "op" and token.value in POSITIONAL:
            self.take()
            distance = token.distance
            if token.value == "NEAR" and distance is None:
                distance = DEFAULT_NEAR
            node = Positional(token.value, node, self.operand(), distance)
        return node

    def operand(self) -> Node:
        token = self.peek()
        if token is None:
            raise _Error("Expected a code name {at}", len(self.expression))
        if token.kind == "(":
            self.take()
            node = self.expression_()
            closing = self.peek()
            if closing is None:
                raise _Error(f"Expected ')' {{at}} to close the '(' at position {token.position + 1}", len(self.expression))
            if closing.kind != ")":
                raise _Error("Expected ')' or an operator {at}", closing.position, closing)
            self.take()
            return node
        if token.kind == "name":
            self.take()
            if token.value.startswith(ALONE_MARK):
                name = token.value[len(ALONE_MARK):].strip()
                if not name:
                    raise _Error("Expected a code name after '=' {at}, as in =Vertrouwen", token.position, token)
                return CodeRef(name, False, token.position)
            if token.value.endswith(SUBCODES_SUFFIX):
                return CodeRef(token.value[: -len(SUBCODES_SUFFIX)].strip(), True, token.position)
            return CodeRef(token.value, None, token.position)
        if token.kind == "attr":
            self.take()
            if not token.key or not token.value.strip():
                raise _Error("Expected KEY=VALUE {at}, as in organisation=gemeente", token.position, token)
            if token.key.strip().casefold() == "speaker":
                return SpeakerRef(token.value.strip(), token.position)
            return AttributeRef(token.key.strip(), token.value.strip(), token.position)
        if token.kind == "op" and token.value == "NOT":
            raise _Error("NOT {at} needs a code before it, as in 'Vertrouwen NOT Financiering'", token.position, token)
        raise _Error("Expected a code name {at}", token.position, token)


def parse(expression: str) -> Node:
    """Parse a query into its tree, or raise InvalidInput saying what was expected at which position."""
    if not expression or not expression.strip():
        raise InvalidInput("The query is empty; name at least one code, as in 'Vertrouwen AND Financiering'.")
    try:
        parser = _Parser(expression, tokenize(expression))
        node = parser.expression_()
        extra = parser.peek()
        if extra is not None:
            what = "Unexpected ')' {at}" if extra.kind == ")" else "Expected AND, OR, NOT, NEAR, FOLLOWED BY or INSIDE {at}"
            raise _Error(what, extra.position, extra)
        return node
    except _Error as error:
        raise error.as_input_error(expression) from None


def codes_in(node: Node) -> list[CodeRef]:
    """Every code the query names, left to right."""
    if isinstance(node, CodeRef):
        return [node]
    if isinstance(node, (Binary, Positional)):
        return codes_in(node.left) + codes_in(node.right)
    return []


def describe(node: Node) -> str:
    """The query written back in a canonical form, with parentheses where they matter."""
    if isinstance(node, CodeRef):
        name = f'"{node.name}"' if _needs_quotes(node.name) else node.name
        if node.subcodes is False:
            return ALONE_MARK + name
        return name + (SUBCODES_SUFFIX if node.subcodes else "")
    if isinstance(node, AttributeRef):
        return f"{node.key}={node.value}"
    if isinstance(node, SpeakerRef):
        return f"speaker={node.name}"
    op = node.op
    if isinstance(node, Positional) and node.distance is not None:
        op = f"{op}/{node.distance}"
    return f"({describe(node.left)} {op} {describe(node.right)})"


def _needs_quotes(name: str) -> bool:
    return any(word.split("/")[0] in _KEYWORDS for word in name.split()) or any(c in name for c in "()=\"'")
