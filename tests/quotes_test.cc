// Quote attribution: sentences from the articles in ../shared/articles and
// edge cases of quote marks. Each case asserts what a reader would notice.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "lede/lede.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "text/document.h"

namespace lede {
namespace {

std::string SpeakerName(const Analysis& a, const Quote& q) {
  if (!q.has_speaker) return "";
  if (q.speaker.entity >= 0) return a.entities[q.speaker.entity].name;
  return std::string(a.Text(q.speaker.name));
}
std::string SpeakerText(const Analysis& a, const Quote& q) {
  return q.has_speaker && q.speaker.has_span ? std::string(a.Text(q.speaker.span)) : "";
}
// The shortest quote whose text contains `needle` (a partial quote rather
// than the reported clause around it), or nullptr.
const Quote* Find(const Analysis& a, const std::string& needle) {
  const Quote* best = nullptr;
  for (const Quote& q : a.quotes) {
    if (a.Text(q.span).find(needle) == std::string_view::npos) continue;
    if (best == nullptr || q.span.end - q.span.start < best->span.end - best->span.start) best = &q;
  }
  return best;
}

struct Case {
  const char* name;
  const char* text;
  const char* quote;  // a piece of the quote's text
  Quote::Kind kind;
  const char* speaker_text;  // a piece of the speaker mention as written; "" = no speaker
  const char* speaker_name;  // a piece of who it resolves to; "" = not checked
  bool anonymous;
  const char* cue_lemma;  // "" = not checked
};

const Case kCases[] = {
    {"isw_tweet",
     "\xE2\x80\x9CUkraine has turned the tide in its favour, but the current counter-offensive "
     "will not end the war,\xE2\x80\x9D US think tank Institute for the Study of War tweeted.",
     "turned the tide", Quote::Kind::kDirect, "Institute for the Study of War", "", false, "tweet"},
    {"he_said_is_austin",
     "US Defense Secretary Lloyd Austin announced this week a meeting of senior national "
     "armaments directors from allied countries.\n\n\xE2\x80\x9CThey will discuss how our defense "
     "industrial bases can best equip Ukraine\xE2\x80\x99s future forces,\xE2\x80\x9D he said at a "
     "meeting at Ramstein Air Force Base in Germany.",
     "They will discuss", Quote::Kind::kDirect, "he", "Austin", false, "say"},
    {"laplante_told_reporters",
     "The goal is to determine \xE2\x80\x9Chow we can continue to work together to ramp up "
     "production of key capabilities,\xE2\x80\x9D LaPlante told reporters at the Pentagon.",
     "how we can continue", Quote::Kind::kPartial, "LaPlante", "LaPlante", false, "tell"},
    {"one_of_the_officials_partial",
     "But it was likely only \xE2\x80\x9C"
     "a matter of time\xE2\x80\x9D before the collapse, given "
     "Russia\xE2\x80\x99s long-standing struggles to organize its forces, said one of the "
     "officials.",
     "a matter of time", Quote::Kind::kPartial, "one of the officials", "", true, "say"},
    // The quoted word is the ministry's own term and the sentence names it as
    // the source ("billed by ... as"): a reader would say the ministry called
    // it that, so it is a partial quote with a speaker, not a scare quote.
    {"regrouping_billed_by_ministry",
     "In their hasty retreat, billed by the Russian Defense Ministry as "
     "\xE2\x80\x9Cregrouping,\xE2\x80\x9D the Russians abandoned tanks.",
     "regrouping", Quote::Kind::kPartial, "Defense Ministry", "", false, "bill"},
    {"land_bridge_scare",
     "Russia still occupies large areas, including Putin\xE2\x80\x99s coveted \xE2\x80\x9Cland "
     "bridge\xE2\x80\x9D to Crimea, which Russia illegally annexed in 2014.",
     "land bridge", Quote::Kind::kScare, "", "", false, ""},
    {"landsbergis_wrote",
     "Lithuanian Foreign Minister Gabrielius Landsbergis wrote on Sunday that \xE2\x80\x9C"
     "all "
     "stocks of Western advanced weaponry,\xE2\x80\x9D including long-range missiles, "
     "\xE2\x80\x9Cmust be made available to Ukraine.\xE2\x80\x9D",
     "must be made available", Quote::Kind::kPartial, "Landsbergis", "Landsbergis", false, "write"},
    {"ukraine_said_indirect",
     "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
     "the southern Kherson region.",
     "its forces recaptured 500", Quote::Kind::kIndirect, "Ukraine", "", false, "say"},
    {"according_to_spokesperson",
     "The bridge was destroyed overnight, according to a spokesperson for the ministry.",
     "The bridge was destroyed", Quote::Kind::kIndirect, "a spokesperson for the ministry", "",
     true, "according to"},
    {"zaluzhny_appositive",
     "On Sunday, Ukraine\xE2\x80\x99s top commander, General Valery Zaluzhny, said his forces had "
     "retaken more than 3,000 square kilometers.",
     "his forces had retaken", Quote::Kind::kIndirect, "Zaluzhny", "Zaluzhny", false, "say"},
    {"said_one_anonymous",
     "\xE2\x80\x9CWe feel fantastic,\xE2\x80\x9D said one, apologizing for not getting to talk "
     "as he hurried to jump into a friend\xE2\x80\x99s car.",
     "We feel fantastic", Quote::Kind::kDirect, "one", "", true, "say"},
    {"stavridis_said_after",
     "\xE2\x80\x9CThe West should be very clear now,\xE2\x80\x9D said Jim Stavridis, a retired US "
     "admiral and former top NATO allied commander.",
     "The West should", Quote::Kind::kDirect, "Jim Stavridis", "Stavridis", false, "say"},
    {"denied_stance", "The ministry denied that its troops had retreated from the city.",
     "its troops had", Quote::Kind::kIndirect, "The ministry", "", false, "deny"},
    {"dash_attribution",
     "\xE2\x80\x9CWe will hold the line whatever happens.\xE2\x80\x9D \xE2\x80\x93 Jim Stavridis",
     "hold the line", Quote::Kind::kDirect, "Jim Stavridis", "", false, ""},
    {"quoted_as_saying", "Peskov was quoted as saying that the talks had stalled for good.",
     "the talks had stalled", Quote::Kind::kIndirect, "Peskov", "", false, "say"},
    {"said_in_a_statement", "The Pentagon said in a statement that the shipments would continue.",
     "the shipments would continue", Quote::Kind::kIndirect, "Pentagon", "", false, "say"},
    {"straight_marks_apostrophe_inside",
     "\"It's going to be a continuation of the more global dynamic,\" Gerstein said.",
     "It's going to be", Quote::Kind::kDirect, "Gerstein", "", false, "say"},
    {"put_it_colon",
     "Or, as Tom Ridge, a former secretary of homeland security, put it: \xE2\x80\x9CThe "
     "barbarians are no longer at the gate.\xE2\x80\x9D",
     "The barbarians", Quote::Kind::kDirect, "Tom Ridge", "", false, "put"},
    // "points" is no cue verb by itself: the particle pattern makes it one.
    {"points_to_particle",
     "The governor points to the fact that the budget grew by a third last year.",
     "the budget grew", Quote::Kind::kIndirect, "The governor", "", false, "point to"},
    {"unlisted_verb_after_quote",
     "\xE2\x80\x9CThis is fantastic!\xE2\x80\x9D beamed Donald Hartley of Madison, Alabama.",
     "This is fantastic", Quote::Kind::kDirect, "Donald Hartley", "", false, ""},
    {"colon_lead_in",
     "Kuleba said:\n\n\xE2\x80\x9CI asked for weapons, sanctions and financial "
     "aid.\xE2\x80\x9D",
     "I asked for weapons", Quote::Kind::kDirect, "Kuleba", "", false, "say"},
    // Web text mixes typography: a curly opening mark closed by a straight one.
    {"curly_open_straight_close",
     "\xE2\x80\x9CIf she does the right thing, I am absolutely confident that my voters will "
     "vote for her,\" Sanders said.",
     "absolutely confident", Quote::Kind::kDirect, "Sanders", "", false, "say"},
    // A clause ending in a colon names the speaker without a reporting verb.
    {"colon_clause_without_cue",
     "Asked whether he should take the blame for the flap, Mr. Smith shot back: ''That would "
     "be good.''",
     "That would be good", Quote::Kind::kDirect, "Smith", "", false, ""},
    {"colon_clause_opens_with_and",
     "And Mr. Christie gloated: ''I told you he wouldn't be ready.''", "I told you",
     Quote::Kind::kDirect, "Christie", "", false, ""},
    // "before saying", "upon saying": the clause's subject speaks.
    {"before_saying",
     "On Tuesday, Mr. McConnell deflected questions about the nominee before saying, ''It's time "
     "to get on message.''",
     "time to get on message", Quote::Kind::kDirect, "McConnell", "", false, "say"},
    {"subordinate_clause_then_and_said",
     "When asked whom she supported, Ms. Sherry smiled and said, ''I'm waiting for Michael "
     "Bloomberg to get in the race.''",
     "I'm waiting", Quote::Kind::kDirect, "Sherry", "", false, "say"},
    // A short phrase between the verb and the comma before the quote.
    {"told_audience_of_monday",
     "Limbaugh told his radio audience of Monday, \xE2\x80\x9CWhat has happened basically is "
     "this.\xE2\x80\x9D",
     "What has happened", Quote::Kind::kDirect, "Limbaugh", "", false, "tell"},
    {"gerund_before_quote",
     "The ad uses footage of Hillary Clinton asking, \xE2\x80\x9CWhy aren\xE2\x80\x99t I 50 "
     "points ahead?\xE2\x80\x9D",
     "points ahead", Quote::Kind::kDirect, "Hillary Clinton", "", false, "ask"},
    // “Q!” S said as ...: an adverbial clause after the verb of a new sentence.
    {"said_as_after_exclamation",
     "\xE2\x80\x9CThe great state of Alabama is proud to cast its votes!\xE2\x80\x9D Senator "
     "Jeff Sessions said as he launched the process.",
     "great state of Alabama", Quote::Kind::kDirect, "Jeff Sessions", "", false, "say"},
    {"relative_clause_appositive",
     "\xE2\x80\x9CThe answer you want is yes,\xE2\x80\x9D Cruz, who has proposed repealing "
     "the mandate, said at the time.",
     "The answer you want", Quote::Kind::kDirect, "Cruz", "", false, "say"},
    // A name opening its clause, then a long appositive or a participle.
    {"long_appositive_after_adverbial",
     "Just last week, J.J. Goldberg, editor at large of The Forward, an influential New "
     "York-based newspaper, wrote, ''When we think of defeating ISIS, we should think of the "
     "world war.''",
     "defeating ISIS", Quote::Kind::kDirect, "Goldberg", "", false, "write"},
    {"participle_appositive",
     "The issue had come up Friday after Mr. Trump, asked about the deaths of journalists, had "
     "said, ''I think our country does plenty of killing also.''",
     "plenty of killing", Quote::Kind::kDirect, "Trump", "", false, "say"},
    {"name_with_party_before_comma",
     "After winning Ohio in the primary, Gov. John Kasich (R-OH), said, \xE2\x80\x9CI\xE2\x80"
     "\x99m getting ready to rent a covered wagon.\xE2\x80\x9D",
     "covered wagon", Quote::Kind::kDirect, "Kasich", "", false, "say"},
    // From ../shared/articles: a that-clause opening with a phrase, and a
    // coordinated subject.
    {"said_that_in_the_previous_hours",
     "The Ukrainian military said on Monday that in the previous 24 hours it had advanced into "
     "an additional 20 Russian-held towns and villages.",
     "it had advanced", Quote::Kind::kIndirect, "The Ukrainian military", "", false, "say"},
    {"coordinated_subject",
     "Despite the setback, the Kremlin and its proxies insisted the war would continue until "
     "President Vladimir Putin\xE2\x80\x99s goals were met.",
     "the war would continue", Quote::Kind::kIndirect, "the Kremlin and its proxies", "Kremlin",
     false, "insist"},
    // A relative clause and a participle phrase between an unnamed source and
    // its verb (the shape of anonymous sourcing in news).
    {"source_with_relative_clause_and_participle",
     "One of the engineers who reviewed the design, speaking on condition of anonymity because "
     "the report is not yet public, said the barrier would cope with a flood.",
     "the barrier would cope", Quote::Kind::kIndirect, "One of the engineers", "", true,
     "say"},  // Lead-ins that end in a comma: after a reporting verb and a parenthetical
    // adverb, after a verb that is no reporting verb, after "adding" that
    // follows a partial quote's closing mark.
    {"acknowledged_however_comma",
     "Emanuel acknowledged, however, \xE2\x80\x9C"
     "As they say in the stock brochures, past performance is no indication of future "
     "performance.\xE2\x80\x9D",
     "past performance", Quote::Kind::kDirect, "Emanuel", "", false, "acknowledge"},
    {"cracked_comma_lead_in",
     "During their first debate, Hillary Clinton cracked, \xE2\x80\x9CI\xE2\x80\x99m a "
     "progressive, but I\xE2\x80\x99m a progressive who likes to get things done.\xE2\x80\x9D",
     "who likes to get things done", Quote::Kind::kDirect, "Hillary Clinton", "", false, ""},
    {"adding_after_partial_quote",
     "Trump told Newsmax that Mitt Romney \xE2\x80\x9Chad a crazy policy of self-deportation which "
     "was maniacal,\xE2\x80\x9D adding, \xE2\x80\x9CHe lost all of the Latino vote.\xE2\x80\x9D",
     "He lost all", Quote::Kind::kDirect, "Trump", "", false, "add"},
    {"yet_another_said",
     "Yet another said, \xE2\x80\x9CRubio is in a five-person battle with Bush, Christie, Kasich "
     "and Cruz.\xE2\x80\x9D",
     "five-person battle", Quote::Kind::kDirect, "another", "", true, "say"},
    // A statement in lower case after its lead-in is direct when the speaker
    // opens the sentence, partial when the statement began before the speaker.
    {"lower_case_statement_after_lead_in",
     "He added, \xE2\x80\x9C"
     "actually, what I don\xE2\x80\x99t understand is why the one guy doing well with me in Iowa "
     "is Ted Cruz.\xE2\x80\x9D",
     "what I don", Quote::Kind::kDirect, "He", "", false, "add"},
    {"lower_case_rest_of_sentence_is_partial",
     "In other words, he said, \xE2\x80\x9Cthe era of Silicon Valley exceptionalism is "
     "over.\xE2\x80\x9D",
     "Silicon Valley exceptionalism", Quote::Kind::kPartial, "he", "", false, "say"},
    // After the quote: a party and state in parentheses, ", R-Pa.,", a verb
    // with "back", a verb followed by a new clause, a document that speaks.
    {"party_state_in_parentheses",
     "\xE2\x80\x9CHe would be a great senator. Not good, great,\xE2\x80\x9D Rep. Elijah E. "
     "Cummings (D-Md.) said in a phone interview.",
     "great senator", Quote::Kind::kDirect, "Cummings", "", false, "say"},
    {"party_state_between_commas",
     "\xE2\x80\x9CPerpetual motion!\xE2\x80\x9D Rep. Glenn Thompson, R-Pa., said of the swirl of "
     "convention activities.",
     "Perpetual motion", Quote::Kind::kDirect, "Glenn Thompson", "", false, "say"},
    {"shot_back", "\xE2\x80\x9CJeb wants to be a tough guy tonight,\xE2\x80\x9D Trump shot back.",
     "tough guy", Quote::Kind::kDirect, "Trump", "", false, ""},
    {"barked_and_new_clause",
     "\xE2\x80\x9CGo back to Univision,\xE2\x80\x9D Trump barked and a security guard escorted "
     "Ramos out.",
     "Go back to Univision", Quote::Kind::kDirect, "Trump", "", false, ""},
    {"description_exclaimed_upon",
     "\xE2\x80\x9COh, my God,\xE2\x80\x9D a young woman exclaimed upon seeing him.", "Oh, my God",
     Quote::Kind::kDirect, "a young woman", "", false, ""},
    // Inverted: the verb opens the sentence, then the speaker with a
    // relative clause, then the quote.
    {"said_name_who_then_quote",
     "Said Dorothy Poynter, who grew up with Ali in the neighborhood, \xE2\x80\x9CWe were all so "
     "proud of him.\xE2\x80\x9D",
     "proud of him", Quote::Kind::kDirect, "Dorothy Poynter", "", false, "say"},
    // A headline left in the text without its period runs into the quote's
    // sentence: the quote is still a statement of its own.
    {"quote_after_unended_headline",
     "The death of a young Ukrainian soldier was felt by family, friends and country "
     "\xE2\x80\x9CWe\xE2\x80\x99ve reached the Russian border, so it\xE2\x80\x99s time to take "
     "a breather, wait for further orders,\xE2\x80\x9D Misha said.",
     "reached the Russian border", Quote::Kind::kDirect, "Misha", "", false, "say"},
    // The verb before "to say" names the speaker's clause; "could only"
    // stands between a speaker and the verb.
    {"went_on_to_say",
     "Bryne went on to say, \xE2\x80\x9C"
     "From the bottom of my soul, I know this to be true.\xE2\x80\x9D",
     "bottom of my soul", Quote::Kind::kDirect, "Bryne", "", false, "say"},
    {"the_email_goes_on_to_say",
     "The email goes on to say: \xE2\x80\x9CTrump wants to literally write racism into our law "
     "books.\xE2\x80\x9D",
     "write racism", Quote::Kind::kDirect, "The email", "", false, "say"},
    {"spokesman_could_only_quip",
     "The scheduling was so odd that a spokesman for Bernie Sanders could only quip: \"I guess "
     "Christmas Eve was booked.\"",
     "Christmas Eve was booked", Quote::Kind::kDirect, "a spokesman for Bernie Sanders", "", true,
     "quip"},
    // A lead-in clause may end in its verb and a short object.
    {"issued_a_statement_comma",
     "Immediately after the attacks, Trump issued a statement, \xE2\x80\x9CLast night, our "
     "nation was attacked by a radical Islamic terrorist.\xE2\x80\x9D",
     "our nation was attacked", Quote::Kind::kDirect, "Trump", "", false, ""},
    {"the_email_read",
     "\xE2\x80\x9C"
     "Friend, let me be blunt. I can beat Hillary Clinton. Donald can\xE2\x80\x99t,\xE2\x80\x9D "
     "the email read.",
     "let me be blunt", Quote::Kind::kDirect, "the email", "", false, ""},
    // The cue verb is the text's last word (its lower-cased form ends the
    // document's folded words, too close to their end to be read whole), and
    // a 12-byte form read with the words after it.
    {"cue_verb_ends_the_text",
     "\xE2\x80\x9CThe bridge will reopen in May,\xE2\x80\x9D Jordan Smith said",
     "bridge will reopen", Quote::Kind::kDirect, "Jordan Smith", "Jordan Smith", false, "say"},
    {"acknowledged_that",
     "Jordan Smith, the city\xE2\x80\x99s transport director, acknowledged on Tuesday that the "
     "bridge would not reopen before May.",
     "bridge would not reopen", Quote::Kind::kIndirect, "Jordan Smith", "Jordan Smith", false,
     "acknowledge"},
};

class QuoteCases : public ::testing::TestWithParam<Case> {};

TEST_P(QuoteCases, FindsKindSpeakerAndCue) {
  const Case& c = GetParam();
  Analysis a = Analyze(c.text);
  const Quote* q = Find(a, c.quote);
  ASSERT_NE(q, nullptr) << "no quote holding \"" << c.quote << "\"";
  EXPECT_EQ(QuoteKindName(q->kind), std::string(QuoteKindName(c.kind)));
  if (c.speaker_text[0] == '\0') {
    EXPECT_FALSE(q->has_speaker);
  } else {
    ASSERT_TRUE(q->has_speaker);
    EXPECT_NE(SpeakerText(a, *q).find(c.speaker_text), std::string::npos)
        << "speaker \"" << SpeakerText(a, *q) << "\"";
    EXPECT_EQ(q->speaker.anonymous, c.anonymous);
    if (c.anonymous) EXPECT_FALSE(a.Text(q->speaker.descriptor).empty());
  }
  if (c.speaker_name[0] != '\0')
    EXPECT_NE(SpeakerName(a, *q).find(c.speaker_name), std::string::npos)
        << "resolved to \"" << SpeakerName(a, *q) << "\"";
  if (c.cue_lemma[0] != '\0') {
    ASSERT_TRUE(q->has_cue);
    EXPECT_EQ(q->cue.lemma, c.cue_lemma);
  }
  // Spans hold the content without the marks.
  std::string_view text = a.Text(q->span);
  ASSERT_FALSE(text.empty());
  EXPECT_NE(text.substr(0, 3), "\xE2\x80\x9C");
}

INSTANTIATE_TEST_SUITE_P(Articles, QuoteCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& i) { return i.param.name; });

TEST(Quotes, ReportedClauseAroundAPartialQuoteKeepsItsSpeaker) {
  Analysis a = Analyze(
      "Volodymyr Fesenko said the military successes were \xE2\x80\x9C"
      "a message precisely to "
      "those wavering Western politicians,\xE2\x80\x9D who fear an escalation.");
  const Quote* partial = Find(a, "a message precisely");
  const Quote* clause = Find(a, "the military successes were");
  ASSERT_NE(partial, nullptr);
  ASSERT_NE(clause, nullptr);
  EXPECT_EQ(partial->kind, Quote::Kind::kPartial);
  EXPECT_EQ(clause->kind, Quote::Kind::kIndirect);
  EXPECT_NE(SpeakerText(a, *partial).find("Fesenko"), std::string::npos);
  EXPECT_NE(SpeakerText(a, *clause).find("Fesenko"), std::string::npos);
}

TEST(Quotes, NewYorkTimesDoubleApostrophesAreMarks) {
  Analysis a = Analyze(
      "''I think it can work,'' said Louisa Ermelino, the reviews director at Publishers "
      "Weekly. ''Even though she is rich and powerful, she's still a woman up against men.''");
  const Quote* q1 = Find(a, "I think it can work");
  const Quote* q2 = Find(a, "Even though she is rich");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(a.Text(q1->span), "I think it can work,");
  EXPECT_EQ(SpeakerText(a, *q1), "Louisa Ermelino");
  EXPECT_EQ(SpeakerText(a, *q2), "Louisa Ermelino");
}

TEST(Quotes, SplitQuoteAndContinuationKeepTheSpeaker) {
  Analysis a = Analyze(
      "\xE2\x80\x9CLet me be honest,\xE2\x80\x9D Landsbergis wrote. \xE2\x80\x9CIt is now beyond "
      "doubt that Ukraine could have expelled Russia months ago.\xE2\x80\x9D");
  const Quote* q1 = Find(a, "Let me be honest");
  const Quote* q2 = Find(a, "beyond doubt");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  ASSERT_TRUE(q2->has_speaker);
  EXPECT_EQ(SpeakerText(a, *q1), "Landsbergis");
  EXPECT_EQ(SpeakerText(a, *q2), "Landsbergis");
}

// News style: a quote paragraph a few paragraphs after its speaker's last
// attribution continues that speaker, unless another person was named since.
TEST(Quotes, QuoteParagraphsLaterKeepTheSpeakerUntilAnotherPersonIsNamed) {
  Analysis a = Analyze(
      "\xE2\x80\x9CWe show anger, we show emotion,\xE2\x80\x9D said Harvey, a delegate from "
      "Texas.\n\nThe hall emptied slowly after the speech.\n\nBalloons covered the floor.\n\n"
      "\xE2\x80\x9CWe\xE2\x80\x99re alive, unlike the robots you\xE2\x80\x99re going to see next "
      "week.\xE2\x80\x9D");
  const Quote* q = Find(a, "unlike the robots");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_EQ(SpeakerText(a, *q), "Harvey");

  Analysis b = Analyze(
      "\xE2\x80\x9CWe show anger, we show emotion,\xE2\x80\x9D said Harvey, a delegate from "
      "Texas.\n\nThe hall emptied slowly after the speech.\n\nDonald Trump thanked his running "
      "mate, Mike Pence.\n\n"
      "\xE2\x80\x9CWe\xE2\x80\x99re alive, unlike the robots you\xE2\x80\x99re going to see next "
      "week.\xE2\x80\x9D");
  const Quote* r = Find(b, "unlike the robots");
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(r->has_speaker) << SpeakerText(b, *r);
}

// A quote box signed in the next paragraph with a dash.
TEST(Quotes, QuoteSignedWithADashInTheNextParagraph) {
  Analysis a = Analyze(
      "\"The whole idea of a 'Crooked Hillary' is something that we hear about all the time, and "
      "it needs to stop.\"\n\n-Michelle Marks, Philadelphia.");
  const Quote* q = Find(a, "needs to stop");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_EQ(SpeakerText(a, *q), "Michelle Marks");
  EXPECT_EQ(QuoteKindName(q->kind), std::string("direct"));
}

// A description running to a colon ends in its verb: "the message
// continues:" names the message as the speaker of what follows.
TEST(Quotes, DescriptionEndingInItsVerbBeforeAColon) {
  Analysis a = Analyze(
      "To quickly alert local law enforcement, the message continues: ''please hold a rally sign "
      "over your head and start chanting.''");
  const Quote* q = Find(a, "hold a rally sign");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_EQ(SpeakerText(a, *q), "the message");
}

// A comma after a new clause ("because to her,") is no lead-in: the
// phrase before it ("the Black Lives Matter movement") did not say it.
TEST(Quotes, CommaAfterANewClauseIsNoLeadIn) {
  Analysis a = Analyze(
      "She gives credit to black storytellers and the Black Lives Matter movement for speaking "
      "out against injustice because to her, \xE2\x80\x9Cthere\xE2\x80\x99s nothing more "
      "important to saving black lives than to telling the story.\xE2\x80\x9D");
  const Quote* q = Find(a, "nothing more important");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(SpeakerText(a, *q).find("movement"), std::string::npos) << SpeakerText(a, *q);
}

TEST(Quotes, TheRestOfASplitQuoteIsDirect) {
  Analysis a = Analyze(
      "''That, unfortunately,'' he said, ''is part of the reality of today's life on a global "
      "basis.''");
  const Quote* q = Find(a, "is part of the reality");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, Quote::Kind::kDirect);
  EXPECT_EQ(SpeakerText(a, *q), "he");
}

TEST(Quotes, AnonymousSourceLinksItsOrganization) {
  Analysis a = Analyze(
      "Pentagon officials said there was a marked increase in missile attacks over the weekend.");
  const Quote* q = Find(a, "a marked increase");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_TRUE(q->speaker.anonymous);
  EXPECT_EQ(a.Text(q->speaker.descriptor), "Pentagon officials");
  ASSERT_GE(q->speaker.organization, 0);
  EXPECT_EQ(a.entities[q->speaker.organization].name, "Pentagon");
}

TEST(Quotes, MultiParagraphQuoteIsNotUnclosed) {
  Analysis a = Analyze(
      "Fesenko said:\n\n\xE2\x80\x9CThe first paragraph of the quote goes on.\n\n\xE2\x80\x9CThe "
      "second and last paragraph closes it.\xE2\x80\x9D");
  ASSERT_EQ(a.quotes.size(), 2u);
  for (const Quote& q : a.quotes) {
    EXPECT_FALSE(q.unclosed);
    EXPECT_EQ(SpeakerText(a, q), "Fesenko");
  }
  for (const Warning& w : a.warnings) EXPECT_NE(w.code, "unclosed-quote");
}

TEST(Quotes, UnclosedQuoteEndsAtParagraphAndIsFlagged) {
  Analysis a = Analyze("He said \xE2\x80\x9Cthis never ends. It goes on.\nA new paragraph here.");
  const Quote* q = Find(a, "this never ends");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->unclosed);
  EXPECT_EQ(a.Text(q->span), "this never ends. It goes on.");
  bool warned = false;
  for (const Warning& w : a.warnings) warned |= w.code == "unclosed-quote";
  EXPECT_TRUE(warned);
}

TEST(Quotes, UnclosedQuoteAtTheEndOfTheText) {
  // The last quote of the text never closes: it ends where the text ends.
  Analysis a =
      Analyze("One Club for Growth ad argues that \xE2\x80\x9Conly Ted Cruz can beat Trump");
  const Quote* q = Find(a, "only Ted Cruz");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->unclosed);
  EXPECT_EQ(a.Text(q->span), "only Ted Cruz can beat Trump");
}

TEST(Quotes, ApostrophesAreNotQuoteMarks) {
  const char* texts[] = {
      "We visited the Smiths\xE2\x80\x99 house in the \xE2\x80\x99"
      "80s and played rock "
      "\xE2\x80\x99n\xE2\x80\x99 roll.",
      "They don\xE2\x80\x99t know. It wasn\xE2\x80\x99t Russia\xE2\x80\x99s war, the "
      "soldiers\xE2\x80\x99 mood said.",
      "We visited the Smiths' house in the '80s and played rock 'n' roll all night.",
  };
  for (const char* t : texts) {
    Analysis a = Analyze(t);
    for (const Quote& q : a.quotes) {
      EXPECT_EQ(q.kind, Quote::Kind::kIndirect) << t << " -> " << a.Text(q.span);
    }
    for (const Warning& w : a.warnings) EXPECT_NE(w.code, "unclosed-quote") << t;
  }
}

TEST(Quotes, PossessiveInsideSingleQuotes) {
  Analysis a =
      Analyze("She called it \xE2\x80\x98the Smiths\xE2\x80\x99 house\xE2\x80\x99 all along.");
  const Quote* q = Find(a, "Smiths");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(a.Text(q->span), "the Smiths\xE2\x80\x99 house");
}

TEST(Quotes, NestedQuoteStaysInsideItsOuterQuote) {
  Analysis a = Analyze(
      "\xE2\x80\x9CHe told me \xE2\x80\x98never again\xE2\x80\x99 and then he left,\xE2\x80\x9D "
      "she said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.Text(a.quotes[0].span),
            "He told me \xE2\x80\x98never again\xE2\x80\x99 and then he left,");
  EXPECT_EQ(SpeakerText(a, a.quotes[0]), "she");
}

// PairQuoteMarks given the quote-mark tokens (as the stage lists them in
// Classify's walk) pairs what it pairs looking at every token: over every
// case's text, marks left open, run on into the next paragraph, nested and
// straight ones.
TEST(Quotes, PairQuoteMarksFromTheListedMarks) {
  std::vector<std::string> texts;
  for (const Case& c : kCases) texts.push_back(c.text);
  texts.push_back("\"one \"two \"three\" four \" five\n\xE2\x80\x9D stray \xE2\x80\x9C open");
  texts.push_back(
      "\xE2\x80\x9C"
      "First paragraph runs on.\n\n\xE2\x80\x9C"
      "And ends here,\xE2\x80\x9D "
      "she said. \xE2\x80\x98Single \xE2\x80\x9Cnested\xE2\x80\x9D\xE2\x80\x99 and "
      "rock \xE2\x80\x99n\xE2\x80\x99 roll, the \xE2\x80\x98"
      "80s, ``old'' style.");
  texts.push_back("");
  texts.push_back("No marks at all.");
  for (const std::string& text : texts) {
    const Document doc = BuildDocument(text);
    std::vector<uint32_t> marks;
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.tokens[i].kind == TokenKind::kQuote) marks.push_back(i);
    }
    const std::vector<MarkedSpan> all = PairQuoteMarks(doc), listed = PairQuoteMarks(doc, marks);
    ASSERT_EQ(all.size(), listed.size()) << text;
    for (size_t k = 0; k < all.size(); ++k) {
      EXPECT_EQ(all[k].open, listed[k].open) << text;
      EXPECT_EQ(all[k].close, listed[k].close) << text;
      EXPECT_EQ(all[k].paragraph, listed[k].paragraph) << text;
      EXPECT_EQ(all[k].unclosed, listed[k].unclosed) << text;
      EXPECT_EQ(all[k].runs_on, listed[k].runs_on) << text;
      EXPECT_EQ(all[k].continues, listed[k].continues) << text;
    }
  }
}

TEST(Quotes, OddNumberOfMarksNeverFails) {
  Analysis a = Analyze("\"one \"two \"three\" four \" five\n\xE2\x80\x9D stray \xE2\x80\x9C open");
  for (const Quote& q : a.quotes) {
    EXPECT_LE(q.span.start, q.span.end);
    EXPECT_LE(q.span.end, a.text.size());
  }
}

TEST(Quotes, HundredThousandMarksInLinearTime) {
  std::string text;
  for (int i = 0; i < 25000; ++i) text += "\xE2\x80\x9Cword\xE2\x80\x9D \"x\" ";
  text += "\xE2\x80\x9C";
  auto t0 = std::chrono::steady_clock::now();
  Analysis a = Analyze(text);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(a.quotes.size(), 25000u);
  EXPECT_LT(s, 30.0);  // quadratic work on 100,000 marks would take minutes
  // And 100,000 unclosed openers in one paragraph.
  std::string opens;
  for (int i = 0; i < 100000; ++i)
    opens +=
        "\xE2\x80\x9C"
        "a ";
  t0 = std::chrono::steady_clock::now();
  a = Analyze(opens);
  s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 30.0);  // quadratic work on 100,000 marks would take minutes
}

TEST(Quotes, HeAndSheTakeThePersonOfTheirGender) {
  // The latest person is Donald Trump, but "she" is Hillary Clinton; then
  // "he" skips her for Trump.
  Analysis a = Analyze(
      "Hillary Clinton spoke in Ohio after Donald Trump left the state. \xE2\x80\x9CWe will "
      "win this state,\xE2\x80\x9D she said. Mrs. Clinton then met voters. \xE2\x80\x9CShe "
      "is not ready,\xE2\x80\x9D he said.");
  const Quote* q1 = Find(a, "We will win");
  const Quote* q2 = Find(a, "is not ready");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(SpeakerText(a, *q1), "she");
  EXPECT_EQ(SpeakerName(a, *q1), "Hillary Clinton");
  EXPECT_EQ(SpeakerText(a, *q2), "he");
  EXPECT_EQ(SpeakerName(a, *q2), "Donald Trump");
}

// "he" with no man named before it is not given the last named speaker if
// she is a woman, even after a speaker with no name ("a neighbor said"): the
// named speakers' genders were kept one a frame, not one a name, so that
// frame put them out of step and "he" read the neighbor's (none) for Ms.
// Smith's.
TEST(Quotes, HeSkipsANamedWomanAfterAnUnnamedSpeaker) {
  for (const char* speaker : {"a neighbor", "the driver", "her husband"}) {
    Analysis a = Analyze(std::string("\"We have nothing to add at this time,\" ") + speaker +
                         " said on Tuesday.\n\n\"The budget will be balanced by next year,\" Mary "
                         "Smith said at a news conference in Boston. Ms. Smith, who chairs the "
                         "finance committee, has led the talks since March.\n\n\"It is not over "
                         "yet,\" he said.");
    const Quote* named = Find(a, "The budget will be balanced");
    const Quote* q = Find(a, "It is not over yet");
    ASSERT_NE(named, nullptr) << speaker;
    ASSERT_NE(q, nullptr) << speaker;
    EXPECT_EQ(SpeakerName(a, *named), "Mary Smith") << speaker;
    EXPECT_EQ(SpeakerText(a, *q), "he") << speaker;
    EXPECT_EQ(SpeakerName(a, *q), "") << speaker;
  }
}

TEST(Quotes, HonorificGivesTheGender) {
  // No given name to go by: "Ms." before a mention marks her.
  Analysis a = Analyze(
      "Ms. Kendall Renteria met the mayor, Jordan Smith, on Tuesday. \xE2\x80\x9CWe can help,"
      "\xE2\x80\x9D she said.");
  const Quote* q = Find(a, "We can help");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(SpeakerName(a, *q).find("Renteria"), std::string::npos) << SpeakerName(a, *q);
}

// A person whose name marks no gender takes the gender of the pronouns used
// while they are the only person named ("Mayor Renteria said ... she",
// "Councilman Okafor ... he ... his"), so "she" skips Okafor.
TEST(Quotes, GenderLearnedFromEarlierPronouns) {
  Analysis a = Analyze(
      "Mayor Renteria said on Monday that she would run for a second term.\n\nHer rival, "
      "Councilman Okafor, announced on Tuesday that he would stay out of the race and endorsed "
      "his longtime ally.\n\n\"We will win this city back,\" she told supporters at a rally.");
  const Quote* q = Find(a, "win this city back");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_EQ(SpeakerText(a, *q), "she");
  EXPECT_NE(SpeakerName(a, *q).find("Renteria"), std::string::npos) << SpeakerName(a, *q);
}

// "Mr. Band" is a man whether the tagger makes him a PERSON or an ORG; "he"
// skips "Ms. Abedin".
TEST(Quotes, HonorificMakesAPersonForPronouns) {
  Analysis a = Analyze(
      "In April 2009, Mr. Band emailed Ms. Abedin for help with a donor.\n\n''It's jeff "
      "feltman,'' Ms. Abedin answered.\n\nMr. Band asked her to call the donor immediately. "
      "''This is very important,'' he wrote.");
  const Quote* q = Find(a, "very important");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->has_speaker);
  EXPECT_NE(SpeakerName(a, *q).find("Band"), std::string::npos) << SpeakerName(a, *q);
}

// A report inside a subordinate clause ("when he said") belongs to the outer
// report: Flynn said all of it.
TEST(Quotes, ReportInsideASubordinateClauseStaysInTheOuterReport) {
  Analysis a = Analyze(
      "Retired Lt. Gen. Michael Flynn said Donald Trump was \xE2\x80\x9C"
      "absolutely right\xE2\x80\x9D when he said Wednesday night that under President Barack "
      "Obama, \xE2\x80\x9Cthe generals have been reduced to rubble.\xE2\x80\x9D");
  const Quote* q = nullptr;
  for (const Quote& x : a.quotes)
    if (x.kind == Quote::Kind::kIndirect && a.Text(x.span).find("Donald Trump was") == 0) q = &x;
  ASSERT_NE(q, nullptr);
  EXPECT_NE(a.Text(q->span).find("when he said"), std::string_view::npos) << a.Text(q->span);
  EXPECT_NE(SpeakerText(a, *q).find("Flynn"), std::string::npos) << SpeakerText(a, *q);
}

TEST(Quotes, TheyIsTheGroupOfPeopleNotTheCountry) {
  // From ../shared/articles: "they" are the officials, an anonymous source
  // of the United States, not the country itself.
  Analysis a = Analyze(
      "U.S. defense officials have declined to say how far they think Ukrainian forces can "
      "push.");
  const Quote* q = Find(a, "Ukrainian forces can push");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(SpeakerText(a, *q), "they");
  EXPECT_TRUE(q->speaker.anonymous);
  EXPECT_EQ(a.Text(q->speaker.descriptor), "U.S. defense officials");
  EXPECT_EQ(q->speaker.entity, -1);
}

TEST(Quotes, FirstPersonOutsideQuotesIsTheWriter) {
  Analysis a = Analyze(
      "Senator Jane Doe spoke first. When my mother mentioned the devil to me, I laughed and "
      "said, \"I don't believe in the devil.\"");
  const Quote* q = Find(a, "believe in the devil");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(SpeakerText(a, *q), "I");
  EXPECT_EQ(q->speaker.entity, -1);
}

TEST(Quotes, SentenceAdverbIsNoSpeaker) {
  // "Similarly" and "Likewise" open the sentence; the speaker comes after.
  Analysis a = Analyze(
      "Similarly, William J. Bennett, a former education secretary, said he could not support "
      "the movement.\n\nLikewise, Trump went after Hillary Clinton and called for her to quit "
      "her bid for president.");
  const Quote* q1 = Find(a, "could not support");
  const Quote* q2 = Find(a, "quit her bid");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(SpeakerText(a, *q1), "William J. Bennett");
  EXPECT_EQ(SpeakerText(a, *q2).substr(0, 5), "Trump");
}

TEST(Quotes, QuotedTranscriptLinesTakeTheirSpeakers) {
  // A broadcast transcript quoted paragraph by paragraph: each line is its
  // speaker's, not the running speaker's, and the name is not quoted text.
  Analysis a = Analyze(
      "On Fox News Sunday, Gov. Mike Pence said the tweet was a joke.\n\n"
      "Partial transcript as follows:\n\n"
      "\"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n"
      "\"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n"
      "\"WALLACE: Do you really see those two as equivalent?\"");
  const Quote* q1 = Find(a, "Will Gennifer Flowers be there");
  const Quote* q2 = Find(a, "will not be attending");
  const Quote* q3 = Find(a, "really see those two");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  ASSERT_NE(q3, nullptr);
  EXPECT_EQ(SpeakerText(a, *q1), "WALLACE");
  EXPECT_EQ(SpeakerText(a, *q2), "PENCE");
  EXPECT_EQ(SpeakerText(a, *q3), "WALLACE");
  EXPECT_EQ(a.Text(q2->span).substr(0, 8), "Gennifer");
  EXPECT_EQ(q2->kind, Quote::Kind::kDirect);
}

TEST(Quotes, InterviewAnswersAreAttributed) {
  Analysis a = Analyze(
      "Q: Did the immigration service take care of you?\n\n"
      "A: No, no one did. No one checked up on me after my parents were taken.");
  const Quote* q = Find(a, "no one did");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(SpeakerText(a, *q), "A");
  const Quote* qq = Find(a, "take care of you");
  ASSERT_NE(qq, nullptr);
  EXPECT_EQ(SpeakerText(a, *qq), "Q");
}

// The two word tables (text/short_table.h) behave the same: each found
// with its value, growing past the keys it was sized for and from empty.
template <typename Table>
void CheckKeyTable() {
  Table t(3);
  bool added = false;
  *t.Insert("said", &added) = 1;
  EXPECT_TRUE(added);
  *t.Insert("told") = 2;
  EXPECT_EQ(*t.Insert("said", &added), 1);
  EXPECT_FALSE(added);
  ASSERT_NE(t.Find("told"), nullptr);
  EXPECT_EQ(*t.Find("told"), 2);
  EXPECT_EQ(t.Find("tol"), nullptr);
  EXPECT_EQ(t.Find(""), nullptr);
  int keys = 0, sum = 0;
  t.ForEach([&](std::string_view, int v) {
    ++keys;
    sum += v;
  });
  EXPECT_EQ(keys, 2);
  EXPECT_EQ(sum, 3);
  EXPECT_EQ(Table().Find("said"), nullptr);
  // Past the keys it was made for, and from an empty table, Insert grows it:
  // every key is still found, with its value.
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back("w" + std::to_string(i));
  auto fill_and_find = [&](Table* g) {
    for (int i = 0; i < 200; ++i) *g->Insert(words[i]) = i;
    for (int i = 0; i < 200; ++i) {
      ASSERT_NE(g->Find(words[i]), nullptr) << words[i];
      EXPECT_EQ(*g->Find(words[i]), i);
    }
    EXPECT_EQ(g->Find("w200"), nullptr);
  };
  fill_and_find(&t);  // made for 3 keys
  Table empty;
  fill_and_find(&empty);
  ASSERT_NE(t.Find("said"), nullptr);
  EXPECT_EQ(*t.Find("said"), 1);
}

TEST(Quotes, ShortKeyTableFindsWhatWasInserted) { CheckKeyTable<ShortKeyTable<int>>(); }

TEST(Quotes, CompactKeyTableFindsWhatWasInserted) {
  CheckKeyTable<CompactKeyTable<int>>();
  // Its keys come back in the order they were added, across growth.
  CompactKeyTable<int> t;
  std::vector<std::string> words;
  for (int i = 0; i < 100; ++i) words.push_back(std::to_string(i * 7919 % 1000));
  for (int i = 0; i < 100; ++i) *t.Insert(words[i]) = i;
  std::vector<std::string> order;
  t.ForEach([&](std::string_view k, int v) {
    EXPECT_EQ(words[v], k);
    order.emplace_back(k);
  });
  EXPECT_EQ(order, words);
}

TEST(Quotes, LexiconHasStances) {
  const QuoteLexicon& lex = QuoteLexicon::Get();
  ASSERT_NE(lex.Verb("denied"), nullptr);
  EXPECT_EQ(lex.Verb("denied")->stance, "deny");
  EXPECT_EQ(lex.Verb("admitted")->stance, "admit");
  EXPECT_EQ(lex.Verb("warned")->stance, "warn");
  EXPECT_EQ(lex.Verb("announced")->stance, "announce");
  EXPECT_EQ(lex.Verb("asked")->stance, "ask");
  EXPECT_EQ(lex.Verb("claimed")->stance, "claim");
  EXPECT_EQ(lex.Verb("said")->stance, "say");
  EXPECT_TRUE(lex.IsSourceNoun("officials"));
  EXPECT_EQ(lex.GenderOf("Hillary"), 'f');
  EXPECT_EQ(lex.GenderOf("Donald"), 'm');
  EXPECT_EQ(lex.GenderOf("Jordan"), 0);  // either
}

// The lexicon parsed from text that goes away afterwards: its words are its
// own copies, each followed by a NUL; a cue line of fewer than four fields is
// left out; the first verb of a form and the first gender of a name win.
TEST(Quotes, LexiconKeepsItsOwnWords) {
  std::string cues =
      "# lemma stance frame forms\n"
      "say   say\tspeech say says said\r\n"
      "short say speech\n"
      "hope hope think hopes said\n"
      "dub say name dubbed";
  std::string sources = "# nouns\nofficial officials\n  source\tsources";
  std::string names = "# f or m\nf Mary Ann\nm Donald Ann\nx Jordan\nm Bob";
  auto lex = std::make_unique<QuoteLexicon>(cues, sources, names);
  for (std::string* s : {&cues, &sources, &names}) s->assign(s->size(), '#');
  EXPECT_EQ(lex->verb_count(), 3u);
  ASSERT_NE(lex->Verb("said"), nullptr);
  EXPECT_EQ(lex->Verb("said")->lemma, "say");
  EXPECT_EQ(lex->Verb("said")->lemma.data()[3], '\0');
  EXPECT_EQ(lex->Verb("said")->stance, "say");
  ASSERT_NE(lex->Verb("hopes"), nullptr);
  EXPECT_EQ(lex->Verb("hopes")->frame, CueFrame::kThink);
  EXPECT_EQ(lex->Verb("hopes")->stance.data()[4], '\0');
  ASSERT_NE(lex->Verb("dubbed"), nullptr);
  EXPECT_EQ(lex->Verb("dubbed")->frame, CueFrame::kName);
  EXPECT_EQ(lex->Verb("short"), nullptr);
  EXPECT_EQ(lex->Verb("speech"), nullptr);
  int forms = 0;
  lex->ForEachForm([&](std::string_view, const CueVerb*) { ++forms; });
  EXPECT_EQ(forms, 5);  // say says said hopes dubbed
  EXPECT_TRUE(lex->IsSourceNoun("officials"));
  EXPECT_TRUE(lex->IsSourceNoun("source"));
  EXPECT_TRUE(lex->IsSourceNoun("sources"));
  EXPECT_FALSE(lex->IsSourceNoun("nouns"));
  EXPECT_FALSE(lex->IsSourceNoun(""));
  EXPECT_EQ(lex->GenderOf("Mary"), 'f');
  EXPECT_EQ(lex->GenderOf("Ann"), 'f');
  EXPECT_EQ(lex->GenderOf("Donald"), 'm');
  EXPECT_EQ(lex->GenderOf("Bob"), 'm');
  EXPECT_EQ(lex->GenderOf("Jordan"), 0);
  EXPECT_EQ(lex->GenderOf("x"), 0);
  EXPECT_EQ(lex->GenderOf(""), 0);
}

}  // namespace
}  // namespace lede
