"""Citations: where every line of a result comes from."""

from __future__ import annotations

from tracker.core.dataset import Dataset, Placed
from tracker.core.engine.results import Citation, CorrectionNote, DisputedReport
from tracker.core.model import Basis, Source, Speaker


def cite(dataset: Dataset, placed: Placed) -> Citation:
    """The citation of one statement."""
    statement = placed.statement
    source = dataset.resolve_source(statement.source)
    return Citation(
        statement_id=placed.id,
        date=statement.date,
        publisher=_publisher(source, statement.source),
        title=source.title if source else None,
        url=source.url if source else None,
        basis=statement.basis,
        speaker=_speaker(statement.speaker),
        disputed=statement.disputed,
        via=source.via if source else None,
    )


def correction_notes(dataset: Dataset, placed: Placed) -> tuple[CorrectionNote, ...]:
    """The corrections and disputes of one statement, each with its own source."""
    statement = placed.statement
    notes = []
    for correction in statement.corrections:
        source = dataset.resolve_source(correction.source)
        published = source.published if source else None
        citation = Citation(
            statement_id=placed.id,
            date=correction.date or published or statement.date,
            publisher=_publisher(source, correction.source),
            title=source.title if source else None,
            url=source.url if source else None,
            # The correcting source reports on the statement; it is not the party's own word.
            basis=Basis.MEDIA_REPORT,
            speaker=None,
            disputed=True,
            via=source.via if source else None,
        )
        notes.append(CorrectionNote(kind=correction.kind, text=correction.text, date=correction.date, source=citation))
    return tuple(notes)


def disputed_report(dataset: Dataset, placed: Placed) -> DisputedReport:
    statement = placed.statement
    return DisputedReport(
        party_ids=statement.party_ids,
        citation=cite(dataset, placed),
        conditions=tuple(statement.conditions),
        corrections=correction_notes(dataset, placed),
    )


def _publisher(source: Source | None, ref: str | Source) -> str:
    # Only an unvalidated dataset has an unresolvable reference; show the reference rather than fail.
    if source is None:
        return ref if isinstance(ref, str) else ref.publisher
    return source.publisher


def _speaker(speaker: Speaker | None) -> str | None:
    if speaker is None:
        return None
    return f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name
