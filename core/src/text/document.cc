#include "text/document.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"
#include "text/word_set.h"

namespace lede {
namespace {

// A sentence longer than this many tokens is cut, so that later stages can
// assume bounded sentences (a 50 MB line without a period stays linear).
constexpr uint32_t kMaxSentenceTokens = 512;

// Fold (ASCII lower case, ’ as ') into `buf`, without allocating: for the
// short words of the lists below. A word too long for `buf` comes back as
// it is, longer than any listed word.
template <size_t N>
std::string_view FoldShort(std::string_view w, char (&buf)[N]) {
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (n == N) return w;
    buf[n++] = FoldStep(w, &i);
  }
  return std::string_view(buf, n);
}

// Abbreviations whose period never ends a sentence: titles and months.
constexpr std::string_view kTitleAbbrevs[] = {
    "mr",   "mrs", "ms",     "dr",   "gen",  "sen",  "rep",    "gov",       "lt",   "col",  "maj",
    "capt", "sgt", "adm",    "st",   "prof", "rev",  "hon",    "pres",      "cmdr", "brig", "ft",
    "mt",   "cpl", "pvt",    "insp", "supt", "msgr", "sr",     "gens",      "reps", "sens", "vol",
    "pp",   "fig", "jan",    "feb",  "apr",  "jun",  "jul",    "aug",       "sept", "oct",  "nov",
    "dec",  "vs",  "approx", "blvd", "mme",  "mlle", "messrs", "gov.-elect"};
// Abbreviations that may end a sentence when a sentence starter follows.
constexpr std::string_view kOtherAbbrevs[] = {
    "inc",  "ltd",   "co",  "corp", "jr",   "etc",  "bros", "plc",  "llc",  "dept", "univ",
    "assn", "calif", "fla", "tenn", "conn", "ariz", "colo", "mich", "minn", "nev",  "okla",
    "wis",  "wyo",   "ala", "ark",  "kan",  "neb",  "e.g",  "i.e",  "cf",   "sq",   "km"};
constexpr std::string_view kSentenceStarters[] = {
    "the",   "a",    "an",        "he",      "she",       "it",   "they",  "we",
    "i",     "but",  "and",       "in",      "on",        "this", "that",  "there",
    "his",   "her",  "their",     "our",     "as",        "at",   "after", "for",
    "if",    "when", "while",     "some",    "many",      "most", "its",   "those",
    "these", "what", "why",       "how",     "who",       "yet",  "so",    "still",
    "then",  "now",  "meanwhile", "however", "officials", "no",   "not"};

// The longest word of kTitleAbbrevs and kOtherAbbrevs, in bytes. A word of
// the text that folds to one of them is as long: the listed words are ASCII,
// and Fold keeps an ASCII byte a byte, keeps other bytes, and makes ’ and ‘
// the ASCII ', which no listed word holds; so a longer word is none of them.
constexpr size_t kLongestAbbreviation = [] {
  size_t n = 0;
  for (std::string_view w : kTitleAbbrevs) n = std::max(n, w.size());
  for (std::string_view w : kOtherAbbrevs) n = std::max(n, w.size());
  return n;
}();

// FoldShort(text[i, end), buf): a word of up to eight ASCII bytes (most) in
// one load, its capitals lowered together as FoldInto lowers them.
inline std::string_view FoldWordBeforePeriod(std::string_view text, size_t i, size_t end,
                                             char (&buf)[64]) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const size_t n = end - i;
  if (n - 1 < 8 && text.size() - i >= 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    x &= ~0ull >> (64 - 8 * n);
    constexpr uint64_t kHighs = 0x8080808080808080ull;
    if ((x & kHighs) == 0) {
      x = LowerAscii8(x);
      std::memcpy(buf, &x, 8);
      return std::string_view(buf, n);
    }
  }
#endif
  return FoldShort(text.substr(i, end - i), buf);
}

const WordSet& TitleAbbrevs() {
  static const WordSet set(kTitleAbbrevs);
  return set;
}
const WordSet& OtherAbbrevs() {
  static const WordSet set(kOtherAbbrevs);
  return set;
}
const WordSet& SentenceStarters() {
  static const WordSet set(kSentenceStarters);
  return set;
}

bool IsTitleOrMonthAbbrev(std::string_view folded) { return TitleAbbrevs().Has(folded); }

struct Scanner {
  std::string_view text;
  size_t n;
  explicit Scanner(std::string_view t) : text(t), n(t.size()) {}
  char32_t At(size_t i, int* len) const {
    if (i >= n) {
      *len = 0;
      return 0;
    }
    return CodePointAt(text, i, len);
  }
  char32_t Peek(size_t i) const {
    int len;
    return At(i, &len);
  }
  // Code point after the one at i.
  size_t Next(size_t i) const {
    int len;
    At(i, &len);
    return i + len;
  }
};

bool IsCombining(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || c == 0x200D;
}

bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c) || IsCombining(c); }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// What ScanWord makes of a byte, by a table so that its loop over a word's
// bytes tests each with one load: an ASCII letter or digit (a word character
// of one byte, IsWordChar) continues the word; any other ASCII byte but the
// joiners ' - , . : ends it (neither a word character nor a joiner); the
// joiners and non-ASCII bytes are decided by the code point.
enum : uint8_t { kByteEnds = 0, kByteAlnum = 1, kByteDecode = 2 };
struct WordByteTable {
  uint8_t at[256] = {};
  constexpr WordByteTable() {
    for (int c = 0; c < 256; ++c) {
      if (static_cast<unsigned char>((c | 0x20) - 'a') < 26 ||
          static_cast<unsigned char>(c - '0') < 10) {
        at[c] = kByteAlnum;
      } else if (c >= 0x80 || c == '\'' || c == '-' || c == ',' || c == '.' || c == ':') {
        at[c] = kByteDecode;
      } else {
        at[c] = kByteEnds;
      }
    }
  }
};
constexpr WordByteTable kWordByte;

// The case classes of an ASCII byte, for SetCaseFlags: a digit, an upper or
// a lower case letter (IsDigit, IsUpper, IsLower of the byte), else 0.
enum : uint8_t { kAsciiDigit = 1, kAsciiUpper = 2, kAsciiLower = 4 };
struct AsciiCaseTable {
  uint8_t at[128] = {};
  constexpr AsciiCaseTable() {
    for (int c = 0; c < 128; ++c) {
      at[c] = c >= '0' && c <= '9'   ? kAsciiDigit
              : c >= 'A' && c <= 'Z' ? kAsciiUpper
              : c >= 'a' && c <= 'z' ? kAsciiLower
                                     : 0;
    }
  }
};
constexpr AsciiCaseTable kAsciiCase;

bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" || t == "?!" ||
         t == "!?";
}

bool IsClosing(std::string_view t) {
  return t == ")" || t == "]" || t == "\xE2\x80\x9D" /* ” */ || t == "\xE2\x80\x99" /* ’ */ ||
         t == "\xC2\xBB" /* » */ || t == "\xE2\x80\xBA" /* › */ || t == "''";
}

// ScanAsciiWord's answer at byte j, the first after the word's ASCII letters
// and digits: j when the word ends there, else 0 with *resume = j. A byte
// that ends a word (kByteEnds) ends it; so does one of the joiners ' - , . :
// (ASCII bytes that ScanWord decodes) when the byte after it is ASCII but no
// letter or digit, or the text ends there: ScanWord keeps a joiner only
// before a letter or a digit (IsLetter, IsDigit, IsWordChar of the code point
// after it), so it would stop at j too ("said," "Monday." "-- ").
inline size_t WordEndAt(const Scanner& s, size_t j, size_t* resume) {
  const char* text = s.text.data();
  const unsigned char b = static_cast<unsigned char>(text[j]);
  if (kWordByte.at[b] == kByteEnds) return j;
  if (b < 0x80) {
    if (j + 1 == s.n) return j;
    const unsigned char next = static_cast<unsigned char>(text[j + 1]);
    if (next < 0x80 && kWordByte.at[next] != kByteAlnum) return j;
  }
  *resume = j;
  return 0;
}

// Ends the word that starts at i; returns the end byte. Sets *kind.
// ScanWord's common case, inline: the ASCII letters and digits from i, then
// a byte that ends the word. Returns the end, or 0 (no word starts at 0 and
// ends there) when the word goes on past a byte that must be decoded: then
// *resume is that byte, where ScanWord goes on.
inline size_t ScanAsciiWord(const Scanner& s, size_t i, size_t* resume) {
  const char* text = s.text.data();
  size_t j = i;
#if defined(__SSE2__)
  // Sixteen bytes at a time (x86-64) while the text goes on that far (most
  // words end within the first sixteen): the first byte that is not an ASCII
  // letter or digit, by unsigned range tests (a byte minus the range's first
  // is at most its width; bytes from 0x80 on are in neither range).
  while (s.n - j >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + j));
    const __m128i letter = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    const __m128i digit = _mm_sub_epi8(x, _mm_set1_epi8('0'));
    const __m128i alnum =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter),
                     _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit));
    const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(alnum)) & 0xFFFFu;
    if (other != 0) {
      j += static_cast<size_t>(__builtin_ctz(other));
      return WordEndAt(s, j, resume);
    }
    j += 16;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // Eight bytes at a time while the text goes on that far (most words end
  // within the first eight): the first byte that is not an ASCII letter or
  // digit, found by the same per-byte range tests as SetCaseFlags' on the
  // bytes' low seven bits, a byte with its high bit set never counting.
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = kOnes << 7;
  while (s.n - j >= 8) {
    uint64_t x;
    std::memcpy(&x, text + j, 8);
    const uint64_t low7 = x & ~kHighs;
    const auto in = [](uint64_t y, unsigned lo, unsigned hi) {
      return (y + kOnes * (0x80 - lo)) & ~(y + kOnes * (0x80 - hi - 1)) & kHighs;
    };
    const uint64_t alnum = (in(low7 | (kOnes * 0x20), 'a', 'z') | in(low7, '0', '9')) & ~x;
    const uint64_t other = ~alnum & kHighs;
    if (other != 0) {
      j += static_cast<size_t>(__builtin_ctzll(other)) >> 3;
      return WordEndAt(s, j, resume);
    }
    j += 8;
  }
#endif
  while (j < s.n && kWordByte.at[static_cast<unsigned char>(text[j])] == kByteAlnum) ++j;
  if (j == s.n) return j;
  return WordEndAt(s, j, resume);
}

size_t ScanWord(const Scanner& s, size_t i, bool* has_dot, size_t from) {
  size_t j = from;  // [i, from) are ASCII letters and digits
  *has_dot = false;
  bool numeric = IsDigit(s.Peek(i));
  const char* text = s.text.data();
  while (j < s.n) {
    // Most of a word is ASCII letters and digits: one byte each, no decoding.
    const uint8_t b = kWordByte.at[static_cast<unsigned char>(text[j])];
    if (b == kByteAlnum) {
      ++j;
      continue;
    }
    if (b == kByteEnds) break;  // most often the space after the word
    int len;
    char32_t c = s.At(j, &len);
    if (IsWordChar(c)) {
      j += len;
      continue;
    }
    // Only an apostrophe, a hyphen, or , . : between digits or letters keep
    // the word going: any other character ends it (most often a space).
    if (c != '\'' && c != 0x2019 && c != '-' && c != 0x2010 && c != 0x2011 && c != ',' &&
        c != '.' && c != ':')
      break;
    size_t k = j + len;
    char32_t next = s.Peek(k);
    char32_t prev = j > i ? CodePointBefore(s.text, j, &len) : 0;
    if (IsApostrophe(c) && IsLetter(next) && IsLetter(prev)) {
      // Possessive 's is split off: Ukraine's -> Ukraine 's. O'Brien, don't stay whole.
      char32_t after = s.Peek(s.Next(k));
      if ((next == 's' || next == 'S') && !IsWordChar(after)) break;
      j = k;
      continue;
    }
    if ((c == '-' || c == 0x2010 || c == 0x2011) && IsWordChar(next) && IsWordChar(prev)) {
      j = k;
      continue;
    }
    if ((c == ',' || c == '.' || c == ':') && IsDigit(prev) && IsDigit(next) && numeric) {
      j = k;
      continue;
    }
    if (c == '.' && IsLetter(prev) && IsLetter(next) && !numeric) {
      // U.S, a.m, Ph.D: the letter after the dot stands alone.
      size_t after = s.Next(k);
      char32_t a = s.Peek(after);
      if (!IsLetter(a) && !IsDigit(a)) {
        *has_dot = true;
        j = k;
        continue;
      }
    }
    break;
  }
  return j;
}

size_t ScanUrl(const Scanner& s, size_t i) {
  if (s.text[i] != 'h' && s.text[i] != 'w') return i;
  std::string_view rest = s.text.substr(i, 8);
  bool url =
      rest.rfind("http://", 0) == 0 || rest.rfind("https://", 0) == 0 || rest.rfind("www.", 0) == 0;
  if (!url) return i;
  size_t j = i;
  while (j < s.n) {
    int len;
    char32_t c = s.At(j, &len);
    if (IsSpace(c) || c == '"' || c == '<' || c == '>' || c == 0x201D) break;
    j += len;
  }
  while (j > i && std::strchr(".,;:!?)]'", s.text[j - 1]) != nullptr) --j;
  return j;
}

// The flags SetCaseFlags sets: a function of the token's bytes.
constexpr uint16_t kCaseFlags = kCapitalized | kAllCaps | kLower | kHasDigit;

// The number of bytes of `m` whose high bit is set, when no other bit is.
inline int CountHighBytes(uint64_t m) {
  return static_cast<int>(((m >> 7) * 0x0101010101010101ull) >> 56);
}

// SetCaseFlags of a word of up to eight ASCII bytes, the low bytes of x (the
// others 0), from the letters' and digits' masks without counting them:
// kAllCaps (two or more letters, none lower case) is no lower case letter
// and two or more upper case ones, whose mask then has a bit left when its
// lowest is cleared.
inline uint16_t AsciiCaseFlags(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = kOnes << 7;
  const auto in = [x](unsigned lo, unsigned hi) {
    return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x80 - hi - 1)) & kHighs;
  };
  const uint64_t up = in('A', 'Z'), low = in('a', 'z'), letters = up | low;
  uint16_t flags = in('0', '9') != 0 ? kHasDigit : 0;
  if (letters != 0) flags |= (letters & (~letters + 1) & up) != 0 ? kCapitalized : kLower;
  if (low == 0 && (up & (up - 1)) != 0) flags |= kAllCaps;
  return flags;
}

void SetCaseFlags(std::string_view text, Token* t) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  {
    // A word of up to eight ASCII bytes (most words) in one load.
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = kOnes << 7;
    const size_t len = t->span.end - t->span.start;
    if (len - 1 < 8 && text.size() - t->span.start >= 8) {
      uint64_t x;
      std::memcpy(&x, text.data() + t->span.start, 8);
      x &= ~0ull >> (64 - 8 * len);
      if ((x & kHighs) == 0) {
        t->flags |= AsciiCaseFlags(x);
        return;
      }
    }
  }
#endif
  int letters = 0, upper = 0, lower = 0;
  bool first = true;
  for (size_t i = t->span.start; i < t->span.end;) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (text.size() - i >= 8) {
      // Up to eight ASCII bytes at once (most words in one step): the low r
      // bytes of a load, the others cleared (0 is no digit nor letter).
      constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = kOnes << 7;
      const size_t r = std::min<size_t>(8, t->span.end - i);
      uint64_t x;
      std::memcpy(&x, text.data() + i, 8);
      x &= ~0ull >> (64 - 8 * r);
      if ((x & kHighs) == 0) {
        // A byte's high bit: set by + (0x80 - lo) from lo up, and not by
        // + (0x80 - hi - 1), below hi + 1 (no byte carries: all are < 0x80).
        const auto in = [x](unsigned lo, unsigned hi) {
          return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x80 - hi - 1)) & kHighs;
        };
        const uint64_t up = in('A', 'Z'), low = in('a', 'z');
        if (in('0', '9') != 0) t->flags |= kHasDigit;
        const int u = CountHighBytes(up), l = CountHighBytes(low);
        letters += u + l;
        upper += u;
        lower += l;
        if (first && (up | low) != 0) {
          const uint64_t lowest = (up | low) & (~(up | low) + 1);  // the first letter's bit
          t->flags |= (lowest & up) != 0 ? kCapitalized : kLower;
          first = false;
        }
        i += r;
        continue;
      }
    }
#endif
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // most bytes: the same as below, by a table
      ++i;
      const uint8_t k = kAsciiCase.at[b];
      if (k == 0) continue;
      if (k == kAsciiDigit) {
        t->flags |= kHasDigit;
        continue;
      }
      ++letters;
      upper += k == kAsciiUpper;
      lower += k == kAsciiLower;
      if (first) {
        t->flags |= k == kAsciiUpper ? kCapitalized : kLower;
        first = false;
      }
      continue;
    }
    int len;
    char32_t c = CodePointAt(text, i, &len);
    i += len;
    if (IsDigit(c)) t->flags |= kHasDigit;
    if (!IsLetter(c)) continue;
    ++letters;
    bool u = IsUpper(c), l = IsLower(c);
    upper += u;
    lower += l;
    if (first) {
      if (u) t->flags |= kCapitalized;
      if (l) t->flags |= kLower;
      first = false;
    }
  }
  if (letters >= 2 && lower == 0 && upper > 0) t->flags |= kAllCaps;
}

// Not a token kind: what ScanOther reports for white space.
constexpr TokenKind kWhiteSpace = static_cast<TokenKind>(0xFF);

// What ScanOther makes of an ASCII byte at once (the others, 0, and every
// byte from 0x80 on go through its general branches): white space (IsSpace)
// that is a line break (IsNewline) or not; . ! ? and the hyphen (IsDash),
// which run on over the same byte (! and ? over either); one byte of
// punctuation (",;:()[]{}/\\").
enum : uint8_t { kOtherDecode = 0, kOtherSpace, kOtherNewline, kOtherRun, kOtherPunct };
struct AsciiOtherTable {
  uint8_t at[256] = {};
  constexpr AsciiOtherTable() {
    at[static_cast<unsigned char>(' ')] = kOtherSpace;
    at[static_cast<unsigned char>('\t')] = kOtherSpace;
    for (int c = '\n'; c <= '\r'; ++c) at[c] = kOtherNewline;
    for (char c : {'.', '!', '?', '-'}) at[static_cast<unsigned char>(c)] = kOtherRun;
    for (char c : {',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '\\'})
      at[static_cast<unsigned char>(c)] = kOtherPunct;
  }
};
constexpr AsciiOtherTable kAsciiOther;

// A word that ends at `end` before a period: the period is kept with it
// (kAbbreviation) when it is an abbreviation (has_dot: a dot inside, U.S;
// initial: one upper case letter, J.; or a listed one, Gen.). Returns the
// token's end, and a word joined by a hyphen past the period (U.S.-led)
// makes one word with it, not an abbreviation.
__attribute__((noinline)) size_t AbbreviationEnd(const Scanner& s, size_t i, size_t end,
                                                 bool has_dot, bool initial, uint16_t* flags) {
  bool abbrev = has_dot || initial;
  if (!abbrev && end - i <= kLongestAbbreviation) {
    char buf[64];
    abbrev = IsKnownAbbreviation(FoldWordBeforePeriod(s.text, i, end, buf));
  }
  if (!abbrev) return end;
  ++end;
  *flags |= kAbbreviation;
  if (s.Peek(end) == '-' && IsWordChar(s.Peek(end + 1))) {  // U.S.-led
    end = ScanWord(s, end + 1, &has_dot, end + 1);
    *flags &= ~kAbbreviation;
  }
  return end;
}

// The end and *kind of the token at i whose first byte is not an ASCII
// letter or digit, nor a space (those are Tokenize's own loop): white space
// (*kind kWhiteSpace, its flags added to *flags), a word starting with
// another letter, quote marks, punctuation and symbols. `prev`: the token
// before, or null.
__attribute__((noinline)) size_t ScanOther(const Scanner& s, size_t i, const Token* prev,
                                           uint16_t* flags, TokenKind* kind) {
  const std::string_view text = s.text;
  // The commonest ASCII bytes here (line breaks, commas, periods, brackets,
  // hyphens), by a table, as the branches below decide them: no decoding and
  // no class tests. Punctuation of one byte goes through the general branch
  // when a non-ASCII byte follows (a combining mark may join it).
  switch (kAsciiOther.at[static_cast<unsigned char>(text[i])]) {
    case kOtherSpace:
      *flags |= kSpaceBefore;
      *kind = kWhiteSpace;
      return i + 1;
    case kOtherNewline:
      *flags |= kSpaceBefore | kNewlineBefore;
      *kind = kWhiteSpace;
      return i + 1;
    case kOtherRun: {  // . ! ? - : a run of the same byte (! and ? mixed)
      const char b = text[i];
      size_t end = i + 1;
      if (b == '!' || b == '?') {
        while (end < s.n && (text[end] == '!' || text[end] == '?')) ++end;
      } else {
        while (end < s.n && text[end] == b) ++end;
      }
      *kind = TokenKind::kPunct;
      return end;
    }
    case kOtherPunct:
      if (i + 1 == s.n || static_cast<unsigned char>(text[i + 1]) < 0x80) {
        *kind = TokenKind::kPunct;
        return i + 1;
      }
      break;
    default:
      break;
  }
  int len;
  const char32_t c = s.At(i, &len);
  size_t end;
  if (IsSpace(c)) {
    *flags |= kSpaceBefore;
    if (IsNewline(c)) *flags |= kNewlineBefore;
    *kind = kWhiteSpace;
    return i + len;
  }
  if (IsWordChar(c) && !IsCombining(c)) {
    bool has_dot = false;
    size_t resume = i;
    end = ScanAsciiWord(s, i, &resume);
    if (end == 0) end = ScanWord(s, i, &has_dot, resume);
    *kind = IsDigit(c) ? TokenKind::kNumber : TokenKind::kWord;
    // (A '.' byte is the code point '.': end is at a character's start.)
    if (end < s.n && text[end] == '.' && *kind == TokenKind::kWord) {
      end = AbbreviationEnd(s, i, end, has_dot, end - i == static_cast<size_t>(len) && IsUpper(c),
                            flags);
    }
  } else if (IsApostrophe(c) || c == '`' || c == '"' || IsQuoteMark(c)) {
    end = i + len;
    char32_t next = s.Peek(end);
    bool after_word =
        prev != nullptr && (prev->kind == TokenKind::kWord || prev->kind == TokenKind::kNumber);
    bool clitic_s = (next == 's' || next == 'S') && !IsWordChar(s.Peek(s.Next(end)));
    if (IsApostrophe(c) && after_word && clitic_s) {
      end = s.Next(end);  // 's
      *kind = TokenKind::kWord;
      *flags |= kPossessive;
    } else {
      *kind = TokenKind::kQuote;
      if ((c == '`' || c == '\'') && s.Peek(end) == c) end += 1;  // `` and ''
      if (IsApostrophe(c) && after_word && !(*flags & kSpaceBefore) && !IsWordChar(next)) {
        std::string_view p = text.substr(prev->span.start, prev->span.end - prev->span.start);
        if (!p.empty() && (p.back() == 's' || p.back() == 'S')) *flags |= kPossessive;
      }
    }
  } else if (c == '.') {
    end = i + 1;
    while (end < s.n && text[end] == '.') ++end;
    *kind = TokenKind::kPunct;
  } else if (c == '!' || c == '?') {
    end = i + 1;
    while (end < s.n && (text[end] == '!' || text[end] == '?')) ++end;
    *kind = TokenKind::kPunct;
  } else if (IsDash(c)) {
    end = i + len;
    while (end < s.n && s.Peek(end) == c) end = s.Next(end);
    *kind = TokenKind::kPunct;
  } else {
    end = i + len;
    bool punct = (c < 0x80 && std::strchr(",;:()[]{}/\\", static_cast<char>(c)) != nullptr) ||
                 c == 0x2026 || (c >= 0x2020 && c <= 0x205E) || (c >= 0x3000 && c <= 0x303F);
    *kind = punct ? TokenKind::kPunct : TokenKind::kSymbol;
    // Keep a base character with its combining marks and joiners together.
    while (end < s.n &&
           (IsCombining(s.Peek(end)) || (s.Peek(end) >= 0xFE00 && s.Peek(end) <= 0xFE0F)))
      end = s.Next(end);
  }
  return end;
}

// The tokens' storage while Tokenize writes them: raw, grown by doubling,
// so that a token is written with a compare and its stores, not through
// std::vector's push_back (whose end and capacity live in memory). Returns
// the new storage's first token; the `count` tokens from `first` are copied.
__attribute__((noinline)) Token* GrowTokens(std::unique_ptr<char[]>* storage, const Token* first,
                                            size_t count, size_t capacity) {
  std::unique_ptr<char[]> bigger(new char[capacity * sizeof(Token)]);
  if (count > 0) std::memcpy(bigger.get(), first, count * sizeof(Token));
  *storage = std::move(bigger);
  return reinterpret_cast<Token*>(storage->get());
}

// Tokenize, which also sets *not_words_out to the number of tokens of a kind
// other than kWord and kNumber (BuildDocument's Document::word_tokens).
std::vector<Token> TokenizeCounting(std::string_view text, size_t* not_words_out) {
  Scanner s(text);
  // Room for an estimate of the tokens (news has about one in 5.5 bytes);
  // the vector returned is of their exact size (held by every stage).
  // A short text's (a gazetteer phrase's) on the stack.
  constexpr size_t kOnStack = 32;
  alignas(Token) char on_stack[kOnStack * sizeof(Token)];
  size_t capacity = text.size() / 5 + 1;
  std::unique_ptr<char[]> storage;
  Token* first = capacity <= kOnStack ? reinterpret_cast<Token*>(on_stack)
                                      : GrowTokens(&storage, nullptr, 0, capacity);
  Token* out = first;
  Token* out_end = first + capacity;
  size_t i = 0;
  uint16_t pending = 0;
  // The tokens of a kind other than kWord and kNumber: only the two branches
  // that are not the ASCII word's (a URL, ScanOther's tokens) count them.
  size_t not_words = 0;
  while (i < s.n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == ' ') {  // the common space between words, without decoding
      pending |= kSpaceBefore;
      ++i;
      continue;
    }
    uint16_t flags = pending;
    TokenKind kind;
    size_t end;
    if (kWordByte.at[b] == kByteAlnum &&
        !((b == 'h' || b == 'w') && s.n - i >= 4 &&
          (std::memcmp(&text[i], "http", 4) == 0 || std::memcmp(&text[i], "www.", 4) == 0) &&
          ScanUrl(s, i) > i)) {
      // An ASCII letter or digit (most tokens' first byte) starts a word or
      // a number (URLs start with h or w): no decoding, no space test, no
      // IsWordChar.
      size_t resume = i;
      end = ScanAsciiWord(s, i, &resume);
      bool has_dot = false;
      if (end == 0) end = ScanWord(s, i, &has_dot, resume);
      kind = b <= '9' ? TokenKind::kNumber : TokenKind::kWord;
      if (end < s.n && text[end] == '.' && kind == TokenKind::kWord) {
        // initial: a single upper case letter (J.)
        end = AbbreviationEnd(s, i, end, has_dot, end - i == 1 && b <= 'Z', &flags);
      }
    } else if (kWordByte.at[b] == kByteAlnum) {
      end = ScanUrl(s, i);
      kind = TokenKind::kSymbol;
      ++not_words;
    } else {
      end = ScanOther(s, i, out == first ? nullptr : out - 1, &flags, &kind);
      if (kind == kWhiteSpace) {
        pending = flags;
        i = end;
        continue;
      }
      not_words += kind != TokenKind::kWord && kind != TokenKind::kNumber;
    }
    pending = 0;
    if (out == out_end) {
      const size_t count = static_cast<size_t>(out - first);
      capacity *= 2;
      first = GrowTokens(&storage, first, count, capacity);
      out = first + count;
      out_end = first + capacity;
    }
    // case flags: AssignWords, once per distinct word
    new (out++) Token{{static_cast<uint32_t>(i), static_cast<uint32_t>(end)}, kind, 0, flags};
    i = end;
  }
  *not_words_out = not_words;
  return std::vector<Token>(first, out);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  size_t not_words;
  return TokenizeCounting(text, &not_words);
}

namespace {

// Tokens [b, e) of a paragraph: an opening dateline ("KRAMATORSK -",
// "KYIV, Ukraine (AP) —") returns the index just past its dash, else b.
uint32_t DatelineEnd(const Document& d, uint32_t b, uint32_t e) {
  if (b >= e || !d.tokens[b].Is(kAllCaps) || d.tokens[b].kind != TokenKind::kWord) return b;
  for (uint32_t i = b + 1; i < e && i < b + 10; ++i) {
    const Token& t = d.tokens[i];
    std::string_view w = d.Text(t);
    if (t.kind == TokenKind::kPunct &&
        (w == "-" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93")) {
      bool spaced = t.Is(kSpaceBefore) && i + 1 < e && d.tokens[i + 1].Is(kSpaceBefore);
      return spaced && i + 1 < e ? i + 1 : b;
    }
    bool ok = (t.kind == TokenKind::kWord && (t.Is(kCapitalized) || t.Is(kAllCaps))) || w == "," ||
              w == "(" || w == ")" || t.kind == TokenKind::kNumber || w == ".";
    if (!ok) return b;
  }
  return b;
}

// Token i is in a paragraph that ends before the first token after it with
// kNewlineBefore, or at `e` (the tokens' end).
bool EndsSentence(const Document& d, uint32_t i, uint32_t e, uint32_t* resume) {
  const Token& t = d.tokens[i];
  bool abbrev = t.Is(kAbbreviation);
  if (!abbrev && t.kind != TokenKind::kPunct) return false;  // most tokens
  std::string_view w = d.Text(t);
  if (!abbrev && !IsTerminal(w)) return false;
  // Swallow closing quotes and brackets that follow without a space, up to
  // the paragraph's end (the first token after a line break).
  const auto in_paragraph = [&](uint32_t j) { return j < e && !d.tokens[j].Is(kNewlineBefore); };
  uint32_t j = i + 1;
  while (in_paragraph(j)) {
    std::string_view x = d.Text(d.tokens[j]);
    bool closing = IsClosing(x) || ((x == "\"" || x == "'") && !d.tokens[j].Is(kSpaceBefore));
    if (!closing) break;
    ++j;
  }
  *resume = j;
  if (!in_paragraph(j)) return true;
  const Token& n = d.tokens[j];
  if (!n.Is(kSpaceBefore)) return false;  // "U.S.-led", "3.5", ".com"
  if (n.Is(kLower)) return false;
  std::string_view nw = d.Text(n);
  if (n.kind == TokenKind::kPunct && (nw == "," || nw == ";" || nw == ":" || nw == ")"))
    return false;
  if (abbrev) {
    char buf[64];
    std::string_view folded = FoldShort(w.substr(0, w.size() - 1), buf);
    if (folded.size() == 1 || IsTitleOrMonthAbbrev(folded)) return false;  // initials, Gen., Sept.
    if (n.kind == TokenKind::kQuote) return true;
    return SentenceStarters().Has(FoldShort(nw, buf));
  }
  return true;
}

// The first token from p on, before `end` (or `end`), whose kind | flags
// << 16 has a bit of `mask` set: on a little-endian machine the 32-bit word
// of kind, sentence step and flags, read by one load. Four tokens a step
// while four are left, one bound test for them.
inline const char* SkipToStop(const char* p, const char* end, uint32_t mask) {
  static_assert(offsetof(Token, kind) == 8 && offsetof(Token, sentence_step) == 9 &&
                    offsetof(Token, flags) == 10,
                "kind, step and flags in one 32-bit word");
  const auto stops = [mask](const char* t) {
    uint32_t kind_flags;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(&kind_flags, t + offsetof(Token, kind), 4);
#else
    const Token* token = reinterpret_cast<const Token*>(t);
    kind_flags = static_cast<uint32_t>(token->kind) | static_cast<uint32_t>(token->flags) << 16;
#endif
    return (kind_flags & mask) != 0;
  };
  constexpr size_t kSize = sizeof(Token);
  while (static_cast<size_t>(end - p) >= 4 * kSize) {
    if (stops(p)) return p;
    if (stops(p + kSize)) return p + kSize;
    if (stops(p + 2 * kSize)) return p + 2 * kSize;
    if (stops(p + 3 * kSize)) return p + 3 * kSize;
    p += 4 * kSize;
  }
  while (p != end && !stops(p)) p += kSize;
  return p;
}

// Sets the sentence step of the tokens [t, end): four a loop step.
inline void SetSteps(Token* t, Token* end, uint8_t step) {
  for (; end - t >= 4; t += 4) {
    t[0].sentence_step = step;
    t[1].sentence_step = step;
    t[2].sentence_step = step;
    t[3].sentence_step = step;
  }
  for (; t != end; ++t) t->sentence_step = step;
}

void Segment(Document* d) {
  const uint32_t nt = static_cast<uint32_t>(d->tokens.size());
  uint32_t p = 0;
  while (p < nt) {
    // A paragraph runs until the next token that follows a line break: its
    // end e is found by the sentence scan below, which stops there too.
    Paragraph para;
    para.begin = static_cast<uint32_t>(d->sentences.size());
    d->tokens[p].flags |= kParagraphStart;
    uint32_t start = p;
    auto emit = [&](uint32_t b, uint32_t x, bool dateline) {
      if (b >= x) return;
      Sentence s;
      s.span = {d->tokens[b].span.start, d->tokens[x - 1].span.end};
      s.begin = b;
      s.end = x;
      s.paragraph = static_cast<uint32_t>(d->paragraphs.size());
      s.dateline = dateline;
      d->tokens[b].flags |= kSentenceStart;
      // Tokens come in order, each in one sentence: a block's first token
      // sets its base before the others' steps are taken from it.
      const uint32_t index = static_cast<uint32_t>(d->sentences.size());
      constexpr uint32_t kMask = (1u << kSentenceBlockBits) - 1;
      for (uint32_t k = b; k < x;) {
        if ((k & kMask) == 0) d->sentence_base.push_back(index);
        const auto step = static_cast<uint8_t>(index - d->sentence_base.back());
        const uint32_t block_end = std::min(x, (k | kMask) + 1);
        SetSteps(d->tokens.data() + k, d->tokens.data() + block_end, step);
        k = block_end;
      }
      d->sentences.push_back(s);
    };
    // DatelineEnd reads at most ten tokens on: the paragraph's end if it
    // comes within them, else any bound past them gives the same. (It returns
    // p at once unless the paragraph opens with an all-caps word: most do
    // not, and their bound is not looked for.)
    uint32_t dl = p;
    if (d->tokens[p].Is(kAllCaps) && d->tokens[p].kind == TokenKind::kWord) {
      uint32_t near = p + 1;
      while (near < nt && near < p + 11 && !d->tokens[near].Is(kNewlineBefore)) ++near;
      dl = DatelineEnd(*d, p, near);
    }
    if (dl > p) {
      for (uint32_t k = p; k < dl; ++k) d->tokens[k].flags |= kDateline;
      emit(p, dl, true);
      start = dl;
    }
    uint32_t e = nt;
    for (uint32_t i = start;;) {
      // Over the tokens that cannot end a sentence (EndsSentence is false for
      // all but punctuation and abbreviations: most tokens) in a tight loop,
      // up to the token that reaches the cap of kMaxSentenceTokens or the
      // next token after a line break, the paragraph's end. (It stops at the
      // paragraph's first token too when that follows a line break: for a
      // word, EndsSentence is false and the cap far, so it goes on.) A
      // token's kind and flags are tested at once (SkipToStop): the kinds
      // with bit 1 set are kPunct and kQuote, so a quote mark stops the scan
      // too, where EndsSentence is false at once (a quote is neither
      // punctuation nor an abbreviation) and the scan goes on, as it would
      // have gone past it (a quote before the cap does not reach it).
      static_assert(static_cast<uint8_t>(TokenKind::kPunct) == 2 &&
                        static_cast<uint8_t>(TokenKind::kQuote) == 3 &&
                        static_cast<uint8_t>(TokenKind::kWord) == 0 &&
                        static_cast<uint8_t>(TokenKind::kNumber) == 1 &&
                        static_cast<uint8_t>(TokenKind::kSymbol) == 4,
                    "bit 1 of a kind is set for kPunct and kQuote alone");
      const uint32_t cap = start + kMaxSentenceTokens - 1;
      const uint32_t bound = std::min(nt, cap);
      constexpr uint32_t kStop = 2u | static_cast<uint32_t>(kAbbreviation | kNewlineBefore) << 16;
      if (i < bound) {
        const char* const base = reinterpret_cast<const char*>(d->tokens.data());
        i = static_cast<uint32_t>(
            (SkipToStop(base + i * sizeof(Token), base + bound * sizeof(Token), kStop) - base) /
            sizeof(Token));
      }
      if (i >= nt) break;
      if (i > p && d->tokens[i].Is(kNewlineBefore)) {
        e = i;
        break;
      }
      uint32_t resume = i + 1;
      if (EndsSentence(*d, i, nt, &resume) || resume - start >= kMaxSentenceTokens) {
        resume = std::max(resume, i + 1);
        emit(start, resume, false);
        start = resume;
        i = resume;
      } else {
        ++i;
      }
    }
    emit(start, e, false);
    para.span = {d->tokens[p].span.start, d->tokens[e - 1].span.end};
    para.end = static_cast<uint32_t>(d->sentences.size());
    d->paragraphs.push_back(para);
    p = e;
  }
}

// A hash of a token's bytes, eight at a time. `end` is the end of the text
// that holds them: a short tail is read as one 8-byte load when the text goes
// on that far (the same value as copying its n bytes, on a little-endian
// machine; either way only the table's layout depends on it, not the ids).
inline uint64_t WordHash(const char* p, size_t n, const char* end) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t v = 0;
    if (end - p >= 8) {
      std::memcpy(&v, p, 8);
      v &= ~0ull >> (64 - 8 * n);
    } else {
      for (size_t k = 0; k < n; ++k)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << (8 * k);
    }
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
  }
  h ^= h >> 29;
  return h;
}

// kLowBytes[n]: the bits of the low n bytes of a 64-bit word, for WordKey:
// a load of the mask rather than a shift by a computed count.
constexpr uint64_t kLowBytes[8] = {0,
                                   0xFFull,
                                   0xFFFFull,
                                   0xFFFFFFull,
                                   0xFFFFFFFFull,
                                   0xFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFFFull};

// The key of a word of n bytes at p (n > 0), in a text that ends at `end`,
// for AssignWords' table. A word of up to seven bytes (most) is its own key:
// its bytes, the first the lowest (as a little-endian load reads them), the
// bytes past the word 0 and its length in the top byte; so two short words
// with one key are the same word, and no compare of their bytes is needed.
// A longer word's key is its WordHash with the top bit set, which no short
// word's has (its top byte is at most 7); its bytes are compared on a match.
inline uint64_t WordKey(const char* p, size_t n, const char* end) {
  if (n >= 8) return WordHash(p, n, end) | (uint64_t{1} << 63);
  uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (end - p >= 8) {
    std::memcpy(&v, p, 8);
    v &= kLowBytes[n];
  } else
#endif
  {
    for (size_t k = 0; k < n; ++k)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << (8 * k);
  }
  return v | (static_cast<uint64_t>(n) << 56);
}

// FoldInto(the n bytes at p) written to `out`, which has room for n + 8
// bytes: p is a word of the text that ends at `end`. While eight bytes can
// be read from the word on, a load takes its next (up to) eight, cleared
// past the word; ASCII ones have their capitals lowered together and are
// stored as one 8-byte word (the bytes past the word's are overwritten by
// the next word or cut off). The rest, from its first non-ASCII byte, goes
// to FoldInto.
inline size_t FoldWord(const char* p, size_t n, const char* end, char* out) {
  size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  while (i < n && end - (p + i) >= 8) {
    const size_t r = std::min<size_t>(8, n - i);
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    x &= ~0ull >> (64 - 8 * r);
    if ((x & kHighs) != 0) break;
    x = LowerAscii8(x);
    std::memcpy(out + i, &x, 8);
    i += r;
  }
#else
  (void)end;
#endif
  if (i == n) return n;
  return i + FoldInto(std::string_view(p + i, n - i), out + i);
}

// Word ids (Document::word, word_token) and each distinct word folded once.
void AssignWords(Document* d) {
  const size_t n = d->tokens.size();
  d->word.resize(n);
  // Open addressing on WordKey, the slot from its top bits by a Fibonacci
  // multiply. A slot holds 1 + id (0: empty), the key and the word's case
  // flags (so that a token seen before copies them from the slot it found,
  // not through its word's first token). The table grows at half full, so it
  // stays the size of the distinct words, not of the text. It starts at the
  // power of two at or above n, up to 2048 slots: an article of p35's
  // average (1,100 tokens, 440 distinct words) does not make it grow.
  size_t size = 16;
  while (size < n && size < 2048) size <<= 1;
  int shift = 64 - __builtin_ctzll(size);
  // A byte a slot says whether it is taken: only these are zeroed (1 byte a
  // slot, where the ids were: 4); ids, keys and flags are left uninitialized,
  // read only where the slot is taken.
  std::unique_ptr<uint8_t[]> taken(new uint8_t[size]());
  std::unique_ptr<uint32_t[]> ids(new uint32_t[size]);
  std::unique_ptr<uint64_t[]> keys(new uint64_t[size]);
  std::unique_ptr<uint16_t[]> case_flags(new uint16_t[size]);
  // The distinct words' first tokens and folded offsets (word_token and
  // folded_at) while the loop writes them: raw arrays kept in registers
  // (push_back reads each vector's end and capacity from memory at each
  // new word), copied to the vectors at the end. Room for the distinct
  // words of an article (p35's average is 440) at once, not by ten
  // doublings from one; a longer text doubles from there.
  size_t words_room = std::min<size_t>(n, 1024);
  std::unique_ptr<uint32_t[]> first_token(new uint32_t[words_room]);
  std::unique_ptr<uint32_t[]> folded_at(new uint32_t[words_room + 1]);
  uint32_t words = 0;
  // The distinct words folded, back to back, in a scratch buffer grown by
  // doubling (a long text's distinct words are a small part of it: a tenth
  // of a megabyte of news), with 8 bytes to spare past the last word's for a
  // store of eight bytes (folding never lengthens a word).
  size_t fold_room = std::min<size_t>(d->text.size(), 16 << 10) + 8;
  std::unique_ptr<char[]> fold(new char[fold_room]);
  uint32_t at = 0;
  const char* const text = d->text.data();
  const char* const text_end = text + d->text.size();
  Token* const tokens = d->tokens.data();
  uint32_t* const word = d->word.data();
  constexpr uint64_t kFibonacci = 0x9E3779B97F4A7C15ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  for (size_t k = 0; k < n; ++k) {
    const char* p = text + tokens[k].span.start;
    const size_t len = tokens[k].span.end - tokens[k].span.start;
    const uint64_t key = WordKey(p, len, text_end);
    size_t j = static_cast<size_t>((key * kFibonacci) >> shift);
    uint32_t id1;  // 1 + the word's id, 0 when it is new
    for (;; j = (j + 1) & (size - 1)) {
      if (taken[j] == 0) {
        id1 = 0;
        break;
      }
      if (keys[j] != key) continue;
      id1 = ids[j];
      if (len < 8) break;  // a short word's key is the word
      const Span u = tokens[first_token[id1 - 1]].span;
      if (u.end - u.start == len && std::memcmp(text + u.start, p, len) == 0) break;
    }
    if (id1 != 0) {
      word[k] = id1 - 1;
      // The case flags depend on the bytes alone: the slot has the word's.
      tokens[k].flags |= case_flags[j];
      continue;
    }
    // A new word: its case flags and its folded form, once.
    const uint32_t id = words++;
    word[k] = id;
    if (id == words_room) {
      words_room *= 2;
      std::unique_ptr<uint32_t[]> first2(new uint32_t[words_room]);
      std::unique_ptr<uint32_t[]> folded2(new uint32_t[words_room + 1]);
      std::memcpy(first2.get(), first_token.get(), id * sizeof(uint32_t));
      std::memcpy(folded2.get(), folded_at.get(), id * sizeof(uint32_t));
      first_token = std::move(first2);
      folded_at = std::move(folded2);
    }
    first_token[id] = static_cast<uint32_t>(k);
    folded_at[id] = at;
    if (at + len + 8 > fold_room) {
      fold_room = std::max(fold_room * 2, at + len + 8);
      std::unique_ptr<char[]> bigger(new char[fold_room]);
      std::memcpy(bigger.get(), fold.get(), at);
      fold = std::move(bigger);
    }
    uint16_t flags;
    if (len < 8 && (key & (kHighs >> 8)) == 0) {
      // A short ASCII word (most): its key's low bytes are the word.
      const uint64_t x = key & (~0ull >> 8);
      flags = AsciiCaseFlags(x);
      const uint64_t lower = LowerAscii8(x);
      std::memcpy(fold.get() + at, &lower, 8);
      at += static_cast<uint32_t>(len);
    } else {
      SetCaseFlags(d->text, &tokens[k]);
      flags = tokens[k].flags & kCaseFlags;
      at += static_cast<uint32_t>(FoldWord(p, len, text_end, fold.get() + at));
    }
    tokens[k].flags |= flags;
    taken[j] = 1;
    ids[j] = id + 1;
    keys[j] = key;
    case_flags[j] = flags;
    if (words * 2 > size) {  // grow: each entry moves by its key
      const size_t size2 = size * 2;
      std::unique_ptr<uint8_t[]> taken2(new uint8_t[size2]());
      std::unique_ptr<uint32_t[]> ids2(new uint32_t[size2]);
      std::unique_ptr<uint64_t[]> keys2(new uint64_t[size2]);
      std::unique_ptr<uint16_t[]> case_flags2(new uint16_t[size2]);
      --shift;
      for (size_t x = 0; x < size; ++x) {
        if (taken[x] == 0) continue;
        size_t y = static_cast<size_t>((keys[x] * kFibonacci) >> shift);
        while (taken2[y] != 0) y = (y + 1) & (size2 - 1);
        taken2[y] = 1;
        ids2[y] = ids[x];
        keys2[y] = keys[x];
        case_flags2[y] = case_flags[x];
      }
      taken = std::move(taken2);
      ids = std::move(ids2);
      keys = std::move(keys2);
      case_flags = std::move(case_flags2);
      size = size2;
    }
  }
  folded_at[words] = at;
  d->word_token.assign(first_token.get(), first_token.get() + words);
  d->folded_at.assign(folded_at.get(), folded_at.get() + words + 1);
  d->folded_text.assign(fold.get(), at);
}

}  // namespace

bool IsKnownAbbreviation(std::string_view folded) {
  return TitleAbbrevs().Has(folded) || OtherAbbrevs().Has(folded);
}

Document BuildDocument(std::string_view text) {
  Document d;
  d.text = text;
  size_t not_words = 0;
  d.tokens = TokenizeCounting(text, &not_words);  // of its exact size: no room left over
  d.word_tokens = d.tokens.size() - not_words;
  AssignWords(&d);  // before Segment, which reads the case flags
  d.sentence_base.reserve((d.tokens.size() >> kSentenceBlockBits) + 1);
  // Room for about 1.5 times the sentences and paragraphs of news (a
  // sentence in about 18 tokens, a paragraph in about 38: p35 and the 926
  // texts), so that most documents' vectors do not grow by doubling from
  // one (about seven times each); a text with more grows from there. Cut
  // to their size below (a copy, as after growth).
  d.sentences.reserve(d.tokens.size() / 12 + 2);
  d.paragraphs.reserve(d.tokens.size() / 24 + 2);
  Segment(&d);
  d.sentences.shrink_to_fit();
  d.paragraphs.shrink_to_fit();
  return d;
}

}  // namespace lede
