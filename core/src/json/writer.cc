#include "json/writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lede {
namespace {

// JsonWriter::NeedsLook as a table.
constexpr std::array<bool, 256> kLookAt = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = JsonWriter::NeedsLook(static_cast<unsigned char>(c));
  return t;
}();

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Nonzero when one of the 8 bytes of `x` is zero (exact as to "any").
constexpr uint64_t HasZeroByte(uint64_t x) { return (x - kOnes) & ~x & kHighs; }

// The first byte of [p, end) that kLookAt marks, or end: sixteen bytes at a
// time with SSE2 (x86-64), then eight, while none of them is a quote,
// backslash, control, DEL or 0xE2. `begin` <= p is where the string starts:
// with SSE2, when it holds 16 bytes, a tail shorter than that is tested as
// the string's last 16 bytes, the ones before p left out (no loop over it).
const char* SkipPlain(const char* p, const char* end, const char* begin) {
#if defined(__SSE2__)
  const __m128i controls = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                backslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  // A bit per byte of the 16 at q: set where the byte needs a look.
  const auto look_mask = [&](const char* q) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i look = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, controls), x),  // a byte < 0x20
                     _mm_cmpeq_epi8(x, quote)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, backslash), _mm_cmpeq_epi8(x, del)),
                     _mm_cmpeq_epi8(x, e2)));
    return static_cast<unsigned>(_mm_movemask_epi8(look));
  };
  while (end - p >= 16) {
    const unsigned mask = look_mask(p);
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
  if (p < end && end - begin >= 16) {
    // The last 16 bytes; the 16 - (end - p) of them before p do not count.
    const unsigned mask = look_mask(end - 16) & (0xFFFFu << (16 - (end - p)));
    return mask != 0 ? end - 16 + __builtin_ctz(mask) : end;
  }
#else
  (void)begin;
#endif
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    uint64_t look = ((x - kOnes * 0x20) & ~x & kHighs) |  // a byte < 0x20
                    HasZeroByte(x ^ (kOnes * '"')) | HasZeroByte(x ^ (kOnes * '\\')) |
                    HasZeroByte(x ^ (kOnes * 0x7F)) | HasZeroByte(x ^ (kOnes * 0xE2));
    if (look) break;
    p += 8;
  }
  while (p < end && !kLookAt[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// std::to_chars(p, p + 10, n).ptr, the spans' offsets: for n < 10^8 (a
// text's offsets, mostly of four to six digits) without a loop or a digit
// count first, its eight decimal digits made in one 64-bit word (n split at
// 10^4 into two 32-bit lanes, each lane at 10^2 into two 16-bit ones, each
// of those at 10 into bytes, by a multiply and a shift for each split),
// stored at once and its leading zeros skipped; below 10^4, four digits in
// one 32-bit word the same way, without the first split. The caller has
// room for ten bytes at p (four or eight are stored). Not for the short ids, whose
// to_chars takes its one- and two-digit fast cases.
inline char* WriteDecimal(char* p, uint32_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n < 10000u) {
    // Four digits (the offsets of a text under 10 KB, most spans'): one
    // 32-bit word of two 16-bit lanes (n at 10^2), each split at 10 into
    // bytes, as the eight-digit path's low lane.
    uint32_t x = n;
    x += (((x * 5243) >> 19) & 0x7Fu) * (0x10000 - 100);             // n / 100 to the high lane
    x += (((x * 103) >> 10) & 0x000F000Fu) * (0x100 - 10);           // a lane / 10
    const uint32_t digits = __builtin_bswap32(x);                    // the first digit first
    const int zeros = digits == 0 ? 3 : __builtin_ctz(digits) >> 3;  // leading, of four
    const uint32_t text = (digits >> (8 * zeros)) | 0x30303030u;
    std::memcpy(p, &text, 4);
    return p + 4 - zeros;
  }
  if (n < 100000000u) {
    const uint64_t high = (uint64_t{n} * 3518437209u) >> 45;  // n / 10^4, exact below 10^8
    uint64_t x = (n - high * 10000) | (high << 32);
    x += (((x * 5243) >> 19) & 0x0000007F0000007Full) * (0x10000 - 100);  // a lane / 100
    x += (((x * 103) >> 10) & 0x000F000F000F000Full) * (0x100 - 10);      // a lane / 10
    // Byte k is now the digit of 10^k: the first digit goes first.
    const uint64_t digits = __builtin_bswap64(x);
    const int zeros = digits == 0 ? 7 : __builtin_ctzll(digits) >> 3;  // leading, of eight
    const uint64_t text = (digits >> (8 * zeros)) | 0x3030303030303030ull;
    std::memcpy(p, &text, 8);
    return p + 8 - zeros;
  }
#endif
  return std::to_chars(p, p + 10, n).ptr;
}

// The C library's "%.*g" (std::to_chars where the library has it: the
// standard defines it as the same characters, without printf's parsing).
size_t LibraryFormat(double value, int digits, char* out) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  return std::to_chars(out, out + 32, value, std::chars_format::general, digits).ptr - out;
#else
  return static_cast<size_t>(std::snprintf(out, 32, "%.*g", digits, value));
#endif
}

using u128 = unsigned __int128;

// 10^0 .. 10^19, the powers of ten a uint64_t holds.
constexpr std::array<uint64_t, 20> kPow10 = [] {
  std::array<uint64_t, 20> t{};
  uint64_t v = 1;
  for (uint64_t& x : t) {
    x = v;
    v *= 10;  // (past 10^19 it wraps, unused)
  }
  return t;
}();

// m * 2^-shift * 10^k, exactly: its integer part (*floor) and its value
// rounded half to even (returned). m * 10^k < 2^127 for m < 2^53, k <= 22.
uint64_t ScaledRound(uint64_t m, int shift, int k, uint64_t* floor) {
  // m * 10^k by one or two multiplications (10^k past 10^19 is 10^19 * 10^(k - 19)).
  u128 n = static_cast<u128>(m) * kPow10[k < 19 ? k : 19];
  if (k > 19) n *= kPow10[k - 19];
  u128 q = n >> shift;
  u128 r = n - (q << shift);
  u128 half = u128{1} << (shift - 1);
  if (q >> 64) {  // far over p digits: only the caller's range check reads it
    *floor = UINT64_MAX;
    return UINT64_MAX;
  }
  *floor = static_cast<uint64_t>(q);
  if (r > half || (r == half && (q & 1))) ++q;
  return static_cast<uint64_t>(q);
}

// "%.3g" of a double whose bits are `bits`, when 0.1 <= |value| < 1 (every
// salience, confidence and score the analysis writes), to out; else 0 (the
// general path's). |value| = m * 2^-shift with m < 2^53 and shift 53 to 56
// for 2^-4 <= |value| < 1, so m * 10^3 fits 64 bits: its integer part is
// |value| to three decimals, at least 100 from 0.1 on, rounded half to even
// by the rest; written "0.ddd" without trailing zeros, or "1" when it
// rounds up to 1.
size_t FormatThreeBelowOne(uint64_t bits, char* out) {
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  if (biased < 1019 || biased > 1022) return 0;
  const int shift = 1075 - biased;
  const uint64_t n = ((bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1} << 52)) * 1000;
  uint64_t q = n >> shift;
  if (q < 100) return 0;
  const uint64_t rest = n & ((uint64_t{1} << shift) - 1), half = uint64_t{1} << (shift - 1);
  if (rest > half || (rest == half && (q & 1))) ++q;
  char* o = out;
  if (bits >> 63) *o++ = '-';
  if (q == 1000) {
    *o++ = '1';
    return static_cast<size_t>(o - out);
  }
  const unsigned d = static_cast<unsigned>(q), d0 = d / 100, r = d - 100 * d0, d1 = r / 10,
                 d2 = r - 10 * d1;
  o[0] = '0';
  o[1] = '.';
  o[2] = static_cast<char>('0' + d0);
  o[3] = static_cast<char>('0' + d1);
  o[4] = static_cast<char>('0' + d2);
  return static_cast<size_t>(o - out) + (r == 0 ? 3 : d2 == 0 ? 4 : 5);
}

// FormatDouble's general path. Out of line, so that the three-digit path
// saves no registers.
__attribute__((noinline)) size_t FormatAny(double value, int digits, char* out) {
  const int p = digits < 1 ? 1 : digits;
  double a = std::fabs(value);
  if (!std::isfinite(value) || p > 17 || a == 0) return LibraryFormat(value, digits, out);
  // a = frac * 2^exp2, frac in [0.5, 1), read off the bits (frexp for a
  // subnormal); a = m * 2^-shift with m an integer of 53 bits.
  int exp2;
  uint64_t m;
  uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  if (biased == 0) {
    const double frac = std::frexp(a, &exp2);
    m = static_cast<uint64_t>(std::ldexp(frac, 53));
  } else {
    m = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1} << 52);
    exp2 = biased - 1022;
  }
  const int shift = 53 - exp2;
  // x: the decimal exponent of a (floor(log10(a))), estimated from exp2
  // (a >= 2^(exp2 - 1): floor((exp2 - 1) * log10(2)), x or one under it;
  // 78913 / 2^18 is log10(2) to 3e-8), then put right by the integer part of a
  // scaled to p digits; r: a rounded to p digits.
  // (An arithmetic shift floors as std::floor of the exact quotient would, with
  // no libm call.)
  int x = ((exp2 - 1) * 78913) >> 18;
  const uint64_t low = kPow10[p - 1];
  const uint64_t high = low * 10;
  uint64_t r = 0;
  bool found = false;
  for (int attempt = 0; attempt < 3 && !found; ++attempt) {
    const int k = p - 1 - x;
    if (x < -5 || x >= p || k < 0 || k > 22 || shift < 1 || shift > 126) break;
    uint64_t whole;
    r = ScaledRound(m, shift, k, &whole);
    if (whole >= high) {
      ++x;
    } else if (whole < low) {
      --x;
    } else {
      found = true;
    }
  }
  if (found && r == high) {  // rounding carried into the next digit: 9.9996 -> 10.00
    r = low;
    ++x;
  }
  // %g takes %e's form below 1e-4 and from 10^p on: left to the library.
  if (!found || x < -4 || x >= p) return LibraryFormat(value, digits, out);
  // Fixed notation with k = p - 1 - x decimals: r / 10^k, trailing zeros
  // dropped. r has p digits (low <= r < high), written most significant
  // first in one call; x + 1 of them go before the point (none when x < 0).
  const int k = p - 1 - x;
  char d[24];
  std::to_chars(d, d + sizeof d, r);
  int last = p;  // past the last digit written: trailing zeros among the decimals dropped
  while (last > p - k && d[last - 1] == '0') --last;
  size_t len = 0;
  if (value < 0) out[len++] = '-';
  const int int_digits = x + 1;  // digits before the point (may be <= 0)
  int from = 0;
  if (int_digits <= 0) {
    out[len++] = '0';
  } else {
    std::memcpy(out + len, d, static_cast<size_t>(int_digits));
    len += static_cast<size_t>(int_digits);
    from = int_digits;
  }
  if (last > from) {
    out[len++] = '.';
    for (int i = int_digits; i < 0; ++i) out[len++] = '0';
    std::memcpy(out + len, d + from, static_cast<size_t>(last - from));
    len += static_cast<size_t>(last - from);
  }
  return len;
}

}  // namespace

size_t FormatDouble(double value, int digits, char* out) {
  if (digits == 3) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const size_t n = FormatThreeBelowOne(bits, out);
    if (n > 0) return n;
  }
  return FormatAny(value, digits, out);
}

JsonWriter::JsonWriter(bool pretty, size_t reserve)
    : pretty_(pretty), buf_(new char[reserve]), pos_(buf_.get()), end_(buf_.get() + reserve) {}

JsonWriter::JsonWriter(bool pretty, Sink sink, void* context)
    : pretty_(pretty),
      buf_(new char[kSinkBuffer]),
      pos_(buf_.get()),
      end_(buf_.get() + kSinkBuffer),
      sink_(sink),
      context_(context) {}

std::string JsonWriter::Finish() {
  if (sink_) {
    if (size() > 0) sink_(context_, std::string_view(buf_.get(), size()));
    pos_ = buf_.get();
    return {};
  }
  std::string out(buf_.get(), size());
  pos_ = buf_.get();
  return out;
}

void JsonWriter::Expand(size_t n) {
  const size_t cap_now = static_cast<size_t>(end_ - buf_.get());
  if (sink_) {
    if (size() > 0) sink_(context_, std::string_view(buf_.get(), size()));
    pos_ = buf_.get();
    if (n <= cap_now) return;
  }
  const size_t size_now = size();
  size_t cap = std::max(cap_now * 2, size_now + n + 256);
  std::unique_ptr<char[]> bigger(new char[cap]);
  if (size_now > 0) std::memcpy(bigger.get(), buf_.get(), size_now);
  buf_ = std::move(bigger);
  pos_ = buf_.get() + size_now;
  end_ = buf_.get() + cap;
}

namespace {

// The n < 16 bytes at p copied to out (room for n bytes) up to the first
// that needs a look; returns how many were copied (n when none needs one).
inline size_t CopyShortPlain(const char* p, size_t n, char* out) {
#if defined(__SSE2__)
  if (n >= 4) {
    // 4 to 15 bytes: two overlapping loads of 8 (or 4) cover them, tested
    // at once as one 16-byte vector (the bytes SkipPlain looks at); none
    // needing a look (most), two overlapping stores copy them.
    const char* const end = p + n;
    __m128i x;
    uint64_t a, b;
    if (n >= 8) {
      std::memcpy(&a, p, 8);
      std::memcpy(&b, end - 8, 8);
      x = _mm_set_epi64x(static_cast<long long>(b), static_cast<long long>(a));
    } else {
      uint32_t a4, b4;
      std::memcpy(&a4, p, 4);
      std::memcpy(&b4, end - 4, 4);
      a = a4;
      b = b4;
      x = _mm_set_epi32(static_cast<int>(a4), static_cast<int>(b4), static_cast<int>(a4),
                        static_cast<int>(b4));
    }
    const __m128i look =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x),
                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')),
                                               _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))),
                                  _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2)))));
    if (_mm_movemask_epi8(look) == 0) {
      if (n >= 8) {
        std::memcpy(out, &a, 8);
        std::memcpy(out + n - 8, &b, 8);
      } else {
        const uint32_t a4 = static_cast<uint32_t>(a), b4 = static_cast<uint32_t>(b);
        std::memcpy(out, &a4, 4);
        std::memcpy(out + n - 4, &b4, 4);
      }
      return n;
    }
  }
#endif
  size_t i = 0;
  for (; i < n; ++i) {
    const char c = p[i];
    if (kLookAt[static_cast<unsigned char>(c)]) break;
    out[i] = c;
  }
  return i;
}

}  // namespace

void JsonWriter::Quoted(std::string_view s) {
  const char* p = s.data();
  if (s.size() < 16) {
    // A short string (most: ids, types, names), copied as it is checked
    // (the scans below start with 16 bytes); taken back when a byte needs a
    // look.
    const size_t n = s.size();
    char* out = Grow(n + 2);
    out[0] = '"';
    const size_t plain = CopyShortPlain(p, n, out + 1);
    if (plain == n) {
      out[n + 1] = '"';
      return;
    }
    pos_ -= n + 2;
    p += plain;
  }
  QuotedFrom(s, p);
}

// Out of line, so that a short string's path above saves no registers.
__attribute__((noinline)) void JsonWriter::QuotedFrom(std::string_view s, const char* p) {
  const char* const end = s.data() + s.size();
  p = SkipPlain(p, end, s.data());
  if (p == end) {  // nothing to escape (most strings): one copy
    char* out = Grow(s.size() + 2);
    out[0] = '"';
    if (!s.empty()) std::memcpy(out + 1, s.data(), s.size());
    out[s.size() + 1] = '"';
    return;
  }
  Append('"');
  EscapeFrom(s, p);
  Append('"');
}

void JsonWriter::StringPart(std::string_view s) {
  const char* p = s.data();
  if (s.size() < 16) {  // a short piece (a claim's quoted words): as Quoted's
    char* out = Room(s.size());
    const size_t plain = CopyShortPlain(p, s.size(), out);
    pos_ = out + plain;
    if (plain == s.size()) return;
    p += plain;
    s.remove_prefix(plain);
  }
  const char* const end = s.data() + s.size();
  p = SkipPlain(p, end, s.data());
  if (p == end) {
    Append(s);
  } else {
    EscapeFrom(s, p);
  }
}

__attribute__((noinline)) void JsonWriter::EscapeFrom(std::string_view s, const char* p) {
  static const char kHex[] = "0123456789abcdef";
  const char* const end = s.data() + s.size();
  const char* run = s.data();  // start of the bytes not yet appended
  for (; p < end; p = SkipPlain(p, end, s.data())) {
    unsigned char c = static_cast<unsigned char>(*p);
    char buf[6];
    std::string_view esc;
    size_t len = 1;
    if (c == '"') {
      esc = "\\\"";
    } else if (c == '\\') {
      esc = "\\\\";
    } else if (c == '\n') {
      esc = "\\n";
    } else if (c == '\r') {
      esc = "\\r";
    } else if (c == '\t') {
      esc = "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      buf[0] = '\\';
      buf[1] = 'u';
      buf[2] = '0';
      buf[3] = '0';
      buf[4] = kHex[c >> 4];
      buf[5] = kHex[c & 15];
      esc = std::string_view(buf, 6);
    } else if (end - p >= 3 && static_cast<unsigned char>(p[1]) == 0x80 &&
               (static_cast<unsigned char>(p[2]) == 0xA8 ||
                static_cast<unsigned char>(p[2]) == 0xA9)) {
      // U+2028 / U+2029 are valid JSON but break JS string literals.
      esc = static_cast<unsigned char>(p[2]) == 0xA8 ? "\\u2028" : "\\u2029";
      len = 3;
    } else {
      ++p;  // any other character starting with 0xE2
      continue;
    }
    Append(std::string_view(run, p - run));
    Append(esc);
    p += len;
    run = p;
  }
  Append(std::string_view(run, p - run));
}

void JsonWriter::Newline() {
  if (!pretty_) return;
  char* p = Grow(1 + depth_ * 2);
  *p = '\n';
  std::memset(p + 1, ' ', depth_ * 2);
}

void JsonWriter::Key(std::string_view key) {
  Value();
  Quoted(key);
  Append(pretty_ ? std::string_view(": ") : std::string_view(":"));
  after_key_ = true;
}

void JsonWriter::NextKeyOf(std::string_view key) {
  if (!CompactNextKey(key)) Key(key);
}

void JsonWriter::Plain(std::string_view value) {
  Value();
  char* out = Grow(value.size() + 2);
  out[0] = '"';
  if (!value.empty()) std::memcpy(out + 1, value.data(), value.size());
  out[value.size() + 1] = '"';
}

void JsonWriter::Int(long long value) {
  Value();
  // Written in place: room for the longest (20 bytes, "-9223372036854775808").
  constexpr size_t kRoom = 24;
  char* const p = Room(kRoom);
  pos_ = std::to_chars(p, p + kRoom, value).ptr;
}

void JsonWriter::SpanFields(uint32_t start, uint32_t end, const std::string_view* text) {
  if (pretty_ || depth_ == 0) {
    Key("start");
    Int(start);
    Key("end");
    Int(end);
    if (text != nullptr) {
      Key("text");
      String(*text);
    }
    return;
  }
  Value();  // the comma before "start"; the other members' are written below
  // "start":S,"end":E,"text": with S and E of up to 10 digits each.
  constexpr size_t kRoom = 8 + 10 + 7 + 10 + 8;
  char* p = Room(kRoom);
  std::memcpy(p, "\"start\":", 8);
  p = WriteDecimal(p + 8, start);
  std::memcpy(p, ",\"end\":", 7);
  p = WriteDecimal(p + 7, end);
  if (text != nullptr) {
    std::memcpy(p, ",\"text\":", 8);
    p += 8;
  }
  pos_ = p;
  if (text != nullptr) Quoted(*text);
}

void JsonWriter::Id(char prefix, uint32_t number) {
  Value();
  constexpr size_t kRoom = 3 + 10;  // the quotes, the prefix, up to 10 digits
  char* const begin = Room(kRoom);
  begin[0] = '"';
  begin[1] = prefix;
  char* p = std::to_chars(begin + 2, begin + 12, number).ptr;
  *p++ = '"';
  pos_ = p;
}

void JsonWriter::Double(double value, int digits) {
  Value();
  // Written in place: room for the longest (FormatDouble's 32 bytes).
  constexpr size_t kRoom = 32;
  char* const p = Room(kRoom);
  if (digits == 3) {  // most: salience, confidence, score
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const size_t n = FormatThreeBelowOne(bits, p);
    if (n > 0) {
      pos_ = p + n;
      return;
    }
  }
  if (!std::isfinite(value)) {
    std::memcpy(p, "null", 4);
    pos_ = p + 4;
    return;
  }
  // An integer (value == floor(value)) below 1e15: its conversion to long
  // long is exact and converts back to it (no floor call, a libm call here).
  if (std::fabs(value) < 1e15 && static_cast<double>(static_cast<long long>(value)) == value) {
    pos_ = std::to_chars(p, p + kRoom, static_cast<long long>(value)).ptr;
    return;
  }
  pos_ = p + FormatAny(value, digits, p);
}

}  // namespace lede
