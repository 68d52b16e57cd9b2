// xorshift64 (Marsaglia 2003): a fixed sequence of pseudo-random numbers, for
// tests that draw many cases and must draw the same ones on every run.
//
// Usage:
//   XorShift64 next(88172645463325252ull);
//   uint64_t r = next();
#ifndef LEDE_TESTS_XORSHIFT_H_
#define LEDE_TESTS_XORSHIFT_H_

#include <cstdint>

namespace lede {

class XorShift64 {
 public:
  explicit XorShift64(uint64_t seed) : state_(seed) {}
  uint64_t operator()() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

 private:
  uint64_t state_;
};

}  // namespace lede

#endif  // LEDE_TESTS_XORSHIFT_H_
