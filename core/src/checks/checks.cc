// Consistency checks inside one article. Figures come from the entity
// mentions that carry a Quantity; the words around them from the Document.
//
// Kinds (Check::kind) and how each decides:
//
// unit-conversion  Two figures of one dimension side by side, joined only by
//   "(", ",", "or", "/" or a dash: "500 square kilometres (193 square
//   miles)". Currencies only when the article states the rate ("($1 =
//   0.92 euros)", "36.6 hryvnias to the dollar"). A = first figure, B =
//   the stated conversion, conv = A in B's unit.
//     consistent   |conv - B| <= half a unit of B's last written digit, plus
//                  what rounding A at its last written digit moves conv
//                  (500 km² = 193.05 mi², stated 193).
//     approximate  a writer's rounding: B's trailing zeros are a rounding step
//                  (1,100 -> 100, 3,000 -> 1,000, 1.2bn -> 0.1bn), and conv
//                  rounds to B at B's step, or B converted back rounds to A at
//                  A's step; and the two differ by at most 10% (temperatures:
//                  by at most 1.5 degrees). 3,000 km² = 1,158 mi² vs stated
//                  1,100: 1,100 mi² = 2,849 km², which rounds to 3,000 at the
//                  thousands, 5% apart -> approximate. Also approximate:
//                  within 2% whatever the rounding ("345 miles (550 km)"), and,
//                  when either figure says "about", within 20% (3 degrees).
//     inconsistent otherwise ("105 mph (185 kph)": 169 km/h, 9.5% off).
//   A measure in two units of one system is one figure: "7-pound, 4-ounce
//   (3.3 kg)" converts 7.25 lb; "6 ft, 3 in" alone is no conversion.
// percent-change   "from 40 to 50, a 25% rise": (50 - 40) / 40 = 25%. The same
//   rounding rules with the stated percentage as B; a stated direction
//   (rise/fall) that contradicts the figures is inconsistent. Percentage
//   points ("pp") compare with the difference.
// percentage       more than 100% of a whole that cannot exceed itself ("120%
//   of voters"); ratios to a reference ("150% of capacity") are not flagged.
//   Also shares of one group in one sentence, each followed by what they said
//   or did ("55% approved, while 50% disapproved"), adding up to more than
//   100% plus half a unit of each one's last digit.
// parts-sum        "12 of the 10 members"; and a whole followed by its parts ("20 people, including
// 12
//   soldiers and 9 civilians"; "... (12 ... and 9 ...)"): the smallest the
//   parts can be against the largest the whole can be.
// duration         the same span of time stated twice with different values:
//   (only for things that last: war and its synonyms, siege, ceasefire,
//   occupation, talks, ... - never ages of people: "24-year-old American")
//   "nearly seven months of fighting" vs "six-month-old battle". Linked only
//   when both measure the same thing: the noun the duration belongs to ("X
//   months of N", "X-month-old N", "X months into/since/after the N") must
//   be the same, or both in one group of synonyms (war, fighting, battle,
//   conflict, invasion, hostilities). Stated values are compared as points
//   ("nearly 7" is 7), bounds ("more than 6") as half-lines.
// repeated-figure  a count stated twice for the same thing: the same subject
//   word, verb and counted noun ("strikes killed 20 civilians" ... "the
//   strikes killed 25 civilians"), in prose sentences (not table rows) that
//   name no different day and no ordinal ("in the first vote").
//
// Everything is linear in the number of figures except the two pairwise
// passes (duration, repeated-figure), which compare only figures that share a
// key (hash map buckets of at most kMaxBucket figures).
#include "checks/checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

#include "entities/figures.h"
#include "text/literal.h"
#include "text/utf8.h"

namespace lede {
namespace {

using Approx = Quantity::Approx;

constexpr size_t kMaxBucket = 64;

// Whether `w` is one of the words of `list`: each compared by its size, then
// its bytes. A view's or a std::string's == with each word of a list of
// `const char*` measured the word with strlen and compared out of line (the
// duration topics' 48 words, 2,365 calls for 55 figures in p35).
template <size_t N>
bool InWords(std::string_view w, const std::string_view (&list)[N]) {
  for (const std::string_view x : list)
    if (x.size() == w.size() && std::memcmp(x.data(), w.data(), w.size()) == 0) return true;
  return false;
}

struct Fig {
  Span span;
  const Quantity* q = nullptr;
  std::string_view type;    // the entity's (the entities outlive the checks)
  uint32_t tb = 0, te = 0;  // tokens [tb, te)
  uint32_t sentence = 0;
  std::string_view dim;  // its unit's dimension ("money", "length" ...), "" for none
};

// Folded word of token i ("" for very long tokens), without a final period:
// a view of the Document's folded text (Fold() of the token, folded once).
std::string_view W(const Document& d, uint32_t i) {
  if (i >= d.tokens.size()) return std::string_view();
  if (d.Text(i).size() > 48) return std::string_view();
  std::string_view f = d.Folded(i);
  if (f.size() > 1 && f.back() == '.') f.remove_suffix(1);
  return f;
}

// "1,158.3": v with `decimals` digits and thousands separators.
std::string Num(double v, int decimals) {
  if (!std::isfinite(v)) return v > 0 ? "\xE2\x88\x9E" : "-\xE2\x88\x9E";
  decimals = std::max(0, std::min(decimals, 6));
  char buf[64];
  if (std::fabs(v) >= 1e15) {
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (decimals > 0) {  // drop trailing zeros after the point, keep one digit
    while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  }
  size_t start = s[0] == '-' ? 1 : 0;
  size_t dot = s.find('.');
  if (dot == std::string::npos) dot = s.size();
  for (size_t k = dot; k > start + 3; k -= 3) s.insert(k - 3, ",");
  return s;
}

// The figure as written, in a message: "193 mi²", "$1.2bn", "40%".
std::string Show(double v, int precision, double multiplier, const std::string& unit) {
  const UnitInfo* u = FindUnit(unit);
  std::string sym = u ? u->symbol : unit;
  std::string n;
  if (multiplier >= 1e9 && std::isfinite(v)) {
    n = Num(v / 1e9, precision) + (multiplier >= 1e12 ? "bn" : "bn");
    if (multiplier >= 1e12) n = Num(v / 1e12, precision) + "tn";
  } else if (multiplier >= 1e6 && std::isfinite(v)) {
    n = Num(v / 1e6, precision) + "m";
  } else {
    n = Num(v, precision);
  }
  if (EqualsLiteral(unit, "USD") || EqualsLiteral(unit, "EUR") || EqualsLiteral(unit, "GBP") ||
      EqualsLiteral(unit, "JPY") || EqualsLiteral(unit, "CAD") || EqualsLiteral(unit, "AUD"))
    return sym + n;
  if (unit.empty()) return n;
  if (sym[0] == ' ' || EqualsLiteral(unit, "%") || EqualsLiteral(unit, "C") ||
      EqualsLiteral(unit, "F"))
    return n + sym;
  return n + " " + sym;
}

// The rounding step a writer used: the last written digit, and trailing zeros
// of a whole number as rounding (1,100 -> 100; 3,000 -> 1,000; 1.2bn -> 1e8).
double WrittenStep(const Quantity& q) { return std::pow(10.0, -q.precision) * q.multiplier; }
double RoundingStep(const Quantity& q) {
  double step = WrittenStep(q);
  if (q.precision > 0) return step;
  double mantissa = std::fabs(q.value / q.multiplier);
  if (!std::isfinite(mantissa) || mantissa < 10 || mantissa > 1e15) return step;
  double m = std::round(mantissa);
  double s = 1;
  while (s * 10 <= m && std::fmod(m, s * 10) == 0) s *= 10;
  return s * q.multiplier;
}

bool Near(double a, double b, double tol) { return std::fabs(a - b) <= tol * (1 + 1e-9) + 1e-12; }

struct Verdict {
  const char* verdict;
  bool back_rounds = false;  // approximate because B converted back rounds to A
};

// A's value converted is `conv`; B is the stated conversion. `to_b(x)` maps a
// value of A's unit to B's unit, `to_a` back.
template <typename ToB, typename ToA>
Verdict Judge(const Quantity& a, const Quantity& b, ToB to_b, ToA to_a, bool temperature) {
  double conv = to_b(a.value);
  double diff = std::fabs(conv - b.value);
  double tol_a = std::fabs(to_b(a.value + 0.5 * WrittenStep(a)) - conv);
  if (Near(conv, b.value, 0.5 * WrittenStep(b) + tol_a)) return {"consistent"};
  // "about 200 feet (about 70 metres)": a writer who says "about" may round harder.
  bool about = a.approx == Approx::kAbout || b.approx == Approx::kAbout;
  double cap = about ? 0.2 : 0.1;
  bool close =
      temperature ? diff <= (about ? 3 : 1.5) : diff <= cap * std::max(std::fabs(conv), 1e-300);
  if (!close) return {"inconsistent"};
  if (about || diff <= 0.02 * std::fabs(conv)) return {"approximate"};
  if (Near(conv, b.value, 0.5 * RoundingStep(b))) return {"approximate"};
  if (Near(to_a(b.value), a.value, 0.5 * RoundingStep(a))) return {"approximate", true};
  return {"inconsistent"};
}

bool Metric(const std::string& unit) {
  static constexpr std::string_view kMetric[] = {"km2", "m2", "ha", "km", "m", "cm", "mm",  "kg",
                                                 "g",   "t",  "C",  "K",  "l", "m3", "km/h"};
  return InWords(unit, kMetric);
}

class Checker {
 public:
  Checker(const Document& d, const std::vector<Entity>& entities) : d_(d) {
    const uint32_t tokens = static_cast<uint32_t>(d.tokens.size());
    for (const Entity& e : entities) {
      for (const Mention& m : e.mentions) {
        const Quantity* q = e.QuantityOf(m);
        if (!q || m.span.end <= m.span.start) continue;
        Fig f;
        f.span = m.span;
        f.q = q;
        f.type = e.type;
        f.tb = TokenAt(m.span.start);
        // TokenAt(m.span.end), found from tb: a figure is a few tokens.
        uint32_t te = f.tb;
        while (te < tokens && d.tokens[te].span.start < m.span.end) ++te;
        f.te = te;
        if (f.tb >= f.te || f.tb >= d.tokens.size()) continue;
        f.sentence = d.SentenceOf(f.tb);
        // Once a figure, not again for each check and pair that asks.
        const UnitInfo* u = FindUnit(q->unit);
        f.dim = u ? u->dimension : "";
        figs_.push_back(f);
      }
    }
    std::stable_sort(figs_.begin(), figs_.end(),
                     [](const Fig& a, const Fig& b) { return a.span.start < b.span.start; });
  }

  std::vector<Check> Run() {
    Rates();
    Conversions();
    PercentChange();
    PercentOfWhole();
    PercentShares();
    PartsSum();
    PartOfWhole();
    Durations();
    RepeatedCounts();
    std::stable_sort(out_.begin(), out_.end(), [](const Check& a, const Check& b) {
      return a.spans.front().start < b.spans.front().start;
    });
    return std::move(out_);
  }

 private:
  // First token that starts at or after `byte`.
  uint32_t TokenAt(uint32_t byte) const {
    auto it = std::lower_bound(d_.tokens.begin(), d_.tokens.end(), byte,
                               [](const Token& t, uint32_t b) { return t.span.start < b; });
    return static_cast<uint32_t>(it - d_.tokens.begin());
  }
  std::string Text(const Fig& f) const { return std::string(d_.Text(f.span)); }
  void Add(const char* kind, const char* verdict, std::string message, std::vector<Span> spans) {
    Check c;
    c.kind = kind;
    c.verdict = verdict;
    c.message = std::move(message);
    c.spans = std::move(spans);
    out_.push_back(std::move(c));
  }

  // Only "(", ",", "or", "/", dashes between two figures of one sentence.
  bool SideBySide(const Fig& a, const Fig& b) const {
    if (a.sentence != b.sentence || b.tb < a.te || b.tb - a.te > 2) return false;
    if (b.tb == a.te) return false;
    for (uint32_t k = a.te; k < b.tb; ++k) {
      std::string_view w = W(d_, k);
      if (!EqualsLiteral(w, "(") && !EqualsLiteral(w, ",") && !EqualsLiteral(w, "or") &&
          !EqualsLiteral(w, "/") && !EqualsLiteral(w, "[") && !EqualsLiteral(w, "-") &&
          !EqualsLiteral(w, "\xE2\x80\x93") && !EqualsLiteral(w, "\xE2\x80\x94") &&
          !EqualsLiteral(w, "="))
        return false;
    }
    return true;
  }

  // "($1 = 0.92 euros)": a stated exchange rate.
  void Rates() {
    is_rate_.assign(figs_.size(), false);
    for (size_t k = 0; k + 1 < figs_.size(); ++k) {
      const Fig& a = figs_[k];
      const Fig& b = figs_[k + 1];
      if (!EqualsLiteral(a.dim, "money") || !EqualsLiteral(b.dim, "money") ||
          a.q->unit == b.q->unit)
        continue;
      if (b.tb != a.te + 1 || !EqualsLiteral(d_.Text(a.te), "=")) continue;
      if (a.q->value == 0 || !std::isfinite(a.q->value) || !std::isfinite(b.q->value)) continue;
      rates_[a.q->unit + ">" + b.q->unit] = b.q->value / a.q->value;
      is_rate_[k] = is_rate_[k + 1] = true;
    }
    // "36.6 hryvnias to the dollar", "0.92 euros per dollar".
    for (size_t k = 0; k < figs_.size(); ++k) {
      const Fig& a = figs_[k];
      if (!EqualsLiteral(a.dim, "money") || is_rate_[k] || !std::isfinite(a.q->value)) continue;
      std::string_view w = W(d_, a.te);
      if (!EqualsLiteral(w, "to") && !EqualsLiteral(w, "per") && !EqualsLiteral(w, "against"))
        continue;
      uint32_t t = a.te + 1;
      if (EqualsLiteral(W(d_, t), "the") || EqualsLiteral(W(d_, t), "one") ||
          EqualsLiteral(W(d_, t), "a"))
        ++t;
      static const char* const kCurrency[][2] = {
          {"dollar", "USD"},    {"euro", "EUR"},  {"pound", "GBP"}, {"hryvnia", "UAH"},
          {"rouble", "RUB"},    {"ruble", "RUB"}, {"yen", "JPY"},   {"yuan", "CNY"},
          {"greenback", "USD"}, {"franc", "CHF"}};
      std::string_view c = W(d_, t);
      const char* unit = nullptr;
      for (const auto& pair : kCurrency)
        if (c == pair[0]) unit = pair[1];
      if (!unit || a.q->unit == unit) continue;
      rates_[std::string(unit) + ">" + a.q->unit] = a.q->value;
      is_rate_[k] = true;
    }
  }
  bool IsRateFig(size_t k) const { return is_rate_[k]; }
  bool Rate(const std::string& from, const std::string& to, double* r) const {
    auto it = rates_.find(from + ">" + to);
    if (it != rates_.end()) {
      *r = it->second;
      return true;
    }
    it = rates_.find(to + ">" + from);
    if (it != rates_.end() && it->second != 0) {
      *r = 1 / it->second;
      return true;
    }
    return false;
  }

  void Conversions() {
    for (size_t k = 0; k + 1 < figs_.size(); ++k) {
      const Fig& a = figs_[k];
      const Fig& b = figs_[k + 1];
      const Quantity& qa = *a.q;
      const Quantity& qb = *b.q;
      if (qa.unit.empty() || qa.unit == qb.unit || !SideBySide(a, b)) continue;
      const std::string_view dim = a.dim;
      if (dim.empty() || dim != b.dim || EqualsLiteral(dim, "time") ||
          EqualsLiteral(dim, "percent") || EqualsLiteral(dim, "points") ||
          EqualsLiteral(dim, "count"))
        continue;
      if (qa.approx == Approx::kRange || qb.approx == Approx::kRange) continue;
      if (!std::isfinite(qa.value) || !std::isfinite(qb.value)) continue;
      // "6 ft, 3 in", "1 km 200 m": one measure in two units of one system.
      if (!EqualsLiteral(dim, "money") && Metric(qa.unit) == Metric(qb.unit)) continue;
      // "7-pound, 4-ounce (3.3 kg)": the figure before joins this one.
      Quantity combined = qa;
      Span a_span = a.span;
      std::string a_shown = Show(qa.value, qa.precision, qa.multiplier, qa.unit);
      if (k > 0 && !EqualsLiteral(dim, "money")) {
        const Fig& p = figs_[k - 1];
        const Quantity& qp = *p.q;
        bool joined =
            p.sentence == a.sentence && a.tb >= p.te && a.tb - p.te <= 1 &&
            (a.tb == p.te || EqualsLiteral(W(d_, p.te), ",") || EqualsLiteral(W(d_, p.te), "and"));
        double extra = 0;
        if (joined && p.dim == dim && qp.unit != qa.unit && Metric(qp.unit) == Metric(qa.unit) &&
            qp.approx != Approx::kRange && ConvertUnit(qa.value, qa.unit, qp.unit, &extra)) {
          combined = qp;
          combined.value = qp.value + extra;
          combined.precision = std::max(2, qp.precision);
          combined.multiplier = 1;
          a_span = {p.span.start, a.span.end};
          a_shown = Show(qp.value, qp.precision, qp.multiplier, qp.unit) + " " + a_shown;
        }
      }
      const Quantity& qc = combined;
      Verdict v;
      double conv = 0;
      std::string how;
      if (EqualsLiteral(dim, "money")) {
        if (IsRateFig(k) || IsRateFig(k + 1)) continue;
        double r = 0;
        if (!Rate(qc.unit, qb.unit, &r)) continue;
        conv = qc.value * r;
        v = Judge(
            qc, qb, [r](double x) { return x * r; }, [r](double x) { return x / r; }, false);
        how = " at the stated rate";
      } else {
        const std::string ua = qc.unit, ub = qb.unit;
        auto to_b = [&](double x) {
          double o = 0;
          ConvertUnit(x, ua, ub, &o);
          return o;
        };
        auto to_a = [&](double x) {
          double o = 0;
          ConvertUnit(x, ub, ua, &o);
          return o;
        };
        conv = to_b(qc.value);
        v = Judge(qc, qb, to_b, to_a, EqualsLiteral(dim, "temperature"));
      }
      int shown = qb.precision + 1;
      double mul_b = qb.multiplier;
      std::string msg = a_shown + " = " + Show(conv, shown, mul_b, qb.unit) + how + "; stated " +
                        Show(qb.value, qb.precision, mul_b, qb.unit);
      if (std::strcmp(v.verdict, "consistent") != 0 && conv != 0) {
        double pct = (qb.value - conv) / std::fabs(conv) * 100;
        char buf[64];
        std::snprintf(buf, sizeof buf, " (%.1f%% %s)", std::fabs(pct),
                      pct < 0 ? "lower" : "higher");
        msg += buf;
      }
      if (v.back_rounds) {
        double back = 0;
        if (EqualsLiteral(dim, "money")) {
          double r = 1;
          Rate(qc.unit, qb.unit, &r);
          back = qb.value / r;
        } else {
          ConvertUnit(qb.value, qb.unit, qc.unit, &back);
        }
        msg += "; " + Show(qb.value, qb.precision, mul_b, qb.unit) + " = " +
               Show(back, qc.precision, qc.multiplier, qc.unit) + ", within the rounding of " +
               Show(qc.value, qc.precision, qc.multiplier, qc.unit);
      }
      Add("unit-conversion", v.verdict, msg, {a_span, b.span});
    }
  }

  // Index of the figure starting at token `t` in sentence `s`, or -1.
  int FigAtToken(uint32_t t) const {
    auto it = std::lower_bound(figs_.begin(), figs_.end(), t,
                               [](const Fig& f, uint32_t tok) { return f.tb < tok; });
    if (it != figs_.end() && it->tb == t) return static_cast<int>(it - figs_.begin());
    return -1;
  }

  static int Direction(std::string_view w) {
    static constexpr std::string_view kUp[] = {
        "rise",  "rose",    "risen", "rising", "rises",  "increase", "increased", "increases",
        "up",    "grew",    "grow",  "growth", "jump",   "jumped",   "gain",      "gained",
        "climb", "climbed", "surge", "surged", "soared", "higher",   "more"};
    static constexpr std::string_view kDown[] = {
        "fall",    "fell",     "fallen",   "falling",   "falls", "drop",  "dropped",
        "decline", "declined", "decrease", "decreased", "down",  "cut",   "reduction",
        "slump",   "slumped",  "plunged",  "shrank",    "lower", "fewer", "less"};
    if (InWords(w, kUp)) return 1;
    if (InWords(w, kDown)) return -1;
    return 0;
  }

  // "from 40 to 50, a 25% rise".
  void PercentChange() {
    for (size_t k = 0; k + 1 < figs_.size(); ++k) {
      const Fig& a = figs_[k];
      const Fig& b = figs_[k + 1];
      if (a.tb == 0 || !EqualsLiteral(W(d_, a.tb - 1), "from") || b.tb != a.te + 1 ||
          !EqualsLiteral(W(d_, a.te), "to"))
        continue;
      // "from 120 to 155 tonnes": the first end point takes the unit of the second.
      bool same_unit = a.q->unit == b.q->unit || a.q->unit.empty();
      if (a.sentence != b.sentence || !same_unit || EqualsLiteral(a.type, "DATE") ||
          EqualsLiteral(a.type, "ORDINAL"))
        continue;
      if (a.q->approx == Approx::kRange || b.q->approx == Approx::kRange) continue;
      // The nearest percentage in the sentence that is neither end point.
      int best = -1;
      uint32_t best_dist = 0;
      for (size_t m = k + 2; m < figs_.size() && figs_[m].sentence == a.sentence; ++m) {
        if (!EqualsLiteral(figs_[m].type, "PERCENT") || EqualsLiteral(figs_[m].q->unit, ""))
          continue;
        uint32_t dist = figs_[m].tb - b.te;
        if (best < 0 || dist < best_dist) {
          best = static_cast<int>(m);
          best_dist = dist;
        }
        break;
      }
      for (size_t m = k; m-- > 0 && figs_[m].sentence == a.sentence;) {
        if (!EqualsLiteral(figs_[m].type, "PERCENT")) continue;
        uint32_t dist = a.tb - figs_[m].te;
        if (best < 0 || dist < best_dist) best = static_cast<int>(m);
        break;
      }
      if (best < 0) continue;
      const Fig& p = figs_[best];
      const Quantity& qp = *p.q;
      double from = a.q->value, to = b.q->value;
      if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(qp.value)) continue;
      bool points = EqualsLiteral(qp.unit, "pp");
      if (!points && from == 0) continue;
      double change = points ? to - from : (to - from) / std::fabs(from) * 100;
      // A direction word right around the percentage ("a 25% rise", "rose 25%").
      int dir = 0;
      const Sentence& s = d_.sentences[a.sentence];
      for (uint32_t t = p.te; t < s.end && t < p.te + 2 && dir == 0; ++t) dir = Direction(W(d_, t));
      for (uint32_t t = p.tb; t > s.begin && t + 3 > p.tb && dir == 0; --t)
        dir = Direction(W(d_, t - 1));
      double stated = qp.value;
      if (dir < 0) stated = -stated;
      if (dir == 0) stated = change < 0 ? -std::fabs(stated) : std::fabs(stated);
      Quantity sq = qp;
      sq.value = stated;
      sq.multiplier = 1;
      Quantity cq;
      cq.value = change;
      cq.precision = 1;
      std::string unit = points ? " percentage points" : "%";
      const std::string& end_unit = EqualsLiteral(b.q->unit, "%") ? b.q->unit : std::string();
      std::string msg = "from " + Show(from, a.q->precision, a.q->multiplier, end_unit) + " to " +
                        Show(to, b.q->precision, b.q->multiplier, end_unit) + " is " +
                        (change >= 0 ? "+" : "") + Num(change, qp.precision + 1) + unit +
                        "; stated " + Text(p);
      const char* verdict;
      if (dir != 0 && ((change > 0 && dir < 0) || (change < 0 && dir > 0))) {
        verdict = "inconsistent";
        msg += " (the wrong direction)";
      } else {
        verdict = Judge(
                      cq, sq, [](double x) { return x; }, [](double x) { return x; }, false)
                      .verdict;
        // "from 40% to 50%, a 10% rise": percentage points written as percent.
        if (std::strcmp(verdict, "inconsistent") == 0 && !points && EqualsLiteral(b.q->unit, "%")) {
          Quantity pq;
          pq.value = to - from;
          pq.precision = std::max(a.q->precision, b.q->precision);
          if (std::strcmp(Judge(
                              pq, sq, [](double x) { return x; }, [](double x) { return x; }, false)
                              .verdict,
                          "consistent") == 0) {
            verdict = "approximate";
            msg += " (a change of " + Num(to - from, pq.precision) +
                   " percentage points, written as percent)";
          }
        }
      }
      Add("percent-change", verdict, msg, {a.span, b.span, p.span});
    }
  }

  // "55% said they approved, while 50% disapproved": shares of one group of
  // people (each percentage followed by what they said or did) that add up to
  // more than 100%, beyond what rounding each to its last digit explains.
  void PercentShares() {
    static constexpr std::string_view kStance[] = {
        "said",       "say",         "says",    "support",   "supported", "supports",
        "oppose",     "opposed",     "opposes", "approve",   "approved",  "approves",
        "disapprove", "disapproved", "voted",   "backed",    "back",      "favour",
        "favor",      "favoured",    "favored", "undecided", "answered",  "chose",
        "preferred",  "prefer",      "agreed",  "agree",     "disagreed", "disagree"};
    size_t k = 0;
    while (k < figs_.size()) {
      uint32_t sent = figs_[k].sentence;
      size_t e = k;
      while (e < figs_.size() && figs_[e].sentence == sent) ++e;
      std::vector<size_t> shares;
      std::string whole;
      bool mixed = false;
      for (size_t m = k; m < e; ++m) {
        const Fig& f = figs_[m];
        if (!EqualsLiteral(f.q->unit, "%") || f.q->approx != Approx::kExact) continue;
        uint32_t t = f.te;
        std::string of;
        if (EqualsLiteral(W(d_, t), "of")) {
          of = EqualsLiteral(W(d_, t + 1), "the") ? W(d_, t + 2) : W(d_, t + 1);
          t += EqualsLiteral(W(d_, t + 1), "the") ? 3 : 2;
        }
        if (shares.empty()) {
          whole = of;
        } else if (of != whole) {
          mixed = true;
        }
        // "73% said the same", "60% also backed it": overlapping answers.
        for (uint32_t x = t; x < t + 5 && x < d_.sentences[sent].end; ++x) {
          std::string_view w = W(d_, x);
          if (EqualsLiteral(w, "same") || EqualsLiteral(w, "also") || EqualsLiteral(w, "too") ||
              EqualsLiteral(w, "both") || EqualsLiteral(w, "each"))
            mixed = true;
        }
        bool stance = false;
        for (uint32_t x = t; x < t + 3 && x < d_.sentences[sent].end && !stance; ++x) {
          std::string_view w = W(d_, x);
          if (InWords(w, kStance)) stance = true;
        }
        if (stance) shares.push_back(m);
      }
      k = e;
      if (shares.size() < 2 || mixed) continue;
      double sum = 0, slack = 0;
      std::string terms;
      std::vector<Span> spans;
      for (size_t m : shares) {
        sum += figs_[m].q->value;
        slack += 0.5 * WrittenStep(*figs_[m].q);
        terms += (terms.empty() ? "" : " + ") + Text(figs_[m]);
        spans.push_back(figs_[m].span);
      }
      if (!std::isfinite(sum) || sum <= 100 + slack + 1e-9) continue;
      Add("percentage", "inconsistent",
          terms + " = " + Num(sum, 1) + "%: shares of one group add up to more than 100%", spans);
    }
  }

  // "120% of voters".
  void PercentOfWhole() {
    static const char* const kWholes[] = {
        "population", "people",   "voters",    "residents",  "respondents", "households",
        "citizens",   "adults",   "children",  "students",   "workers",     "employees",
        "members",    "country",  "territory", "land",       "area",        "seats",
        "votes",      "troops",   "soldiers",  "civilians",  "patients",    "cases",
        "men",        "women",    "ballots",   "electorate", "families",    "homes",
        "buildings",  "villages", "towns",     "region",     "city"};
    for (const Fig& f : figs_) {
      if (!EqualsLiteral(f.q->unit, "%") || !(f.q->value > 100)) continue;
      if (f.q->approx == Approx::kLessThan || f.q->approx == Approx::kAtMost) continue;
      if (!EqualsLiteral(W(d_, f.te), "of")) continue;
      uint32_t t = f.te + 1;
      std::string_view w = W(d_, t);
      if (EqualsLiteral(w, "the") || EqualsLiteral(w, "its") || EqualsLiteral(w, "their") ||
          EqualsLiteral(w, "all") || EqualsLiteral(w, "his") || EqualsLiteral(w, "her") ||
          EqualsLiteral(w, "our") || EqualsLiteral(w, "a") || EqualsLiteral(w, "an") ||
          EqualsLiteral(w, "those"))
        w = W(d_, ++t);
      bool whole = false;
      for (const char* n : kWholes)
        if (w == n) whole = true;
      if (!whole || t >= d_.sentences[f.sentence].end) continue;
      Add("percentage", "inconsistent",
          Text(f) + " of " + std::string(d_.Text(t)) +
              ": a part cannot be more than 100% of its whole",
          {f.span});
    }
  }

  static double Low(const Quantity& q) {
    switch (q.approx) {
      case Approx::kAbout:
        return q.value * 0.9;
      case Approx::kLessThan:
      case Approx::kAtMost:
        return 0;
      default:
        return q.value;
    }
  }
  static double High(const Quantity& q) {
    switch (q.approx) {
      case Approx::kAbout:
        return q.value * 1.1;
      case Approx::kMoreThan:
      case Approx::kAtLeast:
        return INFINITY;
      case Approx::kRange:
        return q.value_max;
      default:
        return q.value;
    }
  }

  // Ends at a token end (not "45" of "45-footer") and is followed by a
  // lower-case word: "12 soldiers".
  bool CountedNoun(const Fig& f) const {
    if (f.te == 0 || d_.tokens[f.te - 1].span.end != f.span.end) return false;
    if (f.te >= d_.sentences[f.sentence].end) return false;
    const Token& n = d_.tokens[f.te];
    return n.kind == TokenKind::kWord && n.Is(kLower);
  }

  // Tokens between parts: at most 4, lower-case words, "," and "and" only.
  bool PartGap(uint32_t from, uint32_t to) const {
    if (to < from || to - from > 4) return false;
    for (uint32_t x = from; x < to; ++x) {
      const Token& t = d_.tokens[x];
      std::string_view w = W(d_, x);
      if (EqualsLiteral(w, ",") || EqualsLiteral(w, "and")) continue;
      if (t.kind != TokenKind::kWord || !t.Is(kLower) || EqualsLiteral(w, "said") ||
          EqualsLiteral(w, "while") || EqualsLiteral(w, "but") || EqualsLiteral(w, "than"))
        return false;
    }
    return true;
  }

  // "12 of the 10 members": a part larger than its whole, written "N of M".
  void PartOfWhole() {
    for (size_t k = 0; k + 1 < figs_.size(); ++k) {
      const Fig& p = figs_[k];
      const Fig& w = figs_[k + 1];
      if (!EqualsLiteral(p.type, "CARDINAL") || !EqualsLiteral(w.type, "CARDINAL") ||
          p.sentence != w.sentence)
        continue;
      if (!EqualsLiteral(W(d_, p.te), "of")) continue;
      uint32_t t = p.te + 1;
      std::string_view det = W(d_, t);
      if (EqualsLiteral(det, "the") || EqualsLiteral(det, "its") || EqualsLiteral(det, "their") ||
          EqualsLiteral(det, "his") || EqualsLiteral(det, "her") || EqualsLiteral(det, "our") ||
          EqualsLiteral(det, "those") || EqualsLiteral(det, "these"))
        ++t;
      if (w.tb != t || !p.q->unit.empty() ||
          (!w.q->unit.empty() && !EqualsLiteral(w.q->unit, "people")))
        continue;
      double low = Low(*p.q), high = High(*w.q);
      if (!std::isfinite(low) || !(low > high)) continue;
      Add("parts-sum", "inconsistent",
          "\"" + std::string(d_.Text(Span{p.span.start, w.span.end})) +
              "\": the part is larger than the whole",
          {p.span, w.span});
    }
  }

  // "20 people, including 12 soldiers and 9 civilians".
  void PartsSum() {
    for (size_t k = 0; k < figs_.size(); ++k) {
      const Fig& w = figs_[k];
      if (!EqualsLiteral(w.type, "CARDINAL") && !EqualsLiteral(w.type, "QUANTITY") &&
          !EqualsLiteral(w.type, "MONEY"))
        continue;
      if (d_.tokens[w.te - 1].span.end != w.span.end) continue;
      const Sentence& s = d_.sentences[w.sentence];
      // The counted noun (1 to 4 lower-case words; none after a unit), then the marker.
      uint32_t t = w.te;
      uint32_t words = 0;
      while (t < s.end && words < 4 && d_.tokens[t].kind == TokenKind::kWord &&
             d_.tokens[t].Is(kLower) && !IsMarker(t, nullptr)) {
        ++t;
        ++words;
      }
      if (EqualsLiteral(w.type, "CARDINAL") && words == 0) continue;
      if (t < s.end && EqualsLiteral(d_.Text(t), ",")) ++t;
      uint32_t len = 0;
      if (!IsMarker(t, &len)) continue;
      bool paren = EqualsLiteral(d_.Text(t), "(");
      uint32_t stop = s.end;
      if (paren) {
        for (uint32_t x = t + 1; x < s.end; ++x)
          if (EqualsLiteral(d_.Text(x), ")")) {
            stop = x;
            break;
          }
      }
      double low = 0;
      std::vector<Span> spans{w.span};
      std::string sum;
      size_t parts = 0;
      bool joined = false;  // "and" before the last part
      uint32_t prev = t + len;
      for (size_t m = k + 1; m < figs_.size() && figs_[m].sentence == w.sentence; ++m) {
        const Fig& p = figs_[m];
        if (p.tb < prev) continue;
        if (p.tb >= stop || !PartGap(prev, p.tb)) break;
        if (p.type != w.type) break;
        if (EqualsLiteral(p.type, "CARDINAL") && !CountedNoun(p)) break;
        bool same_unit = p.q->unit == w.q->unit ||
                         (EqualsLiteral(w.q->unit, "people") && p.q->unit.empty()) ||
                         (EqualsLiteral(p.q->unit, "people") && w.q->unit.empty());
        if (!same_unit) break;
        joined = false;
        for (uint32_t x = prev; x < p.tb; ++x)
          if (EqualsLiteral(W(d_, x), "and")) joined = true;
        low += Low(*p.q);
        sum += (parts ? " + " : "") + Text(p);
        spans.push_back(p.span);
        ++parts;
        prev = p.te;
      }
      if (parts == 0 || (paren && (parts < 2 || !joined))) continue;
      double high = High(*w.q);
      if (!std::isfinite(low) || !std::isfinite(w.q->value)) continue;
      if (low > high * (1 + 1e-9)) {
        Add("parts-sum", "inconsistent",
            "parts " + sum + (parts > 1 ? " = " + Num(low, 1) : "") + " exceed the whole, " +
                Text(w),
            spans);
      } else if (parts >= 2) {
        Add("parts-sum", "consistent",
            "parts " + sum + " = " + Num(low, 1) + " within the whole, " + Text(w), spans);
      }
    }
  }

  bool IsMarker(uint32_t t, uint32_t* len) const {
    const std::string_view a = W(d_, t);
    uint32_t n = 0;
    if (EqualsLiteral(a, "including") || EqualsLiteral(a, "(")) {
      n = 1;
    } else if (EqualsLiteral(a, "of") || EqualsLiteral(a, "among")) {
      // The next word only after these two (PartsSum asks at each word of a
      // counted noun).
      const std::string_view b = W(d_, t + 1);
      if ((EqualsLiteral(a, "of") &&
           (EqualsLiteral(b, "whom") || EqualsLiteral(b, "which") || EqualsLiteral(b, "them"))) ||
          (EqualsLiteral(a, "among") && EqualsLiteral(b, "them")))
        n = 2;
    }
    if (len) *len = n;
    return n > 0;
  }

  // The thing a duration measures: "months of fighting" -> fighting,
  // "six-month-old battle" -> battle, "months into the war" -> war.
  std::string DurationTopic(const Fig& f) const {
    const Sentence& s = d_.sentences[f.sentence];
    std::string_view last = d_.Text(f.te - 1);
    uint32_t t = f.te;
    auto skip_det = [&](uint32_t x) {
      std::string_view w = W(d_, x);
      while (x < s.end &&
             (EqualsLiteral(w, "the") || EqualsLiteral(w, "a") || EqualsLiteral(w, "an") ||
              EqualsLiteral(w, "this") || EqualsLiteral(w, "its") || EqualsLiteral(w, "their") ||
              d_.tokens[x].Is(kPossessive) ||
              (d_.tokens[x].kind == TokenKind::kWord && d_.tokens[x].Is(kCapitalized) &&
               x + 1 < s.end && d_.tokens[x + 1].Is(kPossessive)))) {
        ++x;
        w = W(d_, x);
      }
      return x;
    };
    auto noun = [&](uint32_t x) -> std::string {
      if (x >= s.end || d_.tokens[x].kind != TokenKind::kWord) return std::string();
      std::string_view w = W(d_, x);
      // "of the war's" / "long war": one adjective is allowed before the noun.
      static constexpr std::string_view kAdj[] = {"long",    "bloody",  "brutal",   "ongoing",
                                                  "current", "russian", "ukrainian"};
      if (InWords(w, kAdj) && x + 1 < s.end) return std::string(W(d_, x + 1));
      return std::string(w);
    };
    std::string lower = Fold(last.substr(0, std::min<size_t>(last.size(), 48)));
    bool old = lower.size() > 4 && (lower.compare(lower.size() - 4, 4, "-old") == 0 ||
                                    lower.compare(lower.size() - 5, 5, "-long") == 0);
    if (old || EqualsLiteral(W(d_, t), "old")) {
      if (EqualsLiteral(W(d_, t), "old")) ++t;
      return noun(skip_det(t));
    }
    std::string_view w = W(d_, t);
    if (EqualsLiteral(w, "of") || EqualsLiteral(w, "into") || EqualsLiteral(w, "since") ||
        EqualsLiteral(w, "after")) {
      uint32_t x = skip_det(t + 1);
      std::string_view n = W(d_, x);
      if (EqualsLiteral(n, "start") || EqualsLiteral(n, "beginning") ||
          EqualsLiteral(n, "outbreak") || EqualsLiteral(n, "onset")) {
        if (!EqualsLiteral(W(d_, x + 1), "of")) return std::string();
        x = skip_det(x + 2);
      }
      return noun(x);
    }
    return std::string();
  }

  static std::string Group(std::string n) {
    static constexpr std::string_view kWar[] = {"war",      "fighting", "battle",
                                                "conflict", "invasion", "hostilities",
                                                "combat",   "wars",     "battles"};
    if (InWords(n, kWar)) return "war";
    // Only things that last: not "24-year-old American" (two people's ages).
    static constexpr std::string_view kSpans[] = {"siege",
                                                  "strike",
                                                  "ceasefire",
                                                  "truce",
                                                  "crisis",
                                                  "standoff",
                                                  "occupation",
                                                  "blockade",
                                                  "protest",
                                                  "protests",
                                                  "campaign",
                                                  "offensive",
                                                  "counteroffensive",
                                                  "counter-offensive",
                                                  "government",
                                                  "administration",
                                                  "presidency",
                                                  "lockdown",
                                                  "shutdown",
                                                  "investigation",
                                                  "trial",
                                                  "dispute",
                                                  "regime",
                                                  "reign",
                                                  "pandemic",
                                                  "insurgency",
                                                  "uprising",
                                                  "revolution",
                                                  "talks",
                                                  "negotiations",
                                                  "drought",
                                                  "recession",
                                                  "embargo",
                                                  "sanctions"};
    if (InWords(n, kSpans)) return n;
    return std::string();
  }

  static void Interval(const Quantity& q, double scale, double* lo, double* hi) {
    double v = q.value * scale;
    switch (q.approx) {
      case Approx::kMoreThan:
      case Approx::kAtLeast:
        *lo = v;
        *hi = INFINITY;
        break;
      case Approx::kLessThan:
      case Approx::kAtMost:
        *lo = -INFINITY;
        *hi = v;
        break;
      case Approx::kRange:
        *lo = v;
        *hi = q.value_max * scale;
        break;
      default:
        *lo = *hi = v;
    }
  }

  void Durations() {
    std::unordered_map<std::string, std::vector<size_t>> by_topic;
    for (size_t k = 0; k < figs_.size(); ++k) {
      const Fig& f = figs_[k];
      if (!EqualsLiteral(f.type, "DATE") || !IsTimeUnit(f.q->unit) || !std::isfinite(f.q->value))
        continue;
      std::string topic = DurationTopic(f);
      topic = Group(topic);
      if (topic.empty()) continue;
      auto& bucket = by_topic[topic];
      if (bucket.size() < kMaxBucket) bucket.push_back(k);
    }
    for (auto& [topic, ids] : by_topic) {
      for (size_t x = 0; x < ids.size(); ++x) {
        for (size_t y = x + 1; y < ids.size(); ++y) {
          const Fig& a = figs_[ids[x]];
          const Fig& b = figs_[ids[y]];
          const UnitInfo* ua = FindUnit(a.q->unit);
          const UnitInfo* ub = FindUnit(b.q->unit);
          double alo, ahi, blo, bhi;
          Interval(*a.q, ua->factor, &alo, &ahi);
          Interval(*b.q, ub->factor, &blo, &bhi);
          // Equal points within 1% (a month is not exactly 30 days).
          double tol = 0.01 * std::max(std::fabs(alo), std::fabs(blo));
          if (alo <= bhi + tol && blo <= ahi + tol) continue;
          std::string what =
              EqualsLiteral(topic, "war") ? "the war's length" : "the length of the " + topic;
          Add("duration", "inconsistent",
              what + ": \"" + Text(a) + "\" (" + Describe(*a.q) + ") vs \"" + Text(b) + "\" (" +
                  Describe(*b.q) + ")",
              {a.span, b.span});
        }
      }
    }
  }

  static std::string Describe(const Quantity& q) {
    const char* pre = "";
    switch (q.approx) {
      case Approx::kAbout:
        pre = "about ";
        break;
      case Approx::kMoreThan:
        pre = "more than ";
        break;
      case Approx::kLessThan:
        pre = "less than ";
        break;
      case Approx::kAtLeast:
        pre = "at least ";
        break;
      case Approx::kAtMost:
        pre = "at most ";
        break;
      default:
        break;
    }
    std::string n = Num(q.value, q.precision);
    if (q.approx == Approx::kRange) n += " to " + Num(q.value_max, q.precision);
    std::string unit = q.unit;
    if (!unit.empty() && !(q.value == 1 && q.approx != Approx::kRange)) {
      const UnitInfo* u = FindUnit(unit);
      if (u && std::strcmp(u->dimension, "time") == 0) unit = u->symbol;
    }
    return pre + n + (unit.empty() ? "" : " " + unit);
  }

  // "killed 20 civilians" ... "killed 25 civilians".
  void RepeatedCounts() {
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    for (size_t k = 0; k < figs_.size(); ++k) {
      const Fig& f = figs_[k];
      if (!EqualsLiteral(f.type, "CARDINAL") || !std::isfinite(f.q->value) || f.q->precision != 0)
        continue;
      const Sentence& s = d_.sentences[f.sentence];
      if (f.tb == s.begin || f.te >= s.end || !Prose(f.sentence)) continue;
      const Token& nt = d_.tokens[f.te];
      const Token& vt = d_.tokens[f.tb - 1];
      if (nt.kind != TokenKind::kWord || vt.kind != TokenKind::kWord || !nt.Is(kLower) ||
          !vt.Is(kLower))
        continue;
      std::string_view noun = W(d_, f.te), verb = W(d_, f.tb - 1);
      static constexpr std::string_view kStop[] = {
          "the",   "of",    "and",   "or",     "to",       "in",    "on",      "for",
          "with",  "by",    "at",    "from",   "than",     "per",   "a",       "an",
          "times", "more",  "less",  "each",   "who",      "which", "that",    "were",
          "was",   "are",   "is",    "have",   "had",      "has",   "percent", "points",
          "up",    "down",  "off",   "lower",  "higher",   "about", "over",    "under",
          "into",  "out",   "after", "before", "during",   "among", "between", "against",
          "last",  "first", "next",  "past",   "previous", "only",  "just",    "all",
          "some",  "other", "their", "its",    "his",      "her",   "our",     "these",
          "those", "every"};
      bool stop = noun == verb || noun.size() < 3 || verb.size() < 3;
      if (!stop && (InWords(noun, kStop) || InWords(verb, kStop))) stop = true;
      if (stop) continue;
      // The subject: the word before the verb, past auxiliaries ("strikes had killed").
      static constexpr std::string_view kAuxiliaries[] = {
          "had", "has", "have", "was", "were", "also", "reportedly", "allegedly", "been"};
      static constexpr std::string_view kNoSubject[] = {
          "they", "their", "its", "the", "his", "her", "our", "she", "who", "which", "that", "and"};
      uint32_t x = f.tb - 1;
      std::string_view subject;
      while (x > s.begin) {
        --x;
        subject = W(d_, x);
        if (!InWords(subject, kAuxiliaries)) break;
      }
      if (x == f.tb - 1 || d_.tokens[x].kind != TokenKind::kWord || subject.size() < 3 ||
          InWords(subject, kNoSubject))
        continue;
      auto& bucket =
          by_key[std::string(subject) + " " + std::string(verb) + " " + std::string(noun)];
      if (bucket.size() < kMaxBucket) bucket.push_back(k);
    }
    for (auto& [key, ids] : by_key) {
      for (size_t x = 0; x < ids.size(); ++x) {
        for (size_t y = x + 1; y < ids.size(); ++y) {
          const Fig& a = figs_[ids[x]];
          const Fig& b = figs_[ids[y]];
          if (a.sentence == b.sentence || DifferentDays(a.sentence, b.sentence) ||
              HasOrdinal(a.sentence) || HasOrdinal(b.sentence))
            continue;
          double alo, ahi, blo, bhi;
          Interval(*a.q, 1, &alo, &ahi);
          Interval(*b.q, 1, &blo, &bhi);
          if (a.q->approx == Approx::kAbout || b.q->approx == Approx::kAbout) continue;
          if (alo <= bhi && blo <= ahi) continue;
          Add("repeated-figure", "inconsistent",
              "the same count stated twice: \"" + Around(a) + "\" vs \"" + Around(b) + "\"",
              {a.span, b.span});
        }
      }
    }
  }

  // A sentence of prose, not a table row: at least 6 tokens, under a quarter
  // of them numbers.
  bool Prose(uint32_t s) {
    if (prose_.empty()) prose_.assign(d_.sentences.size(), -1);
    if (prose_[s] < 0) prose_[s] = ComputeProse(s);
    return prose_[s] == 1;
  }
  int8_t ComputeProse(uint32_t s) const {
    const Sentence& x = d_.sentences[s];
    uint32_t n = x.end - x.begin, digits = 0;
    if (n < 6) return false;
    for (uint32_t t = x.begin; t < x.end; ++t) digits += d_.tokens[t].kind == TokenKind::kNumber;
    return digits * 4 < n;
  }

  // "strikes killed 20 civilians": the figure with two words before, one after.
  std::string Around(const Fig& f) const {
    uint32_t b = f.tb >= 2 ? f.tb - 2 : 0;
    b = std::max(b, d_.sentences[f.sentence].begin);
    uint32_t e = std::min<uint32_t>(f.te + 1, d_.sentences[f.sentence].end);
    return std::string(d_.Text(Span{d_.tokens[b].span.start, d_.tokens[e - 1].span.end}));
  }

  bool HasOrdinal(uint32_t s) const {
    auto it = std::lower_bound(figs_.begin(), figs_.end(), d_.sentences[s].begin,
                               [](const Fig& f, uint32_t tok) { return f.tb < tok; });
    for (; it != figs_.end() && it->sentence == s; ++it)
      if (EqualsLiteral(it->type, "ORDINAL")) return true;
    return false;
  }

  // Two sentences that name calendar days and share none of them.
  bool DifferentDays(uint32_t s1, uint32_t s2) const {
    std::vector<std::string> d1, d2;
    auto days = [&](uint32_t s, std::vector<std::string>* out) {
      for (uint32_t t = d_.sentences[s].begin; t < d_.sentences[s].end; ++t) {
        std::string_view w = W(d_, t);
        static constexpr std::string_view kDays[] = {"monday",   "tuesday",   "wednesday",
                                                     "thursday", "friday",    "saturday",
                                                     "sunday",   "yesterday", "today"};
        if (InWords(w, kDays)) out->emplace_back(w);
      }
    };
    days(s1, &d1);
    days(s2, &d2);
    if (d1.empty() || d2.empty()) return false;
    for (const std::string& a : d1)
      for (const std::string& b : d2)
        if (a == b) return false;
    return true;
  }

  const Document& d_;
  std::vector<Fig> figs_;
  std::unordered_map<std::string, double> rates_;
  std::vector<int8_t> prose_;  // per sentence: -1 unknown, 0 table row, 1 prose
  std::vector<bool> is_rate_;  // per figure: part of a stated rate
  std::vector<Check> out_;
};

}  // namespace

std::vector<Check> RunChecks(const Document& doc, const std::vector<Entity>& entities,
                             const std::vector<Claim>&) {
  return Checker(doc, entities).Run();
}

}  // namespace lede
