"""Loaded once by the fork server that starts import workers: the readers and the compiled tokenizer rules.

Each worker forked from that server starts with them in memory instead of loading them again.
"""

from workbench.importers import docx as _docx  # noqa: F401 - Word files are the common heavy format
from workbench.nlp.tokenizer_rules import rules_for
from workbench.services import document_preparation as _preparation  # noqa: F401

for _language in ("nl", "en"):
    rules_for(_language)
