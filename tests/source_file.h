// The bytes of a file of the repository (the page's sample article, a golden
// fixture's input), for tests that run on real text. Empty when the file
// cannot be read: the caller checks (EXPECT_FALSE(text.empty())).
//
// Usage:
//   const std::string text = ReadSourceFile("/web/app/sample.txt");
#ifndef LEDE_TESTS_SOURCE_FILE_H_
#define LEDE_TESTS_SOURCE_FILE_H_

#include <fstream>
#include <sstream>
#include <string>

namespace lede {

// `relative`: a path from the repository's root, starting with "/".
inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(LEDE_SOURCE_DIR) + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The repository's real news texts that tests run on whole: the page's
// sample article, three golden fixtures' inputs (a dateline, unnamed
// officials; scripts, emoji and right-to-left text) and the compare view's
// second article.
constexpr const char* kNewsTextPaths[] = {
    "/web/app/sample.txt", "/tests/golden/kharkiv-dateline/input.txt",
    "/tests/golden/officials-anonymous/input.txt", "/tests/golden/scripts-emoji-cjk-rtl/input.txt",
    "/tests/e2e/fixtures/compare-b.txt"};

}  // namespace lede

#endif  // LEDE_TESTS_SOURCE_FILE_H_
