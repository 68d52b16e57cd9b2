// A hash for the short strings (words) the core looks up in its tables: the
// key's bytes read a few at a time (two overlapping loads for 4 to 8 bytes,
// three bytes for 1 to 3), inline. Cheaper per look-up than FNV-1a's byte
// loop or std::hash's call. Only for tables that are searched, never walked:
// the layout depends on it, not any order the results are given in.
#ifndef LEDE_TEXT_HASH_H_
#define LEDE_TEXT_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace lede {

// MurmurHash3's 32-bit finalizer: the NER tagger's and typer's feature hashes
// are built on it (their model files store those hashes, so it must not change).
inline uint32_t Fmix(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

inline size_t HashShortKey(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  for (; n > 8; p += 8, n -= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t v = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    v = a | static_cast<uint64_t>(b) << 32;
  } else if (n > 0) {
    v = static_cast<uint64_t>(static_cast<uint8_t>(p[0])) |
        static_cast<uint64_t>(static_cast<uint8_t>(p[n >> 1])) << 8 |
        static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << 16;
  }
  h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
  h = (h ^ (h >> 32)) * 0xff51afd7ed558ccdull;  // every bit reaches the low ones
  return static_cast<size_t>(h ^ (h >> 29));
}

// HashShortKey as a functor, for std::unordered_map and set.
struct ShortKeyHash {
  size_t operator()(std::string_view s) const { return HashShortKey(s); }
};

}  // namespace lede

#endif  // LEDE_TEXT_HASH_H_
