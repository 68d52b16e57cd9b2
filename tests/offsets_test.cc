// OffsetIndex: byte offsets -> UTF-16 code units (JS string indices) and code
// points, checked against values counted by hand, and over block boundaries
// against a plain scan. tests/js/offsets.test.mjs checks the same through wasm
// against node's TextDecoder and JS string indexing.
#include "lede/offsets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lede/lede.h"

namespace lede {
namespace {

struct Boundary {
  uint32_t byte, utf16, codepoint;
};

void ExpectBoundaries(const std::string& text, const std::vector<Boundary>& boundaries) {
  OffsetIndex index(text);
  for (const Boundary& b : boundaries) {
    EXPECT_EQ(index.Convert(text, b.byte, OffsetUnit::kUtf8), b.byte) << "byte " << b.byte;
    EXPECT_EQ(index.Convert(text, b.byte, OffsetUnit::kUtf16), b.utf16) << "byte " << b.byte;
    EXPECT_EQ(index.Convert(text, b.byte, OffsetUnit::kCodepoint), b.codepoint)
        << "byte " << b.byte;
  }
}

TEST(OffsetIndexTest, AsciiIsTheIdentity) {
  ExpectBoundaries("Kyiv said.", {{0, 0, 0}, {4, 4, 4}, {10, 10, 10}});
}

TEST(OffsetIndexTest, EmojiCjkCombiningMarksAndRtl) {
  // a | U+1F600 (4 bytes, 2 UTF-16 units) | é (2) | 東 (3) | e | U+0301 (2) | ש (2) | !
  const std::string text =
      "a\xF0\x9F\x98\x80\xC3\xA9\xE6\x9D\xB1"
      "e\xCC\x81\xD7\xA9!";
  ExpectBoundaries(text, {{0, 0, 0},
                          {1, 1, 1},
                          {5, 3, 2},
                          {7, 4, 3},
                          {10, 5, 4},
                          {11, 6, 5},
                          {13, 7, 6},
                          {15, 8, 7},
                          {16, 9, 8}});
}

TEST(OffsetIndexTest, FlagAndSkinToneSequencesCountEveryCodePoint) {
  // 🇺🇦 is two regional indicators, 👍🏽 a thumb and a skin tone: 4 bytes each.
  const std::string text = "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
  ExpectBoundaries(text, {{4, 2, 1}, {8, 4, 2}, {9, 5, 3}, {13, 7, 4}, {17, 9, 5}});
}

TEST(OffsetIndexTest, ManyBlocksAgreeWithAPlainScan) {
  // Long enough to cross many OffsetIndex::kBlock boundaries at every alignment.
  std::string text;
  const char* pieces[] = {"Izyum ",
                          "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6",
                          "\xE6\x9D\xB1\xE4\xBA\xAC",
                          " \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ",
                          "e\xCC\x81",
                          "\xC3\xA9."};
  for (int i = 0; i < 300; ++i) text += pieces[i % 6];
  OffsetIndex index(text);
  uint32_t u16 = 0, cp = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    bool boundary = i == text.size() || (c & 0xC0) != 0x80;
    if (boundary) {
      ASSERT_EQ(index.Convert(text, i, OffsetUnit::kUtf16), u16) << "byte " << i;
      ASSERT_EQ(index.Convert(text, i, OffsetUnit::kCodepoint), cp) << "byte " << i;
    }
    if (i < text.size() && boundary) {
      ++cp;
      u16 += c >= 0xF0 ? 2 : 1;
    }
  }
  EXPECT_GT(text.size(), 20 * OffsetIndex::kBlock);
}

TEST(OffsetIndexTest, ConvertSpanAgreesWithTwoConverts) {
  // Spans within a block, across one and across several, in every unit, and
  // ends past the text, on an ASCII and a mixed text.
  std::string mixed;
  const char* pieces[] = {"Kharkiv ",     "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
                          "\xE6\x9D\xB1", " \xD7\xA9\xD7\x9C ",
                          "e\xCC\x81",    "\xE2\x80\x99s "};
  for (int i = 0; i < 60; ++i) mixed += pieces[i % 6];
  const std::string ascii(300, 'a');
  for (const std::string& text : {mixed, ascii}) {
    OffsetIndex index(text);
    std::vector<uint32_t> boundaries;
    for (uint32_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        boundaries.push_back(i);
      }
    }
    boundaries.push_back(static_cast<uint32_t>(text.size()) + 5);
    for (OffsetUnit unit : {OffsetUnit::kUtf16, OffsetUnit::kCodepoint, OffsetUnit::kUtf8}) {
      for (size_t a = 0; a < boundaries.size(); ++a) {
        for (size_t b = a; b < boundaries.size() && b < a + 90; ++b) {
          uint32_t start = 0, end = 0;
          index.ConvertSpan(text, boundaries[a], boundaries[b], unit, &start, &end);
          ASSERT_EQ(start, index.Convert(text, boundaries[a], unit)) << boundaries[a];
          ASSERT_EQ(end, index.Convert(text, boundaries[b], unit))
              << boundaries[a] << " " << boundaries[b];
        }
      }
    }
  }
}

TEST(OffsetIndexTest, AsciiBlocksAmongOthersAgreeWithAPlainScan) {
  // News: ASCII runs of many lengths (whole blocks of kBlock code points,
  // counted without a scan) between a few other characters (blocks that are
  // scanned), a block ending in a lead byte, and a last, partial block.
  std::string text;
  const char* others[] = {"\xE2\x80\x9C", "\xF0\x9F\x91\x8D", "\xC3\xA9", "\xE2\x80\x99"};
  for (int i = 0; i < 40; ++i) {
    text += std::string(static_cast<size_t>(7 + (i * 37) % 150), static_cast<char>('a' + i % 26));
    text += others[i % 4];
  }
  text += std::string(OffsetIndex::kBlock - 1 - text.size() % OffsetIndex::kBlock, 'x');
  text += "\xE2\x80\x94 and the end";  // a lead byte last in its block
  OffsetIndex index(text);
  std::vector<uint32_t> boundaries, u16s, cps;
  uint32_t u16 = 0, cp = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    if (i < text.size() && (c & 0xC0) == 0x80) continue;
    boundaries.push_back(i);
    u16s.push_back(u16);
    cps.push_back(cp);
    ++cp;
    u16 += c >= 0xF0 ? 2 : 1;
  }
  for (size_t a = 0; a < boundaries.size(); ++a) {
    ASSERT_EQ(index.Convert(text, boundaries[a], OffsetUnit::kUtf16), u16s[a]) << boundaries[a];
    ASSERT_EQ(index.Convert(text, boundaries[a], OffsetUnit::kCodepoint), cps[a]) << boundaries[a];
    for (size_t b = a; b < boundaries.size() && b < a + 150; ++b) {
      for (OffsetUnit unit : {OffsetUnit::kUtf16, OffsetUnit::kCodepoint}) {
        uint32_t start = 0, end = 0;
        index.ConvertSpan(text, boundaries[a], boundaries[b], unit, &start, &end);
        const std::vector<uint32_t>& want = unit == OffsetUnit::kUtf16 ? u16s : cps;
        ASSERT_EQ(start, want[a]) << boundaries[a];
        ASSERT_EQ(end, want[b]) << boundaries[a] << " " << boundaries[b];
      }
    }
  }
  EXPECT_GT(text.size(), 50 * OffsetIndex::kBlock);
}

TEST(OffsetIndexTest, InvalidBytesBecomeOneReplacementEach) {
  // As node's TextDecoder: "\xFF" and the truncated "\xE2\x80" each become one
  // U+FFFD (3 bytes in the decoded text, 1 UTF-16 unit).
  Options options;
  Analysis a = Analyze(
      "A\xFF"
      "B\xE2\x80"
      "C",
      options);
  ASSERT_TRUE(a.error.empty());
  EXPECT_EQ(a.text,
            "A\xEF\xBF\xBD"
            "B\xEF\xBF\xBD"
            "C");
  EXPECT_EQ(a.stats.chars, 5u);
  EXPECT_EQ(a.Convert(4, OffsetUnit::kUtf16), 2u);  // before "B"
  EXPECT_EQ(a.Convert(8, OffsetUnit::kUtf16), 4u);  // before "C"
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].code, "invalid-utf8");
}

TEST(OffsetIndexTest, UnitNamesRoundTrip) {
  for (OffsetUnit unit : {OffsetUnit::kUtf16, OffsetUnit::kUtf8, OffsetUnit::kCodepoint}) {
    OffsetUnit parsed;
    ASSERT_TRUE(ParseOffsetUnit(OffsetUnitName(unit), &parsed));
    EXPECT_EQ(parsed, unit);
  }
  OffsetUnit ignored;
  EXPECT_FALSE(ParseOffsetUnit("utf-16", &ignored));
}

}  // namespace
}  // namespace lede
