// The tagger keeps summed rows of some features for a thread's next
// documents (Model::Tag's SmallRows): they must follow the model that tags,
// so tagging with one model, then another, then the first again gives what
// each gives on a thread that never saw the other.
#include "entities/ner_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "data/embedded.h"
#include "data/rice_code.h"
#include "entities/lexicon.h"
#include "ner_model_file.h"
#include "source_file.h"
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
  const size_t weights = 20 + static_cast<size_t>(tags + 1) * tags * 4;  // the keys after them
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

// The compiled-in model written in the previous layout (version 2; its
// typer's section version 1): keys as u32, then the rows.
std::string Version2Model() {
  const EmbeddedTagger t = ReadEmbeddedTagger();
  const std::string_view file = t.file;
  const size_t rows_at = t.rows_at, code_at = t.keys_at;
  const std::vector<uint32_t>& keys = t.keys;
  std::string out(file.substr(0, rows_at));
  out[4] = 2;
  out.append(reinterpret_cast<const char*>(keys.data()), keys.size() * 4);
  out.append(file.substr(rows_at, code_at - rows_at));
  // The typer's: a 20-byte header (magic, version, count, scale, margin).
  const std::string_view typer = file.substr(t.typer_at);
  uint32_t tn;
  std::memcpy(&tn, typer.data() + 8, 4);
  EXPECT_GT(tn, 0u);
  const size_t typer_rows = static_cast<size_t>(tn) * 4;  // kNumTypes
  std::vector<uint32_t> typer_keys(tn);
  EXPECT_EQ(ReadRiceCoded(typer.substr(20 + typer_rows), tn, typer_keys.data()),
            typer.size() - 20 - typer_rows);
  out.append(typer.substr(0, 20));
  out[out.size() - 16] = 1;
  out.append(reinterpret_cast<const char*>(typer_keys.data()), typer_keys.size() * 4);
  out.append(typer.substr(20, typer_rows));
  return out;
}

// The compiled-in model as version 3 wrote it: no pair filter.
std::string Version3Model() {
  const EmbeddedTagger t = ReadEmbeddedTagger();
  std::string out(t.file.substr(0, t.pairs_at));
  out[4] = 3;
  out.append(t.file.substr(t.typer_at));
  return out;
}

// Files in the previous layouts load and tag as the current one does (copied,
// or in place), and the current one's every cut is refused.
TEST(NerModelTest, Version2FilesStillLoad) {
  const std::string text = ReadSourceFile("/tests/golden/kharkiv-dateline/input.txt");
  ASSERT_FALSE(text.empty());
  const Document doc = BuildDocument(text);
  Model now, copied, old, old_in_place;
  ASSERT_TRUE(now.Load(EmbeddedFile("ner/model.bin"), /*copy=*/false));
  ASSERT_TRUE(copied.Load(EmbeddedFile("ner/model.bin")));
  const std::string v2 = Version2Model();
  ASSERT_TRUE(old.Load(v2));
  ASSERT_TRUE(old_in_place.Load(v2, /*copy=*/false));
  EXPECT_EQ(old.num_features(), now.num_features());
  const std::vector<uint32_t> tags = Flat(now.Tag(doc));
  EXPECT_GT(tags.size(), 15u);  // names, three numbers each
  EXPECT_EQ(Flat(copied.Tag(doc)), tags);
  EXPECT_EQ(Flat(old.Tag(doc)), tags);
  EXPECT_EQ(Flat(old_in_place.Tag(doc)), tags);
  // Version 3: no pair filter, every pair looked up.
  Model v3;
  ASSERT_TRUE(v3.Load(Version3Model()));
  EXPECT_EQ(v3.PairRoles(12345), 0xFF);
  EXPECT_EQ(Flat(v3.Tag(doc)), tags);
  const std::string_view file = EmbeddedFile("ner/model.bin");
  Model cut;
  for (size_t size : {size_t{20}, size_t{5000}, file.size() / 2, file.size() - 1}) {
    EXPECT_FALSE(cut.Load(file.substr(0, size))) << size;
    EXPECT_TRUE(cut.empty());
  }
  // A version 2 file's keys out of order (two swapped): not a model we wrote.
  std::string swapped = v2;
  const size_t at = ReadEmbeddedTagger().rows_at + 4 * 100;
  std::swap_ranges(&swapped[at], &swapped[at + 4], &swapped[at + 4]);
  ASSERT_NE(swapped, v2);
  EXPECT_FALSE(cut.Load(swapped));
  EXPECT_TRUE(cut.empty());
}

// Model::Tag sums a word's class features (30, 50, 54, the document's bag)
// into its word row once, from the first of its tokens it scores, and adds
// the row to each scored token of the word: those must share the kind and
// case flags ClsOf reads. Case flags are a function of a token's bytes
// (AssignWords), and so is the kind but for one word: "www" of a "www."
// that ScanUrl cut short ("see www." -> a symbol) is a word elsewhere. That
// symbol is never scored: it is lower case, and a token that is no word
// joins a name only between two loud tokens, while the token after it is
// the cut "." or "," (LoudBits). Checked here where it could break.
// DocBags reads the lower-case words around each HasHistory() token without
// testing that the token is not itself one of them: a capitalized or ALL
// CAPS token (or an ALL CAPS number) never has kLower.
TEST(NerModelTest, HistoryTokensAreNotLowerCase) {
  std::vector<std::string> texts = {
      "iPhone eBay McDonald MCDONALD's O'Neil o'Neil d'Artagnan D'ARTAGNAN 3M 3m 5PM 6pr "
      "MTV2 mTV2 A.B. a.B. 's 'S \xC3\x89mile \xC3\xA9Mile \xC3\x89MILE \xC4\xB8ra \xC4\xB8RA "
      "\xC5\x81\xC3\xB3"
      "d\xC5\xBA \xC5\x82\xC3\x93"
      "D\xC5\xB9 "
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 "
      "\xCE\xB1\xCE\x98\xCE\x97 \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2 \xD0\xBA\xD0\x98\xD0\x95\xD0\x92 "
      "\xC7\x85ok \xC7\x84OK \xC7\x86ok \xE1\xBA\xA0n \xE1\xBA\xA1N x\xC3\x89 X\xC3\xA9 "
      "#Tag @User www.Example.COM $5M \xE2\x80\x99S \xE2\x80\x99s"};
  for (const char* path :
       {"/web/app/sample.txt", "/tests/golden/kharkiv-dateline/input.txt",
        "/tests/golden/scripts-emoji-cjk-rtl/input.txt", "/tests/golden/invalid-utf8/input.txt"}) {
    texts.push_back(ReadSourceFile(path));
    EXPECT_FALSE(texts.back().empty()) << path;
  }
  size_t history = 0;
  for (const std::string& text : texts) {
    const Document doc = BuildDocument(text);
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (!HasHistory(doc, i)) continue;
      ++history;
      EXPECT_FALSE(doc.tokens[i].Is(kLower)) << doc.Text(doc.tokens[i]);
    }
  }
  EXPECT_GT(history, 50u);
}

// The context's lexicon codes (DocContext::gazetteer: 1 + 4 * category +
// position) at every token of words that recur in several cases: a word that
// is a phrase alone gets its code at each of its tokens but the lower-case
// ones that are no role ("french"), whether or not a longer phrase may start
// with it ("French Guiana").
TEST(NerModelTest, LexiconCodesAtEveryTokenOfAWord) {
  auto alone = [](int category) { return 1 + 4 * category; };
  const std::vector<std::pair<std::string, int>> expected = {
      {"minister", alone(NameLexicon::kRole)},
      {"Minister", alone(NameLexicon::kRole)},
      {"MINISTER", alone(NameLexicon::kRole)},
      {"President", alone(NameLexicon::kRole)},
      {"president", alone(NameLexicon::kRole)},
      {"France", alone(NameLexicon::kCountry)},
      {"FRANCE", alone(NameLexicon::kCountry)},
      {"Germany", alone(NameLexicon::kCountry)},
      {"GERMANY", alone(NameLexicon::kCountry)},
      {"French", alone(NameLexicon::kDemonym)},
      {"french", 0},
      {"the", 0}};
  const Document doc = BuildDocument(
      "The minister met the President of France. The French minister and the German "
      "president said Germany would help. The Minister left; the minister of Germany and "
      "french officials stayed in France.\n\nMINISTER SAYS GERMANY WILL HELP FRANCE");
  const std::vector<uint8_t> codes = BuildDocContext(doc).gazetteer;
  ASSERT_EQ(codes.size(), doc.tokens.size());
  for (const auto& [word, code] : expected) {
    int seen = 0;
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.Text(doc.tokens[i]) != word) continue;
      ++seen;
      EXPECT_EQ(codes[i], code) << word << " at token " << i;
    }
    EXPECT_GT(seen, 0) << word;
  }
}

TEST(NerModelTest, LoudTokensOfAWordShareTheirClass) {
  std::vector<std::string> texts = {
      "Visit Acme www. Corp or Acme www.) Corp, Acme www.\" Corp and Acme www.' Corp or "
      "ACME www., CORP: www and Acme www Corp and WWW and Www. See www.example.com/A and "
      "http://x.org, http and https: the www.x site's owner said 'Smith's' and \"Smith\" "
      "and Smith\xE2\x80\x99s \xE2\x80\x99s 's ''quoted'' ``quoted'' J. J.R.R. U.S. US 6PR "
      "3M 3m 5PM MTV2 A.B. e.g. O'Neil o'neil \xC3\x89mile \xC3\xA9mile #Tag @User $5 "
      "players' union and The Players' Union's and 's\nwww.\nwww\nAcme www."};
  for (const char* path :
       {"/web/app/sample.txt", "/tests/golden/kharkiv-dateline/input.txt",
        "/tests/golden/officials-anonymous/input.txt",
        "/tests/golden/scripts-emoji-cjk-rtl/input.txt", "/tests/golden/invalid-utf8/input.txt",
        "/tests/e2e/fixtures/compare-b.txt"}) {
    texts.push_back(ReadSourceFile(path));
    EXPECT_FALSE(texts.back().empty()) << path;
  }
  constexpr uint16_t kCase = kCapitalized | kAllCaps | kLower | kHasDigit;
  size_t repeated = 0, www_symbols = 0, www_words = 0;
  for (const std::string& text : texts) {
    const Document doc = BuildDocument(text);
    std::vector<uint64_t> loud;
    LoudBits(doc, Sequences(doc), &loud);
    std::vector<uint32_t> first(doc.words(), UINT32_MAX);  // a word's first loud token
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      if (doc.Text(t) == "www") ++(t.kind == TokenKind::kSymbol ? www_symbols : www_words);
      if (!((loud[i >> 6] >> (i & 63)) & 1)) continue;
      uint32_t& f = first[doc.word[i]];
      if (f == UINT32_MAX) {
        f = i;
        continue;
      }
      const Token& u = doc.tokens[f];
      EXPECT_EQ(t.kind, u.kind) << doc.Text(t);
      EXPECT_EQ(t.flags & kCase, u.flags & kCase) << doc.Text(t);
      ++repeated;
    }
  }
  EXPECT_GT(repeated, 20u);
  // The one word whose kind varies is there both ways.
  EXPECT_GT(www_symbols, 3u);
  EXPECT_GT(www_words, 1u);
}

}  // namespace
}  // namespace ner
}  // namespace lede

namespace lede {
namespace ner {
namespace {

// Viterbi written plainly: every legal BILOU path scored as the tagger's
// Viterbi scores it (a tag's best predecessor first, then its emission; the
// first predecessor on a tie; a quiet token O), for the vectorised steps of
// ViterbiRun (in and out of O, B-*, U-*; into I-x and L-x; the back pointers).
std::vector<uint8_t> PlainViterbi(const std::vector<float>& em, uint32_t n,
                                  const std::vector<float>& tr, const std::vector<uint8_t>& quiet) {
  constexpr int T = kNumTags;
  constexpr float kNeg = -1e30f;
  auto open = [](int tag) { return PartOfTag(tag) == 0 || PartOfTag(tag) == 1; };
  auto ok = [&](int a, int b) {  // a == T: the start
    if (a < T && open(a)) {
      return (PartOfTag(b) == 1 || PartOfTag(b) == 2) && TypeOfTag(a) == TypeOfTag(b);
    }
    return b == 0 || PartOfTag(b) == 0 || PartOfTag(b) == 3;
  };
  std::vector<uint8_t> tags(n, 0);
  for (uint32_t i = 0; i < n;) {
    if (quiet[i]) {
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && !quiet[j]) ++j;
    const int from = i == 0 ? T : 0;
    const bool then_o = j < n;
    std::vector<float> score(T);
    std::vector<std::vector<uint8_t>> back(j - i, std::vector<uint8_t>(T, 0));
    for (int b = 0; b < T; ++b) score[b] = ok(from, b) ? tr[from * T + b] + em[i * T + b] : kNeg;
    for (uint32_t k = i + 1; k < j; ++k) {
      std::vector<float> next(T);
      for (int b = 0; b < T; ++b) {
        float best = kNeg;
        int arg = 0;
        for (int a = 0; a < T; ++a) {
          if (!ok(a, b)) continue;
          const float s = score[a] + tr[a * T + b];
          if (s > best) {
            best = s;
            arg = a;
          }
        }
        next[b] = best + em[k * T + b];
        back[k - i][b] = static_cast<uint8_t>(arg);
      }
      score = next;
    }
    int best = 0;
    float bs = kNeg * 2;
    for (int b = 0; b < T; ++b) {
      if (open(b)) continue;
      const float s = then_o ? score[b] + tr[b * T] : score[b];
      if (s > bs) {
        bs = s;
        best = b;
      }
    }
    for (uint32_t k = j; k-- > i;) {
      tags[k] = static_cast<uint8_t>(best);
      if (k > i) best = back[k - i][best];
    }
    i = j;
  }
  return tags;
}

// Tag(doc, &context) hands out the history bits (HasHistory of each token),
// which the entities stage makes its capitalized words of: every word token
// written capitalized has its bit.
TEST(NerModelTest, TagHandsOutTheHistoryBits) {
  std::vector<std::string> texts = {
      "Visit Acme www. Corp or ACME, \xC3\x89mile said. 3M and 6PR met J.R.R. Tolkien in "
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 and O'Neil's \"Smith\"\nWWW 'Tis"};
  for (const char* path : {"/web/app/sample.txt", "/tests/golden/kharkiv-dateline/input.txt",
                           "/tests/golden/scripts-emoji-cjk-rtl/input.txt"}) {
    texts.push_back(ReadSourceFile(path));
    EXPECT_FALSE(texts.back().empty()) << path;
  }
  size_t capitalized = 0;
  for (const std::string& text : texts) {
    const Document doc = BuildDocument(text);
    DocContext context;
    Model::Default().Tag(doc, &context);
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    ASSERT_EQ(context.history.size(), (n + 63) / 64);
    for (uint32_t i = 0; i < n; ++i) {
      const bool bit = (context.history[i >> 6] >> (i & 63)) & 1;
      EXPECT_EQ(bit, HasHistory(doc, i)) << doc.Text(i);
      const Token& t = doc.tokens[i];
      if (t.kind == TokenKind::kWord && t.Is(kCapitalized)) {
        EXPECT_TRUE(bit) << doc.Text(i);
        ++capitalized;
      }
    }
  }
  EXPECT_GT(capitalized, 50u);
}

TEST(NerModelTest, ViterbiIsThePlainOne) {
  constexpr int T = kNumTags;
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 300; ++round) {
    const uint32_t n = 1 + next() % 40;
    // Coarse values in some rounds, so that ties are frequent.
    const bool coarse = round % 3 == 0;
    auto value = [&] {
      const float v = static_cast<float>(next() % 2001) / 250.0f - 4.0f;
      return coarse ? static_cast<float>(static_cast<int>(v)) : v;
    };
    std::vector<float> tr((T + 1) * T), em(static_cast<size_t>(n) * T);
    for (float& v : tr) v = value();
    for (float& v : em) v = value();
    std::vector<uint8_t> quiet(n, 0);
    if (round % 2 == 1) {
      for (uint8_t& q : quiet) q = next() % 4 == 0;
    }
    std::vector<uint8_t> tags(n, 0xFF);
    Viterbi(em.data(), n, tr.data(), tags.data(), round % 4 == 0 ? nullptr : quiet.data());
    const std::vector<uint8_t> want =
        PlainViterbi(em, n, tr, round % 4 == 0 ? std::vector<uint8_t>(n, 0) : quiet);
    ASSERT_EQ(tags, want) << "round " << round << ", n " << n;
  }
}

}  // namespace
}  // namespace ner
}  // namespace lede
