#include "entities/ner_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <unordered_map>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "data/embedded.h"
#include "data/rice_code.h"
#include "entities/lexicon.h"
#include "text/hash.h"
#include "text/utf8.h"

namespace lede {
namespace ner {
namespace {

constexpr char kMagic[4] = {'L', 'N', 'E', 'R'};
constexpr uint32_t kVersion = 4;

inline uint32_t Mix(uint32_t a, uint32_t b) { return Fmix(a * 0x9E3779B1u + b + 0x7f4a7c15u); }
inline uint32_t Mix(uint32_t a, uint32_t b, uint32_t c) { return Mix(Mix(a, b), c); }
inline uint32_t Mix(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return Mix(Mix(Mix(a, b), c), d);
}

// The first set bit of `bits` from b on in [b, end), or end.
inline uint32_t NextBit(const uint64_t* bits, uint32_t b, uint32_t end) {
  while (b < end) {
    const uint64_t w = bits[b >> 6] >> (b & 63);
    if (w) return std::min(end, b + static_cast<uint32_t>(__builtin_ctzll(w)));
    b = (b | 63) + 1;
  }
  return end;
}
inline bool BitAt(const uint64_t* bits, uint32_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }

// Bit j set for each of the m <= 64 tokens t[j] capitalized or ALL CAPS (a
// shift and an or a token: the tokens' other facts are read for these alone).
inline uint64_t UpperBits(const Token* t, uint32_t m) {
  uint64_t upper = 0;
  for (uint32_t j = m; j-- > 0;) {
    upper = upper << 1 | ((t[j].flags & (kCapitalized | kAllCaps)) + 3u) >> 2;
  }
  return upper;
}

// FNV-1a, fed one code point at a time.
struct Hasher {
  uint32_t h = 2166136261u;
  void Add(uint32_t v) {
    h ^= v;
    h *= 16777619u;
  }
  uint32_t Get() const { return Fmix(h); }
};

char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) return IsUpper(c) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c == 0x2019) return '\'';
  return c;
}

char ShapeChar(char32_t c) {
  if (IsDigit(c)) return 'd';
  if (IsUpper(c)) return 'X';
  if (IsLetter(c)) return 'x';
  if (c < 0x80) return static_cast<char>(c);
  if (IsQuoteMark(c)) return '"';
  if (IsDash(c)) return '-';
  return 'o';
}

// Lower() and ShapeChar() of the ASCII code points.
struct AsciiInfoTable {
  char lower[128] = {};
  char shape[128] = {};
  constexpr AsciiInfoTable() {
    for (int c = 0; c < 128; ++c) {
      const bool upper = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      lower[c] = static_cast<char>(upper ? c + 32 : c);
      shape[c] = c >= '0' && c <= '9' ? 'd' : upper ? 'X' : low ? 'x' : static_cast<char>(c);
    }
  }
};
constexpr AsciiInfoTable kAsciiInfo;

// Case classes.
enum Cls : uint8_t { kClsLower, kClsCap, kClsCaps, kClsNumber, kClsPunct, kClsOther };
// The classes whose tokens get the context bag (feature 61).
inline bool IsCapCls(uint32_t cls) { return cls == kClsCap || cls == kClsCaps; }

struct TokInfo {
  uint32_t lower, exact, shape, sshape;
  uint32_t pre[3], suf[3];  // 2, 3, 4 code points
  uint16_t fine;            // word cluster (WordClusters), kNoCluster if none
  uint8_t coarse;
  uint8_t cls;
};

// What the tagger's features read of a neighbour (Model::Tag): its word's
// lower-case hash and sshape, its own case class, its word's pair roles
// (Model::PairRoles).
struct Near {
  uint32_t lower, sshape;
  uint8_t cls, roles;
};

constexpr uint16_t kNoCluster = 0xFFFF;
constexpr uint8_t kNoCoarse = 0xFF;
constexpr uint16_t kOtherScript = 0xFFFD;  // Info(): a word in another script

// Word clusters (core/data/ner/clusters.bin, scripts/ner_clusters.mjs):
// k-means clusters of GloVe vectors of frequent words, keyed by fingerprints
// of the lower-case hash. A word shares its cluster with words used alike
// ("Ilona" with other given names), which the tagger may never have seen.
class WordClusters {
 public:
  // The fine cluster of the word with lower-case hash `h`, or kNoCluster.
  uint16_t Fine(uint32_t h) const {
    if (!fp_) return kNoCluster;
    const uint32_t fp = h >> (32 - bits_);
    // The first fingerprint not below fp, from its bucket's start on (the
    // sentinel after the last stops the scan), as a binary search would
    // find it: fp's, or none.
    size_t i = start_[fp >> shift_];
    while (fp_[i] < fp) ++i;
    return fp_[i] == fp ? fine_[i] : kNoCluster;
  }
  uint8_t Coarse(uint16_t fine) const {
    return fine >= coarse_.size() ? kNoCoarse - (kNoCluster - fine) : coarse_[fine];
  }
  // The coarse cluster of a fine one the table gave (below kNoCluster and
  // kOtherScript): no range test.
  uint8_t CoarseOfFound(uint16_t fine) const { return coarse_.data()[fine]; }
  const uint8_t* CoarseTable() const { return coarse_.data(); }
  // How many fine clusters there are: every fine one found is below.
  size_t FineCount() const { return coarse_.size(); }
  // Fine(h[k]) for each k < n whose marks[k] has a bit of `mark`, -1 for
  // none (kNoCluster), into out[k]; -1 for the other k. One loop for a
  // document's words (BuildDocContext): the table's fields read once.
  void FineOfEach(const uint32_t* h, const uint8_t* marks, uint8_t mark, size_t n,
                  int16_t* out) const {
    if (!fp_) {
      for (size_t k = 0; k < n; ++k) out[k] = -1;
      return;
    }
    const uint32_t* const fp = fp_.get();
    const uint32_t* const start = start_.get();
    const uint16_t* const fine = fine_.get();
    const uint32_t fp_shift = 32u - bits_, bucket_shift = fp_shift + shift_;
    for (size_t k = 0; k < n; ++k) {
      int16_t f = -1;
      if (marks[k] & mark) {
        const uint32_t key = h[k] >> fp_shift;
        size_t i = start[h[k] >> bucket_shift];
        while (fp[i] < key) ++i;
        // (The sentinel's kNoCluster reads -1 too.)
        if (fp[i] == key) f = static_cast<int16_t>(fine[i]);
      }
      out[k] = f;
    }
  }
  // Inline, a guard check once the table is there (the decoding is apart:
  // inlined, it made every call save and restore six registers).
  static const WordClusters& Get() {
    static const WordClusters clusters = Load();
    return clusters;
  }

 private:
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  static WordClusters
  Load() {
    WordClusters c;
    if (!c.Parse(EmbeddedFile("ner/clusters.bin"))) c = WordClusters();
    return c;
  }
  // Format: scripts/ner_clusters.mjs. Rice coded fingerprint gaps, then the
  // fine clusters in fixed width; decoded once, on first use.
  bool Parse(std::string_view b) {
    if (b.size() < 18 || b.substr(0, 4) != "LNCL") return false;
    auto u32 = [&](size_t at) {
      uint32_t v;
      std::memcpy(&v, b.data() + at, 4);
      return v;
    };
    auto u16 = [&](size_t at) {
      uint16_t v;
      std::memcpy(&v, b.data() + at, 2);
      return v;
    };
    const uint32_t n = u32(8), nfine = u16(14), ncoarse = u16(16);
    bits_ = static_cast<uint8_t>(b[12]);
    const int r = static_cast<uint8_t>(b[13]);
    if (u32(4) != 1 || bits_ < 8 || bits_ > 32 || r > 24 || nfine == 0 || nfine >= kOtherScript ||
        ncoarse >= kNoCoarse - 2 || b.size() < 18 + nfine)
      return false;
    coarse_.assign(b.begin() + 18, b.begin() + 18 + nfine);
    for (uint8_t c : coarse_) {  // each fine cluster's coarse one: checked once
      if (c >= ncoarse) return false;
    }
    // The fingerprints: Rice coded gaps (ReadRiceBits, as the model's keys),
    // then the fine clusters in fixed width, from the bit after them.
    const std::string_view bits = b.substr(18 + nfine);
    const uint64_t total = static_cast<uint64_t>(bits.size()) * 8;
    uint64_t code_end = 0;
    // Each fingerprint takes r + 1 bits at least, and its fine cluster 1.
    if (static_cast<uint64_t>(n) * (r + 2) > total) return false;
    // The tables are not zero-filled: every entry is written, or Parse fails.
    // Each one entry longer: a sentinel after the last (the greatest
    // fingerprint, no cluster), written at the end.
    fp_.reset(new uint32_t[n + 1]);
    if (!ReadRiceBits(bits.data(), bits.size(), static_cast<uint32_t>(r), n, fp_.get(), &code_end))
      return false;
    uint64_t pos = code_end;
    int cbits = 1;
    while ((1u << cbits) < nfine) ++cbits;
    if (pos + static_cast<uint64_t>(n) * cbits > total) return false;
    fine_.reset(new uint16_t[n + 1]);
    const uint32_t cmask = (1u << cbits) - 1;
    uint32_t most = 0;  // the largest fine cluster read
    uint32_t i = 0;
    // Groups of `per` fine clusters (57 bits at most) from one load, while
    // the 8 bytes from pos's byte lie inside.
    const uint32_t per = static_cast<uint32_t>(57 / cbits);
    const uint64_t step = uint64_t{per} * static_cast<uint32_t>(cbits);
    const uint64_t groups =
        pos + 64 <= total ? std::min<uint64_t>(n / per, (total - 64 - pos) / step + 1) : 0;
    const char* src = bits.data();
    uint16_t* out = fine_.get();
    for (uint64_t g = 0; g < groups; ++g, pos += step) {
      uint64_t w;
      std::memcpy(&w, src + (pos >> 3), 8);
      w >>= pos & 7;
      for (uint32_t k = 0; k < per; ++k, w >>= cbits) {
        const uint32_t f = static_cast<uint32_t>(w) & cmask;
        most = std::max(most, f);
        *out++ = static_cast<uint16_t>(f);
      }
    }
    i = static_cast<uint32_t>(groups * per);
    for (; i < n; ++i, pos += cbits) {  // the last few: bit by bit
      uint32_t f = 0;
      for (int k = 0; k < cbits; ++k) {
        const uint64_t at = pos + k;
        f |= static_cast<uint32_t>((static_cast<unsigned char>(bits[at >> 3]) >> (at & 7)) & 1)
             << k;
      }
      most = std::max(most, f);
      fine_[i] = static_cast<uint16_t>(f);
    }
    if (most >= nfine) return false;
    // Buckets by the fingerprints' top bits, two to four fingerprints each:
    // bucket k holds fp_[start_[k] .. start_[k + 1]).
    int top = 1;
    while (top < bits_ && (size_t{4} << top) <= n) ++top;
    shift_ = static_cast<uint8_t>(bits_ - top);
    const uint32_t buckets = 1u << top;
    start_.reset(new uint32_t[buckets + 1]);
    // start_[k]: the first fingerprint of bucket k or after (n if none).
    const uint32_t* fp = fp_.get();
    uint32_t* const start = start_.get();
    const uint32_t shift = shift_;
    uint32_t k = 0;  // the first bucket not yet given its start
    for (i = 0; i < n; ++i) {
      for (const uint32_t b = fp[i] >> shift; k <= b; ++k) start[k] = i;
    }
    for (; k <= buckets; ++k) start[k] = n;
    fp_[n] = UINT32_MAX;
    fine_[n] = kNoCluster;
    return true;
  }
  std::unique_ptr<uint32_t[]> fp_;     // ascending, then UINT32_MAX
  std::unique_ptr<uint32_t[]> start_;  // per bucket of fingerprints (Parse)
  uint8_t shift_ = 0;                  // a fingerprint's bucket: fp >> shift_
  std::unique_ptr<uint16_t[]> fine_;   // per fingerprint, then kNoCluster
  std::vector<uint8_t> coarse_;        // per fine cluster
  uint8_t bits_ = 32;
};

uint8_t ClsOf(const Token& t);

// What Info() gives of a word's text: lower (only with kWithLower: else
// left as it is), sshape and, with `word_part`, exact, shape, pre and suf
// (else 0). Returns whether it has a letter of another script (kOtherScript).
// (Inlined: each caller's own copy, for its constants.)
template <bool kWithLower>
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline bool
InfoOfText(std::string_view w, bool word_part, TokInfo* info) {
  Hasher lower, exact, shape, sshape;
  char32_t first[4] = {0, 0, 0, 0};
  char32_t last[4] = {0, 0, 0, 0};  // ring
  int count = 0;
  bool other_script = false;
  char prev_shape = 0;
  // ASCII (most words), a byte a code point: Lower and ShapeChar from a
  // table, and the first and last four code points read off the bytes after
  // (the same values as the loop below gives).
  const auto* bytes = reinterpret_cast<const unsigned char*>(w.data());
  size_t ascii = 0;
  for (; ascii < w.size() && bytes[ascii] < 0x80; ++ascii) {
    const unsigned char b = bytes[ascii];
    const char s = kAsciiInfo.shape[b];
    if (kWithLower) lower.Add(static_cast<unsigned char>(kAsciiInfo.lower[b]));
    if (s != prev_shape) sshape.Add(static_cast<unsigned char>(s));
    prev_shape = s;
    if (word_part) {
      exact.Add(b);
      if (ascii < 10) shape.Add(static_cast<unsigned char>(s));
    }
  }
  if (ascii == w.size()) {
    count = static_cast<int>(ascii);
    auto lower_at = [&](int j) -> char32_t {
      return static_cast<unsigned char>(kAsciiInfo.lower[bytes[j]]);
    };
    for (int j = 0; j < count && j < 4 && word_part; ++j) first[j] = lower_at(j);
    for (int j = std::max(0, count - 4); j < count && word_part; ++j) last[j & 3] = lower_at(j);
  } else {  // another code point: the whole word again, a code point at a time
    lower = exact = shape = sshape = Hasher();
    prev_shape = 0;
    for (size_t i = 0; i < w.size();) {
      const unsigned char b = static_cast<unsigned char>(w[i]);
      char32_t c, l;
      char s;
      if (b < 0x80) {  // most code points: Lower and ShapeChar from a table
        c = b;
        l = static_cast<unsigned char>(kAsciiInfo.lower[b]);
        s = kAsciiInfo.shape[b];
        ++i;
      } else {
        int len;
        c = CodePointAt(w, i, &len);
        i += len;
        l = Lower(c);
        if (c >= 0x370 && (c < 0x1E00 || c > 0x1EFF) && IsLetter(c)) other_script = true;
        s = ShapeChar(c);
      }
      if (kWithLower) lower.Add(l);
      if (s != prev_shape) sshape.Add(static_cast<unsigned char>(s));
      prev_shape = s;
      if (word_part) {
        exact.Add(c == 0x2019 ? '\'' : c);
        if (count < 10) shape.Add(static_cast<unsigned char>(s));
        if (count < 4) first[count] = l;
        last[count & 3] = l;
      }
      ++count;
    }
  }
  if (kWithLower) info->lower = lower.Get();
  info->sshape = sshape.Get();
  info->exact = info->shape = 0;
  for (int k = 0; k < 3; ++k) info->pre[k] = info->suf[k] = 0;
  if (word_part) {
    if (count >= 10) shape.Add('+');
    info->exact = exact.Get();
    info->shape = shape.Get();
    // The affixes of k = 2, 3, 4 code points of a word of more than k (else
    // 0); the prefixes share their first code points: one hasher fed on.
    Hasher p;
    p.Add(first[0]);
    for (int k = 2; k <= 4 && k < count; ++k) {
      p.Add(first[k - 1]);
      Hasher s;
      for (int j = count - k; j < count; ++j) s.Add(last[j & 3]);
      info->pre[k - 2] = p.Get();
      info->suf[k - 2] = s.Get();
    }
  }
  return other_script;
}

// `cluster_dropout`: see Featurize. Without `word_part` only what the
// features of a neighbour read is filled in (lower, sshape, the clusters, cls);
// exact, shape, pre and suf (WordFeatures alone reads them) stay 0.
// Not inlined (g++ put it inside FeaturizeWith once the loops over the quiet
// tokens were gone: p35 0.11 M more than the calls).
#if defined(__GNUC__)
__attribute__((noinline))
#endif
TokInfo
Info(const Document& doc, const Token& t, int cluster_dropout = 0, bool word_part = true) {
  TokInfo info;
  const bool other_script = InfoOfText<true>(doc.Text(t), word_part, &info);
  const WordClusters& clusters = WordClusters::Get();
  info.fine = clusters.Fine(info.lower);
  // The table knows English text (GloVe 6B): a word in another script gets a
  // value of its own, which training hardly sees (so it weighs next to nothing).
  if (info.fine == kNoCluster && other_script) info.fine = kOtherScript;
  if (cluster_dropout > 0 && static_cast<int>(Mix(info.lower, 0xC1u) % 100) < cluster_dropout)
    info.fine = kNoCluster;
  info.coarse = clusters.Coarse(info.fine);
  info.cls = ClsOf(t);
  return info;
}

// InfoOfText<false> of word `w`, not inlined: a copy for each kWordPart.
template <bool kWordPart>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
bool TextPartOf(std::string_view w, TokInfo* info) {
  return InfoOfText<false>(w, kWordPart, info);
}

// True when the n bytes at p (1 to 8, in a text that ends at `end`) are all
// ASCII lower-case letters (most words that are only ever a neighbour): one
// load when the text goes on eight bytes from p.
inline bool IsLowerAsciiWord(const char* p, size_t n, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n - 1 < 8 && end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    const uint64_t keep = ~0ull >> (64 - 8 * n);
    x = (x & keep) | (0x6161616161616161ull & ~keep);  // an 'a' past the word
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    // Each byte below 0x80; then b + 0x1F reaches 0x80 for b >= 'a' and
    // b + 0x05 for b > 'z', with no carry into the next byte.
    return (x & kHigh) == 0 && ((x + 0x1F1F1F1F1F1F1F1Full) & kHigh) == kHigh &&
           ((x + 0x0505050505050505ull) & kHigh) == 0;
  }
#endif
  (void)p;
  (void)n;
  (void)end;
  return false;
}

// ClsOf by the token's kind (the first kKinds) and its kCapitalized and
// kAllCaps bits: a load, not a switch and its tests (the tagger asks for a
// token's class at every token of its windows).
constexpr unsigned kKinds = 5;
struct ClsTable {
  uint8_t at[kKinds][4] = {};
  constexpr ClsTable() {
    static_assert(kCapitalized == 1 && kAllCaps == 2, "the case bits index the table");
    for (unsigned f = 0; f < 4; ++f) {
      const bool caps = f & kAllCaps, cap = f & kCapitalized;
      at[static_cast<unsigned>(TokenKind::kWord)][f] = caps ? kClsCaps : cap ? kClsCap : kClsLower;
      // "6PR", "3M": capitals make a name of it, as in "MTV2".
      at[static_cast<unsigned>(TokenKind::kNumber)][f] = caps ? kClsCaps : kClsNumber;
      at[static_cast<unsigned>(TokenKind::kPunct)][f] = kClsPunct;
      at[static_cast<unsigned>(TokenKind::kQuote)][f] = kClsOther;
      at[static_cast<unsigned>(TokenKind::kSymbol)][f] = kClsOther;
    }
  }
};
constexpr ClsTable kClsTable;

uint8_t ClsOf(const Token& t) {
  const unsigned kind = static_cast<unsigned>(t.kind);
  return kind < kKinds ? kClsTable.at[kind][t.flags & (kCapitalized | kAllCaps)]
                       : static_cast<uint8_t>(kClsOther);
}

// ClsOf(t) == kClsLower (a word with neither case bit), without the table's
// load: the tagger's context bag asks it of every token it slides over.
inline bool IsClsLower(const Token& t) {
  return t.kind == TokenKind::kWord && !(t.flags & (kCapitalized | kAllCaps));
}
constexpr bool ClsLowerIsOneEntry() {
  for (unsigned k = 0; k < kKinds; ++k) {
    for (unsigned f = 0; f < 4; ++f) {
      const bool lower = kClsTable.at[k][f] == kClsLower;
      if (lower != (k == static_cast<unsigned>(TokenKind::kWord) && f == 0)) return false;
    }
  }
  return true;
}
static_assert(ClsLowerIsOneEntry(), "IsClsLower reads kClsTable's one kClsLower entry");

// Info() of a token by its bytes, kept for the thread's next documents: its
// text decides all of it but the case class (set per token). News repeats
// its names and the tokens around them from one article to the next ("Trump",
// ",", "2024"), so many are found here, not worked out again. InfoCache keeps
// here the whole Info of the words it scores and the Info of the tokens that
// are no words (a word that is only a neighbour takes its hash and cluster
// from the DocContext and its sshape from its text: cheaper than a look-up
// here). Words of up to kKeyBytes bytes (almost all), by their bytes (no
// hash to compare, no text to keep); `full` as Info's `word_part`. A table of
// 2,048 entries in sets of two (128 KB) a tagging thread, allocated at its
// first document (at 512 entries, p35 read 0.18 M more).
class KeptInfos {
 public:
  static KeptInfos& ForThread() {
    static thread_local std::unique_ptr<KeptInfos> kept;
    if (!kept) kept.reset(new KeptInfos());
    return *kept;
  }
  // Info(doc, t, 0, full) but its cls (left as it was: ClsOf(t) is the
  // caller's), valid until the next call; `make(TokInfo*)` fills it in when
  // it is not here.
  template <typename Make>
  const TokInfo& Get(const Document& doc, const Token& t, bool full, Make make) {
    const uint32_t len = t.span.end - t.span.start;
    if (len == 0 || len > kKeyBytes) {
      make(&other_);
      return other_;
    }
    uint64_t k[2] = {0, 0};
    const char* p = doc.text.data() + t.span.start;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (doc.text.size() - t.span.start >= kKeyBytes) {  // one load, the bytes past the word cleared
      std::memcpy(k, p, kKeyBytes);
      if (len <= 8) {
        k[0] &= ~0ull >> (64 - 8 * len);
        k[1] = 0;
      } else {
        k[1] &= ~0ull >> (128 - 8 * len);
      }
    } else
#endif
    {
      std::memcpy(k, p, len);
    }
    // Two entries a set: a word found in neither goes to the first, and the
    // first's to the second (the least recently filled one goes).
    Entry* set =
        &entries_[(((k[0] ^ (k[1] + len) * 0xC2B2AE3D27D4EB4Full) * 0x9E3779B97F4A7C15ull) >>
                   (64 - kSetBits)) *
                  2];
    const uint8_t need = full ? 2 : 1;
    // len_have first: an empty entry's key was never written.
    auto found = [&](const Entry& e) {
      return (e.len_have >> 2) == len && (e.len_have & 3) >= need && e.k[0] == k[0] &&
             e.k[1] == k[1];
    };
    if (found(set[0])) return set[0].info;
    if (found(set[1])) return set[1].info;
    set[1] = set[0];
    Entry& e = set[0];
    make(&e.info);
    e.k[0] = k[0];
    e.k[1] = k[1];
    e.len_have = static_cast<uint8_t>(len << 2 | need);
    return e.info;
  }

 private:
  static constexpr uint32_t kKeyBytes = 16, kSetBits = 10;
  struct Entry {
    uint64_t k[2];
    TokInfo info;
    uint8_t len_have = 0;  // len << 2 | 1 (the neighbour part) or 2 (all); 0: empty
  };
  // Not zero-filled: an entry is read only past its len_have.
  std::unique_ptr<Entry[]> entries_{new Entry[size_t{2} << kSetBits]};
  TokInfo other_;  // a longer word's
};

// Info() by word id (Document::word), for one document: most words recur,
// and the text decides everything but the case class (ClsOf, per token).
// A word's lower-case hash and fine cluster are the DocContext's
// (BuildDocContext's `lower` and `fine`), not worked out again; the rest comes
// from its text (and KeptInfos for a scored word's, a token's that is no word).
// Most words are only ever a neighbour: their word part (exact, shape,
// affixes) is computed only when a token of theirs is scored itself
// (Scored), and then handed to `on_word` once, not kept; a word keeps the
// neighbour part (what the tagger reads of its neighbours), 12 bytes a word
// (a whole TokInfo, 44 bytes, was kept before: part of the tagger's peak
// memory). Model::Tag asks it for the tokens it reads, as it reads them (no
// copy of each sequence's infos).
class InfoCache {
 public:
  struct Entry {
    uint32_t lower = 0, sshape = 0;
    uint16_t fine = 0;
    uint8_t coarse = 0;
    uint8_t have = 0;  // 0 nothing, 1 the neighbour part, 2 on_word called
  };
  static_assert(sizeof(Entry) == 12, "12 bytes a word");
  // Called once per word id, the first time one of its tokens is Scored,
  // with the word's whole TokInfo (cls: that token's).
  using OnWord = void (*)(void* context, uint32_t word, const TokInfo& info);
  // `loud`: a bit a token, set for those that are scored (LoudBits').
  // `context`: the document's (its `lower` and `fine`, read for the words).
  InfoCache(const Document& doc, const DocContext& context, const uint64_t* loud, OnWord on_word,
            void* on_word_context)
      : doc_(doc),
        text_end_(doc.text.data() + doc.text.size()),
        lower_(context.lower.data()),
        fine_(context.fine.data()),
        coarse_(WordClusters::Get().CoarseTable()),
        loud_(loud),
        cache_(doc.words()),
        on_word_(on_word),
        context_(on_word_context),
        kept_(KeptInfos::ForThread()) {}
  // The neighbour part of token `token`'s word (lower, sshape, fine, coarse).
  // A token that is scored itself (its `loud` bit) fills its word whole at
  // once, as Scored will ask for it.
  const Entry& Neighbour(uint32_t token) {
    Entry& e = cache_[doc_.word[token]];
    if (e.have == 0) Fill(token, BitAt(loud_, token), &e);
    return e;
  }
  // The same for a token that is scored: its word's on_word has been called.
  const Entry& Scored(uint32_t token) {
    Entry& e = cache_[doc_.word[token]];
    if (e.have < 2) Fill(token, true, &e);
    return e;
  }
  // Frees the cache (no call after).
  void Release() { std::vector<Entry>().swap(cache_); }

 private:
  void Fill(uint32_t token, bool full, Entry* e) {
    const Token& t = doc_.tokens[token];
    if (t.kind != TokenKind::kWord) {
      FillByText(t, full, e);
      return;
    }
    // A word's lower-case hash and fine cluster are the context's (every
    // token that is a word has them there): its text gives the rest.
    const uint32_t w = doc_.word[token];
    if (full) {
      FillScoredWord(t, w, e);
      return;
    }
    const char* const p = doc_.text.data() + t.span.start;
    const size_t n = t.span.end - t.span.start;
    bool other_script = false;
    if (IsLowerAsciiWord(p, n, text_end_)) {
      Hasher sshape;  // "x"
      sshape.Add('x');
      e->sshape = sshape.Get();
    } else {
      TokInfo info;
      other_script = TextPartOf<false>(std::string_view(p, n), &info);
      e->sshape = info.sshape;
    }
    e->lower = lower_[w];
    Clusters(fine_[w], other_script, &e->fine, &e->coarse);
    e->have = 1;
  }
  // Info's fine and coarse clusters of a word whose fine cluster is `fine`
  // (DocContext::fine: -1 for none).
  void Clusters(int16_t fine, bool other_script, uint16_t* fine_out, uint8_t* coarse_out) const {
    if (fine >= 0) {
      *fine_out = static_cast<uint16_t>(fine);
      *coarse_out = coarse_[fine];
    } else {
      // (Info's kOtherScript for a word in another script, and
      // WordClusters::Coarse's values of the two.)
      *fine_out = other_script ? kOtherScript : kNoCluster;
      *coarse_out = static_cast<uint8_t>(kNoCoarse - (kNoCluster - *fine_out));
    }
  }
  // Fill of a scored word token t of word w: its whole info is kept for the
  // thread's next documents (KeptInfos), as those of tokens that are no word.
  void FillScoredWord(const Token& t, uint32_t w, Entry* e) {
    TokInfo info = kept_.Get(doc_, t, true, [&](TokInfo* made) {
      const std::string_view text(doc_.text.data() + t.span.start, t.span.end - t.span.start);
      const bool other_script = TextPartOf<true>(text, made);
      made->lower = lower_[w];
      Clusters(fine_[w], other_script, &made->fine, &made->coarse);
    });
    e->lower = info.lower;
    e->sshape = info.sshape;
    e->fine = info.fine;
    e->coarse = info.coarse;
    info.cls = ClsOf(t);
    e->have = 2;
    on_word_(context_, w, info);
  }
  // Fill of a token that is no word, by its text (punctuation, numbers).
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  void
  FillByText(const Token& t, bool full, Entry* e) {
    const TokInfo& info =
        kept_.Get(doc_, t, full, [&](TokInfo* made) { *made = Info(doc_, t, 0, full); });
    e->lower = info.lower;
    e->sshape = info.sshape;
    e->fine = info.fine;
    e->coarse = info.coarse;
    if (full) {
      TokInfo whole = info;
      whole.cls = ClsOf(t);
      e->have = 2;
      on_word_(context_, doc_.word[&t - doc_.tokens.data()], whole);
    } else {
      e->have = 1;
    }
  }
  const Document& doc_;
  const char* text_end_;
  const uint32_t* lower_;
  const int16_t* fine_;
  const uint8_t* coarse_;  // WordClusters' table
  const uint64_t* loud_;
  std::vector<Entry> cache_;
  OnWord on_word_;
  void* context_;
  KeptInfos& kept_;
};

// LowerHash from byte k of w on, `h` the FNV-1a state of the bytes before it
// (the loop LowerHash was, one code point at a time: any text).
#if defined(__GNUC__)
__attribute__((noinline))
#endif
uint32_t
LowerHashFrom(std::string_view w, size_t k, uint32_t state) {
  Hasher h;
  h.h = state;
  while (k < w.size()) {
    const unsigned char b = static_cast<unsigned char>(w[k]);
    if (b < 0x80) {
      h.Add(static_cast<unsigned char>(kAsciiInfo.lower[b]));
      ++k;
      continue;
    }
    int len;
    char32_t ch = CodePointAt(w, k, &len);
    k += len;
    h.Add(Lower(ch));
  }
  return h.Get();
}

// FNV-1a of the Lower() code points of `w`, finalized (Hasher::Get). ASCII
// (most words) is read 8 or 4 bytes at a time, lower-cased in one step
// ('A'..'Z' plus 32 where each byte is below 0x80), then hashed byte by byte
// in text order: the same value as one code point at a time. The rest of a
// word from its first byte >= 0x80 on goes to LowerHashFrom.
inline uint32_t LowerHash(std::string_view w) {
  const char* p = w.data();
  const size_t n = w.size();
  uint32_t h = 2166136261u;
  size_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; k + 8 <= n; k += 8) {
    uint64_t x;
    std::memcpy(&x, p + k, 8);
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    if (x & kHigh) return LowerHashFrom(w, k, h);
    x = LowerAscii8(x);
    for (int j = 0; j < 8; ++j) h = (h ^ static_cast<uint32_t>((x >> (8 * j)) & 0xFF)) * 16777619u;
  }
  if (k + 4 <= n) {
    uint32_t x;
    std::memcpy(&x, p + k, 4);
    constexpr uint32_t kHigh = 0x80808080u;
    if (x & kHigh) return LowerHashFrom(w, k, h);
    x |= ((x + 0x3F3F3F3Fu) & ~(x + 0x25252525u) & kHigh) >> 2;
    for (int j = 0; j < 4; ++j) h = (h ^ ((x >> (8 * j)) & 0xFF)) * 16777619u;
    k += 4;
  }
#endif
  for (; k < n; ++k) {
    const unsigned char b = static_cast<unsigned char>(p[k]);
    if (b >= 0x80) return LowerHashFrom(w, k, h);
    h = (h ^ static_cast<unsigned char>(kAsciiInfo.lower[b])) * 16777619u;
  }
  return Fmix(h);
}

// LowerHash of the n bytes at p, in a text that ends at `end`. A word of up
// to eight ASCII bytes (most) is read in one load when the text goes on
// eight bytes from p: its capitals lowered at once and its bytes hashed by
// straight-line steps entered at its length (no test a byte, no table): the
// same value. Any other word goes to LowerHash.
inline uint32_t LowerHashIn(const char* p, size_t n, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n - 1 < 8 && end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    x &= ~0ull >> (64 - 8 * n);
    if ((x & 0x8080808080808080ull) == 0) {
      x = LowerAscii8(x);
      uint32_t h = 2166136261u;
      // Each step hashes the lowest byte left and drops it: the first byte first.
#define LEDE_FNV_STEP                                    \
  h = (h ^ static_cast<uint32_t>(x & 0xFF)) * 16777619u; \
  x >>= 8
      switch (n) {
        case 8:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 7:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 6:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 5:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 4:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 3:
          LEDE_FNV_STEP;
          [[fallthrough]];
        case 2:
          LEDE_FNV_STEP;
          [[fallthrough]];
        default:
          LEDE_FNV_STEP;
      }
#undef LEDE_FNV_STEP
      return Fmix(h);
    }
  }
#endif
  return LowerHash(std::string_view(p, n));
}

constexpr int kMaxPhrase = 6;
constexpr uint32_t kPhraseSeed = 0x6a09e667u;

// A static hash -> small value map, open addressing (255 marks an empty slot).
class FlatMap {
 public:
  // The first value given for a key wins. Not inlined: it runs once a table,
  // at first use, and its copies were code to download.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  void
  Build(const std::vector<std::pair<uint32_t, uint8_t>>& items) {
    size_t size = 16;
    while (size < 2 * items.size()) size <<= 1;
    mask_ = static_cast<uint32_t>(size - 1);
    keys_.assign(size, 0);
    vals_.assign(size, 255);
    for (const auto& [k, v] : items) {
      uint32_t j = k & mask_;
      while (vals_[j] != 255 && keys_[j] != k) j = (j + 1) & mask_;
      if (vals_[j] == 255) {
        keys_[j] = k;
        vals_[j] = v;
      }
    }
  }
  int Get(uint32_t k) const {
    for (uint32_t j = k & mask_;; j = (j + 1) & mask_) {
      if (vals_[j] == 255) return -1;
      if (keys_[j] == k) return vals_[j];
    }
  }

 private:
  std::vector<uint32_t> keys_;
  std::vector<uint8_t> vals_;
  uint32_t mask_ = 0;
};

// Lexicon phrases as chained hashes of their tokens' lower-case hashes.
struct Gazetteer {
  FlatMap phrases;  // hash -> category
  FlatMap firsts;   // first token hash -> 1
  // The hashes of the phrases' first 1 .. m - 1 tokens (m: a phrase's), as
  // `phrases` chains them -> 1: a longer phrase can match only past one of them.
  FlatMap prefixes;
  bool IsFirst(uint32_t h) const { return firsts.Get(h) >= 0; }
  int Category(uint32_t h) const { return phrases.Get(h); }
  bool IsPrefix(uint32_t h) const { return prefixes.Get(h) >= 0; }
  static const Gazetteer& Get() {
    static const Gazetteer g = [] {
      Gazetteer g;
      std::vector<std::pair<uint32_t, uint8_t>> phrases, firsts, prefixes;
      for (const auto& entry : NameLexicon::Get().phrases) {
        // Not a structured binding: Emscripten's clang 14 cannot capture one in a lambda.
        const std::string& phrase = entry.first;
        // The spans of BuildDocument's tokens, without the rest of a Document.
        const std::vector<Token> tokens = Tokenize(phrase);
        if (tokens.empty() || tokens.size() > kMaxPhrase) continue;
        auto text = [&](const Token& t) {
          return std::string_view(phrase).substr(t.span.start, t.span.end - t.span.start);
        };
        uint32_t h = kPhraseSeed;
        for (size_t k = 0; k < tokens.size(); ++k) {
          if (k > 0) prefixes.emplace_back(h, 1);
          h = Mix(h, LowerHash(text(tokens[k])));
        }
        phrases.emplace_back(h, static_cast<uint8_t>(entry.second));
        firsts.emplace_back(LowerHash(text(tokens[0])), 1);
      }
      g.phrases.Build(phrases);
      g.firsts.Build(firsts);
      g.prefixes.Build(prefixes);
      return g;
    }();
    return g;
  }
};

// Large single-word lists (core/data/ner/lists.bin), for the tagger only: a
// word in them is likely, not certainly, that kind of name, so the model
// weighs them (they do not type names in entities.cc).
const WordListTable& WordLists() {
  static const WordListTable lists = [] {
    WordListTable t;
    t.Parse(EmbeddedFile("ner/lists.bin"));
    return t;
  }();
  return lists;
}

// Word-bits of the document context.
enum WordBit : uint8_t {
  kSeenCapMid = 1,    // capitalized inside a sentence
  kSeenLower = 2,     // lower case somewhere
  kSeenCapsMid = 4,   // ALL CAPS inside a sentence of ordinary case
  kSeenRunFirst = 8,  // first of a run of capitalized words ("Volodymyr Zelensky")
  kSeenRunLast = 16,  // last of such a run
};
// BuildDocContext keeps in the top two bits of a word's bits how many of its
// tokens take part in the history (HasHistory), counted up to 2 (DocBags).
constexpr uint8_t kOccOnce = 0x40, kOccTwice = 0x80, kSeenMask = 0x1F;

}  // namespace

bool IsListedGivenName(std::string_view word) {
  Hasher h;
  for (size_t k = 0; k < word.size();) {
    int len;
    char32_t c = Lower(CodePointAt(word, k, &len));
    k += len;
    if (c >= 0x300 && c <= 0x36F) continue;  // combining accents ("Jose\u0301")
    // Latin-1 letters with accents, as the ASCII letter (the list is ASCII).
    if (c >= 0xE0 && c <= 0xFF && c != 0xF7) {
      static constexpr char kBase[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
      c = static_cast<unsigned char>(kBase[c - 0xE0]);
    }
    h.Add(c);
  }
  return (WordLists().Get(h.Get()) & WordListTable::kGivenName) != 0;
}

std::string WordListsFile(std::string_view cities, std::string_view given_names) {
  std::string out = "LNWL";
  for (std::string_view text : {cities, given_names}) {
    std::vector<uint32_t> keys;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      const std::string_view w = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (!w.empty() && w[0] != '#') keys.push_back(LowerHash(w));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    const uint32_t n = static_cast<uint32_t>(keys.size());
    out.append(reinterpret_cast<const char*>(&n), 4);
    AppendRiceCoded(keys, &out);
  }
  return out;
}

bool WordListTable::Parse(std::string_view b) {
  *this = WordListTable();
  if (b.size() < 4 || b.substr(0, 4) != "LNWL") return false;
  // Each list's hashes, ascending (ReadRiceCoded writes every one, or fails:
  // not zero-filled).
  std::unique_ptr<uint32_t[]> lists[2];
  uint32_t count[2];
  size_t at = 4;
  for (int l = 0; l < 2; ++l) {
    if (b.size() - at < 4) return false;
    std::memcpy(&count[l], b.data() + at, 4);
    at += 4;
    // A key takes a bit of the code at least (whose size is in its head).
    if (count[l] > (b.size() - at) * 8) return false;
    lists[l].reset(new uint32_t[count[l]]);
    const size_t read = ReadRiceCoded(b.substr(at), count[l], lists[l].get());
    if (read == 0) return false;
    at += read;
  }
  if (at != b.size()) return false;
  // Both lists merged, in ascending order, into slots by their top bits: about
  // twice as many slots as hashes, and a few more at the end, which a run of
  // slots may pass into (the last is always left empty). A hash goes to its
  // home slot or, if that is taken, to the one after the last filled.
  const size_t n = size_t{count[0]} + count[1];
  int bits = 4;
  while (bits < 31 && (size_t{1} << bits) < 2 * n) ++bits;
  const uint32_t shift = static_cast<uint32_t>(32 - bits);
  const uint32_t *const cities = lists[0].get(), *const given = lists[1].get();
  for (size_t extra = 64;; extra = n + 1) {  // then surely enough
    const size_t size = (size_t{1} << bits) + extra;
    keys_.reset(new uint32_t[size]);  // read only where filled
    bits_.reset(new uint8_t[size]());
    uint32_t* const keys = keys_.get();
    uint8_t* const filled = bits_.get();
    size_t next = 0;
    // False if the hash would take the last slot: the table is too short.
    auto put = [&](uint32_t k, uint8_t list) {
      size_t j = k >> shift;
      j = j < next ? next : j;
      keys[j] = k;
      filled[j] = list;
      next = j + 1;
      return next < size;
    };
    const uint32_t *c = cities, *const c_end = cities + count[0];
    const uint32_t *g = given, *const g_end = given + count[1];
    bool fits = true;
    if (c != c_end && g != g_end) {
      for (;;) {
        if (*c < *g) {
          fits = put(*c, kCity);
          if (!fits || ++c == c_end) break;
        } else if (*g < *c) {
          fits = put(*g, kGivenName);
          if (!fits || ++g == g_end) break;
        } else {  // in both lists
          fits = put(*c, kCity | kGivenName);
          ++c;
          ++g;
          if (!fits || c == c_end || g == g_end) break;
        }
      }
    }
    for (; fits && c != c_end; ++c) fits = put(*c, kCity);
    for (; fits && g != g_end; ++g) fits = put(*g, kGivenName);
    if (fits) break;
  }
  shift_ = shift;
  return true;
}

int WordListTable::Of(std::string_view word) const { return Get(LowerHash(word)); }

int WordCluster(std::string_view word) { return WordClusterOfLower(LowerHash(word)); }

uint32_t LowerCaseHash(std::string_view word) { return LowerHash(word); }

int WordClusterOfLower(uint32_t lower) {
  const uint16_t fine = WordClusters::Get().Fine(lower);
  return fine == kNoCluster ? -1 : fine;
}

int CoarseCluster(int fine) {
  return fine < 0 ? -1 : WordClusters::Get().Coarse(static_cast<uint16_t>(fine));
}

const uint8_t* CoarseClusters() { return WordClusters::Get().CoarseTable(); }

const char* TypeName(int type) {
  static const char* const kNames[] = {"PER", "ORG", "LOC", "MISC"};
  return type >= 0 && type < kNumTypes ? kNames[type] : "O";
}

std::vector<std::pair<uint32_t, uint32_t>> Sequences(const Document& doc) {
  // A paragraph longer than kLong tokens is cut at sentence ends (a sentence
  // longer than kMax tokens, at any token): work buffers stay small whatever
  // the input, and the cut costs nothing the features could see.
  constexpr uint32_t kLong = 400, kMax = 4096;
  std::vector<std::pair<uint32_t, uint32_t>> out;
  out.reserve(doc.paragraphs.size());
  for (const Paragraph& p : doc.paragraphs) {
    if (p.begin >= p.end) continue;
    const uint32_t end = doc.sentences[p.end - 1].end;
    uint32_t begin = doc.sentences[p.begin].begin;
    if (end - begin <= kLong) {
      out.emplace_back(begin, end);
      continue;
    }
    for (uint32_t s = p.begin; s < p.end; ++s) {
      const uint32_t se = doc.sentences[s].end;
      while (se - begin > kMax) {
        out.emplace_back(begin, begin + kMax);
        begin += kMax;
      }
      if (se - begin >= kLong || s + 1 == p.end) {
        if (se > begin) out.emplace_back(begin, se);
        begin = se;
      }
    }
  }
  return out;
}

namespace {

// The document's context bag of each capitalized word with two or more
// capitalized tokens (DocContext::bag): "Azna" seven times in an article, with
// "the band" around one mention and "their album" around another. The coarse
// clusters (64) of the lower-case words within kDocBagWindow tokens of its
// tokens, the kDocBagMax most frequent of those seen twice or more. (Fine
// clusters, or more of them: WikiGold CV no better or worse, see
// docs/entities.md.)
constexpr uint32_t kDocBagWindow = 4;
constexpr uint32_t kDocBagMax = 8;
// `bits`: per lower-case word id, its HasHistory() tokens counted up to 2 in
// the top two bits; `history`: a bit per token, set for those (BuildDocContext).
void DocBags(const Document& doc, const std::vector<uint8_t>& bits,
             const std::vector<uint64_t>& history, DocContext* c) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  const uint32_t nwords = c->words;
  c->bag_start.assign(nwords + 1, 0);
  // The HasHistory() tokens of each word id with two or more, grouped by
  // their id (a counting sort, bag_start the offsets: `listed` holds id's
  // from bag_start[id] on); a bag is the same whatever the order of its
  // word's tokens, so each is read by its word at once.
  // (The vectors through pointers held here: a byte or a count stored may
  // alias any vector's own pointers, which would be loaded again each time.)
  uint32_t* const at = c->bag_start.data();
  const Token* const tokens = doc.tokens.data();
  const uint32_t* const token_word = doc.word.data();
  const uint32_t* const word_of = c->word_of.data();
  const int16_t* const fine_of = c->fine.data();
  const uint8_t* const bits_of = bits.data();
  const uint64_t* const hist = history.data();
  const size_t blocks = history.size();
  auto each = [&](auto f) {
    for (size_t block = 0; block < blocks; ++block) {
      for (uint64_t u = hist[block]; u; u &= u - 1) {
        const uint32_t i =
            static_cast<uint32_t>(block * 64) + static_cast<uint32_t>(__builtin_ctzll(u));
        const uint32_t id = word_of[token_word[i]];
        if (bits_of[id] >= kOccTwice) f(i, id);
      }
    }
  };
  each([&](uint32_t, uint32_t id) { ++at[id + 1]; });
  for (uint32_t id = 0; id < nwords; ++id) at[id + 1] += at[id];
  if (at[nwords] == 0) return;
  const WordClusters& clusters = WordClusters::Get();
  std::vector<uint32_t> listed(at[nwords]);
  each([&](uint32_t i, uint32_t id) { listed[at[id]++] = i; });
  // Now id's tokens end at at[id] (and start where id - 1's end).
  // A word's clusters counted, and the ones it has, in the order first seen.
  uint32_t count[256] = {};
  uint8_t seen[256];
  std::vector<std::pair<uint32_t, uint16_t>> kept;  // (-count, cluster) of one word
  uint32_t group = 0;
  uint32_t filled = static_cast<uint32_t>(c->bag.size());  // held here
  for (uint32_t id = 0; id < nwords; ++id) {
    const uint32_t first = group, last = at[id];
    group = last;
    at[id] = filled;
    if (first == last) continue;  // most words: fewer than two history tokens
    int nseen = 0;
    for (uint32_t x = first; x < last; ++x) {
      const uint32_t i = listed[x];
      const uint32_t from = i > kDocBagWindow ? i - kDocBagWindow : 0;
      const uint32_t to = std::min(n, i + kDocBagWindow + 1);
      // (Token i is none of them: a HasHistory() token is never kLower,
      // NerModelTest.HistoryTokensAreNotLowerCase.)
      for (uint32_t j = from; j < to; ++j) {
        const Token& t = tokens[j];
        if (!t.Is(kLower) || t.kind != TokenKind::kWord) continue;
        // (The word's fine cluster from the context, -1 for none.)
        const int fine = fine_of[token_word[j]];
        if (fine < 0) continue;
        const uint8_t cl = clusters.CoarseOfFound(static_cast<uint16_t>(fine));
        if (count[cl]++ == 0) seen[nseen++] = cl;
      }
    }
    if (nseen == 0) continue;
    kept.clear();
    for (int x = 0; x < nseen; ++x) {
      const uint8_t cl = seen[x];
      if (count[cl] >= 2) kept.emplace_back(UINT32_MAX - count[cl], cl);
      count[cl] = 0;
    }
    std::sort(kept.begin(), kept.end());
    if (kept.size() > kDocBagMax) kept.resize(kDocBagMax);
    for (const auto& k : kept) c->bag.push_back(k.second);
    filled = static_cast<uint32_t>(c->bag.size());
  }
  at[nwords] = filled;
}

}  // namespace

DocContext BuildDocContext(const Document& doc) {
  DocContext c;
  const size_t n = doc.tokens.size();
  c.caps_line.doc = &doc;
  c.caps_line.by_sentence.assign(doc.sentences.size(), 0);
  // How each word is written where its case tells something.
  std::vector<uint8_t> bits;  // per word id: WordBit, and kOccOnce / kOccTwice
  // Per Document word id: its lower-case hash and its id here (words that
  // differ only in case share the latter), computed at its first token.
  std::vector<uint32_t>& lower = c.lower;
  lower.assign(doc.words(), 0);
  // And its fine cluster, looked up after the pass below (taken here, beside
  // `lower`: both are freed together, by Tag).
  c.fine.resize(doc.words());
  std::vector<uint32_t>& word_id = c.word_of;
  word_id.assign(doc.words(), 0);
  c.lists.word = c.word_bits.word = doc.word.data();
  // Per Document word id, until the end: its WordList bits (looked up with
  // its id when its tokens are capitalized or ALL CAPS, of 3 bytes or more;
  // every token of a word has its text), kHasId once it has its id in
  // word_id (at its first token that is a word or takes part in the
  // history), and in the top four bits, set with kHasId, what a lexicon
  // phrase from one of its tokens can be (the gazetteer's pass below reads
  // it): kGazNone; kGazSearch when a phrase of two or more tokens may start
  // with it (searched token by token); kGazOne + category when the word
  // alone is a phrase and no longer one starts with it ("minister",
  // "French": in p35 2,182 of the 4,872 searches were of these and ended at
  // their first token), whose tokens need no search. The pass over every
  // token reads one byte for all.
  constexpr uint8_t kHasId = 0x04, kGazShift = 4;
  constexpr int kGazNone = 0, kGazSearch = 1, kGazOne = 2;
  static_assert(NameLexicon::kFirstName + kGazOne < 16, "a category fits in the top four bits");
  static_assert(((WordListTable::kCity | WordListTable::kGivenName) & (kHasId | 0xF0)) == 0,
                "the marks are not WordList bits");
  std::vector<uint8_t>& by_word = c.lists.by_word;
  by_word.assign(doc.words(), 0);
  const WordListTable& lists = WordLists();
  const Gazetteer& gaz = Gazetteer::Get();
  const std::string_view text = doc.text;
  const char* const text_data = text.data();
  const char* const text_end = text_data + text.size();
  // Longest lexicon phrase from each token, left to right: searched from a
  // token of a word that may start one (kGazSearch), at or past `gaz_next`
  // (the end of the last phrase found). The pass below marks where phrases
  // start (n / 8 bytes) and keeps each one's length and category (a byte a
  // phrase, in text order); c.gazetteer (n bytes) is filled from them at the
  // end, once DocBags' tables are freed: taken here, it stayed under them
  // and raised the wasm heap top of 5 MB of news from 7.17x to 7.50x.
  std::vector<uint64_t> phrase_bits((n + 63) / 64, 0);
  std::vector<uint8_t> phrases;  // length | category << 3
  static_assert(kMaxPhrase < 8, "a phrase's length fits in 3 bits");
  size_t gaz_next = 0;
  // Not inlined into the pass over every token below (a search from 1 token
  // in 8 in p35): inlined, its registers were that pass's too.
#if defined(__GNUC__)
#define LEDE_NER_NOINLINE __attribute__((noinline))
#define LEDE_NER_INLINE __attribute__((always_inline))
#else
#define LEDE_NER_NOINLINE
#define LEDE_NER_INLINE
#endif
  // A word that is a phrase alone and starts no longer one (kGazOne + its
  // category, `gaz_code`): the search's result without the search.
  auto one_word = [&](size_t i, int gaz_code) LEDE_NER_NOINLINE {
    const int found = gaz_code - kGazOne;
    if (found == NameLexicon::kRole || found == NameLexicon::kOrgWord ||
        !doc.tokens[i].Is(kLower)) {
      phrase_bits[i >> 6] |= uint64_t{1} << (i & 63);
      phrases.push_back(static_cast<uint8_t>(1 | found << 3));
      gaz_next = i + 1;
    }
  };
  auto phrase_from = [&](size_t i) LEDE_NER_NOINLINE {
    const Token& t = doc.tokens[i];
    uint32_t h = kPhraseSeed;
    size_t best = 0;
    uint8_t cat = 0;
    for (size_t k = i; k < n && k < i + kMaxPhrase; ++k) {
      const Token& x = doc.tokens[k];
      if (k > i && (x.Is(kParagraphStart) || x.Is(kSentenceStart))) break;
      // A word's lower-case hash: set at its first token, or here, ahead of
      // it in the sentence (then set again to the same value there).
      uint32_t xh;
      if (x.kind == TokenKind::kWord) {
        uint32_t& l = lower[doc.word[k]];
        if (l == 0) l = LowerHashIn(text_data + x.span.start, x.span.end - x.span.start, text_end);
        xh = l;
      } else {
        xh = LowerHashIn(text_data + x.span.start, x.span.end - x.span.start, text_end);
      }
      h = Mix(h, xh);
      const int found = gaz.Category(h);
      if (found >= 0) {
        const bool role = found == NameLexicon::kRole || found == NameLexicon::kOrgWord;
        if (role || !t.Is(kLower)) {
          best = k + 1 - i;
          cat = static_cast<uint8_t>(found);
        }
      }
      // No phrase is longer than these tokens: none matches further on.
      if (!gaz.IsPrefix(h)) break;
    }
    if (best > 0) {
      phrase_bits[i >> 6] |= uint64_t{1} << (i & 63);
      phrases.push_back(static_cast<uint8_t>(best | cat << 3));
      gaz_next = i + best;
    }
  };
  // A sentence at a time: a pass over its tokens for its caps_line value,
  // each word's first token (its lower-case hash and id) and the lexicon
  // phrases, which also sets the bits of its HasHistory() tokens; then one
  // over those (capitalized or ALL CAPS), the only ones whose case or place
  // adds to their word's bits past its first token (any other token is a
  // word written in lower case, kSeenLower, or none of the words' at all).
  // The bits are DocBags' too, then freed (n / 8 bytes).
  std::vector<uint64_t>& history_bits = c.history;
  history_bits.assign((n + 63) / 64, 0);
  // Words get dense ids through a table of at least twice the Document's
  // distinct words (it never fills past half: no growth, no rehash). Taken
  // here, above the vectors the context keeps, and freed before DocBags:
  // taken first, below them, it left a hole that raised the wasm heap top of
  // 5 MB of news from 7.27x to 7.35x.
  // (`bits` zero-filled for every Document word, an id's byte read without a
  // push a new id; cut to the ids' count after the pass.)
  bits.assign(doc.words(), 0);
  size_t table = 16;
  while (table < 2 * static_cast<size_t>(doc.words())) table <<= 1;
  // (An id is read only where its key is set: not zero-filled.)
  std::vector<uint32_t> keys(table, 0);
  std::unique_ptr<uint32_t[]> ids(new uint32_t[table]);
  const uint32_t mask = static_cast<uint32_t>(table - 1);
  // The vectors through pointers held here, and a sentence's end: a byte
  // stored (a mark, a word's bits) may alias any vector's own pointers, which
  // g++ loaded again at every token.
  const Token* const tokens = doc.tokens.data();
  const uint32_t* const token_word = doc.word.data();
  uint8_t* const marks_of = by_word.data();
  uint32_t* const lower_of = lower.data();
  uint32_t* const id_of = word_id.data();
  uint64_t* const hist = history_bits.data();
  const Sentence* const sentences = doc.sentences.data();
  // A word's facts, worked out at its first token that is a word or takes
  // part in the history (token t of Document word dw): its lower-case hash,
  // its marks (kHasId, the lexicon code) and its id. Returns the marks.
  auto first_token = [&](uint32_t dw, const Token& t) LEDE_NER_INLINE {
    uint32_t h = lower_of[dw];
    if (h == 0) {
      h = LowerHashIn(text_data + t.span.start, t.span.end - t.span.start, text_end);
      lower_of[dw] = h;
    }
    uint8_t marks = static_cast<uint8_t>(marks_of[dw] | kHasId);
    // Its WordList bits, when its tokens are capitalized or ALL CAPS (those
    // in the history: a number here is ALL CAPS) of 3 bytes or more: the
    // case flags are the word's, the same at every token.
    if ((t.flags & (kCapitalized | kAllCaps)) && t.span.end - t.span.start >= 3)
      marks |= static_cast<uint8_t>(lists.Get(h));
    if (gaz.IsFirst(h)) {  // what phrase_from's first step finds
      const uint32_t first = Mix(kPhraseSeed, h);
      int gaz_code = kGazSearch;
      if (!gaz.IsPrefix(first)) {
        const int found = gaz.Category(first);
        gaz_code = found >= 0 ? kGazOne + found : kGazNone;
      }
      marks |= static_cast<uint8_t>(gaz_code << kGazShift);
    }
    marks_of[dw] = marks;
    const uint32_t key = h | 1;
    uint32_t j = key & mask;
    while (keys[j] != 0 && keys[j] != key) j = (j + 1) & mask;
    if (keys[j] == 0) {
      keys[j] = key;
      ids[j] = c.words++;
    }
    id_of[dw] = ids[j];
    if (t.Is(kLower)) bits[ids[j]] |= kSeenLower;
    return marks;
  };
  // The same from the pass over the tokens below, for a word whose first
  // token is neither a word nor in the history but a later one is (none such
  // is known: a token's kind and case come from its text); its fine cluster
  // is looked up there (the others' are before that pass).
  auto late_first_token = [&](uint32_t dw, const Token& t)
                              LEDE_NER_NOINLINE { return first_token(dw, t); };
#undef LEDE_NER_NOINLINE
#undef LEDE_NER_INLINE
  // Each word's facts at its first token, in text order (the Document's word
  // ids ascend with their first tokens): one loop over the words, out of the
  // pass over every token below, which then reads a word's marks alone (and
  // the lexicon search finds the hashes of the words ahead set).
  {
    const uint32_t* const word_first = doc.word_token.data();
    for (uint32_t dw = 0, nw = doc.words(); dw < nw; ++dw) {
      const Token& t = tokens[word_first[dw]];
      if (t.kind == TokenKind::kWord || (t.kind == TokenKind::kNumber && t.Is(kAllCaps)))
        first_token(dw, t);
    }
  }
  // Each word's fine cluster, once (the topic's count below, the typer and
  // DocBags read it): the words with an id have their hash; the others get
  // none.
  const WordClusters& clusters = WordClusters::Get();
  int16_t* const fine_of = c.fine.data();
  clusters.FineOfEach(lower_of, marks_of, kHasId, doc.words(), fine_of);
  // The topic's counts: per fine cluster, its lower-case word tokens of 5
  // bytes or more, and the clusters counted, as met. The counts are kept
  // zero between documents (each thread's own, not zero-filled a document):
  // those counted are zeroed again on the way out, whichever way that is.
  struct TopicCounts {
    std::vector<uint32_t> count;
    std::vector<uint16_t> found;
  };
  static thread_local TopicCounts topic_counts;
  if (topic_counts.count.size() < clusters.FineCount()) {
    topic_counts.count.assign(clusters.FineCount(), 0);
    topic_counts.found.resize(clusters.FineCount());
  }
  uint32_t* const topic_count = topic_counts.count.data();
  uint16_t* const topic_found = topic_counts.found.data();
  uint32_t topic_clusters = 0;
  struct TopicReset {
    uint32_t* count;
    const uint16_t* found;
    const uint32_t& size;
    ~TopicReset() {
      for (uint32_t k = 0; k < size; ++k) count[found[k]] = 0;
    }
  } topic_reset{topic_count, topic_found, topic_clusters};
  for (size_t si = 0, ns = doc.sentences.size(); si < ns; ++si) {
    const uint32_t s_begin = sentences[si].begin, s_end = sentences[si].end;
    // Lines written in capitals (CoNLL headlines, datelines) or in Title Case.
    int words = 0, caps = 0, lower_words = 0, cap = 0;
    for (uint32_t i = s_begin; i < s_end; ++i) {
      const Token& t = tokens[i];
      // The history bit (HasHistory: a word capitalized or ALL CAPS, a
      // number ALL CAPS) set for those tokens alone (about one in six).
      if (t.kind == TokenKind::kWord) {
        const uint32_t len = t.span.end - t.span.start;
        if (len >= 2) {
          ++words;
          if (t.Is(kAllCaps)) {
            ++caps;
          } else if (t.Is(kCapitalized)) {
            ++cap;
          } else if (t.Is(kLower)) {
            if (!t.Is(kPossessive)) ++lower_words;
            // (Every kLower token comes here: its first letter is lower
            // case, neither kAllCaps nor kCapitalized.)
            if (len >= 5) {
              const int fine = fine_of[token_word[i]];
              if (fine >= 0 && topic_count[fine]++ == 0)
                topic_found[topic_clusters++] = static_cast<uint16_t>(fine);
            }
          }
        }
        if (t.flags & (kCapitalized | kAllCaps)) hist[i >> 6] |= uint64_t{1} << (i & 63);
      } else {
        if (t.kind != TokenKind::kNumber || !t.Is(kAllCaps)) {
          if (__builtin_expect((t.flags & (kCapitalized | kAllCaps)) != 0, 0))
            c.caps_other.push_back(static_cast<uint32_t>(i));  // (LoudBits')
          continue;
        }
        hist[i >> 6] |= uint64_t{1} << (i & 63);
      }
      const uint32_t dw = token_word[i];
      uint8_t marks = marks_of[dw];
      if (__builtin_expect(!(marks & kHasId), 0)) {
        marks = late_first_token(dw, t);
        clusters.FineOfEach(lower_of + dw, marks_of + dw, kHasId, 1, fine_of + dw);
      }
      if (marks >= (kGazSearch << kGazShift) && t.kind == TokenKind::kWord && i >= gaz_next) {
        const int gaz_code = marks >> kGazShift;
        if (gaz_code >= kGazOne) {
          one_word(i, gaz_code);
        } else {
          phrase_from(i);
        }
      }
    }
    uint8_t line = 0;
    if (words > 0 && caps > 0 && lower_words == 0 && cap <= caps / 4) {
      line = 1;
    } else if (words >= 3 && (cap + caps) * 10 >= words * 8 && lower_words <= 2) {
      line = 2;
    }
    c.caps_line.by_sentence[si] = line;
    uint8_t* const bits_of = bits.data();
    for (uint32_t i = NextBit(hist, s_begin, s_end); i < s_end; i = NextBit(hist, i + 1, s_end)) {
      const Token& t = tokens[i];
      const uint32_t dw = token_word[i];
      // (Capitalized or ALL CAPS, as the bits say: its word's list bits are
      // read, at its first token.)
      bool mid = !t.Is(kSentenceStart) && !line;
      if (mid && i > 0) {
        const Token& p = tokens[i - 1];
        if (p.kind == TokenKind::kQuote ||
            (p.span.end - p.span.start == 1 &&
             (text[p.span.start] == ':' || text[p.span.start] == '(')))
          mid = false;
      }
      uint8_t& b = bits_of[id_of[dw]];
      if (t.Is(kLower)) {
        b |= kSeenLower;
      } else if (mid && t.Is(kAllCaps)) {
        b |= kSeenCapsMid;
      } else if (mid && t.Is(kCapitalized)) {
        b |= kSeenCapMid;
      }
      if (!line && t.Is(kCapitalized) && !t.Is(kAllCaps)) {
        auto cap = [&](size_t x) {
          const Token& u = tokens[x];
          return u.kind == TokenKind::kWord && u.Is(kCapitalized) && !u.Is(kAllCaps) &&
                 !u.Is(kPossessive);
        };
        bool prev = i > 0 && cap(i - 1) && !t.Is(kSentenceStart);
        bool next = i + 1 < n && cap(i + 1) && !tokens[i + 1].Is(kSentenceStart);
        if (next && !prev) b |= kSeenRunFirst;
        if (prev && !next) b |= kSeenRunLast;
      }
      if (b < kOccTwice) b += kOccOnce;
    }
  }
  std::vector<uint32_t>().swap(keys);
  ids.reset();
  // The topic: the kTopicMost first by (count descending, cluster ascending),
  // kept in order by insertion, as a partial sort of the pairs (-count,
  // cluster) would give them (they differ in their clusters).
  {
    uint32_t top_count[DocContext::kTopicMost];
    size_t size = 0;
    for (uint32_t k = 0; k < topic_clusters; ++k) {
      const uint16_t cl = topic_found[k];
      const uint32_t count = topic_count[cl];
      size_t at = size;
      while (at > 0 &&
             (top_count[at - 1] < count || (top_count[at - 1] == count && c.topic[at - 1] > cl)))
        --at;
      if (at == DocContext::kTopicMost) continue;
      if (size < DocContext::kTopicMost) ++size;
      for (size_t j = size - 1; j > at; --j) {
        c.topic[j] = c.topic[j - 1];
        top_count[j] = top_count[j - 1];
      }
      c.topic[at] = cl;
      top_count[at] = count;
    }
    c.topic_size = static_cast<uint8_t>(size);
  }
  bits.resize(c.words);
  DocBags(doc, bits, history_bits, &c);
  // The phrases from their marked starts, in text order.
  c.gazetteer.assign(n, 0);
  size_t next_phrase = 0;
  for (size_t b = 0; b < phrase_bits.size(); ++b) {
    for (uint64_t u = phrase_bits[b]; u; u &= u - 1) {
      const size_t i = b * 64 + static_cast<size_t>(__builtin_ctzll(u));
      const uint8_t code = phrases[next_phrase++];
      const size_t best = code & 7;
      const int cat = code >> 3;
      for (size_t k = 0; k < best; ++k) {
        int pos = best == 1 ? 0 : k == 0 ? 1 : k + 1 == best ? 3 : 2;
        c.gazetteer[i + k] = static_cast<uint8_t>(1 + 4 * cat + pos);
      }
    }
  }
  std::vector<uint64_t>().swap(phrase_bits);
  std::vector<uint8_t>().swap(phrases);
  // The words with an id are those whose tokens are words or take part in
  // the history; the others' bits are 0 (their word_id too). The lists'
  // bytes lose their marks.
  // (Through pointers: a byte stored may alias any vector's, which would
  // be loaded again at each word.)
  c.word_bits.by_word.assign(doc.words(), 0);
  uint8_t* const marked = by_word.data();
  uint8_t* const written = c.word_bits.by_word.data();
  const uint32_t* const ids_of = word_id.data();
  const uint8_t* const bits_of = bits.data();
  for (uint32_t w = 0, nw = doc.words(); w < nw; ++w) {
    const uint8_t m = marked[w];
    if (m & kHasId) written[w] = bits_of[ids_of[w]] & kSeenMask;
    marked[w] = m & static_cast<uint8_t>(WordListTable::kCity | WordListTable::kGivenName);
  }
  static_assert(kOccTwice == 0x80, "DocContext::repeated's bit");
  c.repeated = std::move(bits);
  return c;
}

namespace {

// The features of a token that depend on its text alone (not its case class,
// position or neighbours), in the order Featurize gives them first.
// Returns their number (at most kWordFeatures).
constexpr int kWordFeatures = 10;
// Lower-case words up to this far from a capitalized word are its context bag.
constexpr uint32_t kBagWindow = 4;
// The most features FeaturizeWith gives one token: the word's, 24 fixed or
// conditional ones, the context bag (2 * kBagWindow) and the document's bag.
constexpr int kMaxTokenFeatures = kWordFeatures + 24 + 2 * kBagWindow + kDocBagMax;
int WordFeatures(const TokInfo& c, uint32_t* out) {
  int n = 0;
  out[n++] = Mix(1, 0);
  out[n++] = Mix(2, c.lower);
  out[n++] = Mix(3, c.exact);
  out[n++] = Mix(4, c.shape);
  for (int j = 0; j < 3; ++j) {
    if (c.pre[j]) out[n++] = Mix(5 + j, c.pre[j]);
    if (c.suf[j]) out[n++] = Mix(8 + j, c.suf[j]);
  }
  return n;
}

// The features of a token that its word decides once its case class `cls`
// is known (the word lists' bits `lc` are the word's), given the tagger's
// way (the tagger sums them once per word, see FeaturizeWith): 51 first,
// then those of `cls`. Returns their number (at most kWordClsFeatures).
constexpr int kWordClsFeatures = 4;
int WordClsFeatures(uint16_t fine, uint8_t coarse, uint32_t cls, uint32_t lc, uint32_t* out) {
  int n = 0;
  out[n++] = Mix(51, fine);
  if (lc) out[n++] = Mix(30, lc, cls);
  out[n++] = Mix(50, coarse, cls);
  out[n++] = Mix(54, fine, cls);
  return n;
}

// The features of the document's context bag of lower-case word `id`
// (DocBags), given to a token of case class kClsCap or kClsCaps: at most
// kDocBagMax. The tagger adds them to its word's row (Model::Tag).
int DocBagFeatures(const DocContext& context, uint32_t id, uint32_t* out) {
  int n = 0;
  for (uint32_t b = context.bag_start[id]; b < context.bag_start[id + 1]; ++b)
    out[n++] = Mix(63, context.bag[b]);
  return n;
}

// The features of a token (its info c, its neighbours' p1 and n1) that read
// only the shapes and case classes of the three, whether it starts its
// sentence and its caps_line: 15, 16, 17, 20, 25. Few distinct values: the
// tagger sums them once per value (Model::Tag's SmallRows). Feature 22 reads
// the token's word_bits, its class, start and line; 26 (capitalized classes)
// its neighbours' word_bits and its class.
constexpr int kShapeFeatures = 5;
inline int ShapeFeatures(const TokInfo& p1, const TokInfo& c, const TokInfo& n1, uint32_t start,
                         uint32_t line, uint32_t* out) {
  out[0] = Mix(15, p1.sshape, c.sshape);
  out[1] = Mix(16, c.sshape, n1.sshape);
  out[2] = Mix(17, p1.sshape, c.sshape, n1.sshape);
  out[3] = Mix(20, start, line, c.sshape);
  out[4] = Mix(25, p1.cls, c.cls, n1.cls);
  return kShapeFeatures;
}
inline uint32_t Feature22(uint32_t word_bits, uint32_t cls, uint32_t start, uint32_t line) {
  return Mix(22, word_bits, cls, start * 4 + line);
}
// Each of Feature22's values its own index below 2^11 (word_bits < 32, a
// class < 8, line < 4).
inline uint32_t Feature22Index(uint32_t word_bits, uint32_t cls, uint32_t start, uint32_t line) {
  return word_bits | cls << 5 | start << 8 | line << 9;
}
inline uint32_t Feature26(uint32_t prev_bits, uint32_t cls, uint32_t next_bits) {
  return Mix(26, prev_bits, cls, next_bits);
}
// The same for 26 of a capitalized class (kClsCap or kClsCaps).
inline uint32_t Feature26Index(uint32_t prev_bits, uint32_t cls, uint32_t next_bits) {
  return prev_bits | next_bits << 5 | (cls == kClsCaps ? 1u : 0u) << 10;
}
static_assert(kSeenMask < 32 && kClsOther < 8, "the indexes of 22 and 26 fit 11 bits");

// What the features of PlaceFeatures read of token i (k-th of a sequence of
// n), packed in 64 bits: the gazetteer bytes of it and its neighbours (99
// past the sequence), their word lists' bits, its case class and whether 30
// is given (`cls_feats`: always in training; never in the tagger, whose word
// rows hold it, of the class of the word's scored tokens).
inline uint64_t Place(const DocContext& context, uint32_t i, uint32_t k, uint32_t n, uint32_t cls,
                      bool cls_feats) {
  const uint64_t gp = k > 0 ? context.gazetteer[i - 1] : 99;
  const uint64_t gn = k + 1 < n ? context.gazetteer[i + 1] : 99;
  const uint64_t lp = k > 0 ? context.lists[i - 1] : 0;
  const uint64_t ln = k + 1 < n ? context.lists[i + 1] : 0;
  return uint64_t{context.gazetteer[i]} | gp << 8 | gn << 16 | lp << 24 |
         uint64_t{context.lists[i]} << 32 | ln << 40 | uint64_t{cls} << 48 |
         uint64_t{cls_feats} << 51;
}
// The features of token i that read only Place(...): 27 .. 31.
constexpr int kPlaceFeatures = 5;
inline int PlaceFeatures(uint64_t place, uint32_t* out) {
  const uint32_t g = place & 0xFF, gp = (place >> 8) & 0xFF, gn = (place >> 16) & 0xFF;
  const uint32_t lp = (place >> 24) & 0xFF, lc = (place >> 32) & 0xFF, ln = (place >> 40) & 0xFF;
  const uint32_t cls = (place >> 48) & 7;
  const bool cls_feats = (place >> 51) & 1;
  int n = 0;
  if (g) {
    out[n++] = Mix(27, g);
    out[n++] = Mix(28, g, cls);
  }
  out[n++] = Mix(29, gp, gn);
  if (lc && cls_feats) out[n++] = Mix(30, lc, cls);
  if (lp | lc | ln) out[n++] = Mix(31, lp, lc, ln);
  return n;
}

// The pads' values around a sequence: its infos at -2, -1 (kPadBefore) and
// at n, n + 1 (kPadAfter), with case class kClsOther.
constexpr uint32_t kPadBefore = 0x5EAD, kPadAfter = 0xE0D;

// Training's: every token's features, the t-th token's
// feats[offsets[t] .. offsets[t + 1]). (The tagger sums the same features
// itself, Model::Tag.)
void FeaturizeWith(const Document& doc, const DocContext& context, uint32_t begin, uint32_t end,
                   std::vector<uint32_t>* feats, std::vector<uint32_t>* offsets,
                   int cluster_dropout = 0) {
  const uint32_t n = end - begin;
  // Token infos with two sentinels on each side.
  std::vector<TokInfo> info(n + 4);
  TokInfo pad{};
  pad.lower = pad.exact = pad.shape = pad.sshape = kPadBefore;
  pad.cls = kClsOther;
  pad.fine = kNoCluster - 1;
  pad.coarse = kNoCoarse - 1;
  TokInfo pad2 = pad;
  pad2.lower = pad2.exact = pad2.sshape = kPadAfter;
  info[0] = info[1] = pad;
  info[n + 2] = info[n + 3] = pad2;
  for (uint32_t j = 0; j < n; ++j) info[j + 2] = Info(doc, doc.tokens[begin + j], cluster_dropout);
  feats->clear();
  feats->reserve(n * 32);
  offsets->resize(n + 1);
  uint32_t* offset = offsets->data();
  for (uint32_t k = 0; k < n; ++k) {
    offset[k] = static_cast<uint32_t>(feats->size());
    const uint32_t i = begin + k;
    const Token& t = doc.tokens[i];
    const TokInfo& c = info[k + 2];
    const TokInfo& p1 = info[k + 1];
    const TokInfo& p2 = info[k];
    const TokInfo& n1 = info[k + 3];
    const TokInfo& n2 = info[k + 4];
    const uint32_t start = t.Is(kSentenceStart) ? 1 : 0;
    const uint32_t line = context.caps_line[i];
    // The token's features go to a fixed buffer first, then to `feats` in one
    // insert (a push_back each, with its capacity check, cost more).
    uint32_t buf[kMaxTokenFeatures];
    int nb = WordFeatures(c, buf);
    auto add = [&](uint32_t f) { buf[nb++] = f; };
    add(Mix(11, p1.lower));
    add(Mix(12, n1.lower));
    add(Mix(13, p2.lower));
    add(Mix(14, n2.lower));
    // 15 .. 17, 20, 22 and 25 .. 31 as the tagger sums them (ShapeFeatures,
    // Feature22, Feature26, PlaceFeatures), in training's order.
    uint32_t shape[kShapeFeatures];
    ShapeFeatures(p1, c, n1, start, line, shape);
    add(shape[0]);  // 15
    add(shape[1]);  // 16
    add(shape[2]);  // 17
    add(Mix(18, p1.lower, c.lower));
    add(Mix(19, c.lower, n1.lower));
    add(shape[3]);  // 20
    if (line) add(Mix(21, line, c.lower));
    add(Feature22(context.word_bits[i], c.cls, start, line));
    add(Mix(23, p1.lower, c.sshape));
    add(Mix(24, c.sshape, n1.lower));
    add(shape[4]);  // 25
    nb += PlaceFeatures(Place(context, i, k, n, c.cls, /*cls_feats=*/true), buf + nb);
    // Word clusters of the word, alone and with its case. (Those of the
    // neighbours at +-1, +-2 gave 0.004 more on WikiGold CV, but news
    // sentences such as "Kyiv said ..." read as ORG.)
    add(Mix(50, c.coarse, c.cls));
    add(Mix(51, c.fine));
    add(Mix(54, c.fine, c.cls));
    if (IsCapCls(c.cls)) {
      // The lower-case words around a capitalized word, as a bag of their
      // word clusters: "the band ... played", "a club ... in the league" say
      // what kind of name it is where the words next to it do not. (The words
      // themselves or the coarse clusters too: datelines such as "KYIV -
      // Russian forces said" read as ORG.)
      const uint32_t from = k > kBagWindow ? k - kBagWindow : 0;
      const uint32_t to = std::min(n, k + kBagWindow + 1);
      for (uint32_t j = from; j < to; ++j) {
        const TokInfo& w = info[j + 2];
        if (j != k && w.cls == kClsLower) add(Mix(61, w.fine));
      }
      // The document's bag of the word (DocBags): its other mentions' context.
      // (A capitalized or ALL CAPS class is HasHistory's.)
      if (HasHistory(doc, i) && !context.bag_start.empty())
        nb += DocBagFeatures(context, context.Word(doc, i), buf + nb);
      add(Feature26(k > 0 ? context.word_bits[i - 1] : 9, c.cls,
                    k + 1 < n ? context.word_bits[i + 1] : 9));
    }
    feats->insert(feats->end(), buf, buf + nb);
  }
  offset[n] = static_cast<uint32_t>(feats->size());
}

}  // namespace

void Featurize(const Document& doc, const DocContext& context, uint32_t begin, uint32_t end,
               std::vector<uint32_t>* feats, std::vector<uint32_t>* offsets, int cluster_dropout) {
  FeaturizeWith(doc, context, begin, end, feats, offsets, cluster_dropout);
}

void PairFilterWords(const Document& doc, uint32_t begin, uint32_t end,
                     const std::vector<uint32_t>& kept,
                     std::vector<std::pair<uint32_t, uint8_t>>* out) {
  auto has = [&](uint32_t key) { return std::binary_search(kept.begin(), kept.end(), key); };
  // FeaturizeWith's lower-case hashes (Info's: cluster_dropout leaves them).
  std::vector<uint32_t> lower(end - begin + 2);
  lower[0] = kPadBefore;
  lower[end - begin + 1] = kPadAfter;
  for (uint32_t i = begin; i < end; ++i) lower[i - begin + 1] = Info(doc, doc.tokens[i]).lower;
  for (uint32_t x = 1; x <= end - begin; ++x) {
    const uint32_t p1 = lower[x - 1], c = lower[x], n1 = lower[x + 1];
    if (has(Mix(18, p1, c))) {
      out->emplace_back(p1, kPairLeft18);
      out->emplace_back(c, kPairWord18);
    }
    if (has(Mix(19, c, n1))) {
      out->emplace_back(c, kPairWord19);
      out->emplace_back(n1, kPairRight19);
    }
  }
}

bool HasHistory(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  return (t.kind == TokenKind::kWord && (t.Is(kCapitalized) || t.Is(kAllCaps))) ||
         (t.kind == TokenKind::kNumber && t.Is(kAllCaps));
}

void BuildHistory(const Document& doc, const DocContext& context, const uint8_t* tags,
                  History* history) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  history->counts.assign(static_cast<size_t>(context.words) * kNumTags, 0);
  history->own = tags;
  // HasHistory() tokens are capitalized or ALL CAPS: found 64 at a time.
  for (uint32_t b = 0; b < n; b += 64) {
    for (uint64_t u = UpperBits(&doc.tokens[b], std::min<uint32_t>(64, n - b)); u; u &= u - 1) {
      const uint32_t i = b + static_cast<uint32_t>(__builtin_ctzll(u));
      if (!HasHistory(doc, i)) continue;
      uint16_t& c = history->counts[static_cast<size_t>(context.Word(doc, i)) * kNumTags + tags[i]];
      if (c < 0xFFFF) ++c;
    }
  }
}

namespace {
// The one history feature of a token of case class `cls` (kClsCap or
// kClsCaps) whose word has no other occurrence with a tag (or no history).
inline uint32_t NoHistoryFeature(uint32_t cls) { return Mix(40, 99, cls); }

// BuildHistory's counts for Model::Tag, whose first-pass tags are kept only
// for the tokens that are not quiet (`loud`, LoudBits'), one a token in text
// order (`tags`): a quiet token's is O.
void BuildHistoryOfLoud(const Document& doc, const DocContext& context, const uint64_t* loud,
                        const uint8_t* tags, History* history) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  history->counts.assign(static_cast<size_t>(context.words) * kNumTags, 0);
  history->own = nullptr;
  // The HasHistory() tokens from their bits, and the loud ones' rows
  // counted along (the loud bits below each one's).
  size_t row = 0;  // the next loud token's row in `tags`
  for (uint32_t b = 0; b < n; b += 64) {
    const uint64_t l = loud[b >> 6];
    uint64_t below = l;  // the loud bits not yet counted into row
    for (uint64_t u = context.history[b >> 6]; u; u &= u - 1) {
      const int j = __builtin_ctzll(u);
      while (below && __builtin_ctzll(below) < j) {
        below &= below - 1;
        ++row;
      }
      const uint32_t i = b + static_cast<uint32_t>(j);
      const uint8_t tag = (l >> j) & 1 ? tags[row] : 0;
      uint16_t& c = history->counts[static_cast<size_t>(context.Word(doc, i)) * kNumTags + tag];
      if (c < 0xFFFF) ++c;
    }
    for (; below; below &= below - 1) ++row;
  }
}

// HistoryFeatures of token i, its word's counts `h` (null: no history) and
// its own first-pass tag `own` given.
void HistoryFeaturesOf(const Document& doc, const DocContext& context, const uint16_t* h,
                       uint8_t own, uint32_t i, std::vector<uint32_t>* feats) {
  const Token& t = doc.tokens[i];
  const uint32_t cls = t.Is(kAllCaps) ? kClsCaps : kClsCap;
  uint32_t c[kNumTags] = {};
  uint32_t total = 0;
  if (h) {
    for (int k = 0; k < kNumTags; ++k) c[k] = h[k];
    if (c[own] > 0) --c[own];  // the other occurrences only
    for (int k = 0; k < kNumTags; ++k) total += c[k];
  }
  if (total == 0) {
    feats->push_back(NoHistoryFeature(cls));
    return;
  }
  // By type (O counts as a type): the majority, and how strong it is. The
  // features are gathered in `out` and appended at once.
  uint32_t out[kNumTags + 1];
  int n = 0;
  uint32_t by_type[kNumTypes + 1] = {};
  by_type[kNumTypes] = c[0];
  for (int k = 1; k < kNumTags; ++k) {
    by_type[TypeOfTag(k)] += c[k];
    if (c[k]) out[n++] = Mix(42, k);
  }
  uint32_t best = 0;
  for (uint32_t k = 1; k <= kNumTypes; ++k) {
    if (by_type[k] > by_type[best]) best = k;
  }
  const uint32_t strength = by_type[best] == total ? 2 : 2 * by_type[best] > total ? 1 : 0;
  out[n++] = Mix(40, best, strength);
  out[n++] = Mix(41, best, cls, context.caps_line[i]);
  feats->insert(feats->end(), out, out + n);
}
}  // namespace

void HistoryFeatures(const Document& doc, const DocContext& context, const History* history,
                     uint32_t i, std::vector<uint32_t>* feats) {
  if (!history) return HistoryFeaturesOf(doc, context, nullptr, 0, i, feats);
  HistoryFeaturesOf(doc, context,
                    &history->counts[static_cast<size_t>(context.Word(doc, i)) * kNumTags],
                    history->own[i], i, feats);
}

namespace {
// A set of words of 1 to kShortWordMax bytes, each kept as a key of its
// bytes (the first in the lowest byte) and its length, in a table of
// kShortWordSlots slots laid out at compile time: a token's test is a load,
// a multiply and a compare or two (a WordSet's hash, static guard and memcmp
// cost about 80 instructions a token: 2,606 connector tests in p35).
constexpr size_t kShortWordMax = 5;
constexpr uint32_t kShortWordSlots = 128;
constexpr uint64_t ShortWordKey(uint64_t bytes, size_t n) { return bytes | uint64_t{n} << 56; }
constexpr uint32_t ShortWordSlot(uint64_t key) {
  return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ull) >> 57);
}
struct ShortWords {
  uint64_t key[kShortWordSlots] = {};  // 0: empty
  // (Each word of 1 to kShortWordMax bytes: ShortWordsFit.)
  template <size_t N>
  constexpr explicit ShortWords(const std::string_view (&list)[N]) {
    static_assert(N * 3 <= kShortWordSlots, "the table stays at most a third full");
    for (const std::string_view w : list) {
      uint64_t bytes = 0;
      for (size_t i = 0; i < w.size(); ++i)
        bytes |= uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
      const uint64_t k = ShortWordKey(bytes, w.size());
      uint32_t j = ShortWordSlot(k);
      while (key[j] != 0) j = (j + 1) % kShortWordSlots;
      key[j] = k;
    }
  }
  // Whether the n bytes at p (1 <= n <= kShortWordMax), in a text ending at
  // `end`, are one of the words.
  bool Has(const char* p, size_t n, const char* end) const {
    uint64_t bytes = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end - p >= 8) {  // one load, the bytes past the word cleared
      std::memcpy(&bytes, p, 8);
      bytes &= ~uint64_t{0} >> (64 - 8 * n);
    } else
#endif
    {
      for (size_t i = 0; i < n; ++i) bytes |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    }
    const uint64_t k = ShortWordKey(bytes, n);
    for (uint32_t j = ShortWordSlot(k);; j = (j + 1) % kShortWordSlots) {
      if (key[j] == k) return true;
      if (key[j] == 0) return false;
    }
  }
  // The same for token t of `doc` (of 1 to kShortWordMax bytes).
  bool Has(const Document& doc, const Token& t) const {
    return Has(doc.text.data() + t.span.start, t.span.end - t.span.start,
               doc.text.data() + doc.text.size());
  }
};
template <size_t N>
constexpr bool ShortWordsFit(const std::string_view (&list)[N]) {
  for (const std::string_view w : list) {
    if (w.empty() || w.size() > kShortWordMax) return false;
  }
  return true;
}
// Sentence-initial function words followed by a lower-case word ("The
// talks", "He said") are capitalized only by position.
constexpr std::string_view kOpeners[] = {
    "The", "A",  "An",   "In",  "But",  "And",   "He",    "She",   "It",   "They",  "We",
    "I",   "If", "This", "His", "Her",  "Their", "Its",   "There", "When", "While", "After",
    "As",  "On", "At",   "For", "With", "That",  "These", "Some",  "Our",  "You",   "Both"};
static_assert(ShortWordsFit(kOpeners), "an opener has 1 to kShortWordMax bytes");
constexpr ShortWords kOpenerWords(kOpeners);
// Lower-case words that join the parts of a name ("Bank of England", "de Silva").
constexpr std::string_view kConnectors[] = {
    "of",  "de",  "del", "della", "di", "da",  "das", "dos", "do",  "du",  "van",  "von", "der",
    "den", "la",  "le",  "les",   "el", "al",  "bin", "ibn", "ben", "y",   "e",    "und", "and",
    "for", "the", "on",  "upon",  "&",  "ter", "zu",  "af",  "av",  "dei", "degli"};
static_assert(ShortWordsFit(kConnectors), "a connector has 1 to kShortWordMax bytes");
constexpr ShortWords kConnectorWords(kConnectors);
// Whether token i of a sequence ending at `end` is an opener (see kOpeners).
inline bool Opener(const Document& doc, uint32_t i, uint32_t end) {
  const Token& t = doc.tokens[i];
  if (!t.Is(kSentenceStart) || t.Is(kAllCaps) || t.span.end - t.span.start > kShortWordMax)
    return false;
  if (i + 1 >= end || !doc.tokens[i + 1].Is(kLower)) return false;
  return kOpenerWords.Has(doc, t);
}
// Whether token t, not loud itself, joins loud neighbours into a name
// (`both`: it has one on each side).
inline bool Joins(const Document& doc, const Token& t, bool both) {
  if (both || t.kind == TokenKind::kNumber || t.Is(kPossessive)) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (t.span.end - t.span.start <= kShortWordMax && kConnectorWords.Has(doc, t)) return true;
  return !t.Is(kLower);  // other scripts
}
}  // namespace

void Quiet(const Document& doc, uint32_t begin, uint32_t end, std::vector<uint8_t>* quiet) {
  const uint32_t n = end - begin;
  quiet->assign(n, 1);
  auto loud = [&](uint32_t i) {
    const Token& t = doc.tokens[i];
    return (t.Is(kCapitalized) || t.Is(kAllCaps)) && !t.Is(kPossessive) && !Opener(doc, i, end);
  };
  // loud() of tokens k - 1, k and k + 1, each computed once as k moves on.
  bool prev_loud = false, cur_loud = n > 0 && loud(begin);
  for (uint32_t k = 0; k < n; ++k) {
    const uint32_t i = begin + k;
    const bool prev = prev_loud, next = k + 1 < n && loud(i + 1);
    prev_loud = cur_loud;
    const bool is_loud = cur_loud;
    cur_loud = next;
    if (is_loud) {
      (*quiet)[k] = 0;
      continue;
    }
    if (!prev && !next) continue;
    (*quiet)[k] = Joins(doc, doc.tokens[i], prev && next) ? 0 : 1;
  }
}

namespace {
// LoudBits once `caps` (words of 64, as `loud_out`, taken after it) holds
// the capitalized or ALL-CAPS tokens that are not possessives (Quiet's
// loud() but the openers). Not inlined: both LoudBits share it. A sequence
// at a time, 64 tokens at a time: its loud tokens, then their neighbours
// that join them, found by the loud bits shifted by one.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
void LoudFromCaps(const Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
                  const std::vector<uint64_t>& caps, std::vector<uint64_t>* loud_out) {
  const Token* const tokens = doc.tokens.data();
  const uint64_t* const cap = caps.data();
  uint64_t* const loud = loud_out->data();
  for (auto [begin, end] : sequences) {
    if (begin >= end) continue;
    const uint32_t last = end - 1, first_word = begin >> 6, last_word = last >> 6;
    // The bits of a word (token base + j at bit j) of the tokens from t on.
    auto from = [](uint32_t base, uint32_t t) {
      return t <= base ? ~uint64_t{0} : t - base >= 64 ? 0 : ~uint64_t{0} << (t - base);
    };
    // The loud tokens: those of caps that are no opener.
    for (uint32_t w = first_word; w <= last_word; ++w) {
      const uint32_t base = w << 6;
      uint64_t l = cap[w] & from(base, begin) & ~from(base, end);
      for (uint64_t u = l; u; u &= u - 1) {
        if (Opener(doc, base + static_cast<uint32_t>(__builtin_ctzll(u)), end)) l ^= u & (~u + 1);
      }
      loud[w] |= l;
    }
    // A token of the sequence that is not loud, with a loud neighbour in the
    // sequence, joins them when Joins says so (`both`: loud on each side,
    // then it always does). A neighbour is never loud itself: each word's
    // joining tokens are set once the next word has read its loud bits
    // (`before`: the loud bit of the word before's last token; across the
    // sequence's first or last token nothing is read).
    uint64_t before = 0;
    for (uint32_t w = first_word; w <= last_word; ++w) {
      const uint32_t base = w << 6;
      const uint64_t l = loud[w];
      const uint64_t after = w < last_word ? loud[w + 1] << 63 : 0;
      const uint64_t in = from(base, begin) & ~from(base, end) & ~l;
      const uint64_t prev = ((l << 1) | before) & from(base, begin + 1) & in;
      const uint64_t next = ((l >> 1) | after) & ~from(base, last) & in;
      uint64_t join = prev & next;
      for (uint64_t u = prev ^ next; u; u &= u - 1) {
        if (Joins(doc, tokens[base + static_cast<uint32_t>(__builtin_ctzll(u))], false))
          join |= u & (~u + 1);
      }
      before = l >> 63;
      loud[w] = l | join;
    }
  }
}
}  // namespace

namespace {
// LoudBits, `fill(caps)` setting the capitalized or ALL-CAPS tokens that are
// not possessives in `caps` (zeros, words of 64 as `loud_out`). The output
// taken first, so that the one freed at the end lies above it; both ways
// take the same vectors in the same order (the wasm heap's top stays where
// it was).
template <typename Fill>
void LoudBitsWith(const Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
                  std::vector<uint64_t>* loud_out, Fill fill) {
  const size_t words = (doc.tokens.size() + 63) / 64;
  loud_out->assign(words, 0);
  std::vector<uint64_t> caps(words, 0);
  fill(caps.data());
  LoudFromCaps(doc, sequences, caps, loud_out);
}
}  // namespace

void LoudBits(const Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
              std::vector<uint64_t>* loud_out) {
  LoudBitsWith(doc, sequences, loud_out, [&doc](uint64_t* caps) {
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    for (uint32_t b = 0; b < n; b += 64) {
      const Token* t = doc.tokens.data() + b;
      uint64_t c = 0;
      for (uint64_t u = UpperBits(t, std::min<uint32_t>(64, n - b)); u; u &= u - 1) {
        const int j = __builtin_ctzll(u);
        if (!t[j].Is(kPossessive)) c |= uint64_t{1} << j;
      }
      caps[b >> 6] = c;
    }
  });
}

void LoudBits(const Document& doc, const DocContext& context,
              const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
              std::vector<uint64_t>* loud_out) {
  // The capitalized or ALL-CAPS tokens are the history tokens (the words,
  // and the numbers in ALL CAPS) and caps_other: a pass over the history
  // tokens alone (about one in six) for the possessives, not over every
  // token's flags.
  LoudBitsWith(doc, sequences, loud_out, [&doc, &context](uint64_t* caps) {
    const Token* const tokens = doc.tokens.data();
    const std::vector<uint64_t>& history = context.history;
    std::copy(history.begin(), history.end(), caps);
    for (size_t w = 0; w < history.size(); ++w) {
      for (uint64_t u = history[w]; u; u &= u - 1) {
        const uint64_t bit = u & (~u + 1);
        if (tokens[w * 64 + static_cast<size_t>(__builtin_ctzll(u))].Is(kPossessive))
          caps[w] ^= bit;
      }
    }
    for (const uint32_t i : context.caps_other) {
      if (!tokens[i].Is(kPossessive)) caps[i >> 6] |= uint64_t{1} << (i & 63);
    }
  });
}

namespace {

// Legal BILOU transitions: after B-x or I-x only I-x or L-x; elsewhere only O, B, U.
struct Legal {
  static constexpr int T = kNumTags;
  bool ok[T + 1][T];   // row T: the start
  bool end[T];         // may end a sequence (and be followed by O)
  int from[T][T + 1];  // legal predecessors of each tag (rows < T), then -1
  Legal() {
    for (int a = 0; a <= T; ++a) {
      for (int b = 0; b < T; ++b) {
        int pa = a == T ? -1 : PartOfTag(a);
        bool open = pa == 0 || pa == 1;
        int pb = PartOfTag(b);
        if (open) {
          ok[a][b] = (pb == 1 || pb == 2) && TypeOfTag(a) == TypeOfTag(b);
        } else {
          ok[a][b] = b == 0 || pb == 0 || pb == 3;
        }
      }
    }
    for (int b = 0; b < T; ++b) {
      end[b] = !(PartOfTag(b) == 0 || PartOfTag(b) == 1);
      int k = 0;
      for (int a = 0; a < T; ++a) {
        if (ok[a][b]) from[b][k++] = a;
      }
      from[b][k] = -1;
    }
  }
  static const Legal& Get() {
    static const Legal legal;
    return legal;
  }
};

// The legal predecessors (Legal::from), spelled out so the loops unroll:
// O, B-x and U-x follow O, L-y or U-y; I-x and L-x follow B-x or I-x.
static_assert(kNumTags == 17, "tag layout");
constexpr int kOpen[9] = {0, 3, 4, 7, 8, 11, 12, 15, 16};  // O, L-*, U-* (Legal::end)
constexpr bool Rising(const int (&a)[9]) {
  for (int i = 1; i < 9; ++i) {
    if (a[i] <= a[i - 1]) return false;
  }
  return a[0] == 0 && a[8] < 1 << 15;
}
static_assert(Rising(kOpen), "ViterbiRun's argmax takes the largest improving predecessor");
constexpr int kStarts[9] = {0, 1, 4, 5, 8, 9, 12, 13, 16};  // O, B-*, U-*
constexpr int kOneTag[5] = {0, 4, 8, 12, 16};               // O, U-*: both start and end a run
constexpr int kLanes = 12;                                  // kStarts, padded to 3 x 4
static_assert(kLanes % 4 == 0, "StartTransitions' rows of kLanes start 16-byte aligned");

// The transitions from each of kOpen (rows) into each of kStarts (lanes; the
// last three are 0 and unused), laid out for a Viterbi step to read a row as
// vectors. Built once per tagged document.
// Also the transitions into every tag from the start (first[0]) and from O
// (first[1]), and which of them are legal (all ones in `legal`), for the first
// step of a run.
// (16-byte aligned where SSE reads them, by aligned loads, which g++ makes
// operands of the adds that use them where a register is not needed anyway:
// 9 instructions fewer a Viterbi step.)
struct StartTransitions {
  alignas(16) float t[9][kLanes] = {};
  float first[2][kNumTags] = {};
  int32_t legal[2][kNumTags] = {};
  // The transitions into I-x and L-x, tags 2, 3, 6, 7 (h = 0) and 10, 11, 14,
  // 15 (h = 1): from B-x (inner[h][0]) and from I-x (inner[h][1]).
  alignas(16) float inner[2][2][4] = {};
#if defined(__SSE2__)
  // t by lane (into[lane][a] = t[a][lane]), and the transitions from each of
  // kOpen into O (to_o[a]), for ViterbiPred and ViterbiRun's last step.
  alignas(16) float into[9][kLanes] = {};
  alignas(16) float to_o[kLanes] = {};
#endif
  explicit StartTransitions(const float* transitions) {
    for (int a = 0; a < 9; ++a) {
      for (int b = 0; b < 9; ++b) t[a][b] = transitions[kOpen[a] * kNumTags + kStarts[b]];
    }
#if defined(__SSE2__)
    for (int a = 0; a < 9; ++a) {
      for (int b = 0; b < 9; ++b) into[b][a] = t[a][b];
      to_o[a] = transitions[kOpen[a] * kNumTags];
    }
#endif
    for (int h = 0; h < 2; ++h) {
      for (int lane = 0; lane < 4; ++lane) {
        const int b = 8 * h + 4 * (lane >> 1) + 2 + (lane & 1), tb = b - 1 - (lane & 1);
        inner[h][0][lane] = transitions[tb * kNumTags + b];
        inner[h][1][lane] = transitions[(tb + 1) * kNumTags + b];
      }
    }
    const Legal& ok = Legal::Get();
    for (int f = 0; f < 2; ++f) {
      const int from = f == 0 ? kNumTags : 0;
      for (int b = 0; b < kNumTags; ++b) {
        first[f][b] = transitions[from * kNumTags + b];
        legal[f][b] = ok.ok[from][b] ? -1 : 0;
      }
    }
  }
};

#if defined(__SSE2__)
// Steps 1 .. n - 1 of ViterbiRun on x86, with the scores in registers (tags
// 0 .. 15 as four vectors, 16 apart): into O, B-* and U-* as ViterbiRun's
// lanes, into I-x and L-x (8 targets of two predecessors each) as two
// vectors. The same sums and maxima as ViterbiRun's loop (the other
// targets'), without the back pointers: each step's scores are kept
// (`scores`: n rows of T, row 0 given), and ViterbiPred finds the one
// predecessor of the best path's tag from them, as the loop would have.
void ViterbiSteps(const float* emissions, uint32_t n, const StartTransitions& starts,
                  float* scores) {
  constexpr int T = kNumTags;
  const __m128 neg = _mm_set1_ps(-1e30f);  // ViterbiRun's kNeg
  __m128 s0 = _mm_loadu_ps(scores), s1 = _mm_loadu_ps(scores + 4);
  __m128 s2 = _mm_loadu_ps(scores + 8), s3 = _mm_loadu_ps(scores + 12);
  float s16 = scores[16];
  const __m128 tb_lo = _mm_loadu_ps(starts.inner[0][0]), ti_lo = _mm_loadu_ps(starts.inner[0][1]);
  const __m128 tb_hi = _mm_loadu_ps(starts.inner[1][0]), ti_hi = _mm_loadu_ps(starts.inner[1][1]);
  for (uint32_t i = 1; i < n; ++i) {
    const float* e = emissions + static_cast<size_t>(i) * T;
    // Into O, B-* and U-*: from each of kOpen (0, 3, 4, 7, 8, 11, 12, 15, 16).
    const __m128 from[9] = {
        _mm_shuffle_ps(s0, s0, 0x00), _mm_shuffle_ps(s0, s0, 0xFF), _mm_shuffle_ps(s1, s1, 0x00),
        _mm_shuffle_ps(s1, s1, 0xFF), _mm_shuffle_ps(s2, s2, 0x00), _mm_shuffle_ps(s2, s2, 0xFF),
        _mm_shuffle_ps(s3, s3, 0x00), _mm_shuffle_ps(s3, s3, 0xFF), _mm_set1_ps(s16)};
    __m128 best[3] = {neg, neg, neg};
    for (int ai = 0; ai < 9; ++ai) {
      for (int v = 0; v < 3; ++v) {
        // MAXPS(s, best): s where s > best, else best.
        best[v] = _mm_max_ps(_mm_add_ps(from[ai], _mm_load_ps(&starts.t[ai][4 * v])), best[v]);
      }
    }
    const __m128 e0 = _mm_loadu_ps(e), e1 = _mm_loadu_ps(e + 4);
    const __m128 e2 = _mm_loadu_ps(e + 8), e3 = _mm_loadu_ps(e + 12);
    // Tags 0, 1, 4, 5 and 8, 9, 12, 13; then 16.
    const __m128 n_lo = _mm_add_ps(best[0], _mm_movelh_ps(e0, e1));
    const __m128 n_hi = _mm_add_ps(best[1], _mm_movelh_ps(e2, e3));
    const float n16 = _mm_cvtss_f32(best[2]) + e[16];
    // I-x and L-x: from B-x, or from I-x where that is greater.
    const __m128 sb_lo = _mm_add_ps(_mm_shuffle_ps(s0, s1, _MM_SHUFFLE(1, 1, 1, 1)), tb_lo);
    const __m128 si_lo = _mm_add_ps(_mm_shuffle_ps(s0, s1, _MM_SHUFFLE(2, 2, 2, 2)), ti_lo);
    const __m128 sb_hi = _mm_add_ps(_mm_shuffle_ps(s2, s3, _MM_SHUFFLE(1, 1, 1, 1)), tb_hi);
    const __m128 si_hi = _mm_add_ps(_mm_shuffle_ps(s2, s3, _MM_SHUFFLE(2, 2, 2, 2)), ti_hi);
    const __m128 in_lo = _mm_max_ps(si_lo, sb_lo), in_hi = _mm_max_ps(si_hi, sb_hi);
    // Tags 2, 3, 6, 7 and 10, 11, 14, 15.
    const __m128 m_lo = _mm_add_ps(in_lo, _mm_shuffle_ps(e0, e1, _MM_SHUFFLE(3, 2, 3, 2)));
    const __m128 m_hi = _mm_add_ps(in_hi, _mm_shuffle_ps(e2, e3, _MM_SHUFFLE(3, 2, 3, 2)));
    s0 = _mm_movelh_ps(n_lo, m_lo);
    s1 = _mm_movehl_ps(m_lo, n_lo);
    s2 = _mm_movelh_ps(n_hi, m_hi);
    s3 = _mm_movehl_ps(m_hi, n_hi);
    s16 = n16;
    float* out = scores + static_cast<size_t>(i) * T;
    _mm_storeu_ps(out, s0);
    _mm_storeu_ps(out + 4, s1);
    _mm_storeu_ps(out + 8, s2);
    _mm_storeu_ps(out + 12, s3);
    out[16] = s16;
  }
}

// Of a step's scores s[0 .. 8) (ViterbiSteps' rows), those of kOpen's first
// four tags (0, 3, 4, 7); of s + 8, the next four (8, 11, 12, 15).
inline __m128 OpenOf(const float* s) {
  return _mm_shuffle_ps(_mm_loadu_ps(s), _mm_loadu_ps(s + 4), _MM_SHUFFLE(3, 0, 3, 0));
}

// Of nine sums (a0's four lanes, a1's, then a2), the first that is the
// greatest (its index; the greatest in *max): what a loop over them in order
// keeping the one with a strictly greater sum finds (sums are never NaN).
inline int FirstOfMax(__m128 a0, __m128 a1, float a2, float* max) {
  __m128 m = _mm_max_ps(a0, a1);
  m = _mm_max_ps(m, _mm_shuffle_ps(m, m, _MM_SHUFFLE(1, 0, 3, 2)));
  m = _mm_max_ps(m, _mm_shuffle_ps(m, m, _MM_SHUFFLE(2, 3, 0, 1)));
  const float best = std::max(_mm_cvtss_f32(m), a2);
  const __m128 bv = _mm_set1_ps(best);
  const int at = _mm_movemask_ps(_mm_cmpeq_ps(a0, bv)) |
                 _mm_movemask_ps(_mm_cmpeq_ps(a1, bv)) << 4 | (a2 == best ? 1 << 8 : 0);
  *max = best;
  return __builtin_ctz(static_cast<unsigned>(at));
}

// The predecessor of tag b on the best path into it from a step whose scores
// are `prev` (ViterbiSteps'): the back pointer ViterbiRun's loop stores, from
// the same sums. Into O, B-* and U-*: the first of kOpen with the greatest
// sum (strict >), 0 when none is above kNeg; into I-x and L-x: I-x where its
// sum is greater than B-x's, else B-x, 0 when neither is above kNeg.
inline int ViterbiPred(const float* prev, int b, const StartTransitions& starts) {
  constexpr float kNeg = -1e30f;
  const int part = PartOfTag(b);
  if (part == 1 || part == 2) {  // I-x, L-x
    const int x = (b - 1) / 4, tb = 1 + 4 * x, ti = tb + 1;
    const int h = x >> 1, lane = 2 * (x & 1) + (part == 2 ? 1 : 0);
    const float sb = prev[tb] + starts.inner[h][0][lane];
    const float si = prev[ti] + starts.inner[h][1][lane];
    if (!(std::max(si, sb) > kNeg)) return 0;
    return si > sb ? ti : tb;
  }
  const int lane = b == 0 ? 0 : 1 + 2 * ((b - 1) / 4) + (part == 3 ? 1 : 0);  // b's in kStarts
  const float* t = starts.into[lane];
  float best;
  const int ai =
      FirstOfMax(_mm_add_ps(OpenOf(prev), _mm_load_ps(t)),
                 _mm_add_ps(OpenOf(prev + 8), _mm_load_ps(t + 4)), prev[16] + t[8], &best);
  return best > kNeg ? kOpen[ai] : 0;
}
#endif

// Viterbi over n tokens that may take any tag, entered from row `from` of the
// transitions (T: the start; 0: after an O) and, when `then_o`, followed by an O.
// `starts`: the same transitions as StartTransitions.
// `back` and `steps`: buffers, kept by the caller over its runs (x86 uses
// `steps`, ViterbiSteps' scores; other targets `back`, the back pointers).
void ViterbiRun(const float* emissions, uint32_t n, const float* transitions,
                const StartTransitions& starts, int from, bool then_o, uint8_t* tags,
                std::vector<uint8_t>* back, std::vector<float>* steps) {
  constexpr int T = kNumTags;
  constexpr float kNeg = -1e30f;
  const Legal& legal = Legal::Get();
  if (n == 1 && (from == T || from == 0)) {
    // One token (most runs): the best tag that may both start and end the
    // run, scored as below (same sums, same order, same ties) without the
    // back pointers. Of the tags that may end a run (kOpen), L-x may not
    // follow the start or an O (`from`, T or 0): its kNeg score never beat
    // O's, which is always legal and scored first, so only O and U-x are
    // scored (ViterbiIsThePlainOne).
    int best = 0;
    float bs = kNeg * 2;
    for (const int b : kOneTag) {
      const float score = transitions[from * T + b] + emissions[b];
      const float s = then_o ? score + transitions[b * T] : score;
      if (s > bs) {
        bs = s;
        best = b;
      }
    }
    tags[0] = static_cast<uint8_t>(best);
    return;
  }
  float score_buf[T], next[T];
  float* score = score_buf;
#if defined(__SSE2__)
  // (Never shrunk: a longer run after a shorter one fills no zeros again.)
  if (steps->size() < static_cast<size_t>(n) * T) steps->resize(static_cast<size_t>(n) * T);
  float* const sc = steps->data();
  score = sc;  // step 0's scores are the first row
  (void)back;
#else
  back->resize(static_cast<size_t>(n) * T);
  (void)steps;
#endif
#if defined(__GNUC__)  // from the start or after an O (every run's): 16 tags at once
  if (from == T || from == 0) {
    typedef float F4 __attribute__((vector_size(16)));
    typedef int32_t I4 __attribute__((vector_size(16)));
    const int f = from == T ? 0 : 1;
    const F4 neg = {kNeg, kNeg, kNeg, kNeg};
    for (int v = 0; v < 4; ++v) {
      F4 t, e;
      I4 m;
      std::memcpy(&t, &starts.first[f][4 * v], sizeof t);
      std::memcpy(&e, emissions + 4 * v, sizeof e);
      std::memcpy(&m, &starts.legal[f][4 * v], sizeof m);
      const F4 s = (F4)(((I4)(t + e) & m) | ((I4)neg & ~m));  // the same sums, or kNeg
      std::memcpy(score + 4 * v, &s, sizeof s);
    }
    score[16] = starts.legal[f][16] ? starts.first[f][16] + emissions[16] : kNeg;
  } else
#endif
  {
    for (int b = 0; b < T; ++b) {
      score[b] = legal.ok[from][b] ? transitions[from * T + b] + emissions[b] : kNeg;
    }
  }
#if defined(__SSE2__)
  ViterbiSteps(emissions, n, starts, sc);
  score = sc + static_cast<size_t>(n - 1) * T;  // the last step's
  (void)next;
#else
  for (uint32_t i = 1; i < n; ++i) {
    const float* e = emissions + static_cast<size_t>(i) * T;
    uint8_t* bk = &(*back)[static_cast<size_t>(i) * T];
    // Into O, B-* and U-*: for each target the best of the 9 predecessors, the
    // first one on a tie. All 9 targets at once, lane by lane: the same sums
    // and the same strict > in the same order as one target at a time.
#if defined(__GNUC__)  // g++ and clang (em++): vector extensions
    typedef float F4 __attribute__((vector_size(16)));
    typedef int32_t I4 __attribute__((vector_size(16)));
    F4 best[3];
    I4 arg[3];
    for (int v = 0; v < 3; ++v) {
      best[v] = F4{kNeg, kNeg, kNeg, kNeg};
      arg[v] = I4{0, 0, 0, 0};
    }
    for (int ai = 0; ai < 9; ++ai) {
      const float sa = score[kOpen[ai]];
      const F4 s4 = {sa, sa, sa, sa};
      const int32_t a = kOpen[ai];
      const I4 a4 = {a, a, a, a};
      for (int v = 0; v < 3; ++v) {
        F4 tv;
        std::memcpy(&tv, &starts.t[ai][4 * v], sizeof tv);
        const F4 s = s4 + tv;
        const I4 m = s > best[v];  // all ones where s is greater
#if defined(__SSE__)
        // MAXPS(s, best) is s where s > best, else best (ties, NaN too): one
        // instruction for the three of the masks.
        best[v] = (F4)_mm_max_ps((__m128)s, (__m128)best[v]);
#else
        best[v] = (F4)(((I4)s & m) | ((I4)best[v] & ~m));
#endif
        arg[v] = (a4 & m) | (arg[v] & ~m);
      }
    }
    float best_lane[kLanes];
    int32_t arg_lane[kLanes];
    std::memcpy(best_lane, best, sizeof best_lane);
    std::memcpy(arg_lane, arg, sizeof arg_lane);
    for (int lane = 0; lane < 9; ++lane) {
      const int b = kStarts[lane];
      next[b] = best_lane[lane] + e[b];
      bk[b] = static_cast<uint8_t>(arg_lane[lane]);
    }
#else
    for (int lane = 0; lane < 9; ++lane) {
      const int b = kStarts[lane];
      float best = kNeg;
      int arg = 0;
      for (int ai = 0; ai < 9; ++ai) {
        float s = score[kOpen[ai]] + starts.t[ai][lane];
        if (s > best) {
          best = s;
          arg = kOpen[ai];
        }
      }
      next[b] = best + e[b];
      bk[b] = static_cast<uint8_t>(arg);
    }
#endif
    for (int x = 0; x < kNumTypes; ++x) {
      const int tb = 1 + 4 * x, ti = tb + 1;
      for (int b = ti; b <= ti + 1; ++b) {  // I-x, L-x
        float sb = score[tb] + transitions[tb * T + b], si = score[ti] + transitions[ti * T + b];
        int arg = tb;
        float best = sb;
        if (si > best) {
          best = si;
          arg = ti;
        }
        if (best <= kNeg) arg = 0;  // unreachable, as the generic loop leaves it
        next[b] = best + e[b];
        bk[b] = static_cast<uint8_t>(arg);
      }
    }
    std::copy(next, next + T, score);
  }
#endif
  int best = 0;
#if defined(__SSE2__)
  {  // the tags that may end a run (kOpen), the first of the greatest
    __m128 a0 = OpenOf(score), a1 = OpenOf(score + 8);
    float a2 = score[16], bs;
    if (then_o) {
      a0 = _mm_add_ps(a0, _mm_load_ps(starts.to_o));
      a1 = _mm_add_ps(a1, _mm_load_ps(starts.to_o + 4));
      a2 += starts.to_o[8];
    }
    best = kOpen[FirstOfMax(a0, a1, a2, &bs)];
  }
#else
  float bs = kNeg * 2;
  for (const int b : kOpen) {  // the tags that may end a run, in order
    float s = then_o ? score[b] + transitions[b * T] : score[b];
    if (s > bs) {
      bs = s;
      best = b;
    }
  }
#endif
  for (uint32_t i = n; i-- > 0;) {
    tags[i] = static_cast<uint8_t>(best);
#if defined(__SSE2__)
    if (i > 0) best = ViterbiPred(sc + static_cast<size_t>(i - 1) * T, best, starts);
#else
    if (i > 0) best = (*back)[static_cast<size_t>(i) * T + best];
#endif
  }
}

}  // namespace

void Viterbi(const float* emissions, uint32_t n, const float* transitions, uint8_t* tags,
             const uint8_t* quiet) {
  constexpr int T = kNumTags;
  std::vector<uint8_t> back;
  std::vector<float> steps;
  const StartTransitions starts(transitions);
  if (!quiet) {
    if (n > 0) ViterbiRun(emissions, n, transitions, starts, T, false, tags, &back, &steps);
    return;
  }
  // A quiet token is O, so the best path splits there: each run of other tokens
  // is entered after an O (or from the start) and left into an O (or the end).
  for (uint32_t i = 0; i < n;) {
    if (quiet[i]) {
      tags[i++] = 0;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && !quiet[j]) ++j;
    ViterbiRun(emissions + static_cast<size_t>(i) * T, j - i, transitions, starts, i == 0 ? T : 0,
               j < n, tags + i, &back, &steps);
    i = j;
  }
}

void SpansFromTags(const uint8_t* tags, uint32_t n, uint32_t begin, std::vector<NameSpan>* out) {
  for (uint32_t k = 0; k < n; ++k) {
    int part = PartOfTag(tags[k]);
    if (part == 3) {
      out->push_back({begin + k, begin + k + 1, TypeOfTag(tags[k])});
    } else if (part == 0) {
      uint32_t j = k + 1;
      while (j < n && PartOfTag(tags[j]) == 1) ++j;
      if (j < n && PartOfTag(tags[j]) == 2) {
        out->push_back({begin + k, begin + j + 1, TypeOfTag(tags[k])});
        k = j;
      }
    }
  }
}

// File: "LNER", u32 version (3), u32 tags, u32 features, f32 scale,
// f32 transitions[(tags + 1) * tags], i8 weights[features][tags] (the keys
// ascending; feature-major: one feature's weights are one row, read in
// place), the keys Rice coded (data/rice_code.h; 70 KB, 117 KB as u32 when
// gzipped), then the typer's section (Typer::Serialize). Version 2 had u32
// keys[features] before the weights, version 1 also the weights tag-major;
// both still load.
float Int8Scale(const std::vector<float>& w) {
  float max = 0;
  for (float x : w) max = std::max(max, std::fabs(x));
  return max > 0 ? max / 127.0f : 1.0f;
}

void AppendInt8Rows(const std::vector<uint32_t>& keys, const std::vector<float>& w, int cols,
                    float scale, std::string* out) {
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t i : order) {
    for (int c = 0; c < cols; ++c) {
      float q = std::round(w[i * cols + c] / scale);
      out->push_back(
          static_cast<char>(static_cast<int8_t>(std::max(-127.0f, std::min(127.0f, q)))));
    }
  }
  std::vector<uint32_t> sorted(keys.size());
  for (size_t i = 0; i < order.size(); ++i) sorted[i] = keys[order[i]];
  AppendRiceCoded(sorted, out);
}

namespace {
constexpr int kPairRoles = 4;  // PairRole's bits
constexpr uint32_t kPairMaxBits = 20;
// The slot of the pair filter (2^bits slots) of the word with lower-case hash
// `lower` (Model::PairRoles).
inline uint32_t PairSlot(uint32_t lower, uint32_t bits) {
  return (lower * 0x9E3779B1u) >> (32 - bits);
}
}  // namespace

std::string Model::Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& w,
                             const std::vector<float>& transitions,
                             const std::vector<std::pair<uint32_t, uint8_t>>& pair_words) {
  const float scale = Int8Scale(w);
  std::string out(kMagic, 4);
  auto put32 = [&](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  auto putf = [&](float v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  put32(kVersion);
  put32(kNumTags);
  put32(static_cast<uint32_t>(keys.size()));
  putf(scale);
  for (float t : transitions) putf(t);
  AppendInt8Rows(keys, w, kNumTags, scale, &out);
  // The pair filter (version 4): u32 bits (0: none, every pair looked up),
  // then a byte for each of the 2^bits slots (PairSlot) of the words'
  // lower-case hashes: the roles (PairRole) of the words of the slot. About
  // 8 slots a word of the largest role: a word with no role reads one as a
  // false one about one time in 8 (a look-up that finds nothing). Bytes, not
  // the slots Rice coded: the tagger reads them where they lie (no decoding
  // at load), and they gzip smaller (most are 0).
  size_t per_role[kPairRoles] = {};
  {
    std::vector<std::pair<uint32_t, uint8_t>> distinct = pair_words;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const auto& [word, roles] : distinct) {
      for (int r = 0; r < kPairRoles; ++r) per_role[r] += roles >> r & 1;
    }
  }
  const size_t most = *std::max_element(per_role, per_role + kPairRoles);
  uint32_t bits = 0;
  if (!pair_words.empty()) {
    bits = 4;
    while (bits < kPairMaxBits && (size_t{1} << bits) < 8 * most) ++bits;
  }
  put32(bits);
  if (bits > 0) {
    std::string roles(size_t{1} << bits, '\0');
    for (const auto& [word, r] : pair_words) roles[PairSlot(word, bits)] |= static_cast<char>(r);
    out += roles;
  }
  return out;
}

// The weights are used where they lie in the file (the embedded model: not
// copied); the keys are decoded into the heap (version 3: AppendInt8Rows), and
// the bucket index over them is built, one pass. Versions 1 and 2 (the keys
// as u32 before the weights; version 1's weights tag-major) still load.
bool Model::Load(std::string_view b, bool copy) {
  *this = Model();
  constexpr size_t kHeader = 20, kTransitions = (kNumTags + 1) * kNumTags * 4;
  if (b.size() < kHeader || std::memcmp(b.data(), kMagic, 4) != 0) return false;
  uint32_t version, tags, nf;
  std::memcpy(&version, b.data() + 4, 4);
  std::memcpy(&tags, b.data() + 8, 4);
  std::memcpy(&nf, b.data() + 12, 4);
  std::memcpy(&scale_, b.data() + 16, 4);
  // (nf: at most what start_'s 24 index bits count.)
  if (version < 1 || version > kVersion || tags != kNumTags || nf > kMaxFeatures) return false;
  const size_t key_bytes = static_cast<size_t>(nf) * 4,
               row_bytes = static_cast<size_t>(nf) * kNumTags;
  if (b.size() - kHeader < kTransitions + (version >= 3 ? 0 : key_bytes) + row_bytes) return false;
  transitions_.resize((kNumTags + 1) * kNumTags);
  std::memcpy(transitions_.data(), b.data() + kHeader, kTransitions);
  const char* keys;
  const char* weights;
  size_t tagger_end;  // where the typer's section starts, if the file has one
  if (version >= 3) {
    weights = b.data() + kHeader + kTransitions;
    // The keys (and with copy, the rows after them) in a buffer of their own,
    // not zero-filled: ReadRiceCoded writes every key, or Load fails.
    std::shared_ptr<uint32_t[]> owned(new uint32_t[nf + (copy ? (row_bytes + 3) / 4 : 0)]);
    const size_t code = kHeader + kTransitions + row_bytes;
    const size_t read = ReadRiceCoded(b.substr(code), nf, owned.get());
    if (read == 0) {
      *this = Model();
      return false;
    }
    tagger_end = code + read;
    keys = reinterpret_cast<const char*>(owned.get());
    if (copy) {
      std::memcpy(owned.get() + nf, weights, row_bytes);
      weights = reinterpret_cast<const char*>(owned.get() + nf);
    }
    owned_ = std::move(owned);
  } else {
    keys = b.data() + kHeader + kTransitions;
    weights = keys + key_bytes;
    tagger_end = kHeader + kTransitions + key_bytes + row_bytes;
    if (version == 1) {  // tag-major weights: transposed into rows
      auto owned = std::make_shared<std::string>(key_bytes + row_bytes, '\0');
      std::memcpy(&(*owned)[0], keys, key_bytes);
      char* rows = &(*owned)[0] + key_bytes;
      for (int tag = 0; tag < kNumTags; ++tag) {
        for (uint32_t i = 0; i < nf; ++i)
          rows[static_cast<size_t>(i) * kNumTags + tag] = *weights++;
      }
      keys = owned->data();
      weights = rows;
      owned_ = std::move(owned);
    } else if (copy || reinterpret_cast<uintptr_t>(keys) % alignof(uint32_t) != 0) {
      auto owned = std::make_shared<const std::string>(keys, key_bytes + row_bytes);
      keys = owned->data();
      owned_ = std::move(owned);
      weights = keys + key_bytes;
    }
  }
  keys_ = reinterpret_cast<const uint32_t*>(keys);
  rows_ = reinterpret_cast<const int8_t*>(weights);
  // Buckets by the keys' top bits (about one key each; keys are hashes):
  // bucket k holds keys_[start_[k] >> 8 .. start_[k + 1] >> 8), and
  // start_[k]'s low byte has bit SubBucket(key) set for each of them (the
  // key's three low bits), so that most keys the model has not (Find's:
  // about three look-ups in four in news, first sightings of a word pair)
  // are told by the one load of start_, not by a second, of keys_, in
  // another cache line.
  int bits = 4;
  while (bits < 24 && (size_t{1} << bits) < nf) ++bits;
  shift_ = 32 - bits;
  // (Filled with nf, though IndexKeys writes every entry: with no fill
  // value, or nf << 8, em++ unrolled the version 1 loop above, +1.5 K wasm
  // instructions.)
  start_.assign((size_t{1} << bits) + 1, nf);
  // Version 3's keys ascend by their code (gaps); older files are checked.
  for (uint32_t i = 1; version < 3 && i < nf; ++i) {
    if (keys_[i] < keys_[i - 1]) {  // not ascending: not a model we wrote
      *this = Model();
      return false;
    }
  }
  IndexKeys(keys_, nf, static_cast<uint32_t>(shift_), start_.data(), start_.size());
  num_features_ = nf;
  std::string_view filter;
  if (version >= 4 && !ReadPairFilter(b, &tagger_end, &filter)) {
    *this = Model();
    return false;
  }
  if (!filter.empty()) {
    if (copy) {
      auto owned = std::make_shared<const std::string>(filter);
      filter = *owned;
      pair_owned_ = std::move(owned);
    }
    pair_roles_ = reinterpret_cast<const uint8_t*>(filter.data());
  }
  // The span typer's section, if the file has one (Typer::Serialize).
  if (b.size() > tagger_end && !typer_.Load(b.substr(tagger_end))) {
    *this = Model();
    return false;
  }
  // Tag's caches of summed rows know a model by it (not by its address, which
  // a model loaded after another is freed may have again).
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial++;
  return true;
}

const uint8_t Model::kAllPairRoles[2] = {0xFF, 0xFF};

bool Model::ReadPairFilter(std::string_view b, size_t* at, std::string_view* filter) {
  uint32_t bits;
  if (b.size() - *at < 4) return false;
  std::memcpy(&bits, b.data() + *at, 4);
  *at += 4;
  if (bits == 0) return true;  // no filter
  if (bits < 4 || bits > kPairMaxBits || b.size() - *at < size_t{1} << bits) return false;
  *filter = b.substr(*at, size_t{1} << bits);
  *at += filter->size();
  pair_shift_ = static_cast<int>(32 - bits);
  return true;
}

// Out of line: inside Load, this loop made em++ unroll Load's version 1
// loop (+1.5 K wasm instructions).
#if defined(__GNUC__)
__attribute__((noinline))
#endif
void Model::IndexKeys(const uint32_t* key, uint32_t nf, uint32_t shift, uint32_t* start,
                      size_t size) {
  uint32_t bucket = 0;
  for (uint32_t i = 0; i < nf; ++i) {
    const uint32_t h = key[i], k = h >> shift;
    for (; bucket <= k; ++bucket) start[bucket] = i << 8;
    start[k] |= 1u << SubBucket(h);
  }
  for (; bucket < size; ++bucket) start[bucket] = nf << 8;  // past the last key
}

namespace {
// The row of a bucket's first key (most keys found are their bucket's first)
// fetched while its keys are searched: the row's load, after the search, no
// longer waits for a third cache miss in a chain. Not in wasm (no prefetch).
// (Find's alone: in AddWeights, 7 instructions a feature, its share of the
// time did not fall.)
inline void PrefetchRow(const int8_t* rows, uint32_t i) {
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
  const int8_t* row = rows + static_cast<size_t>(i) * kNumTags;
  __builtin_prefetch(row);
  __builtin_prefetch(row + kNumTags - 1);  // a row may cross into the next line
#else
  (void)rows;
  (void)i;
#endif
}
}  // namespace

const int8_t* Model::Find(uint32_t key) const {
  if (key == 0) return nullptr;  // 0 is no feature
  const uint32_t k = key >> shift_;
  const uint32_t d = start_[k];
  if (!(d >> SubBucket(key) & 1)) return nullptr;
  PrefetchRow(rows_, d >> 8);
  for (uint32_t i = d >> 8, e = start_[k + 1] >> 8; i < e; ++i) {
    if (keys_[i] == key) return rows_ + static_cast<size_t>(i) * kNumTags;
    if (keys_[i] > key) break;
  }
  return nullptr;
}

namespace {

// Adds a feature's weights (kNumTags) to acc (a row of kRow), or with
// kTakeOff takes them off again: int16 sums wrap, so a row added and taken
// off leaves acc as it was (Model::Tag's sliding context bag).
template <bool kTakeOff>
inline void MoveRow(const int8_t* row, int16_t* acc) {
#if defined(__GNUC__)  // g++ and clang (em++): 16 sums as one vector, the 17th alone
  static_assert(kNumTags == 17, "16 tags in a vector, one more");
  typedef int8_t V16x8 __attribute__((vector_size(16)));
  typedef int16_t V16x16 __attribute__((vector_size(32)));
  V16x8 w;
  V16x16 a;
  std::memcpy(&w, row, sizeof w);
  std::memcpy(&a, acc, sizeof a);
  if (kTakeOff) {
    a -= __builtin_convertvector(w, V16x16);
  } else {
    a += __builtin_convertvector(w, V16x16);
  }
  std::memcpy(acc, &a, sizeof a);
  acc[16] = static_cast<int16_t>(kTakeOff ? acc[16] - row[16] : acc[16] + row[16]);
#else
  for (int t = 0; t < kNumTags; ++t)
    acc[t] = static_cast<int16_t>(kTakeOff ? acc[t] - row[t] : acc[t] + row[t]);
#endif
}
inline void AddRow(const int8_t* row, int16_t* acc) { MoveRow<false>(row, acc); }
inline void SubRow(const int8_t* row, int16_t* acc) { MoveRow<true>(row, acc); }

// acc[t] += sums[t] for the kNumTags sums of two rows of kRow.
inline void AddSums(const int16_t* sums, int16_t* acc) {
#if defined(__GNUC__)  // 16 at once, the 17th alone
  typedef int16_t V16x16 __attribute__((vector_size(32)));
  V16x16 a, s;
  std::memcpy(&a, acc, sizeof a);
  std::memcpy(&s, sums, sizeof s);
  a += s;
  std::memcpy(acc, &a, sizeof a);
  acc[16] = static_cast<int16_t>(acc[16] + sums[16]);
#else
  for (int t = 0; t < kNumTags; ++t) acc[t] = static_cast<int16_t>(acc[t] + sums[t]);
#endif
}

// g++ and clang (em++) on a little-endian machine: a row's bytes read as
// int16 lanes, low byte first (Model::AddWeights).
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LEDE_NER_LANES 1
#else
#define LEDE_NER_LANES 0
#endif

// em[t] = acc[t] * scale for the kNumTags sums of a row (kRow) of acc.
inline void ToFloats(const int16_t* acc, float scale, float* em) {
#if defined(__GNUC__)  // 16 at once, the 17th alone: the same products
  typedef int16_t V16x16 __attribute__((vector_size(32)));
  typedef float F16 __attribute__((vector_size(64)));
  V16x16 a;
  std::memcpy(&a, acc, sizeof a);
  const F16 f = __builtin_convertvector(a, F16) * scale;
  std::memcpy(em, &f, sizeof f);
  em[16] = acc[16] * scale;
#else
  for (int t = 0; t < kNumTags; ++t) em[t] = acc[t] * scale;
#endif
}

}  // namespace

void Model::AddWeights(const uint32_t* feats, size_t from, size_t to, int16_t* acc) const {
  static_assert(kRow >= 16, "AddRow writes 16 sums at once");
  // Find, with the model's arrays held in locals: the stores into acc might
  // alias the members, which the compiler then loaded again for every feature.
  const uint32_t* keys = keys_;
  const uint32_t* start = start_.data();
  const int8_t* rows = rows_;
  const int shift = shift_;
  const uint32_t* f = feats;
#if LEDE_NER_LANES  // the sums stay in registers over the features
  // A row's 16 first int8 weights read as 8 int16 lanes: the even tags are
  // each lane's low byte (sign-extended by the shifts), the odd ones its high
  // byte. Summed apart over the features, interleaved back at the end: int16
  // sums, as AddRow's, without its loads and stores of acc for each feature.
  typedef int16_t V8x16 __attribute__((vector_size(16)));
  typedef uint16_t U8x16 __attribute__((vector_size(16)));
  V8x16 even = {0, 0, 0, 0, 0, 0, 0, 0}, odd = even;
  int16_t a16 = acc[16];
#endif
  for (size_t x = from; x < to; ++x) {
    const uint32_t key = f[x];
    if (key == 0) continue;  // 0 is no feature
    const uint32_t k = key >> shift;
    // (Not start_'s SubBucket bits: most of these keys are the model's.)
    for (uint32_t i = start[k] >> 8, e = start[k + 1] >> 8; i < e; ++i) {
      if (keys[i] == key) {
        const int8_t* row = rows + static_cast<size_t>(i) * kNumTags;
#if LEDE_NER_LANES
        V8x16 w;
        std::memcpy(&w, row, sizeof w);
        even += (V8x16)((U8x16)w << 8) >> 8;
        odd += w >> 8;
        a16 = static_cast<int16_t>(a16 + row[16]);
#else
        AddRow(row, acc);
#endif
        break;
      }
      if (keys[i] > key) break;
    }
  }
#if LEDE_NER_LANES
  V8x16 lo, hi;
  std::memcpy(&lo, acc, sizeof lo);
  std::memcpy(&hi, acc + 8, sizeof hi);
  lo += __builtin_shufflevector(even, odd, 0, 8, 1, 9, 2, 10, 3, 11);
  hi += __builtin_shufflevector(even, odd, 4, 12, 5, 13, 6, 14, 7, 15);
  std::memcpy(acc, &lo, sizeof lo);
  std::memcpy(acc + 8, &hi, sizeof hi);
  acc[16] = a16;
#endif
}

namespace {

// Pass 1's scores: a row of kNumTags sums per token that is not quiet, in
// one block of the exact size (the tokens are counted first). Freed after
// pass 2, it leaves one hole that the typer's scores and features fit in; in
// 1024-row blocks between the span scores' (as before), its holes held
// neither, and the wasm heap's top rose 1.0x the input past the bytes in use.
class ScoreRows {
 public:
  ScoreRows() = default;
  explicit ScoreRows(size_t rows) : rows_(new int16_t[rows * kNumTags]) {}
  int16_t* Add() { return &rows_[(n_++) * kNumTags]; }
  const int16_t* operator[](size_t row) const { return &rows_[row * kNumTags]; }
  size_t size() const { return n_; }

 private:
  std::unique_ptr<int16_t[]> rows_;
  size_t n_ = 0;
};

}  // namespace

namespace {
// One of Model::Tag's tables kept for the thread's next documents (T: made
// from a model, holding its `serial` and a `model` pointer): the thread's
// own, made again when a model of another serial tags; its `model` is set to
// the one tagging (the same weights as the one that made it, which may be
// gone).
template <typename T>
T& KeptForThread(const Model* model, uint64_t serial) {
  static thread_local std::unique_ptr<T> kept;
  if (!kept || kept->serial != serial) kept.reset(new T(model));
  kept->model = model;
  return *kept;
}
}  // namespace

std::vector<NameSpan> Model::Tag(const Document& doc, DocContext* context_out) const {
  std::vector<NameSpan> out;
  DocContext context = BuildDocContext(doc);
  if (empty()) {
    if (context_out) *context_out = std::move(context);
    return out;
  }
  // Pass 1: every token as if its word occurred once. The scores of the tokens
  // that are not quiet are kept (`base`, without the history features) for
  // pass 2; quiet tokens are O and cost nothing more.
  std::vector<uint32_t> hist;
  std::vector<float> emissions;
  // A bit a token, set for those that are not quiet (kept through both
  // passes); words of 64, so that the passes skip quiet stretches a word at a
  // time.
  std::vector<uint64_t> loud_bits;
  const auto sequences = Sequences(doc);
  // The quiet tokens first: pass 1's scores are kept for the others.
  LoudBits(doc, context, sequences, &loud_bits);
  auto is_loud = [&](uint32_t k) { return BitAt(loud_bits.data(), k); };
  // The first token from b on in [b, end) that is not quiet, or end.
  // (Inlined: out of line, as g++ left it, p35 0.07 M more.)
#if defined(__GNUC__)
#define LEDE_NER_INLINE __attribute__((always_inline))
#else
#define LEDE_NER_INLINE
#endif
  auto next_loud = [&](uint32_t b, uint32_t end)
                       LEDE_NER_INLINE { return NextBit(loud_bits.data(), b, end); };
#undef LEDE_NER_INLINE
  size_t loud = 0;
  for (const uint64_t w : loud_bits) loud += static_cast<size_t>(__builtin_popcountll(w));
  // One row of kNumTags per token that is not quiet, in text order: a run of
  // such tokens has consecutive rows, so no per-token index is kept.
  ScoreRows base(loud);
  // The tags of those tokens (a quiet token is O), in the same order: a
  // token's tag is at its row. A tag is < kNumTags (17).
  std::vector<uint8_t> tags(loud, 0);
  // The sums of the tags, then zeros. int16 is exact: a token has under 80
  // features (with the history ones and the context bag), each weight within
  // +-127.
  int16_t acc[kRow] = {};
  std::vector<uint8_t> back;  // ViterbiRun's buffers
  std::vector<float> steps;
  const StartTransitions starts(transitions_.data());
  // Per Document word id: the summed weights of its text-only features,
  // added by the cache the first time a token of the word is scored. Not
  // zero-filled: a row is read only for a scored token, once the cache has
  // written it (most words are never scored; the fill was 0.24 M of p35).
  std::unique_ptr<int16_t[]> word_rows(new int16_t[static_cast<size_t>(doc.words()) * kNumTags]);
  // (And those of WordClsFeatures, as the token given decides its case class.)
  // Those two sums depend on the word's TokInfo, its list bits and the model
  // alone: they are kept by those in a direct-mapped cache of 1,024 rows (80
  // KB) for the thread's next documents, as SmallRows' below ("Trump", "U.S.",
  // "Mr." recur from one article to the next).
  struct KeptWordRows {
    struct Entry {
      uint32_t lower, exact, shape, pre[3], suf[3];
      uint16_t fine;
      uint8_t coarse, cls_lists;  // cls | lists << 4; 0xFF when empty
      static_assert(kClsOther < 16 && (WordListTable::kCity | WordListTable::kGivenName) < 16,
                    "a class and the list bits fit cls_lists, below 0xFF");
      int16_t row[kRow];
    };
    const Model* model;
    uint64_t serial;
    std::vector<Entry> entries;
    explicit KeptWordRows(const Model* m) : model(m), serial(m->serial_) {
      entries.resize(1024);
      for (Entry& e : entries) e.cls_lists = 0xFF;
    }
    const int16_t* Get(const TokInfo& info, uint8_t lists) {
      const uint8_t cls_lists = static_cast<uint8_t>(info.cls | lists << 4);
      Entry& e = entries[((info.exact + info.cls) * 0x9E3779B1u) >> 22];
      if (e.cls_lists != cls_lists || e.exact != info.exact || e.lower != info.lower ||
          e.shape != info.shape || e.fine != info.fine || e.coarse != info.coarse ||
          std::memcmp(e.pre, info.pre, sizeof e.pre) != 0 ||
          std::memcmp(e.suf, info.suf, sizeof e.suf) != 0) {
        uint32_t wf[kWordFeatures + kWordClsFeatures];
        int nw = WordFeatures(info, wf);
        nw += WordClsFeatures(info.fine, info.coarse, info.cls, lists, wf + nw);
        std::fill(e.row, e.row + kRow, 0);
        model->AddWeights(wf, 0, static_cast<size_t>(nw), e.row);
        e.lower = info.lower;
        e.exact = info.exact;
        e.shape = info.shape;
        std::memcpy(e.pre, info.pre, sizeof e.pre);
        std::memcpy(e.suf, info.suf, sizeof e.suf);
        e.fine = info.fine;
        e.coarse = info.coarse;
        e.cls_lists = cls_lists;
      }
      return e.row;
    }
  };
  KeptWordRows& kept_word_rows = KeptForThread<KeptWordRows>(this, serial_);
  // HistoryFeatures without a history: NoHistoryFeature of kClsCap, kClsCaps.
  const int8_t* const no_history[2] = {Find(NoHistoryFeature(kClsCap)),
                                       Find(NoHistoryFeature(kClsCaps))};
  struct WordRows {
    const Model* model;
    int16_t* rows;
    const DocContext* context;
    KeptWordRows* kept;
    const int8_t* const* no_history;
  } word_rows_of{this, word_rows.get(), &context, &kept_word_rows, no_history};
  InfoCache info_cache(
      doc, context, loud_bits.data(),
      [](void* context, uint32_t w, const TokInfo& info) {
        auto* r = static_cast<WordRows*>(context);
        int16_t* row = &r->rows[static_cast<size_t>(w) * kNumTags];
        const int16_t* kept = r->kept->Get(info, r->context->lists.by_word[w]);
        std::memcpy(row, kept, kNumTags * sizeof row[0]);
        // The document's bag of the word (DocBagFeatures), as its case class
        // gives it; and for a capitalized class (HasHistory's: the scored
        // tokens of a word share their class, and kClsCaps is kAllCaps'),
        // HistoryFeatures' one feature without a history, NoHistoryFeature
        // (pass 1's; pass 2's history rows take it off again where they
        // replace it), so that no scored token adds it itself.
        if (IsCapCls(info.cls)) {
          uint32_t bag[kDocBagMax];
          const int nb = DocBagFeatures(*r->context, r->context->word_of[w], bag);
          r->model->AddWeights(bag, 0, static_cast<size_t>(nb), row);
          if (const int8_t* h = r->no_history[info.cls == kClsCaps ? 1 : 0]) AddRow(h, row);
        }
      },
      &word_rows_of);
  // Pass 1's features of one neighbour's word, which FeaturizeWith leaves to
  // the tagger: 11 .. 14 (the lower-case word at -1, +1, -2, +2) and 61 (the
  // word cluster of a lower-case word in a capitalized word's context bag).
  // Their rows by (feature, value), in a direct-mapped cache of 80 KB (40 KB
  // with 4-byte pointers, as in wasm; and those of 18, 19, 23, 24, by their
  // two values, in one of 32 KB, 24 KB): news
  // repeats the words around its tokens ("the", "said", ","), so most are
  // found there without a Mix and a Find. The rows depend on the model alone:
  // the cache is kept for the thread's next documents, as SmallRows below.
  // The rows are kept as pointers into the model's weights: a model of the
  // same serial_ (a copy) has the same rows_ (shared through owned_, or the
  // caller's bytes), so they are valid whenever the tables are read.
  struct RowCache {
    struct Entry {
      uint32_t value;
      const int8_t* row;  // null: a feature the model has not
    };
    const Model* model;
    uint64_t serial;
    enum : uint32_t { kSize = 1024, kPairs = 512 };  // (a local class has no static data members)
    // 5 tables (features 11 .. 14, 61) of kSize. An empty entry holds a
    // value that is not its slot's (0, or 1 in slot 0), which no look-up
    // there finds. (Arrays of fixed size in the table, not vectors: a
    // look-up adds a constant to the table's address, where a vector's data
    // and size were loaded again after each call.)
    Entry entries[5 * kSize];
    // 18, 19, 23 and 24 (a token's word with a neighbour's, or its shape
    // with a neighbour's word) by their two values, as `entries` (an empty
    // entry holds two values that are not its slot's: 0 and 0, or 1 and 1 in
    // slot 0).
    struct PairEntry {
      uint32_t a, b;
      const int8_t* row;
    };
    PairEntry pairs[4 * kPairs];  // 4 tables
    static constexpr uint32_t PairSlot(uint32_t a, uint32_t b) {
      return (a * 0x9E3779B1u + b * 0x85EBCA77u) >> 23;
    }
    explicit RowCache(const Model* m) : model(m), serial(m->serial_) {
      std::fill(entries, entries + 5 * kSize, Entry{0, nullptr});
      std::fill(pairs, pairs + 4 * kPairs, PairEntry{0, 0, nullptr});
      for (uint32_t t = 0; t < 5; ++t) entries[t * kSize].value = 1;
      for (uint32_t t = 0; t < 4; ++t) pairs[t * kPairs].a = pairs[t * kPairs].b = 1;
    }
    // Feature Mix(id, a, b)'s weights, or null; `table` is id's (0 .. 3).
    const int8_t* Pair(uint32_t table, uint32_t id, uint32_t a, uint32_t b) {
      PairEntry& e = pairs[table * kPairs + PairSlot(a, b)];
      if (e.a != a || e.b != b) {
        e.a = a;
        e.b = b;
        // Mix(id, a, b), spelled out: g++ keeps the three-value Mix out of
        // line, and here id is a constant.
        e.row = model->Find(Mix(Mix(id, a), b));
      }
      return e.row;
    }
    // Feature Mix(id, value)'s weights, or null; `table` is id's (0 .. 4).
    const int8_t* Get(uint32_t table, uint32_t id, uint32_t value) {
      Entry& e = entries[table * kSize + (value & (kSize - 1))];
      if (e.value != value) {
        e.value = value;
        e.row = model->Find(Mix(id, value));
      }
      return e.row;
    }
  };
  static_assert(RowCache::PairSlot(0, 0) == 0 && RowCache::PairSlot(1, 1) != 0,
                "RowCache's empty pair entries");
  RowCache& row_cache = KeptForThread<RowCache>(this, serial_);
  // Pass 1's features that read only a few small values (FeaturizeWith leaves
  // them to the tagger): ShapeFeatures' and PlaceFeatures' summed rows by
  // those values, in direct-mapped caches, and the rows of 22 and 26 by
  // theirs. Most scored tokens share them ("Xx" between "x" and ",", no
  // gazetteer entry, no list), so most find them without the features' Mixes
  // and Finds. They depend on the model alone, so they are kept for the
  // thread's next documents (100 KB a tagging thread, 84 KB with 4-byte pointers, allocated at its
  // first document; a model loaded later has another serial_).
  constexpr int kShapeBits = 10, kPlaceBits = 8;
  struct SmallRows {
    struct ShapeEntry {
      uint32_t p, c, n, small;  // small: UINT32_MAX when empty
      int16_t row[kRow];
    };
    struct PlaceEntry {
      uint64_t key;  // UINT64_MAX when empty (Place() leaves the top bit 0)
      int16_t row[kRow];
    };
    const Model* model;
    uint64_t serial;
    ShapeEntry shape[1 << kShapeBits];
    PlaceEntry place[1 << kPlaceBits];
    // By Feature22Index and Feature26Index: the feature's weights (as
    // RowCache's), null when the model has not the feature, `not_yet` when
    // not looked up yet.
    const int8_t* row22[1 << 11];
    const int8_t* row26[1 << 11];
    static const int8_t* NotYet() {
      static const int8_t not_yet = 0;
      return &not_yet;
    }
    explicit SmallRows(const Model* m) : model(m), serial(m->serial_) {
      for (ShapeEntry& e : shape) e.small = UINT32_MAX;
      for (PlaceEntry& e : place) e.key = UINT64_MAX;
      std::fill(row22, row22 + (1 << 11), NotYet());
      std::fill(row26, row26 + (1 << 11), NotYet());
    }
    const int16_t* Shape(const Near& p1, const Near& c, const Near& n1, uint32_t start,
                         uint32_t line) {
      const uint32_t small = p1.cls | c.cls << 3 | n1.cls << 6 | start << 9 | line << 10;
      const uint32_t h = (p1.sshape * 0x9E3779B1u + c.sshape * 0x85EBCA77u +
                          n1.sshape * 0xC2B2AE3Du + small * 0x27D4EB2Fu) >>
                         (32 - kShapeBits);
      ShapeEntry& e = shape[h];
      if (e.small != small || e.p != p1.sshape || e.c != c.sshape || e.n != n1.sshape) {
        // ShapeFeatures reads the three infos' sshape and cls alone.
        TokInfo ip{}, ic{}, in{};
        ip.sshape = p1.sshape;
        ip.cls = static_cast<uint8_t>(p1.cls);
        ic.sshape = c.sshape;
        ic.cls = static_cast<uint8_t>(c.cls);
        in.sshape = n1.sshape;
        in.cls = static_cast<uint8_t>(n1.cls);
        uint32_t f[kShapeFeatures];
        const int nf = ShapeFeatures(ip, ic, in, start, line, f);
        std::fill(e.row, e.row + kRow, 0);
        model->AddWeights(f, 0, static_cast<size_t>(nf), e.row);
        e.p = p1.sshape;
        e.c = c.sshape;
        e.n = n1.sshape;
        e.small = small;
      }
      return e.row;
    }
    const int16_t* Place(uint64_t key) {
      PlaceEntry& e = place[(key * 0x9E3779B97F4A7C15ull) >> (64 - kPlaceBits)];
      if (e.key != key) {
        uint32_t f[kPlaceFeatures];
        const int nf = PlaceFeatures(key, f);
        std::fill(e.row, e.row + kRow, 0);
        model->AddWeights(f, 0, static_cast<size_t>(nf), e.row);
        e.key = key;
      }
      return e.row;
    }
    // The weights of feature `key`, or null, through `kept` (row22's or row26's).
    const int8_t* Row(const int8_t*& kept, uint32_t key) {
      if (kept == NotYet()) kept = model->Find(key);
      return kept;
    }
  };
  SmallRows& small_rows = KeptForThread<SmallRows>(this, serial_);
  struct SpanScore {
    uint32_t begin;
    float s[kNumTypes];
  };
  // For the typer. A deque: grown in blocks, never copied (a doubling vector
  // held twice its spans' scores at the tagger's peak, 0.9x the input on 1 MB
  // of news).
  std::deque<SpanScore> span_scores;
  // Tags the tokens [b, e) of a run of tokens that are not quiet, inside the
  // sequence [begin, end) (a quiet token is O, so the runs are independent).
  // `row`: token b's row in base.
  // Pass 2's history rows: the summed weights of HistoryFeatures, by what
  // they depend on there (the word's first-pass counts, fixed in pass 2; the
  // token's own first-pass tag, its case class and its sentence's caps-line
  // value), in a direct-mapped cache sized at pass 2: a name recurs with the
  // same tag, so most are found without the features and their Finds. A
  // row holds their sums less NoHistoryFeature's row, which the token's
  // word row holds (int16 sums wrap: the same sums in the end).
  struct HistoryRow {
    uint32_t word = 0;
    uint32_t key = UINT32_MAX;  // own tag | ALL CAPS << 5 | caps line << 6; UINT32_MAX: empty
    int16_t row[kNumTags] = {};
  };
  std::vector<HistoryRow> history_rows;
  constexpr int kHistoryRowBits = 7;  // 128 rows, 5.5 KB (at the tagger's peak: not more)
  int history_shift = 32;
  // `spans`: whether the typer is given the run's span scores (pass 1's of a
  // run that pass 2 tags again are never read: pass 2's replace them).
  auto run = [&](uint32_t begin, uint32_t end, uint32_t b, uint32_t e, size_t row,
                 const History* history, bool spans) {
    // (Never shrunk: a longer run after a shorter one fills no zeros again;
    // ToFloats writes every score the run reads.)
    if (emissions.size() < static_cast<size_t>(e - b) * kNumTags)
      emissions.resize(static_cast<size_t>(e - b) * kNumTags);
    for (uint32_t i = b; i < e; ++i) {
      // The token's pass 1 sums (with NoHistoryFeature for a HasHistory()
      // token, in its word row), or in pass 2, for a word with another
      // HasHistory() token, those with its history features instead.
      const int16_t* sums = base[row + (i - b)];
      if (history && BitAt(context.history.data(), i) &&  // HasHistory(doc, i)
          context.repeated[context.Word(doc, i)] >= 0x80) {
        const uint32_t word = context.Word(doc, i);
        const uint8_t own = tags[row + (i - b)];
        const uint32_t caps = doc.tokens[i].Is(kAllCaps) ? 1u : 0u;
        const uint32_t key = own | caps << 5 | static_cast<uint32_t>(context.caps_line[i]) << 6;
        HistoryRow& h = history_rows[((word << 8 | key) * 0x9E3779B1u) >> history_shift];
        if (h.key != key || h.word != word) {
          hist.clear();
          HistoryFeaturesOf(doc, context, &history->counts[static_cast<size_t>(word) * kNumTags],
                            own, i, &hist);
          std::fill(h.row, h.row + kNumTags, 0);
          AddWeights(hist.data(), 0, hist.size(), h.row);
          if (no_history[caps]) SubRow(no_history[caps], h.row);
          h.word = word;
          h.key = key;
        }
        std::memcpy(acc, sums, kNumTags * sizeof acc[0]);
        AddSums(h.row, acc);  // int16 sums of integers: the same in any order
        sums = acc;
      }
      ToFloats(sums, scale_, &emissions[static_cast<size_t>(i - b) * kNumTags]);
    }
    ViterbiRun(emissions.data(), e - b, transitions_.data(), starts, b == begin ? kNumTags : 0,
               e < end, &tags[row], &back, &steps);
    if (typer_.empty() || !spans) return;
    // The span typer reads the tagger's scores of each span (pass 2's, where
    // it re-ran, replace pass 1's).
    const uint8_t* run_tags = &tags[row];  // token i's at run_tags[i - b]
    for (uint32_t i = b; i < e;) {
      const int part = PartOfTag(run_tags[i - b]);
      if (part != 0 && part != 3) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (part == 0 && j < e && PartOfTag(run_tags[j - b]) == 1) ++j;
      if (part == 0 && j < e) ++j;  // L
      SpanScore sc;
      sc.begin = i;
      SpanTypeScores(&emissions[static_cast<size_t>(i - b) * kNumTags], j - i, sc.s);
      span_scores.push_back(sc);
      i = j;
    }
  };
  // Pass 2 tags again the runs that hold a token whose word has another
  // HasHistory() token (its history counts more than its own first-pass tag:
  // any other token's HistoryFeatures are NoHistoryFeature, pass 1's): a bit
  // a run, in text order, set in pass 1.
  std::vector<uint64_t> again_bits;
  uint32_t runs = 0;
  const uint8_t pad_roles[2] = {PairRoles(kPadBefore), PairRoles(kPadAfter)};
  auto repeated = [&](uint32_t i) {
    return BitAt(context.history.data(), i) &&  // HasHistory(doc, i)
           context.repeated[context.Word(doc, i)] >= 0x80;
  };
  for (auto [begin, end] : sequences) {
    const uint32_t n = end - begin;
    // What the features read of tokens k - 2 .. k + 2 (pads past the
    // sequence), kept from the last scored token k - 1 or k - 2 (most scored
    // tokens are runs: their windows overlap).
    Near in[5];
    // (Not `begin` itself: Emscripten's clang 14 cannot capture a structured binding.)
    const uint32_t first = begin;
    auto near = [&](uint32_t x) -> Near {  // x: token k - 2 .. k + 2's, plus 2
      if (x < 2) return {kPadBefore, kPadBefore, kClsOther, pad_roles[0]};
      if (x - 2 >= n) return {kPadAfter, kPadAfter, kClsOther, pad_roles[1]};
      const InfoCache::Entry& e = info_cache.Neighbour(first + x - 2);
      return {e.lower, e.sshape, ClsOf(doc.tokens[first + x - 2]), PairRoles(e.lower)};
    };
    uint32_t last = UINT32_MAX - 8;  // the last scored token's k
    // The sums of the rows of 61 (a lower-case word's cluster in a
    // capitalized word's window) of tokens [bag_from, bag_to), and those rows
    // (null: none) by token & 15; a window slides over them as k moves on.
    int16_t bag[kRow] = {};
    uint32_t bag_from = 0, bag_to = 0;
    const int8_t* bag_rows[16];
    // The run of scored tokens that token k is in: its first token, its first
    // row in base, whether pass 2 tags it again. It is tagged once its last
    // token is scored.
    uint32_t run_from = 0;
    size_t run_row = 0;
    bool again = false;
    for (uint32_t k = next_loud(begin, end) - begin; k < n;) {
      const uint32_t i = begin + k;
      if (k != last + 1) {
        run_from = k;
        run_row = base.size();
        again = false;
      }
      again = again || repeated(i);
      // The token's word (its row made the first time), its neighbours'.
      info_cache.Scored(i);
      if (k - last <= 2) {
        const uint32_t step = k - last;
        for (uint32_t x = 0; x + step < 5; ++x) in[x] = in[x + step];
        for (uint32_t x = 5 - step; x < 5; ++x) in[x] = near(k + x);
      } else {
        for (uint32_t x = 0; x < 5; ++x) in[x] = near(k + x);
      }
      last = k;
      const uint32_t w = doc.word[i];
      const int16_t* word_row = &word_rows[static_cast<size_t>(w) * kNumTags];
      std::copy(word_row, word_row + kNumTags, acc);
      // The features of its neighbours' words (see RowCache).
      auto add = [&](const int8_t* r) {
        if (r) AddRow(r, acc);
      };
      const Near& c = in[2];
      add(row_cache.Get(0, 11, in[1].lower));
      add(row_cache.Get(1, 12, in[3].lower));
      add(row_cache.Get(2, 13, in[0].lower));
      add(row_cache.Get(3, 14, in[4].lower));
      // 18 and 19 where the pair filter does not tell that the model has
      // not the feature (most tokens: see PairRole).
      static_assert(kPairWord18 == kPairLeft18 << 1 && kPairRight19 == kPairWord19 << 1,
                    "a pair's roles in adjacent bits");
      if ((in[1].roles & c.roles >> 1) & kPairLeft18)
        add(row_cache.Pair(0, 18, in[1].lower, c.lower));
      if ((c.roles & in[3].roles >> 1) & kPairWord19)
        add(row_cache.Pair(1, 19, c.lower, in[3].lower));
      add(row_cache.Pair(2, 23, in[1].lower, c.sshape));
      add(row_cache.Pair(3, 24, c.sshape, in[3].lower));
      if (IsCapCls(c.cls)) {
        // The window's lower-case words (token k is none of them: its class
        // is capitalized), slid on from the last one where they overlap.
        const uint32_t from = k > kBagWindow ? k - kBagWindow : 0;
        const uint32_t to = std::min(n, k + kBagWindow + 1);
        if (from >= bag_to) {
          std::fill(bag, bag + kRow, 0);
          bag_from = bag_to = from;
        }
        for (; bag_from < from; ++bag_from) {
          if (const int8_t* r = bag_rows[bag_from & 15]) SubRow(r, bag);
        }
        for (; bag_to < to; ++bag_to) {
          const int8_t* r = nullptr;
          if (IsClsLower(doc.tokens[begin + bag_to]))
            r = row_cache.Get(4, 61, info_cache.Neighbour(begin + bag_to).fine);
          bag_rows[bag_to & 15] = r;
          if (r) AddRow(r, bag);
        }
        AddSums(bag, acc);
      }
      {  // those of SmallRows
        const uint32_t start = doc.tokens[i].Is(kSentenceStart) ? 1 : 0;
        const uint32_t line = context.caps_line[i];
        AddSums(small_rows.Shape(in[1], c, in[3], start, line), acc);
        const uint32_t bits = context.word_bits[i];
        add(small_rows.Row(small_rows.row22[Feature22Index(bits, c.cls, start, line)],
                           Feature22(bits, c.cls, start, line)));
        // 30 is the word row's (WordClsFeatures, of this class: see below).
        AddSums(small_rows.Place(Place(context, i, k, n, c.cls, /*cls_feats=*/false)), acc);
        if (line) add(Find(Mix(21, line, c.lower)));
        if (IsCapCls(c.cls)) {
          const uint32_t bp = k > 0 ? context.word_bits[i - 1] : 9;
          const uint32_t bn = k + 1 < n ? context.word_bits[i + 1] : 9;
          add(small_rows.Row(small_rows.row26[Feature26Index(bp, c.cls, bn)],
                             Feature26(bp, c.cls, bn)));
        }
      }
      // The word row's WordClsFeatures and document bag are of the class of
      // the token it was made from, this token's: the scored tokens of a word
      // share their class (NerModelTest.LoudTokensOfAWordShareTheirClass).
      std::memcpy(base.Add(), acc, kNumTags * sizeof acc[0]);
      const uint32_t next = next_loud(i + 1, end) - begin;
      if (next != k + 1 || next == n) {  // the run's last token
        if ((runs & 63) == 0) again_bits.push_back(0);
        again_bits.back() |= static_cast<uint64_t>(again) << (runs & 63);
        ++runs;
        run(begin, end, begin + run_from, i + 1, run_row, nullptr, !again);
      }
      k = next;
    }
  }
  // Peak memory: pass 2 adds the history features to the kept scores, so the
  // per-word caches of pass 1 are freed before the history is built.
  info_cache.Release();
  const size_t pass1_spans = span_scores.size();
  word_rows.reset();
  // Pass 2: again with the tags pass 1 gave the other occurrences of each word,
  // for the runs that hold a word occurring elsewhere.
  history_rows.resize(size_t{1} << kHistoryRowBits);
  history_shift = 32 - kHistoryRowBits;
  History history;
  BuildHistoryOfLoud(doc, context, loud_bits.data(), tags.data(), &history);
  size_t row = 0;
  runs = 0;
  for (auto [begin, end] : sequences) {
    for (uint32_t b = next_loud(begin, end); b < end;) {
      uint32_t e = b + 1;
      while (e < end && is_loud(e)) ++e;
      if (BitAt(again_bits.data(), runs++)) run(begin, end, b, e, row, &history, true);
      row += e - b;
      b = next_loud(e, end);
    }
  }
  std::vector<uint64_t>().swap(again_bits);
  std::vector<uint8_t>().swap(context.repeated);
  // Peak memory: the scores and the history are freed before the spans are
  // read off the tags, and the spans are counted first (no doubling vector).
  base = ScoreRows();
  history = History();
  if (!context_out) std::vector<uint64_t>().swap(context.history);
  std::vector<HistoryRow>().swap(history_rows);
  // A quiet token is O: only the runs of the others are read.
  size_t spans = 0;
  for (const uint8_t tag : tags) spans += PartOfTag(tag) == 0 || PartOfTag(tag) == 3;  // B or U
  out.reserve(spans);
  row = 0;
  for (auto [begin, end] : sequences) {
    for (uint32_t b = next_loud(begin, end); b < end;) {
      uint32_t e = b + 1;
      while (e < end && is_loud(e)) ++e;
      SpansFromTags(&tags[row], e - b, b, &out);
      row += e - b;
      b = next_loud(e, end);
    }
  }
  if (!typer_.empty()) {
    // Each span's scores: the last ones given for its first token, pass 2's
    // where it re-ran. Each pass gave its spans in text order, each first token
    // once, so the two lists are walked side by side (no sort, no sort buffer).
    std::vector<float> scores(out.size() * kNumTypes, 0);
    // Walked with iterators: a deque's [] finds the block each time.
    auto k1 = span_scores.cbegin(), k2 = span_scores.cbegin() + pass1_spans;
    const auto n1 = k2, n2 = span_scores.cend();
    for (size_t s = 0; s < out.size(); ++s) {
      const uint32_t b = out[s].begin;
      while (k1 != n1 && k1->begin < b) ++k1;
      while (k2 != n2 && k2->begin < b) ++k2;
      const SpanScore* sc = k2 != n2 && k2->begin == b   ? &*k2
                            : k1 != n1 && k1->begin == b ? &*k1
                                                         : nullptr;
      if (sc) std::memcpy(&scores[s * kNumTypes], sc->s, sizeof sc->s);
    }
    std::deque<SpanScore>().swap(span_scores);
    typer_.Retype(doc, context, scores.data(), &out);
  }
  std::vector<uint32_t>().swap(context.lower);  // the typer's alone
  std::vector<int16_t>().swap(context.fine);
  if (context_out) *context_out = std::move(context);
  return out;
}

namespace {
const Model* g_replacement = nullptr;
}  // namespace

bool Model::ReplaceDefault(std::string_view bytes) {
  auto* m = new Model();  // lives as long as the process, like the default
  if (!m->Load(bytes, /*copy=*/true)) {
    delete m;
    return false;
  }
  delete g_replacement;
  g_replacement = m;
  return true;
}

const Model& Model::Default() {
  if (g_replacement) return *g_replacement;
  static const Model model = [] {
    Model m;
    m.Load(EmbeddedFile("ner/model.bin"), /*copy=*/false);  // static bytes: used in place
    return m;
  }();
  return model;
}

}  // namespace ner
}  // namespace lede
