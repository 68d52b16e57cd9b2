#include "entities/figures.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "text/hash.h"
#include "text/literal.h"
#include "text/short_table.h"
#include "text/utf8.h"

namespace lede {
namespace {

using Approx = Quantity::Approx;
using std::string_view_literals::operator""sv;

// ---------------------------------------------------------------- units ----

constexpr double kFahrenheitOffset = 273.15 - 32.0 * 5.0 / 9.0;

const UnitInfo kUnits[] = {
    {"km2", "area", 1e6, 0, "km\xC2\xB2"},
    {"mi2", "area", 2589988.110336, 0, "mi\xC2\xB2"},
    {"m2", "area", 1, 0, "m\xC2\xB2"},
    {"ft2", "area", 0.09290304, 0, "sq ft"},
    {"ha", "area", 1e4, 0, "ha"},
    {"acre", "area", 4046.8564224, 0, "acres"},
    {"km", "length", 1000, 0, "km"},
    {"mi", "length", 1609.344, 0, "mi"},
    {"m", "length", 1, 0, "m"},
    {"cm", "length", 0.01, 0, "cm"},
    {"mm", "length", 0.001, 0, "mm"},
    {"ft", "length", 0.3048, 0, "ft"},
    {"in", "length", 0.0254, 0, "in"},
    {"yd", "length", 0.9144, 0, "yd"},
    {"nmi", "length", 1852, 0, "nmi"},
    {"kg", "mass", 1, 0, "kg"},
    {"g", "mass", 0.001, 0, "g"},
    {"lb", "mass", 0.45359237, 0, "lb"},
    {"oz", "mass", 0.028349523125, 0, "oz"},
    {"t", "mass", 1000, 0, "t"},
    {"ton", "mass", 907.18474, 0, "short tons"},
    {"C", "temperature", 1, 273.15,
     "\xC2\xB0"
     "C"},
    {"F", "temperature", 5.0 / 9.0, kFahrenheitOffset,
     "\xC2\xB0"
     "F"},
    {"K", "temperature", 1, 0, "K"},
    {"l", "volume", 1, 0, "l"},
    {"gal", "volume", 3.785411784, 0, "gal"},
    {"bbl", "volume", 158.987294928, 0, "bbl"},
    {"m3", "volume", 1000, 0, "m\xC2\xB3"},
    {"km/h", "speed", 1.0 / 3.6, 0, "km/h"},
    {"mph", "speed", 0.44704, 0, "mph"},
    {"kn", "speed", 1852.0 / 3600.0, 0, "knots"},
    {"second", "time", 1, 0, "seconds"},
    {"minute", "time", 60, 0, "minutes"},
    {"hour", "time", 3600, 0, "hours"},
    {"day", "time", 86400, 0, "days"},
    {"week", "time", 604800, 0, "weeks"},
    {"month", "time", 2629746, 0, "months"},
    {"year", "time", 31556952, 0, "years"},
    {"decade", "time", 315569520, 0, "decades"},
    {"century", "time", 3155695200.0, 0, "centuries"},
    {"%", "percent", 1, 0, "%"},
    {"pp", "points", 1, 0, " percentage points"},
    {"people", "count", 1, 0, " people"},
    {"USD", "money", 0, 0, "$"},
    {"EUR", "money", 0, 0, "\xE2\x82\xAC"},
    {"GBP", "money", 0, 0, "\xC2\xA3"},
    {"JPY", "money", 0, 0, "\xC2\xA5"},
    {"CNY", "money", 0, 0, " yuan"},
    {"RUB", "money", 0, 0, " roubles"},
    {"UAH", "money", 0, 0, " hryvnias"},
    {"INR", "money", 0, 0, " rupees"},
    {"CHF", "money", 0, 0, " Swiss francs"},
    {"CAD", "money", 0, 0, "C$"},
    {"AUD", "money", 0, 0, "A$"},
};

// Unit words after a number, folded (lower case, no final period), tokens
// separated by single spaces. The longest match wins.
struct UnitWord {
  const char* words;
  const char* unit;
};
const UnitWord kUnitWords[] = {
    {"square kilometres", "km2"},
    {"square kilometers", "km2"},
    {"square kilometre", "km2"},
    {"square kilometer", "km2"},
    {"square km", "km2"},
    {"sq km", "km2"},
    {"km2", "km2"},
    {"km \xC2\xB2", "km2"},
    {"sqkm", "km2"},
    {"square miles", "mi2"},
    {"square mile", "mi2"},
    {"sq mi", "mi2"},
    {"sq miles", "mi2"},
    {"sq mile", "mi2"},
    {"square metres", "m2"},
    {"square meters", "m2"},
    {"square metre", "m2"},
    {"square meter", "m2"},
    {"sq m", "m2"},
    {"m2", "m2"},
    {"m \xC2\xB2", "m2"},
    {"square feet", "ft2"},
    {"square foot", "ft2"},
    {"sq ft", "ft2"},
    {"hectares", "ha"},
    {"hectare", "ha"},
    {"ha", "ha"},
    {"acres", "acre"},
    {"acre", "acre"},
    {"kilometres", "km"},
    {"kilometers", "km"},
    {"kilometre", "km"},
    {"kilometer", "km"},
    {"km", "km"},
    {"kms", "km"},
    {"miles", "mi"},
    {"mile", "mi"},
    {"mi", "mi"},
    {"nautical miles", "nmi"},
    {"nautical mile", "nmi"},
    {"metres", "m"},
    {"meters", "m"},
    {"metre", "m"},
    {"meter", "m"},
    {"centimetres", "cm"},
    {"centimeters", "cm"},
    {"cm", "cm"},
    {"millimetres", "mm"},
    {"millimeters", "mm"},
    {"mm", "mm"},
    {"feet", "ft"},
    {"foot", "ft"},
    {"ft", "ft"},
    {"inches", "in"},
    {"inch", "in"},
    {"yards", "yd"},
    {"yard", "yd"},
    {"kilograms", "kg"},
    {"kilogrammes", "kg"},
    {"kilogram", "kg"},
    {"kilos", "kg"},
    {"kg", "kg"},
    {"kgs", "kg"},
    {"grams", "g"},
    {"gram", "g"},
    {"grammes", "g"},
    {"pounds", "lb"},
    {"pound", "lb"},
    {"lb", "lb"},
    {"lbs", "lb"},
    {"ounces", "oz"},
    {"ounce", "oz"},
    {"oz", "oz"},
    {"tonnes", "t"},
    {"tonne", "t"},
    {"metric tons", "t"},
    {"metric ton", "t"},
    {"metric tonnes", "t"},
    {"tons", "ton"},
    {"ton", "ton"},
    {"degrees celsius", "C"},
    {"degrees centigrade", "C"},
    {"degree celsius", "C"},
    {"degrees fahrenheit", "F"},
    {"degree fahrenheit", "F"},
    {"degrees c", "C"},
    {"degrees f", "F"},
    {"\xC2\xB0 c", "C"},
    {"\xC2\xB0 f", "F"},
    {"\xC2\xB0"
     "c",
     "C"},
    {"\xC2\xB0"
     "f",
     "F"},
    {"celsius", "C"},
    {"fahrenheit", "F"},
    {"kelvin", "K"},
    {"litres", "l"},
    {"liters", "l"},
    {"litre", "l"},
    {"liter", "l"},
    {"gallons", "gal"},
    {"gallon", "gal"},
    {"barrels", "bbl"},
    {"barrel", "bbl"},
    {"cubic metres", "m3"},
    {"cubic meters", "m3"},
    {"kilometres per hour", "km/h"},
    {"kilometers per hour", "km/h"},
    {"km / h", "km/h"},
    {"km/h", "km/h"},
    {"kph", "km/h"},
    {"kmh", "km/h"},
    {"miles per hour", "mph"},
    {"mph", "mph"},
    {"knots", "kn"},
    {"seconds", "second"},
    {"second", "second"},
    {"minutes", "minute"},
    {"minute", "minute"},
    {"mins", "minute"},
    {"hours", "hour"},
    {"hour", "hour"},
    {"hrs", "hour"},
    {"days", "day"},
    {"day", "day"},
    {"weeks", "week"},
    {"week", "week"},
    {"months", "month"},
    {"month", "month"},
    {"years", "year"},
    {"year", "year"},
    {"decades", "decade"},
    {"decade", "decade"},
    {"centuries", "century"},
    {"century", "century"},
    {"percent", "%"},
    {"per cent", "%"},
    {"pct", "%"},
    {"%", "%"},
    {"percentage points", "pp"},
    {"percentage point", "pp"},
    {"dollars", "USD"},
    {"dollar", "USD"},
    {"us dollars", "USD"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"pounds sterling", "GBP"},
    {"sterling", "GBP"},
    {"roubles", "RUB"},
    {"rubles", "RUB"},
    {"rouble", "RUB"},
    {"ruble", "RUB"},
    {"hryvnias", "UAH"},
    {"hryvnia", "UAH"},
    {"hryvnas", "UAH"},
    {"yen", "JPY"},
    {"yuan", "CNY"},
    {"rupees", "INR"},
    {"swiss francs", "CHF"},
    {"francs", "CHF"},
    {"usd", "USD"},
    {"eur", "EUR"},
    {"gbp", "GBP"},
    {"uah", "UAH"},
    {"rub", "RUB"},
    {"jpy", "JPY"},
    {"cny", "CNY"},
    {"chf", "CHF"},
    {"people", "people"},
    {"persons", "people"},
};

// Unit abbreviations written onto the digits: "10km", "500km2", "25C".
const UnitWord kAttachedUnits[] = {
    {"km2", "km2"}, {"km", "km"},   {"mi", "mi"},    {"m2", "m2"},    {"m", "m"},   {"cm", "cm"},
    {"mm", "mm"},   {"ft", "ft"},   {"kg", "kg"},    {"kgs", "kg"},   {"lb", "lb"}, {"lbs", "lb"},
    {"t", "t"},     {"mph", "mph"}, {"kph", "km/h"}, {"kmh", "km/h"}, {"ha", "ha"}, {"C", "C"},
    {"F", "F"},     {"g", "g"},     {"l", "l"},      {"sqkm", "km2"},
};

// True when the NUL-terminated `z` equals `s`: stops at the first
// difference instead of measuring z first.
bool Equals(const char* z, std::string_view s) {
  for (char c : s) {
    if (*z == '\0' || *z != c) return false;
    ++z;
  }
  return *z == '\0';
}

// The first unit of kUnits with this name: a table built once (the scan of
// the list's 100-odd names was a few hundred instructions a look-up; a
// ShortKeyTable's find is inline, a std::unordered_map's was a call).
const UnitInfo* UnitByName(std::string_view name) {
  static const ShortKeyTable<const UnitInfo*> kByName = [] {
    ShortKeyTable<const UnitInfo*> m(sizeof kUnits / sizeof kUnits[0]);
    for (const UnitInfo& u : kUnits) {
      bool added = false;
      const UnitInfo** v = m.Insert(u.name, &added);
      if (added) *v = &u;
    }
    return m;
  }();
  const UnitInfo* const* u = kByName.Find(name);
  return u ? *u : nullptr;
}

bool IsMoneyUnit(std::string_view unit) {
  const UnitInfo* u = UnitByName(unit);
  return u && std::strcmp(u->dimension, "money") == 0;
}

// ------------------------------------------------------------- numbers ----

struct NumVal {
  double value = 0;
  int precision = 0;
  double multiplier = 1;
  bool separators = false;  // 3,000
  int int_digits = 0;
  size_t word_dash = 0;   // "six-month-old": the dash after the number words
  bool at_least = false;  // "hundreds of", "tens of thousands"
};

// "third" -> 3 for fractions ("a third of", "two-thirds"); 0 if none.
int Denominator(std::string_view w) {
  if (!w.empty() && w.back() == 's') w.remove_suffix(1);
  if (EqualsLiteral(w, "half") || EqualsLiteral(w, "halve")) return 2;
  if (EqualsLiteral(w, "third")) return 3;
  if (EqualsLiteral(w, "quarter")) return 4;
  if (EqualsLiteral(w, "fifth")) return 5;
  if (EqualsLiteral(w, "tenth")) return 10;
  return 0;
}

// "hundreds" -> 200 (the least it can mean), 0 if not such a word.
double Plural(std::string_view w) {
  if (EqualsLiteral(w, "dozens")) return 24;
  if (EqualsLiteral(w, "hundreds")) return 200;
  if (EqualsLiteral(w, "thousands")) return 2000;
  if (EqualsLiteral(w, "millions")) return 2e6;
  if (EqualsLiteral(w, "billions")) return 2e9;
  return 0;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// sig x 10^exp10 as strtod reads "<sig>e<exp10>": correctly rounded. Where
// sig and 10^|exp10| are both exact doubles (sig <= 2^53, |exp10| <= 22), one
// multiplication or division is (IEEE rounds it once, as strtod would; the
// fast path of Clinger 1990), without the string and strtod's 500-odd
// instructions; otherwise strtod, on a short string (the exponent clamped to
// +-100000, which over- or underflows all the same).
double DecimalValue(uint64_t sig, long exp10) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (sig <= (uint64_t{1} << 53) && exp10 >= -22 && exp10 <= 22) {
    const double m = static_cast<double>(sig);
    return exp10 >= 0 ? m * kPow10[exp10] : m / kPow10[-exp10];
  }
  if (exp10 > 100000) exp10 = 100000;
  if (exp10 < -100000) exp10 = -100000;
  const std::string buf = std::to_string(sig) + "e" + std::to_string(exp10);
  return std::strtod(buf.c_str(), nullptr);
}

// Parses digits at s[*pos] ("3,000", "1.5", "007"). Comma groups must be of
// three digits ("1,2,3" is no number). Keeps at most 18 significant digits
// and passes a short string to strtod, so a 10,000-digit number costs its
// length and yields inf.
bool ParseDigits(std::string_view s, size_t* pos, NumVal* nv) {
  size_t i = *pos;
  const size_t start = i;
  // The significant digits (at most 18, the first not 0) as an integer.
  uint64_t sig = 0;
  int sig_digits = 0;
  long exp10 = 0;
  size_t group = 0;
  bool commas = false;
  int int_digits = 0;
  auto digit = [&](char c, bool fraction) {
    if (sig_digits == 0 && c == '0') {
      if (fraction) --exp10;
      return;
    }
    if (sig_digits < 18) {
      sig = sig * 10 + static_cast<uint64_t>(c - '0');
      ++sig_digits;
      if (fraction) --exp10;
    } else if (!fraction) {
      ++exp10;
    }
  };
  while (i < s.size()) {
    char c = s[i];
    if (IsAsciiDigit(c)) {
      digit(c, false);
      ++group;
      ++int_digits;
      ++i;
    } else if (c == ',' && i + 1 < s.size() && IsAsciiDigit(s[i + 1])) {
      if (commas ? group != 3 : (group < 1 || group > 3)) return false;
      commas = true;
      group = 0;
      ++i;
    } else {
      break;
    }
  }
  if (i == start) return false;
  if (commas && group != 3) return false;
  int precision = 0;
  if (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) {
      digit(s[i], true);
      if (precision < 100000) ++precision;
      ++i;
    }
    if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && IsAsciiDigit(s[i + 1]))
      return false;  // 1.2.3, 1.5,6
  }
  double v = 0;
  if (sig_digits > 0) v = DecimalValue(sig, exp10);
  nv->value = v;
  nv->precision = precision;
  nv->separators = commas;
  nv->int_digits = int_digits;
  *pos = i;
  return true;
}

struct WordNum {
  std::string_view word;  // compared size first, without strlen
  int value;
};
const WordNum kSmallNumbers[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
};
const WordNum kOrdinals[] = {
    {"first", 1},         {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},         {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},         {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},   {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17},  {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},    {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},
    {"seventieth", 70},   {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100},
    {"thousandth", 1000},
};

// The words of a WordNum table by their first letter: a look-up compares a
// word with the few that share its first letter (asked of most words after
// "a" or "about", and of every number's neighbours).
template <size_t N>
class WordNumIndex {
 public:
  explicit WordNumIndex(const WordNum (&table)[N]) : table_(table) {
    size_t k = 0;
    for (int c = 0; c < 256; ++c) {
      start_[c] = static_cast<uint8_t>(k);
      for (size_t i = 0; i < N; ++i)
        if (static_cast<unsigned char>(table[i].word[0]) == c)
          order_[k++] = static_cast<uint8_t>(i);
    }
    start_[256] = static_cast<uint8_t>(k);
    for (size_t i = 0; i < N; ++i) {
      static_assert(N > 0, "a table of words");
      const std::string_view w = table[i].word;
      if (w.size() < 32) sizes_[static_cast<unsigned char>(w[0])] |= uint32_t{1} << w.size();
    }
  }
  int Get(std::string_view w) const {
    // A word whose first letter no listed word of its size has (most
    // words: "the" is no three-letter number's) is none, with no walk over
    // the listed words of its first letter; a listed word of its size and
    // first letter is compared by its last letter before its bytes (a
    // memcmp call each).
    if (w.empty() || w.size() >= 32) return -1;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (((sizes_[c] >> w.size()) & 1) == 0) return -1;
    for (size_t k = start_[c]; k < start_[c + 1]; ++k) {
      const std::string_view x = table_[order_[k]].word;
      if (x.size() == w.size() && x.back() == w.back() && x == w) return table_[order_[k]].value;
    }
    return -1;
  }

 private:
  const WordNum* table_;
  uint8_t start_[257];
  uint8_t order_[N];
  uint32_t sizes_[256] = {};  // by first byte: bit n for a listed word of n bytes
};
int SmallNumber(std::string_view w) {
  static const WordNumIndex<sizeof kSmallNumbers / sizeof kSmallNumbers[0]> kIndex(kSmallNumbers);
  return kIndex.Get(w);
}
int OrdinalWord(std::string_view w) {
  static const WordNumIndex<sizeof kOrdinals / sizeof kOrdinals[0]> kIndex(kOrdinals);
  return kIndex.Get(w);
}

double ScaleWord(std::string_view w) {
  if (EqualsLiteral(w, "hundred")) return 1e2;
  if (EqualsLiteral(w, "thousand")) return 1e3;
  if (EqualsLiteral(w, "million") || EqualsLiteral(w, "mn") || EqualsLiteral(w, "mln")) return 1e6;
  if (EqualsLiteral(w, "billion") || EqualsLiteral(w, "bn") || EqualsLiteral(w, "bln")) return 1e9;
  if (EqualsLiteral(w, "trillion") || EqualsLiteral(w, "tn") || EqualsLiteral(w, "trn"))
    return 1e12;
  return 0;
}

// "twenty-five", "seven": a number written as one word (or hyphenated words).
int WordNumber(std::string_view w) {
  int v = SmallNumber(w);
  if (v >= 0) return v;
  // Tens and ones with a dash have nine bytes or more ("forty-one"): a
  // shorter word is none, and needs no look for a dash.
  if (w.size() < 9) return -1;
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return -1;
  int tens = SmallNumber(w.substr(0, dash));
  int ones = SmallNumber(w.substr(dash + 1));
  if (tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9) return tens + ones;
  return -1;
}

// "twenty-first" -> 21.
int WordOrdinal(std::string_view w) {
  int v = OrdinalWord(w);
  if (v >= 0) return v;
  // Tens, a dash and an ordinal of one to nine have eleven bytes or more
  // ("forty-first"): a shorter word is none.
  if (w.size() < 11) return -1;
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return -1;
  int tens = SmallNumber(w.substr(0, dash));
  int ones = OrdinalWord(w.substr(dash + 1));
  if (tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9) return tens + ones;
  return -1;
}

const char* const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                 "friday", "saturday", "sunday",    nullptr};
const char* const kMonths[] = {
    "january", "february", "march",    "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",    "jul",
    "aug",     "sep",      "sept",     "oct",   "nov", "dec",  nullptr};

bool InList(std::string_view w, const char* const* list) {
  for (const char* const* p = list; *p; ++p)
    if (Equals(*p, w)) return true;
  return false;
}

// Approximation words before a number, longest first.
struct ApproxWord {
  const char* words;
  Approx approx;
};
const ApproxWord kApproxWords[] = {
    {"no fewer than", Approx::kAtLeast},
    {"no less than", Approx::kAtLeast},
    {"no more than", Approx::kAtMost},
    {"not more than", Approx::kAtMost},
    {"as many as", Approx::kAtMost},
    {"as much as", Approx::kAtMost},
    {"in excess of", Approx::kMoreThan},
    {"a maximum of", Approx::kAtMost},
    {"a minimum of", Approx::kAtLeast},
    {"more than", Approx::kMoreThan},
    {"just over", Approx::kMoreThan},
    {"just under", Approx::kLessThan},
    {"upwards of", Approx::kMoreThan},
    {"fewer than", Approx::kLessThan},
    {"less than", Approx::kLessThan},
    {"at least", Approx::kAtLeast},
    {"at most", Approx::kAtMost},
    {"up to", Approx::kAtMost},
    {"close to", Approx::kAbout},
    {"an estimated", Approx::kAbout},
    {"well over", Approx::kMoreThan},
    {"over", Approx::kMoreThan},
    {"above", Approx::kMoreThan},
    {"under", Approx::kLessThan},
    {"below", Approx::kLessThan},
    {"nearly", Approx::kAbout},
    {"almost", Approx::kAbout},
    {"about", Approx::kAbout},
    {"around", Approx::kAbout},
    {"roughly", Approx::kAbout},
    {"approximately", Approx::kAbout},
    {"approx", Approx::kAbout},
    {"some", Approx::kAbout},
    {"estimated", Approx::kAbout},
    {"an", Approx::kExact},  // placeholder, never matched (see MatchWords)
};

// ------------------------------------------------------------- scanner ----

// The word tables below are ShortKeyTables (text/short_table.h): HashShortKey
// is cheaper than std::hash for short words, and a find is inline. They are
// only searched, so their order is moot.

class Scanner {
 public:
  explicit Scanner(const Document& d)
      : d_(d),
        text_(d.text.data()),
        tokens_(d.tokens.data()),
        word_(d.word.data()),
        folded_at_(d.folded_at.data()),
        folded_(d.folded_text.data()),
        folded_end_(d.folded_text.data() + d.folded_text.size()),
        starts_table_(Starts()),
        l_end_(new uint32_t[d.words() + (d.words() + 3) / 4]),
        starts_(reinterpret_cast<uint8_t*>(l_end_.get() + d.words())) {
    ClassifyWords();
  }

  std::vector<Figure> Run() {
    std::vector<Figure> out;
    for (const Sentence& s : d_.sentences) {
      // L() reads the words of this sentence only (at most 512 tokens).
      sb_ = s.begin;
      se_ = s.end;
      uint32_t i = s.begin;
      while (i < s.end) {
        i = SkipToCandidate(i, s.end);
        if (i == s.end) break;
        if (!MayStart(i)) {
          ++i;
          continue;
        }
        Figure f;
        if (WordDate(i, &f) || Numeric(i, &f) || Ordinal(i, &f) || VagueTime(i, &f)) {
          if (f.span.end == 0)
            f.span = {d_.tokens[f.begin].span.start, d_.tokens[f.end - 1].span.end};
          out.push_back(f);
          i = f.end;
        } else {
          ++i;
        }
      }
    }
    return out;
  }

 private:
  // Each distinct text's starts_ entry, in one walk over the Document's
  // words, not at a text's first token met by the scan (a test of every
  // token's entry for one not made yet, and a call for each first one): the
  // words' first tokens and folded forms are read in order. A token's kind
  // is a function of its text (punctuation and quote marks are told by their
  // characters, numbers by their first), so is its entry.
  void ClassifyWords() {
    const uint32_t words = d_.words();
    const uint32_t* const first = d_.word_token.data();
    uint8_t* const starts = starts_;
    uint32_t* const l_end = l_end_.get();
    for (uint32_t id = 0; id < words; ++id) {
      const Token& t = tokens_[first[id]];
      if (t.kind == TokenKind::kWord) {
        starts[id] = WordStart(id, t, &l_end[id]);
      } else {  // numbers and symbols may; punctuation and quote marks do not
        const bool any = t.kind == TokenKind::kNumber || t.kind == TokenKind::kSymbol;
        starts[id] = any ? kStartAny : kStartNo;  // (and follow no starting word)
        l_end[id] = LEnd(id, t);
      }
    }
  }

  // Where L()'s view of word `id` (one of its tokens: t) ends in folded_:
  // at its start for a word of over 48 bytes (no view), before a final
  // period (not a lone one).
  uint32_t LEnd(uint32_t id, const Token& t) const {
    const uint32_t at = folded_at_[id];
    if (t.span.end - t.span.start > 48) return at;
    uint32_t n = folded_at_[id + 1] - at;
    if (n > 1 && folded_[at + n - 1] == '.') --n;
    return at + n;
  }

  // The entry of a word (its text's id and a token of it): whether the word
  // is in kStarts (and its Opener), or its part before a dash is, with the
  // word's Follower in the high four bits.
  // Sets *l_end (LEnd).
  uint8_t WordStart(uint32_t id, const Token& t, uint32_t* l_end) const {
    // The Document's folded word (ASCII lower case; ’ as ', which no start
    // word holds, so a word with one is found neither way), without a final
    // period: L()'s view.
    const uint32_t at = folded_at_[id];
    *l_end = LEnd(id, t);
    if (*l_end == at) return kStartNo;  // over 48 bytes (or empty)
    const std::string_view w(folded_ + at, *l_end - at);
    const StartWords& starts = starts_table_;
    // Most words begin no listed word's way (their first three bytes are no
    // listed word's, nor a two-byte word's and a dash): no look-up, no dash.
    if (w.size() >= 3 && w[1] != '-' && !starts.MayBegin(w.data())) return kStartNo;
    const char* const folded_end = folded_end_;
    const int entry = starts.Find(w, folded_end);
    const uint8_t follows = entry > 0 ? static_cast<uint8_t>(entry & 0xF0) : 0;
    if (entry > 0 && (entry & 0x0F) != 0)  // a starting word
      return static_cast<uint8_t>((kStartWord + (entry & 0x0F) - 1) | follows);
    size_t dash = w.find('-');  // "six-month-old", "second-largest", "twenty-five"
    if (dash == std::string_view::npos || dash == 0) return follows;  // kStartNo
    const int part = starts.Find(w.substr(0, dash), folded_end);
    return static_cast<uint8_t>((part > 0 && (part & 0x0F) != 0 ? kStartDash : kStartNo) | follows);
  }

  // The first token in [i, end) that may begin a figure by its text: a
  // number, a symbol, or a word that is or begins with a starting word (most
  // tokens are neither). A loop of loads and compares: four tokens a round,
  // each tested on its own (a run between candidates is a few tokens: a
  // test of the four's union, then a search in them, cost more), with one
  // test of the end and one count a round, not a token.
  uint32_t SkipToCandidate(uint32_t i, uint32_t end) const {
    const uint8_t* const starts = starts_;
    const uint32_t* const word = word_;
    auto candidate = [&](uint32_t k) { return (starts[word[k]] & kStartBits) != kStartNo; };
    for (; end - i >= 4; i += 4) {  // i <= end
      if (candidate(i)) return i;
      if (candidate(i + 1)) return i + 1;
      if (candidate(i + 2)) return i + 2;
      if (candidate(i + 3)) return i + 3;
    }
    while (i < end && !candidate(i)) ++i;
    return i;
  }

  // True when token i, a candidate of SkipToCandidate, may begin a figure:
  // a number, a symbol, a word before a dash, or a starting word where it
  // begins one (Frequent).
  bool MayStart(uint32_t i) const {
    const uint8_t start = starts_[word_[i]] & kStartBits;
    if (start < kStartWord) return start != kStartNo;  // kStartAny, kStartDash
    return Frequent(static_cast<Opener>(start - kStartWord), i);
  }

  // The commonest starting words, which begin a figure only before certain
  // words (Frequent), by what they need after them; kAny: any starting word
  // else. A starting word's is found once per Document word (starts_).
  enum Opener : uint8_t {
    kAny,
    kThe,
    kIn,
    kAt,
    kAs,
    kNo,
    kComparative,
    kUpOrClose,
    kUpwards,
    kWellOrJust,
    kArticle,
    kApprox
  };
  // The words Frequent needs right after the openers kThe .. kWellOrJust, by
  // group, each numbered as the opener that needs it (kFollowNone: none of
  // them). A word's group is kept in the high four bits of its starts_ entry,
  // so Frequent compares the next token's group with the opener, not its
  // text with each word of the group.
  enum Follower : uint8_t {
    kFollowNone,
    kFollowThe = kThe,              // past last previous next coming first final weekend
    kFollowExcess = kIn,            // excess
    kFollowLeastMost = kAt,         // least most
    kFollowManyMuch = kAs,          // many much
    kFollowFewer = kNo,             // fewer less more
    kFollowThan = kComparative,     // than
    kFollowTo = kUpOrClose,         // to
    kFollowOf = kUpwards,           // of
    kFollowOverUnder = kWellOrJust  // over under
  };
  static Opener OpenerOf(std::string_view w) {
    if (w.size() > 7) return kAny;
    if (EqualsLiteral(w, "the")) return kThe;
    if (EqualsLiteral(w, "in")) return kIn;
    if (EqualsLiteral(w, "at")) return kAt;
    if (EqualsLiteral(w, "as")) return kAs;
    if (EqualsLiteral(w, "no") || EqualsLiteral(w, "not")) return kNo;
    if (EqualsLiteral(w, "more") || EqualsLiteral(w, "less") || EqualsLiteral(w, "fewer"))
      return kComparative;
    if (EqualsLiteral(w, "up") || EqualsLiteral(w, "close")) return kUpOrClose;
    if (EqualsLiteral(w, "upwards")) return kUpwards;
    if (EqualsLiteral(w, "well") || EqualsLiteral(w, "just")) return kWellOrJust;
    if (EqualsLiteral(w, "a") || EqualsLiteral(w, "an")) return kArticle;
    if (EqualsLiteral(w, "some") || EqualsLiteral(w, "about") || EqualsLiteral(w, "over") ||
        EqualsLiteral(w, "under") || EqualsLiteral(w, "above") || EqualsLiteral(w, "below") ||
        EqualsLiteral(w, "around") || EqualsLiteral(w, "nearly") || EqualsLiteral(w, "almost") ||
        EqualsLiteral(w, "roughly"))
      return kApprox;
    return kAny;
  }

  // The words a figure may start with (MayStart), each with its Opener. One
  // of up to eight bytes is found by those bytes as a number (the first the
  // lowest, as a little-endian load reads them, the rest 0: distinct words,
  // distinct keys) in an open-addressing table probed from a multiply: most
  // words, which are not listed, cost a load, a multiply and a compare or
  // two, not a hash of their bytes and a compare of views. Longer ones are in
  // a ShortKeyTable (their Opener is kAny).
  struct StartWords {
    static constexpr int kSlotBits = 9;  // 512 slots for about 170 words
    uint64_t keys[1 << kSlotBits] = {};  // 0: empty (no word is empty)
    // A listed word's Opener + 1 (0: not a starting word), | its Follower << 4.
    uint8_t openers[1 << kSlotBits] = {};
    ShortKeyTable<bool> long_words{32};  // (their Opener is kAny: OpenerOf)
    size_t longest = 0;
    // The ways a word or its part before a dash may begin to be listed: the
    // first three bytes of each listed word of three or more, and of each
    // two-byte one with a dash after it ("no-" "in-"), as bits of a
    // 4096-bit filter (a word that sets no bit is none of them; about 100
    // set, so one in forty words not listed gets through). A word of one or
    // two bytes, or with a dash second ("a-"), is looked up as before.
    uint64_t begins[64] = {};

    static size_t BeginBit(const char* p) {
      const uint32_t b = static_cast<uint32_t>(static_cast<uint8_t>(p[0])) |
                         static_cast<uint32_t>(static_cast<uint8_t>(p[1])) << 8 |
                         static_cast<uint32_t>(static_cast<uint8_t>(p[2])) << 16;
      return (b * 0x9E3779B1u) >> 20;
    }
    // Whether a word of three or more bytes at p may be listed or begin with
    // a listed word and a dash.
    bool MayBegin(const char* p) const {
      const size_t k = BeginBit(p);
      return (begins[k >> 6] >> (k & 63) & 1) != 0;
    }

    static size_t Slot(uint64_t key) {
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits));
    }
    // The key of w (1 to 8 bytes), a view into a buffer that ends at `end`.
    static uint64_t Key(std::string_view w, const char* end) {
      uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      if (end - w.data() >= 8) {
        std::memcpy(&v, w.data(), 8);
        return v & (~0ull >> (64 - 8 * w.size()));
      }
#else
      (void)end;
#endif
      for (size_t k = 0; k < w.size(); ++k)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(w[k])) << (8 * k);
      return v;
    }
    void Add(std::string_view w) {
      const Opener o = OpenerOf(w);  // kAny for a word over seven bytes
      longest = std::max(longest, w.size());
      if (w.size() >= 2) {
        const char two_and_dash[3] = {w[0], w[1], '-'};
        const size_t k = BeginBit(w.size() >= 3 ? w.data() : two_and_dash);
        begins[k >> 6] |= uint64_t{1} << (k & 63);
      }
      if (w.size() > 8) {
        *long_words.Insert(w) = true;
        return;
      }
      uint8_t& entry = openers[Insert(w)];
      entry = static_cast<uint8_t>((entry & 0xF0) | (o + 1));
    }
    // Lists a word (of up to eight bytes) of a Follower group: a starting
    // word too or not.
    void AddFollower(std::string_view w, Follower f) {
      longest = std::max(longest, w.size());
      if (w.size() >= 3) {  // (a shorter word is looked up without the filter)
        const size_t k = BeginBit(w.data());
        begins[k >> 6] |= uint64_t{1} << (k & 63);
      }
      uint8_t& entry = openers[Insert(w)];
      entry = static_cast<uint8_t>((entry & 0x0F) | f << 4);
    }
    // The slot of w (1 to 8 bytes), taken if new.
    size_t Insert(std::string_view w) {
      const uint64_t key = Key(w, w.data() + w.size());
      size_t j = Slot(key);
      while (keys[j] != 0 && keys[j] != key) j = (j + 1) & ((1 << kSlotBits) - 1);
      keys[j] = key;
      return j;
    }
    int FindKey(uint64_t key) const {
      for (size_t j = Slot(key);; j = (j + 1) & ((1 << kSlotBits) - 1)) {
        if (keys[j] == key) return openers[j];
        if (keys[j] == 0) return -1;
      }
    }
    // The entry of w (its Opener + 1, 0 for a Follower that is no starting
    // word, | its Follower << 4), or -1 when w is not listed.
    int Find(std::string_view w, const char* end) const {
      if (w.empty() || w.size() > longest) return -1;
      if (w.size() > 8) return long_words.Find(w) != nullptr ? kAny + 1 : -1;
      return FindKey(Key(w, end));
    }
  };
  static const StartWords& Starts() {
    static const StartWords* const kStarts = [] {
      auto* set = new StartWords;
      const char* const words[] = {"the",       "past",
                                   "last",      "previous",
                                   "next",      "coming",
                                   "this",      "earlier",
                                   "later",     "recent",
                                   "today",     "yesterday",
                                   "tomorrow",  "tonight",
                                   "a",         "an",
                                   "several",   "many",
                                   "few",       "between",
                                   "minus",     "dozen",
                                   "half",      "no",
                                   "not",       "as",
                                   "in",        "more",
                                   "just",      "upwards",
                                   "fewer",     "less",
                                   "at",        "up",
                                   "close",     "well",
                                   "over",      "above",
                                   "under",     "below",
                                   "nearly",    "almost",
                                   "about",     "around",
                                   "roughly",   "approximately",
                                   "approx",    "some",
                                   "estimated", "us",
                                   "u.s",       "c",
                                   "a",         "usd",
                                   "eur",       "gbp",
                                   "uah",       "rub",
                                   "jpy",       "cny",
                                   "chf",       "days",
                                   "weeks",     "months",
                                   "years",     "decades",
                                   "hours",     "minutes",
                                   "hundred",   "thousand",
                                   "million",   "billion",
                                   "trillion",  "dozens",
                                   "hundreds",  "thousands",
                                   "millions",  "billions",
                                   "tens"};
      for (const char* w : words) set->Add(w);
      for (const WordNum& w : kSmallNumbers) set->Add(w.word);
      for (const WordNum& w : kOrdinals) set->Add(w.word);
      for (const char* const* p = kWeekdays; *p; ++p) set->Add(*p);
      for (const char* const* p = kMonths; *p; ++p) set->Add(*p);
      static constexpr struct {
        const char* word;
        Follower group;
      } kFollowers[] = {
          {"past", kFollowThe},        {"last", kFollowThe},       {"previous", kFollowThe},
          {"next", kFollowThe},        {"coming", kFollowThe},     {"first", kFollowThe},
          {"final", kFollowThe},       {"weekend", kFollowThe},    {"excess", kFollowExcess},
          {"least", kFollowLeastMost}, {"most", kFollowLeastMost}, {"many", kFollowManyMuch},
          {"much", kFollowManyMuch},   {"fewer", kFollowFewer},    {"less", kFollowFewer},
          {"more", kFollowFewer},      {"than", kFollowThan},      {"to", kFollowTo},
          {"of", kFollowOf},           {"over", kFollowOverUnder}, {"under", kFollowOverUnder}};
      for (const auto& f : kFollowers) set->AddFollower(f.word, f.group);
      return set;
    }();
    return *kStarts;
  }

  // The commonest starting words begin a figure only before certain words:
  // "the past", "at least", "more than", "a dozen" / "a week" / "a 10-km".
  bool Frequent(Opener o, uint32_t i) const {
    if (o == kAny) return true;
    auto next = [&]() { return L(i + 1); };
    // "the past", "in excess", "at least", "as many", "no more", "more than",
    // "up to", "upwards of", "well over": the next word's Follower group (the
    // next token of the sentence; none past its end).
    if (o < kArticle) return i + 1 < se_ && starts_[word_[i + 1]] >> 4 == o;
    // "a week", "a dozen", "a 10-km", "a few hours"; "about 20", "over $5m".
    const bool article = o == kArticle, approx = o == kApprox;
    if (i + 1 >= se_) return false;
    const Token& n = Tok(i + 1);
    if (n.kind == TokenKind::kNumber || n.kind == TokenKind::kSymbol) return true;
    const std::string_view x = next();
    if (EqualsLiteral(x, "a") || EqualsLiteral(x, "an")) return approx;
    if (EqualsLiteral(x, "few") || EqualsLiteral(x, "couple") || EqualsLiteral(x, "dozen") ||
        EqualsLiteral(x, "half") || EqualsLiteral(x, "quarter") || EqualsLiteral(x, "maximum") ||
        EqualsLiteral(x, "minimum") || EqualsLiteral(x, "estimated") || EqualsLiteral(x, "us") ||
        EqualsLiteral(x, "u.s"))
      return true;
    if (WordNumber(x) >= 0 || ScaleWord(x) > 0 || Denominator(x) > 0) return true;
    size_t dash = x.find('-');
    if (dash != std::string::npos && dash > 0 &&
        WordNumber(std::string_view(x).substr(0, dash)) >= 0)
      return true;
    return article && UnitsByFirstWord().Find(x) != nullptr;
  }

  // The folded word of token i of the sentence, without a final period ("sq."
  // "Sept." "km."); empty outside the sentence and for words over 48 bytes
  // (no lexicon word is that long).
  // (Read through the Document's arrays' pointers, kept: a few loads, not
  // one through d_ for each array; i - sb_ wraps past se_ - sb_ for i < sb_.
  // The view's end is the word's, found once a Document word by
  // ClassifyWords: not the token's size, the folded size and its last byte
  // again at each of the 15,000 calls in p35.)
  std::string_view L(uint32_t i) const {
    if (i - sb_ >= se_ - sb_) return std::string_view();
    const uint32_t w = word_[i], at = folded_at_[w];
    return std::string_view(folded_ + at, l_end_[w] - at);  // ClassifyWords
  }
  std::string_view T(uint32_t i) const {
    const Span s = tokens_[i].span;
    return std::string_view(text_ + s.start, s.end - s.start);
  }
  const Token& Tok(uint32_t i) const { return tokens_[i]; }
  bool IsNum(uint32_t i) const { return i < se_ && Tok(i).kind == TokenKind::kNumber; }

  // Matches the space-separated folded words at token i; returns the count.
  uint32_t MatchWords(uint32_t i, std::string_view words) const {
    uint32_t n = 0;
    while (!words.empty()) {
      size_t sp = words.find(' ');
      std::string_view w = words.substr(0, sp);
      if (i + n >= se_ || L(i + n) != w) return 0;
      ++n;
      if (sp == std::string_view::npos) break;
      words.remove_prefix(sp + 1);
    }
    return n;
  }

  // Unit words grouped by their first word, built once.
  static const ShortKeyTable<std::vector<const UnitWord*>>& UnitsByFirstWord() {
    static const ShortKeyTable<std::vector<const UnitWord*>> kByFirst = [] {
      ShortKeyTable<std::vector<const UnitWord*>> m(sizeof kUnitWords / sizeof kUnitWords[0]);
      for (const UnitWord& u : kUnitWords) {
        std::string_view w(u.words);
        m.Insert(w.substr(0, w.find(' ')))->push_back(&u);
      }
      return m;
    }();
    return kByFirst;
  }

  // The unit of the last one-word entry of kUnitWords that is `part` ("month"
  // of "six-month-old"), or nullptr. Such an entry is its own first word, so
  // it is among UnitsByFirstWord()'s entries for `part` (in list order); a
  // `part` with a space is no key there, as it matched no one-word entry. A
  // look-up, not a compare with each of the list's 168 entries.
  static const char* OneWordUnit(std::string_view part) {
    const std::vector<const UnitWord*>* found = UnitsByFirstWord().Find(part);
    if (found == nullptr) return nullptr;
    const char* u = nullptr;
    for (const UnitWord* uw : *found) {
      if (Equals(uw->words, part)) u = uw->unit;
    }
    return u;
  }

  // The longest unit at token i: sets *unit, returns the token count.
  uint32_t MatchUnit(uint32_t i, const char** unit) const {
    const auto& kByFirst = UnitsByFirstWord();
    uint32_t best = 0;
    const std::vector<const UnitWord*>* found = kByFirst.Find(L(i));
    if (found == nullptr) return 0;
    for (const UnitWord* up : *found) {
      const UnitWord& u = *up;
      uint32_t n = MatchWords(i, u.words);
      if (n > best) {
        best = n;
        *unit = u.unit;
      }
    }
    // "°C" may come as one symbol token followed by C.
    return best;
  }

  // A number at token i: digits with scale words ("3 million"), number words
  // ("twenty-five", "a dozen", "one hundred and twenty"). Sets the attached
  // suffix of a digit token ("bn", "-hour", "km") in *suffix.
  bool Number(uint32_t i, NumVal* nv, uint32_t* end, std::string_view* suffix, bool* article,
              uint32_t* suffix_token) const {
    *article = false;
    *suffix = {};
    if (i >= se_) return false;
    if (IsNum(i)) {
      std::string_view t = T(i);
      size_t pos = 0;
      if (!ParseDigits(t, &pos, nv)) return false;
      *suffix = t.substr(pos);
      *suffix_token = i;
      *end = i + 1;
      if (suffix->empty()) Scale(end, nv);
      return true;
    }
    const std::string_view w = L(i);
    // "a third of", "one quarter of": a fraction.
    if ((EqualsLiteral(w, "a") || EqualsLiteral(w, "one")) && EqualsLiteral(L(i + 2), "of") &&
        Denominator(L(i + 1)) > 2 && L(i + 1).back() != 's') {
      nv->value = 1.0 / Denominator(L(i + 1));
      *end = i + 2;
      return true;
    }
    // "hundreds of", "tens of thousands of": at least 200, 20,000.
    if ((Plural(w) > 0 || EqualsLiteral(w, "tens")) && EqualsLiteral(L(i + 1), "of")) {
      double scale = ScaleWord(EqualsLiteral(L(i + 2), "thousands")  ? "thousand"
                               : EqualsLiteral(L(i + 2), "millions") ? "million"
                               : EqualsLiteral(L(i + 2), "billions") ? "billion"
                                                                     : "");
      if (EqualsLiteral(w, "tens") && scale == 0) return false;
      nv->value = (EqualsLiteral(w, "tens") ? 20 : Plural(w)) * (scale > 0 ? scale : 1);
      nv->at_least = true;
      *end = scale > 0 ? i + 3 : i + 1;
      return true;
    }
    if (EqualsLiteral(w, "a") || EqualsLiteral(w, "an")) {
      if (EqualsLiteral(L(i + 1), "dozen")) {
        nv->value = 12;
        *end = i + 2;
        return true;
      }
      double sc = ScaleWord(L(i + 1));
      if (sc >= 100 && L(i + 1).size() > 3) {
        nv->value = 1;
        *end = i + 1;
        Scale(end, nv);
        return true;
      }
      nv->value = 1;
      *end = i + 1;
      *article = true;
      return true;
    }
    if (EqualsLiteral(w, "dozen")) {
      nv->value = 12;
      *end = i + 1;
      return true;
    }
    if (EqualsLiteral(w, "half") && !EqualsLiteral(L(i + 1), "of") &&
        !EqualsLiteral(L(i + 1), "-")) {
      nv->value = 0.5;
      nv->precision = 1;
      *end = i + 1;
      return true;
    }
    // "six-month-old", "twenty-five-year-old": number words before a dash.
    if (WordNumber(w) < 0 && w.find('-') != std::string::npos) {
      for (size_t dash = w.rfind('-'); dash != std::string::npos && dash > 0;
           dash = w.rfind('-', dash - 1)) {
        int v = WordNumber(std::string_view(w).substr(0, dash));
        int den = Denominator(std::string_view(w).substr(dash + 1));
        if (v > 0 && den > 0 && dash == w.find('-')) {  // "two-thirds"
          nv->value = static_cast<double>(v) / den;
          *end = i + 1;
          return true;
        }
        if (v >= 0) {
          nv->value = v;
          nv->word_dash = dash;
          *end = i + 1;
          return true;
        }
      }
      return false;
    }
    // Number words.
    double total = 0, cur = 0;
    bool any = false;
    uint32_t j = i;
    while (j < se_ && j < i + 12) {
      const std::string_view x = L(j);
      int v = WordNumber(x);
      if (v >= 0) {
        if (any && cur != 0 && std::fmod(cur, 100) != 0 && (v >= 10 || std::fmod(cur, 10) != 0))
          break;  // "one two" is two numbers
        cur += v;
        any = true;
        ++j;
        continue;
      }
      if (any && EqualsLiteral(x, "hundred")) {
        cur = (cur == 0 ? 1 : cur) * 100;
        ++j;
        continue;
      }
      double sc = ScaleWord(x);
      if (any && sc >= 1e3 && x.size() > 3) {
        total += (cur == 0 ? 1 : cur) * sc;
        cur = 0;
        ++j;
        continue;
      }
      if (any && EqualsLiteral(x, "and") && WordNumber(L(j + 1)) > 0 &&
          (std::fmod(cur, 100) == 0 && cur > 0)) {
        ++j;
        continue;
      }
      break;
    }
    if (!any) return false;
    nv->value = total + cur;
    *end = j;
    return true;
  }

  // Scale words after digits: "3 million", "1.5 billion".
  void Scale(uint32_t* end, NumVal* nv) const {
    for (int k = 0; k < 2; ++k) {
      double sc = ScaleWord(L(*end));
      if (sc == 0) return;
      nv->value *= sc;
      nv->multiplier *= sc;
      ++*end;
    }
  }

  static const char* AttachedUnit(std::string_view suffix) {
    for (const UnitWord& u : kAttachedUnits) {
      if (suffix == u.words) return u.unit;
    }
    std::string f = Fold(suffix.substr(0, 32));
    if (EqualsLiteral(f, "c") || EqualsLiteral(f, "f") || EqualsLiteral(f, "t") ||
        EqualsLiteral(f, "g") || EqualsLiteral(f, "l") || EqualsLiteral(f, "m"))
      return nullptr;
    for (const UnitWord& u : kAttachedUnits) {
      if (f == u.words) return u.unit;
    }
    return nullptr;
  }

  static const char* TypeForUnit(std::string_view unit) {
    if (unit.empty() || EqualsLiteral(unit, "people")) return "CARDINAL";
    if (EqualsLiteral(unit, "%") || EqualsLiteral(unit, "pp")) return "PERCENT";
    if (EqualsLiteral(unit, "hour") || EqualsLiteral(unit, "minute") ||
        EqualsLiteral(unit, "second"))
      return "TIME";
    if (IsTimeUnit(unit)) return "DATE";
    if (IsMoneyUnit(unit)) return "MONEY";
    return "QUANTITY";
  }

  // Currency written before the number: $ € £ ¥ US$ USD.
  uint32_t CurrencyPrefix(uint32_t i, const char** unit) const {
    if (i >= se_) return 0;
    std::string_view t = T(i);
    if (EqualsLiteral(t, "$")) {
      *unit = "USD";
      return 1;
    }
    if (t == "\xE2\x82\xAC"sv) {
      *unit = "EUR";
      return 1;
    }
    if (t == "\xC2\xA3"sv) {
      *unit = "GBP";
      return 1;
    }
    if (t == "\xC2\xA5"sv) {
      *unit = "JPY";
      return 1;
    }
    if (t == "\xE2\x82\xB4"sv) {
      *unit = "UAH";
      return 1;
    }
    if (t == "\xE2\x82\xBD"sv) {
      *unit = "RUB";
      return 1;
    }
    if ((EqualsLiteral(t, "US") || EqualsLiteral(t, "U.S.")) && i + 1 < se_ &&
        EqualsLiteral(T(i + 1), "$")) {
      *unit = "USD";
      return 2;
    }
    if ((EqualsLiteral(t, "C") || EqualsLiteral(t, "A")) && i + 1 < se_ &&
        EqualsLiteral(T(i + 1), "$") && !Tok(i + 1).Is(kSpaceBefore)) {
      *unit = EqualsLiteral(t, "C") ? "CAD" : "AUD";
      return 2;
    }
    if (t.size() != 3 || !IsNum(i + 1)) return 0;  // (the codes: three letters)
    static const char* const kCodes[] = {"USD", "EUR", "GBP", "UAH", "RUB", "JPY", "CNY", "CHF"};
    for (const char* c : kCodes) {
      if (t == c) {
        *unit = c;
        return 1;
      }
    }
    return 0;
  }

  // Weekdays, month dates, relative dates ("last week", "the weekend").
  bool WordDate(uint32_t i, Figure* f) const {
    const std::string_view w = L(i);
    const Token& t = Tok(i);
    auto done = [&](uint32_t end, const char* type) {
      f->begin = i;
      f->end = end;
      f->type = type;
      return true;
    };
    auto part_of_day = [&](uint32_t j) {
      const std::string_view x = L(j);
      return EqualsLiteral(x, "night") || EqualsLiteral(x, "morning") ||
             EqualsLiteral(x, "afternoon") || EqualsLiteral(x, "evening");
    };
    if (t.kind == TokenKind::kWord && t.Is(kCapitalized) && InList(w, kWeekdays)) {
      uint32_t e = i + 1;
      if (EqualsLiteral(L(e), ",") && IsMonth(e + 1)) {
        uint32_t me = MonthDate(e + 1);
        if (me > e + 2) e = me;
      }
      if (part_of_day(e)) return done(e + 1, "TIME");
      return done(e, "DATE");
    }
    if (IsMonth(i)) {
      uint32_t e = MonthDate(i);
      bool strong = e > i + 1 || (!EqualsLiteral(w, "may") && !EqualsLiteral(w, "march") &&
                                  !EqualsLiteral(w, "mar") && !EqualsLiteral(w, "jan") &&
                                  !EqualsLiteral(w, "sep") && !EqualsLiteral(w, "dec"));
      if (!strong && i > 0) {
        const std::string_view p = L(i - 1);
        strong = EqualsLiteral(p, "in") || EqualsLiteral(p, "since") || EqualsLiteral(p, "until") ||
                 EqualsLiteral(p, "early") || EqualsLiteral(p, "late") || EqualsLiteral(p, "mid") ||
                 EqualsLiteral(p, "of") || EqualsLiteral(p, "by");
      }
      if (strong) return done(e, "DATE");
    }
    // "28 September 2022", "the 28th of September".
    if (IsNum(i)) {
      std::string_view tx = T(i);
      size_t pos = 0;
      NumVal nv;
      if (ParseDigits(tx, &pos, &nv) && nv.value >= 1 && nv.value <= 31 && nv.precision == 0) {
        std::string_view suf = tx.substr(pos);
        bool ord = suf.empty() || EqualsLiteral(suf, "st") || EqualsLiteral(suf, "nd") ||
                   EqualsLiteral(suf, "rd") || EqualsLiteral(suf, "th");
        uint32_t m = i + 1;
        if (EqualsLiteral(L(m), "of")) ++m;
        if (ord && IsMonth(m)) {
          uint32_t e = m + 1;
          if (IsYear(e)) ++e;
          return done(e, "DATE");
        }
      }
    }
    bool in_name = t.Is(kCapitalized) && !t.Is(kSentenceStart);  // "Russia Today"
    if ((EqualsLiteral(w, "today") || EqualsLiteral(w, "yesterday") ||
         EqualsLiteral(w, "tomorrow")) &&
        !in_name)
      return done(i + 1, "DATE");
    if (EqualsLiteral(w, "tonight")) return done(i + 1, "TIME");
    static const char* const kPeriods[] = {"week",   "weekend", "month",  "year",
                                           "decade", "winter",  "summer", "spring",
                                           "autumn", "century", "fall",   nullptr};
    uint32_t j = i;
    if (EqualsLiteral(w, "earlier") || EqualsLiteral(w, "later")) ++j;
    const std::string_view d = L(j);
    if (EqualsLiteral(d, "this") || EqualsLiteral(d, "last") || EqualsLiteral(d, "next") ||
        EqualsLiteral(d, "past")) {
      if (InList(L(j + 1), kPeriods) &&
          !(EqualsLiteral(L(j + 1), "fall") && EqualsLiteral(d, "next")))
        return done(j + 2, "DATE");
      if (!EqualsLiteral(d, "past") && part_of_day(j + 1)) return done(j + 2, "TIME");
    }
    if (EqualsLiteral(d, "the") && j == i) {
      const std::string_view a = L(i + 1);
      if (EqualsLiteral(a, "weekend")) return done(i + 2, "DATE");
      if ((EqualsLiteral(a, "past") || EqualsLiteral(a, "last") || EqualsLiteral(a, "previous") ||
           EqualsLiteral(a, "coming") || EqualsLiteral(a, "next")) &&
          InList(L(i + 2), kPeriods))
        return done(i + 3, "DATE");
    }
    if (EqualsLiteral(w, "recent") && IsPluralTime(i + 1)) return done(i + 2, "DATE");
    return false;
  }

  bool IsMonth(uint32_t i) const {
    if (i >= se_) return false;
    const Token& t = Tok(i);
    if (t.kind != TokenKind::kWord || !t.Is(kCapitalized) || t.Is(kAllCaps)) return false;
    const std::string_view w = L(i);
    if (!InList(w, kMonths)) return false;
    // Abbreviations need their period ("Sept."), full names stand alone.
    if (w.size() <= 4 && !EqualsLiteral(w, "may") && !EqualsLiteral(w, "june") &&
        !EqualsLiteral(w, "july")) {
      return !T(i).empty() && T(i).back() == '.' && !EqualsLiteral(w, "mar");
    }
    return true;
  }

  bool IsYear(uint32_t i) const {
    if (!IsNum(i)) return false;
    std::string_view t = T(i);
    if (t.size() != 4) return false;
    for (char c : t)
      if (!IsAsciiDigit(c)) return false;
    int y = std::atoi(std::string(t).c_str());
    return y >= 1000 && y <= 2199;
  }

  // Month [day] [, year] | Month year. Returns the end token.
  uint32_t MonthDate(uint32_t i) const {
    uint32_t e = i + 1;
    if (IsNum(e) && !IsYear(e)) {
      std::string_view tx = T(e);
      size_t pos = 0;
      NumVal nv;
      if (ParseDigits(tx, &pos, &nv) && nv.value >= 1 && nv.value <= 31 && nv.precision == 0) {
        std::string_view suf = tx.substr(pos);
        if (suf.empty() || EqualsLiteral(suf, "st") || EqualsLiteral(suf, "nd") ||
            EqualsLiteral(suf, "rd") || EqualsLiteral(suf, "th")) {
          ++e;
          if (EqualsLiteral(L(e), ",") && IsYear(e + 1)) return e + 2;
        }
      }
    }
    if (IsYear(e)) return e + 1;
    return e;
  }

  bool IsPluralTime(uint32_t i) const {
    const std::string_view w = L(i);
    return EqualsLiteral(w, "days") || EqualsLiteral(w, "weeks") || EqualsLiteral(w, "months") ||
           EqualsLiteral(w, "years") || EqualsLiteral(w, "decades") || EqualsLiteral(w, "hours") ||
           EqualsLiteral(w, "minutes");
  }

  // "a few hours", "several days", "months ago", "within days".
  bool VagueTime(uint32_t i, Figure* f) const {
    uint32_t j = i;
    const std::string_view w = L(i);
    if (EqualsLiteral(w, "a") &&
        (EqualsLiteral(L(i + 1), "few") || EqualsLiteral(L(i + 1), "couple"))) {
      j = i + 2;
      if (EqualsLiteral(L(j), "of")) ++j;
    } else if (EqualsLiteral(w, "several") || EqualsLiteral(w, "many") || EqualsLiteral(w, "few")) {
      j = i + 1;
    }
    if (j > i && IsPluralTime(j)) {
      f->begin = i;
      f->end = j + 1 + (EqualsLiteral(L(j + 1), "ago"));
      f->type = (EqualsLiteral(L(j), "hours") || EqualsLiteral(L(j), "minutes")) ? "TIME" : "DATE";
      return true;
    }
    if (IsPluralTime(i)) {
      const std::string_view p = L(i - 1);
      const std::string_view n = L(i + 1);
      if (EqualsLiteral(n, "ago") || EqualsLiteral(n, "away") || EqualsLiteral(p, "within") ||
          EqualsLiteral(p, "for") || EqualsLiteral(p, "over")) {
        f->begin = i;
        f->end = i + 1 + (EqualsLiteral(n, "ago") || EqualsLiteral(n, "away"));
        f->type = EqualsLiteral(w, "hours") || EqualsLiteral(w, "minutes") ? "TIME" : "DATE";
        return true;
      }
    }
    return false;
  }

  // Word ordinals: "first", "twenty-first", "second-largest" (the first part).
  bool Ordinal(uint32_t i, Figure* f) const {
    if (Tok(i).kind != TokenKind::kWord) return false;
    const std::string_view w = L(i);
    int v = WordOrdinal(w);
    uint32_t sub_end = 0;
    if (v < 0) {
      size_t dash = w.find('-');
      if (dash == std::string::npos || dash == 0) return false;
      v = OrdinalWord(std::string_view(w).substr(0, dash));
      if (v < 0) return false;
      sub_end = Tok(i).span.start + static_cast<uint32_t>(dash);
    }
    f->begin = i;
    f->end = i + 1;
    f->type = "ORDINAL";
    if (sub_end) f->span = {Tok(i).span.start, sub_end};
    f->has_quantity = true;
    f->quantity.value = f->quantity.value_max = v;
    return true;
  }

  // A figure written with digits or number words, with its approximation,
  // currency, unit and range.
  bool Numeric(uint32_t i, Figure* f) const {
    uint32_t j = i;
    // L(j), kept as j moves over the words before the number (each L() a
    // few dozen instructions, asked up to five times of one token).
    std::string_view lj = L(j);
    bool temporal = false;
    // "the past 24 hours", "the last two weeks".
    {
      const std::string_view a = lj;
      const std::string_view b = L(j + 1);
      auto det = [](std::string_view x) {
        return EqualsLiteral(x, "past") || EqualsLiteral(x, "last") ||
               EqualsLiteral(x, "previous") || EqualsLiteral(x, "next") ||
               EqualsLiteral(x, "coming") || EqualsLiteral(x, "first") || EqualsLiteral(x, "final");
      };
      if (EqualsLiteral(a, "the") && det(b)) {
        temporal = true;
        j += 2;
        lj = L(j);
      } else if (det(a) && !EqualsLiteral(a, "first") && !EqualsLiteral(a, "final")) {
        temporal = true;
        j += 1;
        lj = b;
      }
    }
    Approx approx = Approx::kExact;
    // kApproxWords by their first word, each word's in the list's order:
    // MatchWords matches only those whose first word is L(j)'s.
    static const ShortKeyTable<std::vector<const ApproxWord*>> kApproxByFirst = [] {
      ShortKeyTable<std::vector<const ApproxWord*>> by_first(sizeof kApproxWords /
                                                             sizeof kApproxWords[0]);
      for (const ApproxWord& a : kApproxWords) {
        if (a.approx == Approx::kExact) continue;
        std::string_view w(a.words);
        by_first.Insert(w.substr(0, w.find(' ')))->push_back(&a);
      }
      return by_first;
    }();
    static const std::vector<const ApproxWord*> kNone;
    const std::vector<const ApproxWord*>* found = kApproxByFirst.Find(lj);
    for (const ApproxWord* ap : found == nullptr ? kNone : *found) {
      const ApproxWord& a = *ap;
      uint32_t n = MatchWords(j, a.words);
      if (n > 0) {
        approx = a.approx;
        j += n;
        lj = L(j);
        break;
      }
    }
    bool between = false;
    if (EqualsLiteral(lj, "between")) {
      between = true;
      ++j;
      lj = L(j);
    }
    const char* unit = nullptr;
    if (const uint32_t c = CurrencyPrefix(j, &unit); c > 0) {
      j += c;
      lj = L(j);
    }
    // A sign: "-5C", "minus 5 degrees", "−12".
    bool negative = false;
    uint32_t sign_token = i;
    if (EqualsLiteral(lj, "minus")) {
      negative = true;
      ++j;
    } else if (j == i && i > sb_ && IsNum(i) && !Tok(i).Is(kSpaceBefore) &&
               (EqualsLiteral(T(i - 1), "-") || T(i - 1) == "\xE2\x88\x92"sv) &&
               (i - 1 == sb_ || Tok(i - 1).Is(kSpaceBefore))) {
      negative = true;
      sign_token = i - 1;
    }
    NumVal nv;
    uint32_t end = 0, suffix_token = 0;
    std::string_view suffix;
    bool article = false;
    if (!Number(j, &nv, &end, &suffix, &article, &suffix_token)) return false;
    if (article && (approx == Approx::kAbout || unit)) {
      // "about a", "$a": not a figure.
      if (unit) return false;
    }
    // "from day one"-style oddities aside, refuse a number glued to letters we
    // do not know ("5G", "24AB").
    Span sub{};  // a part of one token ("20" of "20-member")
    bool ordinal = false, decade = false, clock = false, iso_date = false, score = false;
    double value_max = nv.value;
    bool range = false;
    const char* attached_unit = nullptr;
    if (!suffix.empty()) {
      std::string sf = Fold(suffix.substr(0, 40));
      double sc = ScaleWord(sf);
      if (sc == 0 && (EqualsLiteral(sf, "k"))) sc = 1e3;
      if (sc == 0 && unit && (EqualsLiteral(sf, "m"))) sc = 1e6;
      if (sc == 0 && unit && (EqualsLiteral(sf, "b"))) sc = 1e9;
      if (sc > 0) {
        nv.value *= sc;
        nv.multiplier *= sc;
      } else if (EqualsLiteral(sf, "st") || EqualsLiteral(sf, "nd") || EqualsLiteral(sf, "rd") ||
                 EqualsLiteral(sf, "th")) {
        ordinal = true;
      } else if (EqualsLiteral(sf, "s") && nv.value >= 10 && std::fmod(nv.value, 10) == 0) {
        decade = true;
      } else if (suffix[0] == ':') {
        clock = true;
      } else if (suffix[0] == '-' || suffix[0] == '/') {
        // 24-hour, 20-30, 2022-09-12, 10-kilometre, six-month-old
        std::string_view rest = suffix.substr(1);
        size_t p2 = 0;
        NumVal second;
        if (suffix[0] == '-' && ParseDigits(rest, &p2, &second)) {
          if (p2 < rest.size() && rest[p2] == '-') {
            iso_date = true;
          } else if (p2 == rest.size() && second.value > nv.value) {
            range = true;
            value_max = second.value;
          } else if (p2 == rest.size()) {
            score = true;  // "4-0", "292-8": a score, not a range
          } else {
            return false;
          }
        } else if (suffix[0] == '-') {
          size_t dash = rest.find('-');
          std::string part = Fold(rest.substr(0, std::min<size_t>(dash, 40)));
          const char* u = OneWordUnit(part);
          if (u && !IsMoneyUnit(u) && std::strcmp(u, "%") != 0 && std::strcmp(u, "people") != 0) {
            attached_unit = u;
          } else {
            // "20-member": the number alone.
            uint32_t s0 = Tok(suffix_token).span.start;
            sub = {s0, s0 + static_cast<uint32_t>(T(suffix_token).size() - suffix.size())};
          }
        } else {
          return false;  // 9/11, 1/2
        }
      } else {
        attached_unit = AttachedUnit(suffix);
        if (!attached_unit) return false;
      }
    }
    // Number words joined to a unit: "six-month-old", "two-day".
    if (nv.word_dash > 0) {
      const std::string_view w = L(j);
      size_t dash = nv.word_dash;
      {
        // the number part is before the first dash (twenty-five-year-old is rare)
        std::string_view rest = std::string_view(w).substr(dash + 1);
        size_t d2 = rest.find('-');
        if (const char* u = OneWordUnit(rest.substr(0, d2))) attached_unit = u;
        if (attached_unit && (IsMoneyUnit(attached_unit) || !std::strcmp(attached_unit, "%")))
          attached_unit = nullptr;
        if (!attached_unit) {
          uint32_t s0 = Tok(j).span.start;
          sub = {s0, s0 + static_cast<uint32_t>(dash)};
        }
      }
    }
    if (iso_date || decade) {
      f->begin = i;
      f->end = end;
      f->type = "DATE";
      if (approx != Approx::kExact || unit) f->begin = j;
      return true;
    }
    auto clock_word = [](std::string_view x) {
      return EqualsLiteral(x, "a.m") || EqualsLiteral(x, "p.m") || EqualsLiteral(x, "am") ||
             EqualsLiteral(x, "pm") || EqualsLiteral(x, "gmt") || EqualsLiteral(x, "utc") ||
             EqualsLiteral(x, "edt") || EqualsLiteral(x, "est") || EqualsLiteral(x, "bst") ||
             EqualsLiteral(x, "cet") || EqualsLiteral(x, "cest");
    };
    if (score) {
      f->begin = j;
      f->end = end;
      f->type = "CARDINAL";
      return true;
    }
    if (!clock && suffix.empty() && !unit && approx == Approx::kExact && clock_word(L(end)))
      clock = true;  // "4.50 a.m.", "0800 GMT"
    if (clock) {
      uint32_t e = end;
      if (clock_word(L(e))) ++e;
      f->begin = j;
      f->end = e;
      f->type = "TIME";
      return true;
    }
    if (ordinal) {
      if (unit) return false;
      f->begin = j;
      f->end = end;
      f->type = "ORDINAL";
      f->has_quantity = true;
      f->quantity.value = f->quantity.value_max = nv.value;
      return true;
    }
    // A day of a month written the other way round: "28 September".
    if (IsNum(j) && nv.value >= 1 && nv.value <= 31 && suffix.empty() && IsMonth(end) && !unit &&
        approx == Approx::kExact)
      return false;
    uint32_t e = end;
    if (!attached_unit && !unit && sub.end == 0) {
      // A range before the unit: "20 to 30 km", "between 20 and 30".
      RangeTail(i, j, nv.value, &e, &range, &value_max, between, &unit);
    }
    const char* word_unit = nullptr;
    if (attached_unit) {
      word_unit = attached_unit;
    } else if (sub.end == 0) {
      uint32_t n = 0;
      if (e < se_ && EqualsLiteral(T(e), "%")) {
        word_unit = "%";
        n = 1;
      } else {
        n = MatchUnit(e, &word_unit);
      }
      if (n > 0) {
        if (unit && !IsMoneyUnit(word_unit)) {
          // "$5 million people": keep the currency, ignore the noun.
          word_unit = nullptr;
        } else {
          if (std::strcmp(word_unit, "people") != 0) e += n;
        }
      }
      if (word_unit && !range) {
        // "20km to 30km", "20 to 30 per cent" handled above; "20 km to 30 km":
        uint32_t e2 = e;
        bool r2 = false;
        double vm = value_max;
        const char* u2 = unit;
        RangeTail(i, j, nv.value, &e2, &r2, &vm, between, &u2);
        if (r2) {
          const char* wu2 = nullptr;
          uint32_t n2 = MatchUnit(e2, &wu2);
          if (n2 > 0 && std::strcmp(wu2, word_unit) == 0) {
            e = e2 + n2;
            range = true;
            value_max = vm;
          }
        }
      }
    }
    if (unit && word_unit && IsMoneyUnit(word_unit)) word_unit = nullptr;  // "$5 dollars"
    const char* final_unit = unit ? unit : (word_unit ? word_unit : "");
    if (article && final_unit[0] == '\0') return false;  // "a" alone is no figure
    if (article && (std::strcmp(final_unit, "people") == 0 || std::strcmp(final_unit, "%") == 0))
      return false;
    const char* type = TypeForUnit(final_unit);
    if (temporal && !IsTimeUnit(final_unit)) {
      // "the first 20": the determiner is not part of a count.
      return false;
    }
    auto year = [](double v) { return v >= 1000 && v <= 2199 && v == std::floor(v); };
    if (std::strcmp(type, "CARDINAL") == 0 && range && IsNum(j) && T(j).size() == 4 &&
        !nv.separators && year(nv.value) && year(value_max) && value_max <= nv.value + 200) {
      // "between 2014 and 2022", "2014-2022", "from 1995 to 1997" are dates.
      f->begin = i;
      f->end = e;
      f->type = "DATE";
      return true;
    }
    if (std::strcmp(type, "CARDINAL") == 0 && !range && approx == Approx::kExact && !unit &&
        nv.precision == 0 && !nv.separators && IsNum(j) && suffix.empty() && nv.value >= 1000 &&
        nv.value <= 2199 && T(j).size() == 4) {
      // A year: "in 2014", "since 2014", "2022."
      f->begin = j;
      f->end = end;
      f->type = "DATE";
      return true;
    }
    // "ago" / "old" after a duration.
    if (IsTimeUnit(final_unit) && (EqualsLiteral(L(e), "ago") || EqualsLiteral(L(e), "old"))) ++e;
    f->begin = sign_token;  // with "more than", "the past", "between", "$", "-"
    if (negative) {
      nv.value = -nv.value;  // "-5 to 3": the sign belongs to the first number
      if (!range) value_max = nv.value;
    }
    f->end = sub.end ? j + 1 : e;
    if (sub.end) f->span = sub;
    f->type = type;
    f->has_quantity = true;
    Quantity& q = f->quantity;
    q.value = nv.value;
    q.value_max = range ? value_max : nv.value;
    q.unit = final_unit;
    q.approx = range ? Approx::kRange : approx;
    if (nv.at_least && approx == Approx::kExact) q.approx = Approx::kAtLeast;
    q.precision = nv.precision;
    q.multiplier = nv.multiplier;
    return true;
  }

  // After a number ending at *e: "to 30", "- 30", "and 30" (after between),
  // but not "from 40 to 50" (a change, not a range).
  void RangeTail(uint32_t i, uint32_t j, double first, uint32_t* e, bool* range, double* value_max,
                 bool between, const char** unit) const {
    const std::string_view c = L(*e);
    bool dash = *e < se_ && Tok(*e).kind == TokenKind::kPunct && IsDashText(T(*e)) &&
                !(Tok(*e).Is(kSpaceBefore) && T(*e).size() > 1);
    bool ok =
        (between && EqualsLiteral(c, "and")) || (!between && (EqualsLiteral(c, "to") || dash));
    if (!ok) return;
    uint32_t start = std::min(i, j);
    if (!between && start > 0) {
      const std::string_view p = L(start - 1);
      if (EqualsLiteral(p, "from")) return;
    }
    uint32_t k = *e + 1;
    const char* u2 = nullptr;
    k += CurrencyPrefix(k, &u2);
    if (u2 && *unit && std::strcmp(u2, *unit) != 0) return;
    NumVal nv;
    uint32_t end = 0, st = 0;
    std::string_view suf;
    bool article = false;
    if (!Number(k, &nv, &end, &suf, &article, &st) || article || !suf.empty()) return;
    if (!(nv.value > first)) return;  // "7-6", "4 - 0": scores
    *range = true;
    *value_max = nv.value;
    *e = end;
    if (u2 && !*unit) *unit = u2;
  }

  static bool IsDashText(std::string_view t) {
    return EqualsLiteral(t, "-") || t == "\xE2\x80\x93"sv || t == "\xE2\x80\x94"sv;
  }

  const Document& d_;
  // The Document's text, tokens, word ids and folded words (d_'s arrays).
  const char* const text_;
  const Token* const tokens_;
  const uint32_t* const word_;
  const uint32_t* const folded_at_;
  const char* const folded_;
  const char* const folded_end_;
  const StartWords& starts_table_;  // Starts()
  // Per Document word id (ClassifyWords), in the low four bits (kStartBits):
  // not a starting word, a number or a symbol, its part before a dash is
  // one, or kStartWord + its Opener (a starting word: Frequent decides); in
  // the high four, the word's Follower group.
  enum : uint8_t { kStartNo, kStartAny, kStartDash, kStartWord, kStartBits = 0x0F };
  // Per Document word id: where L()'s view of it ends in folded_ (LEnd),
  // then (in the same block) its starts_ entry. Not zeroed: every entry is
  // written.
  std::unique_ptr<uint32_t[]> l_end_;
  uint8_t* const starts_;
  uint32_t sb_ = 0, se_ = 0;  // the token range of the current sentence
};

}  // namespace

const UnitInfo* FindUnit(std::string_view canonical) { return UnitByName(canonical); }

bool IsTimeUnit(std::string_view canonical) {
  const UnitInfo* u = UnitByName(canonical);
  return u && std::strcmp(u->dimension, "time") == 0;
}

bool ConvertUnit(double value, std::string_view from, std::string_view to, double* out) {
  const UnitInfo* a = UnitByName(from);
  const UnitInfo* b = UnitByName(to);
  if (!a || !b || std::strcmp(a->dimension, b->dimension) != 0) return false;
  if (std::strcmp(a->dimension, "money") == 0) return false;
  double base = value * a->factor + a->offset;
  *out = (base - b->offset) / b->factor;
  return true;
}

std::vector<Figure> FindFigureMentions(const Document& doc) { return Scanner(doc).Run(); }

namespace {

// Bit for bit (so 0 and -0, printed apart, stay apart).
bool SameQuantity(const Quantity& a, const Quantity& b) {
  auto same = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
  return same(a.value, b.value) && same(a.value_max, b.value_max) && a.unit == b.unit &&
         a.approx == b.approx && a.precision == b.precision && same(a.multiplier, b.multiplier);
}

}  // namespace

namespace {

// Appends to *out the figures as entities: one entity per distinct (type,
// folded text), in the order of their first figures, mentions in text order,
// Mention::quantity indexing the entity's quantities. A figure whose
// `dropped` flag is set (when given) is no mention, but its entity is still
// placed by it and its quantity still kept, as when entities were made of
// every figure and the dropped mentions taken off after (AppendFigures did
// so): an entity left with no mention is not made, and one's name is its
// first mention's text. The entities are made in place at the end of *out
// (no vector of them built first and moved), with room for their mentions.
void GroupFigures(const Document& doc, const std::vector<Figure>& figures,
                  const std::vector<uint8_t>* dropped, std::vector<Entity>* out) {
  // The keys, type "|" folded text (no longer than the text), back to back
  // in one string sized for them all, so the table's views of them stay put,
  // written through a pointer (the string's appends and resizes, three calls
  // a figure, were a sixth of the grouping); a key met before is written
  // over by the next. A first pass finds each figure's entity and counts the
  // entities' mentions.
  size_t bytes = 0;
  for (const Figure& f : figures) bytes += std::strlen(f.type) + 1 + (f.span.end - f.span.start);
  std::string arena(bytes, '\0');
  char* const keys_at = arena.data();
  size_t used = 0;                                 // bytes of arena the kept keys hold
  CompactKeyTable<uint32_t> keys(figures.size());  // key -> entity (group) index
  std::vector<uint32_t> entity_of(figures.size());
  std::vector<uint32_t> mentions;  // per group: the mentions kept
  mentions.reserve(figures.size());
  for (size_t x = 0; x < figures.size(); ++x) {
    const Figure& f = figures[x];
    char* const key = keys_at + used;
    const size_t type_size = std::strlen(f.type);
    std::memcpy(key, f.type, type_size);
    key[type_size] = '|';
    const size_t size = type_size + 1 + FoldInto(doc.Text(f.span), key + type_size + 1);
    bool added = false;
    uint32_t* at = keys.Insert(std::string_view(key, size), &added);
    if (added) {
      *at = static_cast<uint32_t>(mentions.size());
      mentions.push_back(0);
      used += size;  // kept; a key met before is written over by the next
    }
    entity_of[x] = *at;
    mentions[*at] += dropped == nullptr || !(*dropped)[x];
  }
  // Each group's entity in *out (a group with no mention kept has none).
  constexpr uint32_t kNone = ~0u;
  const size_t base = out->size();
  size_t made = 0;
  for (uint32_t& m : mentions) {
    if (m == 0) {
      m = kNone;
      continue;
    }
    ++made;
  }
  out->reserve(base + made);
  out->resize(base + made);
  std::vector<uint32_t> index(mentions.size());  // group -> entity in *out, or kNone
  for (size_t g = 0, e = base; g < mentions.size(); ++g) {
    index[g] = mentions[g] == kNone ? kNone : static_cast<uint32_t>(e++);
  }
  for (size_t x = 0; x < figures.size(); ++x) {
    const uint32_t g = entity_of[x];
    if (index[g] == kNone) continue;
    const Figure& f = figures[x];
    Entity& e = (*out)[index[g]];
    if (e.type.empty()) {  // its first figure (a figure's type is never empty)
      e.type = f.type;
      e.mentions.reserve(mentions[g]);
    }
    Mention m;
    m.span = f.span;
    if (f.has_quantity) {
      // The mentions of one figure mostly share their value: kept once.
      if (e.quantities.empty() || !SameQuantity(e.quantities.back(), f.quantity))
        e.quantities.push_back(f.quantity);
      m.quantity = static_cast<int>(e.quantities.size() - 1);
    }
    if (dropped != nullptr && (*dropped)[x]) continue;
    if (e.mentions.empty()) e.name = std::string(doc.Text(f.span));
    e.mentions.push_back(m);
  }
}

}  // namespace

std::vector<Entity> FindFigures(const Document& doc) {
  std::vector<Entity> out;
  GroupFigures(doc, FindFigureMentions(doc), nullptr, &out);
  return out;
}

void AppendFigures(const Document& doc, std::vector<Entity>* entities) {
  // The figures inside names are no mentions (their entities are still
  // placed by them: GroupFigures). A figure is inside a name when a name
  // starts at or before it and ends at or after its end. The figures come
  // in text order and never overlap, so each name's are found by a binary
  // search for the first figure starting at or after the name's start and a
  // walk over those starting before its end: no table of the names' spans,
  // sorted (about a hundred names a text, a few dozen figures).
  const std::vector<Figure> figures = FindFigureMentions(doc);
  std::vector<uint8_t> dropped(figures.size());
  if (!figures.empty()) {
    const Figure* const first = figures.data();
    const Figure* const last = first + figures.size();
    for (const Entity& e : *entities) {
      for (const Mention& m : e.mentions) {
        const Span n = m.span;
        const Figure* f = std::lower_bound(
            first, last, n.start, [](const Figure& x, uint32_t v) { return x.span.start < v; });
        for (; f != last && f->span.start < n.end; ++f)
          if (f->span.end <= n.end) dropped[f - first] = 1;
      }
    }
  }
  GroupFigures(doc, figures, &dropped, entities);
}

}  // namespace lede
