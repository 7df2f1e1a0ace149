"""Publication dates as people give them: ISO 8601, what feeds and pages write, other languages' month
names; never a relative word, an incomplete date or an ambiguous day/month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import newsline
import pytest
from newsline.readers.files import parse_published

ACCEPTED = [
    ("2025-07-04", date(2025, 7, 4)),
    ("2025-07-04T09:30", datetime(2025, 7, 4, 9, 30)),
    ("July 4, 2025", date(2025, 7, 4)),
    ("4 Jul 2025", date(2025, 7, 4)),
    ("13/07/2025", date(2025, 7, 13)),
    ("4 juillet 2025", date(2025, 7, 4)),
    ("4. Juli 2025", date(2025, 7, 4)),
    ("3 de julio de 2025", date(2025, 7, 3)),
    ("July 4, 2025 10:00", datetime(2025, 7, 4, 10, 0)),
]

WITH_OFFSET = [
    ("2025-07-04T09:30+03:00", 3),
    ("2025-07-04T09:30:00Z", 0),
    ("Fri, 04 Jul 2025 09:30:00 GMT", 0),
    ("Fri, 04 Jul 2025 09:30:00 +0300", 3),
    ("Friday, July 4, 2025 9:30 AM EDT", -4),
]

REFUSED = ["not-a-date", "yesterday", "hier", "July 4", "2025", "soon", "2025-13-45", "July 45, 2025",
           "04/07/2025", ""]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_accepted(text: str, expected: date | datetime):
    got = parse_published(text)
    assert type(got) is type(expected)
    assert got == expected


@pytest.mark.parametrize(("text", "hours"), WITH_OFFSET, ids=[w[0] for w in WITH_OFFSET])
def test_accepted_with_utc_offset(text: str, hours: int):
    got = parse_published(text)
    assert isinstance(got, datetime)
    assert (got.year, got.month, got.day, got.hour, got.minute) == (2025, 7, 4, 9, 30)
    assert got.utcoffset() == timedelta(hours=hours)


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str):
    with pytest.raises(ValueError):
        parse_published(text)


def test_a_feed_date_anchors_the_article():
    tl = newsline.parse_text("The talks ended on Thursday.", published="Fri, 04 Jul 2025 09:30:00 GMT")
    assert [m.value for m in tl.time_mentions] == ["2025-07-03"]
