"""Vote counts read from a sentence: pure functions, no model."""
import pytest

from nlp.votes import ballot_side


@pytest.mark.parametrize(
    "text, side",
    [
        ("Leeds CCG gave the plan the least backing, with seven votes in support and four against.", "support"),
        ("Bradford CCG voted 13 to one in favour of the proposal.", "support"),
        ("Wakefield CCG voted nine to two against the merger.", "oppose"),
        ("Across the county 107 practices voted against and 24 for.", "oppose"),
        ("Three ‘no’ votes came from Leeds, with 30 voting in favour.", "support"),
        ("Six voted for and six against.", None),  # a tie shows no side
        ("Leeds CCG voted against the merger.", None),  # no count: the words decide
        ("The trust backs the merger for two reasons.", None),
        ("Leeds CCG voted 95 per cent in favour of the merger.", None),  # one side only
    ],
)
def test_the_side_with_more_votes(text, side):
    assert ballot_side(text) == side
