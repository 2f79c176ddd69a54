"""A dialog service that answers like a user (the ``dialogs`` fixture of tests/ui/conftest).

A module of its own, not in conftest: a test that needs more than one imports it by a name
no other test folder has (``from conftest import …`` could find the conftest of another
folder when several run in one pytest call)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from expertenrat.ui.file_dialogs import saved_file_name


@dataclass
class ScriptedDialogs:
    """Stands in for DialogService: records every message and gives the scripted answers."""

    answer_yes: bool = True
    # Answers to question, in turn (True: "Ja"); none left: ``answer_yes``.
    answers: list[bool] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)
    messages: list[tuple[str, str, str]] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # of each warning, "" if none
    # Every file dialog asked for: (kind of file, suggested name or "" when opening).
    file_dialogs: list[tuple[object, str]] = field(default_factory=list)
    # The title of every save dialog asked for, in turn.
    save_titles: list[str] = field(default_factory=list)
    saved_files: list[str] = field(default_factory=list)
    # The folder each file dialog for opening falls back to (None: the Documents folder).
    open_fallbacks: list[object] = field(default_factory=list)
    # Answers to choose_text, "left" or "right"; none left: the dialog stays unanswered.
    choices: list[str] = field(default_factory=list)
    # Every text choice offered: (title, left text, right text).
    offered: list[tuple[str, str, str]] = field(default_factory=list)
    # The text above each of them, in turn.
    offered_intros: list[str] = field(default_factory=list)
    # The label of every text asked for (ask_text), in turn.
    asked_texts: list[str] = field(default_factory=list)
    # The text each of them was offered with (ask_text's ``initial``), in turn.
    offered_texts: list[str] = field(default_factory=list)
    # The ``on_text`` of each text asked for when no answer was scripted: the test gives
    # the answer later (OK in a dialog left open).
    unanswered_texts: list[Callable[[str], None]] = field(default_factory=list)
    # Every choice offered beside a text (ask_text_and_choice): (label, texts, chosen first).
    offered_choices: list[tuple[str, list[str], int]] = field(default_factory=list)
    # The index chosen in each, in turn; none left: the one chosen first.
    chosen: list[int] = field(default_factory=list)
    # The label of every date asked for (ask_date), in turn.
    asked_dates: list[str] = field(default_factory=list)
    # The date each of them was offered with (ask_date's ``initial``), in turn.
    offered_dates: list[date] = field(default_factory=list)
    # The hint under each of them for a date (ask_date's ``hint``; None: no hint), in turn.
    date_hints: list[Callable[[date], str] | None] = field(default_factory=list)
    # The check boxes offered under every date asked for with them (ask_date_and_checks),
    # or alone (ask_checks).
    offered_checks: list[list[str]] = field(default_factory=list)
    # The indexes checked in each, in turn; none left: all of them.
    checked: list[tuple[int, ...]] = field(default_factory=list)
    # True: a warning stays open (its ``on_closed`` waits in ``open_warnings``) until the
    # test calls it; False: it is closed at once.
    keep_warnings_open: bool = False
    # True: a question stays open, its (on_yes, on_no) in ``open_questions`` until the test
    # answers it.
    keep_questions_open: bool = False
    open_questions: list[tuple[Callable[[], None], Callable[[], None]]] = field(
        default_factory=list
    )
    open_warnings: list[Callable[[], None]] = field(default_factory=list)

    def question(self, parent, title: str, text: str, on_yes, on_no=None) -> None:
        self.messages.append(("question", title, text))
        if self.keep_questions_open:
            self.open_questions.append((on_yes, on_no or (lambda: None)))
        elif self.answers.pop(0) if self.answers else self.answer_yes:
            on_yes()
        elif on_no is not None:
            on_no()

    def information(self, parent, title: str, text: str) -> None:
        self.messages.append(("information", title, text))

    def warning(self, parent, title: str, text: str, detail: str = "", on_closed=None) -> None:
        self.messages.append(("warning", title, text))
        self.details.append(detail)
        if on_closed is not None:
            if self.keep_warnings_open:
                self.open_warnings.append(on_closed)
            else:
                on_closed()

    def choose_text(self, parent, title, intro, left, right, on_left, on_right) -> None:
        self.offered.append((title, left[1], right[1]))
        self.offered_intros.append(intro)
        if self.choices:
            (on_left if self.choices.pop(0) == "left" else on_right)()

    def ask_text(self, parent, title, label, initial, on_text) -> None:
        self.asked_texts.append(label)
        self.offered_texts.append(initial)
        if self.texts:
            on_text(self.texts.pop(0))
        else:
            self.unanswered_texts.append(on_text)

    def ask_text_and_choice(self, parent, title, label, initial, choice, on_answer) -> None:
        choice_label, texts, first = choice
        self.offered_choices.append((choice_label, list(texts), first))
        index = self.chosen.pop(0) if self.chosen else first
        self.ask_text(parent, title, label, initial, lambda text: on_answer(text, index))

    def ask_colour(self, parent, title, initial, on_colour) -> None:
        if self.colours:
            on_colour(self.colours.pop(0))

    def ask_date(self, parent, title, label, initial, on_date, hint=None) -> None:
        self.asked_dates.append(label)
        self.offered_dates.append(initial)
        self.date_hints.append(hint)
        if self.dates:
            on_date(self.dates.pop(0))

    def ask_date_and_checks(self, parent, title, label, initial, checks, on_answer) -> None:
        texts, _none_checked = checks
        self.offered_checks.append(list(texts))
        chosen = self.checked.pop(0) if self.checked else tuple(range(len(texts)))
        self.ask_date(parent, title, label, initial, lambda day: on_answer(day, chosen))

    def ask_checks(self, parent, title, label, checks, on_checked) -> None:
        texts, _none_checked = checks
        self.offered_checks.append(list(texts))
        on_checked(self.checked.pop(0) if self.checked else tuple(range(len(texts))))

    def ask_open_file(self, parent, title, name_filter, on_path, kind=None, fallback=None) -> None:
        self.file_dialogs.append((kind, ""))
        self.open_fallbacks.append(fallback)
        if self.paths:
            on_path(self.paths.pop(0))

    def ask_folder(self, parent, title, initial, on_folder, kind=None) -> None:
        self.file_dialogs.append((kind or "folder", initial))
        if self.paths:
            on_folder(self.paths.pop(0))

    def ask_save_file(
        self, parent, title, name_filter, suggested, on_path, kind, *, new_only=False
    ) -> None:
        """The next scripted path, named as the real dialog hands it on: with the ending of
        the filter's first pattern (the one selected at first) unless it has one of the
        filter's (:func:`~expertenrat.ui.file_dialogs.saved_file_name`)."""
        self.file_dialogs.append((kind, suggested))
        self.save_titles.append(title)
        if self.paths:
            on_path(saved_file_name(self.paths.pop(0), name_filter, name_filter.split(";;")[0]))

    def file_saved(self, parent, title: str, text: str, path: str) -> None:
        self.messages.append(("saved", title, text))
        self.saved_files.append(path)

    def warnings(self) -> list[str]:
        return [text for kind, _title, text in self.messages if kind == "warning"]
