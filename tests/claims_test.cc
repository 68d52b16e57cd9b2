// The Claims stage on real sentences from the two Ukraine articles in
// ../shared/articles: checkable statements versus colour, questions,
// greetings and opinion; types; hedging; source linking; the dev-set floor.
#include "claims/claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "claims/features.h"
#include "claims/model.h"
#include "data/embedded.h"
#include "entities/entities.h"
#include "lede/lede.h"
#include "quotes/quotes.h"
#include "text/document.h"

namespace lede {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  for (const std::string& s : v) {
    if (s == x) return true;
  }
  return false;
}

// The claims lede finds in `text` (the full pipeline).
std::vector<Claim> ClaimsOf(const std::string& text, Analysis* keep = nullptr) {
  Analysis a = Analyze(text);
  if (keep) *keep = a;
  return a.claims;
}

TEST(ClaimsTest, ModelIsCompiledInAndSmall) {
  std::string_view bytes = EmbeddedFile("claims/model.bin");
  ASSERT_FALSE(bytes.empty()) << "core/data/claims/model.bin is missing";
  EXPECT_LE(bytes.size(), 300u * 1024);
  const ClaimModel& m = DefaultClaimModel();
  ASSERT_TRUE(m.ok());
  EXPECT_GT(m.threshold, 0.05f);
  EXPECT_LT(m.threshold, 0.95f);
  EXPECT_EQ(&m, &DefaultClaimModel()) << "the model is parsed once";
}

// The compiled-in model reads its weights in place from the binary's bytes;
// a model parsed with a copy has the same weights and threshold.
TEST(ClaimsTest, ModelReadInPlaceIsTheCopiedOne) {
  std::string_view bytes = EmbeddedFile("claims/model.bin");
  const ClaimModel& m = DefaultClaimModel();
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m.q.empty()) << "no heap copy of the compiled-in weights";
  EXPECT_GE(reinterpret_cast<const char*>(m.quantized()), bytes.data());
  EXPECT_LT(reinterpret_cast<const char*>(m.quantized()), bytes.data() + bytes.size());
  ClaimModel copied;
  std::string error;
  ASSERT_TRUE(ClaimModel::Parse(bytes, &copied, &error)) << error;
  EXPECT_FALSE(copied.q.empty());
  EXPECT_EQ(copied.quantized(), copied.q.data());
  EXPECT_EQ(copied.bits, m.bits);
  EXPECT_EQ(copied.threshold, m.threshold);
  EXPECT_EQ(copied.bias, m.bias);
  for (uint32_t i = 0; i < (1u << m.bits); ++i) ASSERT_EQ(copied.Weight(i), m.Weight(i)) << i;
  EXPECT_EQ(copied.Serialize(), m.Serialize());
  // A copy of a model read in place reads the same static bytes.
  ClaimModel again = m;
  EXPECT_EQ(again.quantized(), m.quantized());
  // A model just trained holds floats.
  ClaimModel floats;
  floats.bits = 4;
  floats.weights.assign(16, 0.5f);
  EXPECT_TRUE(floats.ok());
  EXPECT_EQ(floats.quantized(), nullptr);
  EXPECT_EQ(floats.Weight(3), 0.5f);
  EXPECT_FALSE(ClaimModel().ok());
  // weights_view() weighs as Weight() does, any hash, either table.
  floats.weights[7] = -1.25f;
  const ClaimModel* const models[] = {&m, &copied, &floats};
  for (const ClaimModel* model : models) {
    const ClaimModel::Weights weight = model->weights_view();
    for (uint32_t h : {0u, 3u, 7u, 4095u, 65537u, 2166136261u, 0xffffffffu}) {
      EXPECT_EQ(weight(h), model->Weight(h)) << h;
    }
  }
}

TEST(ClaimsTest, FactWordsComeWithTheClassesFromOneLookUp) {
  auto fact = [](std::string_view w) {
    FactWord f = kFwNone;
    WordClasses(w, &f);
    return f;
  };
  EXPECT_EQ(fact("sept."), kFwMonth);
  EXPECT_EQ(fact("may"), kFwMonth);
  EXPECT_EQ(fact("half"), kFwCount);
  EXPECT_EQ(fact("trillions"), kFwNone);  // a number word the count rule does not list
  EXPECT_EQ(fact("we'll"), kFwWill);
  EXPECT_EQ(fact("'ll"), kFwNone);
  EXPECT_EQ(fact("couldn't"), kFwNot);
  EXPECT_EQ(fact("cut"), kFwLostCutRaised);
  EXPECT_EQ(fact("voted"), kFwPassedSignedVoted);
  EXPECT_EQ(fact("fighters"), kFwNone);
  // A number word before a "-" makes a number word ("forty-three"), at
  // any length of either part (the "-" is looked for four bytes at a time).
  for (std::string_view number : {"two", "forty", "twenty", "hundred", "thousand", "percentage"}) {
    for (size_t n = 0; n <= 12; ++n) {
      const std::string rest(n, 'x');
      const std::string word = std::string(number) + "-" + rest;
      EXPECT_NE(WordClasses(word) & kWcNumberWord, 0u) << word;
      EXPECT_EQ(WordClasses(std::string(number) + "x" + rest) & kWcNumberWord, 0u) << word;
      EXPECT_EQ(WordClasses("x" + word) & kWcNumberWord, 0u) << word;
      EXPECT_EQ(WordClasses("-" + word) & kWcNumberWord, 0u) << word;
    }
  }
  // The classes are WordClasses(word)'s, fact word or not.
  for (std::string_view w :
       {"may", "cut", "voted", "according", "of", "deadliest", "forty-three"}) {
    FactWord f;
    EXPECT_EQ(WordClasses(w, &f), WordClasses(w)) << w;
  }
  EXPECT_EQ(WordClasses("of"), 0u);
  EXPECT_NE(WordClasses("forty-three") & kWcNumberWord, 0u);
}

TEST(ClaimsTest, FactualNewsSentencesAreClaims) {
  const char* cases[] = {
      "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
      "the southern Kherson region which were in addition to the huge gains in the east over the "
      "weekend.",
      "On Sunday, Ukraine's top commander, General Valery Zaluzhny, said his forces had retaken "
      "more than 3,000 square kilometers, 1,100 square miles, in less than a week.",
      "Pentagon officials said there was a marked increase in missile attacks over the weekend.",
      "Russia still occupies large areas of eastern and southern Ukraine, including cities such "
      "as Mariupol and Kherson, which Russia illegally annexed in 2014.",
  };
  for (const char* text : cases) {
    std::vector<Claim> claims = ClaimsOf(text);
    ASSERT_EQ(claims.size(), 1u) << text;
    EXPECT_GE(claims[0].score, ClaimThreshold());
    EXPECT_LE(claims[0].score, 1.0);
    EXPECT_GT(claims[0].num_reasons, 0) << text;
  }
}

TEST(ClaimsTest, ColourQuestionsGreetingsAndOpinionAreNot) {
  const char* cases[] = {
      "\u201cWe feel fantastic,\u201d said one, apologizing for not getting to talk as he hurried "
      "to jump into a friend\u2019s car.",
      "\u201cWe have momentum.\u201d",
      "A bearded soldier leaned back on a bench talking on his phone, wearing a look of contented "
      "fatigue.",
      "The fighters came out with bread and candy and bottles of soda, many wearing big smiles and "
      "some exchanging chest hugs as they passed each other.",
      "\u201cI think that strengthening the military positions in Ukraine means strengthening the "
      "diplomatic positions of our country,\u201d Fesenko said.",
      "Is this the end of the war?",
      "Thank you very much, and good evening.",
      "\u201cLet me be honest,\u201d he wrote.",
  };
  for (const char* text : cases) {
    Document doc = BuildDocument(text);
    for (const ScoredUnit& u : ScoreUnits(doc, {})) {
      EXPECT_LT(u.score, ClaimThreshold()) << doc.Text(u.span);
    }
    EXPECT_TRUE(ClaimsOf(text).empty()) << text;
  }
}

TEST(ClaimsTest, TypesSayWhatKindOfClaim) {
  struct Case {
    const char* text;
    std::vector<std::string> types;
  } cases[] = {
      {"Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
       "the southern Kherson region.",
       {"quantity", "event"}},
      {"The territorial shifts were one of Russia\u2019s biggest reversals since its forces were "
       "turned back from Kyiv in the earliest days of the nearly seven months of fighting.",
       {"quantity", "comparison"}},
      {"Pentagon officials said there was a marked increase in missile attacks over the weekend.",
       {"change"}},
      {"Moscow announced air, rocket and artillery attacks on reclaimed areas in the Kharkiv "
       "region "
       "on Monday, a day after Kyiv said Russian strikes on electricity infrastructure caused "
       "power "
       "failures.",
       {"causal"}},
      {"Unemployment rose to 7.8 percent in September, the highest level since 2009.",
       {"quantity", "comparison", "change"}},
  };
  for (const Case& c : cases) {
    std::vector<Claim> claims = ClaimsOf(c.text);
    ASSERT_EQ(claims.size(), 1u) << c.text;
    for (const std::string& t : c.types)
      EXPECT_TRUE(Has(ClaimTypeNames(claims[0]), t)) << c.text << ": " << t;
  }
  // A date is not a figure; "Bill" before a surname is not a bill.
  std::vector<Claim> claims = ClaimsOf(
      "On Friday, the Pentagon's arms acquisition chief Bill LaPlante said the meeting would take "
      "place in Brussels on September 28.");
  for (const Claim& c : claims) {
    EXPECT_FALSE(Has(ClaimTypeNames(c), "quantity"));
    EXPECT_FALSE(Has(ClaimTypeNames(c), "policy"));
  }
}

TEST(ClaimsTest, FiguresAreGivenAsAReason) {
  Analysis a;
  std::vector<Claim> claims = ClaimsOf(
      "The retaliatory fire came as Ukraine said forces had recaptured more than 20 additional "
      "settlements.",
      &a);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].Has(ClaimReason::kFigure));
  std::vector<std::string> reasons = ClaimReasonTexts(claims[0], a.text);
  ASSERT_EQ(reasons.size(), claims[0].num_reasons);
  EXPECT_EQ(reasons[0], "contains a figure");
  // The reasons of the JSON are these texts; the wording one quotes words
  // of the claim, each once.
  for (const std::string& r : reasons) {
    if (r.rfind("wording of checkable statements: \"", 0) != 0) continue;
    EXPECT_NE(a.text.find(r.substr(34, r.find('"', 34) - 34)), std::string::npos) << r;
  }
}

// The wording reason quotes words a reader can hold on to, never the
// function words ("that", "would", "said", "more" ...), capitalized or not:
// ClaimTokens tells them by a bit of each word's facts (from the class
// table's look-up of the word), which their word classes do not show.
TEST(ClaimsTest, TheWordingSkipsFunctionWords) {
  static const char* const kFunction[] = {
      "that",  "this",  "these", "those", "there", "their", "they",   "them",  "then",   "than",
      "with",  "from",  "into",  "onto",  "over",  "under", "about",  "after", "before", "were",
      "have",  "been",  "being", "will",  "would", "could", "should", "which", "what",   "when",
      "where", "while", "also",  "just",  "some",  "such",  "very",   "more",  "most",   "said"};
  auto listed = [](std::string_view w) {
    for (const char* f : kFunction) {
      if (w == f) return true;
    }
    return false;
  };
  const std::string text =
      "That is why Ukraine said its forces would recapture more than 20 towns, which were "
      "shelled after Russia had withdrawn from the Kharkiv region. Those towns have been "
      "liberated, Zelensky said, while Moscow also claimed that its troops were regrouping.";
  Analysis a = Analyze(text);
  Document doc = BuildDocument(a.text);
  ClaimTokens tokens(doc, a.entities);
  size_t function_words = 0;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    const bool word = doc.tokens[i].kind == TokenKind::kWord;
    EXPECT_EQ(tokens.function_word(i), word && listed(tokens.folded(i))) << doc.Text(i);
    function_words += tokens.function_word(i);
    FactWord fact = kFwNone;
    if (word) EXPECT_EQ(tokens.classes(i), WordClasses(tokens.folded(i), &fact)) << doc.Text(i);
  }
  EXPECT_GE(function_words, 12u);  // That, why is not, said twice, would, more, than ...
  size_t quoted = 0;
  for (const Claim& c : a.claims) {
    for (const Span& w : c.wording) {
      if (w.end == w.start) continue;
      ++quoted;
      const std::string word = FoldWord(a.text.substr(w.start, w.end - w.start));
      EXPECT_FALSE(listed(word)) << word;
      EXPECT_GE(word.size(), 4u) << word;
    }
  }
  EXPECT_GT(quoted, 0u);
}

// A question or an exclamation is a feature of the sentence ("?" and "!"
// anywhere in a punctuation mark, "?!" both), and of punctuation only ","
// "-" ":" have a bigram: ClaimTokens keeps these of each mark's text as bits
// above its (empty) classes, which the feature loop reads.
TEST(ClaimsTest, QuestionsAndKeptMarksAreFeatures) {
  const uint32_t question = HashFeature("question"), exclamation = HashFeature("exclamation");
  struct Case {
    const char* text;
    bool question, exclamation;
    int kept_marks;  // bigrams of "," "-" ":" (";" "." "?" have none)
  };
  const Case cases[] = {
      {"Will Ukraine retake Kherson before winter?", true, false, 0},
      {"Russia will pay for this, Zelensky said; the crowd cheered!", false, true, 1},
      {"Is this really happening?! Nobody knows.", true, true, 0},
      {"Prices: bread - up 12%, milk - up 9%.", false, false, 4},
  };
  for (const Case& c : cases) {
    Document doc = BuildDocument(c.text);
    std::vector<Warning> warnings;
    std::vector<Entity> entities = FindEntities(doc, &warnings);
    ClaimTokens tokens(doc, entities);
    std::vector<Feature> features;
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    ExtractClaimFeatures(doc, tokens, 0, n, &features);
    bool q = false, e = false;
    for (const Feature& f : features) {
      q |= f.family == FeatureFamily::kQuestion && f.hash == question;
      e |= f.family == FeatureFamily::kQuestion && f.hash == exclamation;
    }
    EXPECT_EQ(q, c.question) << c.text;
    EXPECT_EQ(e, c.exclamation) << c.text;
    // Each mark after a word, number or symbol: the bigram "b:word mark"
    // is a feature for a kept mark only.
    int kept = 0;
    for (uint32_t i = 1; i < n; ++i) {
      const TokenKind prev = doc.tokens[i - 1].kind;
      if (doc.tokens[i].kind != TokenKind::kPunct || prev == TokenKind::kPunct ||
          prev == TokenKind::kQuote) {
        continue;
      }
      const std::string mark(doc.Text(i));
      const uint32_t bigram =
          HashFeature("b:" + std::string(tokens.norm(i - 1)) + " " + FoldWord(mark));
      bool found = false;
      for (const Feature& f : features)
        found |= f.family == FeatureFamily::kWord && f.hash == bigram;
      EXPECT_EQ(found, mark == "," || mark == "-" || mark == ":") << c.text << " " << mark;
      kept += found;
    }
    EXPECT_EQ(kept, c.kept_marks) << c.text;
    for (uint32_t i = 0; i < n; ++i) {
      if (doc.tokens[i].kind == TokenKind::kPunct) EXPECT_EQ(tokens.classes(i), 0u) << c.text;
    }
  }
}

// The class features come after the counts' in one fixed order, each once
// when a word of its class (a money or percent symbol for money and
// percent; a lower-case word of over 5 bytes ending in "ed" for past-ed; a
// "?" or "!" for question and exclamation) is in the range. Featurize visits
// the classes' set bits, whose order must be this one.
TEST(ClaimsTest, ClassFeaturesComeInTheirOrder) {
  struct Named {
    const char* name;
    uint32_t cls;  // the class that raises it (0: told otherwise, below)
  };
  const Named order[] = {
      {"number-word", kWcNumberWord},
      {"percent", kWcPercent},
      {"money", kWcMoney},
      {"comparative", kWcComparative},
      {"superlative", kWcSuperlative},
      {"change", kWcChange},
      {"cause", kWcCause},
      {"future", kWcFuture},
      {"modal", kWcModal},
      {"policy", kWcPolicy},
      {"past-action", kWcPastAction},
      {"past-ed", 0},
      {"speech", kWcSpeech},
      {"hedge", kWcHedge},
      {"first-person", kWcFirstPerson},
      {"second-person", kWcSecondPerson},
      {"opinion", kWcOpinion},
      {"greeting", kWcGreeting},
      {"question", 0},
      {"exclamation", 0},
  };
  const char* const texts[] = {
      "Thank you! We think you could see the largest tax change since 2010, because "
      "officials reportedly said it will cost $5 million more and 20% was killed?!",
      "Greetings, I believe the budget rose twice as fast; you said it was the worst policy.",
      "Prices jumped 12% after the senate voted, analysts estimated, and twenty firms closed.",
      "Will the court rule?",
      "The weather was pleasant.",
  };
  size_t raised = 0;
  for (const char* text : texts) {
    Document doc = BuildDocument(text);
    std::vector<Warning> warnings;
    std::vector<Entity> entities = FindEntities(doc, &warnings);
    ClaimTokens tokens(doc, entities);
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    std::vector<Feature> features;
    ExtractClaimFeatures(doc, tokens, 0, n, &features);
    // What the range holds, read from the tokens here.
    uint32_t classes = 0;
    bool past_ed = false, question = false, exclamation = false;
    for (uint32_t i = 0; i < n; ++i) {
      const Token& t = doc.tokens[i];
      const std::string_view raw = doc.Text(i);
      if (t.kind == TokenKind::kWord) {
        const std::string folded = FoldWord(raw);
        classes |= WordClasses(folded);
        past_ed |= !t.Is(kCapitalized) && folded.size() > 5 &&
                   folded.compare(folded.size() - 2, 2, "ed") == 0;
      } else if (t.kind == TokenKind::kSymbol) {
        if (raw == "%") classes |= kWcPercent;
        if (raw == "$" || raw == "\xE2\x82\xAC" || raw == "\xC2\xA3") classes |= kWcMoney;
      } else if (t.kind == TokenKind::kPunct) {
        question |= raw.find('?') != std::string_view::npos;
        exclamation |= raw.find('!') != std::string_view::npos;
      }
    }
    std::vector<uint32_t> expected;
    for (const Named& f : order) {
      const std::string_view name = f.name;
      const bool on = f.cls != 0           ? (classes & f.cls) != 0
                      : name == "past-ed"  ? past_ed
                      : name == "question" ? question
                                           : exclamation;
      if (on) expected.push_back(HashFeature(f.name));
    }
    std::vector<uint32_t> got;
    for (const Feature& f : features) {
      if (f.family == FeatureFamily::kWord || f.family == FeatureFamily::kBias) continue;
      for (const Named& named : order) {
        if (f.hash == HashFeature(named.name)) got.push_back(f.hash);
      }
    }
    EXPECT_EQ(got, expected) << text;
    raised += expected.size();
  }
  EXPECT_GE(raised, 20u);  // the texts raise most class features, several at once
}

// The fact rules read a token's neighbours with quote marks skipped: "more
// \"than\" 2,000" is a bound, not a comparison; "is \"said\" to" a hedge.
TEST(ClaimsTest, FactRulesSkipQuoteMarksBetweenNeighbours) {
  struct Case {
    const char* text;
    std::vector<std::string> types;
    bool hedged;
  } cases[] = {
      {"The army is \"going\" to \"expand\" its forces by 12 percent next year, the Pentagon said "
       "in a statement.",
       {"quantity", "change", "prediction"},
       false},
      {"Inflation in Germany was higher \"than\" 20 percent in 2022, the central bank said on "
       "Monday.",
       {"quantity", "comparison"},
       false},
      {"Prices for bread in Kharkiv rose from \"40\" to 50 hryvnias in a week, officials said.",
       {"quantity", "change"},
       false},
      {"The deaths of 30 civilians could \"not\" be independently \"verified\" by officials in "
       "Kyiv, Reuters said.",
       {"quantity"},
       true},
      {"The minister is \"said\" to have signed the 2,000 page bill on taxes in Moscow last week.",
       {"quantity", "policy"},
       true},
      {"Russia lost more \"than\" 2,000 tanks in the war, the British defence ministry said on "
       "Tuesday.",
       {"quantity"},
       false},
      {"Ukraine's army retook the \"most\" important towns of the Kharkiv region in September, "
       "officials said.",
       {"comparison", "event"},
       false},
      {"The strikes resulted \"in\" 40 deaths across Ukraine, the United Nations said in Geneva.",
       {"quantity", "causal"},
       false},
      {"The 2023 budget is a \"result\" of the war, the finance minister said in parliament.",
       {"causal", "policy"},
       false},
  };
  for (const Case& c : cases) {
    std::vector<Claim> claims = ClaimsOf(c.text);
    ASSERT_EQ(claims.size(), 1u) << c.text;
    EXPECT_EQ(ClaimTypeNames(claims[0]), c.types) << c.text;
    EXPECT_EQ(claims[0].hedged, c.hedged) << c.text;
  }
}

TEST(ClaimsTest, HedgesAreMarked) {
  std::vector<Claim> hedged = ClaimsOf(
      "The Ukrainian military said on Monday that in the previous 24 hours it had advanced into "
      "an additional 20 Russian-held towns and villages \u2013 claims that could not be "
      "independently verified.");
  ASSERT_EQ(hedged.size(), 1u);
  EXPECT_TRUE(hedged[0].hedged);
  EXPECT_TRUE(Has(ClaimTypeNames(hedged[0]), "quantity"));

  std::vector<Claim> reported =
      ClaimsOf("Russian forces reportedly abandoned 40 tanks near Izyum on Saturday.");
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_TRUE(reported[0].hedged);

  std::vector<Claim> plain = ClaimsOf(
      "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
      "the southern Kherson region.");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].hedged);
}

TEST(ClaimsTest, AClauseIsScoredOnItsOwn) {
  // Two clauses: the prediction is a claim; the metaphor before it is not.
  std::string text =
      "\u201cUkraine has turned the tide in its favour, but the current counter-offensive will "
      "not end the war,\u201d US think tank Institute for the Study of War tweeted.";
  Document doc = BuildDocument(text);
  std::vector<ScoredUnit> units = ScoreUnits(doc, {});
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(doc.Text(units[0].span), "Ukraine has turned the tide in its favour");
  EXPECT_LT(units[0].score, units[1].score);
}

// A ";" splits a sentence when both sides hold four words or more, ", but"
// (", while" ...) when both hold six: the clause split tells the marks by
// their words' facts, not by their texts. Other marks (":" "-" "," alone)
// split nothing.
TEST(ClaimsTest, SemicolonsAndCommasSplitClauses) {
  struct Case {
    const char* text;
    std::vector<std::string> units;
  };
  const Case cases[] = {
      {"Russian forces shelled Kharkiv overnight; Ukraine said 12 civilians were killed.",
       {"Russian forces shelled Kharkiv overnight", "Ukraine said 12 civilians were killed."}},
      {"Kyiv denied it; Ukraine said 12 civilians were killed.",
       {"Kyiv denied it; Ukraine said 12 civilians were killed."}},
      {"Prices rose by 12 percent in May, while wages fell by 3 percent in June.",
       {"Prices rose by 12 percent in May", "while wages fell by 3 percent in June."}},
      {"Officials said: prices rose by 12 percent - wages, however, fell by 3 percent.",
       {"Officials said: prices rose by 12 percent - wages, however, fell by 3 percent."}},
  };
  for (const Case& c : cases) {
    Document doc = BuildDocument(c.text);
    std::vector<ScoredUnit> units = ScoreUnits(doc, {});
    ASSERT_EQ(units.size(), c.units.size()) << c.text;
    for (size_t k = 0; k < units.size(); ++k) {
      EXPECT_EQ(doc.Text(units[k].span), c.units[k]) << c.text;
    }
  }
}

TEST(ClaimsTest, SourceIsTheQuoteThatCarriesTheClaim) {
  // Quotes and entities come from earlier stages; here they are given by hand
  // so the test checks the linking alone.
  std::string text =
      "Pentagon officials said there was a marked increase in missile attacks over the weekend.";
  Document doc = BuildDocument(text);
  Entity pentagon;
  pentagon.type = "ORG";
  pentagon.name = "Pentagon";
  pentagon.mentions.push_back(Mention{Span{0, 8}});
  Quote q;
  q.kind = Quote::Kind::kIndirect;
  size_t start = text.find("there was");
  q.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(text.size() - 1)};
  q.has_cue = true;
  q.cue.span = Span{18, 22};
  q.cue.lemma = "say";
  q.cue.stance = "say";
  q.has_speaker = true;
  q.speaker.entity = 0;
  std::vector<Claim> claims = FindClaims(doc, {pentagon}, {q});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].source.quote, 0);
  EXPECT_EQ(claims[0].source.entity, 0);
  EXPECT_TRUE(Has(ClaimReasonTexts(claims[0], text), "names a source"));

  // Without quotes, a named subject of "said" is the source; with nothing
  // found, the outlet's own voice (no source).
  claims = FindClaims(doc, {pentagon}, {});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].source.quote, -1);
  EXPECT_EQ(claims[0].source.entity, 0);
  claims = FindClaims(doc, {}, {});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].source.entity, -1);
  EXPECT_EQ(claims[0].source.quote, -1);
}

// Without quotes: "according to X" names X (the words told by their fact
// words, whatever their case), and a speech verb its subject, but not
// "claims" nor "reports" (nouns as often as verbs).
TEST(ClaimsTest, SourceIsAccordingToOrTheSubjectOfASpeechVerb) {
  auto source_of = [](const std::string& text, const std::string& name) {
    Document doc = BuildDocument(text);
    Entity org;
    org.type = "ORG";
    org.name = name;
    const uint32_t at = static_cast<uint32_t>(text.find(name));
    org.mentions.push_back(Mention{Span{at, at + static_cast<uint32_t>(name.size())}});
    std::vector<Claim> claims = FindClaims(doc, {org}, {});
    return claims.size() == 1 ? claims[0].source.entity : -2;
  };
  EXPECT_EQ(
      source_of("According to NATO, Russia lost 300 tanks and 2,000 soldiers in May.", "NATO"), 0);
  EXPECT_EQ(
      source_of("ACCORDING TO NATO, Russia lost 300 tanks and 2,000 soldiers in May.", "NATO"), 0);
  EXPECT_EQ(source_of("NATO said Russia lost 300 tanks and 2,000 soldiers in May.", "NATO"), 0);
  EXPECT_EQ(source_of("NATO reports Russia lost 300 tanks and 2,000 soldiers in May.", "NATO"), -1);
  EXPECT_EQ(source_of("NATO claims Russia lost 300 tanks and 2,000 soldiers in May.", "NATO"), -1);
  // "according" without "to", and "to" without "according": no source.
  EXPECT_EQ(source_of("Accordingly, NATO lost 300 tanks and 2,000 soldiers in May.", "NATO"), -1);
  EXPECT_EQ(source_of("Russia lost 300 tanks to NATO and 2,000 soldiers in May.", "NATO"), -1);
  // The source is looked for in the whole sentence, also for each clause of
  // one split in two, among the tokens a fact rule reads: "according" and
  // the speech verbs are among them by their classes.
  EXPECT_NE(WordClasses("according") & kWcSpeech, 0u);
  for (const char* text :
       {"Russia lost 300 tanks and 2,000 soldiers in May; according to NATO, Russia also lost "
        "50 jets and 20 ships in June.",
        "Russia lost 300 tanks and 2,000 soldiers in May, but NATO said that Russia also lost "
        "50 jets and 20 ships in June."}) {
    const std::string s = text;
    Document doc = BuildDocument(s);
    Entity org;
    org.type = "ORG";
    org.name = "NATO";
    const uint32_t at = static_cast<uint32_t>(s.find("NATO"));
    org.mentions.push_back(Mention{Span{at, at + 4}});
    std::vector<Claim> claims = FindClaims(doc, {org}, {});
    ASSERT_EQ(claims.size(), 2u) << s;
    for (const Claim& c : claims) EXPECT_EQ(c.source.entity, 0) << s;
  }
}

TEST(ClaimsTest, ClaimsAreSpansOfTheText) {
  std::string text =
      "KRAMATORSK - Ukraine forces said Monday their lightning counter-offensive took back more "
      "ground in the past 24 hours, as Russia replied with strikes on some of the recaptured "
      "ground.\n\nNATO countries do not all have the same weapons.";
  Analysis a;
  std::vector<Claim> claims = ClaimsOf(text, &a);
  ASSERT_FALSE(claims.empty());
  for (const Claim& c : claims) {
    ASSERT_LE(c.span.end, a.text.size());
    EXPECT_LT(c.span.start, c.span.end);
  }
  // The dateline is not part of the claim.
  EXPECT_EQ(a.Text(claims[0].span).substr(0, 19), "Ukraine forces said");
}

// A long text's claims come in text order, every one: the stage gathers
// them in blocks of 256 and copies them to one vector at the end. A
// paragraph of four claims, 200 times over (800 claims, four blocks), has
// the paragraph's claims 200 times, each at its paragraph's offset.
TEST(ClaimsTest, ManyClaimsComeInTextOrder) {
  const std::string paragraph =
      "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
      "the southern Kherson region which were in addition to the huge gains in the east over the "
      "weekend. On Sunday, Ukraine's top commander, General Valery Zaluzhny, said his forces had "
      "retaken more than 3,000 square kilometers, 1,100 square miles, in less than a week. "
      "Pentagon officials said there was a marked increase in missile attacks over the weekend. "
      "Russia still occupies large areas of eastern and southern Ukraine, including cities such "
      "as Mariupol and Kherson, which Russia illegally annexed in 2014.";
  const std::vector<Claim> one = ClaimsOf(paragraph);
  ASSERT_EQ(one.size(), 4u);
  constexpr size_t kTimes = 200;
  std::string text;
  for (size_t i = 0; i < kTimes; ++i) text += paragraph + "\n\n";
  const std::vector<Claim> claims = ClaimsOf(text);
  ASSERT_EQ(claims.size(), kTimes * one.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    const Claim& at = one[i % one.size()];
    const uint32_t offset = static_cast<uint32_t>((i / one.size()) * (paragraph.size() + 2));
    ASSERT_EQ(c.span.start, at.span.start + offset) << i;
    ASSERT_EQ(c.span.end, at.span.end + offset) << i;
    ASSERT_EQ(c.types, at.types) << i;
  }
}

// The claims' vector keeps at most 4 KB of unused room: its first block has
// room for a claim a sentence, and a text of many sentences and few claims
// gets it trimmed (100 sentences of colour and one claim: room for 100, 6.3
// KB unused).
TEST(ClaimsTest, TheClaimsKeepLittleUnusedRoom) {
  std::string text =
      "Pentagon officials said there was a marked increase in missile attacks over the "
      "weekend.\n\n";
  for (int i = 0; i < 100; ++i) text += "Is this the end of the war?\n\n";
  const Analysis a = Analyze(text);
  ASSERT_EQ(a.claims.size(), 1u);
  EXPECT_LE((a.claims.capacity() - a.claims.size()) * sizeof(Claim), 4096u);
  // A short text's few claims are left in their block (at most 4 KB unused).
  const Analysis b = Analyze(
      "Pentagon officials said there was a marked increase in missile attacks over the weekend. "
      "Is this the end of the war? Thank you very much, and good evening.");
  ASSERT_EQ(b.claims.size(), 1u);
  EXPECT_LE((b.claims.capacity() - b.claims.size()) * sizeof(Claim), 4096u);
}

// The bar from issue 5: F1 >= 0.75 on CheckThat! 2024 dev, through the full
// pipeline (a line is positive when lede finds any claim in it).
std::string SharedDir() {
  if (const char* env = std::getenv("LEDE_SHARED_DIR")) return env;
  for (std::string dir :
       {std::string(LEDE_SHARED_DIR), std::string(LEDE_SOURCE_DIR) + "/../../shared"}) {
    std::ifstream probe(dir + "/data/claims/checkthat24-dev.jsonl");
    if (probe) return dir;
  }
  return "";
}

TEST(ClaimsTest, DevSetFloor) {
  std::string dir = SharedDir();
  std::ifstream in(dir + "/data/claims/checkthat24-dev.jsonl");
  if (dir.empty() || !in) GTEST_SKIP() << "../shared/data/claims not found: dev floor not checked";
  size_t tp = 0, fp = 0, fn = 0, n = 0;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    bool gold = j["label"].get<int>() == 1;
    bool predicted = !Analyze(j["text"].get<std::string>()).claims.empty();
    tp += predicted && gold;
    fp += predicted && !gold;
    fn += !predicted && gold;
    ++n;
  }
  ASSERT_GT(n, 1000u);
  double p = static_cast<double>(tp) / (tp + fp), r = static_cast<double>(tp) / (tp + fn);
  double f1 = 2 * p * r / (p + r);
  std::printf("checkthat24-dev: P=%.3f R=%.3f F1=%.3f\n", p, r, f1);
  EXPECT_GE(f1, 0.75);
}

// Per token: the last entity (in the order of entities and their mentions)
// with a mention holding the token's start, or -1 (what ClaimTokens::entity
// says, found the slow way).
std::vector<int> LastEntityAt(const Document& doc, const std::vector<Entity>& entities) {
  std::vector<int> at(doc.tokens.size(), -1);
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const Mention& m : entities[e].mentions) {
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        const uint32_t start = doc.tokens[i].span.start;
        if (start >= m.span.start && start < m.span.end) at[i] = static_cast<int>(e);
      }
    }
  }
  return at;
}

// Every mention of `entities` by start, among equal starts in the order of
// entities and their mentions (a stable sort): what FindQuotes hands out.
std::vector<MentionSpan> MentionsByStart(const std::vector<Entity>& entities) {
  std::vector<MentionSpan> sorted;
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const Mention& m : entities[e].mentions)
      sorted.push_back({m.span.start, m.span.end, static_cast<int>(e)});
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const MentionSpan& a, const MentionSpan& b) { return a.start < b.start; });
  return sorted;
}

// The window's typed range [typed_begin, typed_end) is tight: every token
// with an entity type lies in it, and its first and last tokens have one.
void ExpectTypedRange(const ClaimTokens& window, uint32_t begin, uint32_t end) {
  const uint32_t tb = window.typed_begin(), te = window.typed_end();
  bool any = false;
  for (uint32_t i = begin; i < end; ++i) {
    if (window.entity_facts(i) == nullptr) continue;
    any = true;
    EXPECT_GE(i, tb) << i;
    EXPECT_LT(i, te) << i;
  }
  if (!any) {
    EXPECT_EQ(tb, te);
    return;
  }
  ASSERT_LT(tb, te);
  ASSERT_GE(tb, begin);
  ASSERT_LE(te, end);
  EXPECT_NE(window.entity_facts(tb), nullptr);
  EXPECT_NE(window.entity_facts(te - 1), nullptr);
}

// A typed token's EntityFacts say what its type's string does: the hash of
// its "ent:" feature, and its kinds (the fact rules' and HasName's classes).
void ExpectEntityFacts(const ClaimTokens::EntityFacts* facts, std::string_view type, uint32_t i) {
  EXPECT_EQ(facts->type_hash, HashFeature(type, HashFeature("ent:"))) << i;
  const bool quantity = type == "MONEY" || type == "PERCENT" || type == "QUANTITY";
  const bool cardinal = type == "CARDINAL";
  const bool name = !quantity && !cardinal && type != "DATE" && type != "TIME" && type != "ORDINAL";
  EXPECT_EQ((facts->kinds & ClaimTokens::kEntityQuantity) != 0, quantity) << i << " " << type;
  EXPECT_EQ((facts->kinds & ClaimTokens::kEntityCardinal) != 0, cardinal) << i << " " << type;
  EXPECT_EQ((facts->kinds & ClaimTokens::kEntityName) != 0, name) << i << " " << type;
}

// The window's tokens [begin, end) have the entities `types` (TokenEntityTypes'
// by token: the type string of the entity that wins the token, told apart by
// its address, one string an entity) says they have: EntityFacts exactly
// where there is a type, facts that say what the type's string does, and one
// EntityFacts for the tokens of one entity and only for them (the features
// read runs of an entity's tokens by their EntityFacts' address).
void ExpectEntities(const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                    const std::vector<const char*>& types) {
  std::map<const ClaimTokens::EntityFacts*, const char*> type_of;
  std::map<const char*, const ClaimTokens::EntityFacts*> facts_of;
  for (uint32_t i = begin; i < end; ++i) {
    const ClaimTokens::EntityFacts* const facts = tokens.entity_facts(i);
    ASSERT_EQ(facts == nullptr, types[i] == nullptr) << i;
    if (facts == nullptr) continue;
    ExpectEntityFacts(facts, types[i], i);
    EXPECT_EQ(type_of.emplace(facts, types[i]).first->second, types[i]) << i;
    EXPECT_EQ(facts_of.emplace(types[i], facts).first->second, facts) << i;
  }
}

// FindClaims reads ClaimTokens a sentence at a time: every window must say of
// each token what the table over the whole document says (folded words,
// classes, hashes, and the entities of mentions reaching across windows).
TEST(ClaimsTest, ClaimTokensWindowsMatchTheWholeDocument) {
  const std::string text =
      "KYIV, Ukraine - President Volodymyr Zelensky said on Monday that Ukraine's forces had "
      "retaken 20 towns. \u201cWe will not stop,\u201d he told reporters in Kyiv. The U.S. "
      "Defense Secretary Lloyd Austin visited the Pentagon.\n\nAccording to NATO, costs rose "
      "by 12% to $1.2bn in 2022. Zelensky\u2019s aides denied it. Mr. Austin declined.";
  Document doc = BuildDocument(text);
  std::vector<Warning> warnings;
  std::vector<Entity> entities = FindEntities(doc, &warnings);
  ASSERT_FALSE(entities.empty());
  ClaimTokens whole(doc, entities);
  ClaimTokens window(doc, entities, ClaimTokens::Empty{});
  // The references: TokenEntityTypes, and the last entity (in the order of
  // entities and their mentions) with a mention holding the token's start.
  const std::vector<const char*> types = TokenEntityTypes(doc, entities);
  const std::vector<int> at = LastEntityAt(doc, entities);
  ExpectEntities(whole, 0, static_cast<uint32_t>(doc.tokens.size()), types);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(whole.entity(i), at[i]) << i;
    FactWord fact = kFwNone;
    const uint32_t classes = WordClasses(doc.Folded(i), &fact);
    const TokenKind kind = doc.tokens[i].kind;
    if (kind == TokenKind::kPunct || kind == TokenKind::kQuote) {
      EXPECT_EQ(whole.classes(i), 0u) << i;
      EXPECT_EQ(whole.fact(i), kFwNone) << i;
    } else {
      EXPECT_EQ(whole.classes(i), classes) << i;
      EXPECT_EQ(whole.fact(i), fact) << i;
    }
  }
  size_t typed = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the second pass starts over from the text's start
    for (const Sentence& s : doc.sentences) {
      window.Cover(s.begin, s.end);
      for (uint32_t i = s.begin; i < s.end; ++i) {
        EXPECT_EQ(window.folded(i), whole.folded(i)) << i;
        EXPECT_EQ(window.norm(i), whole.norm(i)) << i;
        EXPECT_EQ(window.classes(i), whole.classes(i)) << i;
        EXPECT_EQ(window.fact(i), whole.fact(i)) << i;
        EXPECT_EQ(window.unigram(i), whole.unigram(i)) << i;
        EXPECT_EQ(window.entity_facts_from(s.begin)[i - s.begin], window.entity_facts(i)) << i;
        EXPECT_EQ(window.entity(i), whole.entity(i)) << i;
        typed += whole.entity_facts(i) != nullptr;
      }
      ExpectEntities(window, s.begin, s.end, types);
      ExpectTypedRange(window, s.begin, s.end);
    }
  }
  ExpectTypedRange(whole, 0, static_cast<uint32_t>(doc.tokens.size()));
  EXPECT_GT(typed, 4u);
}

// Mentions of any shape (across sentences, starting or ending inside a
// token, nested, later in the list but earlier in the text): each window says
// of its tokens what TokenEntityTypes and the mention spans say.
TEST(ClaimsTest, ClaimTokensWindowsTakeMentionsOfAnyShape) {
  const std::string text = "Alpha beta. Gamma delta epsilon. Zeta eta theta.\n\nIota kappa.";
  Document doc = BuildDocument(text);
  ASSERT_GE(doc.sentences.size(), 4u);
  auto span = [&](std::string_view from, size_t skip, std::string_view to, size_t keep) {
    const uint32_t start = static_cast<uint32_t>(text.find(from) + skip);
    const uint32_t end = static_cast<uint32_t>(text.find(to) + keep);
    return Span{start, end};
  };
  std::vector<Entity> entities(3);
  entities[0].type = "ORG";
  entities[0].mentions = {{span("beta", 2, "delta", 3)},  // mid-word across two sentences
                          {span("eta ", 0, "eta ", 3)},
                          {span("Iota", 0, "kappa", 5)}};
  entities[1].type = "PERSON";
  entities[1].mentions = {{span("Alpha", 0, "Alpha", 5)},
                          {span("Gamma", 0, "Gamma", 5)},     // inside entity 0's first mention
                          {span("theta", 1, "theta", 3)},     // inside one token
                          {span("epsilon", 0, "theta", 5)}};  // over a sentence end
  entities[2].type = "DATE";
  entities[2].mentions = {{span("Zeta", 0, "Zeta", 0)}};  // empty
  const std::vector<const char*> types = TokenEntityTypes(doc, entities);
  const std::vector<int> at = LastEntityAt(doc, entities);
  ClaimTokens whole(doc, entities);
  ClaimTokens window(doc, entities, ClaimTokens::Empty{});
  ExpectEntities(whole, 0, static_cast<uint32_t>(doc.tokens.size()), types);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) EXPECT_EQ(whole.entity(i), at[i]) << i;
  // Sentence by sentence, a window says what the whole document's does.
  auto expect_sentence_windows = [&](ClaimTokens& tokens) {
    for (const Sentence& s : doc.sentences) {
      tokens.Cover(s.begin, s.end);
      ExpectEntities(tokens, s.begin, s.end, types);
      for (uint32_t i = s.begin; i < s.end; ++i) EXPECT_EQ(tokens.entity(i), at[i]) << i;
      ExpectTypedRange(tokens, s.begin, s.end);
    }
  };
  expect_sentence_windows(window);
  ExpectTypedRange(whole, 0, static_cast<uint32_t>(doc.tokens.size()));
  // The same windows from the mentions sorted by start as FindQuotes gives
  // them (ClaimTokens reads them in place).
  const std::vector<MentionSpan> by_start = MentionsByStart(entities);
  ClaimTokens listed(doc, entities, ClaimTokens::Empty{}, &by_start);
  expect_sentence_windows(listed);
  // Windows of one token each (a token inside a mention, or outside all).
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    window.Cover(i, i + 1);
    ExpectEntities(window, i, i + 1, types);
    ExpectTypedRange(window, i, i + 1);
  }
  // Some of them start inside a token (its type, not its entity) and reach
  // into the next sentence.
  const uint32_t beta = 1, delta = 4;
  ASSERT_EQ(doc.Text(beta), "beta");
  EXPECT_STREQ(types[beta], "ORG");
  EXPECT_EQ(at[beta], -1);
  ASSERT_EQ(doc.Text(delta), "delta");
  EXPECT_STREQ(types[delta], "ORG");
  EXPECT_EQ(at[delta], 0);
  EXPECT_EQ(at[delta - 1], 1);  // Gamma: entity 1's mention comes later in the list
}

// The Quotes stage hands out every mention sorted by start (FindQuotes'
// `mentions`), which the Claims stage reads in place of a sorted copy of its
// own: each window then says of its tokens what it says from its own copy,
// for mentions of any shape, and FindClaims finds the same claims.
TEST(ClaimsTest, ClaimTokensReadTheQuotesStagesMentions) {
  const std::string text =
      "KYIV, Ukraine - President Volodymyr Zelensky said on Monday that Ukraine's forces had "
      "retaken 20 towns, costing Russia $1.2bn. \u201cWe will not stop,\u201d he told "
      "reporters in Kyiv. The U.S. Defense Secretary Lloyd Austin visited the Pentagon; NATO "
      "said costs rose by 12% in 2022.\n\nAccording to NATO, Russia lost 300 tanks, but "
      "Zelensky\u2019s aides said Ukraine lost more than 40 in May. Mr. Austin declined.";
  Document doc = BuildDocument(text);
  std::vector<Warning> warnings;
  std::vector<Entity> entities = FindEntities(doc, &warnings);
  ASSERT_FALSE(entities.empty());
  std::vector<MentionSpan> mentions;
  const std::vector<Quote> quotes = FindQuotes(doc, entities, &warnings, &mentions);
  // Every mention once, by start; among equal starts, in the order of
  // entities and their mentions.
  const std::vector<MentionSpan> expected = MentionsByStart(entities);
  ASSERT_EQ(mentions.size(), expected.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(mentions[k].start, expected[k].start) << k;
    EXPECT_EQ(mentions[k].end, expected[k].end) << k;
    EXPECT_EQ(mentions[k].entity, expected[k].entity) << k;
  }
  ClaimTokens own(doc, entities, ClaimTokens::Empty{});
  ClaimTokens read(doc, entities, ClaimTokens::Empty{}, &mentions);
  const std::vector<const char*> types = TokenEntityTypes(doc, entities);
  for (const Sentence& s : doc.sentences) {
    own.Cover(s.begin, s.end);
    read.Cover(s.begin, s.end);
    ExpectEntities(own, s.begin, s.end, types);
    ExpectEntities(read, s.begin, s.end, types);
    for (uint32_t i = s.begin; i < s.end; ++i) EXPECT_EQ(read.entity(i), own.entity(i)) << i;
    EXPECT_EQ(read.typed_begin(), own.typed_begin());
    EXPECT_EQ(read.typed_end(), own.typed_end());
  }
  const std::vector<Claim> a = FindClaims(doc, entities, quotes);
  const std::vector<Claim> b = FindClaims(doc, entities, quotes, &mentions);
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  for (size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].span.start, b[k].span.start) << k;
    EXPECT_EQ(a[k].span.end, b[k].span.end) << k;
    EXPECT_EQ(a[k].score, b[k].score) << k;
    EXPECT_EQ(a[k].types, b[k].types) << k;
    EXPECT_EQ(a[k].hedged, b[k].hedged) << k;
    EXPECT_EQ(a[k].source.entity, b[k].source.entity) << k;
    EXPECT_EQ(a[k].source.quote, b[k].source.quote) << k;
    ASSERT_EQ(a[k].num_reasons, b[k].num_reasons) << k;
    for (size_t r = 0; r < a[k].num_reasons; ++r) EXPECT_EQ(a[k].reasons[r], b[k].reasons[r]);
  }
  // An empty document: no token, no quote, no mention.
  Document empty = BuildDocument("");
  std::vector<MentionSpan> none = {{1, 2, 0}};
  EXPECT_TRUE(FindQuotes(empty, {}, &warnings, &none).empty());
  EXPECT_TRUE(none.empty());
}

// ExtractClaimFeatures counts the word features before computing them (their
// value is 1/sqrt of the count, times 0.5): the count (CountClause's, with the
// quote marks and words FindClaims reads of a clause) must be theirs. And
// ClaimMargin, which weighs the features as they come without writing the
// word features, gives model.Margin of ExtractClaimFeatures' features to the
// bit, with the weights of the features that follow the words summed by
// family and the tokens whose unigram weighs over 0.02 (a word, number or
// symbol's: punctuation and quote marks have none), for the reasons; for the
// compiled-in model (quantized) and for a model of floats. It lists the range's FactTokens as
// ListFactTokens does: the tokens a fact rule reads (a word with classes or a
// fact word read alone, a number, a symbol, a token with an entity of a
// figure's type: MONEY, PERCENT, QUANTITY, CARDINAL; no quote mark, and no
// name's token but by its word), as ReadFacts tested each token.
TEST(ClaimsTest, ClaimMarginIsTheMarginOfTheFeatures) {
  const std::string text =
      "KYIV, Ukraine - President Volodymyr Zelensky said: \u201cWe will not stop,\u201d costs "
      "rose by 12% to $1.2bn in 2022; the U.S. (and NATO) disagreed!? \"No,\" he said - "
      "twice... Really? Prices: \u20ac5, \u00a33 -- 14th, 1.5 and 300 http://example.com "
      "won't stop.\n\nAccording to NATO, forty-three of the deadliest attacks came in May.";
  Document doc = BuildDocument(text);
  std::vector<Warning> warnings;
  std::vector<Entity> entities = FindEntities(doc, &warnings);
  ClaimTokens tokens(doc, entities);
  ClaimModel floats;
  floats.bits = 10;
  floats.bias = -0.37f;
  for (uint32_t i = 0; i < (1u << floats.bits); ++i) {
    floats.weights.push_back(static_cast<float>(static_cast<int>(i * 2654435761u % 2001) - 1000) /
                             997.0f);
  }
  const ClaimModel* models[] = {&DefaultClaimModel(), &floats};
  ASSERT_NE(models[0]->quantized(), nullptr);
  ASSERT_EQ(models[1]->quantized(), nullptr);
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  for (const Sentence& s : doc.sentences) ranges.emplace_back(s.begin, s.end);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  ranges.emplace_back(0, n);
  for (uint32_t b = 0; b < n; b += 3) ranges.emplace_back(b, std::min(n, b + 7));
  ranges.emplace_back(5, 5);
  std::vector<Feature> features;
  MarginParts parts;  // one for every range: its vector only grows
  FactTokens facts;   // one for every range: its vectors only grow
  size_t reads_seen = 0, weighed_seen = 0, names_seen = 0;
  auto expect_facts = [&](uint32_t begin, uint32_t end) {
    std::vector<uint32_t> read;
    for (uint32_t i = begin; i < end; ++i) {
      const TokenKind kind = doc.tokens[i].kind;
      if (kind == TokenKind::kQuote) continue;
      const ClaimTokens::EntityFacts* const e = tokens.entity_facts(i);
      const bool figure =
          e != nullptr &&
          (e->kinds & (ClaimTokens::kEntityQuantity | ClaimTokens::kEntityCardinal));
      const bool rule =
          (kind == TokenKind::kWord ? tokens.classes(i) != 0 : kind != TokenKind::kPunct) ||
          ((kFactWordsReadAlone >> tokens.fact(i)) & 1) || figure;
      if (rule) read.push_back(i);
      // A name's token with no class is not read ("Zelensky", "NATO").
      if (e != nullptr && (e->kinds & ClaimTokens::kEntityName) && kind == TokenKind::kWord &&
          tokens.classes(i) == 0 && tokens.fact(i) == kFwNone) {
        EXPECT_FALSE(rule) << doc.Text(i);
        ++names_seen;
      }
    }
    ASSERT_EQ(facts.reads, read.size()) << begin << " " << end;
    for (size_t r = 0; r < read.size(); ++r) EXPECT_EQ(facts.read[r], read[r]) << r;
    reads_seen += read.size();
  };
  for (const auto& [begin, end] : ranges) {
    ListFactTokens(doc, tokens, begin, end, &facts);
    expect_facts(begin, end);
    ExtractClaimFeatures(doc, tokens, begin, end, &features);
    ASSERT_GE(features.size(), 2u);
    size_t words = 0;
    for (const Feature& f : features) words += f.family == FeatureFamily::kWord;
    const float value = static_cast<float>(1.0 / std::sqrt(static_cast<double>(words))) * 0.5f;
    size_t tail = 1;
    while (tail < features.size() && features[tail].family == FeatureFamily::kWord) {
      EXPECT_EQ(features[tail].value, value) << begin << " " << end;
      ++tail;
    }
    EXPECT_EQ(tail, 1 + words) << "the word features come first, after the bias";
    // CountClause's counts.
    const ClauseCounts counts = CountClause(doc, begin, end);
    EXPECT_EQ(counts.word_features, words);
    size_t marks = 0, word_like = 0;
    for (uint32_t i = begin; i < end; ++i) {
      const TokenKind kind = doc.tokens[i].kind;
      marks += kind == TokenKind::kQuote;
      word_like += kind == TokenKind::kWord || kind == TokenKind::kNumber;
    }
    EXPECT_EQ(counts.quote_marks, marks);
    EXPECT_EQ(counts.words, word_like);
    for (const ClaimModel* model : models) {
      facts.reads = 0;
      const double margin = ClaimMargin(doc, tokens, begin, end, counts, *model, &parts, &facts);
      EXPECT_EQ(margin, model->Margin(features)) << begin << " " << end;
      expect_facts(begin, end);
      EXPECT_EQ(parts.word_value, value) << begin << " " << end;
      double sums[static_cast<size_t>(FeatureFamily::kCount)] = {};
      for (size_t k = tail; k < features.size(); ++k) {
        EXPECT_NE(features[k].family, FeatureFamily::kWord);
        sums[static_cast<size_t>(features[k].family)] +=
            model->Weight(features[k].hash) * features[k].value;
      }
      for (size_t f = 0; f < static_cast<size_t>(FeatureFamily::kCount); ++f) {
        EXPECT_EQ(parts.family_sum[f], sums[f]) << begin << " " << end << " family " << f;
      }
      std::vector<uint32_t> weighed;
      for (uint32_t i = begin; i < end; ++i) {
        const TokenKind kind = doc.tokens[i].kind;
        if (kind == TokenKind::kPunct || kind == TokenKind::kQuote) continue;
        const double c = model->Weight(tokens.unigram(i)) * value;
        if (c > 0.02) weighed.push_back(i);
      }
      ASSERT_EQ(parts.weighed, weighed.size()) << begin << " " << end;
      for (size_t k = 0; k < weighed.size(); ++k) EXPECT_EQ(parts.weighed_tokens[k], weighed[k]);
      weighed_seen += weighed.size();
    }
  }
  EXPECT_GT(reads_seen, 0u);
  EXPECT_GT(names_seen, 0u);
  EXPECT_GT(weighed_seen, 0u);
}

}  // namespace
}  // namespace lede
