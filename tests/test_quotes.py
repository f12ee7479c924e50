"""Quotes and who said them, on hand-written paragraphs, with the real model (loaded once)."""
import pytest

from nlp.analysis import Analyser
from nlp.quote_marks import find_quote_spans


@pytest.fixture(scope="module")
def analyse(nlp, registry):
    analyser = Analyser(registry, [])
    return lambda text: analyser.analyse_doc(nlp(text))


def direct(result):
    return [(q.speaker, q.text) for q in result.quotes if q.direct]


@pytest.mark.parametrize(
    "text, speaker, starts",
    [
        ("Paula Clark said: “There are many models being considered at this stage.”", "Paula Clark", "There are many models"),
        ("“We believe the merger will help patients,” said Neil Carr.", "Neil Carr", "We believe the merger"),
        ("“We believe the merger will help patients,” Neil Carr said.", "Neil Carr", "We believe the merger"),
        ("Neil Carr spoke to governors. ‘It is a disaster in the making for us,’ he added.", "Neil Carr", "It is a disaster"),
        ("Walsall Healthcare NHS Trust was asked for comment. A spokesperson for the trust said: “We are reviewing the plans now.”",
         "Walsall Healthcare NHS Trust", "We are reviewing"),
        ("In a statement, Walsall Healthcare NHS Trust said: “We will consult staff before any change.”",
         "Walsall Healthcare NHS Trust", "We will consult staff"),
        ("Paula Clark, chief executive of Walsall Healthcare NHS Trust, spoke. The chief executive said: “We need more beds this winter.”",
         "Paula Clark", "We need more beds"),
        ("According to Paula Clark, “the system is unsustainable as things stand”.", "Paula Clark", "the system is unsustainable"),
        ("Paula Clark said the trust accepted it had “an unsustainable system as things stand”.", "Paula Clark", "an unsustainable system"),
        ("Dr Maureen Baker: 'Most federations will resist becoming too big.'", "Maureen Baker", "Most federations will resist"),
    ],
)
def test_quotes_are_attributed_to_their_speaker(analyse, text, speaker, starts):
    found = direct(analyse(text))
    assert any(who == speaker and said.startswith(starts) for who, said in found), found


def test_a_quote_running_over_paragraphs_is_one_quote(analyse):
    text = "Neil Carr said: “We have met the trust.\n“We will meet again in March and decide then.”"
    assert direct(analyse(text)) == [("Neil Carr", "We have met the trust. We will meet again in March and decide then.")]


def test_a_quote_paragraph_after_a_quote_keeps_its_speaker(analyse):
    text = "“We have met the trust twice this year,” said Neil Carr.\n“We will meet again in March and decide then.”"
    assert [who for who, _ in direct(analyse(text))] == ["Neil Carr", "Neil Carr"]


def test_short_scare_quotes_and_unattributed_words_are_not_quotes(analyse):
    result = analyse("The plans were called “unwieldy” by some. “Nobody knows what will happen next year.”")
    assert direct(result) == []


def test_an_unbalanced_quote_mark_ends_with_its_paragraph():
    text = "He said: “This never closes\nThe next paragraph is reporting, not a quote.\nNor is this one."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["This never closes"]


def test_apostrophes_are_not_quote_marks():
    text = "The GPs’ views don’t count, it’s said. ‘This is a real quote here,’ she said."
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["This is a real quote here,"]


def test_a_closing_mark_opens_a_quote_only_before_a_capital():
    text = "Back in the ’90s it was ’a different world’, and he said: ’We will appeal.’"
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["We will appeal."]


def test_reported_speech_is_kept_as_indirect(analyse):
    result = analyse("Walsall Healthcare NHS Trust said it would bid for the community services contract next year.")
    reported = [(q.speaker, q.text) for q in result.quotes if not q.direct]
    assert reported == [("Walsall Healthcare NHS Trust", "it would bid for the community services contract next year")]


def test_quotes_carry_sentence_sentiment(analyse):
    result = analyse("Neil Carr said: “This is a wonderful, exciting day for patients.” Paula Clark said: “This is a terrible, damaging mistake.”")
    polarity = {q.speaker: q.sentiment for q in result.quotes}
    assert polarity["Neil Carr"] > 0.3 and polarity["Paula Clark"] < -0.3


@pytest.mark.parametrize(
    "text, speaker, starts",
    [
        # "X said:" with a blank line before the quote
        ("Dr Helen Marsh, who chairs the Leeds Local Medical Committee, said:\n\n“We were never asked about any of this.”",
         "Helen Marsh", "We were never asked"),
        # a second quote in the same paragraph, with only the attribution between
        ("Paula Clark spoke first. “We have looked at every option,” said Clark. “None of them is cheap or quick.”",
         "Paula Clark", "None of them is cheap"),
        # an adverb between the speaker and the verb
        ("Walsall Healthcare NHS Trust has been asked to comment. The trust also warned “the deficit will grow every year”.",
         "Walsall Healthcare NHS Trust", "the deficit will grow"),
        # speech verbs beyond "said"
        ("Paula Clark clarified that the trust would “keep every ward open this winter”.", "Paula Clark", "keep every ward open"),
        # a document speaks for the body it names
        ("A Walsall Healthcare NHS Trust paper seen by reporters says the merger would “save four million pounds a year”.",
         "Walsall Healthcare NHS Trust", "save four million pounds"),
        # a quote set in a sentence with no speech verb belongs to the sentence's subject
        ("Walsall Healthcare NHS Trust will “keep all three community hospitals open for now”.",
         "Walsall Healthcare NHS Trust", "keep all three community hospitals"),
        ("Paula Clark chairs the board. She wants the plans to “put patients first in every decision”.",
         "Paula Clark", "put patients first"),
        # "it" inside the attribution clause is not a document speaking
        ("North Staffordshire GP Federation met on Monday. In a statement, the federation said it understood the pressures, "
         "but added: “This is the wrong model for our patients and our practices.”",
         "North Staffordshire GP Federation", "This is the wrong model"),
        # a report speaks for the body named last, not for the person named last
        ("Walsall Healthcare NHS Trust published its plans. Dr Ann Hale, a GP, raised concerns. "
         "The report says “the new model will need two years to bed in”.",
         "Walsall Healthcare NHS Trust", "the new model will need"),
        # "according to" sets the scene; the speaker is the subject of the verb
        ("According to papers published by Walsall Healthcare NHS Trust, NHS England said that “neither bid met the criteria in full”.",
         "NHS England", "neither bid met the criteria"),
        # "it" opening a sentence is the previous sentence's subject, not the body named last in it
        ("Walsall Healthcare NHS Trust has written to staff about the contract offered by NHS England. "
         "It said staff should “not feel pressured into any decision this year”.",
         "Walsall Healthcare NHS Trust", "not feel pressured into any decision"),
        # "he" is the person the previous sentence opens with, not the one it names last
        ("Tom Hardy wrote to Ann Page, the regional director, about the plans. He said he had “seen no evidence that it would work”.",
         "Tom Hardy", "seen no evidence"),
        # ’ set as the opening mark
        ("Sarah Jones said: ’We will fight this all the way to the High Court.’", "Sarah Jones", "We will fight this"),
        # the attribution between two parts of one quote, with the speaker's role around the name
        ("“The merger is on hold,” the trust’s chairman, Sir Tom Reid, said, “until the review is complete next spring.”",
         "Tom Reid", "The merger is on hold"),
        # referring nouns for campaigns and councils
        ("Keep Our NHS Public organised the march. The group said: “These closures will cost lives across the county.”",
         "Keep Our NHS Public", "These closures will cost"),
        ("Hull City Council has objected. The authority said it was “deeply concerned about the loss of local beds”.",
         "Hull City Council", "deeply concerned about the loss"),
        # a plural document speaks for the body it names
        ("Board papers for Mid Yorkshire Hospitals NHS Trust state that “a formal merger remains the preferred option”.",
         "Mid Yorkshire Hospitals NHS Trust", "a formal merger remains"),
        # a spokesperson speaks for the body named before them, or just before, or whose role they hold
        ("Walsall Healthcare NHS Trust was approached for comment. A spokesman said: “We do not comment on rumours.”",
         "Walsall Healthcare NHS Trust", "We do not comment"),
        ("Walsall Healthcare NHS Trust has launched a review. A trust spokeswoman said it would “look at every option on the table”.",
         "Walsall Healthcare NHS Trust", "look at every option"),
        ("Walsall Healthcare NHS Trust has launched a review. The trust’s medical director said it would “look at every option first”.",
         "Walsall Healthcare NHS Trust", "look at every option"),
        # a role's head word stands for the one person holding it
        ("Dr Ann Lee, clinical chair of Leeds North CCG, opened the meeting. Later the chair said: “We have listened to "
         "every concern raised.”", "Ann Lee", "We have listened"),
        # a pronoun subject after "and" is the speaker, not the body named earlier in the sentence
        ("Wes Streeting answered questions in the Commons. I raised the merger of NHS Wessex Integrated Care Board, and he "
         "responded that ‘we are not centralising but decentralising’.", "Wes Streeting", "we are not centralising"),
        # a participle of saying opens the sentence: the speaker is its subject, after the quote
        ("Paula Clark chairs the committee. Insisting “that this merger by the back door is scrapped” Paula Clark "
         "left the meeting early.", "Paula Clark", "that this merger by the back door"),
        # "But" opening the attribution is no scene-setting clause to cut up to the first comma
        ("But Labour councillor Fiona Shaw, who chairs Walsall Borough Council’s scrutiny panel, said residents feared "
         "“the slow death of our A&E”.", "Fiona Shaw", "the slow death of our A&E"),
        # a relative clause's speech verb speaks for the noun it hangs on
        ("Wessex Healthcare NHS Trust was approached. The trust, which said it had “no plans to close the unit this "
         "year”, will meet in May.", "Wessex Healthcare NHS Trust", "no plans to close the unit"),
        # a name after a dash, as under a pull quote
        ("“We will fight this all the way,” – Jo Bloggs, chair of Save Kingsbridge Hospital.", "Jo Bloggs", "We will fight this"),
        # more verbs of saying
        ("“We got the timetable wrong,” Paula Clark conceded.", "Paula Clark", "We got the timetable wrong"),
        ("Paula Clark vowed: “We will keep every ward open this winter.”", "Paula Clark", "We will keep every ward"),
        # a document "reads" or "sets out" what the body that issued it says
        ("Wessex Healthcare NHS Trust has published its response. It reads: “The trust cannot support a merger on this "
         "timetable.”", "Wessex Healthcare NHS Trust", "The trust cannot support"),
        ("Wessex Healthcare NHS Trust published its strategy. The strategy sets out that the trust will “merge back-office "
         "functions by 2026”.", "Wessex Healthcare NHS Trust", "merge back-office functions"),
        # "according to" after the quote
        ("“Local people deserve better than this,” according to Kate Lowe.", "Kate Lowe", "Local people deserve better"),
        # a plural possessive inside a single-quoted quote does not close it
        ("Paula Clark said: ‘The trusts’ finances will not recover without help from the centre.’",
         "Paula Clark", "The trusts finances will not recover without help"),
    ],
)
def test_attribution_beyond_said(analyse, text, speaker, starts):
    quotes = direct(analyse(text))
    normalised = [(who, " ".join(words.replace("’", "").split())) for who, words in quotes]
    assert any(who == speaker and words.startswith(starts) for who, words in normalised), quotes


def test_a_quote_repeated_from_the_standfirst_is_one_quote_credited_to_the_person(analyse):
    text = ("• NHS England adviser says “institutions such as Kingsbridge Hospital should close”\n\n"
            "Sir Stephen Bubb, who advises NHS England, said “institutions such as Kingsbridge Hospital should close”.")
    assert direct(analyse(text)) == [("Stephen Bubb", "institutions such as Kingsbridge Hospital should close")]


@pytest.mark.parametrize(
    "text, speaker, starts",
    [
        # the body a statement came from, said where the statement was first spoken of ("local" names no body)
        ("North Staffordshire GP Federation met NHS England on Monday. A statement from the local GP federation followed. "
         "The statement says: “We cannot support the proposed model as it stands.”",
         "North Staffordshire GP Federation", "We cannot support the proposed model"),
        # the author of earlier guidance, though another body is named after it
        ("New NHS England guidance was published on Thursday, and Walsall Healthcare NHS Trust welcomed it. "
         "The guidance says: “Mergers should be rare and must save money.”", "NHS England", "Mergers should be rare"),
        # a document named with a referring noun, or issued "by" one
        ("Walsall Healthcare NHS Trust has published its plans. A trust statement said: “We are committed to keeping "
         "the A&E open.”", "Walsall Healthcare NHS Trust", "We are committed to keeping"),
        ("Walsall Healthcare NHS Trust has published its plans. A statement issued by the trust said: “We are committed "
         "to keeping the A&E open.”", "Walsall Healthcare NHS Trust", "We are committed to keeping"),
        # "its" before a role: the body "it" stands for
        ("Walsall Healthcare NHS Trust’s board approved the plans on Tuesday. Its chairman said: “This is a real step "
         "forward for patients.”", "Walsall Healthcare NHS Trust", "This is a real step"),
        # a referring noun with a word the one body of its kind does not have in its name
        ("Walsall Healthcare NHS Trust runs the Manor Hospital. The hospital trust said it was “disappointed by the "
         "decision of the panel”.", "Walsall Healthcare NHS Trust", "disappointed by the decision"),
        # the referring phrase is the noun phrase the last "the" opens, its words picking one body of two
        ("Both Hull City Council and East Riding County Council oppose the cuts. Cabinet members at the city council "
         "have agreed a review of “the impact of the cuts on the poorest residents”.",
         "Hull City Council", "the impact of the cuts"),
        # "it" after a sentence opened by a referring noun: that subject, not a body named later in it
        ("North Staffordshire GP Federation has written to members. The federation said the merger ignored Walsall "
         "Healthcare NHS Trust. It added: “We believe the savings are heroic at best.”",
         "North Staffordshire GP Federation", "We believe the savings"),
        # "X said:" is a speech clause, not a caption: its subject speaks, not a name in a phrase before it
        ("Dr Jane Smith chairs Walsall CCG. Asked about the merger by Tom Hill MP, she said: “We have heard all this "
         "before from the trust.”", "Jane Smith", "We have heard all this"),
        # a sentence ending in a colon introduces the quote; the appositive after the name sets no scene
        ("Tom Hill, a GP in Walsall, spoke against the plans at the meeting: “We have been here before and it did not "
         "work.”", "Tom Hill", "We have been here before"),
        # a quote standing as a sentence of its own goes on with the person the sentence before opens with
        ("Dr Tom Hill, a GP in Walsall, is not convinced. “We have been here before and it did not work.”",
         "Tom Hill", "We have been here before"),
        ("Tom Hill, a GP in Walsall, is not convinced by Jane Smith.\n\n“We have been here before and it did not work.”",
         "Tom Hill", "We have been here before"),
        # a document owned by a pronoun speaks for whom the pronoun stands for
        ("Tom Hill, a GP in Walsall, has written to the trust. His letter warns that the merger will “leave patients in "
         "the north of the borough without a service”.", "Tom Hill", "leave patients in the north"),
        # a joint statement is credited to the body written first, not the longest name
        ("NHS England has approved the plan. In a joint statement, Walsall Healthcare NHS Trust and Dudley Group NHS "
         "Foundation Trust said: “We are delighted with the decision today.”",
         "Walsall Healthcare NHS Trust", "We are delighted"),
        # a letter never spoken of before is its sender's, not the body it was written to
        ("Walsall Healthcare NHS Trust wrote to NHS England last week. The letter said the trust was “deeply concerned "
         "about the timetable for the merger”.", "Walsall Healthcare NHS Trust", "deeply concerned about the timetable"),
        # of the people an attribution names, the one written first speaks
        ("Tom Hill ran the trust until May. Jane Smith, who succeeded Tom Hill as chief executive, said: “We will "
         "finish what he started here.”", "Jane Smith", "We will finish what"),
        # "they": a body the sentence before names
        ("Unison has written to its members. They said: “This is a cut to services by the back door.”",
         "Unison", "This is a cut to services"),
    ],
)
def test_documents_and_plurals_speak_for_who_the_article_says(analyse, text, speaker, starts):
    assert (speaker, starts) in [(who, words[: len(starts)]) for who, words in direct(analyse(text))]


@pytest.mark.parametrize(
    "text",
    [
        # a statement several bodies issued together
        "Walsall Healthcare NHS Trust and Dudley Group NHS Foundation Trust have ended merger talks. In a statement the "
        "trusts said the timing was wrong. “The financial plan would not meet the transaction rules,” the statement added.",
        # a report whose only body named is the one it went to
        "A report to Hull City Council said the savings were small. The report said: “Fewer than ten posts would go "
        "in the first year.”",
        # "its" before something that is no role says nothing of who speaks
        "NHS England has advised the CCG. A CCG paper, entitled ‘Visualising the Future’, says its work already "
        "includes “a commitment to deliver new models of care”.",
        # "they" in the paragraph before looks back from there, not from the quote (whose words name a body)
        "Walsall Council met on Monday. Councillors cannot stop the plans.\n\nIn the motion, they said: “The lack of "
        "openness from NHS England is troubling.\n\n“Until there is full disclosure we cannot support the plans.”",
        # "they" after a sentence naming no body
        "Walsall Healthcare NHS Trust has paused the merger. The chief executives wrote to staff on Monday. "
        "They added: “It makes sense for us to wait for the new rules.”",
    ],
)
def test_documents_and_plurals_with_no_single_author_credit_nobody(analyse, text):
    assert direct(analyse(text)) == []


def test_titles_in_quote_marks_are_not_quotes(analyse):
    text = ("NHS England published the ‘Five Year Forward View’ in 2014, and Walsall Healthcare NHS Trust said it would "
            "follow ‘The Next Steps on the Forward View’ closely. Jane Smith said: “Better Care Closer To Home is what "
            "we all want.”")
    assert [words for _, words in direct(analyse(text))] == ["Better Care Closer To Home is what we all want."]


def test_a_quote_under_they_is_not_credited_to_a_guess(analyse):
    text = "Paula Clark and Neil Carr have left. They paused recruitment to look at “opportunities for different approaches”."
    assert direct(analyse(text)) == []


def test_quotes_in_a_bullet_list_after_an_introduction_belong_to_who_introduced_them(analyse):
    text = ("Paula Clark, chief executive of Walsall Healthcare NHS Trust, listed the benefits:\n"
            "• “Shorter waits for every patient in the borough.”\n• “More staff on every ward this winter.”")
    assert [speaker for speaker, _ in direct(analyse(text))] == ["Paula Clark", "Paula Clark"]
