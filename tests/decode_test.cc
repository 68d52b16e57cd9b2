// Decoding as JS does: a leading byte-order mark is not part of the text, so
// spans agree with what TextDecoder / File.text() give a page.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace lede
