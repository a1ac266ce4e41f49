"""The timeline grid: columns per zoom level, phase bars per track, markers per entry type, theme bars."""

from __future__ import annotations

import datetime as dt

from workbench.domain.monitoring import LogEntry, Phase
from workbench.domain.monitoring_timeline import build_timeline, count_themes, months_between
from workbench.tui.widgets.timeline_layout import columns_for, edge_label, header_rows, lay_out, x_end, x_of

D = dt.date


def entry(entry_id: int, day: dt.date, kind: str, significance: str = "none", end: dt.date | None = None) -> LogEntry:
    return LogEntry(entry_id, f"g{entry_id}", day, kind, f"Entry {entry_id}", end_date=end, significance=significance)


def year_timeline(entries=(), phases=None, dated=()):
    months = months_between(D(2024, 7, 1), D(2025, 6, 30))
    phases = phases if phases is not None else [
        Phase(1, "Fase 1: pilot", D(2024, 7, 1), D(2025, 6, 30), "Pilot"),
        Phase(2, "Provinciaal", D(2024, 9, 1), D(2025, 1, 31), "Provincie"),
    ]
    themes = count_themes(dated, [(1, "Vertrouwen", "#1F77B4"), (2, "Borging", "#9467BD")], months)
    return build_timeline(months, phases, entries, themes)


def drawn(grid, row) -> str:
    line = [" "] * grid.width
    for run in row.runs:
        for offset, char in enumerate(run.text):
            line[run.x + offset] = char
    return "".join(line)


def test_columns_per_zoom_level_cover_the_period():
    months = columns_for("month", D(2024, 7, 11), D(2025, 6, 4))
    assert [c.label for c in months][:3] == ["Jul", "Aug", "Sep"] and len(months) == 12
    assert months[0].start == D(2024, 7, 1) and months[-1].end == D(2025, 6, 30)
    quarters = columns_for("quarter", D(2024, 8, 15), D(2025, 2, 1))
    assert [(c.start, c.label, c.group) for c in quarters] == [
        (D(2024, 7, 1), "Q3 Jul–Sep", "2024"), (D(2024, 10, 1), "Q4 Oct–Dec", "2024"), (D(2025, 1, 1), "Q1 Jan–Mar", "2025")]
    weeks = columns_for("week", D(2024, 9, 4), D(2024, 9, 30))
    assert all(c.start.weekday() == 0 for c in weeks) and weeks[0].start == D(2024, 9, 2) and weeks[-1].end >= D(2024, 9, 30)
    assert [c.x for c in weeks] == [i * weeks[0].width for i in range(len(weeks))]


def test_days_map_into_their_column_in_order():
    columns = columns_for("month", D(2024, 7, 1), D(2025, 6, 30))
    positions = [x_of(columns, D(2024, 9, day)) for day in (1, 10, 20, 30)]
    september = columns[2]
    assert positions == sorted(positions)
    assert all(september.x <= x < september.x + september.width for x in positions)
    assert x_end(columns, D(2024, 9, 30)) == september.x + september.width - 1
    assert x_end(columns, D(2025, 6, 30)) == columns[-1].x + columns[-1].width - 1


def test_phases_are_bars_per_track_with_their_names():
    grid = lay_out(year_timeline(), "month")
    tracks = [row for row in grid.rows if row.kind == "track"]
    assert [row.label for row in tracks] == ["Pilot", "Provincie"]
    pilot, province = drawn(grid, tracks[0]), drawn(grid, tracks[1])
    assert pilot.startswith("├ Fase 1: pilot ─") and pilot.endswith("┤")
    september, january = grid.columns[2], grid.columns[6]
    assert province.index("├") == september.x and province.rstrip().endswith("┤")
    assert len(province.rstrip()) == january.x + january.width


def test_overlapping_phases_of_a_track_take_a_second_row_and_open_phases_run_on():
    phases = [Phase(1, "Eerste", D(2024, 7, 1), D(2024, 12, 31), "Spoor"),
              Phase(2, "Tweede", D(2024, 11, 1), None, "Spoor")]
    grid = lay_out(year_timeline(phases=phases), "quarter")
    rows = [row for row in grid.rows if row.kind == "track"]
    assert [row.label for row in rows] == ["Spoor", ""]
    assert drawn(grid, rows[1]).rstrip().endswith("→")  # no end: it runs on past the view


def test_entries_are_markers_per_type_with_their_significance_symbol():
    entries = [entry(1, D(2024, 9, 4), "meeting", "high_point"), entry(2, D(2024, 10, 24), "phone_email", "low_point"),
               entry(3, D(2024, 7, 11), "interview"), entry(4, D(2025, 2, 6), "decision", "turning_point"),
               entry(5, D(2024, 11, 14), "work_visit", "learning_moment", end=D(2024, 11, 20))]
    grid = lay_out(year_timeline(entries), "month")
    lanes = {row.label: drawn(grid, row) for row in grid.rows if row.kind == "lane"}
    assert list(lanes) == ["interview", "meeting", "work visit", "phone/e-mail", "decision"]
    assert lanes["meeting"].strip() == "▲" and lanes["phone/e-mail"].strip() == "▼"
    assert lanes["decision"].strip() == "↻" and lanes["interview"].strip() == "•"
    assert lanes["work visit"].strip().startswith("◆╌")  # a visit of several days reaches to its end
    assert [m.entry_id for m in grid.markers] == [3, 1, 2, 5, 4]  # in date order
    for marker in grid.markers:
        assert drawn(grid, grid.rows[marker.row])[marker.x] == marker.symbol


def test_entries_on_the_same_day_stand_side_by_side_in_their_column():
    entries = [entry(1, D(2024, 9, 4), "meeting"), entry(2, D(2024, 9, 4), "meeting", "high_point")]
    grid = lay_out(year_timeline(entries), "quarter")
    first, second = grid.markers
    assert first.row == second.row and second.x == first.x + 1
    column = grid.columns[grid.column_at(first.x)]
    assert column.start <= D(2024, 9, 4) <= column.end


def test_themes_are_small_bars_with_counts_per_column_or_month():
    dated = [(1, D(2024, 7, 11))] * 4 + [(1, D(2024, 8, 2))] * 2 + [(2, D(2024, 9, 4))]
    timeline = year_timeline(dated=dated)
    months = lay_out(timeline, "month")
    themes = {row.label: drawn(months, row) for row in months.rows if row.kind == "theme"}
    assert list(themes) == ["Vertrouwen", "Borging"]
    assert themes["Vertrouwen"][:8].rstrip() == "███ 4" and themes["Vertrouwen"][8:16].rstrip().endswith(" 2")
    assert themes["Vertrouwen"][16] == "·"  # nothing in September
    quarters = lay_out(timeline, "quarter")
    vertrouwen = next(drawn(quarters, row) for row in quarters.rows if row.label == "Vertrouwen")
    assert vertrouwen[:18].rstrip() == "███ 6"  # July and August together
    weeks = lay_out(timeline, "week")
    vertrouwen = next(drawn(weeks, row) for row in weeks.rows if row.label == "Vertrouwen")
    assert vertrouwen.startswith("███ 4") and " 2" in vertrouwen[x_of(weeks.columns, D(2024, 8, 1)):][:8]


def test_headers_name_the_groups_and_the_columns():
    grid = lay_out(year_timeline(), "month")
    groups, labels = header_rows(grid)
    assert [(run.x, run.text) for run in groups.runs] == [(0, "2024"), (grid.columns[6].x, "2025")]
    assert [run.text for run in labels.runs][:2] == ["Jul", "Aug"]
    weeks = lay_out(year_timeline(), "week")
    assert header_rows(weeks)[0].runs[0].text == "Jul 2024"


def test_a_phase_or_year_scrolled_partly_out_of_view_keeps_its_name_at_the_edge():
    grid = lay_out(year_timeline(), "month")
    province = next(row for row in grid.rows if row.label == "Provincie").runs[0]
    november = grid.columns[4].x
    label = edge_label(province, november)
    assert label.startswith("◂ Provinciaal ─") and november + len(label) == province.last
    assert edge_label(province, province.x) == "" and edge_label(province, province.last + 1) == ""
    year_2024 = header_rows(grid)[0].runs[0]
    assert edge_label(year_2024, november).startswith("2024")


def test_an_empty_timeline_has_no_columns():
    months = ()
    empty = build_timeline(months, [], [], count_themes([], [], months))
    grid = lay_out(empty, "week")
    assert grid.columns == () and grid.rows == () and grid.markers == ()
