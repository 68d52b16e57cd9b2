#include "lede/offsets.h"

#include <cstring>

namespace lede {
namespace {

// The number of bytes of `x` whose high bit is set, when no other bit is:
// the multiplication sums the eight 0/1 bytes into the top byte.
uint32_t CountHighBits(uint64_t x) {
  return static_cast<uint32_t>(((x >> 7) * 0x0101010101010101ull) >> 56);
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
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii_ = false;
      break;
    }
  }
  if (ascii_) return;
  size_t blocks = text.size() / kBlock + 1;
  cp_.resize(blocks);
  u16_.resize(blocks);
  uint32_t cp = 0, u16 = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) {
      cp_[i / kBlock] = cp;
      u16_[i / kBlock] = u16;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {  // a lead byte starts a code point
      ++cp;
      u16 += c >= 0xF0 ? 2 : 1;
    }
  }
  if (text.size() % kBlock == 0) {
    cp_[text.size() / kBlock] = cp;
    u16_[text.size() / kBlock] = u16;
  }
}

uint32_t OffsetIndex::Convert(std::string_view text, uint32_t byte, OffsetUnit unit) const {
  if (unit == OffsetUnit::kUtf8 || ascii_) return byte;
  if (byte > text.size()) byte = static_cast<uint32_t>(text.size());
  uint32_t block = byte / kBlock;
  bool utf16 = unit == OffsetUnit::kUtf16;
  uint32_t n = utf16 ? u16_[block] : cp_[block];
  uint32_t i = block * kBlock;
  // Eight bytes at a time: every byte but a continuation byte (10xxxxxx)
  // starts a code point, and a 4-byte lead (11110xxx) is two UTF-16 units.
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  for (; byte - i >= 8; i += 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    uint64_t continuation = x & ~(x << 1) & kHighs;
    n += 8 - CountHighBits(continuation);
    if (utf16) n += CountHighBits(x & (x << 1) & (x << 2) & (x << 3) & kHighs);
  }
  for (; i < byte; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) n += (utf16 && c >= 0xF0) ? 2 : 1;
  }
  return n;
}

}  // namespace lede
