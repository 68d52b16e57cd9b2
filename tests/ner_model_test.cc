// The tagger keeps summed rows of some features for a thread's next
// documents (Model::Tag's SmallRows): they must follow the model that tags,
// so tagging with one model, then another, then the first again gives what
// each gives on a thread that never saw the other.
#include "entities/ner_model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "data/embedded.h"
#include "text/document.h"

namespace lede {
namespace ner {
namespace {

std::vector<uint32_t> Flat(const std::vector<NameSpan>& spans) {
  std::vector<uint32_t> out;
  for (const NameSpan& s : spans) {
    out.push_back(s.begin);
    out.push_back(s.end);
    out.push_back(static_cast<uint32_t>(s.type));
  }
  return out;
}

// The compiled-in model with every tagger weight negated (its layout: see
// Model::Serialize).
std::string NegatedModel() {
  std::string bytes(EmbeddedFile("ner/model.bin"));
  uint32_t tags, nf;
  std::memcpy(&tags, bytes.data() + 8, 4);
  std::memcpy(&nf, bytes.data() + 12, 4);
  const size_t weights =
      20 + static_cast<size_t>(tags + 1) * tags * 4 + static_cast<size_t>(nf) * 4;
  for (size_t i = 0; i < static_cast<size_t>(nf) * tags; ++i) {
    char& w = bytes[weights + i];
    w = static_cast<char>(-static_cast<signed char>(w));
  }
  return bytes;
}

TEST(NerModelTest, KeptRowsFollowTheModel) {
  const Document doc = BuildDocument(
      "KRAMATORSK - Russian forces said on Monday that NATO's 6PR unit and Trump's aides met "
      "\"The Guardian\" in New York. In Kyiv, officials of the Ministry of Defence said 3M "
      "and U.S. firms (Apple, Intel) would sell. Mr. Smith of Acme Corp met The Board in "
      "Paris, said Jean-Claude Juncker of the European Commission.");
  Model a, b;
  ASSERT_TRUE(a.Load(EmbeddedFile("ner/model.bin")));
  ASSERT_TRUE(b.Load(NegatedModel()));
  // Each on a thread of its own: the rows kept there are the model's alone.
  std::vector<uint32_t> alone_a, alone_b;
  std::thread([&] { alone_a = Flat(a.Tag(doc)); }).join();
  std::thread([&] { alone_b = Flat(b.Tag(doc)); }).join();
  EXPECT_FALSE(alone_a.empty());
  EXPECT_NE(alone_a, alone_b);  // the test tells the models apart
  // Interleaved on one thread.
  std::thread([&] {
    EXPECT_EQ(Flat(a.Tag(doc)), alone_a);
    EXPECT_EQ(Flat(b.Tag(doc)), alone_b);
    EXPECT_EQ(Flat(a.Tag(doc)), alone_a);
    // Copies of a model tag as it does, one after another is gone.
    auto copy = std::make_unique<Model>(b);
    EXPECT_EQ(Flat(copy->Tag(doc)), alone_b);
    Model c = *copy;
    copy.reset();
    EXPECT_EQ(Flat(c.Tag(doc)), alone_b);
    EXPECT_EQ(Flat(a.Tag(doc)), alone_a);
  }).join();
}

}  // namespace
}  // namespace ner
}  // namespace lede
