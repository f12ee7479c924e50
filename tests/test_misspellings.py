"""One-slip misspellings of cue words: pure functions, no model."""
from nlp.misspellings import one_slip_apart, read_through_slip, slip_index

WORDS = {"opposition": "oppose", "support": "support", "concern": "oppose", "back": "support"}
INDEX = slip_index(WORDS)


def test_a_dropped_letter_or_swapped_neighbours_read_as_the_word():
    assert read_through_slip("oppostion", WORDS, INDEX) == "oppose"
    assert read_through_slip("suppotr", WORDS, INDEX) == "support"


def test_an_added_letter_reads_as_the_word():
    assert read_through_slip("oppossition", WORDS, INDEX) == "oppose"


def test_a_substituted_letter_short_word_or_correct_spelling_is_no_slip():
    assert read_through_slip("concert", WORDS, INDEX) is None  # another real word, one letter changed
    assert read_through_slip("bakc", WORDS, INDEX) is None  # too short to forgive
    assert read_through_slip("support", WORDS, INDEX) is None


def test_a_slip_two_words_share_with_different_values_is_left_out():
    index = slip_index({"abcdefgh": "support", "abcdefgi": "oppose"})
    assert "abcdefg" not in index


def test_one_slip_apart_forgives_a_dropped_added_or_swapped_letter_only():
    assert one_slip_apart("Moor", "Moore") and one_slip_apart("Mooore", "Moore") and one_slip_apart("Mroe", "More")
    assert not one_slip_apart("Hall", "Hill")  # a substituted letter
    assert not one_slip_apart("Moore", "moore")  # the same name
