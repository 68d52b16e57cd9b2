// The tagger's word clusters (core/data/ner/clusters.bin) are compiled in and
// group words used alike: the cluster features see them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "entities/ner_model.h"
#include "text/document.h"

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

TEST(NerClustersTest, MadeUpWordsAtTheTopOfTheHashSpace) {
  // A word whose hash lies above every fingerprint in the table: its look-up
  // scans to the table's end and stops there (under ASan or memcheck, a read
  // past it would fail here).
  int tried = 0;
  for (uint32_t k = 0; tried < 3 && k < 20000000; ++k) {
    std::string word = "qz";
    for (uint32_t v = k; v; v /= 26) word += static_cast<char>('a' + v % 26);
    if (LowerCaseHash(word) < 0xFFFFF000u) continue;
    ++tried;
    EXPECT_EQ(WordCluster(word), -1) << word;
  }
  EXPECT_EQ(tried, 3);
}

TEST(NerClustersTest, DocumentBagOfARepeatedName) {
  // A name written three times gets the clusters that recur around its
  // mentions ("the band", "their album"), as features of every mention; a
  // name written once gets none (its own context bag has its words).
  const std::string text =
      "Velmora are a Finnish rock band formed in Tampere in 2009. The band Velmora released "
      "their debut album in 2012. Velmora released their second album with the band's new "
      "drummer in 2014.";
  const Document doc = BuildDocument(text);
  const DocContext context = BuildDocContext(doc);
  ASSERT_EQ(context.bag_start.size(), context.words + 1u);
  size_t velmora = 0, tampere = 0;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    const std::string_view w = doc.Text(doc.tokens[i]);
    const uint32_t id = context.Word(doc, i);
    const uint32_t size = context.bag_start[id + 1] - context.bag_start[id];
    if (w == "Velmora") velmora = size;
    if (w == "Tampere") tampere = size;
  }
  EXPECT_GT(velmora, 0u);
  EXPECT_LE(velmora, 8u);
  EXPECT_EQ(tampere, 0u);
}

TEST(NerClustersTest, ContextHoldsEachWordsLowerCaseHash) {
  // BuildDocContext hashes a word of up to eight ASCII bytes in one load
  // when the text goes on eight bytes past its start; any other word (longer,
  // not ASCII, near the text's end) byte by byte. Either way each word's
  // hash is LowerCaseHash's, so its clusters and list entries are found.
  const std::string text =
      "A Bo ceo Navy Kyiv KYIV Marta Sergei Ukraine's Zelensky ZELENSKY zelenskyi "
      "Volodymyr Volodymyr-Zelensky O'Brien 3M x86-64 1,200 U.S. Gen. Sept. "
      "Jos\xC3\xA9 M\xC3\xBCnchen \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 caf\xC3\xA9s "
      "\xE2\x80\x9CQuoted\xE2\x80\x9D said the United States Department of Defense "
      "on Monday in New York. The end";
  const Document doc = BuildDocument(text);
  const DocContext context = BuildDocContext(doc);
  ASSERT_EQ(context.lower.size(), doc.words());
  size_t checked = 0;
  for (uint32_t w = 0; w < doc.words(); ++w) {
    const Token& t = doc.tokens[doc.word_token[w]];
    if (t.kind != TokenKind::kWord) continue;
    const std::string_view word = doc.Text(t);
    EXPECT_EQ(context.lower[w], LowerCaseHash(word)) << word;
    EXPECT_EQ(WordClusterOfLower(context.lower[w]), WordCluster(word)) << word;
    ++checked;
  }
  EXPECT_GE(checked, 35u);
  // Words that differ only in case share a hash, and so an id.
  EXPECT_EQ(LowerCaseHash("KYIV"), LowerCaseHash("kyiv"));
  EXPECT_EQ(LowerCaseHash("M\xC3\x9CNCHEN"), LowerCaseHash("m\xC3\xBCnchen"));
  ASSERT_GE(WordCluster("monday"), 0);
}

TEST(NerClustersTest, ContextHoldsEachWordsFineCluster) {
  // BuildDocContext looks each word's fine cluster up once (DocContext::fine,
  // which the typer's cluster features and the document bags read): a word's
  // is WordCluster's in any case and form, -1 for a word not in the table and
  // for a token that is no word ("3M", an ALL-CAPS number, is hashed for the
  // history: left out).
  const Document doc = BuildDocument(
      "On Monday, MONDAY's talks in Tampere went on; the Qzxvbnmwq Group said "
      "Toyota and honda cut 3M jobs by 12% (\"unions\" were told) in M\xC3\xBCnchen "
      "and \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2, then the band's album.");
  const std::vector<int16_t> fine = BuildDocContext(doc).fine;
  ASSERT_EQ(fine.size(), doc.words());
  size_t words = 0, found = 0;
  for (uint32_t w = 0; w < doc.words(); ++w) {
    const uint32_t first = doc.word_token[w];
    const std::string_view text = doc.Text(doc.tokens[first]);
    if (doc.tokens[first].kind == TokenKind::kWord) {
      EXPECT_EQ(fine[w], WordCluster(text)) << text;
      ++words;
      found += fine[w] >= 0;
    } else if (!HasHistory(doc, first)) {
      EXPECT_EQ(fine[w], -1) << text;
    }
  }
  EXPECT_GE(words, 25u);
  EXPECT_GE(found, 20u);
  EXPECT_LT(found, words);  // "Qzxvbnmwq" is in no cluster
}

// The typer's topic as it was worked out from the tokens: the fine clusters
// of the lower-case word tokens of 5 bytes or more, counted, the 5 first by
// (count descending, cluster ascending).
std::vector<uint16_t> TopicOfTokens(const Document& doc) {
  std::map<int, uint32_t> count;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kWord || !t.Is(kLower) || t.span.end - t.span.start < 5) continue;
    const int fine = WordCluster(doc.Text(t));
    if (fine >= 0) ++count[fine];
  }
  std::vector<std::pair<int64_t, int>> order;
  for (const auto& [fine, n] : count) order.emplace_back(-int64_t{n}, fine);
  std::sort(order.begin(), order.end());
  std::vector<uint16_t> topic;
  for (size_t k = 0; k < order.size() && k < 5; ++k)
    topic.push_back(static_cast<uint16_t>(order[k].second));
  return topic;
}

TEST(NerClustersTest, ContextHoldsTheDocumentsTopic) {
  // BuildDocContext counts the topic in its pass over the tokens: the same
  // clusters, in the same order, as a count over every token gives, with
  // ties, possessives ("band's", "album's"), capitalized and ALL-CAPS forms
  // (not counted), words of 4 bytes (not counted), accented words, and the
  // text's last word. Each document's own: the counts start from zero again.
  const std::vector<std::string> texts = {
      "The band released their debut album. The band's second album and the album's "
      "songs were recorded in Helsinki with the guitarist, the drummer and the singer. "
      "ALBUMS, Albums and albums: the drummer quit the band",
      "Shares of Toyota and Honda fell on Monday and Tuesday as investors sold stocks; "
      "markets, traders and analysts said prices would recover by Wednesday. "
      "caf\xC3\xA9s in M\xC3\xBCnchen stayed open",
      "The minister said the government would raise taxes. The president said the "
      "government would not. Ministers, presidents and governments",
      "",
      "short words only: a cat sat on the mat",
      "The railway station opened in 1890; the railway line closed in 1965 and the "
      "station, the railway and the line were sold to the council"};
  size_t topics = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      const Document doc = BuildDocument(text);
      const DocContext context = BuildDocContext(doc);
      const std::vector<uint16_t> want = TopicOfTokens(doc);
      ASSERT_LE(context.topic_size, DocContext::kTopicMost);
      EXPECT_EQ(std::vector<uint16_t>(context.topic, context.topic + context.topic_size), want)
          << text;
      topics += want.size();
    }
  }
  EXPECT_GE(topics, 20u);
}

}  // namespace
}  // namespace ner
}  // namespace lede
