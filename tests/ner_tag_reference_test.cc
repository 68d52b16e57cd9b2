// Model::Tag sums the weights of its features through caches of its own
// (rows kept per word, per neighbour word, per small value; pass 2 only where
// a word recurs), while training reads the features from Featurize and
// HistoryFeatures. These tests tag real news text both ways and require the
// same names: the reference below is the tagger's definition written out
// plainly, so a feature that drifts between the two fails here, not only in
// the golden fixtures.
//
// Reference, per tag sequence (Sequences): Quiet() tokens are O; every other
// token's emission is the int8 weights of its Featurize features plus its
// HistoryFeatures (a capitalized or ALL CAPS word) summed, times the model's
// scale; Viterbi. Pass 1 has no history; pass 2 the history of pass 1's tags.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "data/embedded.h"
#include "entities/ner_model.h"
#include "ner_model_file.h"
#include "source_file.h"
#include "text/document.h"
#include "xorshift.h"

namespace lede {
namespace ner {
namespace {

// The tagger's part of a model file (see Model::Serialize), parsed.
struct PlainModel {
  float scale = 1;
  std::vector<float> transitions;            // (kNumTags + 1) * kNumTags
  std::unordered_map<uint32_t, size_t> row;  // key -> its row in `weights`
  std::vector<int8_t> weights;               // kNumTags a key
  std::string bytes;                         // the file, tagger part only

  const int8_t* Find(uint32_t key) const {
    if (key == 0) return nullptr;  // 0 is no feature
    auto it = row.find(key);
    return it == row.end() ? nullptr : &weights[it->second * kNumTags];
  }
};

constexpr size_t kHeader = 20;
constexpr size_t kTransitions = (kNumTags + 1) * kNumTags;

// The compiled-in model's tagger (its typer's section cut off, so that Tag
// returns the tagger's names). With `seed`, its weights and transitions are
// drawn at random instead: most loud tokens then start or continue a name, so
// nearly every feature's weight decides some tag.
PlainModel TaggerModel(uint64_t seed) {
  PlainModel m;
  const EmbeddedTagger t = ReadEmbeddedTagger();
  EXPECT_EQ(t.tags, static_cast<uint32_t>(kNumTags));
  const uint32_t nf = t.nf;
  const std::vector<uint32_t>& keys = t.keys;
  // The rows, then the keys Rice coded (AppendInt8Rows).
  const size_t weights_at = t.rows_at, keys_at = t.keys_at;
  EXPECT_EQ(weights_at, kHeader + kTransitions * 4);
  m.bytes.assign(t.file.substr(0, t.typer_at));
  if (seed) {
    XorShift64 next(seed);
    for (size_t i = 0; i < kTransitions; ++i) {
      const float t = static_cast<float>(static_cast<int>(next() % 2001) - 1000) / 400.0f;
      std::memcpy(&m.bytes[kHeader + i * 4], &t, 4);
    }
    for (size_t i = weights_at; i < keys_at; ++i)
      m.bytes[i] = static_cast<char>(static_cast<int>(next() % 255) - 127);
  }
  std::memcpy(&m.scale, m.bytes.data() + 16, 4);
  m.transitions.resize(kTransitions);
  std::memcpy(m.transitions.data(), m.bytes.data() + kHeader, kTransitions * 4);
  m.weights.assign(m.bytes.begin() + static_cast<std::ptrdiff_t>(weights_at),
                   m.bytes.begin() + static_cast<std::ptrdiff_t>(keys_at));
  for (uint32_t i = 0; i < nf; ++i) m.row[keys[i]] = i;
  return m;
}

// The reference tagger (see the top of the file).
std::vector<NameSpan> ReferenceTag(const PlainModel& m, const Document& doc) {
  const DocContext context = BuildDocContext(doc);
  const auto sequences = Sequences(doc);
  std::vector<uint8_t> tags(doc.tokens.size(), 0);
  History history;
  std::vector<uint8_t> pass1;
  for (int pass = 1; pass <= 2; ++pass) {
    if (pass == 2) {
      pass1 = tags;  // HistoryFeatures reads each token's own pass-1 tag
      BuildHistory(doc, context, pass1.data(), &history);
    }
    for (auto [begin, end] : sequences) {
      const uint32_t n = end - begin;
      std::vector<uint32_t> feats, offsets, hist;
      Featurize(doc, context, begin, end, &feats, &offsets);
      std::vector<uint8_t> quiet;
      Quiet(doc, begin, end, &quiet);
      std::vector<float> emissions(static_cast<size_t>(n) * kNumTags, 0);
      for (uint32_t k = 0; k < n; ++k) {
        if (quiet[k]) continue;  // tagged O whatever its scores
        std::vector<uint32_t> f(feats.begin() + offsets[k], feats.begin() + offsets[k + 1]);
        if (HasHistory(doc, begin + k)) {
          hist.clear();
          HistoryFeatures(doc, context, pass == 2 ? &history : nullptr, begin + k, &hist);
          f.insert(f.end(), hist.begin(), hist.end());
        }
        int32_t sum[kNumTags] = {};
        for (uint32_t key : f) {
          if (const int8_t* w = m.Find(key)) {
            for (int t = 0; t < kNumTags; ++t) sum[t] += w[t];
          }
        }
        for (int t = 0; t < kNumTags; ++t)
          emissions[static_cast<size_t>(k) * kNumTags + t] = static_cast<float>(sum[t]) * m.scale;
      }
      Viterbi(emissions.data(), n, m.transitions.data(), &tags[begin], quiet.data());
    }
  }
  std::vector<NameSpan> out;
  for (auto [begin, end] : sequences) SpansFromTags(&tags[begin], end - begin, begin, &out);
  return out;
}

std::string Spans(const Document& doc, const std::vector<NameSpan>& spans) {
  std::string out;
  for (const NameSpan& s : spans) {
    out += TypeName(s.type);
    out += ' ';
    out += doc.text.substr(doc.tokens[s.begin].span.start,
                           doc.tokens[s.end - 1].span.end - doc.tokens[s.begin].span.start);
    out += '\n';
  }
  return out;
}

// Real news text: the page's sample article, the golden fixtures' inputs, and
// sentences from news reports with a dateline, an ALL CAPS headline, names
// that recur (pass 2) in other cases and forms, and names next to numbers.
std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (const char* path : kNewsTextPaths) {
    texts.push_back(ReadSourceFile(path));
    EXPECT_FALSE(texts.back().empty()) << path;
  }
  texts.push_back(
      "RUSSIA STEPS UP ATTACKS ON KHARKIV\n\n"
      "KRAMATORSK, Ukraine (AP) - Russian forces pounded Kharkiv overnight, Gov. Oleh "
      "Syniehubov said on Telegram. Syniehubov said 14 people were wounded, and that the "
      "Kharkiv regional administration had opened shelters.\n\n"
      "In Washington, Secretary of State Antony Blinken met NATO's Jens Stoltenberg. "
      "\"We will stand with Ukraine,\" Blinken told reporters at the State Department. "
      "Stoltenberg, a former prime minister of Norway, said the alliance's Madrid summit "
      "would take up the request.\n\n"
      "Shares of Apple Inc. and Microsoft Corp. fell 2.3% on the Nasdaq after the Federal "
      "Reserve said it would keep rates at 5.25%. APPLE declined to comment; Microsoft "
      "spokesman Frank Shaw said the company was \"watching closely\".");
  return texts;
}

TEST(NerTagReferenceTest, TagIsViterbiOverTheFeaturesWeights) {
  for (uint64_t seed : {uint64_t{0}, uint64_t{88172645463325252ull},
                        uint64_t{0x9E3779B97F4A7C15ull}, uint64_t{12345}}) {
    const PlainModel plain = TaggerModel(seed);
    Model model;
    ASSERT_TRUE(model.Load(plain.bytes));
    size_t names = 0;
    for (const std::string& text : Texts()) {
      const Document doc = BuildDocument(text);
      const std::vector<NameSpan> want = ReferenceTag(plain, doc);
      EXPECT_EQ(Spans(doc, model.Tag(doc)), Spans(doc, want))
          << "seed " << seed << ", text: " << text.substr(0, 60);
      names += want.size();
    }
    // The texts hold names for every model (the test compares something).
    EXPECT_GT(names, 20u) << "seed " << seed;
  }
}

// The tagger keeps each word's Info for the thread's next documents, by its
// bytes: words alike but for their case, their length or a byte past the
// eighth, and words at the very end of a text (no whole 16 bytes left to
// load), tagged one text after another on one thread.
TEST(NerTagReferenceTest, TagIsViterbiAfterWordsAlike) {
  std::vector<std::string> texts = {
      "Abcdefgh Abcdefghi met Abcdefghijklmnop and Abcdefghijklmnopq in Washington.",
      "ABCDEFGH abcdefghi met Abcdefghijklmnoq and Abcdefghijklmnopqr in Washingtonian "
      "Washingtonville, said Abcdefgh",
      "Washington met WASHINGTON. Abcdefg Abcdefgh Abcdefghijklmno said Jos\xC3\xA9 and "
      "Jose met \xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA"
      "\xD0\xB8\xD0\xB9 in Kyiv",
      "Kyi met Kyiv and KYIV; Abcdefghi and Abcdefghijklmnopq said Abcdefghijklmnop"};
  // And thousands of words alike in their first eight bytes and their
  // length, more than the kept table has room for: many meet in one entry.
  XorShift64 next(0x2545F4914F6CDD1Dull);
  for (int t = 0; t < 2; ++t) {
    std::string text;
    for (int sentence = 0; sentence < 400; ++sentence) {
      for (int w = 0; w < 6; ++w) {
        text += w == 2 ? "met " : w == 4 ? "in " : "";
        text += (next() % 3 == 0) ? "abcdefgh" : "Abcdefgh";
        for (int c = 0; c < 4; ++c) text += static_cast<char>('a' + next() % 26);
        text += w == 5 ? ". " : " ";
      }
    }
    texts.push_back(text);
  }
  for (uint64_t seed : {uint64_t{0}, uint64_t{88172645463325252ull}, uint64_t{12345}}) {
    const PlainModel plain = TaggerModel(seed);
    Model model;
    ASSERT_TRUE(model.Load(plain.bytes));
    for (int round = 0; round < 2; ++round) {
      for (const std::string& text : texts) {
        const Document doc = BuildDocument(text);
        EXPECT_EQ(Spans(doc, model.Tag(doc)), Spans(doc, ReferenceTag(plain, doc)))
            << "seed " << seed << ", text: " << text.substr(0, 60);
      }
    }
  }
}

// The tagger reads a word's lower-case hash and fine cluster off the
// document's context (BuildDocContext's) and works out only the rest from its
// text (a lower-case ASCII word of up to eight bytes by one load), where the
// reference's Featurize reads them all off the text: words of other scripts
// (Info's kOtherScript when the cluster table has none) in lower case beside
// names and as names, lower-case words of eight and nine bytes, words with
// digits, hyphens and apostrophes, accented Latin words, and lower-case words
// at the very end of a text (fewer than eight bytes left to load).
TEST(NerTagReferenceTest, TagIsViterbiWithWordsOfEveryScript) {
  const std::vector<std::string> texts = {
      "KYIV, Ukraine (AP) - President Volodymyr Zelensky wrote \xC2\xAB\xD0\xA1\xD0\xBB"
      "\xD0\xB0\xD0\xB2\xD0\xB0 \xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD"
      "\xD1\x96\xC2\xBB on Telegram, and Putin \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0"
      "\xD0\xBB Kremlin officials were \xD0\xB3\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB2\xD1\x8B "
      "to talk.",
      "In Athens the daily \xCE\x9A\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBC\xCE\xB5\xCF\x81"
      "\xCE\xB9\xCE\xBD\xCE\xAE said Prime Minister Kyriakos Mitsotakis would meet "
      "Recep Tayyip Erdo\xC4\x9F"
      "an; the word \xCE\xB5\xCE\xB9\xCF\x81\xCE\xAE\xCE\xBD"
      "\xCE\xB7 ran across the front page of Ta Nea yesterday.",
      "The ministry's well-known spokesman, Jos\xC3\xA9 Mar\xC3\xAD"
      "a Aznar, said at 9 o'clock "
      "that mid-2024 figures from Statistics Canada were overstated, according to Reuters",
      "Officials in Lagos and Abuja met Buhari yesterday; protesters outside chanted"};
  for (uint64_t seed : {uint64_t{0}, uint64_t{88172645463325252ull}, uint64_t{12345}}) {
    const PlainModel plain = TaggerModel(seed);
    Model model;
    ASSERT_TRUE(model.Load(plain.bytes));
    for (const std::string& text : texts) {
      const Document doc = BuildDocument(text);
      EXPECT_EQ(Spans(doc, model.Tag(doc)), Spans(doc, ReferenceTag(plain, doc)))
          << "seed " << seed << ", text: " << text.substr(0, 60);
    }
  }
}

// The pair filter (Model::PairRoles, written by Serialize from
// PairFilterWords): a model that keeps every feature the texts give, with
// random weights, and the filter of its pairs as training makes it, tags as
// the reference does, which looks every pair up: no kept pair is skipped.
// The same model with one role's words left out of its filter does not
// (the test tells a filter that misses pairs).
TEST(NerTagReferenceTest, PairFilterSkipsNoKeptPair) {
  std::vector<Document> docs;
  const std::vector<std::string> texts = Texts();
  for (const std::string& text : texts) docs.push_back(BuildDocument(text));
  std::vector<uint32_t> keys;
  for (const Document& doc : docs) {
    const DocContext context = BuildDocContext(doc);
    std::vector<uint32_t> feats, offsets;
    for (auto [b, e] : Sequences(doc)) {
      Featurize(doc, context, b, e, &feats, &offsets);
      keys.insert(keys.end(), feats.begin(), feats.end());
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (!keys.empty() && keys[0] == 0) keys.erase(keys.begin());  // 0 is no feature
  ASSERT_GT(keys.size(), 1000u);
  std::vector<std::pair<uint32_t, uint8_t>> pair_words;
  for (const Document& doc : docs) {
    for (auto [b, e] : Sequences(doc)) PairFilterWords(doc, b, e, keys, &pair_words);
  }
  ASSERT_GT(pair_words.size(), 1000u);
  XorShift64 next(0x5851F42D4C957F2Dull);
  // Whole weights within +-127, one of them 127: the scale is 1, the int8
  // rows the weights themselves.
  std::vector<float> w(keys.size() * kNumTags);
  for (float& x : w) x = static_cast<float>(static_cast<int>(next() % 255) - 127);
  w[0] = 127;
  std::vector<float> transitions(kTransitions);
  for (float& t : transitions) t = static_cast<float>(static_cast<int>(next() % 2001) - 1000) / 400;
  PlainModel plain;
  plain.scale = 1;
  plain.transitions = transitions;
  for (size_t i = 0; i < keys.size(); ++i) plain.row[keys[i]] = i;
  for (float x : w) plain.weights.push_back(static_cast<int8_t>(x));
  Model model;
  ASSERT_TRUE(model.Load(Model::Serialize(keys, w, transitions, pair_words)));
  for (const auto& [word, roles] : pair_words) {
    ASSERT_EQ(model.PairRoles(word) & roles, roles) << word;
  }
  // Most words have no role of most kinds.
  size_t with_18 = 0;
  for (const Document& doc : docs) {
    const DocContext context = BuildDocContext(doc);
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      with_18 += (model.PairRoles(context.lower[doc.word[i]]) & kPairWord18) != 0;
    }
  }
  size_t tokens = 0, names = 0;
  for (const Document& doc : docs) tokens += doc.tokens.size();
  EXPECT_LT(with_18, tokens);
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::vector<NameSpan> want = ReferenceTag(plain, docs[d]);
    EXPECT_EQ(Spans(docs[d], model.Tag(docs[d])), Spans(docs[d], want))
        << "text: " << texts[d].substr(0, 60);
    names += want.size();
  }
  EXPECT_GT(names, 20u);
  // Without the words of one role, the tagger misses pairs the model has.
  for (uint8_t role : {kPairLeft18, kPairWord18, kPairWord19, kPairRight19}) {
    std::vector<std::pair<uint32_t, uint8_t>> fewer;
    for (const auto& [word, roles] : pair_words) {
      if (roles != role) fewer.emplace_back(word, roles);
    }
    Model missing;
    ASSERT_TRUE(missing.Load(Model::Serialize(keys, w, transitions, fewer)));
    size_t differ = 0;
    for (const Document& doc : docs)
      differ += Spans(doc, missing.Tag(doc)) != Spans(doc, ReferenceTag(plain, doc));
    EXPECT_GT(differ, 0u) << "role " << int{role};
  }
}

}  // namespace
}  // namespace ner
}  // namespace lede
