// Replays every input in tests/fuzz/regressions/ (crashes the fuzzer once
// found) through the fuzz target itself, so the same invariants are checked
// in every ctest run, including the ASan+UBSan build. A failure aborts.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunTarget(const std::string& input) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

TEST(FuzzRegressionTest, PastCrashesStayFixed) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(LEDE_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  int replayed = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file() || e.path().filename().string()[0] == '.') continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    SCOPED_TRACE(e.path().filename().string());
    EXPECT_EQ(RunTarget(ss.str()), 0);
    ++replayed;
  }
  std::printf("replayed %d past crash input(s)\n", replayed);
}

TEST(FuzzRegressionTest, TargetChecksEveryMode) {
  // The option byte selects utf16/utf8/codepoint offsets and, from 0xF0, a tiny
  // size limit; the target aborts if any invariant breaks.
  const std::string text =
      "KRAMATORSK, Ukraine (AP) \xE2\x80\x94 \xE2\x80\x9CWe are moving forward,\xE2\x80\x9D Gen. "
      "Valery Zaluzhny said of the 3,000 square kilometers (1,160 square miles).\xF0\x9F\x98";
  for (int mode : {0, 1, 2, 0xF0, 0xF5, 0xFF}) {
    EXPECT_EQ(RunTarget(std::string(1, static_cast<char>(mode)) + text), 0);
  }
  EXPECT_EQ(RunTarget(""), 0);
}

}  // namespace
