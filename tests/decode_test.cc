// Decoding as JS does: a leading byte-order mark is not part of the text, so
// spans agree with what TextDecoder / File.text() give a page.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analyze_internal.h"
#include "lede/lede.h"
#include "text/utf8.h"

namespace lede {
namespace {

TEST(DecodeTest, LeadingBomIsDropped) {
  size_t replaced = 0;
  EXPECT_EQ(DecodeUtf8("\xEF\xBB\xBFKyiv", &replaced), "Kyiv");
  EXPECT_EQ(replaced, 0u);
  // Only a leading one: a BOM inside the text is a character (U+FEFF).
  EXPECT_EQ(DecodeUtf8("a\xEF\xBB\xBF", &replaced), "a\xEF\xBB\xBF");
}

TEST(DecodeTest, SpansAfterABomMatchJsIndexing) {
  Analysis a = Analyze("\xEF\xBB\xBFUS Defense Secretary Lloyd Austin announced a meeting.");
  ASSERT_TRUE(a.error.empty());
  EXPECT_EQ(a.stats.chars, 54u);  // the BOM does not count
  bool found = false;
  for (const Entity& e : a.entities) {
    for (const Mention& m : e.mentions) {
      if (a.Text(m.span) == "Lloyd Austin") {
        found = true;
        EXPECT_EQ(a.Convert(m.span.start), 21u);  // "Lloyd Austin" in the JS string
      }
    }
  }
  EXPECT_TRUE(found);
}

// ValidUtf8Prefix says where DecodeUtf8 would first change a byte: the text
// before it decodes to itself. AnalyzeOwned relies on it to keep the
// caller's buffer as the text instead of copying it.
void ExpectPrefixAgreesWithDecode(const std::string& in) {
  size_t replaced = 0;
  const size_t p = ValidUtf8Prefix(in);
  ASSERT_LE(p, in.size());
  const std::string head = in.substr(0, p);
  const bool bom = head.compare(0, 3, "\xEF\xBB\xBF") == 0;
  EXPECT_EQ(DecodeUtf8(head, &replaced), bom ? head.substr(3) : head) << testing::PrintToString(in);
  EXPECT_EQ(replaced, 0u);
  if (p < in.size()) {
    // The byte at p starts a sequence DecodeUtf8 replaces.
    EXPECT_GT((DecodeUtf8(in.substr(p), &replaced), replaced), 0u) << testing::PrintToString(in);
  }
}

TEST(DecodeTest, ValidPrefixIsWhatDecodingKeeps) {
  for (const char* s :
       {"", "plain ASCII text", "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80",
        "\xEF\xBB\xBF"
        "bom",
        "a\x80"
        "b",
        "a\xC3", "a\xE2\x80", "\xC0\xAF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF5\x80", "\xFF", "12345678\xC3\xA9", "1234567\xE9"}) {
    ExpectPrefixAgreesWithDecode(s);
  }
  EXPECT_EQ(ValidUtf8Prefix("caf\xC3\xA9"), 5u);
  EXPECT_EQ(ValidUtf8Prefix("abcdefghij\xC3"), 10u);
  EXPECT_EQ(ValidUtf8Prefix("ab\xED\xA0\x80"), 2u);  // a surrogate
  // Random mixes of ASCII runs, valid sequences and stray bytes.
  std::mt19937 rng(8);
  const char* pieces[] = {"word ", "abcdefghijkl", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                          "\x80",  "\xC3",         "\xE2\x80", "\xF0\x9F",     "\xFE"};
  for (int round = 0; round < 2000; ++round) {
    std::string in;
    for (int k = rng() % 12; k > 0; --k) in += pieces[rng() % 10];
    ExpectPrefixAgreesWithDecode(in);
  }
}

// WHATWG's UTF-8 decoder a byte at a time (each maximal subpart of an
// invalid sequence becomes one U+FFFD), as a reference for DecodeUtf8.
// *first_bad: where the first replaced byte is (the size when none is).
std::string ReferenceDecode(const std::string& in, size_t* replaced, size_t* first_bad) {
  *replaced = 0;
  *first_bad = in.size();
  std::string out;
  size_t i = in.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      out += in[i++];
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    }
    size_t j = i + 1;
    int seen = 0;
    while (seen < need && j < in.size()) {
      const unsigned char d = static_cast<unsigned char>(in[j]);
      if (d < lo || d > hi) break;
      lo = 0x80;
      hi = 0xBF;
      ++j;
      ++seen;
    }
    if (need > 0 && seen == need) {
      out += in.substr(i, j - i);
    } else {
      out += "\xEF\xBF\xBD";
      if (++*replaced == 1) *first_bad = i;
    }
    i = j;
  }
  return out;
}

// ASCII runs of every length up to 40 (past the 8- and 16-byte steps of the
// scans) between valid sequences and stray bytes: DecodeUtf8 and
// ValidUtf8Prefix against the reference.
TEST(DecodeTest, AsciiRunsOfEveryLengthAgainstAReference) {
  std::mt19937 rng(10);
  const char* pieces[] = {"\xC3\xA9",     "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\x80",
                          "\xC3",         "\xE2\x80",     "\xF0\x9F",         "\xFE",
                          "\xED\xA0\x80", "\xEF\xBB\xBF"};
  for (int round = 0; round < 5000; ++round) {
    std::string in;
    for (int k = rng() % 6; k >= 0; --k) {
      in += std::string(rng() % 41, 'a' + static_cast<char>(rng() % 26));
      if (rng() % 3 != 0) in += pieces[rng() % (round % 2 == 0 ? 3 : 10)];
    }
    size_t want_replaced = 0, got_replaced = 0, first_bad = 0;
    const std::string want = ReferenceDecode(in, &want_replaced, &first_bad);
    ASSERT_EQ(DecodeUtf8(in, &got_replaced), want) << testing::PrintToString(in);
    EXPECT_EQ(got_replaced, want_replaced);
    // The valid prefix ends at the first byte the reference replaces.
    EXPECT_EQ(ValidUtf8Prefix(in), first_bad) << testing::PrintToString(in);
  }
}

TEST(DecodeTest, AnalyzeOwnedGivesAnalyzesResult) {
  // Kept as it is (valid), decoded (a BOM, an invalid byte), or copied (room to spare).
  std::string spare = "Lloyd Austin said the talks \xE2\x80\x9Cwent well\xE2\x80\x9D.";
  spare.reserve(spare.size() * 4);
  for (std::string text :
       {std::string("Lloyd Austin said the talks \xE2\x80\x9Cwent well\xE2\x80\x9D."),
        std::string("\xEF\xBB\xBFLloyd Austin said the talks went well."),
        std::string("Lloyd Austin said the talks went \xFFwell."), spare}) {
    const std::string want = ToJson(Analyze(text));
    std::string owned = text;
    if (text.capacity() > text.size() * 2) owned.reserve(text.capacity());
    EXPECT_EQ(ToJson(AnalyzeOwned(&owned, Options())), want) << text;
    EXPECT_TRUE(owned.empty());
  }
}

}  // namespace
}  // namespace lede
