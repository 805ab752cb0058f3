"""The summary of a document: the ruled block on page 1 under the title."""

from __future__ import annotations

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.text import Text
from habitat_docs.model.validators import optional_text, tuple_of

__all__ = ["Summary"]


@frozen
class Summary:
    """"Summary" / "摘要" over unnumbered paragraphs (``text``), then optionally the action
    required of the Executive Board (``action``), led by its fixed wording from labels.j2."""

    #: The paragraphs of the summary, unnumbered.
    text: tuple[Text, ...] = field(validator=tuple_of(Text))
    #: The action required of the Executive Board, after its lead.
    action: Text | None = field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if not self.text:
            raise DataError("a summary needs at least one paragraph", ("text",))
