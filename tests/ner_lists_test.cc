// The tagger's word lists (core/data/ner/lists.bin): made from their text in
// core/data/ner/sources/ by `lede train lists`, read into a table of the
// words' lower-case hashes on first use.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "data/embedded.h"
#include "data/rice_code.h"
#include "entities/ner_model.h"
#include "source_file.h"

namespace lede {
namespace ner {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return out;
}

TEST(NerListsTest, CommittedFileIsTheOneTheSourcesMake) {
  // lists.bin is derived data: it must be what `lede train lists` writes from
  // the committed text (else the text was changed and the file not remade).
  const std::string cities = ReadSourceFile("/core/data/ner/sources/cities.txt");
  const std::string given = ReadSourceFile("/core/data/ner/sources/given_names.txt");
  ASSERT_FALSE(cities.empty());
  ASSERT_FALSE(given.empty());
  const std::string made = WordListsFile(cities, given);
  const std::string_view committed = EmbeddedFile("ner/lists.bin");
  EXPECT_EQ(made.size(), committed.size());
  EXPECT_TRUE(made == committed) << "run: lede train lists --out core/data/ner/lists.bin "
                                    "core/data/ner/sources/cities.txt "
                                    "core/data/ner/sources/given_names.txt";
}

TEST(NerListsTest, EveryListedWordIsFoundInAnyCase) {
  WordListTable t;
  ASSERT_TRUE(t.Parse(EmbeddedFile("ner/lists.bin")));
  const std::string cities = ReadSourceFile("/core/data/ner/sources/cities.txt");
  const std::string given = ReadSourceFile("/core/data/ner/sources/given_names.txt");
  size_t n = 0;
  for (std::string_view w : Lines(cities)) {
    if (w.empty() || w[0] == '#') continue;
    ++n;
    EXPECT_TRUE(t.Of(w) & WordListTable::kCity) << w;
  }
  for (std::string_view w : Lines(given)) {
    if (w.empty() || w[0] == '#') continue;
    ++n;
    EXPECT_TRUE(t.Of(w) & WordListTable::kGivenName) << w;
  }
  EXPECT_GT(n, 15000u);
  // The names of "Ann Lee, a spokeswoman for Acme Corp. in Boston, said ...".
  EXPECT_EQ(t.Of("Boston"), WordListTable::kCity);
  EXPECT_EQ(t.Of("BOSTON"), WordListTable::kCity);
  EXPECT_EQ(t.Of("boston"), WordListTable::kCity);
  EXPECT_EQ(t.Of("Ann"), WordListTable::kGivenName);
  EXPECT_TRUE(t.Of("Lee") & WordListTable::kGivenName);
  EXPECT_TRUE(IsListedGivenName("Ann"));
  EXPECT_FALSE(IsListedGivenName("Boston"));
  // Words of the sentence that are in neither list.
  for (std::string_view w : {"spokeswoman", "Acme", "Corp.", "said", "Monday", "towns", "million"})
    EXPECT_EQ(t.Of(w), 0) << w;
  // A city that is also a given name ("Florence" in both source files).
  EXPECT_EQ(t.Of("Florence"), WordListTable::kCity | WordListTable::kGivenName);
}

TEST(NerListsTest, ReadsWhatItWritesAndRefusesOtherBytes) {
  const std::string file =
      WordListsFile("# comment\nParis\n\nLyon\nparis\nZürich\n", "Ann\nPARIS\nJosé");
  WordListTable t;
  ASSERT_TRUE(t.Parse(file));
  EXPECT_EQ(t.Of("Paris"), WordListTable::kCity | WordListTable::kGivenName);
  EXPECT_EQ(t.Of("lyon"), WordListTable::kCity);
  EXPECT_EQ(t.Of("ZÜRICH"), WordListTable::kCity);
  EXPECT_EQ(t.Of("Ann"), WordListTable::kGivenName);
  EXPECT_EQ(t.Of("josé"), WordListTable::kGivenName);
  EXPECT_EQ(t.Of("# comment"), 0);
  EXPECT_EQ(t.Of(""), 0);
  EXPECT_EQ(t.Of("Lille"), 0);
  // Two distinct cities ("Paris" twice in any case), three given names.
  uint32_t n;
  std::memcpy(&n, file.data() + 4, 4);
  EXPECT_EQ(n, 3u);
  // Empty lists, and a table not read: nothing is in them.
  ASSERT_TRUE(t.Parse(WordListsFile("", "")));
  EXPECT_EQ(t.Of("Paris"), 0);
  EXPECT_EQ(WordListTable().Of("Paris"), 0);
  // Cut short anywhere, one byte more, another head: refused, and empty.
  for (size_t len = 0; len < file.size(); ++len) {
    EXPECT_FALSE(t.Parse(file.substr(0, len))) << len;
    EXPECT_EQ(t.Of("Paris"), 0);
  }
  EXPECT_FALSE(t.Parse(file + '\0'));
  std::string bad = file;
  bad[0] = 'X';
  EXPECT_FALSE(t.Parse(bad));
  // A count of keys the code cannot hold.
  bad = file;
  const uint32_t huge = 0xFFFFFFFFu;
  std::memcpy(&bad[4], &huge, 4);
  EXPECT_FALSE(t.Parse(bad));
}

TEST(NerListsTest, HashesAtTheTopOfTheTableRunPastItsEnd) {
  // A file built by hand (its format in ner_model.h): 25 hashes (21
  // distinct) of the top of the hash space, all with the last slot of a table
  // of 64 as their home, so 20 are put in slots after it, which the table
  // grows to hold; four are in both lists. Each is found, with its lists; the
  // hashes between them are not.
  std::vector<uint32_t> cities, given;
  for (uint32_t k = 0; k < 16; ++k) cities.push_back(0xFFFFFF00u + 8 * k);
  for (uint32_t k = 0; k < 8; ++k) given.push_back(0xFFFFFF00u + 16 * k + 4 * (k % 2));
  given.push_back(0xFFFFFFFFu);
  std::string file = "LNWL";
  for (const std::vector<uint32_t>* keys : {&cities, &given}) {
    const uint32_t n = static_cast<uint32_t>(keys->size());
    file.append(reinterpret_cast<const char*>(&n), 4);
    AppendRiceCoded(*keys, &file);
  }
  WordListTable t;
  ASSERT_TRUE(t.Parse(file));
  for (uint32_t h = 0xFFFFFE00u;; ++h) {
    int want = 0;
    for (uint32_t k : cities) want |= k == h ? WordListTable::kCity : 0;
    for (uint32_t k : given) want |= k == h ? WordListTable::kGivenName : 0;
    EXPECT_EQ(t.Get(h), want) << std::hex << h;
    if (h == 0xFFFFFFFFu) break;
  }
  EXPECT_EQ(t.Get(0xFFFFFF00u), WordListTable::kCity | WordListTable::kGivenName);
  EXPECT_EQ(t.Get(0xFFFFFF14u), WordListTable::kGivenName);
  EXPECT_EQ(t.Get(0), 0);
  EXPECT_EQ(t.Get(0x80000000u), 0);
}

}  // namespace
}  // namespace ner
}  // namespace lede
