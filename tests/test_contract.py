"""The SPEC §1 output contract for records, checked through their public form."""

from parley.extract import Event, Mention, Quote, Stance
from parley.ingest import Article, RemovedLine


def test_article_record_has_spec_fields_and_stable_id():
    a = Article(text="Putin traf Witkoff.", source="x.txt", published="2025-12-02", language="de")
    a.removed.append(RemovedLine(text="© REUTERS/x", reason="photo-credit", line=3))
    rec = a.to_record()
    assert set(rec) == {
        "kind", "id", "source", "title", "outlet", "author", "published", "language", "chars",
        "removed",
    }  # fmt: skip
    assert rec["kind"] == "article" and rec["chars"] == 19
    assert Article(text=a.text, source="other.html").id == a.id
    assert Article(text=a.text + " ", source="x.txt").id != a.id


def test_records_serialise_with_kind_and_offsets():
    m = Mention(article="a1", start=0, end=5, actor="vladimir-putin", name="Vladimir Putin",
                surface="Putin", type="person")  # fmt: skip
    q = Quote(article="a1", start=10, end=20, text="x", mode="indirect", speaker=None)
    e = Event(article="a1", start=0, end=19, type="CONSULT", mode="meet",
              participants=["vladimir-putin", "steve-witkoff"])  # fmt: skip
    s = Stance(article="a1", start=0, end=19, actor="russia", issue="army-size",
               stance="demand", value=600000)  # fmt: skip
    for rec, kind in ((m, "mention"), (q, "quote"), (e, "event"), (s, "stance")):
        d = rec.to_record()
        assert d["kind"] == kind and d["article"] == "a1" and d["start"] <= d["end"]
    assert e.to_record()["target_actors"] == []
