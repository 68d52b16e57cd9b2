// The span typer (ner_model.h, Typer): a second stage over the tagger's spans.
// Spans with the same text are one group, and a group is typed once, from the
// evidence of all its mentions pooled: its words and their clusters, its shape,
// the lexicons, the words around every mention ("in", "at", "the band", "'s
// album"), the tagger's own types for it and for the other spans sharing its
// words. A multiclass averaged perceptron (`lede train ner` trains it on the
// tagger's jackknifed spans) over PER/ORG/LOC/MISC; it overrides the tagger's
// type only when its margin is large, and never into MISC.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_map>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "data/rice_code.h"
#include "entities/ner_model.h"
#include "text/hash.h"
#include "text/utf8.h"

namespace lede {
namespace ner {
namespace {

constexpr char kTyperMagic[4] = {'L', 'T', 'Y', 'P'};
// The rows Typer::Scores compares a key with at once, from the key's slot.
constexpr size_t kScanRows = 4;
constexpr uint32_t kTyperVersion = 2;

inline uint32_t H(uint32_t a, uint32_t b) { return Fmix(a * 0x9E3779B1u + b + 0x7f4a7c15u) | 1; }
inline uint32_t H(uint32_t a, uint32_t b, uint32_t c) { return H(H(a, b), c); }
inline uint32_t H(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return H(H(a, b, c), d); }

char32_t LowerCp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x2019) return '\'';
  return c;
}

// FNV-1a of the lower-case code points of `w`.
uint32_t LowerWordHash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < w.size();) {
    const uint32_t b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {  // ASCII (LowerCp's first case), a byte a code point
      h ^= b - 'A' < 26u ? b + 32 : b;
      h *= 16777619u;
      ++i;
      continue;
    }
    int len;
    char32_t c = LowerCp(CodePointAt(w, i, &len));
    i += len;
    h ^= static_cast<uint32_t>(c);
    h *= 16777619u;
  }
  return Fmix(h);
}

}  // namespace

bool IsAsciiSpan(std::string_view text, Span s) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const char* p = text.data() + s.start;
  const size_t len = s.end - s.start;
  auto load = [](const char* q) {
    uint64_t x;
    std::memcpy(&x, q, 8);
    return x;
  };
  if (len >= 8) {  // 8 bytes at a time, the last 8 overlapping
    uint64_t high = load(p + len - 8);
    for (size_t k = 0; k + 8 <= len; k += 8) high |= load(p + k);
    return (high & kHigh) == 0;
  }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // A short word: the 8 bytes from its start, of which its len are the low
  // ones (little-endian), when the text holds them.
  if (s.start + 8 <= text.size()) return (load(p) & kHigh & ((uint64_t{1} << (8 * len)) - 1)) == 0;
#endif
  unsigned char high = 0;
  for (size_t k = 0; k < len; ++k) high |= static_cast<unsigned char>(p[k]);
  return high < 0x80;
}

int TyperScoreBucket(float d) {
  if (d < 0) return 0;
  const float x = 1 + d;
  // In [1, 128) and not within 2^-15 of a power of two (its mantissa's first
  // or last 256 values), (int)log2(x) is x's binary exponent: log2(x) lies
  // over 4e-5 from an integer there, and log2f is off by less than an ulp
  // (at most 5e-7 for results under 8). The rest by log2 itself.
  if (x >= 1 && x < 128) {
    uint32_t bits;
    std::memcpy(&bits, &x, 4);
    const uint32_t mantissa = bits & 0x7FFFFFu;
    if (mantissa >= 0x100u && mantissa < 0x7FFF00u) return static_cast<int>(bits >> 23) - 126;
  }
  return 1 + std::min(6, static_cast<int>(std::log2(x)));
}

namespace {

// LowerWordHash of token i's text, from the tagger's hash of its Document
// word (DocContext::lower) where that is the same value: the tagger's
// LowerHash lower-cases ASCII as LowerCp does (it differs from it on some
// Latin Extended, Greek and Cyrillic letters), so an ASCII word's hashes are
// equal. `lower` may be empty (training's contexts), and holds 0 for words
// the tagger did not hash (a hash of 0 is computed again, no matter).
uint32_t TokenLowerHash(const Document& doc, const std::vector<uint32_t>& lower, uint32_t i) {
  const uint32_t w = doc.word[i];
  if (w < lower.size() && lower[w] != 0 && IsAsciiSpan(doc.text, doc.tokens[i].span))
    return lower[w];
  return LowerWordHash(doc.Text(i));
}

// TyperGroups with the tagger's word hashes (TokenLowerHash); `hash_of`
// (resized to doc.words()) gets the lower-case hash of each Document word of
// a span, 0 for the others (or a hash of 0).
uint32_t TyperGroupsWith(const Document& doc, const std::vector<uint32_t>& lower,
                         const std::vector<NameSpan>& spans, std::vector<uint32_t>* group_of,
                         std::vector<uint32_t>* hash_of);

// What TyperFeaturesWith knows of each group that Retype needs again: its
// first span (first[g]) and the counts of the tagger's types over its spans
// (counts[g * kNumTypes + t]).
struct TyperGroupFacts {
  std::vector<uint32_t> first, counts;
};

// TyperFeatures with the lower-case hashes of TyperGroupsWith (`hash_of`, 0:
// not yet), which it fills in further. With `typer` (Retype's; unsorted), the
// features of small domains (kD...) and the topic's are not handed to `sink`:
// their weights, from `direct` (Typer::direct_) and looked up once per
// document, are summed into group_scores[g * kNumTypes ..] (the sink adds
// the rest's).
void TyperFeaturesWith(const Document& doc, const DocContext& context,
                       const std::vector<NameSpan>& spans, const float* scores,
                       const std::vector<uint32_t>& group_of, uint32_t groups, bool sorted,
                       std::vector<uint32_t> hash_of, const Typer* typer, const int32_t* direct,
                       int32_t* group_scores, TyperGroupSink sink, void* sink_context,
                       TyperGroupFacts* facts = nullptr);

// The shape of each ASCII byte: 'd' a digit, 'X' an upper-case letter, 'x'
// a lower-case one, else the byte itself.
struct AsciiShapes {
  char at[128] = {};
  constexpr AsciiShapes() {
    for (int c = 0; c < 128; ++c) {
      at[c] = c >= '0' && c <= '9'   ? 'd'
              : c >= 'A' && c <= 'Z' ? 'X'
              : c >= 'a' && c <= 'z' ? 'x'
                                     : static_cast<char>(c);
    }
  }
};
constexpr AsciiShapes kAsciiShapes;

// The collapsed shape of a word: "Xx", "X", "Xx-Xx", "d", "XdX". An ASCII
// byte's shape from a table; another code point is 'X', 'x' or 'o'.
uint32_t ShapeHash(std::string_view w) {
  uint32_t h = 2166136261u;
  char prev = 0;
  for (size_t i = 0; i < w.size();) {
    const unsigned char b = static_cast<unsigned char>(w[i]);
    char s;
    if (b < 0x80) {
      s = kAsciiShapes.at[b];
      ++i;
    } else {
      int len;
      const char32_t c = CodePointAt(w, i, &len);
      i += len;
      s = IsUpperNonAscii(c) ? 'X' : IsLetterNonAscii(c) ? 'x' : 'o';
    }
    if (s == prev) continue;
    prev = s;
    h ^= static_cast<unsigned char>(s);
    h *= 16777619u;
  }
  return Fmix(h);
}

int Bucket(uint32_t n) { return n <= 2 ? static_cast<int>(n) : n <= 4 ? 3 : n <= 9 ? 4 : 5; }

// Feature families.
enum : uint32_t {
  kBias = 1,
  kTagType,
  kTagTypes,
  kTagMixed,
  kMentions,
  kLength,
  kWord,
  kFirst,
  kLast,
  kLastFine,
  kFirstFine,
  kWordCoarse,
  kLastFineType,
  kShape,
  kGaz,
  kGazWhole,
  kListsLast,
  kListsFirst,
  kBitsLast,
  kPrev,
  kPrev2,
  kNext,
  kNext2,
  kPossFeat,
  kAround,
  kPrevFine,
  kNextFine,
  kStartFeat,
  kShared,
  kSharedLast,
  kLengthType,
  kPrevType,
  kNextType,
  kCaps,
  kScore,
  kTopic,
  kTopicType,
  kTopicLen
};

// The features of small domains (a type, a bucket, a byte, a coarse
// cluster), which Retype sums from a table by index (Typer::direct_, built by
// Load) instead of hashing them and looking each up: each family's first
// index; its arguments in the order of H's, the last one varying fastest.
enum : uint32_t {
  kDBias = 0,                        // H(kBias, 0)
  kDTagType = kDBias + 1,            // H(kTagType, t0)
  kDTagTypes = kDTagType + 4,        // H(kTagTypes, t, half): 2 t + half
  kDTagMixed = kDTagTypes + 8,       // H(kTagMixed, mixed, t0)
  kDMentions = kDTagMixed + 8,       // H(kMentions, bucket 0 .. 5)
  kDMentionsType = kDMentions + 6,   // H(kMentions, bucket, t0)
  kDLength = kDMentionsType + 24,    // H(kLength, 0 .. 5)
  kDLengthType = kDLength + 6,       // H(kLengthType, l, t0)
  kDListsFirst = kDLengthType + 24,  // H(kListsFirst, byte)
  kDListsLast = kDListsFirst + 256,  // H(kListsLast, byte)
  kDBitsLast = kDListsLast + 256,    // H(kBitsLast, byte)
  kDCaps = kDBitsLast + 256,         // H(kCaps, 0 / 1)
  kDSharedLast = kDCaps + 2,         // H(kSharedLast, t)
  kDGazWhole = kDSharedLast + 4,     // H(kGazWhole, category 0 .. 63)
  kDScore = kDGazWhole + 64,         // H(kScore, t, t0, bucket 0 .. 7)
  kDShared = kDScore + 128,          // H(kShared, t)
  kDStart = kDShared + 4,            // H(kStartFeat, 1)
  kDPoss = kDStart + 1,              // H(kPossFeat, 1)
  kDGaz = kDPoss + 1,                // H(kGaz, category 0 .. 63)
  kDWordCoarse = kDGaz + 64,         // H(kWordCoarse, coarse 0 .. 255)
  kDAround = kDWordCoarse + 256,     // H(kAround, coarse 0 .. 255)
  kDirect = kDAround + 256
};

// The hashes of the direct features by index (kDirect of them): the
// features' one definition, for training's hashed features and Load's table
// alike. Built once.
const uint32_t* DirectKeys() {
  // Each family's hashes in index order: H(family, a) or H(family, a, b) or
  // H(family, a, b, c) for a from `a0`, over the ranges given (0: no such
  // argument).
  struct Family {
    uint8_t family, a0;
    uint16_t na;
    uint8_t nb, nc;
  };
  static constexpr Family kFamilies[] = {
      {kBias, 0, 1, 0, 0},        {kTagType, 0, 4, 0, 0},      {kTagTypes, 0, 4, 2, 0},
      {kTagMixed, 0, 2, 4, 0},    {kMentions, 0, 6, 0, 0},     {kMentions, 0, 6, 4, 0},
      {kLength, 0, 6, 0, 0},      {kLengthType, 0, 6, 4, 0},   {kListsFirst, 0, 256, 0, 0},
      {kListsLast, 0, 256, 0, 0}, {kBitsLast, 0, 256, 0, 0},   {kCaps, 0, 2, 0, 0},
      {kSharedLast, 0, 4, 0, 0},  {kGazWhole, 0, 64, 0, 0},    {kScore, 0, 4, 4, 8},
      {kShared, 0, 4, 0, 0},      {kStartFeat, 1, 1, 0, 0},    {kPossFeat, 1, 1, 0, 0},
      {kGaz, 0, 64, 0, 0},        {kWordCoarse, 0, 256, 0, 0}, {kAround, 0, 256, 0, 0}};
  static const std::vector<uint32_t> keys = [] {
    std::vector<uint32_t> k;
    k.reserve(kDirect);
    for (const Family& f : kFamilies) {
      for (uint32_t a = f.a0; a < f.a0 + f.na; ++a) {
        const uint32_t ha = H(f.family, a);
        if (!f.nb) k.push_back(ha);
        for (uint32_t b = 0; b < f.nb; ++b) {
          const uint32_t hb = H(ha, b);
          if (!f.nc) k.push_back(hb);
          for (uint32_t c = 0; c < f.nc; ++c) k.push_back(H(hb, c));
        }
      }
    }
    assert(k.size() == kDirect);
    return k;
  }();
  return keys.data();
}

}  // namespace

void SpanTypeScores(const float* emissions, uint32_t n, float* out) {
  // Summed from 0 in token order (U alone, or B, I ..., L), as floats add.
  for (int t = 0; t < kNumTypes; ++t) {
    float sum = 0;
    if (n == 1) {
      sum += emissions[TagOf(t, 3)];
    } else if (n > 1) {
      sum += emissions[TagOf(t, 0)];
      const float* row = emissions + kNumTags + TagOf(t, 1);
      for (uint32_t k = 1; k + 1 < n; ++k, row += kNumTags) sum += *row;
      sum += emissions[static_cast<size_t>(n - 1) * kNumTags + TagOf(t, 2)];
    }
    out[t] = sum;
  }
}

uint32_t TyperGroups(const Document& doc, const std::vector<NameSpan>& spans,
                     std::vector<uint32_t>* group_of) {
  std::vector<uint32_t> hash_of;
  return TyperGroupsWith(doc, {}, spans, group_of, &hash_of);
}

namespace {

uint32_t TyperGroupsWith(const Document& doc, const std::vector<uint32_t>& lower,
                         const std::vector<NameSpan>& spans, std::vector<uint32_t>* group_of,
                         std::vector<uint32_t>* hash_out) {
  group_of->assign(spans.size(), 0);
  // The lower-case hash of each Document word, computed once (0: not yet, or
  // a hash of 0, then computed again).
  std::vector<uint32_t>& hash_of = *hash_out;
  hash_of.assign(doc.words(), 0);
  // Group ids by key, in order of first appearance: an open-addressing table
  // (id + 1, 0 for an empty slot) at most half full.
  size_t cap = 16;
  while (cap < 2 * spans.size()) cap *= 2;
  std::vector<std::pair<uint32_t, uint32_t>> ids(cap, {0, 0});
  uint32_t groups = 0;
  for (size_t s = 0; s < spans.size(); ++s) {
    uint32_t key = 0x9747b28cu;
    for (uint32_t i = spans[s].begin; i < spans[s].end; ++i) {
      uint32_t& h = hash_of[doc.word[i]];
      if (!h) h = TokenLowerHash(doc, lower, i);
      key = H(key, h);
    }
    size_t k = key & (cap - 1);
    while (ids[k].second && ids[k].first != key) k = (k + 1) & (cap - 1);
    if (!ids[k].second) ids[k] = {key, ++groups};
    (*group_of)[s] = ids[k].second - 1;
  }
  return groups;
}

}  // namespace

void TyperFeatures(const Document& doc, const DocContext& context,
                   const std::vector<NameSpan>& spans, const float* scores,
                   const std::vector<uint32_t>& group_of, uint32_t groups,
                   std::vector<uint32_t>* feats, std::vector<uint32_t>* offsets) {
  feats->clear();
  offsets->assign(1, 0);
  struct Out {
    std::vector<uint32_t>* feats;
    std::vector<uint32_t>* offsets;
  } out{feats, offsets};
  TyperFeatures(
      doc, context, spans, scores, group_of, groups, /*sorted=*/true,
      [](void* c, uint32_t, const uint32_t* f, size_t count) {
        auto* o = static_cast<Out*>(c);
        o->feats->insert(o->feats->end(), f, f + count);
        o->offsets->push_back(static_cast<uint32_t>(o->feats->size()));
      },
      &out);
}

void TyperFeatures(const Document& doc, const DocContext& context,
                   const std::vector<NameSpan>& spans, const float* scores,
                   const std::vector<uint32_t>& group_of, uint32_t groups, bool sorted,
                   TyperGroupSink sink, void* sink_context) {
  TyperFeaturesWith(doc, context, spans, scores, group_of, groups, sorted,
                    std::vector<uint32_t>(doc.words(), 0), nullptr, nullptr, nullptr, sink,
                    sink_context);
}

namespace {

// A group's four sums of int32 weights (a row of kNumTypes), added to as
// the weights come (integers: the order of the adds is moot).
class DirectSums {
 public:
  explicit DirectSums(const int32_t* start) {
    if (!start) start = kZero;
#if defined(__SSE2__)
    sum_ = _mm_loadu_si128(reinterpret_cast<const __m128i*>(start));
#else
    for (int t = 0; t < kNumTypes; ++t) sum_[t] = start[t];
#endif
  }
  void Add(const int32_t* w) {
#if defined(__SSE2__)
    sum_ = _mm_add_epi32(sum_, _mm_loadu_si128(reinterpret_cast<const __m128i*>(w)));
#else
    for (int t = 0; t < kNumTypes; ++t) sum_[t] += w[t];
#endif
  }
  void Store(int32_t* to) const {
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), sum_);
#else
    for (int t = 0; t < kNumTypes; ++t) to[t] = sum_[t];
#endif
  }

 private:
  static_assert(kNumTypes == 4, "a row of sums is one vector");
  static constexpr int32_t kZero[kNumTypes] = {0, 0, 0, 0};
#if defined(__SSE2__)
  __m128i sum_;
#else
  int32_t sum_[kNumTypes];
#endif
};

void TyperFeaturesWith(const Document& doc, const DocContext& context,
                       const std::vector<NameSpan>& spans, const float* scores,
                       const std::vector<uint32_t>& group_of, uint32_t groups, bool sorted,
                       std::vector<uint32_t> hash_of, const Typer* typer, const int32_t* direct,
                       int32_t* group_scores, TyperGroupSink sink, void* sink_context,
                       TyperGroupFacts* facts) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  // The lower-case hash of each Document word, computed once (0: not yet, or
  // a hash of 0, then computed again).
  auto hash = [&](uint32_t i) {
    uint32_t& h = hash_of[doc.word[i]];
    if (!h) h = TokenLowerHash(doc, context.lower, i);
    return h;
  };
  // The fine cluster of token i's word: a word's from the tagger's context
  // (DocContext::fine, looked up once a word there), another token's (rare:
  // a number or a sign in a span or beside one) by its text.
  auto cluster = [&](uint32_t i) {
    if (doc.tokens[i].kind == TokenKind::kWord) return static_cast<int>(context.fine[doc.word[i]]);
    return WordCluster(doc.Text(i));
  };
  // And its coarse cluster (-1 for none), from the table of each fine one's.
  const uint8_t* const coarse_of_fine = CoarseClusters();
  auto coarse = [&](uint32_t i) {
    const int fine = cluster(i);
    return fine < 0 ? -1 : static_cast<int>(coarse_of_fine[fine]);
  };
  // Per group: its mentions, and the counts of the tagger's types over them.
  std::vector<uint32_t> first(groups, UINT32_MAX), next_of(spans.size(), UINT32_MAX);
  std::vector<uint32_t> counts(static_cast<size_t>(groups) * kNumTypes, 0);
  for (size_t s = spans.size(); s-- > 0;) {
    const uint32_t g = group_of[s];
    next_of[s] = first[g];
    first[g] = static_cast<uint32_t>(s);
    ++counts[static_cast<size_t>(g) * kNumTypes + spans[s].type];
  }
  auto majority = [&](uint32_t g) {
    int best = 0;
    for (int t = 1; t < kNumTypes; ++t)
      if (counts[static_cast<size_t>(g) * kNumTypes + t] >
          counts[static_cast<size_t>(g) * kNumTypes + best])
        best = t;
    return best;
  };
  // The types (majority of their group) of the spans each word occurs in, as
  // bits per word hash, with the last word's separately.
  // An open-addressing table by word hash: `any` is never 0 in a used slot.
  struct WordTypes {
    uint32_t hash;
    uint8_t any, last;
  };
  size_t span_words = 0;
  for (uint32_t g = 0; g < groups; ++g) span_words += spans[first[g]].end - spans[first[g]].begin;
  size_t cap = 16;
  while (cap < 2 * span_words) cap *= 2;
  std::vector<WordTypes> word_types(cap, WordTypes{0, 0, 0});
  auto slot = [&](uint32_t h) -> WordTypes& {
    size_t k = h & (cap - 1);
    while (word_types[k].any && word_types[k].hash != h) k = (k + 1) & (cap - 1);
    return word_types[k];
  };
  for (uint32_t g = 0; g < groups; ++g) {
    const NameSpan& sp = spans[first[g]];
    const uint8_t bit = static_cast<uint8_t>(1u << majority(g));
    for (uint32_t i = sp.begin; i < sp.end; ++i) {
      if (doc.tokens[i].kind != TokenKind::kWord) continue;
      const uint32_t h = hash(i);
      WordTypes& w = slot(h);
      w.hash = h;
      w.any |= bit;
      if (i + 1 == sp.end) w.last |= bit;
    }
  }
  // Types of the spans other than group g's that hold word h: the bits of
  // every group minus g's own (g's own bit is left in when another group of
  // the same type holds the word too; a small blur, no matter).
  // The document's topic: its most frequent clusters of longer lower-case
  // words ("album", "band", "season", "railway"), from the context.
  // (At most 5 clusters, the first the most frequent; a tie by cluster.)
  constexpr size_t kTopicMost = DocContext::kTopicMost;
  const size_t topic_size = context.topic_size;
  const uint16_t* const topic = context.topic;
  // The topic's features, the same for every group but for its type t0 and
  // length: hashed once, (kTopic, c), then (kTopicType, c, t) for each type t,
  // then (kTopicLen, c, l) for l = 0 .. 3, for each topic cluster c.
  constexpr size_t kTopicFeatures = 1 + kNumTypes + 4;
  uint32_t topic_feats[kTopicMost * kTopicFeatures];
  for (size_t j = 0; j < topic_size; ++j) {
    const uint32_t c = topic[j];
    uint32_t* tf = &topic_feats[j * kTopicFeatures];
    *tf++ = H(kTopic, c);
    for (int t = 0; t < kNumTypes; ++t) *tf++ = H(kTopicType, c, t);
    for (uint32_t l = 0; l <= 3; ++l) *tf++ = H(kTopicLen, c, l);
  }
  // With `typer`, their weights summed for each t0 and length l (0 .. 3):
  // topic_sums[(4 t0 + l) * kNumTypes ..].
  int32_t topic_sums[kNumTypes * 4 * kNumTypes] = {};
  if (typer) {
    for (size_t j = 0; j < topic_size; ++j) {
      const uint32_t* tf = &topic_feats[j * kTopicFeatures];
      int32_t w[1 + kNumTypes + 4][kNumTypes];
      for (size_t k = 0; k < kTopicFeatures; ++k) typer->Scores(&tf[k], 1, w[k]);
      for (int t0 = 0; t0 < kNumTypes; ++t0) {
        for (int l = 0; l < 4; ++l) {
          int32_t* sum = &topic_sums[(4 * t0 + l) * kNumTypes];
          for (int t = 0; t < kNumTypes; ++t) sum[t] += w[0][t] + w[1 + t0][t] + w[5 + l][t];
        }
      }
    }
  }
  // A group's features, written through `out` into `f`, which holds at least
  // the most a group can have: no capacity test per feature. The most: 11 of
  // the group's tags, mentions and length; 3 a topic cluster; 13 of the first
  // and last words (3, and 6 + 4 shared-last); 5 of shape, whole-gazetteer and
  // scores; then those that may come again (in `fa`): 7 a word (word, coarse
  // cluster, gazetteer, 4 shared), 18 a mention (start, 4 before, 5 after, 8
  // words around); and the pairs (in `fp`), 6 a mention. The three sized
  // once, for the document's largest group, in one block (not zero-filled).
  auto again_most = [&](uint32_t len, uint32_t mentions) {
    return 7 * size_t{len} + 18 * size_t{mentions};
  };
  size_t f_most = 0, fa_most = 0, fp_most = 0;
  for (uint32_t g = 0; g < groups; ++g) {
    const uint32_t* c = &counts[static_cast<size_t>(g) * kNumTypes];
    const uint32_t mentions = c[0] + c[1] + c[2] + c[3];
    const size_t again = again_most(spans[first[g]].end - spans[first[g]].begin, mentions);
    f_most = std::max(f_most, 11 + 3 * topic_size + 13 + 5 + again);
    fa_most = std::max(fa_most, again);
    fp_most = std::max(fp_most, 6 * size_t{mentions});
  }
  static_assert(kNumTypes == 4, "a group's mentions are the sum of four counts");
  std::unique_ptr<uint32_t[]> buffers(new uint32_t[f_most + fa_most + fp_most]);
  uint32_t* const f = buffers.get();
  uint32_t* const fa = f + f_most;
  uint32_t* const fp = fa + fa_most;
  // Unsorted, the features that may come again are told apart by an
  // open-addressing set, cheaper than the sort of them. One table for all the
  // groups: a slot is group g's when its `group` is g + 1 (others' slots are
  // empty to it), so no group clears it.
  struct Seen {
    uint32_t feature, group;
  };
  std::vector<Seen> seen;
  for (uint32_t g = 0; g < groups; ++g) {
    const NameSpan& sp = spans[first[g]];
    const uint32_t* c = &counts[static_cast<size_t>(g) * kNumTypes];
    const int t0 = majority(g);
    uint32_t mentions = 0;
    for (int t = 0; t < kNumTypes; ++t) mentions += c[t];
    const uint32_t len = sp.end - sp.begin;
    // The features a group makes once by construction (push: each of a
    // family, or with arguments, that no other feature of the group has) and
    // those that may come again (again: a word's, a mention's: "said" after
    // two mentions), which alone are told apart, unsorted, below. (A push
    // feature whose 32-bit hash met another of its group's by chance would
    // count twice: none did in the 31,000 groups of the 926 PolNeAR texts;
    // nor, by the output, with the families told apart by bits or pairs.)
    uint32_t* out = f;
    uint32_t* out_again = fa;
    // Triples (H(kPrev, p), p, kPrevType) and (H(kNext, x), x, kNextType):
    // the second feature, H(kPrevType, p, t0), is new when the first is (t0
    // is the group's), so it is hashed only then.
    uint32_t* out_pair = fp;
    auto push = [&out](uint32_t x) { *out++ = x; };
    auto again = [&out_again](uint32_t x) { *out_again++ = x; };
    // A feature of a small domain (kD...): with `direct`, its weights added
    // to the group's sums as it comes (starting from the topic's, which
    // depend on t0 and the length alone); else its index kept, at most 20 of
    // the group's tags, lengths, last word and scores, 64 gazetteer
    // categories and 256 coarse clusters of each kind, hashed below.
    DirectSums sums(direct ? &topic_sums[(4 * t0 + std::min(len, 3u)) * kNumTypes] : nullptr);
    uint16_t direct_at[20 + 64 + 2 * 256];
    uint16_t* out_direct = direct_at;
    auto put = [&out_direct, &sums, direct](uint32_t d) {
      if (direct) {
        sums.Add(direct + size_t{d} * kNumTypes);
      } else {
        *out_direct++ = static_cast<uint16_t>(d);
      }
    };
    // Of those that may come again, the families of small domains (a coarse
    // cluster, a gazetteer category, a type, a flag) are told apart by bits
    // before they are hashed, then pushed once each below: most of a group's
    // repeated features are these (the words around its mentions).
    uint64_t coarse_bits[4] = {0, 0, 0, 0}, around_bits[4] = {0, 0, 0, 0}, gaz_bits = 0;
    uint32_t shared_bits = 0;
    bool start_feat = false, poss_feat = false;
    put(kDBias);
    put(kDTagType + t0);
    int kinds = 0;
    for (int t = 0; t < kNumTypes; ++t) {
      if (!c[t]) continue;
      ++kinds;
      put(kDTagTypes + 2 * t + (c[t] * 2 >= mentions));
    }
    put(kDTagMixed + 4 * (kinds > 1) + t0);
    put(kDMentions + Bucket(mentions));
    put(kDMentionsType + 4 * Bucket(mentions) + t0);
    put(kDLength + std::min(len, 5u));
    put(kDLengthType + 4 * std::min(len, 5u) + t0);
    if (!typer) {
      for (size_t j = 0; j < topic_size; ++j) {
        const uint32_t* tf = &topic_feats[j * kTopicFeatures];
        push(tf[0]);                                  // H(kTopic, c)
        push(tf[1 + t0]);                             // H(kTopicType, c, t0)
        push(tf[1 + kNumTypes + std::min(len, 3u)]);  // H(kTopicLen, c, min(len, 3))
      }
    }
    uint32_t shape = 0x3c6ef372u;
    for (uint32_t i = sp.begin; i < sp.end; ++i) {
      const uint32_t h = hash(i);
      const WordTypes& types = slot(h);  // all zero when no span holds the word
      shape = H(shape, ShapeHash(doc.Text(i)));
      again(H(kWord, h));
      const int fine = cluster(i);
      if (fine >= 0) {
        const int cc = coarse(i);  // 0 .. 255 for a word with a cluster
        coarse_bits[cc >> 6] |= uint64_t{1} << (cc & 63);
      }
      const uint8_t gz = context.gazetteer[i];
      if (gz) gaz_bits |= uint64_t{1} << ((gz - 1) / 4);
      if (i == sp.begin) {
        push(H(kFirst, h));
        push(H(kFirstFine, static_cast<uint32_t>(fine)));
        put(kDListsFirst + context.lists[i]);
      }
      if (i + 1 == sp.end) {
        push(H(kLast, h));
        push(H(kLastFine, static_cast<uint32_t>(fine)));
        push(H(kLastFineType, static_cast<uint32_t>(fine), t0));
        put(kDListsLast + context.lists[i]);
        put(kDBitsLast + context.word_bits[i]);
        put(kDCaps + doc.tokens[i].Is(kAllCaps));
        // The other spans holding this word as their last / any word.
        const uint8_t own = static_cast<uint8_t>(1u << t0);
        for (int t = 0; t < kNumTypes; ++t)
          if ((types.last & ~own) >> t & 1) put(kDSharedLast + t);
      }
      shared_bits |= types.any & ~(1u << t0);
    }
    push(H(kShape, std::min(len, 4u) == len ? shape : 0));
    {
      const uint8_t gb = context.gazetteer[sp.begin], ge = context.gazetteer[sp.end - 1];
      const int pb = gb ? (gb - 1) % 4 : -1, pe = ge ? (ge - 1) % 4 : -1;
      if (gb && ((len == 1 && pb == 0) || (pb == 1 && pe == 3 && (gb - 1) / 4 == (ge - 1) / 4)))
        put(kDGazWhole + (gb - 1) / 4);
    }
    // The tagger's scores: how far each other type is behind its type, on
    // average over the mentions (log buckets).
    if (scores) {
      float sum[kNumTypes] = {0, 0, 0, 0};
      for (uint32_t s = first[g]; s != UINT32_MAX; s = next_of[s]) {
        for (int t = 0; t < kNumTypes; ++t) sum[t] += scores[s * kNumTypes + t];
      }
      for (int t = 0; t < kNumTypes; ++t) {
        if (t == t0) continue;
        const float d = (sum[t0] - sum[t]) / static_cast<float>(mentions);
        const int b = TyperScoreBucket(d);
        if (b >= 0 && b <= 7) {
          put(kDScore + 32 * t + 8 * t0 + b);
        } else {  // (a NaN's)
          push(H(kScore, t, t0, b));
        }
      }
    }
    // The words around every mention.
    for (uint32_t s = first[g]; s != UINT32_MAX; s = next_of[s]) {
      const NameSpan& m = spans[s];
      if (doc.tokens[m.begin].Is(kSentenceStart)) start_feat = true;
      auto word_of = [&](uint32_t i) -> uint32_t {
        const Token& t = doc.tokens[i];
        if (t.kind == TokenKind::kWord && !t.Is(kLower)) return 1;  // a capitalized word
        return hash(i);
      };
      if (m.begin > 0 && !doc.tokens[m.begin].Is(kParagraphStart)) {
        const uint32_t p = word_of(m.begin - 1);
        *out_pair++ = H(kPrev, p);
        *out_pair++ = p;
        *out_pair++ = kPrevType;
        if (m.begin > 1) again(H(kPrev2, word_of(m.begin - 2), p));
        if (doc.tokens[m.begin - 1].Is(kLower)) {
          const int fine = cluster(m.begin - 1);
          again(H(kPrevFine, static_cast<uint32_t>(fine)));
        }
      } else {
        again(H(kPrev, 0));
      }
      if (m.end < n && !doc.tokens[m.end].Is(kParagraphStart)) {
        const uint32_t x = word_of(m.end);
        *out_pair++ = H(kNext, x);
        *out_pair++ = x;
        *out_pair++ = kNextType;
        if (doc.tokens[m.end].Is(kPossessive)) poss_feat = true;
        if (m.end + 1 < n) again(H(kNext2, x, word_of(m.end + 1)));
        if (doc.tokens[m.end].Is(kLower)) {
          const int fine = cluster(m.end);
          again(H(kNextFine, static_cast<uint32_t>(fine)));
        }
      } else {
        again(H(kNext, 0));
      }
      constexpr uint32_t kWindow = 4;
      const uint32_t from = m.begin > kWindow ? m.begin - kWindow : 0;
      const uint32_t to = std::min(n, m.end + kWindow);
      auto around = [&](uint32_t j) {
        const Token& t = doc.tokens[j];
        if (t.kind != TokenKind::kWord || !t.Is(kLower)) return;
        const int c = coarse(j);
        if (c >= 0) around_bits[c >> 6] |= uint64_t{1} << (c & 63);
      };
      for (uint32_t j = from; j < m.begin; ++j) around(j);
      for (uint32_t j = m.end; j < to; ++j) around(j);
    }
    for (int t = 0; t < kNumTypes; ++t)
      if (shared_bits >> t & 1) put(kDShared + t);
    if (start_feat) put(kDStart);
    if (poss_feat) put(kDPoss);
    for (uint64_t b = gaz_bits; b; b &= b - 1) put(kDGaz + __builtin_ctzll(b));
    for (uint32_t w = 0; w < 4; ++w) {
      for (uint64_t b = coarse_bits[w]; b; b &= b - 1)
        put(kDWordCoarse + 64 * w + __builtin_ctzll(b));
      for (uint64_t b = around_bits[w]; b; b &= b - 1) put(kDAround + 64 * w + __builtin_ctzll(b));
    }
    if (direct) {
      sums.Store(&group_scores[static_cast<size_t>(g) * kNumTypes]);
    } else {
      const uint32_t* keys = DirectKeys();
      for (const uint16_t* d = direct_at; d != out_direct; ++d) push(keys[*d]);
    }
    if (sorted) {
      out = std::copy(fa, out_again, out);
      for (const uint32_t* p = fp; p != out_pair; p += 3) {
        *out++ = p[0];
        *out++ = H(p[2], p[1], static_cast<uint32_t>(t0));
      }
      std::sort(f, out);
      out = std::unique(f, out);
    } else if (mentions == 1) {
      // One mention (most groups): of its features that may come again, only
      // its words' (kWord, the first `len` of fa) can, when a word comes
      // twice ("Sirhan Sirhan"); the others are one of a family each, and so
      // are its two pairs. No set: the words compared with those before them.
      const uint32_t* const words = fa;
      const uint32_t* const words_end = fa + len;
      for (const uint32_t* p = words; p != words_end; ++p) {
        if (std::find(words, p, *p) == p) *out++ = *p;
      }
      out = std::copy(words_end, static_cast<const uint32_t*>(out_again), out);
      for (const uint32_t* p = fp; p != out_pair; p += 3) {
        *out++ = p[0];
        *out++ = H(p[2], p[1], static_cast<uint32_t>(t0));
      }
    } else {
      const size_t made =
          static_cast<size_t>(out_again - fa) + static_cast<size_t>(out_pair - fp) / 3;
      size_t cap = 64;
      while (cap < 2 * made) cap *= 2;
      if (seen.size() < cap) seen.resize(cap, Seen{0, 0});
      const uint32_t stamp = g + 1;
      for (const uint32_t* p = fa; p != out_again; ++p) {
        const uint32_t x = *p;
        size_t k = (x >> 1) & (cap - 1);  // (Fmix-mixed bits; the lowest is always 1)
        while (seen[k].group == stamp && seen[k].feature != x) k = (k + 1) & (cap - 1);
        if (seen[k].group == stamp) continue;
        seen[k] = Seen{x, stamp};
        *out++ = x;
      }
      for (const uint32_t* p = fp; p != out_pair; p += 3) {
        const uint32_t x = *p;
        size_t k = (x >> 1) & (cap - 1);
        while (seen[k].group == stamp && seen[k].feature != x) k = (k + 1) & (cap - 1);
        if (seen[k].group == stamp) continue;
        seen[k] = Seen{x, stamp};
        *out++ = x;
        *out++ = H(p[2], p[1], static_cast<uint32_t>(t0));
      }
    }
    sink(sink_context, g, f, static_cast<size_t>(out - f));
  }
  if (facts) {
    facts->first = std::move(first);
    facts->counts = std::move(counts);
  }
}

}  // namespace

// File section (after the tagger's, see Model::Load): "LTYP", u32 version (2),
// u32 features, f32 scale, f32 margin, i8 weights[features][kNumTypes] (the
// keys ascending), the keys Rice coded (AppendInt8Rows). Version 1 had u32
// keys[features] before the weights.
std::string Typer::Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& w,
                             float margin) {
  const float scale = Int8Scale(w);
  std::string out(kTyperMagic, 4);
  auto put32 = [&](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  auto putf = [&](float v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  put32(kTyperVersion);
  put32(static_cast<uint32_t>(keys.size()));
  putf(scale);
  putf(margin);
  AppendInt8Rows(keys, w, kNumTypes, scale, &out);
  return out;
}

bool Typer::Load(std::string_view b) {
  *this = Typer();
  constexpr size_t kHeader = 20;
  if (b.size() < kHeader || std::memcmp(b.data(), kTyperMagic, 4) != 0) return false;
  uint32_t version, nf;
  std::memcpy(&version, b.data() + 4, 4);
  std::memcpy(&nf, b.data() + 8, 4);
  std::memcpy(&scale_, b.data() + 12, 4);
  std::memcpy(&margin_, b.data() + 16, 4);
  if (version < 1 || version > kTyperVersion ||
      b.size() - kHeader < static_cast<size_t>(nf) * (version == 1 ? 4 + kNumTypes : kNumTypes))
    return false;
  // Version 2 (AppendInt8Rows): the rows, then the keys Rice coded; version 1
  // the keys as u32, then the rows.
  std::unique_ptr<uint32_t[]> keys(new uint32_t[nf]);  // each written, or Load fails
  const char* weights = b.data() + kHeader;
  if (version == 1) {
    std::memcpy(keys.get(), weights, static_cast<size_t>(nf) * 4);
    weights += static_cast<size_t>(nf) * 4;
  } else if (ReadRiceCoded(b.substr(kHeader + static_cast<size_t>(nf) * kNumTypes), nf,
                           keys.get()) == 0) {
    return false;
  }
  if (nf == 0) return true;
  // At least two slots a key: 2^bits >= 2 nf.
  int bits = 4;
  while (bits < 21 && (size_t{1} << bits) < 2 * size_t{nf}) ++bits;
  const int shift = 32 - bits;
  shift_ = shift;
  // Each key's slot: its own (key >> shift) or the one after the previous
  // key's; the table ends one past the last, a free slot. The keys must
  // ascend strictly (a Rice code can repeat one).
  const uint32_t* const key = keys.get();
  size_t next = static_cast<size_t>(key[0] >> shift) + 1;  // the slot after the last
  for (uint32_t i = 1; i < nf; ++i) {
    if (key[i] <= key[i - 1]) {
      *this = Typer();
      return false;
    }
    next = std::max(static_cast<size_t>(key[i] >> shift), next) + 1;
  }
  // (kScanRows - 1 free slots past the last: Scores reads kScanRows rows
  // from a key's own slot.)
  rows_.assign(std::max(size_t{1} << bits, next) + kScanRows, Row{UINT32_MAX, {0, 0, 0, 0}});
  Row* const rows = rows_.data();
  next = 0;
  for (uint32_t i = 0; i < nf; ++i) {
    const size_t at = std::max(static_cast<size_t>(key[i] >> shift), next);
    next = at + 1;
    rows[at].key = key[i];
    std::memcpy(rows[at].w, weights + static_cast<size_t>(i) * kNumTypes, kNumTypes);
  }
  direct_.resize(size_t{kDirect} * kNumTypes);
  const uint32_t* direct_keys = DirectKeys();
  for (uint32_t d = 0; d < kDirect; ++d)
    Scores(&direct_keys[d], 1, &direct_[size_t{d} * kNumTypes]);
  return true;
}

void Typer::Scores(const uint32_t* feats, size_t count, int32_t* scores) const {
  if (rows_.empty()) {
    for (int t = 0; t < kNumTypes; ++t) scores[t] = 0;
    return;
  }
  const Row* rows = rows_.data();
  const int shift = shift_;
  // A key's four int8 weights (as one word), 0 for a key with no row. The
  // walk from its slot to the first key not below it, by compares, not by a
  // loop whose length and outcome vary from key to key (two branches the
  // CPU mispredicts: most of the time the typer's look-ups took). Along the
  // table the keys below `key` come first (ordered probing: a free slot or a
  // higher key stops every walk, and the slots past it hold higher keys), so
  // the rows from its slot on that hold lower keys count the steps of the
  // walk. Only when all kScanRows of them do (rare) does the walk go on.
  auto weights_of = [rows, shift](uint32_t key) -> uint32_t {
    const Row* r = &rows[key >> shift];
    static_assert(kScanRows == 4, "four compares");
    const uint32_t below =
        static_cast<uint32_t>(r[0].key < key) + static_cast<uint32_t>(r[1].key < key) +
        static_cast<uint32_t>(r[2].key < key) + static_cast<uint32_t>(r[3].key < key);
    r += below;
    if (below == kScanRows) {
      while (r->key < key) ++r;  // (the last row's UINT32_MAX stops it)
    }
    uint32_t w;
    std::memcpy(&w, r->w, 4);
    return w & (0u - static_cast<uint32_t>(r->key == key));  // (a mask: no branch)
  };
#if defined(__SSE2__)
  // A row's four int8 weights widened to int32 and added at once.
  __m128i sum = _mm_setzero_si128();
  for (size_t k = 0; k < count; ++k) {
    __m128i x = _mm_cvtsi32_si128(static_cast<int>(weights_of(feats[k])));
    x = _mm_unpacklo_epi8(x, x);   // each weight in the top byte of a 16-bit lane
    x = _mm_unpacklo_epi16(x, x);  // ... of a 32-bit lane
    sum = _mm_add_epi32(sum, _mm_srai_epi32(x, 24));
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(scores), sum);
#else
  // The sums in locals: stores into `scores` might alias the rows.
  int32_t sum[kNumTypes] = {};
  for (size_t k = 0; k < count; ++k) {
    const uint32_t w = weights_of(feats[k]);
    int8_t b[kNumTypes];
    std::memcpy(b, &w, kNumTypes);
    for (int t = 0; t < kNumTypes; ++t) sum[t] += b[t];
  }
  for (int t = 0; t < kNumTypes; ++t) scores[t] = sum[t];
#endif
}

namespace {

// Typer::GroupScores, with `direct` its table of the features of small
// domains (or null), and what the features knew of the groups in *facts
// (if given).
uint32_t GroupScoresWith(const Typer& typer, const int32_t* direct, const Document& doc,
                         const DocContext& context, const float* scores,
                         const std::vector<NameSpan>& spans, std::vector<uint32_t>* group_of,
                         std::vector<int32_t>* group_scores, TyperGroupFacts* facts) {
  std::vector<uint32_t> hash_of;
  const uint32_t groups = TyperGroupsWith(doc, context.lower, spans, group_of, &hash_of);
  // Each group's scores as its features come (peak memory: all the features
  // of a document at once, in a doubling vector, were 1.0x its text on 1 MB
  // of news). Unsorted: the int sums do not depend on the order.
  group_scores->assign(static_cast<size_t>(groups) * kNumTypes, 0);
  struct Sum {
    const Typer* typer;
    int32_t* scores;
  } sum{&typer, group_scores->data()};
  TyperFeaturesWith(
      doc, context, spans, scores, *group_of, groups, /*sorted=*/false, std::move(hash_of), &typer,
      direct, group_scores->data(),
      [](void* c, uint32_t g, const uint32_t* f, size_t count) {
        auto* s = static_cast<Sum*>(c);
        int32_t more[kNumTypes];
        s->typer->Scores(f, count, more);
        int32_t* to = &s->scores[static_cast<size_t>(g) * kNumTypes];
        for (int t = 0; t < kNumTypes; ++t) to[t] += more[t];
      },
      &sum, facts);
  return groups;
}

}  // namespace

uint32_t Typer::GroupScores(const Document& doc, const DocContext& context, const float* scores,
                            const std::vector<NameSpan>& spans, std::vector<uint32_t>* group_of,
                            std::vector<int32_t>* group_scores) const {
  return GroupScoresWith(*this, direct_.empty() ? nullptr : direct_.data(), doc, context, scores,
                         spans, group_of, group_scores, nullptr);
}

void Typer::Retype(const Document& doc, const DocContext& context, const float* scores,
                   std::vector<NameSpan>* spans) const {
  if (empty() || spans->empty()) return;
  std::vector<uint32_t> group_of;
  std::vector<int32_t> group_scores;
  // The tagger's majority type of each group (from the counts of its types,
  // as the features took them), and the typer's verdict.
  TyperGroupFacts facts;
  const uint32_t groups =
      GroupScoresWith(*this, direct_.empty() ? nullptr : direct_.data(), doc, context, scores,
                      *spans, &group_of, &group_scores, &facts);
  const std::vector<uint32_t>& counts = facts.counts;
  const std::vector<uint32_t>& first_of = facts.first;
  std::vector<int8_t> verdict(groups, -1);
  for (uint32_t g = 0; g < groups; ++g) {
    const uint32_t* c = &counts[static_cast<size_t>(g) * kNumTypes];
    int t0 = 0;
    for (int t = 1; t < kNumTypes; ++t)
      if (c[t] > c[t0]) t0 = t;
    const int32_t* sc = &group_scores[static_cast<size_t>(g) * kNumTypes];
    int best = 0;
    for (int t = 1; t < kNumTypes; ++t)
      if (sc[t] > sc[best]) best = t;
    // Never into MISC: lede drops most MISC names, and in news the typer's
    // MISC took organizations ("GOP", "Planned Parenthood") out (WikiGold CV
    // 0.7525 with, 0.7494 without).
    if (best == kMisc) continue;
    // Nor an acronym into a place: the countries' ("US", "UAE") are in the
    // lexicon, and the typer's LOC for "CPAC" (ORG at five mentions of six in
    // a PolNeAR story) had no sign of a place.
    const NameSpan& sp = (*spans)[first_of[g]];
    if (best == kLoc && sp.end - sp.begin == 1 && doc.tokens[sp.begin].Is(kAllCaps)) continue;
    if (best != t0 && (sc[best] - sc[t0]) * scale_ > margin_)
      verdict[g] = static_cast<int8_t>(best);
  }
  for (size_t s = 0; s < spans->size(); ++s) {
    if (verdict[group_of[s]] >= 0) (*spans)[s].type = verdict[group_of[s]];
  }
}

}  // namespace ner
}  // namespace lede
