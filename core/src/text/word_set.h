// A fixed set of short words (string literals), looked up without comparing
// the word against every entry: an open-addressing table on the word's length
// and first, second and last bytes. For the small word lists that hot loops
// check token by token (a linear scan compared up to fifty words each time).
#ifndef LEDE_TEXT_WORD_SET_H_
#define LEDE_TEXT_WORD_SET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lede {

class WordSet {
 public:
  // `list`: at most kSize / 2 non-empty words, each under 64 bytes, which
  // must outlive the set (literals).
  template <size_t N>
  explicit WordSet(const std::string_view (&list)[N]) {
    static_assert(N <= kSize / 2, "a word set stays at most half full");
    for (std::string_view w : list) {
      lengths_ |= uint64_t{1} << w.size();
      uint32_t j = Slot(w);
      while (!table_[j].empty() && table_[j] != w) j = (j + 1) & kMask;
      table_[j] = w;
    }
  }
  bool Has(std::string_view w) const {
    if (w.empty() || w.size() >= 64 || !((lengths_ >> w.size()) & 1)) return false;
    for (uint32_t j = Slot(w);; j = (j + 1) & kMask) {
      if (table_[j].empty()) return false;
      if (table_[j] == w) return true;
    }
  }

 private:
  static constexpr uint32_t kSize = 128, kMask = kSize - 1;
  static uint32_t Slot(std::string_view w) {
    const auto b = [&](size_t i) {
      return static_cast<uint32_t>(static_cast<unsigned char>(w[i]));
    };
    return (static_cast<uint32_t>(w.size()) * 37u + b(0) * 131u + b(w.size() / 2) * 7u +
            b(w.size() - 1)) &
           kMask;
  }
  std::array<std::string_view, kSize> table_{};
  uint64_t lengths_ = 0;  // bit k: some word has k bytes
};

}  // namespace lede

#endif  // LEDE_TEXT_WORD_SET_H_
