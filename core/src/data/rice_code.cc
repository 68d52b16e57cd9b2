#include "data/rice_code.h"

#include <algorithm>
#include <cstring>

namespace lede {
namespace {

constexpr uint64_t kTopBit = uint64_t{1} << 63;

}  // namespace

void AppendRiceCoded(const std::vector<uint32_t>& keys, std::string* out) {
  // The r with the fewest bits in all: sum over the gaps of (gap >> r) + 1 + r.
  uint32_t r = 0;
  uint64_t best = UINT64_MAX;
  for (uint32_t c = 0; c < 32; ++c) {
    uint64_t bits = 0, prev = 0;
    for (uint32_t k : keys) {
      bits += ((k - prev) >> c) + 1 + c;
      prev = k;
    }
    if (bits < best) {
      best = bits;
      r = c;
    }
  }
  std::string code;
  uint64_t acc = 0;  // bits not yet in `code`, the first at bit 0
  int filled = 0;
  auto put = [&](uint64_t v, int n) {  // n <= 32 bits of v
    acc |= v << filled;
    filled += n;
    while (filled >= 8) {
      code.push_back(static_cast<char>(acc & 0xff));
      acc >>= 8;
      filled -= 8;
    }
  };
  uint32_t prev = 0;
  for (uint32_t k : keys) {
    const uint32_t gap = k - prev;
    prev = k;
    for (uint32_t q = gap >> r; q > 0;) {
      const uint32_t ones = q < 32 ? q : 32;
      put((uint64_t{1} << ones) - 1, static_cast<int>(ones));
      q -= ones;
    }
    put(0, 1);
    put(gap & ((uint64_t{1} << r) - 1), static_cast<int>(r));
  }
  if (filled > 0) code.push_back(static_cast<char>(acc & 0xff));
  const uint32_t head[2] = {r, static_cast<uint32_t>(code.size())};
  out->append(reinterpret_cast<const char*>(head), sizeof head);
  out->append(code);
}

size_t ReadRiceCoded(std::string_view bytes, uint32_t n, uint32_t* out) {
  if (bytes.size() < 8) return 0;
  uint32_t r, size;
  std::memcpy(&r, bytes.data(), 4);
  std::memcpy(&size, bytes.data() + 4, 4);
  if (r > 31 || bytes.size() - 8 < size) return 0;
  uint64_t pos = 0;
  if (!ReadRiceBits(bytes.data() + 8, size, r, n, out, &pos)) return 0;
  if ((pos + 7) / 8 != size) return 0;
  return 8 + size_t{size};
}

bool ReadRiceBits(const char* code, size_t size, uint32_t r, uint32_t n, uint32_t* out,
                  uint64_t* pos_io) {
  if (r > 31) return false;
  const uint64_t total = uint64_t{size} * 8;
  uint64_t pos = *pos_io;
  if (pos > total) return false;
  // The bits from `pos` on, at least 57 of them (0 past the end). pos < total.
  auto peek = [&](uint64_t pos) {
    const size_t at = static_cast<size_t>(pos >> 3);
    uint64_t w = 0;
    if (size - at >= 8) {
      std::memcpy(&w, code + at, 8);  // one load
    } else {
      std::memcpy(&w, code + at, size - at);
    }
    return w >> (pos & 7);
  };
  const uint64_t low_mask = (uint64_t{1} << r) - 1;
  uint64_t key = 0;
  uint32_t i = 0;
  // While the 8 bytes from pos's byte lie inside the code, one load holds 57
  // bits from pos on: a key's whole code, unless its gap is 2^(56 - r + r) or
  // more. Keys go in blocks whose codes surely end there (57 bits each at
  // most), of at most 128 keys (each adds under 2^56: key cannot wrap).
  const uint64_t fast_end = size >= 8 ? (uint64_t{size} - 8) * 8 : 0;
  const uint32_t most_ones = 56 - r;
  const uint32_t r1 = r + 1;  // a key's bits past its unary part's ones
  // A load gives two keys when both codes end inside its 57 bits (most keys
  // take r + 1 to r + 3 bits: the loads and their shifts are paid a pair).
  while (i < n && pos < fast_end) {
    const uint64_t room = std::min<uint64_t>({(fast_end - pos) / 57, n - i, 128});
    if (room == 0) break;
    const uint32_t stop = i + static_cast<uint32_t>(room);
    bool slow = false;
    while (i < stop) {
      uint64_t w;
      std::memcpy(&w, code + (pos >> 3), 8);
      w >>= pos & 7;
      // (Bit 63 set: a word of 64 ones, which a long unary part can give
      // when pos is on a byte's start, is not ctz(0), which is undefined.)
      const uint32_t ones = static_cast<uint32_t>(__builtin_ctzll(~w | kTopBit));
      if (ones > most_ones) {  // read below
        slow = true;
        break;
      }
      key += (uint64_t{ones} << r) | ((w >> (ones + 1)) & low_mask);
      out[i++] = static_cast<uint32_t>(key);
      uint32_t used = ones + r1;  // <= 57
      if (i < stop) {
        // The next key from the bits past this one (v's top `used` bits are
        // 0: its ctz stays below 64), if its code ends inside the 57.
        const uint64_t v = w >> used;
        const uint32_t ones2 = static_cast<uint32_t>(__builtin_ctzll(~v));
        if (used + ones2 + r1 <= 57) {
          key += (uint64_t{ones2} << r) | ((v >> (ones2 + 1)) & low_mask);
          out[i++] = static_cast<uint32_t>(key);
          used += ones2 + r1;
        }
      }
      pos += used;
    }
    if (key > UINT32_MAX) return false;
    if (slow) break;
  }
  for (; i < n; ++i) {
    uint64_t q = 0, w;
    int ones;
    for (;;) {  // the unary part: 56 ones at a time, until its 0
      if (pos >= total) return false;
      w = peek(pos);
      ones = __builtin_ctzll(~w | kTopBit);  // ones <= 63, as above
      if (ones <= 56) break;
      q += 56;
      pos += 56;
    }
    q += static_cast<uint64_t>(ones);
    pos += static_cast<uint64_t>(ones) + 1;
    if (pos + r > total) return false;
    // The low bits: still in w if they end inside its 57 sure bits.
    const uint64_t low =
        (static_cast<uint32_t>(ones) + 1 + r <= 57 ? w >> (ones + 1) : (r ? peek(pos) : 0)) &
        low_mask;
    pos += r;
    if (q > UINT32_MAX) return false;
    key += (q << r) | low;
    if (key > UINT32_MAX) return false;
    out[i] = static_cast<uint32_t>(key);
  }
  *pos_io = pos;
  return true;
}

}  // namespace lede
