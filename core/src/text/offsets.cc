#include "lede/offsets.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lede {
namespace {

constexpr uint64_t kHighs = 0x8080808080808080ull;

// The number of bytes of `x` whose high bit is set, when no other bit is:
// the multiplication sums the eight 0/1 bytes into the top byte.
uint32_t CountHighBits(uint64_t x) {
  return static_cast<uint32_t>(((x >> 7) * 0x0101010101010101ull) >> 56);
}

// Adds to *cp the code points that start in the n bytes at p, and to *u16
// their UTF-16 units. Every byte but a continuation byte (10xxxxxx) starts a
// code point; a 4-byte lead (11110xxx) is two UTF-16 units. Eight bytes at a
// time, then the rest: as the low bytes of one more 8-byte load when the
// `readable` bytes at p (n or more) reach that far, else byte by byte.
void Count(const char* p, size_t n, size_t readable, uint32_t* cp, uint32_t* u16) {
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time (x86-64): the continuation bytes and 4-byte
  // leads of each block marked 0xFF, subtracted from per-byte tallies (so
  // each adds 1), summed by _mm_sad_epu8 every 255 blocks at most (a tally
  // is a byte).
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)),
                c80 = _mm_set1_epi8(static_cast<char>(0x80)),
                f0 = _mm_set1_epi8(static_cast<char>(0xF0)), zero = _mm_setzero_si128();
  while (n - i >= 16) {
    __m128i conts = zero, fours = zero;
    size_t blocks = 0;
    for (; n - i >= 16 && blocks < 255; i += 16, ++blocks) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      conts = _mm_sub_epi8(conts, _mm_cmpeq_epi8(_mm_and_si128(x, c0), c80));
      fours = _mm_sub_epi8(fours, _mm_cmpeq_epi8(_mm_max_epu8(x, f0), x));
    }
    const __m128i c = _mm_sad_epu8(conts, zero), f = _mm_sad_epu8(fours, zero);
    const uint32_t starts = static_cast<uint32_t>(
        16 * blocks -
        static_cast<size_t>(_mm_cvtsi128_si32(c) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(c, c))));
    *cp += starts;
    *u16 += starts + static_cast<uint32_t>(_mm_cvtsi128_si32(f) +
                                           _mm_cvtsi128_si32(_mm_unpackhi_epi64(f, f)));
  }
#endif
  for (; n - i >= 8; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    uint32_t starts = 8 - CountHighBits(x & ~(x << 1) & kHighs);
    *cp += starts;
    *u16 += starts + CountHighBits(x & (x << 1) & (x << 2) & (x << 3) & kHighs);
  }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (i < n && readable - i >= 8) {
    // The r bytes wanted are the low ones; the others are cleared to 0 (no
    // continuation, no 4-byte lead: each one "starts" a code point, so the r
    // bytes start r minus the continuations among them).
    const size_t r = n - i;
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    x &= ~0ull >> (64 - 8 * r);
    uint32_t starts = static_cast<uint32_t>(r) - CountHighBits(x & ~(x << 1) & kHighs);
    *cp += starts;
    *u16 += starts + CountHighBits(x & (x << 1) & (x << 2) & (x << 3) & kHighs);
    return;
  }
#endif
  for (; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if ((c & 0xC0) != 0x80) {
      *cp += 1;
      *u16 += c >= 0xF0 ? 2 : 1;
    }
  }
}

#if defined(__SSE2__)
// kOnesThenZeros + 16 - r: sixteen bytes whose first r are 1, the others 0
// (0 <= r <= 16), for CountShort's masks.
alignas(16) constexpr uint8_t kOnesThenZeros[32] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

// The sum of the sixteen bytes of x (each at most 4 here).
inline uint32_t SumBytes(__m128i x) {
  const __m128i s = _mm_sad_epu8(x, _mm_setzero_si128());
  return static_cast<uint32_t>(_mm_cvtsi128_si32(s) + _mm_cvtsi128_si32(_mm_srli_si128(s, 8)));
}
#endif

// Count(p, n, readable, cp, u16) for the short runs of a look-up (n at most
// kBlock), inline: on x86-64 sixteen bytes a load, the bytes past n
// cleared by a mask, and the 4-byte leads counted only when `fours` (a
// block whose entries show none has none). Near the text's end (fewer than
// sixteen readable bytes) the rest goes to Count.
inline void CountShort(const char* p, size_t n, size_t readable, bool fours, uint32_t* cp,
                       uint32_t* u16) {
#if defined(__SSE2__)
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)),
                c80 = _mm_set1_epi8(static_cast<char>(0x80)),
                f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  uint32_t conts = 0, four = 0;
  size_t i = 0;
  for (; i < n; i += 16) {
    if (readable - i < 16) {
      Count(p + i, n - i, readable - i, cp, u16);
      break;
    }
    const size_t r = std::min<size_t>(16, n - i);
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i keep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kOnesThenZeros + 16 - r));
    conts += SumBytes(_mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(x, c0), c80), keep));
    if (fours) four += SumBytes(_mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, f0), x), keep));
  }
  const uint32_t starts = static_cast<uint32_t>(std::min(i, n)) - conts;
  *cp += starts;
  *u16 += starts + four;
#else
  (void)fours;
  Count(p, n, readable, cp, u16);
#endif
}

bool IsAscii(std::string_view text) {
  size_t i = 0;
  for (; text.size() - i >= 8; i += 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    if (x & kHighs) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

const char* OffsetUnitName(OffsetUnit unit) {
  switch (unit) {
    case OffsetUnit::kUtf16:
      return "utf16";
    case OffsetUnit::kUtf8:
      return "utf8";
    case OffsetUnit::kCodepoint:
      return "codepoint";
  }
  return "utf16";
}

bool ParseOffsetUnit(std::string_view name, OffsetUnit* unit) {
  if (name == "utf16") {
    *unit = OffsetUnit::kUtf16;
  } else if (name == "utf8") {
    *unit = OffsetUnit::kUtf8;
  } else if (name == "codepoint") {
    *unit = OffsetUnit::kCodepoint;
  } else {
    return false;
  }
  return true;
}

OffsetIndex::OffsetIndex(std::string_view text) {
  ascii_ = IsAscii(text);
  if (ascii_) return;
  // Entry b counts what comes before byte b * kBlock (the last one, at or
  // past the end, the whole text).
  size_t blocks = text.size() / kBlock + 1;
  cp_.resize(blocks);
  u16_.resize(blocks);
  uint32_t cp = 0, u16 = 0;
  size_t b = 0;
#if defined(__SSE2__)
  // The whole blocks in one loop (x86-64), each counted as Count counts
  // sixteen bytes at a time, without a call and its loops' tests per block.
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)),
                c80 = _mm_set1_epi8(static_cast<char>(0x80)),
                f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  static_assert(kBlock == 64, "four loads a block");
  for (; (b + 1) * kBlock <= text.size(); ++b) {
    cp_[b] = cp;
    u16_[b] = u16;
    const char* const q = text.data() + b * kBlock;
    __m128i conts = _mm_setzero_si128(), fours = _mm_setzero_si128();
    for (size_t k = 0; k < kBlock; k += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + k));
      conts = _mm_sub_epi8(conts, _mm_cmpeq_epi8(_mm_and_si128(x, c0), c80));
      fours = _mm_sub_epi8(fours, _mm_cmpeq_epi8(_mm_max_epu8(x, f0), x));
    }
    const uint32_t starts = kBlock - SumBytes(conts);
    cp += starts;
    u16 += starts + SumBytes(fours);
  }
#endif
  for (; b < blocks; ++b) {
    cp_[b] = cp;
    u16_[b] = u16;
    size_t start = b * kBlock;
    Count(text.data() + start, std::min<size_t>(kBlock, text.size() - start), text.size() - start,
          &cp, &u16);
  }
}

namespace {
// Whether block b, not the last one, holds kBlock code points: no
// continuation byte, so that its bytes before any character boundary in it
// are ASCII, a code point and a UTF-16 unit each (most blocks of most texts,
// whose non-ASCII characters are a few quote marks and dashes).
inline bool AsciiBlock(const std::vector<uint32_t>& cp, uint32_t b) {
  return b + 1 < cp.size() && cp[b + 1] - cp[b] == OffsetIndex::kBlock;
}

// Whether block b may hold a 4-byte lead (two UTF-16 units for one code
// point): the last block may; another holds one when its entries count more
// UTF-16 units than code points.
inline bool MayHoldFours(const std::vector<uint32_t>& cp, const std::vector<uint32_t>& u16,
                         uint32_t b) {
  return b + 1 >= cp.size() || u16[b + 1] - u16[b] != cp[b + 1] - cp[b];
}

// The code points (*cp) and UTF-16 units (*u16) before `byte`, in block
// `block` of the text's entries `cps` and `u16s`: counted on from the
// block's start, or, past its middle when the next entry is there, what
// follows `byte` in the block counted and taken from that entry (at most
// half a block counted either way).
void CountBefore(std::string_view text, const std::vector<uint32_t>& cps,
                 const std::vector<uint32_t>& u16s, uint32_t byte, uint32_t block, uint32_t* cp,
                 uint32_t* u16) {
  const uint32_t from = block * OffsetIndex::kBlock;
  if (byte - from > OffsetIndex::kBlock / 2 && block + 1 < cps.size()) {
    uint32_t after_cp = 0, after_u16 = 0;
    CountShort(text.data() + byte, from + OffsetIndex::kBlock - byte, text.size() - byte,
               MayHoldFours(cps, u16s, block), &after_cp, &after_u16);
    *cp = cps[block + 1] - after_cp;
    *u16 = u16s[block + 1] - after_u16;
    return;
  }
  *cp = cps[block];
  *u16 = u16s[block];
  CountShort(text.data() + from, byte - from, text.size() - from, MayHoldFours(cps, u16s, block),
             cp, u16);
}
}  // namespace

uint32_t OffsetIndex::Convert(std::string_view text, uint32_t byte, OffsetUnit unit) const {
  if (unit == OffsetUnit::kUtf8 || ascii_) return byte;
  if (byte > text.size()) byte = static_cast<uint32_t>(text.size());
  uint32_t block = byte / kBlock;
  uint32_t cp, u16;
  if (AsciiBlock(cp_, block)) {
    cp = cp_[block] + (byte - block * kBlock);
    u16 = u16_[block] + (byte - block * kBlock);
  } else {
    CountBefore(text, cp_, u16_, byte, block, &cp, &u16);
  }
  return unit == OffsetUnit::kUtf16 ? u16 : cp;
}

void OffsetIndex::ConvertSpanCounted(std::string_view text, uint32_t start, uint32_t end,
                                     OffsetUnit unit, uint32_t* start_out,
                                     uint32_t* end_out) const {
  const uint32_t size = static_cast<uint32_t>(text.size());
  if (unit == OffsetUnit::kUtf8 || ascii_ || end < start || start >= size) {
    *start_out = Convert(text, start, unit);
    *end_out = Convert(text, end, unit);
    return;
  }
  if (end > size) end = size;
  const uint32_t block = start / kBlock;
  uint32_t cp, u16;
  const bool ascii = AsciiBlock(cp_, block);
  if (ascii) {
    cp = cp_[block] + (start - block * kBlock);
    u16 = u16_[block] + (start - block * kBlock);
  } else {
    CountBefore(text, cp_, u16_, start, block, &cp, &u16);
  }
  *start_out = unit == OffsetUnit::kUtf16 ? u16 : cp;
  if (end / kBlock != block) {
    *end_out = Convert(text, end, unit);
    return;
  }
  if (ascii) {
    cp += end - start;
    u16 += end - start;
  } else {
    CountShort(text.data() + start, end - start, size - start, MayHoldFours(cp_, u16_, block), &cp,
               &u16);
  }
  *end_out = unit == OffsetUnit::kUtf16 ? u16 : cp;
}

}  // namespace lede
