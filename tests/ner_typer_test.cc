// The span typer's model look-up (Typer::Scores over the table Typer::Load
// builds) sums the weights of exactly the features the model has, whatever
// the keys: crowded top bits, the largest key, keys not in the model.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/ner_model.h"
#include "source_file.h"
#include "text/document.h"
#include "xorshift.h"

namespace lede {
namespace ner {
namespace {

TEST(NerTyperTest, ScoresSumTheWeightsOfTheModelsFeatures) {
  XorShift64 next(0x9E3779B97F4A7C15ull);  // the same keys every run
  std::map<uint32_t, int> index;           // key -> row, ascending
  for (int i = 0; i < 3000; ++i) index.emplace(static_cast<uint32_t>(next()), 0);
  // A run of keys with the same top bits (one home slot), and the extremes.
  for (uint32_t k = 0x80000000u; k < 0x80000000u + 40; ++k) index.emplace(k, 0);
  index.emplace(0xFFFFFFFFu, 0);
  index.emplace(0xFFFFFFFEu, 0);
  index.emplace(0u, 0);
  std::vector<uint32_t> keys;
  std::vector<float> w;
  for (auto& [key, row] : index) {
    row = static_cast<int>(keys.size());
    keys.push_back(key);
    for (int t = 0; t < kNumTypes; ++t)
      w.push_back(static_cast<float>(static_cast<int>(next() % 255) - 127));
  }
  w[0] = 127;  // the largest |w|: the int8 scale is 1, the weights stored as they are
  Typer typer;
  ASSERT_TRUE(typer.Load(Typer::Serialize(keys, w, 1.0f)));
  ASSERT_FALSE(typer.empty());
  std::vector<uint32_t> feats;
  std::vector<int32_t> want(kNumTypes, 0);
  auto add = [&](uint32_t key) {
    feats.push_back(key);
    auto it = index.find(key);
    if (it == index.end()) return;
    for (int t = 0; t < kNumTypes; ++t)
      want[t] += static_cast<int32_t>(w[static_cast<size_t>(it->second) * kNumTypes + t]);
  };
  for (const uint32_t k : keys) add(k);
  for (int i = 0; i < 3000; ++i) add(static_cast<uint32_t>(next()));  // mostly not in the model
  for (uint32_t k = 0x80000000u - 5; k < 0x80000000u + 50; ++k) add(k);
  add(0xFFFFFFFDu);
  int32_t got[kNumTypes];
  typer.Scores(feats.data(), feats.size(), got);
  for (int t = 0; t < kNumTypes; ++t) EXPECT_EQ(got[t], want[t]) << "type " << t;
  // One feature at a time.
  for (const uint32_t k : {0u, 1u, 0x80000000u, 0x80000027u, 0x80000028u, 0xFFFFFFFFu}) {
    typer.Scores(&k, 1, got);
    auto it = index.find(k);
    for (int t = 0; t < kNumTypes; ++t) {
      const int32_t expect =
          it == index.end()
              ? 0
              : static_cast<int32_t>(w[static_cast<size_t>(it->second) * kNumTypes + t]);
      EXPECT_EQ(got[t], expect) << std::hex << k << " type " << t;
    }
  }
}

TEST(NerTyperTest, LoadRefusesARepeatedKey) {
  std::string bytes = Typer::Serialize({5, 9, 9}, std::vector<float>(12, 1.0f), 1.0f);
  Typer typer;
  EXPECT_FALSE(typer.Load(bytes));
  EXPECT_TRUE(typer.empty());
  EXPECT_TRUE(typer.Load(Typer::Serialize({}, {}, 1.0f)));
  EXPECT_TRUE(typer.empty());
}

// Retype's group scores (Typer::GroupScores: the features of small domains
// and the topic's summed from tables, the rest looked up as they come,
// unsorted) are the sums of the weights of the groups' TyperFeatures, the
// features training reads (sorted, each once). A typer with random weights
// for every feature of real news texts (and of spans given random types and
// tagger scores, so that every type, bucket and margin comes up).
TEST(NerTyperTest, GroupScoresSumTheWeightsOfTheGroupsTyperFeatures) {
  struct Case {
    Document doc;
    DocContext context;
    std::vector<NameSpan> spans;
    std::vector<float> scores;
    std::vector<uint32_t> group_of, feats, offsets;
    uint32_t groups = 0;
  };
  std::vector<std::string> texts;
  for (const char* path : kNewsTextPaths) {
    texts.push_back(ReadSourceFile(path));
    ASSERT_FALSE(texts.back().empty()) << path;
  }
  XorShift64 next(0x2545F4914F6CDD1Dull);
  std::vector<Case> cases;
  std::map<uint32_t, size_t> index;  // every feature met -> its row
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      cases.emplace_back();
      Case& c = cases.back();
      c.doc = BuildDocument(text);
      c.spans = Model::Default().Tag(c.doc);
      c.context = BuildDocContext(c.doc);
      for (NameSpan& s : c.spans) {
        if (round == 1) s.type = static_cast<int>(next() % kNumTypes);
        for (int t = 0; t < kNumTypes; ++t)
          c.scores.push_back(static_cast<float>(static_cast<int>(next() % 4001) - 2000) / 10.0f);
      }
      c.groups = TyperGroups(c.doc, c.spans, &c.group_of);
      TyperFeatures(c.doc, c.context, c.spans, c.scores.data(), c.group_of, c.groups, &c.feats,
                    &c.offsets);
      for (const uint32_t f : c.feats) index.emplace(f, 0);
    }
  }
  ASSERT_GT(index.size(), 500u);
  std::vector<uint32_t> keys;
  std::vector<float> w;
  for (auto& [key, row] : index) {
    row = keys.size();
    keys.push_back(key);
    for (int t = 0; t < kNumTypes; ++t)
      w.push_back(static_cast<float>(static_cast<int>(next() % 255) - 127));
  }
  w[0] = 127;  // the int8 scale is 1: the weights stored as they are
  Typer typer;
  ASSERT_TRUE(typer.Load(Typer::Serialize(keys, w, 1.0f)));
  size_t groups = 0;
  for (const Case& c : cases) {
    std::vector<uint32_t> group_of;
    std::vector<int32_t> got;
    ASSERT_EQ(typer.GroupScores(c.doc, c.context, c.scores.data(), c.spans, &group_of, &got),
              c.groups);
    EXPECT_EQ(group_of, c.group_of);
    ASSERT_EQ(got.size(), size_t{c.groups} * kNumTypes);
    for (uint32_t g = 0; g < c.groups; ++g) {
      int32_t want[kNumTypes] = {0, 0, 0, 0};
      for (uint32_t k = c.offsets[g]; k < c.offsets[g + 1]; ++k) {
        const size_t row = index.at(c.feats[k]);
        for (int t = 0; t < kNumTypes; ++t) want[t] += static_cast<int32_t>(w[row * kNumTypes + t]);
      }
      for (int t = 0; t < kNumTypes; ++t)
        EXPECT_EQ(got[size_t{g} * kNumTypes + t], want[t]) << "group " << g << " type " << t;
    }
    groups += c.groups;
  }
  EXPECT_GT(groups, 50u);
}

// SpanTypeScores: each type's emissions of the span's tokens read as that
// type (U for one token; B, I ..., L for more), summed from 0 in token order.
TEST(NerTyperTest, SpanTypeScoresSumTheSpansTags) {
  XorShift64 next(0x9E3779B97F4A7C15ull);
  for (uint32_t n = 0; n <= 6; ++n) {
    std::vector<float> e(static_cast<size_t>(n) * kNumTags);
    for (float& x : e) x = static_cast<float>(static_cast<int>(next() % 20001) - 10000) / 7.0f;
    float got[kNumTypes];
    SpanTypeScores(e.data(), n, got);
    for (int t = 0; t < kNumTypes; ++t) {
      float want = 0;
      for (uint32_t k = 0; k < n; ++k) {
        const int part = n == 1 ? 3 : k == 0 ? 0 : k + 1 == n ? 2 : 1;
        want += e[static_cast<size_t>(k) * kNumTags + TagOf(t, part)];
      }
      EXPECT_EQ(got[t], want) << "n " << n << " type " << t;
    }
  }
}

// IsAsciiSpan (the typer's test before it takes the tagger's hash of a word)
// agrees with a byte-by-byte test on every span of texts with non-ASCII bytes
// at each place: short and long spans, at the start and within 8 bytes of the
// end of the text (where it may not read 8 bytes on).
TEST(NerTyperTest, IsAsciiSpanTellsEveryByte) {
  const std::string texts[] = {
      "",
      "a",
      "\xC3\xA9",
      "Dvo\xC5\x99\xC3\xA1k and Smith met \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 today",
      "plain ascii words only, nothing else here at all",
      "longwordlongword\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0x",
      "abcdefg\xE2\x80\x99",
      "\xE2\x80\x99"
      "abcdefghijklmnop",
  };
  for (const std::string& text : texts) {
    for (uint32_t b = 0; b <= text.size(); ++b) {
      for (uint32_t e = b; e <= text.size(); ++e) {
        bool ascii = true;
        for (uint32_t k = b; k < e; ++k)
          ascii = ascii && static_cast<unsigned char>(text[k]) < 0x80;
        EXPECT_EQ(IsAsciiSpan(text, Span{b, e}), ascii) << text << " [" << b << ", " << e << ")";
      }
    }
  }
}

// TyperScoreBucket (the typer's score feature: its exponent in place of a
// log2 call) agrees with the definition, 1 + min(6, (int)log2(1 + d)), on
// floats spread over [0, 300] and on each power of two's neighbours (where
// log2's rounding could reach the next integer), and is 0 below 0.
TEST(NerTyperTest, TyperScoreBucketIsTheLog2Bucket) {
  auto want = [](float d) {
    return d < 0 ? 0 : 1 + std::min(6, static_cast<int>(std::log2(1 + d)));
  };
  auto from_bits = [](uint32_t b) {
    float d;
    std::memcpy(&d, &b, 4);
    return d;
  };
  size_t checked = 0;
  for (uint32_t b = 0; from_bits(b) <= 300; b += 997, ++checked) {
    const float d = from_bits(b);
    ASSERT_EQ(TyperScoreBucket(d), want(d)) << d;
  }
  EXPECT_GT(checked, 1000000u);
  for (int e = 0; e <= 8; ++e) {
    const float x = std::ldexp(1.0f, e);
    for (int step = -600; step <= 600; ++step) {
      uint32_t b;
      std::memcpy(&b, &x, 4);
      const float d = from_bits(b + step) - 1;
      EXPECT_EQ(TyperScoreBucket(d), want(d)) << d;
    }
  }
  for (const float d : {-1e-30f, -0.5f, -1.0f, -1e30f}) EXPECT_EQ(TyperScoreBucket(d), 0) << d;
  EXPECT_EQ(TyperScoreBucket(0), 1);
  EXPECT_EQ(TyperScoreBucket(1), 2);
  EXPECT_EQ(TyperScoreBucket(2.5f), 2);
  EXPECT_EQ(TyperScoreBucket(3), 3);
  EXPECT_EQ(TyperScoreBucket(1000), 7);
}

}  // namespace
}  // namespace ner
}  // namespace lede
