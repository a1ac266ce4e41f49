"""Find where a codebook's auto-coding rules hit a document, with spaCy's tokenizer and PhraseMatchers.

Keywords of the document's language match on LOWER (case-insensitive phrases); lemmas on LEMMA, so `subsidie`
also finds `Subsidies` and `kip` finds `kippetje`; regular expressions are tested against each word in lower case
(`^` anchors at the start of the word, which gives cheap prefix matching for Dutch compounds and inflections).
Lemmas come from `word_lemmas`, the one lemma rule that the lemma search uses too.

Every word form is looked at once per matcher: its lemma and the regular expressions it satisfies are cached,
which gives the same hits as a spaCy Matcher with one `{"LOWER": {"REGEX": ...}}` token per expression but
spares testing every expression on every token (a corpus has far fewer forms than tokens).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from workbench.domain.autocode import Hit, first_per_span, widen
from workbench.domain.codebook import AutocodeRules
from workbench.domain.errors import InvalidInput
from workbench.domain.spans import Units
from workbench.nlp.pipeline import pipeline
from workbench.nlp.word_lemmas import word_lemmas

CodeRules = tuple[tuple[int, AutocodeRules], ...]  # (code id, rules) per code
_SEPARATOR = "\x1f"


class RuleMatcher:
    """The matchers for a set of codes' rules in one language."""

    def __init__(self, language: str | None, rules: CodeRules):
        from spacy.matcher import PhraseMatcher

        self.nlp = pipeline(language)
        self.language = self.nlp.lang
        self.word_lemmas = word_lemmas(self.language)
        self.units = {code_id: r.unit for code_id, r in rules}
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.regexes: list[tuple[int, str, re.Pattern[str]]] = []
        self.forms: dict[int, tuple[int, tuple[int, ...]]] = {}  # word id -> (lemma id, matching regex indices)
        for code_id, r in rules:
            keywords = r.keywords_en if self.language == "en" else r.keywords_nl
            for phrase in _clean(keywords):
                self.lower.add(_label(code_id, "keyword", phrase), [self.nlp.make_doc(phrase)])
            for phrase in _clean(r.lemmas):
                self.lemma.add(_label(code_id, "lemma", phrase), [self._lemmatised(phrase)])
            for pattern in _clean(r.regexes):
                self.regexes.append((code_id, f"regex:{pattern}", _compiled(pattern)))
        self.forms.clear()  # forms seen while reading lemma patterns were tested against only some expressions
        self.matchers = [m for m in (self.lower, self.lemma) if len(m)]
        self.empty = not (self.matchers or self.regexes)

    def _lemmatised(self, phrase: str):
        doc = self.nlp.make_doc(phrase)
        self._tag(doc)
        return doc

    def _form(self, token) -> tuple[int, tuple[int, ...]]:
        """A word form's lemma (as a string-store hash) and the regular expressions it satisfies, worked out once."""
        lower = token.lower_
        lemma = self.nlp.vocab.strings.add(self.word_lemmas.lemma(token.text))
        entry = (lemma, tuple(i for i, (_c, _r, rx) in enumerate(self.regexes) if rx.search(lower)))
        self.forms[token.orth] = entry
        return entry

    def _tag(self, doc) -> list[tuple[int, int]]:
        """Give every token its lemma; return (token index, regex index) of each regular-expression hit.

        Works on the arrays of word ids, so only a form not seen before costs a Token object.
        """
        from spacy.attrs import LEMMA, ORTH

        orths = doc.to_array(ORTH)
        lemmas = orths.copy()
        regex_hits = []
        forms = self.forms
        for i, orth in enumerate(orths.tolist()):
            entry = forms.get(orth) or self._form(doc[i])
            lemmas[i] = entry[0]
            for index in entry[1]:
                regex_hits.append((i, index))
        if len(doc):
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return regex_hits

    def hits(self, text: str, turns: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]) -> list[Hit]:
        """Every rule hit in the text, widened to each code's unit, one per code and span."""
        if self.empty:
            return []
        regions = [(s, e) for s, e in turns if e > s] or [(0, len(text))]
        sentence_units, turn_units = Units(sentences), Units(turns)
        found: list[Hit] = []
        from spacy.tokenizer import Tokenizer

        tokenizer: Tokenizer = self.nlp.tokenizer
        docs = tokenizer.pipe(text[s:e] for s, e in regions)
        for (offset, _end), doc in zip(regions, docs):
            matches = [(code_id, rule, i, i + 1) for i, r in self._tag(doc) for code_id, rule, _rx in [self.regexes[r]]]
            for matcher in self.matchers:
                for match_id, first, last in matcher(doc):
                    code_text, kind, value = self.nlp.vocab.strings[match_id].split(_SEPARATOR, 2)
                    matches.append((int(code_text), f"{kind}:{value}", first, last))
            if not matches:
                continue
            starts, lengths = doc.to_array("IDX").tolist(), doc.to_array("LENGTH").tolist()
            for code_id, rule, first, last in sorted(matches, key=_rule_order):
                start, end = offset + starts[first], offset + starts[last - 1] + lengths[last - 1]
                wide = widen(start, end, self.units[code_id], sentence_units, turn_units)
                found.append(Hit(code_id, wide.start, wide.end, rule, start, end))
        return first_per_span(found)


def _label(code_id: int, kind: str, value: str) -> str:
    return _SEPARATOR.join((str(code_id), kind, value))


def _clean(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


_KIND_ORDER = {"keyword": 0, "lemma": 1, "regex": 2}


def _rule_order(match: tuple[int, str, int, int]) -> tuple[int, int, int]:
    """Matches in text order; where several rules find the same words, keywords before lemmas before regexes."""
    return match[2], _KIND_ORDER[match[1].split(":", 1)[0]], match[3]


def _compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InvalidInput(
            f"The auto-coding expression '{pattern}' is not a valid regular expression ({exc}); correct it in the codebook."
        ) from None


@lru_cache(maxsize=16)
def rule_matcher(language: str | None, rules: CodeRules) -> RuleMatcher:
    """The cached matcher for these rules in this language."""
    return RuleMatcher(language, rules)


def match_rules(
    text: str, turns: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]], rules: CodeRules,
    language: str | None = "nl",
) -> list[Hit]:
    """Where the codes' rules hit `text`: suggested spans widened to each rule's unit (sentence, turn or match).

    Turns are `[start, end)` regions processed one at a time (a document without turns is one region);
    sentences are the stored sentence spans used for widening.
    """
    return rule_matcher(language, tuple(rules)).hits(text, turns, sentences)
