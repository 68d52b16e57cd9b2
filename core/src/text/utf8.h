// UTF-8 decoding and character classes for the core. Internal.
#ifndef LEDE_TEXT_UTF8_H_
#define LEDE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lede {

// Decodes `input` as the WHATWG UTF-8 decoder does: every maximal subpart of
// an ill-formed sequence becomes one U+FFFD. Returns valid UTF-8; sets
// *replaced to the number of U+FFFD inserted. A leading BOM is dropped.
std::string DecodeUtf8(std::string_view input, size_t* replaced);

// How many bytes at the start of `input` DecodeUtf8 keeps as they are: the
// longest prefix of well-formed UTF-8 (a leading BOM counts, though
// DecodeUtf8 drops it). DecodeUtf8(input) == input exactly when this is
// input.size() and input does not start with a BOM.
size_t ValidUtf8Prefix(std::string_view input);

// Reads the code point at text[i] of VALID UTF-8; sets *len to its byte length.
inline char32_t CodePointAt(std::string_view text, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c < 0xE0) {
    *len = 2;
    return ((c & 0x1F) << 6) | (text[i + 1] & 0x3F);
  }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) | ((text[i + 2] & 0x3F) << 6) |
         (text[i + 3] & 0x3F);
}

// The code point that ends just before byte i of VALID UTF-8 (i > 0).
inline char32_t CodePointBefore(std::string_view text, size_t i, int* len) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  char32_t cp = CodePointAt(text, j, len);
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out);

// Character classes. ASCII, most of every text, is decided inline; the
// *NonAscii functions decide the rest (c >= 0x80).
bool IsSpaceNonAscii(char32_t c);
bool IsLetterNonAscii(char32_t c);
bool IsUpperNonAscii(char32_t c);
bool IsLowerNonAscii(char32_t c);

// \n, \r, U+2028, U+2029, \v, \f
inline bool IsNewline(char32_t c) {
  return (c >= '\n' && c <= '\r') || c == 0x85 || c == 0x2028 || c == 0x2029;
}
// White space, including NBSP and zero-width spaces.
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : IsSpaceNonAscii(c);
}
// ASCII digits.
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Letters of any script (and combining marks).
inline bool IsLetter(char32_t c) {
  return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : IsLetterNonAscii(c);
}
// Upper or title case (Latin, Greek, Cyrillic, Armenian).
inline bool IsUpper(char32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : IsUpperNonAscii(c); }
inline bool IsLower(char32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : IsLowerNonAscii(c); }
bool IsQuoteMark(char32_t c);  // " ' “ ” ‘ ’ « » „ ‚ ‹ › ‟ ‛ 「 」 『 』 ＂
bool IsDash(char32_t c);       // - ‐ ‑ ‒ – — ― −

// ASCII-lowercases `s` and folds ’ to ' (for look-ups in lexicons).
std::string Fold(std::string_view s);
// One step of Fold: the folded byte at s[*i]; a curly apostrophe (three
// bytes) gives '\'' and moves *i to its last byte. Callers advance past *i.
inline char FoldStep(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c == 0xE2 && *i + 2 < s.size() && static_cast<unsigned char>(s[*i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[*i + 2]) == 0x99 ||
       static_cast<unsigned char>(s[*i + 2]) == 0x98)) {
    *i += 2;
    return '\'';
  }
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
}

// Eight ASCII bytes (none with its high bit set) with their capitals
// lowered at once: a byte c < 0x80 plus 0x3F reaches 0x80 when c >= 'A',
// plus 0x25 when c > 'Z' (no carry crosses a byte); 0x80 >> 2 is the 32 to
// add. (FoldStep's lowering, eight bytes at a time.)
constexpr uint64_t LowerAscii8(uint64_t x) {
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  return x | (((x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & kHighs) >> 2);
}

// Writes Fold(s) to out (room for s.size() bytes: folding never lengthens
// the text) and returns its length. Eight ASCII bytes at a time, their
// capitals lowered together; other bytes by FoldStep.
inline size_t FoldInto(std::string_view s, char* out) {
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  const size_t size = s.size();
  size_t i = 0, n = 0;
  while (i < size) {
    if (size - i >= 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      if ((x & kHighs) == 0) {
        x = LowerAscii8(x);
        std::memcpy(out + n, &x, 8);
        i += 8;
        n += 8;
        continue;
      }
    }
    out[n++] = FoldStep(s, &i);
    ++i;
  }
  return n;
}

}  // namespace lede

#endif  // LEDE_TEXT_UTF8_H_
