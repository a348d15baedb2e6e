"""Who said what: a table of short news passages, the words of one claim in
them (``anchor``), and the speaker and speaker mention expected for the claim
that holds those words (textacy's ``test_triples.py`` style). Every rule of
``verify.extract.attribution`` has a row; a known failure stays, marked, with its
reason. ``None`` as the speaker: the outlet's own voice."""

from __future__ import annotations

import pytest

from verify.extract.attribution import Attributed, attributions


@pytest.fixture(scope="module")
def parse():
    """The real spaCy pipeline, loaded once for this module."""
    from verify.nlp import load_nlp, parse

    load_nlp()
    return parse


def claim_at(parse, text: str, anchor: str) -> Attributed:
    """The claim that holds ``anchor`` (the shortest, when parts nest)."""
    start = text.index(anchor)
    end = start + len(anchor)
    parts = attributions(text, parse(text))
    holding = [p for p in parts if p.start <= start and end <= p.end]
    assert holding, f"no claim holds {anchor!r}: {[(text[p.start:p.end], p.speaker) for p in parts]}"
    return min(holding, key=lambda p: p.end - p.start)


P = pytest.param
CASES = [
    # -- direct, indirect and mixed quotes --------------------------------
    P('"We will not back down," Mayor Jane Ortiz said on Monday.',
      "We will not back down", "Jane Ortiz", "Mayor Jane Ortiz", id="direct-trailing-cue"),
    P("Governor Tom Reyes said the bridge would reopen in May.",
      "the bridge would reopen", "Tom Reyes", "Governor Tom Reyes", id="indirect"),
    P('The finance minister, Lena Brandt, said the talks were "productive but difficult."',
      "productive but difficult", "Lena Brandt", "The finance minister", id="mixed-apposition"),
    P('Lena Brandt told reporters: "The budget is balanced."',
      "The budget is balanced", "Lena Brandt", "Lena Brandt", id="leading-cue-colon"),
    P('"It is over," said Maria Lopez, a spokeswoman for the union.',
      "It is over", "Maria Lopez", "Maria Lopez", id="inverted-said-x"),
    P('"Nobody expected this," Coach Ben Alder said. "We had a plan."',
      "Nobody expected this", "Ben Alder", "Coach Ben Alder", id="cue-verb-not-said-subject-in-quote"),
    # -- cues other than "said" -------------------------------------------
    P("The fire destroyed 40 homes, according to the county fire department.",
      "destroyed 40 homes", "county fire department", "the county fire department", id="according-to"),
    P("Senator Ruth Alvarez criticized the new tax plan on Tuesday.",
      "the new tax plan", "Ruth Alvarez", "Senator Ruth Alvarez", id="stance-verb-noun-content"),
    P("Local farmers are worried about the new water rules.",
      "the new water rules", "Local farmers", "Local farmers", id="stance-adjective"),
    P("Mayor Dan Kerr's claim that the city was bankrupt drew sharp criticism.",
      "the city was bankrupt", "Dan Kerr", "Mayor Dan Kerr's", id="possessive-cue-noun"),
    P("Governor Ana Ruiz, in remarks to reporters on Friday, left the door open to new taxes.",
      "left the door open", "Ana Ruiz", "Governor Ana Ruiz", id="speech-event-in-remarks"),
    P("The suspect fled on foot, as police have said.",
      "The suspect fled on foot", "police", "police", id="parenthetical-as"),
    P("The plan was rejected by the teachers' union on Monday.",
      "The plan was rejected", "teachers' union", "the teachers' union", id="passive-agent"),
    P("The harbour was closed after the storm, though officials acknowledged the damage was light.",
      "the damage was light", "officials", "officials", id="subordinate-cue-owns-its-clause"),
    P("The harbour was closed after the storm, though officials acknowledged the damage was light.",
      "The harbour was closed", None, None, id="main-clause-stays-outlet"),
    P("The new stadium, Mayor Dan Kerr said, will open in the spring.",
      "will open in the spring", "Dan Kerr", "Mayor Dan Kerr", id="parenthetical-cue-mid-clause"),
    P("Much of the budget, she concedes, goes to pensions.",
      "goes to pensions", "she", "she", id="parenthetical-cue-no-say"),
    P("As Governor Ana Ruiz put it on Monday, the state cannot afford another delay.",
      "cannot afford another delay", "Ana Ruiz", "Governor Ana Ruiz", id="as-x-put-it"),
    P("The flaw in the voting machines was first reported by the Boston Globe.",
      "The flaw in the voting machines", "Boston Globe", "the Boston Globe", id="passive-report-agent"),
    P("Senator Ruth Alvarez opened her speech by saying the deficit was a moral failure.",
      "the deficit was a moral failure", "Ruth Alvarez", "Senator Ruth Alvarez", id="gerund-after-preposition"),
    P("The board censured Dr. Omar Hale for claiming that the vaccine was unsafe.",
      "the vaccine was unsafe", "Omar Hale", "Dr. Omar Hale", id="for-gerund-object-speaks"),
    P("Mayor Dan Kerr is hoping that the council will approve the budget.",
      "the council will approve", "Dan Kerr", "Mayor Dan Kerr", id="lemma-mended-ing"),
    P("Many farmers are convinced the new canal will drain their wells.",
      "the new canal will drain", "Many farmers", "Many farmers", id="stance-participle-passive"),
    P("The state constitution requires a balanced budget every year.",
      "a balanced budget every year", "state constitution", "The state constitution", id="normative-source"),
    P("A bill that would allow night flights was introduced on Monday.",
      "allow night flights", None, None, id="proposed-norm-is-outlet-voice"),
    P("Councilwoman Rosa Diaz has long been an outspoken critic of the toll road.",
      "the toll road", "Rosa Diaz", "Councilwoman Rosa Diaz", id="stance-agent-noun"),
    P("The tenants sent a letter to the landlord demanding repairs.",
      "demanding repairs", "tenants", "The tenants", id="sent-a-letter"),
    P("The debate turned tense when Senator Ruth Alvarez criticized the pension reform.",
      "the pension reform", "Ruth Alvarez", "Senator Ruth Alvarez", id="stance-in-adverbial-clause"),
    P("The debate turned tense when Senator Ruth Alvarez criticized the pension reform.",
      "The debate turned tense", None, None, id="stance-clause-leaves-main-clause"),
    P("The court heard from several towns that oppose the pipeline.",
      "the pipeline", "several towns", "that", id="stance-in-relative-clause"),
    # -- speakers across sentences -----------------------------------------
    P("Police Chief Omar Hale said two suspects were arrested. He added that more arrests were likely.",
      "more arrests were likely", "Omar Hale", "He", id="pronoun-he-added"),
    P("Governor Tom Reyes said the vote was fair. Health Minister Sara Klein visited the clinic. "
      "She said the outbreak was contained.",
      "the outbreak was contained", "Sara Klein", "She", id="pronoun-to-last-subject-named"),
    P("Barack Obama spoke first. Later, Michelle Obama took the stage. Obama said the museum told a shared story.",
      "the museum told a shared story", "Michelle Obama", "Obama", id="shared-surname-latest-full-name"),
    P("Secretary of State John Marsh said the talks would resume. "
      "In a statement, the top U.S. diplomat said the visit had been productive.",
      "the visit had been productive", "John Marsh", "the top U.S. diplomat", id="definite-description"),
    P("The Foreign Ministry issued a statement on Friday. The statement said the border was calm.",
      "the border was calm", "Foreign Ministry", "The statement", id="the-statement-to-its-issuer"),
    P("Baku said its forces had repelled an attack near the border.",
      "repelled an attack", "Azerbaijan", "Baku", id="capital-for-government"),
    P("The European Union said it was concerned by the clashes. The bloc said it would send monitors.",
      "send monitors", "European Union", "The bloc", id="the-bloc"),
    P("European Council President Charles Michel said the summit would go ahead.",
      "the summit would go ahead", "Charles Michel", "European Council President Charles Michel",
      id="title-stripped"),
    P("NAIROBI - Health Minister Amina Odhiambo said on Monday the clinics would reopen.",
      "the clinics would reopen", "Amina Odhiambo", "Health Minister Amina Odhiambo", id="dateline-not-speaker"),
    P("Mayor Dan Price spoke on Monday.  Price charges that the county hid the audit.",
      "the county hid the audit", "Dan Price", "Price", id="sentence-initial-name-read-as-noun"),
    # -- pronouns agree in gender and number with their antecedent ----------
    P("Health Minister Sara Klein met Governor Tom Reyes on Monday. He said the talks went well.",
      "the talks went well", "Tom Reyes", "He", id="pronoun-gender-first-name"),
    P("Tom Reyes spoke on Monday. His claim that the roads were fixed was false.",
      "the roads were fixed", "Tom Reyes", "His", id="possessive-pronoun-resolved"),
    P("Governor Tom Reyes met Health Minister Sara Klein on Monday. She said the talks went well.",
      "the talks went well", "Sara Klein", "She", id="pronoun-gender-object-antecedent"),
    P("Mrs. Okafor spoke first and Mr. Lindqvist spoke after her. She said the plan was sound.",
      "the plan was sound", "Okafor", "She", id="pronoun-gender-honorific"),
    P("Dr. Okafor, a spokeswoman for the clinic, spoke first. Mr. Lindqvist followed. She said the wait was long.",
      "the wait was long", "Okafor", "She", id="pronoun-gender-apposition-role"),
    P("Jennifer Okafor said the roads were closed. Labor experts said wages would fall. "
      "She said the schools would stay open.",
      "the schools would stay open", "Jennifer Okafor", "She", id="pronoun-number-plural-speaker-skipped"),
    P("Tom Reyes said the vote was fair. Then Sara Klein said it was rigged, and David Park agreed with her. "
      "He said the count should be repeated.",
      "the count should be repeated", "David Park", "He", id="pronoun-after-several-people"),
    # -- organisations, roles and documents named before or after ------------
    P("An airstrike on the market killed 12 people, the Syrian Observatory for Human Rights said.",
      "killed 12 people", "Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights",
      id="trailing-source-whole-name"),
    P("Shelling hit the town on Monday, the Britain-based Syrian Observatory for Human Rights said.",
      "Shelling hit the town", "Syrian Observatory for Human Rights",
      "the Britain-based Syrian Observatory for Human Rights", id="org-name-without-its-modifier"),
    P("The Syrian Observatory for Human Rights counts the dead. Shelling killed four people, the Observatory said.",
      "killed four people", "Syrian Observatory for Human Rights", "the Observatory", id="org-short-form"),
    P("The BBC aired the footage on Monday. The broadcaster said at least 12 people died.",
      "at least 12 people died", "BBC", "The broadcaster", id="org-description-to-named-org"),
    P("Acme Mills announced layoffs on Monday. The company said 300 jobs would go.",
      "300 jobs would go", "Acme Mills", "The company", id="the-company"),
    P("A report by Amnesty International found that 40 people were detained.",
      "40 people were detained", "Amnesty International", "A report", id="report-by"),
    P("According to a statement from the Interior Ministry, 40 people were detained.",
      "40 people were detained", "Interior Ministry", "a statement", id="according-to-statement-from"),
    P("Senator Ruth Alvarez voted against the bill. Tom Reyes voted for it. The senator said the bill was a mistake.",
      "the bill was a mistake", "Ruth Alvarez", "The senator", id="role-to-the-person-titled"),
    P("Sara Klein, the company's spokeswoman, declined to comment. Tom Reyes, a lawyer, said the deal was void. "
      "The spokeswoman later said the deal stood.",
      "the deal stood", "Sara Klein", "The spokeswoman", id="role-to-the-person-in-apposition"),
    P("The BBC aired footage of the strike on Monday. It said 12 people died.",
      "12 people died", "BBC", "It", id="it-to-organisation-named-not-speaking"),
    P("Mayor Tom Reyes said the town was calm. Later the BBC aired footage of the strike. It said 12 people died.",
      "12 people died", "BBC", "It", id="it-is-never-a-person"),
    P("The strike killed 10 people, the rights group Amnesty International said.",
      "killed 10 people", "Amnesty International", "the rights group Amnesty International",
      id="org-name-without-its-descriptor"),
    # -- coordinated speakers ------------------------------------------------
    P("Moscow said the convoy had been attacked, and the rebels said they had not fired a shot.",
      "the convoy had been attacked", "Russia", "Moscow", id="coordinated-first"),
    P("Moscow said the convoy had been attacked, and the rebels said they had not fired a shot.",
      "had not fired a shot", "rebels", "the rebels", id="coordinated-second"),
    P("Mr. Grassley and Mr. Leahy said the program needed reform.",
      "the program needed reform", "Grassley and Leahy", "Mr. Grassley and Mr. Leahy", id="two-speakers-one-cue"),
    # -- quotes over paragraphs, transcripts, signed quotes ------------------
    P('"The first thing we did was call the families.\n\n'
      '"Then we opened the school gym for them.\n\n'
      '"Nobody slept that night," said Carla Mendes, the principal.',
      "opened the school gym", "Carla Mendes", "Carla Mendes", id="quote-over-paragraphs"),
    P('Senator Joan Pike said the vote would be close. She added:\n\n"The bill is dead. Nobody will vote for it."',
      "Nobody will vote for it", "Joan Pike", "She", id="colon-cue-introduces-next-paragraph"),
    P('Mayor Dan Kerr stood on the steps of the town hall.\n\n"We will rebuild this town. Every street. Every house."',
      "Every house", "Dan Kerr", "Mayor Dan Kerr", id="uncued-quote-after-sentence-about-person"),
    P('Sara Klein lost the vote. She did not hide her anger.\n\n"It was a fraud. Every vote was bought."',
      "Every vote was bought", "Sara Klein", "She", id="uncued-quote-after-pronoun-subject"),
    P('The council met on Monday.\n\n"It was a fraud. Every vote was bought."',
      "Every vote was bought", None, None, id="uncued-quote-after-no-person-stays-unattributed"),
    P('Sara Klein put it bluntly: "They ignore us and they always have."',
      "They ignore us", "Sara Klein", "Sara Klein", id="colon-introduces-quote-of-subject"),
    P('The council put out a notice: "Roads close at noon."',
      "Roads close at noon", None, None, id="colon-quote-of-no-person-stays-unattributed"),
    P('"We will rebuild," Mayor Dan Kerr said.\n\nThe floods of last spring destroyed forty homes.\n\n'
      '"Every house will stand again."',
      "Every house will stand", "Dan Kerr", "Mayor Dan Kerr", id="uncued-quote-goes-on-last-quoted-person"),
    P('"We will rebuild," Mayor Dan Kerr said.\n\nGovernor Sara Klein toured the town on Friday with aides.\n\n'
      '"Every house will stand again."',
      "Every house will stand", "Sara Klein", "Governor Sara Klein", id="uncued-quote-after-another-person-named"),
    P('"We will rebuild," Mayor Dan Kerr said.\n\nThe governor, Ana Ruiz, visited the town on Friday.\n\n'
      '"Every house will stand again."',
      "Every house will stand", None, None, id="uncued-quote-not-carried-past-another-name"),
    P('"We will rebuild." Mayor Dan Kerr said that on Monday.',
      "We will rebuild", "Dan Kerr", "Mayor Dan Kerr", id="speaker-in-the-next-sentence"),
    P('"We will rebuild every street." Mayor Dan Kerr said the state would send aid to the town.',
      "rebuild every street", None, None, id="next-sentence-with-its-own-report-is-not-the-speaker"),
    P("WALLACE: Will you accept the result?\nPENCE: We will accept it.",
      "Will you accept the result", "Wallace", "WALLACE", id="transcript"),
    P("WALLACE: Let me ask you about the ad. The mayor said it was misleading.\nPENCE: We will accept it.",
      "it was misleading", "Wallace", "WALLACE", id="transcript-turn-owns-nested-report"),
    P('Senator Joan Pike spoke after the vote. She added:\n\n"The bill failed. As you pointed out, nobody read it."',
      "nobody read it", "Joan Pike", "She", id="introduced-paragraph-owns-you-report"),
    P("“We deserve schools that work.” ― Dana Whitfield",
      "schools that work", "Dana Whitfield", "Dana Whitfield", id="signed-quote"),
    P("“I’d rather live in what he calls “hell” than leave,” said Rosa Diaz.",
      "rather live in", "Rosa Diaz", "Rosa Diaz", id="quote-inside-quote"),
    P("Kerr: City Will Not Raise Taxes\nMayor Dan Kerr spoke to reporters on Monday.",
      "City Will Not Raise Taxes", "Dan Kerr", "Kerr", id="headline-label"),
    P("Sanders Vows To Cut Drug Prices\nSen. Bernie Sanders spoke in Iowa on Monday.",
      "To Cut Drug Prices", "Bernie Sanders", "Sanders", id="title-case-headline"),
    # -- the outlet's own voice ----------------------------------------------
    P("The river flooded three villages on Tuesday.", "flooded three villages", None, None, id="outlet-voice"),
    P("The conflict claimed more than 6,500 lives.", "more than 6,500 lives", None, None, id="event-is-no-speaker"),
    P("Update: The road reopened at noon.", "The road reopened", None, None, id="generic-label"),
    P("Last Update: Three people died in the fire.", "Three people died", None, None, id="page-word-label"),
    P("Kafr Halab: Shelling hit the market.\nResidents in Kafr Halab fled at dawn.",
      "Shelling hit the market", None, None, id="place-label-is-no-speaker"),
    # A quotation signed with a dash and a name, the next one on the same line.
    P("“He is ignorant of our culture and our lives.” ― Pamela Padilla “I am ashamed to be an American.” ― Carla Sanchez",
      "ignorant of our culture", "Pamela Padilla", "Pamela Padilla", id="signed-then-next-quote"),
    # The owner of a role is not its holder, whom the apposition names.
    P("Mr. Trump's running mate, Gov. Mike Pence of Indiana, said the plan would pass.",
      "the plan would pass", "Mike Pence", "Mr. Trump's running mate", id="role-owner-is-not-holder"),
    # A space run left by a line break read as a space is no part of a name.
    P("\u201cNo reasonable prosecutor would bring such a case,\u201d Comey  said.",
      "reasonable prosecutor", "Comey", "Comey", id="mention-without-spaces"),
    # A name and its role that the parser took for two subjects: the name speaks.
    P("Dujarric, the spokesperson for Secretary-General Guterres, said that the talks would resume.",
      "the talks would resume", "Dujarric", "Dujarric", id="apposed-subjects"),
    # A role before a name the tagger did not take for a person is no part of it.
    P("The State Department spokesperson Price said the talks would resume.",
      "the talks would resume", "Price", "The State Department spokesperson Price", id="role-before-name"),
    # A title parsed as the subject with the name in apposition: the name speaks.
    P('Senate Majority Leader Chuck Schumer on Tuesday rejected the plan, calling it "a road to nowhere."',
      "a road to nowhere", "Chuck Schumer", "Senate Majority Leader", id="title-apposed"),
    # A hyphened surname is one word of the name, not its last half.
    P("The White House press secretary, Karine Jean-Pierre, said the president would veto the bill.",
      "the president would veto", "Karine Jean-Pierre", "The White House press secretary", id="hyphened-surname"),
    # "According to" a role, the person named right after it between commas.
    P("According to the state comptroller, Thomas DiNapoli, the budget includes $229 billion in spending.",
      "the budget includes", "Thomas DiNapoli", "Thomas DiNapoli", id="according-to-name"),
    # A title the article hung on a name names that person when used alone.
    P('Assembly Speaker Carl Heastie praised the deal. The speaker added that the Assembly would "keep fighting."',
      "keep fighting", "Carl Heastie", "The speaker", id="document-role"),
    # A title's abbreviation ends no sentence, and names no one alone.
    P('"It is a mess," said Ald. Anthony Beale, who chairs the public safety committee.',
      "It is a mess", "Anthony Beale", "Ald", id="title-cut"),
    # Titles of city and state offices are no part of a name.
    P('Mayor Brandon Johnson and police Superintendent Larry Snelling clashed on Monday. '
      '"Something has to give," Snelling told aldermen.',
      "Something has to give", "Larry Snelling", "Snelling", id="superintendent"),
    # A surname stands for the full name the article gave it, for a
    # pronoun's agreement too: "Lopez" (Maria Lopez) is no "he".
    P('Tom Reyes opened the hearing on Monday. Maria Lopez, the city\'s budget director, spoke next. '
      'Lopez defended the plan at length. He said the costs were "far too high."',
      "far too high", "Tom Reyes", "He", id="surname-agrees-as-full-name"),
    # A subject inside quoted words is the quoted speaker's topic: no
    # antecedent for a "he" outside them.
    P('Tom Reyes spoke at the rally on Monday. He told the crowd: "Frank Ortiz lied to all of you." '
      'He said the city deserved "a real audit."',
      "a real audit", "Tom Reyes", "He", id="quoted-subject"),
    # A given name the census gives to women: "he" is not Heidi Alvarez.
    P('Tom Alvarez and Heidi Alvarez arrived in Houston on Monday. Heidi Alvarez greeted supporters at the door. '
      'He said the campaign was "far from over."',
      "far from over", "Tom Alvarez", "He", id="census-given-names"),
    # A description fits the person the article described so: a party, a
    # state, in the words on the name or in its "(R-Utah)" label.
    P('Republican Senator Tom Reyes and Democratic Senator Maria Lopez debated the bill on Monday. '
      'Lopez said the bill was "dead on arrival." The Republican senator said it would "pass easily."',
      "pass easily", "Tom Reyes", "The Republican senator", id="description-fits-party"),
    P('Republican Senator Tom Reyes and Democratic Senator Maria Lopez debated the bill on Monday. '
      'Lopez said the bill was "dead on arrival." The GOP senator said it would "pass easily."',
      "pass easily", "Tom Reyes", "The GOP senator", id="description-fits-gop"),
    P('Republican Tom Reyes and Democrat Maria Lopez debated the bill on Monday. '
      'Lopez said the bill was "dead on arrival." The Republican said it would "pass easily."',
      "pass easily", "Tom Reyes", "The Republican", id="description-fits-party-noun"),
    P('Sen. Tom Reyes (R-Utah) and Sen. Maria Lopez (D-Md.) debated the bill on Monday. '
      'Lopez said the bill was "dead on arrival." The Utah senator said it would "pass easily."',
      "pass easily", "Tom Reyes", "The Utah senator", id="description-fits-state-label"),
    # Each of two people who share a surname has their own description.
    P('Republican nominee Donald Trump spoke in Ohio. His daughter Ivanka Trump introduced the plan on Tuesday. '
      'The GOP nominee said it would "help every family."',
      "help every family", "Donald Trump", "The GOP nominee", id="description-fits-full-name"),
    # A short form names the organisation whose name holds its words in order.
    P('Leonard Burman directs the Urban-Brookings Tax Policy Center. The Center for Federal Tax Policy at the '
      'Tax Foundation put the cost at $498 billion. The Tax Policy Center said the cost would be "close to $1 trillion."',
      "close to", "Tax Policy Center", "The Tax Policy Center", id="ordered-short-form"),
    # A possessive the tagger ran into an organisation's name is no part of it.
    P("Alan Cole, an economist at the Tax Foundation's policy center, spoke on Monday. "
      'The Tax Foundation said the plan would cost "$374 billion."',
      "would cost", "Tax Foundation", "The Tax Foundation", id="organisation-possessive"),
    # "The union", "the alliance": the organisation named before.
    P('The Association of Flight Attendants endorsed Hillary Clinton on Monday. The union said she was "a champion" of workers.',
      "a champion", "Association of Flight Attendants", "The union", id="union-is-an-organisation"),
    # "McConnell aides" are the people of a person, not the person.
    P('Mitch McConnell spoke on Monday. McConnell aides acknowledged "a collaborative relationship" with the administration.',
      "a collaborative", "McConnell aides", "McConnell aides", id="people-of-a-name"),
    # A name the tagger left untagged, the subject of a verb, is the
    # antecedent of "she" when no person is named: not "she" for a speaker.
    P('Pelosi spoke after the vote.\n\n"This is a sad day for America," she said. "The president has failed the country."',
      "has failed the country", "Pelosi", "she", id="untagged-name-subject"),
    # A sentence that opens with a known surname the parser read as a noun
    # phrase ("Trump called" as "the Trump who was called") is reparsed.
    P('Trump and Pelosi traded barbs on Monday. Trump called Pelosi "a disaster."',
      "a disaster", "Trump", "Trump", id="name-as-noun-phrase"),
    # "The campaign" is a candidate's, not the organisation named last.
    P('The FBI closed its inquiry into Ruth Alvarez on Monday. The campaign said the decision was "long overdue."',
      "long overdue", "campaign", "The campaign", id="campaign-not-last-organisation"),
    # A post embedded from Twitter, signed with its handle and its date.
    P('The president posted again on Friday.\n\n"The economy is booming. Jobs are up." — Donald Trump (@realDonaldTrump) March 1, 2019',
      "Jobs are up", "Donald Trump", "Donald Trump", id="embedded-post"),
    # The person named as an owner is not the speaker: the strategist, the
    # campaign, the wife speak.
    P('Barack Obama spoke in Ohio. Obama\'s former campaign strategist said the remark was "outrageous."',
      "outrageous", "Obama's former campaign strategist", "Obama's former campaign strategist", id="owner-is-not-speaker"),
    P('Donald Trump held a rally on Monday. The Trump campaign said the crowd was "the biggest ever."',
      "the biggest ever", "Trump campaign", "The Trump campaign", id="campaign-of-a-name"),
    P("Keith Scott was shot on Tuesday. Scott's wife said he had been reading in his car.",
      "reading in his car", "Scott's wife", "Scott's wife", id="wife-of-a-name"),
    # A section's title run in before its text names no speaker; a headline
    # label names one the article names again.
    P('The United Nations was founded in 1945.\n\nVeto Power Impedes Peace Efforts: Eliminating "the scourge of war" '
      'is one of the original goals of the United Nations.',
      "Eliminating", None, None, id="run-in-heading"),
    P('Caddell: Democratic voters are worried\n\nPat Caddell, a pollster, said on Monday that Democratic voters '
      'were worried about the race.',
      "Democratic voters are worried", "Pat Caddell", "Caddell", id="headline-label"),
    # "Characterized X as ..." reports a view like "called X ...".
    P('Ruth Alvarez spoke on Monday. She characterized the plan as "a disaster for the state."',
      "a disaster", "Ruth Alvarez", "She", id="characterize"),
    # A name parsed as the sentence's root, its verb hung on it as a
    # participle: the name is the verb's subject.
    P('Aaron Kall, the director of debate at the University of Michigan, compared Trump to a coach who is '
      '"working the referees."',
      "working the referees", "Aaron Kall", "Aaron Kall", id="name-root-verb"),
    # A role with no one heard yet: the person last named as a subject.
    P('Doug Ford toured a car plant in Oshawa on Monday. The premier said the plant would "stay open."',
      "stay open", "Doug Ford", "The premier", id="role-of-subject"),
    # "Drew criticism for saying": the subject said it, not the criticism;
    # "held Pagliano in contempt for refusing": the object, a person, did.
    P('Mehmet Oz appeared at a Senate hearing. He drew criticism for saying that the extract was "a magic cure."',
      "a magic cure", "Mehmet Oz", "He", id="object-that-cannot-speak"),
    # A question or an exclamation closed inside quotation marks, then a
    # short tag: the parser splits them, the tag still names the speaker.
    P('Jane Smith and Marcia Price spoke at the rally.\n\n"Is this the best we can do?" Price asked on Monday.',
      "the best we can do", "Marcia Price", "Price", id="speech-tag-after-question"),
    P('Jane Smith and Marcia Price spoke at the rally.\n\n"We won!" Price told reporters.',
      "We won", "Marcia Price", "Price", id="speech-tag-after-exclamation"),
    # The kind of body written before its name is no part of the name.
    P("Shelling killed three civilians in Idlib on Monday, state news agency SANA reported.",
      "Shelling killed", "SANA", "state news agency SANA", id="kind-before-name"),
    P("Broadcaster Al Jazeera said 12 people died in the strike.",
      "12 people died", "Al Jazeera", "Broadcaster Al Jazeera", id="kind-opening-the-sentence"),
    # A surname the tagger took for an organisation, spoken of with "his" or
    # "who", is a person, and the antecedent of the "he" after it.
    P('"We need a deal," Rep. Steny Hoyer told CNN on Monday.\n\nTrump, for his part, tweeted that Democrats '
      'were "playing politics."\n\n"They only care about winning," he wrote.',
      "winning", "Trump", "he", id="name-with-his"),
    P('"We need a deal," Rep. Steny Hoyer told CNN on Monday.\n\nSanders, who spoke at a rally in Iowa, '
      'called the plan a mistake.\n\n"We will not accept it," he said.',
      "We will not accept it", "Sanders", "he", id="name-with-who"),
    # "Called X "Y"": the quoted name given to the object is the speaker's
    # words, however the parser hangs it.
    P('Bernie Sanders called the plan "a disgrace."', "a disgrace", "Bernie Sanders", "Bernie Sanders",
      id="called-quoted"),
    # -- known failures --------------------------------------------------------
    P("Officials dismissed Mayor Dan Kerr's claim that the city was bankrupt.",
      "the city was bankrupt", "Dan Kerr", "Mayor Dan Kerr's", id="nested-attribution",
      marks=pytest.mark.xfail(reason="nested attribution: the outer report (Officials) owns the sentence", strict=True)),
]


@pytest.mark.parametrize("text, anchor, speaker, mention", CASES)
def test_attribution(parse, text: str, anchor: str, speaker: str | None, mention: str | None) -> None:
    claim = claim_at(parse, text, anchor)
    assert (claim.speaker, claim.mention) == (speaker, mention)


def test_quote_kind(parse) -> None:
    text = 'The minister said the talks were "productive but difficult" and would go on.'
    assert claim_at(parse, text, "productive").kind == "mixed"
    text = '"We will not back down," Jane Ortiz said.'
    assert claim_at(parse, text, "back down").kind == "direct"
    assert claim_at(parse, "Jane Ortiz said the talks failed.", "talks failed").kind == "indirect"


def test_offsets_point_into_the_text(parse) -> None:
    text = "Police Chief Omar Hale said two suspects were arrested.\n\nHe added that more arrests were likely."
    for part in attributions(text, parse(text)):
        assert 0 <= part.start < part.end <= len(text)
        if part.mention is not None and part.mention_start is not None:
            assert text[part.mention_start : part.mention_end] == part.mention


def test_unbalanced_quote_keeps_the_article(parse) -> None:
    text = 'The mayor said "the budget is fine.\n\nThe council met again on Monday.'
    parts = attributions(text, parse(text))
    assert any(text[p.start : p.end].startswith("The council met") and p.speaker is None for p in parts)


def test_empty_text() -> None:
    assert attributions("", []) == []


def test_sentence_cut_on_a_word_is_rejoined(parse) -> None:
    """The parser sometimes ends a sentence on a word ("... mentioned harsh
    remarks | Kerr had made ..."): a piece with no closing punctuation is
    glued to the next one, so the cue keeps its content."""
    from verify.nlp import Block, load_nlp

    nlp = load_nlp()
    text = "Governor Ana Ruiz mentioned harsh remarks Kerr had made about farmers."
    doc = nlp.make_doc(text)
    cut = next(t.i for t in doc if t.text == "Kerr")
    for tok in doc:
        tok.is_sent_start = tok.i in (0, cut)
    for name, proc in nlp.pipeline:
        if name != "parser":
            doc = proc(doc)
    assert len(list(doc.sents)) == 2
    parts = attributions(text, [Block(0, len(text), doc)])
    assert [(p.start, p.end) for p in parts] == [(0, len(text))]


def test_a_name_in_a_quotation_does_not_rename_a_person(parse) -> None:
    """QUOTED_EPITHET: "Crooked Ruth Alvarez" in a rival's quoted words is not
    Ruth Alvarez's full name when the article names her itself."""
    from spacy.tokens import Span

    from verify.extract.context import Context, learn_names
    from verify.extract.quotes import quoted_mask, quotes

    text = 'Ruth Alvarez spoke on Monday. Her rival wrote: "Crooked Ruth Alvarez will never win."'
    blocks = parse(text)
    doc = blocks[0].doc
    words = [t.text for t in doc]
    start = words.index("Crooked")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, start, start + 3, "PERSON")]
    ctx = Context()
    learn_names(blocks, ctx, quoted_mask(text, quotes(text)))
    assert ctx.persons["alvarez"] == "Ruth Alvarez"
    alone = Context()
    learn_names(blocks, alone)  # the quotation unknown: the longest form wins
    assert alone.persons["alvarez"] == "Crooked Ruth Alvarez"


def test_a_possessive_is_no_part_of_a_name(parse) -> None:
    """A PERSON entity the tagger ran over "'s" names the person without it."""
    from spacy.tokens import Span

    from verify.extract.context import person_name

    doc = parse("Donald Trump’s plan was announced.")[0].doc
    end = [t.text for t in doc].index("plan")
    assert person_name(Span(doc, 0, end, "PERSON").text) == "Donald Trump"


def test_a_named_person_is_one_whatever_the_tag(parse) -> None:
    """NAMED_PERSON_SINGULAR: a person the article names stays a "she" even
    where the tagger read the name as a plural noun; "the experts" do not."""
    from verify.extract.context import Context

    doc = parse("The Clintons said so, and the experts agreed.")[0].doc
    clintons = next(t for t in doc if t.text == "Clintons")
    experts = next(t for t in doc if t.text == "experts")
    assert clintons.tag_ == "NNPS" and experts.tag_ == "NNS"
    ctx = Context(persons={"clinton": "Hillary Clinton"})
    ctx.heard("Hillary Clinton", "person", clintons, 0, "Clintons", doc)
    ctx.heard("experts", "person", experts, 30, "the experts", doc)
    assert ctx.plural == {"experts"}


def test_given_names_of_one_sex() -> None:
    """CENSUS_GIVEN_NAMES: a first name the 1990 US Census gives (almost)
    only to one sex tells that person's gender; one given to both does not."""
    from verify.extract.gender import gender_of

    assert gender_of("Heidi Cruz", {}) == "f"
    assert gender_of("Rakeyia Scott", {}) is None  # not in the census
    assert gender_of("Ted Cruz", {}) == "m"
    assert gender_of("Jordan Cruz", {}) is None  # given to both
    assert gender_of("Cruz", {}) is None  # a surname alone tells nothing


_LEAD = "Cookout draws crowd.\n\nRep. Robert Scott threw open his back yard for a cookout on Monday, and hundreds came.\n\n"
_TAGGED_BY = [  # how the speaker is written after the quotation
    "Marcia Price",
    "Scott's niece, Marcia Price,",  # SPEECH_TAG_AFTER_QUESTION: a subject with its apposition
    "his niece, state Del. Marcia Price,",
    "Marcia Price, Scott's niece,",
    'Del. Marcia "Cia" Price (D-Newport News)',  # NICKNAME_QUOTED
]


@pytest.mark.parametrize("who", _TAGGED_BY)
@pytest.mark.parametrize("quote", ['"This is our year{p}"', '"Why would we lose this year{p}"'])
@pytest.mark.parametrize("end", [",", "?", "!"])
@pytest.mark.parametrize("verb", ["said", "shouted", "told the crowd", "said on Monday"])  # MANNER_OF_SPEAKING
def test_a_quotation_whose_speaker_follows_it_is_the_speakers(parse, who: str, quote: str, end: str, verb: str) -> None:
    """A quotation closed by a comma, "?" or "!", its speaker after it,
    however the speaker is written, is that speaker's, not the last person
    named before it: SPEECH_TAG_AFTER_QUESTION (a tag whose subject is long,
    "Scott's niece, Marcia Price, said on Monday"), MANNER_OF_SPEAKING
    ("shouted"), NICKNAME_QUOTED ('Marcia "Cia" Price' is one name, not a quotation)."""
    words = quote.format(p=end)
    got = claim_at(parse, _LEAD + f"{words} {who} {verb}.\n", words.strip('"'))
    assert got.speaker == "Marcia Price", (got.speaker, got.mention)


def test_a_nickname_in_quotation_marks_is_no_quotation() -> None:
    """NICKNAME_QUOTED: 'Robert C. "Bobby" Scott', 'Josue “Joshua” Guzman'
    hold no quoted words; a quoted word elsewhere still is one."""
    from verify.extract.quotes import quotes

    text = 'Rep. Robert C. "Bobby" Scott and Josue “Joshua” Guzman said "Yes" to the plan. He said “No” Tuesday.'
    assert [q.text(text) for q in quotes(text)] == ["Yes", "No"]


@pytest.mark.parametrize(("title", "description"), [
    ("Rep.", "congresswoman"), ("Rep.", "lawmaker"), ("Sen.", "lawmaker"), ("Del.", "delegate"),
    ("Del.", "legislator"), ("Det.", "detective"), ("Supt.", "superintendent"), ("Sgt.", "sergeant"),
])
def test_a_description_is_the_person_whose_title_says_it(parse, title: str, description: str) -> None:
    """ROLE_SYNONYMS: "the congresswoman" and "the lawmaker" after "Rep. Ann
    Lee", "the delegate" after "Del. Ann Lee": the title's holder, though
    another person was named in between."""
    text = (f"Budget vote delayed.\n\n{title} Ann Lee spoke on Monday after Mark Hill, who chairs the panel.\n\n"
            f"The {description} said the vote would be delayed until March.\n")
    assert claim_at(parse, text, "the vote would be delayed").speaker == "Ann Lee"


@pytest.mark.parametrize("name", ["Mayor Dan Kerr", "Ann Lee", "Gov. Maria Ortiz"])
@pytest.mark.parametrize("noun", ["the message from", "the word from", "the warning from", "the verdict of"])
def test_a_quotation_is_the_persons_whose_message_the_next_sentence_says_it_was(parse, name: str, noun: str) -> None:
    """MESSAGE_FROM: '"We will rebuild." / That was the message from Mayor
    Dan Kerr on Monday.': the quotation is the person's named after it."""
    text = (f"City vows to rebuild.\n\nStorms tore through the city on Sunday.\n\n"
            f'"We will rebuild every home. Nobody will be left behind."\n\nThat was {noun} {name} on Monday.\n')
    got = claim_at(parse, text, "Nobody will be left behind")
    assert got.speaker == name.split(". ")[-1].removeprefix("Mayor "), (got.speaker, got.mention)


@pytest.mark.parametrize(("named", "other"), [("Ana Lopez", "Robert Scott"), ("Grace Kim", "David Kerr"),
                                              ("Omar Haddad", "Marcia Price")])
def test_a_given_name_untagged_names_a_person(parse, named: str, other: str) -> None:
    """GIVEN_NAME_FIRST: "Ana Lopez took the stage" names a person though the
    tagger gave the words no entity; the quotation after it is hers."""
    text = (f"Party rallies.\n\nHundreds gathered on Monday.\n\n{named} took the stage after {other}.\n\n"
            '"Nobody can stop us. We have the votes."\n')
    assert claim_at(parse, text, "Nobody can stop us").speaker == named


@pytest.mark.parametrize(("named", "other"), [("Ana Lopez", "Marcia Price"), ("Grace Kim", "Robert Scott")])
def test_a_surname_later_is_the_untagged_given_named_person(parse, named: str, other: str) -> None:
    """GIVEN_NAME_FIRST, learnt as a name: "Lopez said" and "Ms. Lopez said"
    after "Ana Lopez and Marcia Price spoke" are Ana Lopez."""
    surname = named.split()[-1]
    text = (f"Party rallies.\n\nHundreds gathered on Monday.\n\n{named} and {other} spoke on Monday.\n\n"
            f"{surname} said nobody could stop the party.\n\n\"We have the votes,\" Ms. {surname} said.\n")
    assert claim_at(parse, text, "nobody could stop").speaker == named
    assert claim_at(parse, text, "We have the votes").speaker == named


def test_every_generated_pattern_gives_the_speaker_wanted(parse) -> None:
    """benchmarks/attribution_patterns.py: every filling of every pattern
    (speaker after a quotation closed by ",", "?" or "!", a long subject, a
    nickname in quotation marks such as 'Sen. Ana "Cia" Lopez' (NICKNAME_QUOTED,
    whose name is learnt whatever the tagger cut), a description by title,
    "That was the message from", a pronoun after two people, a quotation over
    paragraphs, a surname or courtesy title later) gives the person wanted."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "attribution_patterns.py"
    spec = importlib.util.spec_from_file_location("attribution_patterns", path)
    assert spec is not None and spec.loader is not None
    patterns = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(patterns)
    wrong = []
    for name, text, anchor, wanted in patterns.cases():
        got = claim_at(parse, text, anchor).speaker
        if got != wanted:
            wrong.append((name, wanted, got, text[len(patterns.LEAD):]))
    assert not wrong, wrong[:5]


def test_a_nickname_opening_a_paragraph_is_no_quotation() -> None:
    """NICKNAME_QUOTED wherever the name stands: at a paragraph's start too
    ('...said.\\n\\nAntonio “Cheeto” Clark, 25, ...')."""
    from verify.extract.quotes import quotes

    text = 'Two men were charged, officials said.\n\nAntonio “Cheeto” Clark, 25, and Fayzon "Suki" Reboyras, 22, face charges.'
    assert quotes(text) == []
