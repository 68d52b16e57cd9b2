// Consistency checks on real and news-like sentences: which check fires, its
// verdict, and the arithmetic a reader sees in the message.
#include "checks/checks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "entities/figures.h"
#include "lede/lede.h"
#include "text/document.h"

namespace lede {
namespace {

std::vector<Check> Checks(const std::string& text) {
  Document d = BuildDocument(text);
  return RunChecks(d, FindFigures(d), {});
}

struct Case {
  const char* text;
  const char* kind;  // nullptr: no check at all
  const char* verdict;
  const char* message;  // a part of the message, or nullptr
};

TEST(ChecksTest, Table) {
  const Case cases[] = {
      // Stated conversions.
      {"Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
       "the southern Kherson region.",
       "unit-conversion", "consistent", "500 km\xC2\xB2 = 193.1 mi\xC2\xB2; stated 193 mi\xC2\xB2"},
      {"On Sunday, Ukraine's top commander, General Valery Zaluzhny, said his forces had retaken "
       "more than 3,000 square kilometers, 1,100 square miles, in less than a week.",
       "unit-conversion", "approximate", "3,000 km\xC2\xB2 = 1,158.3 mi\xC2\xB2; stated 1,100"},
      {"The column advanced 30 kilometres (12 miles) in a day.", "unit-conversion", "inconsistent",
       "30 km = 18.6 mi; stated 12 mi"},
      {"The convoy stretched for 40 miles (64 km) north of Kyiv.", "unit-conversion", "consistent",
       nullptr},
      {"The convoy stretched for 40 miles (60 km) north of Kyiv.", "unit-conversion", "approximate",
       nullptr},
      {"Temperatures fell to -5C (23F) overnight.", "unit-conversion", "consistent",
       "-5\xC2\xB0"
       "C = 23.0\xC2\xB0"
       "F"},
      {"Temperatures reached 40C (100F) in the shade.", "unit-conversion", "inconsistent", nullptr},
      {"Each shell weighs 43.5 kilograms (96 pounds).", "unit-conversion", "consistent", nullptr},
      {"Each shell weighs 43.5 kilograms (80 pounds).", "unit-conversion", "inconsistent", nullptr},
      {"The EU approved 500 million euros ($540 million) in military aid. ($1 = 0.9259 euros)",
       "unit-conversion", "consistent", "at the stated rate"},
      {"The EU approved 500 million euros ($640 million) in military aid. ($1 = 0.9259 euros)",
       "unit-conversion", "inconsistent", nullptr},
      // One measure in two units, then its conversion.
      {"The baby girl, a 7-pound, 4-ounce (3.3 kg) newborn, is healthy.", "unit-conversion",
       "consistent", "7 lb 4 oz = 3.29 kg"},
      {"He stood six foot, three inches tall.", nullptr, nullptr, nullptr},
      {"The storm already has winds of 105 mph (185 kph), forecasters said.", "unit-conversion",
       "inconsistent", "105 mph = 169.0 km/h; stated 185 km/h"},
      {"The sub was stuck about 200 feet (about 70 metres) below the surface.", "unit-conversion",
       "approximate", nullptr},
      {"Rebels took a village about 345 miles (550 km) northeast of the capital.",
       "unit-conversion", "approximate", nullptr},
      {"Kyiv set the rate at 36.6 hryvnias to the dollar. The budget adds 100 billion hryvnias "
       "($2.7 billion) for defence.",
       "unit-conversion", "consistent", "at the stated rate"},
      // Without a stated rate, currencies are not checked.
      {"The EU approved 500 million euros ($640 million) in military aid.", nullptr, nullptr,
       nullptr},
      // Percent change with its base.
      {"The number of seats rose from 40 to 50, a 25% rise.", "percent-change", "consistent",
       "from 40 to 50 is +25"},
      {"The number of seats rose from 40 to 50, a 20% rise.", "percent-change", "inconsistent",
       nullptr},
      {"Exports rose from 120 to 155 tonnes, a 30% increase.", "percent-change", "approximate",
       nullptr},
      {"Support fell from 40 to 50 percent, a 25% drop.", "percent-change", "inconsistent",
       "the wrong direction"},
      {"Support rose from 40% to 50%, a 10% rise.", "percent-change", "approximate",
       "percentage points"},
      {"Seats fell from 50 to 40, a 25% drop.", "percent-change", "inconsistent", nullptr},
      {"Seats fell from 50 to 40, a 20% drop.", "percent-change", "consistent", nullptr},
      {"Support rose from 40% to 50%, up 10 percentage points.", "percent-change", "consistent",
       nullptr},
      // Percentages of a whole.
      {"Officials said turnout reached 120% of voters in the district.", "percentage",
       "inconsistent", "120% of voters"},
      {"The plant is running at 150% of capacity.", nullptr, nullptr, nullptr},
      {"In the poll, 55% said they approved of the plan, while 50% disapproved.", "percentage",
       "inconsistent", "55% + 50% = 105"},
      {"In the poll, 52% said they approved of the plan, while 45% disapproved.", nullptr, nullptr,
       nullptr},
      {"Some 60% of Democrats said they backed it, while 55% of Republicans said they opposed it.",
       nullptr, nullptr, nullptr},
      {"Prices rose 60% last year, and 50% said they were worried.", nullptr, nullptr, nullptr},
      {"Only 52 percent agreed that she is healthy enough to serve, while 73 percent said the "
       "same of him.",
       nullptr, nullptr, nullptr},
      // Parts and whole.
      {"The strike killed 20 people, including 12 soldiers and 9 civilians.", "parts-sum",
       "inconsistent", "12 + 9 = 21"},
      {"The strike killed 20 people, including 12 soldiers and 8 civilians.", "parts-sum",
       "consistent", nullptr},
      {"The strike killed 20 people (12 soldiers and 9 civilians), officials said.", "parts-sum",
       "inconsistent", nullptr},
      {"Officials said 12 of the 10 council members voted for the plan.", "parts-sum",
       "inconsistent", "\"12 of the 10\": the part is larger than the whole"},
      {"The Rangers have won 10 of their last 12 games.", nullptr, nullptr, nullptr},
      {"Seven of nine meetings went ahead.", nullptr, nullptr, nullptr},
      // The same duration stated twice (sentences from one article).
      {"The territorial shifts were one of Russia's biggest reversals since its forces were "
       "turned back from Kyiv in the earliest days of the nearly seven months of fighting. "
       "Western governments are mobilizing their arms manufacturers to replenish stockpiles "
       "heavily diminished by supplying Ukraine's six-month-old battle against Russia's "
       "invasion.",
       "duration", "inconsistent", "\"nearly seven months\" (about 7 months) vs \"six-month-old\""},
      {"Kyiv was attacked seven months into the war. It was a six-month-old war by then.",
       "duration", "inconsistent", nullptr},
      {"The nearly seven months of fighting took a toll. The men returned home for the first time "
       "in seven months.",
       nullptr, nullptr, nullptr},
      {"The nearly seven months of fighting took a toll. Her six-month-old baby was evacuated.",
       nullptr, nullptr, nullptr},
      {"The seven months of fighting took a toll. After more than six months of war, the front "
       "moved.",
       nullptr, nullptr, nullptr},
      // Ages of two people are not a duration stated twice.
      {"The 24-year-old American beat his rival. The 27-year-old American lost on Monday.", nullptr,
       nullptr, nullptr},
      // Sports results and table rows are not repeated counts.
      {"Boston has won 15 of its last 19 games. Atlanta has won 11 of its last 13 games.", nullptr,
       nullptr, nullptr},
      {"Ireland beat Liechtenstein 5-0 (halftime 4-0) in a qualifier.", nullptr, nullptr, nullptr},
      {"In the third vote Meri won 52 and Ruutel won 32 votes. Ruutel won 34 votes in the first "
       "vote.",
       nullptr, nullptr, nullptr},
      // The same count of the same thing.
      {"Russian strikes killed 20 civilians in Kharkiv. Officials later said the strikes killed "
       "25 civilians.",
       "repeated-figure", "inconsistent", nullptr},
      {"On Monday, strikes killed 20 civilians. On Tuesday, strikes killed 25 civilians.", nullptr,
       nullptr, nullptr},
      {"Ukraine said forces had recaptured more than 20 additional settlements. It had "
       "recaptured 30 additional settlements by Sunday.",
       nullptr, nullptr, nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<Check> checks = Checks(c.text);
    if (!c.kind) {
      for (const Check& k : checks)
        ADD_FAILURE() << k.kind << " " << k.verdict << ": " << k.message;
      continue;
    }
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].kind, c.kind);
    EXPECT_EQ(checks[0].verdict, c.verdict) << checks[0].message;
    if (c.message)
      EXPECT_NE(checks[0].message.find(c.message), std::string::npos) << checks[0].message;
    EXPECT_GE(checks[0].spans.size(), 1u);
  }
}

TEST(ChecksTest, SpansPointAtTheFigures) {
  std::string text =
      "Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles).";
  std::vector<Check> checks = Checks(text);
  ASSERT_EQ(checks.size(), 1u);
  ASSERT_EQ(checks[0].spans.size(), 2u);
  auto at = [&](Span s) { return text.substr(s.start, s.end - s.start); };
  EXPECT_EQ(at(checks[0].spans[0]), "500 square kilometres");
  EXPECT_EQ(at(checks[0].spans[1]), "193 square miles");
}

TEST(ChecksTest, AbsurdFiguresNeverFail) {
  std::string huge(5000, '9');
  const std::string texts[] = {
      huge + " km (1 mile) and " + huge + " kg (" + huge + " lb).",
      "It went from 0 to 5, a 10% rise, from " + huge + " to 5, a 10% fall.",
      "0 km (0 miles). 1e999 km. 1,2,3,4 km (1 mile).",
      "It killed " + huge + " people, including " + huge + " soldiers and 1 civilian.",
  };
  for (const std::string& t : texts) {
    std::vector<Check> checks = Checks(t);
    for (const Check& c : checks) EXPECT_FALSE(c.message.empty());
  }
  // Many repeated durations stay bounded (buckets are capped).
  std::string many;
  for (int i = 0; i < 3000; ++i)
    many += "It was " + std::to_string(i % 12 + 1) + " months of war. ";
  std::vector<Check> checks = Checks(many);
  EXPECT_LT(checks.size(), 64u * 64u);
}

// The two shared articles through the whole pipeline (runs when present).
TEST(ChecksTest, SharedArticles) {
  struct Want {
    const char* file;
    std::vector<std::string> checks;  // "kind verdict"
  };
  const Want wants[] = {
      {"/articles/000_724cd630e37b2297.txt",
       {"duration inconsistent", "unit-conversion consistent"}},
      {"/articles/002_4bda11de0e7c9aba.txt", {"unit-conversion approximate"}},
  };
  for (const Want& w : wants) {
    std::ifstream in(std::string(LEDE_SHARED_DIR) + w.file);
    if (!in) GTEST_SKIP() << "shared articles not found";
    std::stringstream ss;
    ss << in.rdbuf();
    Analysis a = Analyze(ss.str());
    std::vector<std::string> got;
    for (const Check& c : a.checks) got.push_back(c.kind + " " + c.verdict);
    EXPECT_EQ(got, w.checks) << w.file;
  }
}

}  // namespace
}  // namespace lede

namespace lede {
namespace {

// Random sentences built from the words the figure and check rules react to,
// with a fixed seed: nothing may crash, every span stays inside the text, and
// every mention span lies within the text (run under ASan/UBSan in debug).
TEST(ChecksTest, RandomFigureSoup) {
  const char* const words[] = {"500",        "3,000",       "1.5",
                               "1.2bn",      "24-hour",     "six-month-old",
                               "20-30",      "4-0",         "2022-09-12",
                               "km",         "square",      "kilometres",
                               "miles",      "(",           ")",
                               ",",          "from",        "to",
                               "a",          "an",          "%",
                               "percent",    "$",           "\xE2\x82\xAC",
                               "=",          "including",   "of",
                               "whom",       "and",         "more",
                               "than",       "nearly",      "about",
                               "between",    "the",         "past",
                               "months",     "of",          "fighting",
                               "war",        "battle",      "killed",
                               "civilians",  "strikes",     "Monday",
                               "September",  "28",          "first",
                               "minus",      "-",           "\xE2\x80\x93",
                               "C",          "F",           "\xC2\xB0",
                               "pounds",     "ounce",       "7-pound",
                               "4-ounce",    "kg",          "rise",
                               "fell",       "1,2,3",       "99999999999999999999999",
                               "0",          "0.0001",      "half",
                               "dozen",      "twenty-five", ".",
                               "per",        "cent",        "points",
                               "percentage", "voters",      "120%",
                               "of",         "mph",         "kph",
                               "ago"};
  const size_t n = sizeof words / sizeof words[0];
  uint32_t seed = 12345;
  auto next = [&]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    for (int w = 0; w < 120; ++w) {
      text += words[next()];
      text += (w % 17 == 16) ? ". " : " ";
    }
    Document d = BuildDocument(text);
    std::vector<Entity> e = FindFigures(d);
    for (const Entity& x : e)
      for (const Mention& m : x.mentions) {
        ASSERT_LE(m.span.start, m.span.end);
        ASSERT_LE(m.span.end, text.size());
      }
    for (const Check& c : RunChecks(d, e, {})) {
      EXPECT_FALSE(c.message.empty());
      for (const Span& s : c.spans) ASSERT_LE(s.end, text.size());
    }
  }
}

}  // namespace
}  // namespace lede
