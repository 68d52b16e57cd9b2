#include "lede/offsets.h"

namespace lede {

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
  for (uint32_t i = block * kBlock; i < byte; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) n += (utf16 && c >= 0xF0) ? 2 : 1;
  }
  return n;
}

}  // namespace lede
