// lede::Compare on sentences from the two Ukraine articles of the same week:
// names merged across spellings, claims both make, figures that differ,
// quotes both carry, and the JSON a reader gets.
#include "lede/compare.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lede/lede.h"

namespace lede {
namespace {

// An Analysis with hand-made entities, so name merging is tested on its own
// (the entity stage has its own tests).
Analysis WithNames(const std::string& text,
                   const std::vector<std::pair<std::string, std::string>>& names) {
  Analysis a = Analyze(text);
  a.entities.clear();
  a.claims.clear();
  a.quotes.clear();
  for (const auto& [name, type] : names) {
    Entity e;
    e.name = name;
    e.type = type;
    size_t at = text.find(name);
    if (at != std::string::npos) {
      e.mentions.push_back(
          Mention{Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())}});
    }
    a.entities.push_back(e);
  }
  return a;
}

bool SharesName(const Comparison& c, const std::string& name) {
  for (const SharedEntity& e : c.entities) {
    if (e.name == name) return true;
  }
  return false;
}

TEST(CompareTest, NamesMergeAcrossSpellingsAndAliases) {
  Analysis a =
      WithNames("Zelensky met US officials in Kiev. Putin spoke.",
                {{"Zelensky", "PERSON"}, {"US", "GPE"}, {"Kiev", "GPE"}, {"Putin", "PERSON"}});
  Analysis b = WithNames(
      "Volodymyr Zelenskyy told the United States in Kyiv. The U.S. agreed. Lavrov spoke.",
      {{"Volodymyr Zelenskyy", "PERSON"},
       {"United States", "GPE"},
       {"U.S.", "GPE"},
       {"Kyiv", "GPE"},
       {"Lavrov", "PERSON"}});
  Comparison c = Compare(a, b);
  EXPECT_TRUE(SharesName(c, "Volodymyr Zelenskyy"));
  EXPECT_TRUE(SharesName(c, "United States"));
  EXPECT_TRUE(SharesName(c, "Kiev") || SharesName(c, "Kyiv"));
  ASSERT_EQ(c.entities.size(), 3u);
  for (const SharedEntity& e : c.entities) {
    if (e.name == "United States") EXPECT_EQ(e.b.size(), 2u) << "US and U.S. are one name in b";
  }
  ASSERT_EQ(c.entities_only_a.size(), 1u);
  EXPECT_EQ(c.entities_only_a[0].name, "Putin");
  ASSERT_EQ(c.entities_only_b.size(), 1u);
  EXPECT_EQ(c.entities_only_b[0].name, "Lavrov");
}

TEST(CompareTest, TheSameClaimInOtherWords) {
  Analysis a = Analyze(
      "The retaliatory fire came as Ukraine said forces had recaptured more than 20 additional "
      "settlements.");
  Analysis b = Analyze(
      "The Ukrainian military said on Monday that in the previous 24 hours it had advanced into "
      "an additional 20 Russian-held towns and villages \u2013 claims that could not be "
      "independently verified.");
  ASSERT_EQ(a.claims.size(), 1u);
  ASSERT_EQ(b.claims.size(), 1u);
  Comparison c = Compare(a, b);
  ASSERT_EQ(c.claims.size(), 1u);
  EXPECT_EQ(c.claims[0].figures, std::vector<std::string>{"20"});
  EXPECT_TRUE(c.claims_only_a.empty());
  EXPECT_TRUE(c.claims_only_b.empty());
  EXPECT_TRUE(c.figures.empty());
}

TEST(CompareTest, UnrelatedClaimsStayApart) {
  Analysis a = Analyze(
      "US Defense Secretary Lloyd Austin announced this week a meeting of senior national "
      "armaments directors from allied countries.");
  Analysis b = Analyze(
      "Chechen leader Ramzan Kadyrov said he might have to talk to Putin himself because he "
      "did not trust Putin to get the bad news from his advisers.");
  Comparison c = Compare(a, b);
  EXPECT_TRUE(c.claims.empty());
  EXPECT_EQ(c.claims_only_a.size(), a.claims.size());
  EXPECT_EQ(c.claims_only_b.size(), b.claims.size());
}

TEST(CompareTest, FiguresThatDisagree) {
  Analysis a =
      Analyze("Ukraine said on Monday its forces recaptured 20 villages in the Kharkiv region.");
  Analysis b =
      Analyze("Ukraine said on Monday its forces recaptured 35 villages in the Kharkiv region.");
  ASSERT_EQ(a.claims.size(), 1u);
  ASSERT_EQ(b.claims.size(), 1u);
  Comparison c = Compare(a, b);
  ASSERT_EQ(c.figures.size(), 1u);
  EXPECT_EQ(a.Text(c.figures[0].a), "20");
  EXPECT_EQ(b.Text(c.figures[0].b), "35");
  EXPECT_NE(c.figures[0].message.find("20"), std::string::npos);
  EXPECT_TRUE(c.claims.empty()) << "claims whose figures disagree are not the same claim";

  // Different places: 500 km2 in Kherson is not the 3,000 km2 of the front.
  a = Analyze(
      "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
      "the southern Kherson region.");
  b = Analyze(
      "On Sunday, Ukraine's top commander, General Valery Zaluzhny, said his forces had retaken "
      "more than 3,000 square kilometers, 1,100 square miles, in less than a week.");
  EXPECT_TRUE(Compare(a, b).figures.empty());

  // A conversion is the same figure: 193 square miles = 500 square kilometres.
  a = Analyze("Ukraine said its forces recaptured 500 square kilometres in the Kherson region.");
  b = Analyze("Ukraine said its forces recaptured 193 square miles in the Kherson region.");
  c = Compare(a, b);
  EXPECT_TRUE(c.figures.empty());
  EXPECT_EQ(c.claims.size(), 1u);
}

TEST(CompareTest, QuotesBothCarry) {
  std::string ta =
      "\u201cWe have reached the Russian border, so it is time to take a breather,\u201d Misha "
      "said.";
  std::string tb = "Misha said it was time to take a breather after they reached the border.";
  Analysis a = WithNames(ta, {{"Misha", "PERSON"}});
  Analysis b = WithNames(tb, {{"Misha", "PERSON"}});
  Quote qa;
  qa.span = Span{3, static_cast<uint32_t>(ta.find(",\u201d"))};
  qa.has_speaker = true;
  qa.speaker.entity = 0;
  a.quotes.push_back(qa);
  Quote qb;
  qb.kind = Quote::Kind::kIndirect;
  qb.span = Span{static_cast<uint32_t>(tb.find("it was")), static_cast<uint32_t>(tb.size() - 1)};
  qb.has_speaker = true;
  qb.speaker.entity = 0;
  b.quotes.push_back(qb);
  Quote other;  // someone else, other words
  other.span = Span{0, 5};
  b.quotes.push_back(other);
  Comparison c = Compare(a, b);
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "Misha");
  EXPECT_GT(c.quotes[0].overlap, 0.3);
  EXPECT_EQ(c.quotes_only_b, std::vector<int>{1});
}

TEST(CompareTest, EmptyOrRefusedInputs) {
  Analysis empty = Analyze("");
  Options tiny;
  tiny.max_input_bytes = 4;
  Analysis refused = Analyze("far too long", tiny);
  Analysis some = Analyze("Ukraine said its forces recaptured 20 villages on Monday.");
  for (const Analysis* x : {&empty, &refused, &some}) {
    for (const Analysis* y : {&empty, &refused, &some}) {
      Comparison c = Compare(*x, *y);
      nlohmann::json j = nlohmann::json::parse(CompareToJson(c, *x, *y), nullptr, false);
      EXPECT_FALSE(j.is_discarded());
    }
  }
}

std::string ReadShared(const std::string& rel) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("LEDE_SHARED_DIR")) dirs.push_back(env);
  dirs.push_back(LEDE_SHARED_DIR);
  dirs.push_back(std::string(LEDE_SOURCE_DIR) + "/../../shared");
  for (const std::string& d : dirs) {
    std::ifstream in(d + "/" + rel);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

TEST(CompareTest, TwoArticlesOfTheSameWeek) {
  std::string ta = ReadShared("articles/000_724cd630e37b2297.txt");
  std::string tb = ReadShared("articles/002_4bda11de0e7c9aba.txt");
  if (ta.empty() || tb.empty()) GTEST_SKIP() << "../shared/articles not found";
  Analysis a = Analyze(ta), b = Analyze(tb);
  Comparison c = Compare(a, b);
  for (const char* name : {"Ukraine", "Russia", "Kharkiv", "Izyum", "NATO", "Pentagon"}) {
    EXPECT_TRUE(SharesName(c, name)) << name;
  }
  bool us = SharesName(c, "United States") || SharesName(c, "US") || SharesName(c, "U.S.");
  EXPECT_TRUE(us) << "US (a) and United States / U.S. (b)";
  // "recaptured more than 20 additional settlements" / "advanced into an
  // additional 20 Russian-held towns and villages".
  bool twenty = false;
  for (const SharedClaim& s : c.claims) {
    std::string_view x = a.Text(a.claims[s.a].span), y = b.Text(b.claims[s.b].span);
    if (x.find("more than 20 additional settlements") != std::string_view::npos &&
        y.find("additional 20 Russian-held towns") != std::string_view::npos) {
      twenty = true;
    }
  }
  EXPECT_TRUE(twenty);
  EXPECT_FALSE(c.claims_only_a.empty());
  EXPECT_FALSE(c.claims_only_b.empty());
  EXPECT_GT(c.entities_only_b.size(), c.entities_only_a.size()) << "b is the longer article";

  // The JSON a reader gets: utf16 offsets that slice the text.
  nlohmann::json j = nlohmann::json::parse(CompareToJson(c, a, b));
  EXPECT_EQ(j["kind"], "compare");
  ASSERT_FALSE(j["claims"]["both"].empty());
  const auto& first = j["claims"]["both"][0]["a"];
  EXPECT_EQ(first["text"].get<std::string>(), std::string(a.Text(a.claims[c.claims[0].a].span)));
}

}  // namespace
}  // namespace lede
