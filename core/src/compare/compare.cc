// lede::Compare: entities, claims, figures and quotes two analyses share.
#include "lede/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "claims/features.h"
#include "text/document.h"

namespace lede {
namespace {

// ---- Names ------------------------------------------------------------------

bool IsFigureType(const std::string& t) {
  return t == "DATE" || t == "TIME" || t == "MONEY" || t == "PERCENT" || t == "QUANTITY" ||
         t == "CARDINAL" || t == "ORDINAL";
}

// Spellings of one name: the canonical key each maps to.
const std::pair<const char*, const char*> kAliases[] = {
    {"us", "united states"},
    {"usa", "united states"},
    {"america", "united states"},
    {"united states of america", "united states"},
    {"uk", "united kingdom"},
    {"britain", "united kingdom"},
    {"great britain", "united kingdom"},
    {"eu", "european union"},
    {"un", "united nations"},
    {"russian federation", "russia"},
    {"kiev", "kyiv"},
    {"kharkov", "kharkiv"},
    {"odessa", "odesa"},
    {"zelenskiy", "zelensky"},
    {"zelenskyy", "zelensky"},
    {"zelenskii", "zelensky"},
    {"volodymyr zelenskyy", "volodymyr zelensky"},
    {"volodymyr zelenskiy", "volodymyr zelensky"},
    {"north atlantic treaty organization", "nato"},
    {"defense department", "pentagon"},
    {"department of defense", "pentagon"},
    {"prc", "china"},
    {"people's republic of china", "china"},
};

// Lower-cased, without periods, possessive, "the" and diacritic-free ASCII
// where the text has it: "U.S." -> "us", "the Kremlin's" -> "kremlin".
std::string FoldName(std::string_view name) {
  std::string s = FoldWord(name);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.') continue;
    if (c == '\'' && i + 1 < s.size() && s[i + 1] == 's' && i + 2 == s.size()) break;
    if (c == '\'' && i + 1 == s.size()) break;
    if (c == '-') c = ' ';
    out.push_back(c);
  }
  // A leading article, and a preposition the entity stage sometimes keeps
  // ("In Chuhuiv", "Amid Ukraine").
  for (const char* lead :
       {"the ", "in ", "amid ", "at ", "on ", "from ", "by ", "with ", "but ", "and ", "as "}) {
    std::string_view l(lead);
    if (out.size() > l.size() && out.compare(0, l.size(), l) == 0) {
      out.erase(0, l.size());
      break;
    }
  }
  return out;
}

// A spelling skeleton: doubled letters collapsed, y read as i ("Zelenskyy"
// and "Zelenskiy" both give "zelenski").
std::string Skeleton(std::string_view folded) {
  std::string out;
  for (char c : folded) {
    if (c == 'y') c = 'i';
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

std::string NameKey(std::string_view name) {
  std::string f = FoldName(name);
  for (const auto& a : kAliases) {
    if (f == a.first) {
      f = a.second;
      break;
    }
  }
  return Skeleton(f);
}

std::string LastWord(const std::string& key) {
  size_t sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

// The named things of one article: its non-figure entities grouped by name
// key, single-word names joined to the full name they end ("Putin" ->
// "Vladimir Putin") when exactly one full name ends so.
struct NameGroup {
  std::string key;
  std::string name;
  std::string type;
  std::vector<int> entities;
  size_t mentions = 0;
  bool multiword = false;
};

struct Names {
  std::vector<NameGroup> groups;
  std::vector<int> group_of;  // entity index -> group, or -1
  std::unordered_map<std::string, int> by_key;
  std::unordered_map<std::string, int> by_last;  // last word of multi-word names (-2: ambiguous)
};

Names GroupNames(const Analysis& an) {
  Names n;
  n.group_of.assign(an.entities.size(), -1);
  // Multi-word names first, so single words can join them.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < an.entities.size(); ++i) {
      const Entity& e = an.entities[i];
      if (IsFigureType(e.type) || e.name.empty()) continue;
      std::string key = NameKey(e.name);
      if (key.empty()) continue;
      bool multi = key.find(' ') != std::string::npos;
      if ((pass == 0) != multi) continue;
      int g = -1;
      auto it = n.by_key.find(key);
      if (it != n.by_key.end()) {
        g = it->second;
      } else if (!multi) {
        auto lt = n.by_last.find(key);
        if (lt != n.by_last.end() && lt->second >= 0) g = lt->second;
      }
      if (g < 0) {
        g = static_cast<int>(n.groups.size());
        NameGroup ng;
        ng.key = key;
        ng.name = e.name;
        ng.type = e.type;
        ng.multiword = multi;
        n.groups.push_back(ng);
        n.by_key[key] = g;
        if (multi) {
          auto [lt, fresh] = n.by_last.emplace(LastWord(key), g);
          if (!fresh && lt->second != g) lt->second = -2;
        }
      }
      n.by_key.emplace(key, g);  // "putin" now finds "vladimir putin"
      NameGroup& ng = n.groups[g];
      ng.entities.push_back(static_cast<int>(i));
      ng.mentions += e.mentions.size();
      // Prefer a PERSON/GPE/ORG reading over a stray one for the type.
      if (ng.type != e.type && e.mentions.size() > 1) ng.type = e.type;
      n.group_of[i] = g;
    }
  }
  return n;
}

// Pairs groups of a and b that name the same thing. Returns b-group -> a-group.
std::vector<int> MatchNames(const Names& na, const Names& nb) {
  std::vector<int> match(nb.groups.size(), -1);
  std::vector<bool> used(na.groups.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t g = 0; g < nb.groups.size(); ++g) {
      if (match[g] >= 0) continue;
      const NameGroup& b = nb.groups[g];
      int a = -1;
      if (pass == 0) {
        auto it = na.by_key.find(b.key);
        if (it != na.by_key.end()) a = it->second;
      } else if (!b.multiword) {
        auto it = na.by_last.find(b.key);  // "Zelensky" -> "Volodymyr Zelensky"
        if (it != na.by_last.end() && it->second >= 0) a = it->second;
      } else {
        auto it = na.by_key.find(LastWord(b.key));  // "Volodymyr Zelensky" -> "Zelensky"
        if (it != na.by_key.end() && !na.groups[it->second].multiword) a = it->second;
      }
      if (a >= 0 && !used[a]) {
        match[g] = a;
        used[a] = true;
      }
    }
  }
  return match;
}

// ---- Words ------------------------------------------------------------------

// Words that say the same for comparing claims: map to one concept.
const std::pair<const char*, const char*> kConcepts[] = {
    {"recaptured", "take"},
    {"recapture", "take"},
    {"retake", "take"},
    {"retook", "take"},
    {"retaken", "take"},
    {"reclaimed", "take"},
    {"reclaim", "take"},
    {"liberated", "take"},
    {"liberate", "take"},
    {"captured", "take"},
    {"capture", "take"},
    {"seized", "take"},
    {"seize", "take"},
    {"advanced", "take"},
    {"advance", "take"},
    {"took", "take"},
    {"regained", "take"},
    {"settlements", "settlement"},
    {"settlement", "settlement"},
    {"towns", "settlement"},
    {"town", "settlement"},
    {"villages", "settlement"},
    {"village", "settlement"},
    {"localities", "settlement"},
    {"territory", "ground"},
    {"land", "ground"},
    {"strikes", "attack"},
    {"strike", "attack"},
    {"attacks", "attack"},
    {"attacked", "attack"},
    {"shelling", "attack"},
    {"bombardment", "attack"},
    {"retreat", "retreat"},
    {"withdrew", "retreat"},
    {"withdrawal", "retreat"},
    {"fled", "retreat"},
    {"fleeing", "retreat"},
    {"abandoned", "retreat"},
    {"abandoning", "retreat"},
    {"weapons", "arms"},
    {"weaponry", "arms"},
    {"negotiations", "talks"},
    {"negotiate", "talks"},
    {"negotiated", "talks"},
    {"electricity", "power"},
    {"blackouts", "power"},
    {"killed", "kill"},
    {"dead", "kill"},
    {"deaths", "kill"},
    {"counter-offensive", "offensive"},
    {"counteroffensive", "offensive"},
    {"counterattack", "offensive"},
    {"push", "offensive"},
    {"kilometres", "km"},
    {"kilometers", "km"},
    {"additional", "more"},
    {"further", "more"},
};

const std::unordered_set<std::string_view>& Stopwords() {
  static const auto* const s = new std::unordered_set<std::string_view>{
      "a",      "an",        "the",      "and",       "or",        "but",      "of",     "in",
      "on",     "at",        "to",       "for",       "from",      "by",       "with",   "as",
      "that",   "this",      "these",    "those",     "it",        "its",      "it's",   "is",
      "are",    "was",       "were",     "be",        "been",      "being",    "has",    "have",
      "had",    "will",      "would",    "could",     "can",       "may",      "might",  "should",
      "must",   "not",       "no",       "than",      "then",      "so",       "if",     "into",
      "over",   "under",     "about",    "after",     "before",    "since",    "their",  "they",
      "them",   "he",        "she",      "his",       "her",       "we",       "our",    "us",
      "you",    "your",      "i",        "me",        "my",        "which",    "who",    "whom",
      "what",   "when",      "where",    "while",     "also",      "just",     "only",   "some",
      "such",   "very",      "more",     "most",      "said",      "says",     "say",    "told",
      "tell",   "announced", "added",    "according", "claimed",   "claiming", "claims", "reported",
      "wrote",  "tweeted",   "monday",   "tuesday",   "wednesday", "thursday", "friday", "saturday",
      "sunday", "there",     "here",     "all",       "any",       "other",    "still",  "now",
      "even",   "there's",   "did",      "do",        "does",      "had",      "having", "own",
      "up",     "out",       "one",      "two",       "day",       "days",     "week",   "weeks",
      "hours",  "past",      "previous", "last"};
  return *s;
}

std::string Concept(std::string w) {
  for (const auto& c : kConcepts) {
    if (w == c.first) return c.second;
  }
  // Light stemming so "forces"/"force" and "supplying"/"supplied" meet.
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0)
    return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 5 && w.compare(w.size() - 3, 3, "ing") == 0) return w.substr(0, w.size() - 3);
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) return w.substr(0, w.size() - 2);
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') return w.substr(0, w.size() - 1);
  return w;
}

// Content-word concepts of the tokens of `doc` inside `span`, each with the
// first word that gave it (for showing to a reader).
using ConceptMap = std::map<std::string, std::string>;
ConceptMap Concepts(const Document& doc, Span span) {
  ConceptMap out;
  const auto& stop = Stopwords();
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                             [](const Token& t, uint32_t b) { return t.span.start < b; });
  for (; it != doc.tokens.end() && it->span.start < span.end; ++it) {
    if (it->kind != TokenKind::kWord || it->Is(kCapitalized)) continue;  // names are entities
    std::string w = FoldWord(doc.Text(*it));
    if (w.size() < 3 || stop.count(w)) continue;
    out.emplace(Concept(w), w);
  }
  return out;
}

// ---- Figures ----------------------------------------------------------------

struct Figure {
  Span span;
  Quantity q;
};

bool Inside(Span inner, Span outer) { return inner.start >= outer.start && inner.end <= outer.end; }

// Every mention of an article in text order, for finding those inside a span
// by binary search (claims and mentions are both sorted by position).
struct MentionRef {
  Span span;
  int entity;
  const Mention* mention;
};

std::vector<MentionRef> SortedMentions(const Analysis& an) {
  std::vector<MentionRef> out;
  for (size_t i = 0; i < an.entities.size(); ++i) {
    for (const Mention& m : an.entities[i].mentions) {
      out.push_back(MentionRef{m.span, static_cast<int>(i), &m});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const MentionRef& x, const MentionRef& y) {
    return x.span.start < y.span.start;
  });
  return out;
}

// Mentions that lie inside `span`.
template <typename Fn>
void ForMentionsIn(const std::vector<MentionRef>& sorted, Span span, Fn fn) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), span.start,
                             [](const MentionRef& m, uint32_t b) { return m.span.start < b; });
  for (; it != sorted.end() && it->span.start < span.end; ++it) {
    if (Inside(it->span, span)) fn(*it);
  }
}

std::vector<Figure> FiguresIn(const Analysis& an, const std::vector<MentionRef>& sorted,
                              Span span) {
  std::vector<Figure> out;
  ForMentionsIn(sorted, span, [&](const MentionRef& r) {
    const std::string& type = an.entities[r.entity].type;
    if (type == "ORDINAL" || type == "DATE") return;  // ranks and dates are not amounts
    const Mention& m = *r.mention;
    const Quantity* q = an.entities[r.entity].QuantityOf(m);
    if (!q) return;
    // "one of the biggest", "day one": a bare 1 says nothing to compare.
    if (q->unit.empty() && q->value < 2) return;
    out.push_back(Figure{m.span, *q});
  });
  return out;
}

// The value in a base unit, so km2 and mi2 compare.
double Base(const Quantity& q, double v, std::string* unit) {
  static const struct {
    const char* unit;
    const char* base;
    double factor;
  } kUnits[] = {{"mi2", "km2", 2.589988}, {"mi", "km", 1.609344},  {"m", "km", 0.001},
                {"lb", "kg", 0.45359237}, {"t", "kg", 1000},       {"week", "day", 7},
                {"month", "day", 30.44},  {"year", "day", 365.25}, {"hour", "day", 1 / 24.0}};
  for (const auto& u : kUnits) {
    if (q.unit == u.unit) {
      *unit = u.base;
      return v * u.factor;
    }
  }
  *unit = q.unit;
  return v;
}

std::string Describe(const Quantity& q) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", q.value);
  std::string s;
  switch (q.approx) {
    case Quantity::Approx::kAbout:
      s = "about ";
      break;
    case Quantity::Approx::kMoreThan:
      s = "more than ";
      break;
    case Quantity::Approx::kLessThan:
      s = "less than ";
      break;
    case Quantity::Approx::kAtLeast:
      s = "at least ";
      break;
    case Quantity::Approx::kAtMost:
      s = "at most ";
      break;
    default:
      break;
  }
  s += buf;
  if (q.approx == Quantity::Approx::kRange) {
    std::snprintf(buf, sizeof buf, "-%g", q.value_max);
    s += buf;
  }
  if (!q.unit.empty()) s += " " + q.unit;
  return s;
}

// 1: the same figure (within rounding or what "more than"/"about" allow);
// 0: same unit, values that cannot both be true; -1: not comparable.
int SameFigure(const Quantity& a, const Quantity& b) {
  std::string ua, ub;
  double va = Base(a, a.value, &ua), vb = Base(b, b.value, &ub);
  double va_max = Base(a, a.approx == Quantity::Approx::kRange ? a.value_max : a.value, &ua);
  double vb_max = Base(b, b.approx == Quantity::Approx::kRange ? b.value_max : b.value, &ub);
  if (ua != ub) return -1;
  double tol = 0.05 * std::max(std::fabs(va), std::fabs(vb));
  if (a.approx == Quantity::Approx::kAbout || b.approx == Quantity::Approx::kAbout) tol *= 3;
  auto lower = [](const Quantity& q, double v) {
    return q.approx == Quantity::Approx::kMoreThan || q.approx == Quantity::Approx::kAtLeast ? v
                                                                                             : -1;
  };
  auto upper = [](const Quantity& q, double v) {
    return q.approx == Quantity::Approx::kLessThan || q.approx == Quantity::Approx::kAtMost ? v
                                                                                            : -1;
  };
  if (std::fabs(va - vb) <= tol || (va <= vb_max + tol && vb <= va_max + tol)) return 1;
  // "more than 20" is consistent with 25; "less than a week" with 5 days.
  if (lower(a, va) >= 0 && vb >= va - tol && b.approx != Quantity::Approx::kLessThan) return 1;
  if (lower(b, vb) >= 0 && va >= vb - tol && a.approx != Quantity::Approx::kLessThan) return 1;
  if (upper(a, va) >= 0 && vb <= va + tol) return 1;
  if (upper(b, vb) >= 0 && va <= vb + tol) return 1;
  return 0;
}

// ---- Claims -----------------------------------------------------------------

struct ClaimInfo {
  std::set<int> names;   // joint name ids
  std::set<int> places;  // joint ids of GPE/LOC/FAC names
  std::vector<Figure> figures;
  ConceptMap concepts;
};

ClaimInfo Describe(const Analysis& an, const Document& doc, const Names& names,
                   const std::vector<int>& joint, const std::vector<MentionRef>& sorted,
                   Span span) {
  ClaimInfo c;
  ForMentionsIn(sorted, span, [&](const MentionRef& r) {
    int g = names.group_of[r.entity];
    if (g < 0) return;
    c.names.insert(joint[g]);
    // Names other than people (a speaker may differ between articles).
    if (names.groups[g].type != "PERSON") c.places.insert(joint[g]);
  });
  c.figures = FiguresIn(an, sorted, span);
  c.concepts = Concepts(doc, span);
  return c;
}

template <typename T>
std::vector<T> Intersect(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Concepts both maps hold, shown as the words each article used:
// "recaptured / advanced", or one word when both used it.
std::vector<std::string> Intersect(const ConceptMap& a, const ConceptMap& b) {
  std::vector<std::string> out;
  for (const auto& [key, word] : a) {
    auto it = b.find(key);
    if (it == b.end()) continue;
    out.push_back(word == it->second ? word : word + " / " + it->second);
  }
  return out;
}

struct Candidate {
  double sim;
  int a, b;
};

}  // namespace

Comparison Compare(const Analysis& a, const Analysis& b) {
  Comparison out;
  Names na = GroupNames(a), nb = GroupNames(b);
  std::vector<int> b_to_a = MatchNames(na, nb);

  // Joint ids: a's groups are 0..n-1; b's matched groups reuse a's id.
  std::vector<int> joint_a(na.groups.size()), joint_b(nb.groups.size());
  for (size_t g = 0; g < na.groups.size(); ++g) joint_a[g] = static_cast<int>(g);
  std::vector<int> a_to_b(na.groups.size(), -1);
  for (size_t g = 0; g < nb.groups.size(); ++g) {
    if (b_to_a[g] >= 0) {
      joint_b[g] = b_to_a[g];
      a_to_b[b_to_a[g]] = static_cast<int>(g);
    } else {
      joint_b[g] = static_cast<int>(na.groups.size() + g);
    }
  }
  std::vector<std::string> joint_name(na.groups.size() + nb.groups.size());
  for (size_t g = 0; g < na.groups.size(); ++g) joint_name[g] = na.groups[g].name;
  for (size_t g = 0; g < nb.groups.size(); ++g) {
    std::string& n = joint_name[joint_b[g]];
    if (nb.groups[g].name.size() > n.size()) n = nb.groups[g].name;
  }

  // Entities, most mentioned first.
  for (size_t g = 0; g < na.groups.size(); ++g) {
    const NameGroup& ga = na.groups[g];
    if (a_to_b[g] >= 0) {
      const NameGroup& gb = nb.groups[a_to_b[g]];
      out.entities.push_back(SharedEntity{joint_name[g], ga.type, ga.entities, gb.entities});
    } else {
      out.entities_only_a.push_back(LoneEntity{ga.name, ga.type, ga.entities});
    }
  }
  for (size_t g = 0; g < nb.groups.size(); ++g) {
    if (b_to_a[g] < 0) {
      const NameGroup& gb = nb.groups[g];
      out.entities_only_b.push_back(LoneEntity{gb.name, gb.type, gb.entities});
    }
  }
  auto mentions = [](const Analysis& an, const std::vector<int>& idx) {
    size_t n = 0;
    for (int i : idx) n += an.entities[i].mentions.size();
    return n;
  };
  std::stable_sort(
      out.entities.begin(), out.entities.end(), [&](const SharedEntity& x, const SharedEntity& y) {
        return mentions(a, x.a) + mentions(b, x.b) > mentions(a, y.a) + mentions(b, y.b);
      });

  // Claims.
  Document da = BuildDocument(a.text), db = BuildDocument(b.text);
  std::vector<ClaimInfo> ca, cb;
  std::vector<MentionRef> ma = SortedMentions(a), mb = SortedMentions(b);
  for (const Claim& c : a.claims) ca.push_back(Describe(a, da, na, joint_a, ma, c.span));
  for (const Claim& c : b.claims) cb.push_back(Describe(b, db, nb, joint_b, mb, c.span));
  // Candidate pairs through an inverted index of names and concepts.
  std::unordered_map<std::string, std::vector<int>> index;
  for (size_t i = 0; i < ca.size(); ++i) {
    for (int n : ca[i].names) index["n" + std::to_string(n)].push_back(static_cast<int>(i));
    for (const auto& w : ca[i].concepts) index["w" + w.first].push_back(static_cast<int>(i));
  }
  std::vector<Candidate> candidates;
  std::vector<FigureDifference> differences;
  for (size_t j = 0; j < cb.size(); ++j) {
    // Keys shared by very many claims (a long article's main actor, "war")
    // do not single out a pair; pairs must also share a rarer key. This keeps
    // long inputs close to linear.
    constexpr size_t kMaxPostings = 32;
    std::set<int> seen;
    auto add = [&](const std::string& key) {
      auto it = index.find(key);
      if (it != index.end() && it->second.size() <= kMaxPostings) {
        seen.insert(it->second.begin(), it->second.end());
      }
    };
    for (int n : cb[j].names) add("n" + std::to_string(n));
    for (const auto& w : cb[j].concepts) add("w" + w.first);
    for (int i : seen) {
      const ClaimInfo &x = ca[i], &y = cb[j];
      std::vector<int> names = Intersect(x.names, y.names);
      std::vector<std::string> words = Intersect(x.concepts, y.concepts);
      size_t same_figures = 0, different_figures = 0;
      for (const Figure& fa : x.figures) {
        for (const Figure& fb : y.figures) {
          int s = SameFigure(fa.q, fb.q);
          if (s == 1) ++same_figures;
          if (s == 0) ++different_figures;
        }
      }
      size_t union_words = x.concepts.size() + y.concepts.size() - words.size();
      double jaccard = union_words ? static_cast<double>(words.size()) / union_words : 0;
      double sim = jaccard + 0.15 * std::min<size_t>(names.size(), 2) +
                   0.3 * std::min<size_t>(same_figures, 1);
      sim = std::min(1.0, sim);
      // Same thing: a shared figure with a shared name or word, or a shared
      // name with a good share of the words, or most words alike.
      // Figures in the same unit that all disagree make it another statement.
      bool conflicting = different_figures > 0 && same_figures == 0;
      size_t nw = words.size(), nn = names.size();
      bool same =
          !conflicting &&
          ((same_figures > 0 && (nn > 0 || nw >= 2)) || (nn >= 1 && nw >= 3 && jaccard >= 0.15) ||
           (nn >= 2 && nw >= 3) || (nw >= 4 && jaccard >= 0.2) || jaccard >= 0.45);
      if (same) candidates.push_back(Candidate{sim, i, static_cast<int>(j)});
      // Figures that differ: same unit, same predicate, a shared name, and no
      // place named in one claim that the other lacks (500 km2 "in Kherson"
      // is not the 3,000 km2 of the whole front).
      bool places_agree = x.places == y.places;
      if (different_figures > 0 && same_figures == 0 && !names.empty() && words.size() >= 2 &&
          places_agree) {
        // One difference per claim pair: the pair in the same unit as written
        // if there is one ("500 km2" / "3,000 km2", not "500 km2" / "1,100 mi2").
        const Figure *best_a = nullptr, *best_b = nullptr;
        for (const Figure& fa : x.figures) {
          for (const Figure& fb : y.figures) {
            if (SameFigure(fa.q, fb.q) != 0) continue;
            if (best_a == nullptr || (fa.q.unit == fb.q.unit && best_a->q.unit != best_b->q.unit)) {
              best_a = &fa;
              best_b = &fb;
            }
          }
        }
        if (best_a != nullptr) {
          FigureDifference d;
          d.claim_a = i;
          d.claim_b = static_cast<int>(j);
          d.a = best_a->span;
          d.b = best_b->span;
          d.qa = best_a->q;
          d.qb = best_b->q;
          d.message = "a: " + Describe(best_a->q) + "; b: " + Describe(best_b->q);
          differences.push_back(d);
        }
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.sim > y.sim; });
  std::vector<bool> used_a(ca.size()), used_b(cb.size());
  for (const Candidate& c : candidates) {
    if (used_a[c.a] || used_b[c.b]) continue;
    used_a[c.a] = used_b[c.b] = true;
    SharedClaim s;
    s.a = c.a;
    s.b = c.b;
    s.similarity = c.sim;
    for (int n : Intersect(ca[c.a].names, cb[c.b].names)) s.entities.push_back(joint_name[n]);
    for (const Figure& fa : ca[c.a].figures) {
      for (const Figure& fb : cb[c.b].figures) {
        if (SameFigure(fa.q, fb.q) == 1) s.figures.push_back(Describe(fb.q));
      }
    }
    s.words = Intersect(ca[c.a].concepts, cb[c.b].concepts);
    out.claims.push_back(std::move(s));
  }
  std::stable_sort(out.claims.begin(), out.claims.end(),
                   [](const SharedClaim& x, const SharedClaim& y) { return x.a < y.a; });
  for (size_t i = 0; i < ca.size(); ++i) {
    if (!used_a[i]) out.claims_only_a.push_back(static_cast<int>(i));
  }
  for (size_t j = 0; j < cb.size(); ++j) {
    if (!used_b[j]) out.claims_only_b.push_back(static_cast<int>(j));
  }
  // A figure pair is reported once, for the claims that differ most plainly.
  std::set<std::pair<uint32_t, uint32_t>> reported;
  for (const FigureDifference& d : differences) {
    if (reported.insert({d.a.start, d.b.start}).second) out.figures.push_back(d);
  }

  // Quotes: the same speaker with overlapping words, or nearly the same words.
  auto speaker_id = [](const Quote& q, const Names& n, const std::vector<int>& joint) {
    if (!q.has_speaker || q.speaker.entity < 0 ||
        q.speaker.entity >= static_cast<int>(n.group_of.size())) {
      return -1;
    }
    int g = n.group_of[q.speaker.entity];
    return g < 0 ? -1 : joint[g];
  };
  std::vector<ConceptMap> qa, qb;
  for (const Quote& q : a.quotes) qa.push_back(Concepts(da, q.span));
  for (const Quote& q : b.quotes) qb.push_back(Concepts(db, q.span));
  // Candidates through an inverted index of b's quote words, as for claims.
  std::unordered_map<std::string, std::vector<int>> qindex;
  for (size_t j = 0; j < qb.size(); ++j) {
    for (const auto& w : qb[j]) qindex[w.first].push_back(static_cast<int>(j));
  }
  std::vector<Candidate> qc;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    int sa = speaker_id(a.quotes[i], na, joint_a);
    std::set<int> seen;
    for (const auto& w : qa[i]) {
      auto it = qindex.find(w.first);
      if (it != qindex.end() && it->second.size() <= 32) {
        seen.insert(it->second.begin(), it->second.end());
      }
    }
    for (int j : seen) {
      std::vector<std::string> common = Intersect(qa[i], qb[j]);
      if (common.empty()) continue;
      size_t smaller = std::min(qa[i].size(), qb[j].size());
      double overlap = static_cast<double>(common.size()) / std::max<size_t>(smaller, 1);
      int sb = speaker_id(b.quotes[j], nb, joint_b);
      bool same_speaker = sa >= 0 && sa == sb;
      if ((same_speaker && overlap >= 0.3 && common.size() >= 2) ||
          (overlap >= 0.7 && common.size() >= 4)) {
        qc.push_back(
            Candidate{overlap + (same_speaker ? 1 : 0), static_cast<int>(i), static_cast<int>(j)});
      }
    }
  }
  std::stable_sort(qc.begin(), qc.end(),
                   [](const Candidate& x, const Candidate& y) { return x.sim > y.sim; });
  std::vector<bool> qa_used(a.quotes.size()), qb_used(b.quotes.size());
  for (const Candidate& c : qc) {
    if (qa_used[c.a] || qb_used[c.b]) continue;
    qa_used[c.a] = qb_used[c.b] = true;
    SharedQuote s;
    s.a = c.a;
    s.b = c.b;
    s.overlap = c.sim >= 1 ? c.sim - 1 : c.sim;
    int sp = speaker_id(a.quotes[c.a], na, joint_a);
    s.speaker = sp >= 0 ? joint_name[sp] : "";
    out.quotes.push_back(s);
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    if (!qa_used[i]) out.quotes_only_a.push_back(static_cast<int>(i));
  }
  for (size_t j = 0; j < b.quotes.size(); ++j) {
    if (!qb_used[j]) out.quotes_only_b.push_back(static_cast<int>(j));
  }
  return out;
}

}  // namespace lede
