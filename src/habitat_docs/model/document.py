"""Documents: what every Board document has, and its kinds (report, note, update …)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path as FsPath
from typing import ClassVar, Literal

from attrs import field, frozen
from babel import Locale

from habitat_docs.errors import DataError
from habitat_docs.model.facts import Facts
from habitat_docs.model.masthead import Agenda, DocumentRef, ExecutiveDirector, Session
from habitat_docs.model.sections import Annex, Section
from habitat_docs.model.summary import Summary
from habitat_docs.model.symbol import Symbol
from habitat_docs.model.text import LANGUAGE_CODE, UN_LANGUAGES, Text, in_un_order
from habitat_docs.model.validate import validate
from habitat_docs.model.validators import is_date, is_text, of_type, optional_of, tuple_of

__all__ = [
    "FILE_NAME", "JOB_NUMBER", "KINDS", "ActivityUpdate", "Document", "ExecutiveDirectorReport",
    "SecretariatNote",
    "StrategyProgressNote",
]  # fmt: skip

FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")  # ASCII, as the symbols' file names
# A job number: UNON's "K2400512" (K, the year in two digits, five digits) or New York's "24-01234".
JOB_NUMBER = re.compile(r"(?:K[0-9]{7}|[0-9]{2}-[0-9]{5})\Z")


def _language_set(codes: Iterable[str] | None) -> frozenset[str]:
    """``languages``: the codes as a set; not given, the empty set (the title's languages)."""
    if codes is None:
        return frozenset()
    if isinstance(codes, str):
        raise DataError(f"expected a list of language codes, e.g. [{codes}], got {codes!r}", ("languages",))
    if not codes:
        raise DataError("name at least one language, e.g. [zh, en]", ("languages",))
    return frozenset(codes)


def _facts(value: object) -> Facts:
    """``facts``: a mapping of name to fact, each problem under ``facts``."""
    if isinstance(value, Facts):
        return value
    if not isinstance(value, Mapping):
        raise DataError(f"expected a mapping of facts by name, got {type(value).__name__} {value!r}", ("facts",))
    try:
        return Facts(value)
    except DataError as e:
        raise e.within(("facts",)) from None


Distribution = Literal["general", "limited", "restricted"]


@frozen(kw_only=True)
class Document:
    """What every Board document has: masthead facts, title and body."""

    kind: ClassVar[str] = ""
    # Parliamentary documents carry a symbol and an agenda item line; informal ones need neither.
    parliamentary: ClassVar[bool] = True
    # Heading labels: "un" (I., A. / 一、, A.) or "decimal" (1., 1.1).
    heading_style: ClassVar[str] = "un"

    #: The UN document symbol, e.g. HSP/EB.2024/11 (an informal document may have none).
    symbol: Symbol | None = field(default=None, validator=optional_of(Symbol))
    #: Without a symbol: the name of the output files (ASCII letters, digits, '-', '_', '.').
    name: str | None = field(default=None, validator=optional_of(str))
    #: The date of issue, printed on the masthead (YYYY-MM-DD).
    issued: dt.date = field(validator=is_date)
    #: The session of the Executive Board the document is for.
    session: Session = field(validator=of_type(Session))
    #: The provisional agenda: its symbol (for the * footnote) and the items on the masthead.
    agenda: Agenda | None = field(default=None, validator=optional_of(Agenda))
    #: The title, under the masthead.
    title: Text = field(validator=is_text)
    #: The body: sections I, II, … (一、二、…), each with its paragraphs and subsections.
    sections: tuple[Section, ...] = field(validator=tuple_of(Section))
    #: Annexes after the body, each numbering its paragraphs from 1 again.
    annexes: tuple[Annex, ...] = field(default=(), validator=tuple_of(Annex))
    #: The distribution printed on the masthead.
    distribution: Distribution = field(default="general")
    #: The language of the original ("Original: English"), a language code.
    original: str = field(default="en")
    base_dir: FsPath | None = field(default=None, eq=False, repr=False)
    # The figures prose names with {fact:name}: written once, rendered per language.
    facts: Facts = field(factory=Facts, converter=_facts, validator=of_type(Facts))
    # Documents cited with {doc:id}; a session build supplies those of its session.
    documents: tuple[DocumentRef, ...] = field(default=(), validator=tuple_of(DocumentRef))
    # The conference services' job number, printed with the date at the foot of page 1.
    job_number: str | None = field(default=None, validator=optional_of(str))
    # Image files of the masthead, relative to the data file's folder (as figure images are):
    # the UN emblem beside the organ, the UN-Habitat logo beside the symbol.
    emblem: str | None = field(default=None, validator=optional_of(str))
    #: The UN-Habitat logo beside the symbol, relative to the data file's folder.
    logo: str | None = field(default=None, validator=optional_of(str))
    # The ruled block on page 1 under the title.
    summary: Summary | None = field(default=None, validator=optional_of(Summary))
    # The languages the document is issued in (any of the six UN languages); not given: those
    # of its title. Every text has each of them; a text may hold others too (a translation
    # under way), checked but not built.
    languages: frozenset[str] = field(default=None, converter=_language_set)
    # Who the subtitle names ("Rapport de la Directrice exécutive"): the office-holder's gender.
    executive_director: ExecutiveDirector = field(
        factory=ExecutiveDirector, validator=of_type(ExecutiveDirector)
    )

    def __attrs_post_init__(self) -> None:
        if self.parliamentary:
            for name, what in (("symbol", "a symbol"), ("agenda", "an agenda")):
                if getattr(self, name) is None:
                    raise DataError(f"a document of kind {self.kind} needs {what}", (name,))
        elif self.symbol is None and not self.name:
            raise DataError("without a symbol, give a name for the output files", ("name",))
        if self.name is not None and not FILE_NAME.match(self.name):
            raise DataError(
                f"'{self.name}' is not a file name (ASCII letters, digits, '-', '_', '.')", ("name",)
            )
        if self.job_number is not None and not JOB_NUMBER.match(self.job_number):
            raise DataError(
                f"'{self.job_number}' is not a job number (UNON: K2400512; New York: 24-01234)",
                ("job_number",),
            )
        _check_language(("original",), self.original)
        for i, annex in enumerate(self.annexes):
            if annex.original is not None:
                _check_language(("annexes", i, "original"), annex.original)
        if self.distribution not in ("general", "limited", "restricted"):
            raise DataError(
                f"'{self.distribution}' is not one of general, limited, restricted",
                ("distribution",),
            )
        declared = bool(self.languages)
        if declared:
            _check_issued_in(self.languages)
        else:
            object.__setattr__(self, "languages", self.title.languages)  # frozen: set once, here
        validate(self, declared)

    def require_languages(self, langs: Iterable[str]) -> None:
        """Raise a DataError naming those of ``langs`` the document is not issued in."""
        missing = [lang for lang in langs if lang not in self.languages]
        if missing:
            raise DataError(
                f"the document is not issued in {', '.join(missing)} "
                f"(its languages: {', '.join(in_un_order(self.languages))})",
                ("languages",),
            )

    @property
    def file_stem(self) -> str:
        """Output files are named after the symbol (HSP-EB.2024-11), else after ``name``."""
        return self.symbol.file_stem if self.symbol is not None else str(self.name)

    def cited(self, doc_id: str) -> DocumentRef:
        """The document cited as ``{doc:doc_id}``."""
        return next(d for d in self.documents if d.id == doc_id)


@frozen
class ExecutiveDirectorReport(Document):
    """Report of the Executive Director (seeds S0, S2)."""

    kind: ClassVar[str] = "executive-director-report"


@frozen
class SecretariatNote(Document):
    """Note by the secretariat, e.g. summarising OIOS and Ethics Office reports (seed S1)."""

    kind: ClassVar[str] = "secretariat-note"


@frozen
class StrategyProgressNote(Document):
    """Progress on the strategic plan, with target boxes, figures and annexes (seed S4)."""

    kind: ClassVar[str] = "strategy-progress-note"


@frozen
class ActivityUpdate(Document):
    """The Executive Director's update on activities by agenda item: informal, no symbol,
    decimal headings and pre-session document lines (seed S3)."""

    kind: ClassVar[str] = "activity-update"
    parliamentary: ClassVar[bool] = False
    heading_style: ClassVar[str] = "decimal"


KINDS: dict[str, type[Document]] = {
    cls.kind: cls
    for cls in (ExecutiveDirectorReport, SecretariatNote, StrategyProgressNote, ActivityUpdate)
}


def _check_language(path: tuple[str | int, ...], code: object) -> None:
    """``original``: a language code the masthead can name ("Original: English")."""
    if not isinstance(code, str) or not LANGUAGE_CODE.match(code):
        raise DataError(f"expected a language code such as en or zh, got {code!r}", path)
    if not _english_names().get(code):
        raise DataError(f"unknown language code '{code}'", path)


def _check_issued_in(codes: frozenset[str]) -> None:
    """``languages``: each one of the six official languages of the United Nations."""
    unknown = sorted(c for c in codes if c not in UN_LANGUAGES)
    if unknown:
        names = ", ".join(f"'{c}'" for c in unknown)
        raise DataError(
            f"{names} {'is' if len(unknown) == 1 else 'are'} not among the six UN languages "
            f"({', '.join(UN_LANGUAGES)})",
            ("languages",),
        )


@cache
def _english_names() -> Mapping[str, str]:
    """The English names of languages, by code (CLDR's, as the masthead prints them)."""
    names: Mapping[str, str] = Locale.parse("en").languages
    return names
