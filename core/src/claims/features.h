// Features of a sentence (or clause) for the check-worthiness model, and the
// word classes the Claims stage uses to type and explain a claim.
// Internal to the core.
//
// Every feature is computed from the Document's tokens (and, when present,
// the entities found over them); no text is re-tokenized. The same function
// feeds training (`lede train claims`) and scoring (FindClaims), so the two
// cannot drift apart.
#ifndef LEDE_CLAIMS_FEATURES_H_
#define LEDE_CLAIMS_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"
#include "quotes/quotes.h"
#include "text/document.h"

namespace lede {

// What a feature says about the sentence, in words a reader understands.
// Reasons are built per family from the features that raised the score.
enum class FeatureFamily : uint8_t {
  kBias,
  kWord,         // a unigram or bigram of the sentence (token index kept)
  kFigure,       // a number, percentage, amount of money, year
  kEntity,       // names a person, place, organisation (or a capitalised name)
  kCompare,      // comparative or superlative
  kChange,       // change over time
  kCause,        // cause and effect
  kFuture,       // prediction, plan, modal
  kPolicy,       // law, bill, policy, tax, sanctions
  kPast,         // past-tense action verbs
  kAttribution,  // says who said it: "said", "according to"
  kLength,       // sentence length
  kPersonal,     // first/second person, opinion, feeling
  kQuestion,     // question or exclamation
  kCount
};

struct Feature {
  uint32_t hash = 0;
  float value = 1;
  FeatureFamily family = FeatureFamily::kWord;
  uint32_t token = 0;  // for kWord: the (first) token of the n-gram
};

// Word classes over a lower-cased word (ASCII folded, ’ turned into ').
// Their bits are in the order of the features they raise (Featurize adds
// the class features' products in bit order, one set bit at a time); bit 11
// is no class: it is the feature loop's "-ed" past action, whose feature
// comes between past-action's and speech's.
enum WordClass : uint32_t {
  kWcNumberWord = 1u << 0,     // million, percent, dozen, twenty
  kWcPercent = 1u << 1,        // percent, per cent, %
  kWcMoney = 1u << 2,          // dollars, euros, budget
  kWcComparative = 1u << 3,    // more, fewer, higher, than
  kWcSuperlative = 1u << 4,    // most, largest, biggest, record
  kWcChange = 1u << 5,         // rose, fell, doubled, increased
  kWcCause = 1u << 6,          // because, caused, due, led
  kWcFuture = 1u << 7,         // will, expected, forecast, plans
  kWcModal = 1u << 8,          // could, might, may, should
  kWcPolicy = 1u << 9,         // law, bill, policy, tax, sanctions
  kWcPastAction = 1u << 10,    // took, seized, recaptured, killed
  kWcSpeech = 1u << 12,        // said, told, announced, tweeted
  kWcHedge = 1u << 13,         // reportedly, allegedly, unverified
  kWcFirstPerson = 1u << 14,   // i, we, our
  kWcSecondPerson = 1u << 15,  // you, your
  kWcOpinion = 1u << 16,       // think, believe, great, terrible
  kWcGreeting = 1u << 17,      // thank, hello, welcome
};

// The words the Claims stage's fact rules (claims.cc) name one by one, as
// ids, so that the rules compare a byte instead of strings. Words the rules
// treat alike share an id.
enum FactWord : uint8_t {
  kFwNone = 0,
  kFwOne,                // one
  kFwMonth,              // january .. december, jan feb mar apr jun jul aug sept oct, with or
                         // without a final period
  kFwCount,              // hundred(s) thousand(s) million(s) billion(s) trillion percent
                         // percentage two .. ten dozen(s) half
  kFwThan,               // than
  kFwMoreLess,           // more less fewer
  kFwTwiceLonger,        // twice longer
  kFwSuperlativeNot,     // first only ever top
  kFwMostLeast,          // most least
  kFwOf,                 // of
  kFwFrom,               // from
  kFwTo,                 // to
  kFwIn,                 // in
  kFwA,                  // a
  kFwChangeNot,          // since anymore reduce
  kFwLostCutRaised,      // lost cut raised
  kFwCause,              // because therefore hence caused causes causing triggered sparked
                         // prompted fueled fuelled blamed
  kFwCauseTo,            // due thanks led leading leads
  kFwResult,             // result resulted results
  kFwWill,               // will won't shall, and any word of 4+ bytes ending in 'll
  kFwGoing,              // going
  kFwPredict,            // expect expected expects forecast forecasts predicted predicts
                         // projected likely
  kFwPlanTo,             // plans intends aims
  kFwBill,               // bill
  kFwWeakPolicy,         // act program programs vote votes
  kFwPassedSignedVoted,  // passed signed voted
  kFwDeclined,           // declined
  kFwAccording,          // according
  kFwVerified,           // verified confirmed
  kFwNot,                // not cannot couldn't can't unable
  kFwSaid,               // said believed thought rumored
  kFwBe,                 // is are was were
};

// The fact words a rule of the Claims stage (claims.cc) reads on their own
// token when it has no word class; the others ("to", "of", "in", "a", "is",
// "not", months ...) are read only as a neighbour's, or with a class.
constexpr uint64_t kFactWordsReadAlone = 1ull << kFwThan | 1ull << kFwMostLeast | 1ull << kFwFrom |
                                         1ull << kFwCause | 1ull << kFwCauseTo | 1ull << kFwResult |
                                         1ull << kFwWill | 1ull << kFwGoing | 1ull << kFwPredict |
                                         1ull << kFwPlanTo | 1ull << kFwVerified | 1ull << kFwSaid;

// The word classes of one folded word (0 when none).
uint32_t WordClasses(std::string_view folded);

// WordClasses(folded), and in *fact the word's FactWord (kFwNone when none),
// from one look-up.
uint32_t WordClasses(std::string_view folded, FactWord* fact);

// Lower-cases ASCII letters and turns ’ into ' (for lexicon lookups).
std::string FoldWord(std::string_view word);

// Per-token entity types (OntoNotes names) from `entities`, or nullptr
// entries where no mention covers a token. O(tokens + mentions).
std::vector<const char*> TokenEntityTypes(const Document& doc, const std::vector<Entity>& entities);

// What the Claims stage reads of each token, computed once per token so that
// the features, the rules and the reasons do not fold, classify and hash the
// same word again and again. It covers a window of the document's tokens at
// a time (a sentence, in FindClaims), so its memory is that of the longest
// window, not of the document; index i describes doc.tokens[i] and must lie
// in the window. The folded words are views into this object, so it is
// neither copied nor moved.
class ClaimTokens {
 public:
  // Covers the whole document.
  ClaimTokens(const Document& doc, const std::vector<Entity>& entities);
  // Covers nothing until Cover is called. `by_start`, when given, must be
  // every mention of `entities` sorted by start (FindQuotes' list; it must
  // outlive this object): read in place of a sorted copy of its own.
  struct Empty {};
  ClaimTokens(const Document& doc, const std::vector<Entity>& entities, Empty,
              const std::vector<MentionSpan>* by_start = nullptr);
  ClaimTokens(const ClaimTokens&) = delete;
  ClaimTokens& operator=(const ClaimTokens&) = delete;

  // Covers tokens [begin, end) instead of the previous window. O(end - begin
  // + the mentions that reach into it) when windows come in text order.
  void Cover(uint32_t begin, uint32_t end);

  // FoldWord of the token's text (the Document's folded word).
  std::string_view folded(uint32_t i) const { return doc_.Folded(i); }
  // The token as the model sees it: numbers by shape ("<year>"), else folded.
  std::string_view norm(uint32_t i) const;
  // WordClasses(folded(i)).
  uint32_t classes(uint32_t i) const { return word_classes(doc_.word[i]); }
  // The FactWord of folded(i); kFwNone for punctuation and quote marks.
  FactWord fact(uint32_t i) const { return word_fact(doc_.word[i]); }
  // The hash of the unigram feature of norm(i).
  uint32_t unigram(uint32_t i) const { return word_unigram(doc_.word[i]); }
  // The FNV state after "b:" + norm(i) + " ": a bigram's hash is the next
  // token's norm hashed from it, so each norm is hashed once as the left word.
  uint32_t bigram_left(uint32_t i) const { return word_bigram_left(doc_.word[i]); }
  // The same by Document word id (doc.word[i]), for a token in the window.
  uint32_t word_classes(uint32_t w) const { return words_[w].classes_fact & kClassBits; }
  // word_classes(w) with other bits above kClassBits: a union of these
  // holds the classes' union in its low bits (the feature loop ORs every
  // word's, then visits the set class bits: no mask a word).
  uint32_t word_classes_and_more(uint32_t w) const { return words_[w].classes_fact; }
  FactWord word_fact(uint32_t w) const {
    return static_cast<FactWord>((words_[w].classes_fact >> 24) & 0x7F);
  }
  // 1 when a fact rule reads the word's tokens by their word alone (a
  // number or a symbol, or a word with classes or a fact word in
  // kFactWordsReadAlone), else 0; a token with an entity of a figure's type
  // is read too (FigureEntity).
  uint32_t word_read(uint32_t w) const { return words_[w].classes_fact >> 31; }
  // A word's classes are in the low kClassBits of its facts; above them a
  // function word's kFunction (function_word), and for punctuation what the
  // feature loop and the clause split read of its text: a "?" or a "!" in
  // it, a mark whose bigram is kept ("," "-" ":"), ";" and ",".
  // (Bit 11 is no class: no word has it.) "?" and "!" come right after
  // the classes, in the order of their features (Featurize).
  static constexpr uint32_t kClassBits = 0x3F7FF;
  static constexpr uint32_t kQuestionMark = 1u << 18;
  static constexpr uint32_t kExclamation = 1u << 19;
  static constexpr uint32_t kKeptMark = 1u << 20;
  static constexpr uint32_t kSemicolon = 1u << 21;  // ";"
  static constexpr uint32_t kComma = 1u << 22;      // ","
  static constexpr uint32_t kFunction = 1u << 23;
  // Whether token i's word is too common to explain anything to a reader
  // ("that", "with", "would", "said": the wording of a claim's reasons
  // skips it).
  bool function_word(uint32_t i) const {
    return (words_[doc_.word[i]].classes_fact & kFunction) != 0;
  }
  uint32_t word_unigram(uint32_t w) const { return words_[w].unigram; }
  uint32_t word_bigram_left(uint32_t w) const { return words_[w].bigram_left; }
  // What the stage reads of an entity's type, computed once per entity when
  // constructed, not once per clause or token that reads it: the hash of its
  // "ent:" feature (the features hashed the type of every run of an entity's
  // tokens in every clause) and what the fact rules and HasName compared the
  // type's string with (kinds).
  struct EntityFacts {
    uint32_t type_hash;  // HashFeature(type, HashFeature("ent:"))
    uint32_t kinds;      // kEntity* bits
  };
  static constexpr uint32_t kEntityQuantity = 1;  // MONEY, PERCENT, QUANTITY
  static constexpr uint32_t kEntityCardinal = 2;  // CARDINAL
  // Names: not DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT nor QUANTITY.
  static constexpr uint32_t kEntityName = 4;
  // 1 for the EntityFacts of an entity of a figure's type (kEntityQuantity
  // or kEntityCardinal), else 0 (none, a name, a date, an ordinal): a fact
  // rule reads a token by its entity only for those (the others' tokens,
  // names most, have nothing a rule reads but their word).
  static uint32_t FigureEntity(const EntityFacts* e) {
    return e != nullptr && (e->kinds & (kEntityQuantity | kEntityCardinal)) != 0;
  }
  // The EntityFacts of the last entity with a mention sharing a byte with the
  // token, or nullptr (one object an entity: two tokens have the same
  // pointer when they have the same entity).
  const EntityFacts* entity_facts(uint32_t i) const { return entity_facts_[i - begin_]; }
  // &entity_facts(i), for a token i of the window or its end: a later token
  // j's facts are the pointer's [j - i] (a loop keeps it in a register, where
  // entity_facts reloads the window's start after every store it cannot rule
  // out as one to the window).
  const EntityFacts* const* entity_facts_from(uint32_t i) const {
    return entity_facts_.data() + (i - begin_);
  }
  // The index of the last entity with a mention covering the token's start,
  // or -1.
  int entity(uint32_t i) const { return entities_at_[i - begin_]; }
  // The window's tokens [typed_begin(), typed_end()) hold every one with an
  // entity type (entity_facts not nullptr): the first such token and one past
  // the last, or an empty range (typed_begin() == typed_end()) when none.
  uint32_t typed_begin() const { return typed_begin_; }
  uint32_t typed_end() const { return typed_end_; }

 private:
  const Document& doc_;
  uint32_t begin_ = 0, end_ = 0;
  uint32_t typed_begin_ = 0, typed_end_ = 0;
  struct Active {  // a mark that reaches into the window
    uint32_t mark;
    uint32_t token;  // the first token of the window that ends past its start
    int entity;      // the mark's (what Cover orders them by)
  };

  // Per Document word id (a token's facts depend on its text only: its kind
  // does too): the FactWord, classes, unigram hash and bigram left state,
  // computed for every word when constructed, at the word's first token.
  // One entry a word, 12 bytes (the feature loop reads all of it for a
  // token: one table's start to keep, not four). Not zeroed when allocated
  // (a vector's were, then written again): the constructor writes every one.
  struct WordFacts {
    uint32_t unigram, bigram_left;
    // the classes, | kQuestionMark, kExclamation, kKeptMark (punctuation),
    // | kFunction, | the FactWord << 24, | word_read << 31
    uint32_t classes_fact;
  };
  std::unique_ptr<WordFacts[]> words_;
  std::unique_ptr<EntityFacts[]> by_entity_;  // one an entity, by index
  std::vector<const EntityFacts*> entity_facts_;
  std::vector<int> entities_at_;
  // Every mention, by start (among equal starts in any order: Cover applies
  // a window's marks by entity): *by_start, or own_marks_ sorted.
  std::vector<MentionSpan> own_marks_;
  const MentionSpan* marks_ = nullptr;
  size_t num_marks_ = 0;
  size_t next_mark_ = 0;        // the first mark not yet seen by a window
  std::vector<Active> active_;  // marks that may reach into the next window
};

// The features of tokens [begin, end) of `doc`, whose ClaimTokens are
// `tokens`. Appends to *out (cleared first). Linear in end - begin.
void ExtractClaimFeatures(const Document& doc, const ClaimTokens& tokens, uint32_t begin,
                          uint32_t end, std::vector<Feature>* out);

// What ExtractClaimFeatures counts of tokens [begin, end) before computing
// their features, with what FindClaims asks of a clause, from one pass.
struct ClauseCounts {
  uint32_t word_features = 0;  // unigrams and bigrams, "</s>" included
  uint32_t quote_marks = 0;    // tokens of kind kQuote
  uint32_t words = 0;          // tokens of kind kWord or kNumber
};
ClauseCounts CountClause(const Document& doc, uint32_t begin, uint32_t end);

// Adds a token of kind `kind` to *counts, but punctuation (false: its text
// decides, CountClausePunct); the word features: a unigram and a bigram a
// token but quote marks. Words (most tokens) are told first.
inline bool CountClauseWord(TokenKind kind, ClauseCounts* counts) {
  if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
    counts->word_features += 2;
    ++counts->words;
    return true;
  }
  if (kind == TokenKind::kPunct) return false;
  if (kind == TokenKind::kQuote) {
    ++counts->quote_marks;
  } else {
    counts->word_features += 2;  // a symbol
  }
  return true;
}
// Adds a punctuation token, its text `raw`, to *counts: a bigram for a
// kept mark (, - :).
inline void CountClausePunct(std::string_view raw, ClauseCounts* counts) {
  counts->word_features += raw.size() == 1 && (raw[0] == ',' || raw[0] == '-' || raw[0] == ':');
}

// Adds token i to *counts: CountClause(doc, begin, end) is this over
// [begin, end) from {1, 0, 0} ("</s>" is a word feature). FindClaims' clause
// split, which walks the tokens anyway, counts them with CountClauseWord and
// a mark's ClaimTokens::kKeptMark (CountClausePunct's count).
inline void CountClauseToken(const Document& doc, uint32_t i, ClauseCounts* counts) {
  const Token& t = doc.tokens[i];
  if (!CountClauseWord(t.kind, counts)) CountClausePunct(doc.Text(t), counts);
}

struct ClaimModel;

// The tokens of a range [begin, end) that the fact rules (claims.cc's
// ReadFacts) read: those of a word a rule reads alone (word_read) and those
// with an entity of a figure's type (FigureEntity), quote marks left out,
// in text order. The vector only grows: its first `reads` entries are the
// range's.
struct FactTokens {
  std::vector<uint32_t> read;
  uint32_t reads = 0;
  void Reserve(size_t n) {
    if (read.size() < n) read.resize(n);
  }
};

// Fills *out for tokens [begin, end) of `doc`, whose ClaimTokens are `tokens`.
void ListFactTokens(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                    FactTokens* out);

// What ClaimMargin gives of a range besides its margin, for the reasons
// (claims.cc's SetReasons): the word features' value; the weights of the
// features that follow the word features (the ones the reasons sum by
// family), each model.Weight(hash) * value as ExtractClaimFeatures gives
// them, summed by family in their order; and the tokens whose unigram
// weighs over 0.02 (model.Weight(unigram(i)) * word_value, as a double), in
// text order. The vector only grows: its first `weighed` entries are the
// range's.
struct MarginParts {
  float word_value = 0;
  double family_sum[static_cast<size_t>(FeatureFamily::kCount)] = {};
  std::vector<uint32_t> weighed_tokens;
  uint32_t weighed = 0;
  // The least weight (times word_value) a unigram's token is listed for.
  static constexpr double kWeighs = 0.02;
};

// model.Margin of ExtractClaimFeatures(doc, tokens, begin, end), the same
// double to the last bit, without writing the features out: they are
// weighed as they are computed. `counts` must be CountClause(doc, begin,
// end). *parts gets the MarginParts of the range (the products it sums are
// the ones the margin adds). *facts gets ListFactTokens(doc, tokens, begin,
// end), from the same walk over the tokens.
double ClaimMargin(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                   const ClauseCounts& counts, const ClaimModel& model, MarginParts* parts,
                   FactTokens* facts);

// 32-bit FNV-1a, the hash the model's feature table is indexed with.
uint32_t HashFeature(std::string_view s, uint32_t seed = 2166136261u);

}  // namespace lede

#endif  // LEDE_CLAIMS_FEATURES_H_
