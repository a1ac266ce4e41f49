"""Every command the README shows runs as written (with its folders and server put in a temporary place)."""

from __future__ import annotations

import glob
import json
import re
import shlex
from pathlib import Path

import docx
import pytest

from tests.cli.run import in_process

README = Path(__file__).resolve().parents[2] / "README.md"
INLINE = re.compile(r"`(workbench [^`<]+?)`")
BLOCK = re.compile(r"```(?:sh|bash)\n(.*?)```", re.S)
PLACEHOLDER_URL = "postgresql+psycopg://user@host/db"

WIJKMANAGER = """SPEAKER_00: Hoe is de wijkonderneming begonnen, en wat was uw rol daarin als wijkmanager?
SPEAKER_01: Het begon met een lege winkel aan het plein. De corporatie verhuurde de ruimte voor weinig geld, \
en de huurinkomsten van de werkplaatsen betalen nu de vaste lasten. Vertrouwen tussen de bewoners en de \
gemeente groeide langzaam.
SPEAKER_00: En de financiering?
SPEAKER_01: Subsidies krijgen we maar voor een jaar. Financieringen voor langere tijd zijn er niet, dus we \
zoeken andere verdienmodellen.
"""


def readme_commands() -> list[str]:
    """The `workbench` commands of the README's shell blocks and of its inline code (without placeholders)."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in BLOCK.findall(text):
        for line in block.splitlines():
            for part in line.split(" && "):
                words = shlex.split(part, comments=True)
                if words and words[0] in ("workbench", ".venv/bin/workbench"):
                    commands.append(part.strip().removeprefix(".venv/bin/"))
    for inline in INLINE.findall(text):
        placeholder = any(word in ("DOC", "FILE", "ID") for word in inline.split()) or "..." in inline
        if not placeholder and not any(inline in c for c in commands):
            commands.append(inline)
    return commands


def test_the_readme_shows_the_commands_this_test_runs():
    commands = readme_commands()
    assert any(c.startswith("workbench init veldwerk") for c in commands)
    assert f"workbench init DIR --db {PLACEHOLDER_URL}" in commands
    assert "workbench undo" in commands and "workbench demo" in commands and len(commands) >= 18


def test_every_readme_command_runs(db_url, tmp_path, capfd, monkeypatch):
    downloads = tmp_path / "Downloads" / "interviews"
    downloads.mkdir(parents=True)
    (downloads / "Interview wijkmanager.txt").write_text(WIJKMANAGER, encoding="utf-8")
    reports = Path(__file__).resolve().parents[2] / "transcripts" / "reports"
    kick_off = next(reports.glob("Verslag startbijeenkomst*"))
    (tmp_path / "Downloads" / "verslag-startbijeenkomst.md").write_bytes(kick_off.read_bytes())
    corrected = docx.Document()
    for line in WIJKMANAGER.replace("Het begon met een lege", "Het begon met een lege, oude").splitlines():
        corrected.add_paragraph(line)
    corrected.save(str(tmp_path / "Downloads" / "interview-wijkmanager-v2.docx"))
    (tmp_path / "veldwerk").mkdir()
    (tmp_path / "veldwerk" / "interview.txt").write_text(
        "[INT 00:01] Hoe begon het?\n[RES 00:05] Met vertrouwen.\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(variable, "anna")  # the README is run by anna, whose colleague is bram
    monkeypatch.chdir(tmp_path)
    failures = []
    for command in readme_commands():
        words = shlex.split(command, comments=True)[1:]
        words = [str(Path(w).expanduser()) if w.startswith("~") else w for w in words]
        words = [found for w in words for found in (sorted(glob.glob(w)) or [w] if "*" in w else [w])]  # shell globs
        if PLACEHOLDER_URL in words:
            if db_url.startswith("sqlite"):
                continue  # the team-server line runs in the PostgreSQL variant
            words = [db_url if w == PLACEHOLDER_URL else (str(tmp_path / "team") if w == "DIR" else w) for w in words]
        elif db_url.startswith("postgres"):
            continue  # the rest runs once, on the project's own SQLite file
        if words[:1] == ["agreement"]:  # bram has coded too, as the README's agreement line presumes
            bram = in_process(capfd, "--coder", "bram", "code", "Interview wijkmanager", "--code",
                              "Financiering/Huurinkomsten", "--start", "100", "--end", "245")
            assert bram.code == 0, bram.stderr
        if words == ["demo"]:
            words = ["demo", "--no-open"]  # the demo as the set-up makes it, without opening the terminal UI
        result = in_process(capfd, *words)
        if result.code != 0:
            failures.append(f"{command}: exit {result.code}: {result.stderr.strip()}")
        elif "--json" in words:
            json.loads(result.stdout)  # one JSON document and nothing else
        if words[:2] == ["init", "veldwerk"]:
            monkeypatch.chdir(tmp_path / "veldwerk")  # the README's `cd veldwerk`
    assert failures == [], "\n".join(failures)
