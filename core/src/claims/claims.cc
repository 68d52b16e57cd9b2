#include "claims/claims.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "claims/features.h"
#include "claims/model.h"
#include "text/literal.h"

namespace lede {
namespace {

bool IsWordLike(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
}

size_t CountWords(const Document& doc, uint32_t begin, uint32_t end) {
  size_t n = 0;
  for (uint32_t i = begin; i < end; ++i) n += IsWordLike(doc.tokens[i]) ? 1 : 0;
  return n;
}

// A clause of a sentence: tokens [begin, end) and their CountClause.
struct Clause {
  uint32_t begin, end;
  ClauseCounts counts;
};

// Splits a sentence's tokens into clauses: at ";" and at ", but|yet|while|
// whereas|although" when both halves hold enough words to stand alone. Each
// clause's counts come from the same walk (CountClauseToken's, by kind), not
// a second pass over the clause.
void SplitClauses(const Document& doc, const ClaimTokens& tokens, const Sentence& s,
                  std::vector<Clause>* out) {
  const Token* const toks = doc.tokens.data();
  uint32_t start = s.begin;
  ClauseCounts counts{1, 0, 0};  // of [start, i); "</s>" is a word feature
  // Whether the sentence's last token is no word nor number (its final
  // punctuation, in most sentences): a run of words and numbers then ends
  // before it, and its loop needs no test of the sentence's end.
  const bool guarded = s.end > s.begin && toks[s.end - 1].kind > TokenKind::kNumber;
  for (uint32_t i = s.begin; i < s.end; ++i) {
    // CountClauseToken's counts; the text is read for punctuation only.
    // A run of words and numbers (most tokens) is counted by a loop of its
    // own, which tests a token's kind and nothing else: CountClauseWord's
    // two features and one word a token.
    static_assert(TokenKind::kWord < TokenKind::kNumber && TokenKind::kNumber < TokenKind::kPunct &&
                      TokenKind::kNumber < TokenKind::kQuote &&
                      TokenKind::kNumber < TokenKind::kSymbol,
                  "words and numbers are the kinds up to kNumber");
    const Token* p = toks + i;
    if (guarded) {  // the last token stops the run: no test of the end
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 4
#endif
      while (p->kind <= TokenKind::kNumber) ++p;
    } else {
      const Token* const stop = toks + s.end;
      while (p != stop && p->kind <= TokenKind::kNumber) ++p;
    }
    const uint32_t run = static_cast<uint32_t>(p - (toks + i));
    counts.word_features += 2 * run;
    counts.words += run;
    i += run;
    if (i == s.end) break;
    if (CountClauseWord(toks[i].kind, &counts)) continue;
    // ";" and "," are punctuation: told by the mark's facts (ClaimTokens),
    // not by its text.
    const uint32_t mark = tokens.word_classes_and_more(doc.word[i]);
    bool split = false;
    // counts.words is CountWords(doc, start, i).
    if (mark & ClaimTokens::kSemicolon) {
      split = counts.words >= 4 && CountWords(doc, i + 1, s.end) >= 4;
    } else if ((mark & ClaimTokens::kComma) && i + 1 < s.end) {
      std::string_view w = tokens.folded(i + 1);
      if (w == "but" || w == "yet" || w == "while" || w == "whereas" || w == "although") {
        split = counts.words >= 6 && CountWords(doc, i + 1, s.end) >= 6;
      }
    }
    if (split) {  // the ";" or "," belongs to neither clause
      out->push_back(Clause{start, i, counts});
      start = i + 1;
      counts = ClauseCounts{1, 0, 0};
      continue;
    }
    counts.word_features += (mark & ClaimTokens::kKeptMark) != 0;  // CountClausePunct's
  }
  if (start < s.end) out->push_back(Clause{start, s.end, counts});
}

// TokenSpan of [begin, end), which holds `marks` quote marks.
Span TokenSpan(const Document& doc, uint32_t begin, uint32_t end, size_t marks) {
  // Trim punctuation at the ends so the claim reads cleanly, and a quote mark
  // left unpaired by a clause split ("“Ukraine has turned the tide").
  while (begin < end && doc.tokens[begin].kind == TokenKind::kPunct) ++begin;
  if (marks % 2 == 1) {
    if (doc.tokens[begin].kind == TokenKind::kQuote) {
      ++begin;
    } else {
      uint32_t e = end;
      while (e > begin && doc.tokens[e - 1].kind == TokenKind::kPunct) --e;
      if (e > begin && doc.tokens[e - 1].kind == TokenKind::kQuote) end = e - 1;
    }
  }
  while (end > begin && doc.tokens[end - 1].kind == TokenKind::kPunct && doc.Text(end - 1) != "." &&
         doc.Text(end - 1) != "?" && doc.Text(end - 1) != "!") {
    --end;
  }
  if (begin >= end) return Span{0, 0};
  return Span{doc.tokens[begin].span.start, doc.tokens[end - 1].span.end};
}

bool IsYear(std::string_view s) {
  return s.size() == 4 && (s[0] == '1' || s[0] == '2') &&
         s.find_first_not_of("0123456789") == std::string_view::npos;
}

struct UnitFacts {
  bool quantity = false, comparison = false, change = false, causal = false;
  bool prediction = false, policy = false, event = false, hedged = false;
};

// Work buffers of ReadFacts and SetReasons, kept over a document's sentences
// (their vectors were most of the claims stage's allocations).
struct ClaimScratch {
  FactTokens clause;    // ClaimMargin's, of the clause it scored last
  FactTokens sentence;  // of a sentence split into clauses
  std::vector<std::pair<double, uint32_t>> ranked_words;
};

// Rules over the folded words of tokens [begin, end): the claim's types and
// hedging. The words a rule names are compared as FactWord ids (features.h).
// Most words (and punctuation) are in no class, no entity of a figure's type
// and no fact word a rule reads alone: no rule reads them (the entity,
// number and symbol rules need an entity of a figure's type, a number or a
// symbol; a name's token is read by its word alone), they are only
// neighbours. The rules
// run over the tokens `ft` lists (ListFactTokens' of the range); a rule's
// neighbours are the tokens next to it but quote marks.
UnitFacts ReadFacts(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                    const FactTokens& ft) {
  UnitFacts f;
  constexpr uint64_t kAlone = kFactWordsReadAlone;
  const Token* const toks = doc.tokens.data();
  // The token m tokens after token i, quote marks skipped, or `end` (none).
  auto after = [&](uint32_t i, uint32_t m) {
    for (; m > 0 && i < end; --m) {
      do ++i;
      while (i < end && toks[i].kind == TokenKind::kQuote);
    }
    return i;
  };
  // The token m tokens before token i, quote marks skipped, or `end` (none).
  auto before = [&](uint32_t i, uint32_t m) {
    for (; m > 0; --m) {
      do {
        if (i == begin) return end;
        --i;
      } while (toks[i].kind == TokenKind::kQuote);
    }
    return i;
  };
  // Token j's word: folded, but punctuation as written; empty for none.
  auto at = [&](uint32_t j) -> std::string_view {
    if (j >= end) return std::string_view();
    return toks[j].kind == TokenKind::kPunct ? doc.Text(j) : tokens.folded(j);
  };
  auto fact = [&](uint32_t j) { return j < end ? tokens.fact(j) : kFwNone; };
  for (uint32_t r = 0; r < ft.reads; ++r) {
    const uint32_t i = ft.read[r];
    const Token& t = toks[i];
    const FactWord xf = tokens.fact(i);
    const ClaimTokens::EntityFacts* const et = tokens.entity_facts(i);
    const uint32_t c = t.kind == TokenKind::kWord ? tokens.classes(i) : 0;
    const bool alone = (kAlone >> xf) & 1;
    // Its word (at(i): a number, a symbol or a word is no punctuation) is
    // read by three rules of few tokens, not for every token listed.
    if (et != nullptr) {  // the type's kinds: its string compared once, per entity
      if (et->kinds & ClaimTokens::kEntityQuantity) f.quantity = true;  // MONEY PERCENT QUANTITY
      // "one of a series" is no figure.
      if ((et->kinds & ClaimTokens::kEntityCardinal) && !IsYear(doc.Text(t)) && xf != kFwOne) {
        f.quantity = true;
      }
    }
    if (t.kind == TokenKind::kNumber) {
      const std::string_view x = tokens.folded(i);
      // "September 28" and "14th" are dates and ranks, not figures.
      bool ordinal =
          x.size() > 2 && (x.substr(x.size() - 2) == "th" || x.substr(x.size() - 2) == "st" ||
                           x.substr(x.size() - 2) == "nd" || x.substr(x.size() - 2) == "rd");
      // "September 28", "28 September": a date, not a figure.
      if (!IsYear(x) && !ordinal) {
        bool date = fact(before(i, 1)) == kFwMonth || fact(after(i, 1)) == kFwMonth;
        if (!date) f.quantity = true;
      }
    }
    if (t.kind == TokenKind::kSymbol) {
      const std::string_view x = tokens.folded(i);
      if (x == "%" || x == "$") f.quantity = true;
    }
    // Every rule below reads a word's classes or a fact word it reads alone
    // (kAlone): a token with neither (a name, a number, a symbol) is done.
    if (c == 0 && !alone) continue;
    if (c & (kWcPercent | kWcNumberWord)) {
      // "forty-three" counts too.
      if (xf == kFwCount || tokens.folded(i).find('-') != std::string_view::npos) f.quantity = true;
    }
    // Comparison: "than" (not in "more than 20"), comparative adjectives and
    // superlatives.
    if (xf == kFwThan) {
      const uint32_t next = after(i, 1);
      bool bound =
          fact(before(i, 1)) == kFwMoreLess && next < end && toks[next].kind == TokenKind::kNumber;
      if (!bound) f.comparison = true;
    } else if ((c & kWcComparative) && xf != kFwMoreLess && xf != kFwTwiceLonger) {
      f.comparison = true;
    } else if ((c & kWcSuperlative) && xf != kFwSuperlativeNot && xf != kFwMostLeast) {
      f.comparison = true;
    } else if (xf == kFwMostLeast) {
      const uint32_t next = after(i, 1);
      if (next < end && toks[next].Is(kLower) && WordClasses(at(next)) == 0 &&
          tokens.fact(next) != kFwOf) {
        f.comparison = true;  // "most powerful"
      }
    }
    if ((c & kWcChange) && xf != kFwChangeNot && xf != kFwLostCutRaised) f.change = true;
    if (xf == kFwFrom && after(i, 3) < end) {
      // "from 40 to 50"
      const uint32_t next = after(i, 1);
      for (uint32_t m = 2; m <= 5; ++m) {
        const uint32_t j = after(i, m);
        if (j >= end) break;
        // Not clock times: "from 6:00 a.m. to 9:00 a.m.".
        if (tokens.fact(j) == kFwTo && toks[next].kind == TokenKind::kNumber &&
            at(next).find(':') == std::string_view::npos) {
          f.change = true;
        }
      }
    }
    if (xf == kFwCause || (xf == kFwCauseTo && fact(after(i, 1)) == kFwTo) ||
        (xf == kFwResult && (fact(after(i, 1)) == kFwIn || fact(after(i, 1)) == kFwOf ||
                             fact(before(i, 1)) == kFwA))) {
      f.causal = true;
    }
    if (xf == kFwWill || xf == kFwPredict || (xf == kFwPlanTo && fact(after(i, 1)) == kFwTo)) {
      f.prediction = true;
    } else if (xf == kFwGoing && fact(after(i, 1)) == kFwTo) {
      const uint32_t next2 = after(i, 2);
      if (next2 < end && toks[next2].Is(kLower) && WordClasses(at(next2)) != kWcPolicy)
        f.prediction = true;
    }
    if (c & kWcPolicy) {
      // "Bill" mid-sentence is a name; "act", "passed", "signed" alone are
      // too common (an "Act" with a capital is a law).
      bool weak = (xf == kFwBill && t.Is(kCapitalized) && !t.Is(kSentenceStart)) ||
                  xf == kFwWeakPolicy || xf == kFwPassedSignedVoted;
      if (!weak || (xf != kFwBill && t.Is(kCapitalized))) f.policy = true;
    }
    if ((c & kWcPastAction) && xf != kFwLostCutRaised && xf != kFwPassedSignedVoted &&
        xf != kFwDeclined) {
      f.event = true;
    }
    // Hedges: reportedly, allegedly, "according to", "could not be
    // (independently) verified", "claims that", "claiming".
    if (c & kWcHedge) {
      if (xf == kFwAccording) {
        if (fact(after(i, 1)) == kFwTo) f.hedged = true;
      } else {
        f.hedged = true;
      }
    }
    if (xf == kFwVerified && before(i, 2) != end) {
      // The up to four tokens before it.
      for (uint32_t m = 1; m <= 4; ++m) {
        const uint32_t j = before(i, m);
        if (j == end) break;
        if (tokens.fact(j) == kFwNot) f.hedged = true;
      }
    }
    if (xf == kFwSaid && fact(before(i, 1)) == kFwBe && fact(after(i, 1)) == kFwTo) {
      f.hedged = true;  // "is said to have"
    }
  }
  return f;
}

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

uint32_t OverlapBytes(Span a, Span b) {
  uint32_t s = std::max(a.start, b.start), e = std::min(a.end, b.end);
  return e > s ? e - s : 0;
}

// The reason a modelled feature family gives, or kCount for none.
constexpr ClaimReason FamilyReason(FeatureFamily f) {
  switch (f) {
    case FeatureFamily::kEntity:
      return ClaimReason::kNames;
    case FeatureFamily::kPast:
      return ClaimReason::kAction;
    case FeatureFamily::kAttribution:
      return ClaimReason::kAttribution;
    case FeatureFamily::kLength:
      return ClaimReason::kLength;
    default:
      return ClaimReason::kCount;
  }
}
// SetReasons sums no word features: their family gives no reason.
static_assert(FamilyReason(FeatureFamily::kWord) == ClaimReason::kCount, "words give no reason");

// Sorts a[0, n) as std::stable_sort does (equal elements keep their order),
// by insertion: for the few items of a claim's reasons and words, without
// stable_sort's temporary buffer.
template <typename T, typename Less>
void InsertionSortStable(T* a, size_t n, Less less) {
  for (size_t i = 1; i < n; ++i) {
    const T v = a[i];
    size_t j = i;
    for (; j > 0 && less(v, a[j - 1]); --j) a[j] = a[j - 1];
    a[j] = v;
  }
}

// Sets claim->reasons (and wording): the feature families (and words) that
// raised the score most; "names a source" second when `named_source`.
// `parts` are ClaimMargin's for the claim's tokens.
void SetReasons(const Document& doc, const ClaimTokens& tokens, const ClaimModel& model,
                const MarginParts& parts, const UnitFacts& facts, bool named_source,
                ClaimScratch* scratch, Claim* claim) {
  std::vector<std::pair<double, uint32_t>>& words = scratch->ranked_words;
  words.clear();
  // Word features give no reason of their own (FamilyReason: the word
  // family's sum is never read): only the unigrams of words, weighed, for
  // the words a reader can see. Every word token of the range has one, in
  // token order, all of the same value: ClaimMargin lists the tokens whose
  // unigram weighs over 0.02 (c below), in token order.
  // (When the word features were read, a bigram whose hash equals its first
  // token's unigram, as their test took it, would only have repeated a word,
  // which the wording skips.)
  const ClaimModel::Weights weight = model.weights_view();  // model.Weight
  for (uint32_t k = 0; k < parts.weighed; ++k) {
    const uint32_t i = parts.weighed_tokens[k];
    if (doc.tokens[i].kind != TokenKind::kWord) continue;
    // A word of under 4 bytes (most: "a", "the", "of") is not weighed.
    const std::string_view folded = tokens.folded(i);
    if (folded.size() < 4) continue;
    const double c = weight(tokens.unigram(i)) * parts.word_value;
    if (!tokens.function_word(i)) words.emplace_back(c, i);
  }
  // The other features, summed by family in order (by ClaimMargin).
  const double* const sum = parts.family_sum;
  constexpr size_t kFamilies = static_cast<size_t>(FeatureFamily::kCount);
  // Families the rules also read (figures, comparisons, change, cause,
  // prediction, policy) give their reason only when the rule agrees; the
  // others (names, past actions, attribution, length) when they weigh.
  std::array<std::pair<double, ClaimReason>, static_cast<size_t>(FeatureFamily::kCount)> ranked;
  size_t num_ranked = 0;
  for (size_t i = 0; i < kFamilies; ++i) {
    ClaimReason r = FamilyReason(static_cast<FeatureFamily>(i));
    if (r != ClaimReason::kCount && sum[i] > 0.15) ranked[num_ranked++] = {sum[i], r};
  }
  InsertionSortStable(ranked.data(), num_ranked,
                      [](const auto& a, const auto& b) { return a.first > b.first; });
  ClaimReason* out = claim->reasons;
  size_t n = 0;
  // Rule-backed reasons first: they say what the reader can see.
  if (facts.quantity) out[n++] = ClaimReason::kFigure;
  if (facts.comparison) out[n++] = ClaimReason::kCompares;
  if (facts.change) out[n++] = ClaimReason::kChange;
  if (facts.causal) out[n++] = ClaimReason::kCause;
  if (facts.prediction) out[n++] = ClaimReason::kPrediction;
  if (facts.policy) out[n++] = ClaimReason::kPolicy;
  for (size_t k = 0; k < num_ranked; ++k) {
    if (n >= 4) break;
    out[n++] = ranked[k].second;  // the modelled families are distinct from the rules'
  }
  if (!words.empty()) {
    auto by_weight = [](const auto& a, const auto& b) { return a.first > b.first; };
    if (words.size() <= 32) {
      InsertionSortStable(words.data(), words.size(), by_weight);
    } else {
      std::stable_sort(words.begin(), words.end(), by_weight);
    }
    size_t seen = 0;
    for (const auto& wd : words) {
      std::string_view x = doc.Text(wd.second);
      bool again = false;
      for (size_t k = 0; k < seen; ++k) again |= doc.Text(claim->wording[k]) == x;
      if (again) continue;
      claim->wording[seen++] = doc.tokens[wd.second].span;
      if (seen == Claim::kMaxWords) break;
    }
    out[n++] = ClaimReason::kWording;
  }
  if (named_source) {
    size_t at = std::min<size_t>(n, 1);
    for (size_t k = n; k > at; --k) out[k] = out[k - 1];
    out[at] = ClaimReason::kSource;
    ++n;
  }
  claim->num_reasons = static_cast<uint8_t>(n);
}

// Who the claim is attributed to: a quote covering it, "according to X",
// or a named subject of a speech verb in its sentence ("Ukraine said ...").
// Quotes that may overlap the current claim. Claims come in text order, so one
// sweep over the quotes (sorted by start) keeps the work linear: a quote
// enters when it starts before the claim ends and leaves once it ends before
// a claim starts. (Scanning every quote for every claim was quadratic: 5 MB
// of prose took 1.5 s in this stage, 50 MB minutes.)
class QuoteSweep {
 public:
  explicit QuoteSweep(const std::vector<Quote>& quotes) : quotes_(quotes), order_(quotes.size()) {
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    // By start, then index (what a stable sort by start gives), in place.
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
      const uint32_t sa = quotes_[a].span.start, sb = quotes_[b].span.start;
      return sa != sb ? sa < sb : a < b;
    });
  }
  // The quotes that can overlap `span`, in input order; spans must be asked
  // for with non-decreasing start.
  const std::vector<size_t>& Candidates(Span span) {
    while (next_ < order_.size() && quotes_[order_[next_]].span.start < span.end)
      active_.push_back(order_[next_++]);
    active_.erase(std::remove_if(active_.begin(), active_.end(),
                                 [&](size_t q) { return quotes_[q].span.end <= span.start; }),
                  active_.end());
    out_ = active_;
    std::sort(out_.begin(), out_.end());
    return out_;
  }

 private:
  const std::vector<Quote>& quotes_;
  std::vector<size_t> order_, active_, out_;
  size_t next_ = 0;
};

// `sentence_reads()` gives the sentence's FactTokens (ListFactTokens of
// [sbegin, send)), asked for only when no quote is the source.
template <typename SentenceReads>
ClaimSource FindSource(const ClaimTokens& tokens, Span span, uint32_t sbegin, uint32_t send,
                       const std::vector<Entity>& entities, const std::vector<Quote>& quotes,
                       const std::vector<size_t>& candidates, SentenceReads sentence_reads,
                       bool* claim_cue) {
  ClaimSource src;
  uint32_t best = 0;
  for (size_t q : candidates) {
    const Quote& quote = quotes[q];
    if (quote.kind == Quote::Kind::kScare || !Overlaps(quote.span, span)) continue;
    uint32_t o = OverlapBytes(quote.span, span);
    uint32_t len = std::min(quote.span.end - quote.span.start, span.end - span.start);
    if (o * 2 < len || o <= best) continue;  // covers at least half of one of them
    best = o;
    src.quote = static_cast<int>(q);
    src.entity = quote.has_speaker ? quote.speaker.entity : -1;
    *claim_cue = quote.has_cue && quote.cue.stance == "claim";
  }
  if (src.quote >= 0 || entities.empty()) return src;
  // "according to X" or "X said|told|announced ..." within the sentence:
  // "according" and the speech verbs have classes, so a fact rule reads
  // them (word_read): the sentence's FactTokens hold them, in text order,
  // and the walk reads those, not every token.
  const FactTokens& reads = sentence_reads();
  for (uint32_t r = 0; r < reads.reads; ++r) {
    const uint32_t i = reads.read[r];
    // "according" and "to" by their FactWord (a byte, which only these
    // words have), the speech verbs by their class.
    const FactWord fact = tokens.fact(i);
    if (fact == kFwAccording && i + 2 < send && tokens.fact(i + 1) == kFwTo) {
      for (uint32_t j = i + 2; j < send && j < i + 6; ++j) {
        if (tokens.entity(j) >= 0) return ClaimSource{tokens.entity(j), -1};
      }
    }
    if ((tokens.classes(i) & kWcSpeech) && fact != kFwAccording && i > sbegin &&
        !EqualsLiteral(tokens.folded(i), "claims") && !EqualsLiteral(tokens.folded(i), "reports")) {
      // Nearest entity before the verb within 5 tokens (skipping "on Monday").
      for (uint32_t j = i; j > sbegin && j + 6 > i; --j) {
        int e = tokens.entity(j - 1);
        if (e < 0) continue;
        const std::string& type = entities[e].type;
        if (type == "PERSON" || type == "ORG" || type == "GPE" || type == "NORP") {
          return ClaimSource{e, -1};
        }
        if (type != "DATE" && type != "TIME") break;
      }
    }
  }
  return src;
}

// True when a token of [begin, end) belongs to a named entity (not a date,
// time or number).
bool HasName(const ClaimTokens& tokens, uint32_t begin, uint32_t end) {
  end = std::min(end, tokens.typed_end());  // no type outside the typed range
  // kEntityName: the type is none of DATE, TIME, CARDINAL, ORDINAL, MONEY,
  // PERCENT, QUANTITY (compared once per entity, by ClaimTokens).
  const uint32_t first = std::max(begin, tokens.typed_begin());
  if (first >= end) return false;
  const ClaimTokens::EntityFacts* const* const facts = tokens.entity_facts_from(first);
  for (uint32_t i = first; i < end; ++i) {
    const ClaimTokens::EntityFacts* const e = facts[i - first];
    if (e != nullptr && (e->kinds & ClaimTokens::kEntityName)) return true;
  }
  return false;
}

// A statement with nothing a fact-checker could hold on to (no figure, name,
// source, comparison, change, cause, prediction or policy) is colour, however
// the model scores its wording: "The fighters came out with bread and candy".
// Its score is scaled down by kNoSubstance.
// 0.3 keeps the ranking and drops colour on the articles; it costs 0.007 F1
// on CheckThat! dev (0.888 -> 0.881), where debate lines lack names more often.
constexpr double kNoSubstance = 0.3;

double GateScore(double score, const UnitFacts& f, bool named) {
  bool substance =
      f.quantity || f.comparison || f.change || f.causal || f.prediction || f.policy || named;
  return substance ? score : score * kNoSubstance;
}

}  // namespace

double ClaimThreshold() { return DefaultClaimModel().threshold; }

std::vector<ScoredUnit> ScoreUnits(const Document& doc, const std::vector<Entity>& entities) {
  std::vector<ScoredUnit> out;
  const ClaimModel& model = DefaultClaimModel();
  ClaimTokens tokens(doc, entities, ClaimTokens::Empty{});
  std::vector<Clause> clauses;
  std::vector<Feature> features;
  ClaimScratch scratch;
  for (const Sentence& s : doc.sentences) {
    if (s.dateline) continue;
    tokens.Cover(s.begin, s.end);
    clauses.clear();
    SplitClauses(doc, tokens, s, &clauses);
    for (const Clause& c : clauses) {
      ScoredUnit u;
      u.begin = c.begin;
      u.end = c.end;
      u.span = TokenSpan(doc, c.begin, c.end, c.counts.quote_marks);
      if (u.span.end == u.span.start) continue;
      ExtractClaimFeatures(doc, tokens, c.begin, c.end, &features);
      u.score = model.ok() ? model.Score(features) : 0;
      ListFactTokens(doc, tokens, c.begin, c.end, &scratch.clause);
      u.score = GateScore(u.score, ReadFacts(doc, tokens, c.begin, c.end, scratch.clause),
                          HasName(tokens, c.begin, c.end));
      out.push_back(u);
    }
  }
  return out;
}

namespace {

// The claims as FindClaims finds them, in blocks of at most kBlock (16 KB of
// 64-byte claims), joined at the end into one vector of their number (a text
// of one block gets that block, trimmed). The stage's claims were one vector
// with room for a claim a sentence (its doubling had held the old and the new
// block at once), about twice what news makes: on 1 MB of news a 585 KB
// block, the stage's largest, which no hole left by the earlier stages could
// hold, so in wasm (whose memory never shrinks) it went above the heap's
// top, 7.52x -> 7.80x the input. Blocks of 16 KB fit in those holes.
class ClaimBlocks {
 public:
  static constexpr size_t kBlock = 256;
  static constexpr size_t kSlack = 4096;  // bytes of unused room Take may leave
  // `expected`: at most how many claims are expected (the first block's room).
  explicit ClaimBlocks(size_t expected) {
    last_.reserve(std::min(std::max<size_t>(expected, 1), kBlock));
  }
  void Add(Claim&& claim) {
    if (last_.size() == last_.capacity()) NewBlock();
    last_.push_back(std::move(claim));
  }
  // The claims in the order added, in a vector of their number.
  std::vector<Claim> Take() {
    if (full_.empty()) {
      // Trimmed unless its unused room is small (a short text's: copying
      // its claims cost more than the few KB it would give back).
      if ((last_.capacity() - last_.size()) * sizeof(Claim) > kSlack) last_.shrink_to_fit();
      return std::move(last_);
    }
    full_.push_back(std::move(last_));
    size_t count = 0;
    for (const std::vector<Claim>& b : full_) count += b.size();
    std::vector<Claim> claims;
    claims.reserve(count);
    for (const std::vector<Claim>& b : full_) claims.insert(claims.end(), b.begin(), b.end());
    return claims;
  }

 private:
  void NewBlock() {
    full_.push_back(std::move(last_));  // (which leaves last_ empty)
    last_.reserve(kBlock);
  }
  std::vector<Claim> last_;               // the block claims go to
  std::vector<std::vector<Claim>> full_;  // the full blocks before it, in order
};

// FindClaims' work: adds each claim to *found, in text order. Its tables
// are freed when it returns, before the claims are copied to their vector.
void CollectClaims(const Document& doc, const std::vector<Entity>& entities,
                   const std::vector<Quote>& quotes,
                   const std::vector<MentionSpan>* mentions_by_start, const ClaimModel& model,
                   ClaimBlocks* found) {
  ClaimTokens tokens(doc, entities, ClaimTokens::Empty{}, mentions_by_start);
  QuoteSweep sweep(quotes);
  std::vector<Clause> clauses;
  MarginParts parts;
  ClaimScratch scratch;
  // A margin under `below` has a probability under the threshold by far
  // more than the sigmoid's rounding (the threshold's logit less 1e-4): its
  // sigmoid, an exp, is not computed (for about two clauses in five). The
  // logit from log2f, which the binary has (the typer's), not std::log,
  // which would add libm's log to the wasm module (4.5 KB gzip): t / (1 -
  // t) in float and its log2f are within 1e-6 of the logit's. None for a
  // threshold of 0 or 1 and beyond.
  const float t = model.threshold;
  const double below = t > 0 && t < 1 ? std::log2(t / (1 - t)) * 0.6931471805599453 - 1e-4
                                      : -std::numeric_limits<double>::infinity();
  for (const Sentence& s : doc.sentences) {
    if (s.dateline) continue;
    tokens.Cover(s.begin, s.end);
    clauses.clear();
    SplitClauses(doc, tokens, s, &clauses);
    // Hedges reach over the whole sentence: "... 20 towns - claims that could
    // not be independently verified." ReadFacts is a pure function of its
    // range: the sentence's facts are read once, when a claim first needs them
    // (from the tokens ClaimMargin listed when the sentence is one clause).
    // The sentence's FactTokens: ClaimMargin's of its one clause, else
    // listed once, when first asked for.
    const bool one_clause =
        clauses.size() == 1 && clauses[0].begin == s.begin && clauses[0].end == s.end;
    bool sentence_listed = false;
    auto sentence_reads = [&]() -> const FactTokens& {
      if (one_clause) return scratch.clause;
      if (!sentence_listed) {
        ListFactTokens(doc, tokens, s.begin, s.end, &scratch.sentence);
        sentence_listed = true;
      }
      return scratch.sentence;
    };
    std::optional<UnitFacts> sentence_facts;
    auto whole_sentence = [&]() -> const UnitFacts& {
      if (!sentence_facts)
        sentence_facts = ReadFacts(doc, tokens, s.begin, s.end, sentence_reads());
      return *sentence_facts;
    };
    for (const Clause& c : clauses) {
      // Its quote marks (for TokenSpan), words and word features (for the
      // model), counted by SplitClauses.
      const ClauseCounts& counts = c.counts;
      Span span = TokenSpan(doc, c.begin, c.end, counts.quote_marks);
      if (span.end == span.start || counts.words < 3) continue;
      // The model's score, from the features as they are computed (none is
      // written out); `parts` gets what the reasons read of them.
      // It lists the clause's FactTokens too, for ReadFacts.
      const double margin =
          ClaimMargin(doc, tokens, c.begin, c.end, counts, model, &parts, &scratch.clause);
      if (margin < below) continue;  // its probability is under the threshold
      double score = ClaimModel::Probability(margin);
      if (score < model.threshold) continue;
      UnitFacts facts = c.begin == s.begin && c.end == s.end
                            ? whole_sentence()
                            : ReadFacts(doc, tokens, c.begin, c.end, scratch.clause);
      bool claim_cue = false;
      ClaimSource source = FindSource(tokens, span, s.begin, s.end, entities, quotes,
                                      sweep.Candidates(span), sentence_reads, &claim_cue);
      score = GateScore(score, facts,
                        HasName(tokens, c.begin, c.end) || source.entity >= 0 || source.quote >= 0);
      if (score < model.threshold) continue;
      Claim claim;
      claim.span = span;
      claim.score = score;
      claim.types =
          static_cast<uint8_t>(facts.quantity << static_cast<int>(ClaimType::kQuantity) |
                               facts.comparison << static_cast<int>(ClaimType::kComparison) |
                               facts.change << static_cast<int>(ClaimType::kChange) |
                               facts.causal << static_cast<int>(ClaimType::kCausal) |
                               facts.prediction << static_cast<int>(ClaimType::kPrediction) |
                               facts.policy << static_cast<int>(ClaimType::kPolicy) |
                               facts.event << static_cast<int>(ClaimType::kEvent));
      claim.source = source;
      claim.hedged = whole_sentence().hedged || claim_cue;
      SetReasons(doc, tokens, model, parts, facts,
                 claim.source.quote >= 0 || claim.source.entity >= 0, &scratch, &claim);
      found->Add(std::move(claim));
    }
  }
}

}  // namespace

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Entity>& entities,
                              const std::vector<Quote>& quotes,
                              const std::vector<MentionSpan>* mentions_by_start) {
  const ClaimModel& model = DefaultClaimModel();
  if (!model.ok()) return {};
  // (A claim a sentence at most, but for sentences split in clauses.)
  ClaimBlocks found(doc.sentences.size());
  CollectClaims(doc, entities, quotes, mentions_by_start, model, &found);
  return found.Take();
}

}  // namespace lede
