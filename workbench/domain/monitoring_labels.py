"""Words and colours the timeline exports use, in Dutch and English (the project's language decides)."""

from __future__ import annotations

from workbench.domain.monitoring_timeline import MONTH_NAMES

# The colours of the eye-opener workshop: high points green, low points orange, learning moments yellow.
SIGNIFICANCE_COLOURS = {
    "high_point": "#2E9E4F",
    "low_point": "#E8772E",
    "learning_moment": "#F2C230",
    "turning_point": "#6A4FB3",
    "none": "#9AA0A6",
}
QUESTION_COLOURS = {"open": "#F6D7A7", "provisional": "#FBEFB4", "answered": "#CDEBC5", "dropped": "#DDDDDD"}
TRACK_COLOURS = ("#3C6E9F", "#7FA7C9", "#5E9C8F", "#A9C8A0", "#8C6BB1", "#C7B5DB")



def tint(hex_colour: str, amount: float = 0.75) -> str:
    """A lighter version of '#RRGGBB' (amount 0: the colour, 1: white), as 'RRGGBB'."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


_LABELS = {
    "nl": {
        "type": {
            "interview": "interview", "meeting": "overleg", "work_visit": "werkbezoek", "workshop": "workshop",
            "training": "training", "phone_email": "telefoon/e-mail", "observation": "observatie",
            "decision": "besluit", "milestone": "mijlpaal", "other": "overig",
        },
        "significance": {
            "none": "", "high_point": "hoogtepunt", "low_point": "dieptepunt",
            "learning_moment": "leermoment", "turning_point": "kantelpunt",
        },
        "question": {"open": "open", "provisional": "voorlopig antwoord", "answered": "beantwoord", "dropped": "vervallen"},
        "action": {"open": "open", "in_progress": "loopt", "done": "gedaan", "cancelled": "vervallen"},
        "confidentiality": {"normal": "normaal", "internal": "intern"},
        # The entries CSV's column headings: words the log import reads back (see monitoring_sheet.HEADER_NAMES).
        "csv": {
            "id": "nr", "date": "datum", "end_date": "einddatum", "time": "tijd", "type": "soort", "title": "titel",
            "location": "locatie", "actors": "aanwezig", "observation": "observatie",
            "interpretation": "interpretatie", "reflection": "reflectie", "significance": "markering",
            "significance_why": "toelichting markering", "confidentiality": "vertrouwelijkheid", "author": "auteur",
            "questions": "leervragen", "actions": "acties", "links": "koppelingen",
        },
        "words": {
            "legend": "Legenda", "legend_phase": "fase van een spoor", "legend_theme": "gecodeerde fragmenten (donkerder: meer)",
            "legend_day": "het getal in een cel is de dag van de maand",
            "timeline": "Tijdlijn", "title": "Procestijdlijn", "period": "Periode", "made": "Gemaakt op",
            "filters": "Selectie", "all_entries": "alle openbare activiteiten", "internal_included": "inclusief interne notities",
            "phases": "Fasen en sporen", "track": "Spoor", "phase": "Fase", "from": "Van", "to": "Tot",
            "entries": "Activiteiten", "date": "Datum", "kind": "Soort", "activity": "Activiteit", "who": "Aanwezig",
            "what": "Wat gebeurde er", "meaning": "Betekenis", "why": "Waarom", "location": "Plaats",
            "interpretation": "Interpretatie", "reflection": "Reflectie", "significance": "Markering",
            "agenda": "Leeragenda", "question": "Vraag", "raised": "Ingebracht", "by": "door", "status": "Status",
            "history": "Verloop", "open_for": "open sinds", "months": "maanden", "long_open": "staat al lang open",
            "actions": "Vervolgacties", "action": "Actie", "owner": "Wie", "due": "Uiterlijk", "agreed": "Afgesproken bij",
            "overdue": "te laat", "days": "dagen", "learning_history": "Leergeschiedenis",
            "lh_events": "Wat er gebeurde, in de woorden van deelnemers",
            "lh_reflection": "Vragen en reflecties van de onderzoekers",
            "themes": "Thema's in de tijd (aantal gecodeerde fragmenten per maand)", "count": "Aantal",
            "none": "Geen", "pseudonymised": "Namen zijn gepseudonimiseerd.", "undated": "zonder datum",
            "chart_phases": "Fasen", "chart_entries": "Activiteiten", "chart_themes": "Thema's",
            "raised_here": "ingebracht", "legend_other": "overige activiteit", "month": "Maand", "end": "Einde",
            "time": "Tijd", "confidentiality": "Vertrouwelijkheid", "author": "Auteur", "questions": "Leervragen",
            "grid": "Tijdlijn", "log": "Logboek", "no_entries": "Er zijn geen activiteiten in deze selectie.",
            "intro": "Overzicht van het projectjaar: fasen, activiteiten, hoogte- en dieptepunten, leermomenten, "
                     "de leeragenda en de afgesproken acties.",
            "internal_note": "Dit overzicht bevat interne notities: niet delen buiten het onderzoeksteam.",
            "due_event": "Deadline actie", "as_of": "Stand per", "description": "Omschrijving",
            "chart_caption": "Fasen per spoor, activiteiten naar markering (hoogtepunt, kantelpunt, leermoment, "
                             "dieptepunt) en gecodeerde fragmenten per thema per maand.",
        },
    },
    "en": {
        "type": {
            "interview": "interview", "meeting": "meeting", "work_visit": "work visit", "workshop": "workshop",
            "training": "training", "phone_email": "phone/e-mail", "observation": "observation",
            "decision": "decision", "milestone": "milestone", "other": "other",
        },
        "significance": {
            "none": "", "high_point": "high point", "low_point": "low point",
            "learning_moment": "learning moment", "turning_point": "turning point",
        },
        "question": {"open": "open", "provisional": "provisional answer", "answered": "answered", "dropped": "dropped"},
        "action": {"open": "open", "in_progress": "in progress", "done": "done", "cancelled": "cancelled"},
        "confidentiality": {"normal": "normal", "internal": "internal"},
        "csv": {
            "id": "id", "date": "date", "end_date": "end date", "time": "time", "type": "type", "title": "title",
            "location": "location", "actors": "actors", "observation": "observation",
            "interpretation": "interpretation", "reflection": "reflection", "significance": "significance",
            "significance_why": "significance why", "confidentiality": "confidentiality", "author": "author",
            "questions": "questions", "actions": "actions", "links": "links",
        },
        "words": {
            "legend": "Legend", "legend_phase": "phase of a track", "legend_theme": "coded fragments (darker: more)",
            "legend_day": "the number in a cell is the day of the month",
            "timeline": "Timeline", "title": "Process timeline", "period": "Period", "made": "Made on",
            "filters": "Selection", "all_entries": "all entries that are not internal", "internal_included": "internal notes included",
            "phases": "Phases and tracks", "track": "Track", "phase": "Phase", "from": "From", "to": "To",
            "entries": "Entries", "date": "Date", "kind": "Type", "activity": "Activity", "who": "Present",
            "what": "What happened", "meaning": "Meaning", "why": "Why", "location": "Location",
            "interpretation": "Interpretation", "reflection": "Reflection", "significance": "Marked as",
            "agenda": "Learning agenda", "question": "Question", "raised": "Raised", "by": "by", "status": "Status",
            "history": "History", "open_for": "open since", "months": "months", "long_open": "open for a long time",
            "actions": "Follow-up actions", "action": "Action", "owner": "Owner", "due": "Due", "agreed": "Agreed at",
            "overdue": "overdue", "days": "days", "learning_history": "Learning history",
            "lh_events": "What happened, in participants' words",
            "lh_reflection": "The researchers' questions and reflections",
            "themes": "Themes over time (coded fragments per month)", "count": "Count",
            "none": "None", "pseudonymised": "Names are pseudonymised.", "undated": "undated",
            "chart_phases": "Phases", "chart_entries": "Entries", "chart_themes": "Themes",
            "raised_here": "raised", "legend_other": "other entry", "month": "Month", "end": "End",
            "time": "Time", "confidentiality": "Confidentiality", "author": "Author", "questions": "Learning questions",
            "grid": "Timeline", "log": "Log", "no_entries": "There are no entries in this selection.",
            "intro": "An overview of the project year: phases, entries, high and low points, learning moments, "
                     "the learning agenda and the agreed actions.",
            "internal_note": "This overview holds internal notes: do not share it outside the research team.",
            "due_event": "Action due", "as_of": "As of", "description": "Description",
            "chart_caption": "Phases per track, entries by significance (high point, turning point, learning moment, "
                             "low point) and coded fragments per theme per month.",
        },
    },
}


class Labels:
    """The words of one language; unknown values fall back to the value itself."""

    def __init__(self, language: str = "nl"):
        self.language = language if language in _LABELS else "en"
        self._table = _LABELS[self.language]

    def __getitem__(self, word: str) -> str:
        return self._table["words"].get(word, word)

    def type(self, value: str) -> str:
        return self._table["type"].get(value, value.replace("_", " "))

    def significance(self, value: str) -> str:
        return self._table["significance"].get(value, value.replace("_", " "))

    def question(self, value: str) -> str:
        return self._table["question"].get(value, value.replace("_", " "))

    def action(self, value: str) -> str:
        return self._table["action"].get(value, value.replace("_", " "))

    def confidentiality(self, value: str) -> str:
        return self._table["confidentiality"].get(value, value.replace("_", " "))

    def column(self, field: str) -> str:
        """The heading of an entries CSV column, in words the log import reads back."""
        return self._table["csv"].get(field, field)

    def date(self, day, *, short: bool = False) -> str:
        """'4 september 2024' (or '4 sep 2024' when short); empty for no date."""
        if day is None:
            return ""
        month = (MONTH_NAMES if short else _MONTHS)[self.language][day.month - 1]
        return f"{day.day} {month} {day.year}"


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
