// The statistical name tagger: an averaged structured perceptron over BILOU
// tags (PER, ORG, LOC, MISC, the CoNLL-2003 types), hashed features, Viterbi
// per paragraph. Internal to the core.
//
// Features are 32-bit hashes; the model keeps the features that matter
// (pruned at training time) with int8 weights, so it is a small data file
// (core/data/ner/model.bin). The trainer (`lede train ner`) uses the same
// Featurize() as inference, on lede's own tokens, so both see the same input.
#ifndef LEDE_ENTITIES_NER_MODEL_H_
#define LEDE_ENTITIES_NER_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/document.h"

namespace lede {
namespace ner {

// CoNLL types as the tagger sees them.
enum NameType : int { kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3 };
constexpr int kNumTypes = 4;
// Tag 0 is O; tag 1 + 4 * type + {0: B, 1: I, 2: L, 3: U}.
constexpr int kNumTags = 1 + 4 * kNumTypes;
inline int TagOf(int type, int part) { return 1 + 4 * type + part; }
inline int TypeOfTag(int tag) { return tag == 0 ? -1 : (tag - 1) / 4; }
inline int PartOfTag(int tag) { return tag == 0 ? -1 : (tag - 1) % 4; }
const char* TypeName(int type);  // "PER", "ORG", "LOC", "MISC"

// A tagged name: tokens [begin, end) of the Document.
struct NameSpan {
  uint32_t begin = 0, end = 0;
  int type = kPer;
};

// Features of tokens [begin, end) of `doc` (one tagging sequence): for token
// begin + k, feats[offsets[k] .. offsets[k + 1]). `context` holds
// document-level facts built once by DocumentContext().
//
// A byte of a token that its Document word decides (every token with the
// same text has it), kept once per word: read as bytes[token].
struct WordBytes {
  std::vector<uint8_t> by_word;    // per Document word id
  const uint32_t* word = nullptr;  // Document::word
  uint8_t operator[](size_t token) const { return by_word[word[token]]; }
};
// A byte of a token that its sentence decides, kept once per sentence.
struct SentenceBytes {
  std::vector<uint8_t> by_sentence;
  const Document* doc = nullptr;
  uint8_t operator[](size_t token) const {
    return by_sentence[doc->SentenceOf(static_cast<uint32_t>(token))];
  }
};
// (Three of the four facts below were a byte a token, alive through the
// tagger's and the entities stage's peaks: 0.56x the input on news.)
// It points into the Document it was built from (caps_line, word_bits, lists):
// that Document must stay where it is while the context is used.
struct DocContext {
  WordBytes word_bits;             // per token: how its word is written elsewhere in the doc
  SentenceBytes caps_line;         // per token: 1 when its sentence is an ALL-CAPS line
  std::vector<uint8_t> gazetteer;  // per token: 0, or 1 + 4 * category + position (U B I L)
  WordBytes lists;                 // per token: WordList bits of its lower-case form
  // Per Document word id: the id of its lower-case form (0 .. words-1); 0 for a
  // Document word none of whose tokens is a word or takes part in the history.
  std::vector<uint32_t> word_of;
  uint32_t words = 0;  // distinct lower-case words
  // Per Document word id: the hash of its lower-case form that WordCluster
  // looks up (WordClusterOfLower), set for the words whose tokens are words or
  // take part in the history, 0 for the others. The typer reads it; Tag frees
  // it after.
  std::vector<uint32_t> lower;
  // Per Document word id: the fine word cluster of the words `lower` holds
  // the hash of (WordClusterOfLower), -1 for the others and for a word not in
  // the cluster table. Looked up once a word, all together: DocBags and the
  // typer read it (the typer's cluster features). Tag frees it with `lower`.
  std::vector<int16_t> fine;
  // Per lower-case word id with two or more capitalized tokens: the coarse
  // word clusters that recur among the lower-case words around them, the
  // document's context bag of the word (bag[bag_start[id] .. bag_start[id + 1])).
  std::vector<uint32_t> bag_start;
  std::vector<uint16_t> bag;
  // Per token, a bit (bit i & 63 of word i / 64): HasHistory(doc, i). Tag
  // frees it after its second pass, unless it hands the context out (the
  // entities stage makes its capitalized words of it).
  std::vector<uint64_t> history;
  // Per lower-case word id: bit 0x80 set when two or more of its tokens take
  // part in the history (HasHistory): the words whose runs Tag's second pass
  // tags again. Tag frees it after its second pass.
  std::vector<uint8_t> repeated;
  // The tokens capitalized or ALL CAPS that take no part in the history
  // (numbers such as "3M", symbols such as "@User"), ascending: with the
  // history tokens but the possessives, the ones LoudBits starts from.
  // Mostly empty (no allocation).
  std::vector<uint32_t> caps_other;
  // The document's topic (the typer's features): the fine clusters of its
  // lower-case word tokens of 5 bytes or more, the kTopicMost most frequent
  // (count descending, then cluster ascending), counted in BuildDocContext's
  // pass over the tokens.
  static constexpr int kTopicMost = 5;
  uint16_t topic[kTopicMost] = {};
  uint8_t topic_size = 0;
  // The lower-case id of token i (a word token, or one with HasHistory()).
  uint32_t Word(const Document& doc, uint32_t i) const { return word_of[doc.word[i]]; }
};
DocContext BuildDocContext(const Document& doc);
// When `quiet` is given, tokens with quiet[k] set get no features (see Quiet()).
// `cluster_dropout`, training only (`lede train ner --cluster-dropout`): the
// words of a fixed `cluster_dropout` percent of the hash space look like words
// outside the cluster table, so the model also learns to tag unknown words
// from their context ("KRAMATORSK -" opening a dispatch) instead of leaning on
// clusters alone. Tagging always uses 0.
void Featurize(const Document& doc, const DocContext& context, uint32_t begin, uint32_t end,
               std::vector<uint32_t>* feats, std::vector<uint32_t>* offsets,
               int cluster_dropout = 0);

// The word cluster of `word` (any case) from core/data/ner/clusters.bin, the
// fine cluster the tagger's features use, or -1 for a word not in the table.
int WordCluster(std::string_view word);
// The same for the word whose lower-case hash (DocContext::lower) is `lower`.
int WordClusterOfLower(uint32_t lower);
// The lower-case hash of `word` (any case) that DocContext::lower holds.
uint32_t LowerCaseHash(std::string_view word);
// The coarse cluster (0 .. 63) above fine cluster `fine` (WordCluster >= 0).
int CoarseCluster(int fine);
// The coarse cluster of each fine one: CoarseClusters()[fine] is
// CoarseCluster(fine) for fine >= 0.
const uint8_t* CoarseClusters();

// Whether `word` (any case; Latin letters with accents, precomposed or with
// combining marks, read without them:
// "José" as "Jose") is in the tagger's list of given names
// (core/data/ner/sources/given_names.txt).
bool IsListedGivenName(std::string_view word);

// The tagger's large single-word lists, cities and given names, as
// core/data/ner/lists.bin holds them: made from their text
// (core/data/ner/sources/{cities,given_names}.txt: a word a line; empty lines
// and lines starting with '#' skipped) by `lede train lists`, each list as the
// set of its words' lower-case hashes, ascending and Rice coded
// (data/rice_code.h), not as text: about 10 KB less to download, and no
// hashing of 15,000 words at first use. Format: "LNWL", then for each list
// (cities, then given names) u32 n, the number of distinct hashes, and their
// AppendRiceCoded code.
std::string WordListsFile(std::string_view cities, std::string_view given_names);

// Such a file read into a table, by the words' lower-case hashes.
class WordListTable {
 public:
  enum : uint8_t { kCity = 1, kGivenName = 2 };
  // False, and the table left empty, if `file` is not one WordListsFile writes.
  bool Parse(std::string_view file);
  // The lists (kCity | kGivenName) holding the word whose lower-case hash
  // (DocContext::lower) is h; 0 for none.
  int Get(uint32_t h) const {
    if (!bits_) return 0;
    // Hashes ascend within each run of filled slots, from their home slot on.
    for (size_t j = h >> shift_;; ++j) {
      if (bits_[j] == 0 || keys_[j] > h) return 0;
      if (keys_[j] == h) return bits_[j];
    }
  }
  // The same for `word`, in any case.
  int Of(std::string_view word) const;

 private:
  // Open addressing by a hash's top bits, filled in ascending order (a hash
  // goes to its home slot or the one after the last filled), so a search can
  // stop at a greater hash; at least one empty slot ends the table.
  std::unique_ptr<uint32_t[]> keys_;
  std::unique_ptr<uint8_t[]> bits_;  // the lists of the slot's hash; 0: empty
  uint32_t shift_ = 31;
};

// Extended prediction history: the tags a first pass gave the other
// occurrences of each capitalized word ("Stan" is PER elsewhere in the text).
// The second pass adds them as features (HistoryFeatures), so one document
// agrees with itself without a hard vote.
struct History {
  std::vector<uint16_t> counts;  // per word id: kNumTags counts of first-pass tags
  // Per token: its first-pass tag; the `tags` given to BuildHistory, not a
  // copy (a byte a token less at the tagger's peak), so they must outlive the
  // history, and token i's tag may change only once HistoryFeatures has read it.
  const uint8_t* own = nullptr;
};
// Whether token i takes part in the history (a capitalized or ALL-CAPS word).
bool HasHistory(const Document& doc, uint32_t i);
// `tags`: the first-pass tag of every token of the document.
void BuildHistory(const Document& doc, const DocContext& context, const uint8_t* tags,
                  History* history);
// Appends the history features of token i (HasHistory(doc, i) must hold). With
// no history (the first pass) the token looks like a word seen once.
void HistoryFeatures(const Document& doc, const DocContext& context, const History* history,
                     uint32_t i, std::vector<uint32_t>* feats);

// Tokens of [begin, end) that cannot start, end or be inside a name in
// practice: not capitalized, with neither neighbour capitalized. Inference
// tags them O without scoring them (most tokens of prose), for speed; it finds
// them with LoudBits, and this plain definition is LoudBits' test's reference.
void Quiet(const Document& doc, uint32_t begin, uint32_t end, std::vector<uint8_t>* quiet);
// Quiet() of every sequence at once, as bits (words of 64, bit i for token
// i): `loud` gets the tokens of the `sequences` that Quiet() leaves 0. One
// pass over the tokens' flags, then only the capitalized tokens and their
// neighbours are read. For a document without a DocContext (the tests');
// Tag takes the overload below.
void LoudBits(const Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
              std::vector<uint64_t>* loud);
// The same, its capitalized tokens read off `context` (the document's,
// BuildDocContext's: its history bits and caps_other), not off every token
// (Tag's; NerQuietTest checks that both give the same bits).
void LoudBits(const Document& doc, const DocContext& context,
              const std::vector<std::pair<uint32_t, uint32_t>>& sequences,
              std::vector<uint64_t>* loud);

// Tag sequences run over each paragraph (a CoNLL sentence is one line).
// Token ranges [begin, end) of the sequences of `doc`.
std::vector<std::pair<uint32_t, uint32_t>> Sequences(const Document& doc);

// Best legal BILOU path. emissions: n * kNumTags scores; transitions:
// (kNumTags + 1) * kNumTags, row kNumTags being the start. Writes n tags.
// Tokens with quiet[k] set (when given) are tagged O.
void Viterbi(const float* emissions, uint32_t n, const float* transitions, uint8_t* tags,
             const uint8_t* quiet = nullptr);

// Turns a BILOU tag sequence of tokens [begin, begin + n) into spans.
void SpansFromTags(const uint8_t* tags, uint32_t n, uint32_t begin, std::vector<NameSpan>* out);

// The span typer (ner_typer.cc): a second stage that re-types the tagger's
// spans, each group of spans with the same text at once, from the evidence of
// all its mentions (words, clusters, lexicons, the words around every mention,
// the tagger's own types). A multiclass averaged perceptron over the four
// types with hashed features and int8 weights, stored after the tagger's in
// the model file; it overrides the tagger only when its margin is large.
// The tagger's emission sums over a span's tokens read as each type (B I .. L,
// or U): out[type]. `emissions`: n rows of kNumTags.
void SpanTypeScores(const float* emissions, uint32_t n, float* out);
// The model files' shared part (the tagger's and the typer's, both written
// by training): float weights w[i * cols ..] of feature keys[i] as int8 of one
// scale (the largest |w| / 127), Int8Scale(w); AppendInt8Rows appends each
// key's `cols` int8 weights, the keys ascending, then the keys themselves
// Rice coded (data/rice_code.h: AppendRiceCoded).
float Int8Scale(const std::vector<float>& w);
void AppendInt8Rows(const std::vector<uint32_t>& keys, const std::vector<float>& w, int cols,
                    float scale, std::string* out);

class Typer {
 public:
  bool Load(std::string_view bytes);  // false (and empty) if malformed
  bool empty() const { return rows_.empty(); }
  // `scores`: SpanTypeScores of each span (kNumTypes a span), or null.
  void Retype(const Document& doc, const DocContext& context, const float* scores,
              std::vector<NameSpan>* spans) const;
  // The per-type sums of the weights of `count` features.
  void Scores(const uint32_t* feats, size_t count, int32_t* scores) const;
  // Retype's scores of each group of `spans` (TyperGroups: group_of[s], the
  // number of groups returned): group_scores[g * kNumTypes ..] = Scores of
  // group g's TyperFeatures (`scores` as Retype's).
  uint32_t GroupScores(const Document& doc, const DocContext& context, const float* scores,
                       const std::vector<NameSpan>& spans, std::vector<uint32_t>* group_of,
                       std::vector<int32_t>* group_scores) const;
  float scale() const { return scale_; }
  // keys[i] has weights w[i * kNumTypes ..]; `margin`: the least score margin
  // (in w's units) over the tagger's type for an override.
  static std::string Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& w,
                               float margin);

 private:
  // The features and their weights by the keys' top bits (key >> shift_),
  // ordered linear probing: placed ascending, each at its slot or the first
  // free one after it, so the keys rise along the table and a look-up stops
  // at the first key not below its own. A free slot holds UINT32_MAX with
  // weights 0 (also the table's last slot), which stops every look-up and
  // adds nothing.
  struct Row {
    uint32_t key;
    int8_t w[kNumTypes];
  };
  std::vector<Row> rows_;
  // The weights of the features of small domains (a type, a byte, a coarse
  // cluster: ner_typer.cc's kD...) by index, kNumTypes a feature, which
  // Retype sums without hashing them or searching rows_.
  std::vector<int32_t> direct_;
  int shift_ = 31;
  float scale_ = 1, margin_ = 0;
};
// Whether bytes [s.start, s.end) of `text` are all ASCII; may read up to 8
// bytes of `text` around them (the typer's test before it takes the tagger's
// lower-case hash of a word). Exposed for tests.
bool IsAsciiSpan(std::string_view text, Span s);
// The typer's bucket of the tagger's score margin d (a type's average score
// behind the group's type): 0 for d < 0, else 1 + min(6, (int)log2(1 + d)),
// without a log2 call for most d. Exposed for tests.
int TyperScoreBucket(float d);
// Training and Typer: spans with the same text (any case) form a group;
// returns the number of groups, group_of[s] the group of span s.
uint32_t TyperGroups(const Document& doc, const std::vector<NameSpan>& spans,
                     std::vector<uint32_t>* group_of);
// The typer's features of each group g: feats[offsets[g] .. offsets[g + 1]),
// each once, ascending (training sums float weights in that order).
void TyperFeatures(const Document& doc, const DocContext& context,
                   const std::vector<NameSpan>& spans, const float* scores,
                   const std::vector<uint32_t>& group_of, uint32_t groups,
                   std::vector<uint32_t>* feats, std::vector<uint32_t>* offsets);
// The same handed to `sink` one group at a time (g ascending; `feats` valid
// during the call), so that Retype holds no document's worth of features:
// each once, ascending when `sorted` (training), else in no set order.
using TyperGroupSink = void (*)(void* sink_context, uint32_t g, const uint32_t* feats,
                                size_t count);
void TyperFeatures(const Document& doc, const DocContext& context,
                   const std::vector<NameSpan>& spans, const float* scores,
                   const std::vector<uint32_t>& group_of, uint32_t groups, bool sorted,
                   TyperGroupSink sink, void* sink_context);

// The pair filter: the tagger's word-pair features 18 (a token's word with
// its left neighbour's, Mix(18, left, word)) and 19 (with its right
// neighbour's, Mix(19, word, right)) are looked up only for the words that
// take part in a kept one in the role they play there; most words take part
// in none, and the look-ups would find no row. The roles of a word (its
// lower-case hash, or a pad's value at a sequence's end):
enum PairRole : uint8_t {
  kPairLeft18 = 1,   // the left word of a kept 18
  kPairWord18 = 2,   // the token's word of a kept 18
  kPairWord19 = 4,   // the token's word of a kept 19
  kPairRight19 = 8,  // the right word of a kept 19
};
// Training (`lede train ner`): appends to `out` each word of the sequence
// [begin, end) of `doc` with the roles it plays in a pair feature (as
// Featurize gives them) that `kept` (ascending: the model's keys) holds.
void PairFilterWords(const Document& doc, uint32_t begin, uint32_t end,
                     const std::vector<uint32_t>& kept,
                     std::vector<std::pair<uint32_t, uint8_t>>* out);

// A trained model, loaded from its file bytes.
class Model {
 public:
  // Parses the model file; false (and an empty model) if it is malformed.
  // With copy false, the model reads its weights where they lie in `bytes`
  // (which must then outlive it: the embedded model); else from a copy.
  bool Load(std::string_view bytes, bool copy = true);
  bool empty() const { return num_features_ == 0; }
  size_t num_features() const { return num_features_; }
  // Names in `doc`, in text order.
  // Names in `doc`, in text order; `context` (if given) receives the
  // document-level facts the tagger used.
  std::vector<NameSpan> Tag(const Document& doc, DocContext* context = nullptr) const;

  // The model compiled in (core/data/ner/model.bin), loaded on first use,
  // unless ReplaceDefault() gave another.
  static const Model& Default();
  // Tools only (`lede eval ner --model`, cross-validation): makes Default()
  // return the model parsed from `bytes`. Not thread-safe; call before any
  // analysis. False (default unchanged) if the bytes are not a model.
  static bool ReplaceDefault(std::string_view bytes);

  // Serialises averaged float weights: keys[i] has weights w[i * kNumTags ..].
  // `pair_words` (PairFilterWords'): the words of the kept word-pair features,
  // written as the pair filter (none: a file every pair is looked up with).
  static std::string Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& w,
                               const std::vector<float>& transitions,
                               const std::vector<std::pair<uint32_t, uint8_t>>& pair_words = {});
  // The pair filter's roles (PairFilterWords) of the word whose lower-case
  // hash is `lower`; a role set may be a false one, but never a missing one.
  // All set when the file has no filter.
  uint8_t PairRoles(uint32_t lower) const {
    return pair_roles_[(lower * 0x9E3779B1u) >> pair_shift_];
  }

 private:
  // Sums of weights are kept in rows of kRow int16 (zeros past kNumTags), so
  // that adding a feature's weights to them is a fixed-length vector loop.
  static constexpr int kRow = 20;
  static_assert(kRow >= kNumTags, "a row holds every tag");
  // The weights of feature `key` (kNumTags of them), or null.
  const int8_t* Find(uint32_t key) const;
  // Adds the weights of feats[from, to) to acc[kRow].
  void AddWeights(const uint32_t* feats, size_t from, size_t to, int16_t* acc) const;
  // Keys ascending (decoded by Load), and for keys_[i] the weights
  // rows_[i * kNumTags ..] (where they lie in the model file, the embedded
  // one's not copied); start_ indexes the keys by their top bits (key >> shift_):
  // a bucket's first key's index << 8, and in the low byte a bit for each
  // SubBucket of its keys (Load).
  static constexpr uint32_t kMaxFeatures = (1u << 24) - 1;
  static uint32_t SubBucket(uint32_t key) { return key & 7; }
  // Serialize's pair filter at b[*at ..], moved past it: its bytes (the
  // 2^bits slots' roles) set in `filter`, pair_shift_ set; false if malformed.
  bool ReadPairFilter(std::string_view b, size_t* at, std::string_view* filter);
  // start[0 .. size) (size: 1 << (32 - shift), plus 1) for the nf
  // ascending keys, in start_'s layout.
  static void IndexKeys(const uint32_t* key, uint32_t nf, uint32_t shift, uint32_t* start,
                        size_t size);
  const uint32_t* keys_ = nullptr;
  const int8_t* rows_ = nullptr;
  std::vector<uint32_t> start_ = std::vector<uint32_t>(3, 0);
  int shift_ = 31;
  std::shared_ptr<const void> owned_;  // the keys (and the rows, when copied)
  // The pair filter (version 4), a byte of roles a slot of the words'
  // lower-case hashes (PairRoles): where it lies in the file (the embedded
  // model's, not copied), else in pair_owned_. Two slots of every role
  // for a file without one.
  const uint8_t* pair_roles_ = kAllPairRoles;
  std::shared_ptr<const std::string> pair_owned_;  // the filter's copy
  int pair_shift_ = 31;
  static const uint8_t kAllPairRoles[2];
  size_t num_features_ = 0;
  uint64_t serial_ = 0;  // set by Load, another for each model loaded
  float scale_ = 1;
  std::vector<float> transitions_;
  Typer typer_;  // empty when the file has none
};

}  // namespace ner
}  // namespace lede

#endif  // LEDE_ENTITIES_NER_MODEL_H_
