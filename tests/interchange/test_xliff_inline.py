"""Rich text as XLIFF inline codes: any sanitised annotation comes back to the byte."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from agendas.html import sanitize_html
from interchange.xliff.inline import (
    XLIFF_NS,
    Codes,
    MarkupError,
    append_text,
    q,
    to_inline,
    to_text,
)

TEXT = st.text(alphabet=st.sampled_from(list("ab &<>\"'\n\xa0é中\x01")), max_size=8)
ATTRIBUTES = {
    "a": st.sampled_from(
        [
            "",
            ' href="https://undocs.org/A/1?x=1&amp;y=2"',
            ' href="mailto:a@b.org" title="“q” &amp; &quot;r&quot;"',
            ' hreflang="fr" href="http://example.org/é"',
        ]
    ),
    "ol": st.sampled_from(["", ' type="a"', ' start="3" type="i"']),
    "span": st.sampled_from(["", ' lang="fr"']),
    "p": st.sampled_from(["", ' lang="ar"']),
}
TAGS = ["p", "ol", "ul", "li", "em", "strong", "i", "b", "sup", "sub", "a", "span"]


def element(children):
    return st.tuples(st.sampled_from(TAGS), children).flatmap(
        lambda pair: ATTRIBUTES.get(pair[0], st.just("")).map(
            lambda attrs: f"<{pair[0]}{attrs}>{''.join(pair[1])}</{pair[0]}>"
        )
    )


HTML = st.recursive(
    st.one_of(TEXT, st.just("<br>")),
    lambda children: element(st.lists(children, max_size=3)),
    max_leaves=12,
).map(lambda piece: piece if isinstance(piece, str) else "".join(piece))
FRAGMENTS = st.lists(HTML, max_size=4).map("".join)


def xliff_element(name):
    return etree.Element(q(name), nsmap={None: XLIFF_NS})


def round_trip(html, target_html=None):
    codes = Codes()
    source = to_inline(xliff_element("source"), html, codes)
    target = None
    if target_html is not None:
        target = to_inline(xliff_element("target"), target_html, codes, in_target=True)
    original = codes.original_data()
    data = {} if original is None else {d.get("id"): d.text for d in original}
    # The file is XML: write it out and read it back, as a tool would.
    source = etree.fromstring(etree.tostring(source))
    return source, target, data


@given(FRAGMENTS)
def test_any_sanitised_html_comes_back_to_the_byte(html):
    clean = sanitize_html(html)

    source, _target, data = round_trip(clean)

    assert to_text([source], data, rich=True) == clean


@given(FRAGMENTS, FRAGMENTS)
def test_target_codes_reuse_the_ids_of_the_same_source_codes(source_html, target_html):
    source_html, target_html = sanitize_html(source_html), sanitize_html(target_html)

    source, target, data = round_trip(source_html, target_html)

    assert to_text([target], data, rich=True) == target_html
    source_ids = [code.get("id") for code in source.iter(q("pc"), q("ph"))]
    target_ids = [code.get("id") for code in target.iter(q("pc"), q("ph"))]
    assert len(set(source_ids)) == len(source_ids)
    assert len(set(target_ids)) == len(target_ids)


def test_the_codes_of_a_paragraph_with_a_link():
    html = '<p>See <a href="https://x.org/?a=1&amp;b=2">this</a>.<br>Thanks</p>'

    source, _target, data = round_trip(html)

    assert etree.tostring(source, encoding="unicode") == (
        '<source xmlns="urn:oasis:names:tc:xliff:document:2.0">'
        '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="other" subType="html:p">See '
        '<pc id="2" dataRefStart="d3" dataRefEnd="d4" type="link">this</pc>.'
        '<ph id="3" dataRef="d5" type="fmt" subType="xlf:lb"/>Thanks</pc></source>'
    )
    assert data == {
        "d1": "<p>",
        "d2": "</p>",
        "d3": '<a href="https://x.org/?a=1&amp;b=2">',
        "d4": "</a>",
        "d5": "<br>",
    }


def test_plain_text_keeps_what_xml_cannot_hold_as_code_points():
    source = xliff_element("source")
    append_text(source, "a\x01b & <c>")

    assert etree.tostring(source, encoding="unicode").endswith(
        'a<cp hex="0001"/>b &amp; &lt;c&gt;</source>'
    )
    assert to_text([source], {}, rich=False) == "a\x01b & <c>"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ('<pc id="1" dataRefStart="d1">x</pc>', "points at no original data"),
        ('<sc id="1" dataRef="d1"/>x', "markup is broken"),
        ('<ec dataRef="d2"/>x<sc id="1" dataRef="d1"/>', "markup is broken"),
        ('<foo xmlns="urn:other">x</foo>', "another vocabulary"),
        ("<segment/>", "cannot stand in a translation"),
        ('<cp hex="zz"/>', "no valid hex value"),
    ],
)
def test_broken_codes_are_refused(target, message):
    element = etree.fromstring(
        f'<target xmlns="urn:oasis:names:tc:xliff:document:2.0">{target}</target>'
    )

    with pytest.raises(MarkupError, match=message):
        to_text([element], {"d1": "<em>", "d2": "</em>"}, rich=True)


def test_annotations_and_markers_of_a_tool_keep_their_text():
    element = etree.fromstring(
        '<target xmlns="urn:oasis:names:tc:xliff:document:2.0">'
        '<mrk id="m1" type="term">Conférence</mrk> <sm id="s1"/>des <em startRef="s1"/>'
        "États<!-- a comment --></target>"
    )

    assert to_text([element], {}, rich=False) == "Conférence des États"
