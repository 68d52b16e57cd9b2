// Figures on real news sentences: the span a reader would mark, its
// OntoNotes type, and the normalised value, unit and approximation.
#include "entities/figures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lede/lede.h"
#include "text/document.h"
#include "xorshift.h"

namespace lede {
namespace {

using Approx = Quantity::Approx;

struct Found {
  std::string text;
  std::string type;
  Figure figure;
};

std::vector<Found> Figures(const std::string& text) {
  Document d = BuildDocument(text);
  std::vector<Found> out;
  for (const Figure& f : FindFigureMentions(d)) {
    out.push_back({std::string(d.Text(f.span)), f.type, f});
  }
  return out;
}

const Found* FindText(const std::vector<Found>& all, const std::string& text) {
  for (const Found& f : all)
    if (f.text == text) return &f;
  return nullptr;
}

struct Case {
  const char* sentence;
  const char* mention;  // the figure's text as marked
  const char* type;
  double value;  // NAN: no quantity expected
  const char* unit;
  Approx approx;
  double value_max;  // NAN: same as value
};

constexpr double kNone = NAN;

TEST(FiguresTest, RealSentences) {
  const Case cases[] = {
      {"Ukraine forces said Monday their lightning counter-offensive took back more ground in the "
       "past 24 hours.",
       "the past 24 hours", "TIME", 24, "hour", Approx::kExact, kNone},
      {"Ukraine forces said Monday their lightning counter-offensive took back more ground.",
       "Monday", "DATE", kNone, "", Approx::kExact, kNone},
      {"It was one of Russia's biggest reversals since the earliest days of the nearly seven "
       "months of fighting.",
       "nearly seven months", "DATE", 7, "month", Approx::kAbout, kNone},
      {"The retaliatory fire came as Ukraine said forces had recaptured more than 20 additional "
       "settlements.",
       "more than 20", "CARDINAL", 20, "", Approx::kMoreThan, kNone},
      {"Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
       "the southern Kherson region.",
       "500 square kilometres", "QUANTITY", 500, "km2", Approx::kExact, kNone},
      {"Ukraine said on Monday its forces recaptured 500 square kilometres (193 square miles) in "
       "the southern Kherson region.",
       "193 square miles", "QUANTITY", 193, "mi2", Approx::kExact, kNone},
      {"Stockpiles were heavily diminished by supplying Ukraine's six-month-old battle against "
       "Russia's invasion.",
       "six-month-old", "DATE", 6, "month", Approx::kExact, kNone},
      {"On Friday, Bill LaPlante said the meeting would take place in Brussels on September 28.",
       "September 28", "DATE", kNone, "", Approx::kExact, kNone},
      {"Ramstein Air Force Base in Germany of the Ukraine Contact Group, 50 countries currently "
       "supporting the war effort.",
       "50", "CARDINAL", 50, "", Approx::kExact, kNone},
      {"General Valery Zaluzhny said his forces had retaken more than 3,000 square kilometers, "
       "1,100 square miles, in less than a week.",
       "more than 3,000 square kilometers", "QUANTITY", 3000, "km2", Approx::kMoreThan, kNone},
      {"General Valery Zaluzhny said his forces had retaken more than 3,000 square kilometers, "
       "1,100 square miles, in less than a week.",
       "1,100 square miles", "QUANTITY", 1100, "mi2", Approx::kExact, kNone},
      {"General Valery Zaluzhny said his forces had retaken more than 3,000 square kilometers, "
       "1,100 square miles, in less than a week.",
       "less than a week", "DATE", 1, "week", Approx::kLessThan, kNone},
      {"Misha, a member of the 14th Brigade, was scrolling on his phone.", "14th", "ORDINAL", 14,
       "", Approx::kExact, kNone},
      {"The army accepted its first supplies on loan from Russia.", "first", "ORDINAL", 1, "",
       Approx::kExact, kNone},
      {"Crimea, which Russia illegally annexed in 2014.", "2014", "DATE", kNone, "", Approx::kExact,
       kNone},
      {"Some residents return to homes for the first time in seven months.", "seven months", "DATE",
       7, "month", Approx::kExact, kNone},
      {"Russia appeared to respond with missile strikes on Sunday night.", "Sunday night", "TIME",
       kNone, "", Approx::kExact, kNone},
      {"Ukraine will not cede an inch of ground to Russia.", "an inch", "QUANTITY", 1, "in",
       Approx::kExact, kNone},
      {"Kharkiv, which was Ukraine's second largest city before the war.", "second", "ORDINAL", 2,
       "", Approx::kExact, kNone},
      {"Kharkiv, Ukraine's second-largest city, remains within range.", "second", "ORDINAL", 2, "",
       Approx::kExact, kNone},
      {"Ukraine could have expelled Russia months ago.", "months ago", "DATE", kNone, "",
       Approx::kExact, kNone},
      {"Some Ukrainian soldiers took a few hours to rest.", "a few hours", "TIME", kNone, "",
       Approx::kExact, kNone},
      // Money, percent, number words, ranges, scale words.
      {"The Pentagon approved a further $1.2bn in weapons.", "$1.2bn", "MONEY", 1.2e9, "USD",
       Approx::kExact, kNone},
      {"The EU pledged 3 million euros for demining.", "3 million euros", "MONEY", 3e6, "EUR",
       Approx::kExact, kNone},
      {"Turnout fell to 40% in the region.", "40%", "PERCENT", 40, "%", Approx::kExact, kNone},
      {"Turnout fell to 40 percent in the region.", "40 percent", "PERCENT", 40, "%",
       Approx::kExact, kNone},
      {"Prices rose 2.5 per cent last month.", "2.5 per cent", "PERCENT", 2.5, "%", Approx::kExact,
       kNone},
      {"Twenty-five soldiers were wounded.", "Twenty-five", "CARDINAL", 25, "", Approx::kExact,
       kNone},
      {"About a dozen villages were shelled.", "About a dozen", "CARDINAL", 12, "", Approx::kAbout,
       kNone},
      {"Between 20 and 30 tanks were left behind.", "Between 20 and 30", "CARDINAL", 20, "",
       Approx::kRange, 30},
      {"Officials said 20 to 30 tanks were left behind.", "20 to 30", "CARDINAL", 20, "",
       Approx::kRange, 30},
      {"Officials said 20-30 tanks were left behind.", "20-30", "CARDINAL", 20, "", Approx::kRange,
       30},
      {"The convoy stretched for at least 40 miles north of Kyiv.", "at least 40 miles", "QUANTITY",
       40, "mi", Approx::kAtLeast, kNone},
      {"Temperatures fell to -5C overnight, and to 23 degrees Fahrenheit in the hills.",
       "23 degrees Fahrenheit", "QUANTITY", 23, "F", Approx::kExact, kNone},
      {"Temperatures fell to -5C overnight.", "-5C", "QUANTITY", -5, "C", Approx::kExact, kNone},
      {"The shell weighed 43.5 kilograms.", "43.5 kilograms", "QUANTITY", 43.5, "kg",
       Approx::kExact, kNone},
      {"Almost 7 million people have fled the country.", "Almost 7 million", "CARDINAL", 7e6,
       "people", Approx::kAbout, kNone},
      {"The 24-hour curfew was lifted.", "24-hour", "TIME", 24, "hour", Approx::kExact, kNone},
      {"Russia had up to 190,000 troops on the border.", "up to 190,000", "CARDINAL", 190000, "",
       Approx::kAtMost, kNone},
      {"Ukraine has received 1.5 billion dollars in aid.", "1.5 billion dollars", "MONEY", 1.5e9,
       "USD", Approx::kExact, kNone},
      {"A 10-kilometre stretch of the front line.", "10-kilometre", "QUANTITY", 10, "km",
       Approx::kExact, kNone},
      {"Ireland beat Liechtenstein 5-0 in a qualifier.", "5-0", "CARDINAL", kNone, "",
       Approx::kExact, kNone},
      {"Iraqi forces began shelling at 4.50 a.m. local time.", "4.50 a.m.", "TIME", kNone, "",
       Approx::kExact, kNone},
      {"The 7-pound, 4-ounce girl was born on Tuesday.", "4-ounce", "QUANTITY", 4, "oz",
       Approx::kExact, kNone},
      {"Some 40,000 troops and hundreds of tanks crossed the border.", "hundreds", "CARDINAL", 200,
       "", Approx::kAtLeast, kNone},
      {"Tens of thousands of people have fled.", "Tens of thousands", "CARDINAL", 20000, "",
       Approx::kAtLeast, kNone},
      {"A third of the country's power plants were damaged.", "A third", "CARDINAL", 1.0 / 3, "",
       Approx::kExact, kNone},
      {"Two-thirds of voters backed the plan.", "Two-thirds", "CARDINAL", 2.0 / 3, "",
       Approx::kExact, kNone},
      {"It happened between 2014 and 2022 in the east.", "between 2014 and 2022", "DATE", kNone, "",
       Approx::kExact, kNone},
      {"The third vote was held on Tuesday.", "third", "ORDINAL", 3, "", Approx::kExact, kNone},
      {"Half the city was without power.", "Half", "CARDINAL", 0.5, "", Approx::kExact, kNone},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    std::vector<Found> all = Figures(c.sentence);
    const Found* f = FindText(all, c.mention);
    ASSERT_NE(f, nullptr) << "missing " << c.mention;
    EXPECT_EQ(f->type, c.type);
    if (std::isnan(c.value)) {
      EXPECT_FALSE(f->figure.has_quantity);
      continue;
    }
    ASSERT_TRUE(f->figure.has_quantity);
    const Quantity& q = f->figure.quantity;
    EXPECT_DOUBLE_EQ(q.value, c.value);
    EXPECT_EQ(q.unit, c.unit);
    EXPECT_EQ(q.approx, c.approx);
    EXPECT_DOUBLE_EQ(q.value_max, std::isnan(c.value_max) ? c.value : c.value_max);
  }
}

// Words a figure starts with, of more than eight bytes (looked up apart from
// the shorter ones), capitalized, and as the part before a dash.
TEST(FiguresTest, StartWordsOfEveryLength) {
  const std::vector<Found> all = Figures(
      "Approximately 300 people attended the meeting yesterday, seventeen-year-olds and "
      "thousands of fans among them, on Wednesday.");
  std::vector<std::string> texts;
  for (const Found& f : all) texts.push_back(f.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Approximately 300", "yesterday",
                                             "seventeen-year-olds", "thousands", "Wednesday"}));
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].figure.quantity.approx, Approx::kAbout);
  EXPECT_DOUBLE_EQ(all[0].figure.quantity.value, 300);
  EXPECT_EQ(all[2].type, "DATE");
  EXPECT_DOUBLE_EQ(all[2].figure.quantity.value, 17);
  EXPECT_EQ(all[3].figure.quantity.approx, Approx::kAtLeast);
  EXPECT_DOUBLE_EQ(all[3].figure.quantity.value, 2000);
}

// Words that may start a figure, by the filter of their first three bytes:
// listed words (capitalized, abbreviated), a number word before a dash, and
// words of two bytes alone and before a dash ("up", "no-shows", "US$5").
TEST(FiguresTest, StartWordsThroughTheFilterOfTheirFirstBytes) {
  const std::vector<Found> all = Figures(
      "We waited up to 40 minutes in Sept. 2020 and paid no fewer than 10 U.S. dollars, US$5 "
      "each, to twenty-five-year-olds and an estimated 30 no-shows at 5 p.m., the first-ever in "
      "the past 3 years.");
  std::vector<std::string> texts;
  for (const Found& f : all) texts.push_back(f.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"up to 40 minutes", "Sept. 2020", "no fewer than 10",
                                             "US$5", "twenty-five-year-olds", "an estimated 30",
                                             "5 p.m.", "first", "the past 3 years"}));
}

// The shortest number words with a dash (nine bytes: "forty-one"; an
// ordinal's eleven: "fifty-first"), which WordNumber and WordOrdinal take
// apart, and a shorter one ("one-off": its number word before the dash).
TEST(FiguresTest, ShortestNumberWordsWithADash) {
  const std::vector<Found> all =
      Figures("He was forty-one, it was his fifty-first race, his sixty-six laps, a one-off.");
  std::vector<std::string> texts;
  for (const Found& f : all) texts.push_back(f.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"forty-one", "fifty", "sixty-six", "one"}));
  ASSERT_EQ(all.size(), 4u);
  EXPECT_DOUBLE_EQ(all[0].figure.quantity.value, 41);
  EXPECT_DOUBLE_EQ(all[1].figure.quantity.value, 50);
  EXPECT_DOUBLE_EQ(all[2].figure.quantity.value, 66);
  EXPECT_DOUBLE_EQ(all[3].figure.quantity.value, 1);
}

TEST(FiguresTest, PrecisionAndScale) {
  std::vector<Found> all = Figures("It cost $1.25bn, or 1,100.50 euros each, and 3,000 more.");
  const Found* a = FindText(all, "$1.25bn");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->figure.quantity.precision, 2);
  EXPECT_DOUBLE_EQ(a->figure.quantity.multiplier, 1e9);
  const Found* b = FindText(all, "1,100.50 euros");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->figure.quantity.precision, 2);
  EXPECT_DOUBLE_EQ(b->figure.quantity.value, 1100.5);
  const Found* c = FindText(all, "3,000");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->figure.quantity.precision, 0);
}

// A number's value is strtod's of its digits (commas dropped, 18 significant
// digits kept), bit for bit:
// the parser's fast path (one multiplication or division where both sides
// are exact doubles) and its strtod path for the others.
TEST(FiguresTest, ValuesAreStrtodsBitForBit) {
  std::vector<std::string> numbers = {"0.1",
                                      "0.3",
                                      "2.675",
                                      "1.005",
                                      "9007199254740993",
                                      "9007199254740992.5",
                                      "123456789012345678",
                                      "1234567890123456789012",
                                      "0.0000000000000000000000123",
                                      "0.00000000000000000000001",
                                      "1,234,567.891",
                                      "99.99",
                                      "007",
                                      "0.000",
                                      "4503599627370497.5",
                                      "1.7976931348623157"};
  XorShift64 next(88172645463325252ull);  // the same numbers every run
  for (int k = 0; k < 3000; ++k) {
    const int int_digits = 1 + static_cast<int>(next() % 20);
    const int frac_digits = static_cast<int>(next() % 25);
    std::string n;
    for (int d = 0; d < int_digits; ++d)
      n.push_back(static_cast<char>('0' + (d == 0 ? 1 + next() % 9 : next() % 10)));
    if (frac_digits > 0) {
      n.push_back('.');
      for (int d = 0; d < frac_digits; ++d) n.push_back(static_cast<char>('0' + next() % 10));
    }
    numbers.push_back(n);
    numbers.push_back("0." + std::string(next() % 25, '0') + n.substr(0, n.find('.')));
  }
  for (const std::string& n : numbers) {
    SCOPED_TRACE(n);
    std::vector<Found> all = Figures("They counted " + n + " kg.");
    ASSERT_EQ(all.size(), 1u);
    ASSERT_TRUE(all[0].figure.has_quantity);
    // The parser keeps 18 significant digits: the others read as 0.
    std::string plain;
    int significant = 0;
    for (char c : n) {
      if (c == ',') continue;
      if (c >= '0' && c <= '9' && (significant > 0 || c != '0') && ++significant > 18) c = '0';
      plain.push_back(c);
    }
    const double want = std::strtod(plain.c_str(), nullptr);
    const double got = all[0].figure.quantity.value;
    EXPECT_EQ(std::memcmp(&want, &got, sizeof want), 0) << got << " != " << want;
  }
}

// Words that look like figures but are not.
TEST(FiguresTest, NotFigures) {
  const char* const cases[] = {
      "Ukrainian forces took back ground over the weekend.",  // "over" is not "more than"
      "At least some Ukrainian soldiers took a rest.",
      "Kremlin propagandist Margarita Simonyan, editor of RT, formerly Russia Today.",
      "They had an additional meeting in Brussels.",
      "You may march on Kyiv.",
  };
  for (const char* s : cases) {
    SCOPED_TRACE(s);
    for (const Found& f : Figures(s)) {
      EXPECT_TRUE(f.text == "the weekend") << f.text << " " << f.type;
    }
  }
  // "from 40 to 50" is a change, not a range.
  std::vector<Found> all = Figures("Seats rose from 40 to 50, a 25% rise.");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].text, "40");
  EXPECT_EQ(all[1].text, "50");
  EXPECT_EQ(all[2].text, "25%");
}

TEST(FiguresTest, AbsurdNumbersNeverFail) {
  // 10^400 is two numbers; bad digit groups are no number; a huge number is inf.
  std::vector<Found> all = Figures("It was 10^400 or 1,2,3,4,5,6 times.");
  for (const Found& f : all) EXPECT_NE(f.text, "1,2,3,4,5,6");
  std::string huge(10000, '9');
  all = Figures("They counted " + huge + " tanks and " + huge + ".5 km.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(std::isinf(all[0].figure.quantity.value));
  EXPECT_EQ(all[1].figure.quantity.unit, "km");
  EXPECT_EQ(all[1].figure.quantity.precision, 1);
  std::string tiny = "0." + std::string(5000, '0') + "1 kg";
  all = Figures(tiny);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].figure.quantity.value, 0);
  // The JSON writer prints null for inf.
  std::string json = ToJson(Analyze("They counted " + huge + " tanks."));
  EXPECT_NE(json.find("\"value\":null"), std::string::npos);
}

// Four times the text takes about four times as long (a quadratic scan would
// take sixteen), in any build type. Best of three runs, against machine noise.
TEST(FiguresTest, LinearOnLongInput) {
  auto run = [](int reps, size_t* count) {
    std::string text;
    for (int i = 0; i < reps; ++i)
      text += "More than 3,000 square kilometers, 1,100 square miles, on Monday ";
    text += std::string(static_cast<size_t>(reps) * 10, '7') + " ";
    for (int i = 0; i < reps; ++i) text += "twenty-five one hundred and ";
    Document d = BuildDocument(text);
    double best = 1e9;
    for (int k = 0; k < 3; ++k) {
      auto t0 = std::chrono::steady_clock::now();
      *count = FindFigureMentions(d).size();
      best = std::min(best,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
  };
  // A loaded machine can stall either run; a quadratic scan fails every try.
  size_t small = 0, large = 0;
  double t1 = 0, t4 = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {
    t1 = run(2000, &small);
    t4 = run(8000, &large);
    if (t4 < 10 * t1 + 0.05) break;
  }
  EXPECT_GT(large, 3 * small);
  EXPECT_LT(t4, 10 * t1 + 0.05) << t1 << " s vs " << t4 << " s";
}

TEST(FiguresTest, EntitiesGroupRepeatedFigures) {
  Document d = BuildDocument("Moscow announced attacks on Monday. Ukraine said on Monday it won.");
  std::vector<Entity> e = FindFigures(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, "DATE");
  EXPECT_EQ(e[0].mentions.size(), 2u);
}

TEST(FiguresTest, ConvertUnits) {
  double out = 0;
  ASSERT_TRUE(ConvertUnit(500, "km2", "mi2", &out));
  EXPECT_NEAR(out, 193.05, 0.01);
  ASSERT_TRUE(ConvertUnit(100, "C", "F", &out));
  EXPECT_NEAR(out, 212, 1e-9);
  ASSERT_TRUE(ConvertUnit(10, "kg", "lb", &out));
  EXPECT_NEAR(out, 22.046, 0.001);
  EXPECT_FALSE(ConvertUnit(10, "kg", "km", &out));
  EXPECT_FALSE(ConvertUnit(10, "USD", "EUR", &out));
}

// Every figure in the shared articles sits inside its text (runs when present).
TEST(FiguresTest, SharedArticles) {
  const char* names[] = {"/articles/000_724cd630e37b2297.txt",
                         "/articles/002_4bda11de0e7c9aba.txt"};
  for (const char* n : names) {
    std::ifstream in(std::string(LEDE_SHARED_DIR) + n);
    if (!in) GTEST_SKIP() << "shared articles not found";
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::vector<Found> all = Figures(text);
    EXPECT_GT(all.size(), 10u);
    for (const Found& f : all) EXPECT_FALSE(f.text.empty());
  }
}

}  // namespace
}  // namespace lede

namespace lede {
namespace {

TEST(FiguresTest, FiguresInsideNamesAreLeftToTheNames) {
  std::string text = "Misha, a member of the 14th Brigade, spoke on Monday.";
  Document d = BuildDocument(text);
  Entity brigade;
  brigade.type = "ORG";
  brigade.name = "14th Brigade";
  Mention m;
  m.span = {static_cast<uint32_t>(text.find("14th")),
            static_cast<uint32_t>(text.find("14th") + 12)};
  brigade.mentions.push_back(m);
  std::vector<Entity> all{brigade};
  AppendFigures(d, &all);
  std::vector<std::string> names;
  for (const Entity& e : all) names.push_back(e.type + " " + e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ORG 14th Brigade", "DATE Monday"}));
}

// A figure inside a name is no mention, but its entity (the same type and
// folded text) keeps its place among the figures: "14th" comes before
// "Monday" though its one mention left is the last figure of the text.
TEST(FiguresTest, AFigureInsideANameStillPlacesItsEntity) {
  std::string text =
      "Misha, a member of the 14th Brigade, spoke on Monday. The team finished 14th.";
  Document d = BuildDocument(text);
  const uint32_t first = static_cast<uint32_t>(text.find("14th"));
  const uint32_t last = static_cast<uint32_t>(text.rfind("14th"));
  std::vector<Entity> figures = FindFigures(d);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].type + " " + figures[0].name, "ORDINAL 14th");
  ASSERT_EQ(figures[0].mentions.size(), 2u);
  EXPECT_EQ(figures[0].mentions[0].span.start, first);
  EXPECT_EQ(figures[0].mentions[1].span.start, last);

  Entity brigade;
  brigade.type = "ORG";
  brigade.name = "14th Brigade";
  Mention m;
  m.span = {first, first + 12};
  brigade.mentions.push_back(m);
  std::vector<Entity> all{brigade};
  AppendFigures(d, &all);
  std::vector<std::string> names;
  for (const Entity& e : all) names.push_back(e.type + " " + e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ORG 14th Brigade", "ORDINAL 14th", "DATE Monday"}));
  const Entity& ordinal = all[1];
  ASSERT_EQ(ordinal.mentions.size(), 1u);
  EXPECT_EQ(ordinal.mentions[0].span.start, last);
  const Quantity* q = ordinal.QuantityOf(ordinal.mentions[0]);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->value, 14);
}

}  // namespace
}  // namespace lede
