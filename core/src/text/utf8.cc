#include "text/utf8.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lede {

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// WHATWG's UTF-8 decoder on a lead byte c >= 0x80: how many continuation
// bytes follow it (0 when c cannot start a sequence) and the allowed range
// [*lo, *hi] of the first of them (the later ones are 0x80-0xBF).
int SequenceLength(unsigned char c, unsigned char* lo, unsigned char* hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) return 1;
  if (c >= 0xE0 && c <= 0xEF) {
    if (c == 0xE0) *lo = 0xA0;
    if (c == 0xED) *hi = 0x9F;
    return 2;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (c == 0xF0) *lo = 0x90;
    if (c == 0xF4) *hi = 0x8F;
    return 3;
  }
  return 0;
}

}  // namespace

std::string DecodeUtf8(std::string_view in, size_t* replaced) {
  *replaced = 0;
  // Fast path: scan for the first byte that is not plain ASCII.
  // A leading byte-order mark is dropped, as the WHATWG decoder (and so JS
  // TextDecoder and File.text()) does, so that offsets agree with JS strings.
  size_t i = in.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const size_t n = in.size();
  std::string out;
  out.reserve(n);
  // What is valid (most often all of it) is copied as it is, in one step:
  // ValidUtf8Prefix ends at the first byte the loop below would replace.
  const size_t valid = i + ValidUtf8Prefix(in.substr(i));
  out.append(in.data() + i, valid - i);
  i = valid;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      size_t j = i + 1;
      for (; n - j >= 8; j += 8) {  // eight ASCII bytes at a time
        uint64_t x;
        std::memcpy(&x, in.data() + j, 8);
        if (x & 0x8080808080808080ull) break;
      }
      while (j < n && static_cast<unsigned char>(in[j]) < 0x80) ++j;
      out.append(in.data() + i, j - i);
      i = j;
      continue;
    }
    // WHATWG: bytes needed and the allowed range of the second byte.
    unsigned char lo, hi;
    const int need = SequenceLength(c, &lo, &hi);
    if (need == 0) {
      out.append("\xEF\xBF\xBD");
      ++*replaced;
      ++i;
      continue;
    }
    size_t j = i + 1;
    int seen = 0;
    bool ok = true;
    while (seen < need) {
      if (j >= n) {
        ok = false;
        break;
      }
      unsigned char d = static_cast<unsigned char>(in[j]);
      if (d < lo || d > hi) {
        ok = false;
        break;
      }
      lo = 0x80;
      hi = 0xBF;
      ++j;
      ++seen;
    }
    if (ok) {
      out.append(in.data() + i, j - i);
    } else {
      // The maximal subpart [i, j) becomes one U+FFFD; the offending byte is
      // read again as the start of what follows.
      out.append("\xEF\xBF\xBD");
      ++*replaced;
    }
    i = j;
  }
  return out;
}

size_t ValidUtf8Prefix(std::string_view in) {
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      ++i;
#if defined(__SSE2__)
      // Sixteen ASCII bytes at a time (a high bit in none of them), up to
      // the first byte with its high bit set.
      for (; n - i >= 16; i += 16) {
        const int high =
            _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + i)));
        if (high != 0) {
          i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(high)));
          break;
        }
      }
#endif
      for (; n - i >= 8; i += 8) {  // eight ASCII bytes at a time
        uint64_t x;
        std::memcpy(&x, in.data() + i, 8);
        if (x & 0x8080808080808080ull) break;
      }
      continue;
    }
    // The sequences DecodeUtf8 copies, by the same table.
    unsigned char lo, hi;
    const size_t need = static_cast<size_t>(SequenceLength(c, &lo, &hi));
    if (need == 0) return i;
    if (n - i - 1 < need) return i;
    for (size_t k = 1; k <= need; ++k) {
      unsigned char d = static_cast<unsigned char>(in[i + k]);
      if (d < lo || d > hi) return i;
      lo = 0x80;
      hi = 0xBF;
    }
    i += need + 1;
  }
  return n;
}

bool IsSpaceNonAscii(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool IsNonLetterNonAscii(char32_t c) {
  // Punctuation and symbols outside ASCII that must not join words.
  if (c >= 0x80 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;  // Latin-1 punct
  if (c == 0xD7 || c == 0xF7) return true;                                 // × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return true;  // punctuation, symbols, arrows, dingbats
  if (c >= 0x2E00 && c <= 0x2E7F) return true;  // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK punctuation
  if (c >= 0xFE10 && c <= 0xFE6F) return true;  // vertical / small forms
  if (c >= 0xFF01 && c <= 0xFF0F) return true;  // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  if (c == 0xFFFD || c == 0xFEFF) return true;
  if (c >= 0x1F000 && c <= 0x1FAFF) return true;  // emoji and pictographs
  if (c >= 0xE000 && c <= 0xF8FF) return true;    // private use
  if (c >= 0xFE00 && c <= 0xFE0F) return true;    // variation selectors
  if (c >= 0xD800 && c <= 0xDFFF) return true;
  return false;
}

bool IsLetterNonAscii(char32_t c) { return !IsSpaceNonAscii(c) && !IsNonLetterNonAscii(c); }

bool IsUpperNonAscii(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) {  // Latin Extended-A: mostly even = upper
    if (c == 0x130 || c == 0x178) return true;
    if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
    if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
    return c % 2 == 0 && c != 0x138;
  }
  if (c >= 0x391 && c <= 0x3AB) return true;  // Greek
  if (c >= 0x400 && c <= 0x42F) return true;  // Cyrillic
  if (c >= 0x460 && c <= 0x52F) return c % 2 == 0;
  if (c >= 0x531 && c <= 0x556) return true;          // Armenian
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;  // Latin Extended Additional
  return false;
}

bool IsLowerNonAscii(char32_t c) {
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !IsUpperNonAscii(c);
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  if (c >= 0x460 && c <= 0x52F) return c % 2 == 1;
  if (c >= 0x561 && c <= 0x587) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 1;
  return false;
}

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0xAB:
    case 0xBB:
    case 0x201E:
    case 0x201A:
    case 0x2039:
    case 0x203A:
    case 0x201F:
    case 0x201B:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0xFF02:
    case 0x60:  // ` as in ``tokenized'' text
      return true;
    default:
      return false;
  }
}

bool IsDash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

std::string Fold(std::string_view s) {
  // Written in place over a copy: folding never lengthens the text.
  std::string out(s);
  out.resize(FoldInto(s, out.data()));
  return out;
}

}  // namespace lede
