// The tagger's word clusters (core/data/ner/clusters.bin) are compiled in and
// group words used alike: the cluster features see them.
#include <gtest/gtest.h>

#include "entities/ner_model.h"

namespace lede {
namespace ner {
namespace {

TEST(NerClustersTest, TableIsCompiledInAndGroupsSimilarWords) {
  // Frequent words are in the table, in any case.
  ASSERT_GE(WordCluster("monday"), 0);
  EXPECT_EQ(WordCluster("Monday"), WordCluster("monday"));
  EXPECT_EQ(WordCluster("MONDAY"), WordCluster("monday"));
  // Words used alike share a cluster; words used differently do not.
  EXPECT_EQ(WordCluster("tuesday"), WordCluster("wednesday"));
  EXPECT_EQ(WordCluster("toyota"), WordCluster("honda"));
  EXPECT_NE(WordCluster("toyota"), WordCluster("tuesday"));
  EXPECT_NE(WordCluster("liverpool"), WordCluster("honda"));
  // A made-up word is not in it.
  EXPECT_EQ(WordCluster("qzxvbnmwq"), -1);
}

}  // namespace
}  // namespace ner
}  // namespace lede
