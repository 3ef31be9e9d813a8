"""Text Fragment links: the encoding rules of the WICG syntax and the choice of form."""

from __future__ import annotations

from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from site_builder.render.text_fragment import TextDirective, directive, encode, link


def test_syntax_characters_are_percent_encoded():
    assert encode("a-b") == "a%2Db"
    assert encode("a,b") == "a%2Cb"
    assert encode("a&b") == "a%26b"


def test_everything_but_unreserved_ascii_is_percent_encoded_as_utf8():
    assert encode("two words") == "two%20words"
    assert encode("“K Battalion.”") == "%E2%80%9CK%20Battalion.%E2%80%9D"
    assert encode("café") == "caf%C3%A9"
    assert encode("#:~:=?/%+") == "%23%3A~%3A%3D%3F%2F%25%2B"
    assert encode("A_z.9~") == "A_z.9~"


@given(st.text(min_size=1))
def test_an_encoded_term_decodes_back_and_holds_no_syntax(term):
    encoded = encode(term)
    assert unquote(encoded, errors="strict") == term
    assert not set(encoded) & set("-,&#: ")


def test_a_short_passage_is_given_whole():
    assert str(directive("the Kremlin denied the presence")) == "text=the%20Kremlin%20denied%20the%20presence"


def test_white_space_is_collapsed():
    assert str(directive("  two\n\twords ")) == "text=two%20words"


def test_a_long_passage_is_given_by_its_first_and_last_words():
    passage = "The recordings also indicated that each group of 30 North Korean troops would be accompanied"
    d = directive(passage)
    assert (d.start, d.end) == ("The recordings also indicated", "troops would be accompanied")
    assert str(d) == "text=The%20recordings%20also%20indicated,troops%20would%20be%20accompanied"


def test_an_elided_passage_always_uses_start_and_end():
    d = directive("opened in 1851 after years", elided=True)
    assert (d.start, d.end) == ("opened in", "after years")


def test_a_one_word_passage_stays_exact_even_if_elided():
    assert str(directive("harbour", elided=True)) == "text=harbour"


def test_no_words_no_directive():
    assert directive(" \n ") is None


def test_prefix_and_suffix_carry_their_dashes():
    d = directive("would pay", before="and the town grew. The harbour", after=", they said. Then")
    assert (d.prefix, d.suffix) == ("grew. The harbour", ", they said.")
    assert str(d) == "text=grew.%20The%20harbour-,would%20pay,-%2C%20they%20said."


def test_terms_with_dashes_and_commas_stay_one_term():
    d = TextDirective("north—mostly whalers—and, well", "end-point")
    assert str(d) == "text=north%E2%80%94mostly%20whalers%E2%80%94and%2C%20well,end%2Dpoint"


def test_link_adds_the_fragment_directive():
    d = TextDirective("harbour")
    assert link("https://example.org/a", d) == "https://example.org/a#:~:text=harbour"
    assert link("https://example.org/a?x=1", d) == "https://example.org/a?x=1#:~:text=harbour"


def test_link_keeps_an_existing_fragment_and_directives():
    d = TextDirective("harbour")
    assert link("https://example.org/a#part", d) == "https://example.org/a#part:~:text=harbour"
    assert link("https://example.org/a#:~:text=x", d) == "https://example.org/a#:~:text=x&text=harbour"
