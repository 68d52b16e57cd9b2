// Offset conversion for a valid UTF-8 text: byte offsets (the core's unit)
// to UTF-16 code units (what JS string indexing uses) or code points.
//
// Usage:
//   lede::OffsetIndex index(text);
//   uint32_t u16 = index.Convert(text, byte_offset, lede::OffsetUnit::kUtf16);
//
// Build once per text, O(n); each Convert is O(1) (a table look-up plus a scan
// of at most kBlock bytes). The index keeps no pointer into the text: pass the
// same text it was built from. `text` must be valid UTF-8 and `byte` on a
// character boundary (or text.size()).
#ifndef LEDE_OFFSETS_H_
#define LEDE_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace lede {

enum class OffsetUnit { kUtf16, kUtf8, kCodepoint };

// "utf16", "utf8", "codepoint"; ParseOffsetUnit returns false on anything else.
const char* OffsetUnitName(OffsetUnit unit);
bool ParseOffsetUnit(std::string_view name, OffsetUnit* unit);

class OffsetIndex {
 public:
  static constexpr uint32_t kBlock = 64;

  OffsetIndex() = default;
  explicit OffsetIndex(std::string_view text);

  uint32_t Convert(std::string_view text, uint32_t byte, OffsetUnit unit) const;
  // Convert() of a span's start and end: the end counted on from the start
  // when both are in one block (a short span's usual case). Inline where
  // the text is ASCII, or both ends are in blocks of ASCII bytes before any
  // character boundary (most spans of most texts); else ConvertSpanCounted.
  void ConvertSpan(std::string_view text, uint32_t start, uint32_t end, OffsetUnit unit,
                   uint32_t* start_out, uint32_t* end_out) const {
    if (unit == OffsetUnit::kUtf8 || ascii_) {
      *start_out = start;
      *end_out = end;
      return;
    }
    const uint32_t b = start / kBlock, eb = end / kBlock;
    if (start <= end && end <= text.size() && eb + 1 < cp_.size() &&
        cp_[b + 1] - cp_[b] == kBlock && cp_[eb + 1] - cp_[eb] == kBlock) {
      const std::vector<uint32_t>& before = unit == OffsetUnit::kUtf16 ? u16_ : cp_;
      *start_out = before[b] + (start - b * kBlock);
      *end_out = before[eb] + (end - eb * kBlock);
      return;
    }
    ConvertSpanCounted(text, start, end, unit, start_out, end_out);
  }
  // ConvertSpan's general case, out of line.
  void ConvertSpanCounted(std::string_view text, uint32_t start, uint32_t end, OffsetUnit unit,
                          uint32_t* start_out, uint32_t* end_out) const;

 private:
  bool ascii_ = true;
  std::vector<uint32_t> cp_;   // code points before each block
  std::vector<uint32_t> u16_;  // UTF-16 units before each block
};

}  // namespace lede

#endif  // LEDE_OFFSETS_H_
