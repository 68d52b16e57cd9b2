// EqualsLiteral: a view compared with a string literal, inline (any stage).
#ifndef LEDE_TEXT_LITERAL_H_
#define LEDE_TEXT_LITERAL_H_

#include <cstddef>
#include <cstring>
#include <string_view>

namespace lede {

// Whether s == lit: its size, then its bytes by a fixed-size memcmp, which
// the compiler writes out as a load or two and a compare. string_view's ==
// calls compare() out of line wherever the sizes match ("ORG", "GPE" and
// "LOC"; the words a figure's matchers test one after another), about 20
// instructions a call in the entities stage's busiest functions.
template <size_t N>
inline bool EqualsLiteral(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}
// A pointer compared with a literal by == compares addresses: not an
// EqualsLiteral to change into one that compares text.
template <size_t N>
bool EqualsLiteral(const char* s, const char (&lit)[N]) = delete;

}  // namespace lede

#endif  // LEDE_TEXT_LITERAL_H_
