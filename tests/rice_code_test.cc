// AppendRiceCoded / ReadRiceCoded (core/src/data/rice_code.h): the model
// files' keys, Rice coded gaps.
#include "data/rice_code.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "xorshift.h"

namespace lede {
namespace {

std::vector<uint32_t> RoundTrip(const std::vector<uint32_t>& keys, std::string* code = nullptr) {
  std::string bytes;
  AppendRiceCoded(keys, &bytes);
  std::vector<uint32_t> got(keys.size() + 1, 12345);  // one past: not written
  EXPECT_EQ(ReadRiceCoded(bytes, static_cast<uint32_t>(keys.size()), got.data()), bytes.size());
  EXPECT_EQ(got.back(), 12345u);
  got.pop_back();
  if (code) *code = bytes;
  return got;
}

uint32_t RiceParameter(const std::string& code) {
  uint32_t r;
  std::memcpy(&r, code.data(), 4);
  return r;
}

TEST(RiceCodeTest, HashesTakeUnder19BitsEach) {
  XorShift64 next(88172645463325252ull);
  std::vector<uint32_t> keys(30000);
  for (uint32_t& k : keys) k = static_cast<uint32_t>(next() >> 32);
  std::sort(keys.begin(), keys.end());
  std::string code;
  EXPECT_EQ(RoundTrip(keys, &code), keys);
  EXPECT_EQ(RiceParameter(code), 17u);  // the gaps average 2^32 / 30000, about 2^17.1
  EXPECT_LT(code.size() * 8, keys.size() * 19);
}

TEST(RiceCodeTest, EdgeCases) {
  std::string code;
  EXPECT_EQ(RoundTrip({}, &code), std::vector<uint32_t>{});
  EXPECT_EQ(code.size(), 8u);
  EXPECT_EQ(RoundTrip({0}), std::vector<uint32_t>{0});
  EXPECT_EQ(RoundTrip({UINT32_MAX}), std::vector<uint32_t>{UINT32_MAX});
  EXPECT_EQ(RoundTrip({7, 7, 7}), (std::vector<uint32_t>{7, 7, 7}));
  EXPECT_EQ(RoundTrip({0, UINT32_MAX}), (std::vector<uint32_t>{0, UINT32_MAX}));
  // Many gaps of 1 and one of nearly 2^32: a short r, so that gap's unary
  // part runs over hundreds of bits (read 56 at a time).
  std::vector<uint32_t> keys;
  for (uint32_t k = 0; k < 1000; ++k) keys.push_back(k);
  keys.push_back(4000000000u);
  keys.push_back(4000000001u);
  EXPECT_EQ(RoundTrip(keys, &code), keys);
  EXPECT_LT((4000000000u - 999u) >> RiceParameter(code), 4000u);
  EXPECT_GT((4000000000u - 999u) >> RiceParameter(code), 100u);
  // Long runs of keys read in blocks, then one at a time near the end, for
  // r from 0 to 31.
  for (uint32_t bits = 0; bits < 32; ++bits) {
    std::vector<uint32_t> spread;
    for (uint64_t k = 0; k <= UINT32_MAX && spread.size() < 1000;
         k += (uint64_t{1} << bits) + spread.size() % 3)
      spread.push_back(static_cast<uint32_t>(k));
    EXPECT_EQ(RoundTrip(spread, &code), spread) << bits;
    EXPECT_LE(RiceParameter(code), bits + 1) << bits;
  }
}

TEST(RiceCodeTest, RefusesWhatItDidNotWrite) {
  const std::vector<uint32_t> keys = {3, 1000, 70000, 70001, 4000000000u};
  std::string code;
  AppendRiceCoded(keys, &code);
  std::vector<uint32_t> got(keys.size() + 1);
  const uint32_t n = static_cast<uint32_t>(keys.size());
  // Bytes after the code are not its own: read up to its end.
  EXPECT_EQ(ReadRiceCoded(code + "xyz", n, got.data()), code.size());
  EXPECT_EQ(got[4], 4000000000u);
  EXPECT_EQ(ReadRiceCoded(code.substr(0, code.size() - 1), n, got.data()), 0u);  // cut short
  EXPECT_EQ(ReadRiceCoded(code.substr(0, 7), 0, got.data()), 0u);
  EXPECT_EQ(ReadRiceCoded(code, n + 1, got.data()), 0u);  // fewer keys than asked
  // Fewer keys than the code holds: bytes left over.
  std::string longer;
  AppendRiceCoded({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, &longer);
  EXPECT_EQ(ReadRiceCoded(longer, 1, got.data()), 0u);
  std::string bad_r = code;
  bad_r[0] = 32;
  EXPECT_EQ(ReadRiceCoded(bad_r, n, got.data()), 0u);
  // Two gaps of 2^32 - 1 (r = 31: a 1 and its 0, then 31 ones), 66 bits: the
  // second key is past 2^32 - 1.
  std::string over(8 + 9, '\0');
  const uint32_t head[2] = {31, 9};
  std::memcpy(&over[0], head, 8);
  int at = 0;
  auto put = [&](int bit) {
    if (bit) over[8 + at / 8] = static_cast<char>(over[8 + at / 8] | (1 << (at % 8)));
    ++at;
  };
  for (int key = 0; key < 2; ++key) {
    put(1);
    put(0);
    for (int i = 0; i < 31; ++i) put(1);
  }
  ASSERT_EQ(at, 66);
  EXPECT_EQ(ReadRiceCoded(over, 2, got.data()), 0u);
  EXPECT_EQ(got[0], UINT32_MAX);                      // the first was read
  EXPECT_EQ(ReadRiceCoded(over, 1, got.data()), 0u);  // one key: bytes left over
  // 1,000 gaps of 2^31 - 1 (r = 31: a 0, then 31 ones), read in blocks: the
  // third key is past 2^32 - 1.
  over.assign(8 + 4125, '\0');
  const uint32_t many[2] = {31, 4125};
  std::memcpy(&over[0], many, 8);
  at = 0;
  for (int key = 0; key < 1000; ++key) {
    put(0);
    for (int i = 0; i < 31; ++i) put(1);
  }
  std::vector<uint32_t> out(1000);
  EXPECT_EQ(ReadRiceCoded(over, 1000, out.data()), 0u);
  EXPECT_EQ(ReadRiceCoded(over.substr(0, 8 + 9), 2, out.data()), 0u);  // the code's size: 4125
}

// A unary part of more than 63 ones that starts on a byte's start: the eight
// bytes read there are all ones (the reader must not take ctz of 0), in the
// loop that reads keys one at a time and in the one that reads them in blocks.
TEST(RiceCodeTest, UnaryPartOfAWholeWordFromAByteStart) {
  for (uint32_t more : {0u, 300u}) {  // 300 more keys: the block loop reads first
    std::string code(8, '\0');
    int at = 0;
    auto put = [&](int bit) {
      if (at % 8 == 0) code.push_back('\0');
      if (bit) code.back() = static_cast<char>(code.back() | (1 << (at % 8)));
      ++at;
    };
    // r = 0: the first key, 200, is 200 ones and a 0; each next key 1 more.
    for (int i = 0; i < 200; ++i) put(1);
    put(0);
    std::vector<uint32_t> want = {200};
    for (uint32_t k = 0; k < more; ++k) {
      put(1);
      put(0);
      want.push_back(want.back() + 1);
    }
    const uint32_t head[2] = {0, static_cast<uint32_t>(code.size() - 8)};
    std::memcpy(&code[0], head, 8);
    std::vector<uint32_t> got(want.size());
    EXPECT_EQ(ReadRiceCoded(code, static_cast<uint32_t>(want.size()), got.data()), code.size())
        << more;
    EXPECT_EQ(got, want) << more;
  }
}

// Bits written one at a time, least significant bit of each byte first, as
// the code lays them out.
struct BitWriter {
  std::string bytes;
  uint64_t at = 0;
  void Put(int bit) {
    if (at % 8 == 0) bytes.push_back('\0');
    if (bit) bytes.back() = static_cast<char>(bytes.back() | (1 << (at % 8)));
    ++at;
  }
  // A gap: q = gap >> r ones, a 0, then the low r bits.
  void Gap(uint32_t gap, uint32_t r) {
    for (uint32_t q = gap >> r; q > 0; --q) Put(1);
    Put(0);
    for (uint32_t k = 0; k < r; ++k) Put((gap >> k) & 1);
  }
};

// ReadRiceBits: a code without a head, from any bit on, as ner/clusters.bin
// has its fingerprints (r = 5) between its header and its fine clusters.
TEST(RiceCodeTest, ReadsBitsFromAnyBitOn) {
  XorShift64 next(12345);
  for (uint32_t r : {0u, 5u, 17u, 31u}) {
    for (uint32_t lead : {0u, 3u, 8u, 13u}) {
      for (uint32_t n : {0u, 1u, 7u, 500u}) {
        BitWriter code;
        for (uint32_t k = 0; k < lead; ++k) code.Put(k & 1);
        std::vector<uint32_t> want;
        uint64_t key = 0;
        for (uint32_t k = 0; k < n; ++k) {
          // Gaps of about 2^r, sometimes 0, sometimes 40 times larger.
          uint64_t gap = (next() >> 40) & ((uint64_t{2} << r) - 1);
          if (k % 7 == 3) gap = 0;
          if (k % 11 == 5) gap *= 40;
          if (key + gap > UINT32_MAX || (gap >> r) > 1000) gap = 1;
          key += gap;
          code.Gap(static_cast<uint32_t>(gap), r);
          want.push_back(static_cast<uint32_t>(key));
        }
        const uint64_t end = code.at;
        for (int k = 0; k < 11; ++k) code.Put(1);  // what follows the code
        std::vector<uint32_t> got(n + 1, 777);
        uint64_t pos = lead;
        ASSERT_TRUE(ReadRiceBits(code.bytes.data(), code.bytes.size(), r, n, got.data(), &pos))
            << r << " " << lead << " " << n;
        EXPECT_EQ(pos, end) << r << " " << lead << " " << n;
        EXPECT_EQ(got.back(), 777u);
        got.pop_back();
        EXPECT_EQ(got, want) << r << " " << lead << " " << n;
      }
    }
  }
}

// Hand-built bad codes: each is refused, without reading past its bytes
// (the sanitizer build checks that), taking ctz of 0 or shifting by 64.
TEST(RiceCodeTest, ReadBitsRefusesBadCodes) {
  std::vector<uint32_t> out(2000);
  uint64_t pos;
  // Nothing but ones, from a byte's start and from inside one: a unary part
  // that never ends.
  for (size_t size : {1u, 7u, 8u, 9u, 64u, 300u}) {
    const std::string ones(size, '\xFF');
    for (uint64_t from : {uint64_t{0}, uint64_t{5}}) {
      for (uint32_t r : {0u, 5u, 31u}) {
        pos = from;
        EXPECT_FALSE(ReadRiceBits(ones.data(), ones.size(), r, 1, out.data(), &pos)) << size;
      }
    }
  }
  // Zeros: gaps of 0 with r = 0, one bit each; one more than there are bits
  // is refused, and so is a start past the end.
  const std::string zeros(100, '\0');
  pos = 0;
  EXPECT_TRUE(ReadRiceBits(zeros.data(), zeros.size(), 0, 800, out.data(), &pos));
  EXPECT_EQ(pos, 800u);
  pos = 0;
  EXPECT_FALSE(ReadRiceBits(zeros.data(), zeros.size(), 0, 801, out.data(), &pos));
  pos = 801;
  EXPECT_FALSE(ReadRiceBits(zeros.data(), zeros.size(), 0, 0, out.data(), &pos));
  pos = 800;
  EXPECT_TRUE(ReadRiceBits(zeros.data(), zeros.size(), 0, 0, out.data(), &pos));
  // Low bits cut off by the end: r = 31 needs 32 bits a key.
  pos = 0;
  EXPECT_FALSE(ReadRiceBits(zeros.data(), 3, 31, 1, out.data(), &pos));
  pos = 0;
  EXPECT_TRUE(ReadRiceBits(zeros.data(), 4, 31, 1, out.data(), &pos));
  // r of 32 or more: refused (a shift by r would be undefined).
  for (uint32_t r : {32u, 63u, 64u, 200u}) {
    pos = 0;
    EXPECT_FALSE(ReadRiceBits(zeros.data(), zeros.size(), r, 1, out.data(), &pos)) << r;
  }
  // Keys past 2^32 - 1, in the block loop (many short codes) and near the
  // end: r = 0 with one gap of 2^32 (2^32 ones) is too long to build here,
  // so r = 31 with gaps of 2^31 + 2^31.
  for (uint32_t lead : {0u, 600u}) {
    BitWriter code;
    for (uint32_t k = 0; k < lead; ++k) code.Gap(0, 31);
    code.Gap(0x80000000u, 31);
    code.Gap(0x80000000u, 31);
    for (int k = 0; k < 100; ++k) code.Put(0);
    pos = 0;
    EXPECT_FALSE(ReadRiceBits(code.bytes.data(), code.bytes.size(), 31, lead + 2, out.data(), &pos))
        << lead;
    pos = 0;
    EXPECT_TRUE(ReadRiceBits(code.bytes.data(), code.bytes.size(), 31, lead + 1, out.data(), &pos))
        << lead;
    EXPECT_EQ(out[lead], 0x80000000u);
  }
}

}  // namespace
}  // namespace lede
