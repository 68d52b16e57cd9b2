#include "claims/features.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "claims/model.h"
#include "text/hash.h"
#include "text/short_table.h"
#include "text/utf8.h"

namespace lede {
namespace {

struct ClassEntry {
  const char* words;  // space-separated
  uint32_t cls;
};

// The word lists behind WordClasses. Kept in code (not core/data) because
// the reasons and types read them by name; they are small and stable.
const ClassEntry kClasses[] = {
    {"more less fewer greater higher lower larger smaller bigger better worse cheaper "
     "faster slower stronger weaker older younger longer shorter richer poorer than "
     "compared versus vs outnumber outnumbered exceeds exceeded twice",
     kWcComparative},
    {"most least largest biggest smallest highest lowest best worst greatest fastest "
     "strongest weakest longest shortest richest poorest oldest youngest first only "
     "record unprecedented ever top",
     kWcSuperlative},
    {"rose rise rises risen rising increase increased increases increasing decrease "
     "decreased decreases decreasing fell fall falls fallen falling drop dropped drops "
     "grew grow grows grown growth doubled tripled quadrupled halved declined decline "
     "declines declining cut cuts raised lowered reduced reduce reduction soared surged "
     "plunged jumped climbed slumped gained lost shrank shrunk expanded expand "
     "tripling doubling skyrocketed spiked tumbled collapsed since anymore",
     kWcChange},
    {"because cause caused causes causing due result resulted results led lead leads "
     "leading blamed blame thanks consequence therefore hence triggered sparked "
     "prompted driven fueled fuelled responsible so",
     kWcCause},
    {"will won't wont 'll shall going expect expected expects forecast forecasts "
     "predicted predicts predict projected projection likely unlikely plan plans "
     "planned intend intends intended aim aims upcoming next soon future",
     kWcFuture},
    {"law laws bill bills act legislation legislative policy policies regulation "
     "regulations regulatory tax taxes taxed tariff tariffs treaty treaties sanctions "
     "sanction ban banned bans court courts ruling ruled constitution constitutional "
     "amendment veto vetoed passed signed budget program programs programme mandate "
     "decree referendum annexed annexation mobilization mobilisation conscription "
     "congress senate parliament vote voted votes statute illegal illegally unconstitutional "
     "medicare medicaid",
     kWcPolicy},
    {"took taken seized captured recaptured retook retaken reclaimed liberated "
     "advanced attacked struck launched killed wounded destroyed invaded occupied "
     "abandoned withdrew retreated fled shot arrested charged convicted sentenced "
     "elected appointed fired hired won lost beat defeated met visited signed "
     "approved rejected opened closed built sent delivered supplied donated paid "
     "spent raised created shut lost voted passed cut hit bombed shelled expelled "
     "annexed recognized recognised conceded declined",
     kWcPastAction},
    {"said says say saying told tell tells stated states announced announce announces "
     "claimed claims claim claiming added wrote tweeted posted insisted argued "
     "reported reports confirmed denied denies acknowledged admitted warned noted "
     "according explained testified declared",
     kWcSpeech},
    {"reportedly allegedly purportedly supposedly apparently unconfirmed unverified "
     "alleged alleges alleging rumored rumoured unsubstantiated claims claimed claiming "
     "according purported",
     kWcHedge},
    {"i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd "
     "we'll let's",
     kWcFirstPerson},
    {"you your yours yourself you're you've you'd you'll", kWcSecondPerson},
    {"think thinks thought believe believes feel feels felt guess hope hopes wish want "
     "wants love hate great wonderful terrible horrible fantastic beautiful awful "
     "amazing proud sorry frankly honestly obviously clearly really very "
     "disgrace ridiculous nonsense sad happy glad agree disagree opinion should must "
     "ought deserve deserves fair unfair right wrong good bad",
     kWcOpinion},
    {"thank thanks hello hi welcome congratulations goodnight goodbye pleasure "
     "applause laughter",
     kWcGreeting},
    {"hundred hundreds thousand thousands million millions billion billions trillion "
     "trillions percent per-cent dozen dozens half quarter third one two three four "
     "five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty "
     "thirty forty fifty sixty seventy eighty ninety percentage twofold",
     kWcNumberWord},
    {"dollar dollars euro euros pound pounds yen rubles roubles hryvnia cent cents "
     "$ € £ budget deficit debt spending revenue income wage wages salary gdp",
     kWcMoney},
    {"could would might may can should must cannot couldn't wouldn't can't maybe "
     "perhaps possibly probably",
     kWcModal},
    {"percent % per-cent percentage", kWcPercent},
};

struct FactEntry {
  const char* words;  // space-separated
  FactWord fact;
};

// The words behind FactWord (features.h); each word in one entry.
const FactEntry kFacts[] = {
    {"one", kFwOne},
    {"january february march april may june july august september october november december "
     "jan feb mar apr jun jul aug sept oct "
     "january. february. march. april. may. june. july. august. september. october. november. "
     "december. jan. feb. mar. apr. jun. jul. aug. sept. oct.",
     kFwMonth},
    {"hundred hundreds thousand thousands million millions billion billions trillion percent "
     "percentage two three four five six seven eight nine ten dozen dozens half",
     kFwCount},
    {"than", kFwThan},
    {"more less fewer", kFwMoreLess},
    {"twice longer", kFwTwiceLonger},
    {"first only ever top", kFwSuperlativeNot},
    {"most least", kFwMostLeast},
    {"of", kFwOf},
    {"from", kFwFrom},
    {"to", kFwTo},
    {"in", kFwIn},
    {"a", kFwA},
    {"since anymore reduce", kFwChangeNot},
    {"lost cut raised", kFwLostCutRaised},
    {"because therefore hence caused causes causing triggered sparked prompted fueled fuelled "
     "blamed",
     kFwCause},
    {"due thanks led leading leads", kFwCauseTo},
    {"result resulted results", kFwResult},
    {"will won't shall", kFwWill},
    {"going", kFwGoing},
    {"expect expected expects forecast forecasts predicted predicts projected likely", kFwPredict},
    {"plans intends aims", kFwPlanTo},
    {"bill", kFwBill},
    {"act program programs vote votes", kFwWeakPolicy},
    {"passed signed voted", kFwPassedSignedVoted},
    {"declined", kFwDeclined},
    {"according", kFwAccording},
    {"verified confirmed", kFwVerified},
    {"not cannot couldn't can't unable", kFwNot},
    {"said believed thought rumored", kFwSaid},
    {"is are was were", kFwBe},
};

// Words too common to explain anything to a reader: the reasons' wording
// (claims.cc's SetReasons) skips them. In the class table with the lists
// above, so that a word's entry tells it (ClaimTokens::function_word) from
// the look-up ClaimTokens makes of every word anyway.
const char kFunctionWords[] =
    "that this these those there their they them then than with from into onto over under "
    "about after before were have been being will would could should which what when where "
    "while also just some such very more most said";

// Scale of the normalized word features: small, so the dense cues (figures,
// names, comparisons) carry more weight than debate-specific wording. Chosen
// by 5-fold cross-validation on the training set (F1 0.655 unscaled -> 0.692).
constexpr float kWordScale = 0.5f;

// The FNV-1a state after "u:": a unigram feature's hash is its norm hashed
// from it.
constexpr uint32_t kUnigramSeed = (((2166136261u ^ 'u') * 16777619u) ^ ':') * 16777619u;

// The word lists (classes and fact words) in one table (open addressing,
// linear probing, at most a quarter full): a word not listed (most words)
// usually stops at the first empty slot. Its key is a word's unigram hash,
// HashFeature(word, kUnigramSeed), which ClaimTokens computes of every word
// for the model anyway: its look-ups hash nothing more (a hash of their own
// was a tenth of ClaimTokens' constructor).
class ClassTable {
 public:
  struct Entry {
    uint32_t cls = 0;  // the classes, | ClaimTokens::kFunction for kFunctionWords
    FactWord fact = kFwNone;
  };

  // Filled in place (Insert), sized for every listed word: a std::unordered_map
  // gathered first, then copied into the table, cost 0.42 M instructions at
  // first use (p35), ten times this.
  ClassTable() {
    size_t listed = 0;
    for (const ClassEntry& e : kClasses) ForEachWord(e.words, [&](std::string_view) { ++listed; });
    for (const FactEntry& e : kFacts) ForEachWord(e.words, [&](std::string_view) { ++listed; });
    ForEachWord(kFunctionWords, [&](std::string_view) { ++listed; });
    const size_t size = SlotsFor(listed);  // a power of two, at least 16
    shift_ = 32 - __builtin_ctzll(size);
    slots_.resize(size);
    mask_ = size - 1;
    for (const ClassEntry& e : kClasses) {
      ForEachWord(e.words, [&](std::string_view w) { Insert(w)->cls |= e.cls; });
    }
    for (const FactEntry& e : kFacts) {
      ForEachWord(e.words, [&](std::string_view w) { Insert(w)->fact = e.fact; });
    }
    ForEachWord(kFunctionWords,
                [&](std::string_view w) { Insert(w)->cls |= ClaimTokens::kFunction; });
  }

  // The table's key of a word.
  static uint32_t Hash(std::string_view w) { return HashFeature(w, kUnigramSeed); }

  // The classes and fact word of a listed word; none for any other. `hash`
  // must be Hash(w).
  Entry Find(std::string_view w, uint32_t hash) const {
    for (size_t i = Index(hash);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key.empty()) return Entry{};
      if (s.hash == hash && s.key == w) return s.entry;
    }
  }
  Entry Find(std::string_view w) const { return Find(w, Hash(w)); }

 private:
  struct Slot {
    std::string_view key;  // empty: a free slot
    uint32_t hash = 0;
    Entry entry;
  };
  // The slot from the hash's high bits (Fibonacci hashing): FNV-1a's low
  // bits depend only on the low bits of the bytes.
  size_t Index(uint32_t hash) const { return (hash * 0x9E3779B1u) >> shift_; }
  // The entry of a listed word, added empty if new (the table never grows:
  // it is sized for every listed word).
  Entry* Insert(std::string_view w) {
    const uint32_t hash = Hash(w);
    size_t i = Index(hash);
    while (!slots_[i].key.empty() && slots_[i].key != w) i = (i + 1) & mask_;
    slots_[i].key = w;
    slots_[i].hash = hash;
    return &slots_[i].entry;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 0;  // 32 - log2 of the slots
};

const ClassTable& Classes() {
  static const ClassTable* const t = new ClassTable();  // immutable after init
  return *t;
}

// True when `s` ends with the literal `suffix`: a compare of a known size, so
// the compiler inlines it (a string_view compare was a call).
template <size_t N>
bool EndsWith(std::string_view s, const char (&suffix)[N]) {
  constexpr size_t n = N - 1;
  return s.size() >= n && std::memcmp(s.data() + s.size() - n, suffix, n) == 0;
}

// A number as the model sees it: by shape, not by value.
const char* NumberShape(std::string_view raw) {
  bool year = raw.size() == 4 && (raw[0] == '1' || raw[0] == '2') &&
              raw.find_first_not_of("0123456789") == std::string_view::npos;
  if (year) return "<year>";
  if (raw.find('.') != std::string_view::npos) return "<decimal>";
  char last = raw.back();
  if ((last | 0x20) >= 'a' && (last | 0x20) <= 'z') return "<ordinal>";  // 14th, 2nd
  return raw.size() <= 2 ? "<num-small>" : "<num>";
}

void AddHash(std::vector<Feature>* out, uint32_t hash, FeatureFamily family, float value = 1,
             uint32_t token = 0) {
  Feature f;
  f.hash = hash;
  f.value = value;
  f.family = family;
  f.token = token;
  out->push_back(f);
}

// HashFeature of a feature's name, for names known when compiling: the
// compiler hashes them (via kNamed below), not every sentence.
constexpr uint32_t NameHash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}
template <uint32_t kHash>
constexpr uint32_t kNamed = kHash;
static_assert(kUnigramSeed == NameHash("u:"), "the FNV-1a state after \"u:\"");

template <typename T>
T Bucket(size_t n, const size_t* edges, const T* names, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (n < edges[i]) return names[i];
  }
  return names[count];
}

// Calls step(byte) for the bytes of `s` in order: four a round while more
// than eight are left, then the last 0 to 8 by a jump into a run of eight
// calls (a switch whose cases fall through), entered at the first byte
// left. For the words of a few bytes that most tokens are: no round's
// count, compare and branch, nor tests of the count for the last 0 to 3
// bytes (about an instruction a hash more than the jump's range test and
// table load). The feature loop's bigram hash takes its bytes so; HashNorm
// keeps its rounds and tests (through this, its two hashes a byte cost 41 K
// more in p35, and a switch of its own, 11 K less, would repeat this one).
template <typename Step>
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline void
ForEachByte(std::string_view s, Step step) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (; n > 8; p += 4, n -= 4) {
    step(p[0]);
    step(p[1]);
    step(p[2]);
    step(p[3]);
  }
  const unsigned char* const e = p + n;  // the last n bytes: e[-n] .. e[-1]
  switch (n) {
    case 8:
      step(e[-8]);
      [[fallthrough]];
    case 7:
      step(e[-7]);
      [[fallthrough]];
    case 6:
      step(e[-6]);
      [[fallthrough]];
    case 5:
      step(e[-5]);
      [[fallthrough]];
    case 4:
      step(e[-4]);
      [[fallthrough]];
    case 3:
      step(e[-3]);
      [[fallthrough]];
    case 2:
      step(e[-2]);
      [[fallthrough]];
    case 1:
      step(e[-1]);
      [[fallthrough]];
    default:  // 0
      break;
  }
}

// FNV-1a over the first n - n % 4 bytes, four bytes a round (the same steps
// in the same order): a word is hashed several times per sentence, and the
// loop's own count and test were half of its instructions. HashFeature and
// the feature loop's HashBytes differ only in how they take the last 0 to 3.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline size_t
HashQuads(const unsigned char* p, size_t n, uint32_t* hash) {
  uint32_t h = *hash;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    h = (h ^ p[i]) * 16777619u;
    h = (h ^ p[i + 1]) * 16777619u;
    h = (h ^ p[i + 2]) * 16777619u;
    h = (h ^ p[i + 3]) * 16777619u;
  }
  *hash = h;
  return i;  // the first byte not hashed
}

}  // namespace

uint32_t HashFeature(std::string_view s, uint32_t seed) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  uint32_t h = seed;
  for (size_t i = HashQuads(p, n, &h); i < n; ++i) h = (h ^ p[i]) * 16777619u;
  return h;
}

std::string FoldWord(std::string_view word) { return Fold(word); }

namespace {
// True when `s` holds a "-": four bytes at a time (two overlapping loads
// for 4 to 8 bytes), inline, with no load past its end. A word's find('-')
// (a memchr call through char_traits) was about 0.45 M of p35, for words
// of a few bytes that almost never hold one.
inline bool HasDash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  constexpr uint32_t kOnes = 0x01010101u, kDashes = kOnes * '-';
  // A byte of v is '-' when a byte of v ^ kDashes is 0 (exact as a test).
  auto dash = [](uint32_t v) {
    v ^= kDashes;
    return ((v - kOnes) & ~v & 0x80808080u) != 0;
  };
  for (; n > 8; p += 4, n -= 4) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    if (dash(v)) return true;
  }
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return dash(a) || dash(b);
  }
  for (size_t i = 0; i < n; ++i) {
    if (p[i] == '-') return true;
  }
  return false;
}

// What the feature loop reads of a punctuation mark's text (0 for a quote
// mark): ClaimTokens::kQuestionMark for a "?" in it, kExclamation for a
// "!", kKeptMark for "," "-" ":" (the marks whose bigram is kept). Out of
// line: a few distinct words a text.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
uint32_t
PunctFacts(TokenKind kind, std::string_view raw) {
  if (kind != TokenKind::kPunct) return 0;
  uint32_t bits = 0;
  for (const char c : raw) {
    if (c == '?') bits |= ClaimTokens::kQuestionMark;
    if (c == '!') bits |= ClaimTokens::kExclamation;
  }
  if (raw == "," || raw == "-" || raw == ":") bits |= ClaimTokens::kKeptMark;
  if (raw == ",") bits |= ClaimTokens::kComma;
  if (raw == ";") bits |= ClaimTokens::kSemicolon;
  return bits;
}

// WordClasses with the table at hand: inline in ClaimTokens' loop over the
// document's words (the table's guard and the call were a sixth of it; as a
// call, its saving and restoring of registers a fifth of the rest).
// The classes, | ClaimTokens::kFunction for a function word.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline uint32_t
ClassesOf(const ClassTable& t, std::string_view folded, uint32_t hash, FactWord* fact) {
  const ClassTable::Entry entry = t.Find(folded, hash);
  const uint32_t listed = entry.cls & ClaimTokens::kClassBits;
  uint32_t cls = entry.cls;
  // Regular superlatives and comparatives the lists miss ("deadliest").
  if (folded.size() > 5 && EndsWith(folded, "iest")) cls |= kWcSuperlative;
  // "forty-three", "twenty-five": a number word.
  if (listed == 0 && HasDash(folded)) {
    size_t dash = folded.find('-');
    if (dash != std::string_view::npos && dash > 0 &&
        (t.Find(folded.substr(0, dash)).cls & kWcNumberWord)) {
      cls |= kWcNumberWord;
    }
  }
  *fact = entry.fact;
  // "we'll", "it'll": a future as "will" is.
  if (*fact == kFwNone && folded.size() > 3 && EndsWith(folded, "'ll")) *fact = kFwWill;
  return cls;
}
}  // namespace

uint32_t WordClasses(std::string_view folded, FactWord* fact) {
  return ClassesOf(Classes(), folded, ClassTable::Hash(folded), fact) & ClaimTokens::kClassBits;
}

uint32_t WordClasses(std::string_view folded) {
  FactWord fact;
  return WordClasses(folded, &fact);
}

std::vector<const char*> TokenEntityTypes(const Document& doc,
                                          const std::vector<Entity>& entities) {
  std::vector<const char*> types(doc.tokens.size(), nullptr);
  // Every token that shares a byte with a mention takes its entity's type
  // (the last one wins). Tokens are sorted and disjoint: a binary search
  // finds the first token ending after the mention starts.
  auto ends_before = [](const Token& t, uint32_t byte) { return t.span.end <= byte; };
  for (const Entity& e : entities) {
    for (const Mention& m : e.mentions) {
      auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), m.span.start, ends_before);
      for (; it != doc.tokens.end() && it->span.start < m.span.end; ++it) {
        if (it->span.start < it->span.end) types[it - doc.tokens.begin()] = e.type.c_str();
      }
    }
  }
  return types;
}

ClaimTokens::ClaimTokens(const Document& doc, const std::vector<Entity>& entities)
    : ClaimTokens(doc, entities, Empty{}) {
  Cover(0, static_cast<uint32_t>(doc.tokens.size()));
}

namespace {
// The FNV state after "b:" + norm + " " (bigram_seed: the state after "b:").
inline uint32_t BigramLeft(std::string_view norm, uint32_t bigram_seed) {
  return HashFeature(" ", HashFeature(norm, bigram_seed));
}

// HashFeature(norm, unigram_seed) in *unigram and BigramLeft(norm,
// bigram_seed) in *bigram_left, from one pass over the bytes: four bytes a
// round, the last 0 to 3 by a test of n & 2 and one of n & 1 (two bytes a
// round, with a test for the last one, spent a fifth more on the loop's
// count, compare and branch).
inline void HashNorm(std::string_view norm, uint32_t unigram_seed, uint32_t bigram_seed,
                     uint32_t* unigram, uint32_t* bigram_left) {
  uint32_t u = unigram_seed, b = bigram_seed;
  const auto* p = reinterpret_cast<const unsigned char*>(norm.data());
  const size_t n = norm.size();
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    u = (u ^ p[i]) * 16777619u;
    b = (b ^ p[i]) * 16777619u;
    u = (u ^ p[i + 1]) * 16777619u;
    b = (b ^ p[i + 1]) * 16777619u;
    u = (u ^ p[i + 2]) * 16777619u;
    b = (b ^ p[i + 2]) * 16777619u;
    u = (u ^ p[i + 3]) * 16777619u;
    b = (b ^ p[i + 3]) * 16777619u;
  }
  if (n & 2) {
    u = (u ^ p[i]) * 16777619u;
    b = (b ^ p[i]) * 16777619u;
    u = (u ^ p[i + 1]) * 16777619u;
    b = (b ^ p[i + 1]) * 16777619u;
    i += 2;
  }
  if (n & 1) {
    u = (u ^ p[i]) * 16777619u;
    b = (b ^ p[i]) * 16777619u;
  }
  *unigram = u;
  *bigram_left = (b ^ static_cast<unsigned char>(' ')) * 16777619u;
}
}  // namespace

ClaimTokens::ClaimTokens(const Document& doc, const std::vector<Entity>& entities, Empty,
                         const std::vector<MentionSpan>* by_start)
    : doc_(doc), words_(new WordFacts[doc.words()]), by_entity_(new EntityFacts[entities.size()]) {
  // What the stage reads of each distinct word, once, from the word's first
  // token (Document::word_token): in one loop over the words, not in a test
  // of every token of every window for a word not seen yet.
  // Hashed piecewise: FNV over "u:" + norm equals FNV over norm seeded with
  // the state after "u:", without building the string.
  static const uint32_t kBigramSeed = HashFeature("b:");
  const ClassTable& classes = Classes();
  const uint32_t words = doc.words();
  for (uint32_t w = 0; w < words; ++w) {
    const uint32_t i = doc.word_token[w];
    // A token's kind is a function of its text (numbers start with a digit,
    // URLs with http:// or www., which no word does; punctuation, quote marks
    // and other symbols are told apart by their first character).
    // Punctuation and quote marks are none of the listed words (letters and
    // $ € £ %) nor end in "iest": their classes are 0, their FactWord none.
    const Token& t = doc.tokens[i];
    const bool marks = t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote;
    const std::string_view folded = doc.FoldedWord(w);
    // norm(i), with the token and its folded word at hand.
    const bool number = t.kind == TokenKind::kNumber;
    const std::string_view norm = number ? NumberShape(doc.Text(t)) : folded;
    uint32_t unigram, bigram_left;
    HashNorm(norm, kUnigramSeed, kBigramSeed, &unigram, &bigram_left);
    // The class table's key is the unigram hash of the folded word: the
    // norm's but for a number's (its norm is its shape).
    FactWord fact = kFwNone;
    // The classes | kFunction; a punctuation mark's PunctFacts.
    const uint32_t cls_function =
        marks ? PunctFacts(t.kind, doc.Text(t))
              : ClassesOf(classes, folded, number ? ClassTable::Hash(folded) : unigram, &fact);
    const uint32_t cls = cls_function & kClassBits;
    // Whether a fact rule reads the word's tokens (ReadFacts' test, by kind):
    // a word with classes or a fact word it reads alone, a number or a
    // symbol; not punctuation nor a quote mark (no classes, no fact word).
    constexpr uint32_t kReadKinds =
        1u << static_cast<int>(TokenKind::kNumber) | 1u << static_cast<int>(TokenKind::kSymbol);
    const uint32_t read = static_cast<uint32_t>(cls != 0) |
                          static_cast<uint32_t>((kFactWordsReadAlone >> fact) & 1) |
                          ((kReadKinds >> static_cast<int>(t.kind)) & 1);
    static_assert(kWcGreeting <= kClassBits && kFwBe < 0x80,
                  "classes, kFunction and FactWord in 31 bits");
    words_[w] = WordFacts{unigram, bigram_left,
                          cls_function | static_cast<uint32_t>(fact) << 24 | read << 31};
  }

  // Each entity's type: its feature's hash and kinds, once an entity (the
  // features hashed it again for every run of the entity's tokens in every
  // clause, and the rules compared its string for every token). One object
  // an entity, as its type string was: two entities' runs of tokens are told
  // apart by their EntityFacts' addresses, as they were by their strings'.
  static const uint32_t kEntitySeed = HashFeature("ent:");
  for (size_t e = 0; e < entities.size(); ++e) {
    const std::string_view type = entities[e].type;
    uint32_t kinds = 0;
    if (type == "MONEY" || type == "PERCENT" || type == "QUANTITY") {
      kinds = kEntityQuantity;
    } else if (type == "CARDINAL") {
      kinds = kEntityCardinal;
    } else if (type != "DATE" && type != "TIME" && type != "ORDINAL") {
      kinds = kEntityName;
    }
    by_entity_[e] = EntityFacts{HashFeature(type, kEntitySeed), kinds};
  }

  // The mentions by start: the Quotes stage's list (FindClaims), or a copy
  // of the exact size sorted in place, so that no doubling nor sort buffer
  // raises the stage's memory peak (a long text has tens of thousands of
  // mentions). The order among equal starts does not matter (Cover).
  if (by_start != nullptr) {
    marks_ = by_start->data();
    num_marks_ = by_start->size();
    return;
  }
  size_t mentions = 0;
  for (const Entity& e : entities) mentions += e.mentions.size();
  own_marks_.reserve(mentions);
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const Mention& m : entities[e].mentions) {
      own_marks_.push_back({m.span.start, m.span.end, static_cast<int>(e)});
    }
  }
  std::sort(own_marks_.begin(), own_marks_.end(),
            [](const MentionSpan& a, const MentionSpan& b) { return a.start < b.start; });
  marks_ = own_marks_.data();
  num_marks_ = own_marks_.size();
}

std::string_view ClaimTokens::norm(uint32_t i) const {
  const Token& t = doc_.tokens[i];
  return t.kind == TokenKind::kNumber ? NumberShape(doc_.Text(t)) : doc_.Folded(i);
}

void ClaimTokens::Cover(uint32_t begin, uint32_t end) {
  const Token* const tokens = doc_.tokens.data();
  if (begin < begin_) {  // back in the text: the sweep over the mentions restarts
    next_mark_ = 0;
    active_.clear();
  }
  // The entities over the window's tokens, from the mentions that reach
  // into its bytes [first, last), applied in the order of entities so that
  // the last one wins, as in TokenEntityTypes (which applies them in the
  // order of entities and their mentions: two mentions of one entity write
  // the same type and entity, so their own order does not matter). The vectors
  // only grow: the window's first n entries are its tokens'. Every entry is
  // nullptr and -1 but the last window's typed range (its tokens given an
  // entity are all in it): that range is cleared, not the whole window (most
  // sentences have few typed tokens or none), and entries past the longest
  // window yet are made so as the vectors grow.
  std::fill(entity_facts_.data() + (typed_begin_ - begin_),
            entity_facts_.data() + (typed_end_ - begin_), nullptr);
  std::fill(entities_at_.data() + (typed_begin_ - begin_),
            entities_at_.data() + (typed_end_ - begin_), -1);
  begin_ = begin;
  end_ = end;
  const size_t n = end - begin;
  if (entity_facts_.size() < n) {
    entity_facts_.resize(n, nullptr);
    entities_at_.resize(n, -1);
  }
  typed_begin_ = typed_end_ = begin;  // none yet
  if (n == 0) return;
  const uint32_t first = tokens[begin].span.start, last = tokens[end - 1].span.end;
  // Each mention's tokens here start at the first token of the window that
  // ends past the mention's start (a token is never empty: Tokenize always
  // advances). One that reached into an earlier window starts before this
  // one (windows come in text order), so at its first token.
  auto ends_before = [](const Token& t, uint32_t byte) { return t.span.end <= byte; };
  size_t kept = 0;
  for (const Active& a : active_) {
    const MentionSpan& m = marks_[a.mark];
    if (m.end <= first) continue;
    const uint32_t at =
        m.start < first
            ? begin
            : static_cast<uint32_t>(
                  std::lower_bound(tokens + begin, tokens + end, m.start, ends_before) - tokens);
    active_[kept++] = {a.mark, at, a.entity};
  }
  active_.resize(kept);
  // The mentions new to this window come by start: one walk forward over
  // the window finds their first tokens (a binary search for each, twice,
  // was a fifth of Cover).
  uint32_t at = begin;
  while (next_mark_ < num_marks_ && marks_[next_mark_].start < last) {
    const MentionSpan& m = marks_[next_mark_];
    if (m.end > first) {
      // Four tokens a step while the fourth ends before the mention (the
      // tokens' ends increase: so do the three before it), then one.
      while (end - at >= 4 && tokens[at + 3].span.end <= m.start) at += 4;
      while (at < end && tokens[at].span.end <= m.start) ++at;
      active_.push_back({static_cast<uint32_t>(next_mark_), at, m.entity});
    }
    ++next_mark_;
  }
  // By entity (kept in each Active: the comparisons through the marks were
  // most of the sort), by insertion for the few marks of most windows
  // (std::sort's calls cost more than its work there).
  Active* const act = active_.data();
  if (active_.size() > 16) {
    std::sort(act, act + active_.size(),
              [](const Active& a, const Active& b) { return a.entity < b.entity; });
  } else {
    for (size_t k = 1; k < active_.size(); ++k) {
      const Active a = act[k];
      size_t j = k;
      for (; j > 0 && a.entity < act[j - 1].entity; --j) act[j] = act[j - 1];
      act[j] = a;
    }
  }
  // The typed tokens' range, from the tokens given a type.
  uint32_t typed_begin = end, typed_end = begin;
  for (const Active& a : active_) {
    const MentionSpan& m = marks_[a.mark];
    const EntityFacts* const type = &by_entity_[a.entity];
    uint32_t i = a.token;
    // Every token that shares a byte with the mention takes its type; a
    // first one that starts before the mention, only that.
    if (i < end && tokens[i].span.start < m.start) {
      if (tokens[i].span.start < m.end) {
        entity_facts_[i - begin] = type;
        typed_begin = std::min(typed_begin, i);
        typed_end = std::max(typed_end, i + 1);
      }
      ++i;
    }
    // Every token that starts inside the mention takes its type and entity.
    const uint32_t from = i;
    for (; i < end && tokens[i].span.start < m.end; ++i) {
      entity_facts_[i - begin] = type;
      entities_at_[i - begin] = a.entity;
    }
    if (i > from) {
      typed_begin = std::min(typed_begin, from);
      typed_end = std::max(typed_end, i);
    }
  }
  if (typed_begin < typed_end) {
    typed_begin_ = typed_begin;
    typed_end_ = typed_end;
  }
}

namespace {

// HashFeature for the feature loop's bigrams (a hash a word token), inline,
// its bytes by ForEachByte.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline uint32_t
HashBytes(std::string_view s, uint32_t seed) {
  uint32_t h = seed;
  ForEachByte(s, [&h](unsigned char c) { h = (h ^ c) * 16777619u; });
  return h;
}

// Where Featurize puts the features it computes, in order: Begin with the
// word features' value (known before them: their count is), then the bias,
// the word features and the others. ExtractClaimFeatures' sink writes them
// out; ClaimMargin's weighs them as they come.
struct FeatureWriter {
  std::vector<Feature>* out;
  Feature* put = nullptr;
  size_t count = 0;
  float word_value = 0;

  // Room for the bias, at most two word features a token and "</s>",
  // written into before the loop (a resize over the last call's features,
  // which initializes only the elements past them), not by a push_back each,
  // whose capacity test and size update were a third of the loop.
  void Begin(size_t tokens, float value) {
    const size_t room = 2 + 2 * tokens;
    if (out->size() < room) out->resize(room);
    put = out->data();
    count = 0;
    word_value = value;
  }
  void Bias(uint32_t hash) { put[count++] = Feature{hash, 1, FeatureFamily::kBias, 0}; }
  void Word(uint32_t hash, uint32_t token) {
    put[count++] = Feature{hash, word_value, FeatureFamily::kWord, token};
  }
  void Unigram(uint32_t hash, uint32_t token) { Word(hash, token); }
  static constexpr bool kFacts = false;    // no FactTokens listed
  void EndWords() { out->resize(count); }  // cut to size
  void Other(uint32_t hash, FeatureFamily family, float value = 1) {
    AddHash(out, hash, family, value);
  }
};

// ClaimModel::Margin of the features as they come, for a model with
// quantized weights: the same products ((q * scale) * value, in float, q *
// scale from ClaimModel::scaled) added to the same double in the same order. The products of the
// features after the words are summed by family too, and the tokens whose unigram's product is over
// MarginParts::kWeighs listed (MarginParts). Featurize lists the range's FactTokens in *facts too
// (kFacts).
struct MarginSink {
  const uint8_t* q;     // the quantized weights' bytes
  const float* scaled;  // ClaimModel::scaled: a weight's float by its byte
  uint32_t mask;
  double margin;
  MarginParts* parts;
  FactTokens* facts;
  float word_value = 0;
  uint32_t* weighed = nullptr;  // parts->weighed_tokens' entries
  uint32_t num_weighed = 0;
  static constexpr bool kFacts = true;

  void Begin(size_t tokens, float value) {
    word_value = value;
    if (parts->weighed_tokens.size() < tokens) parts->weighed_tokens.resize(tokens);
    weighed = parts->weighed_tokens.data();
    num_weighed = 0;
    for (double& sum : parts->family_sum) sum = 0;
  }
  void Bias(uint32_t) {}  // in margin from the start, as Margin does
  void Word(uint32_t hash, uint32_t) { margin += scaled[q[hash & mask]] * word_value; }
  // A token's unigram (one a token, but punctuation's and quote marks').
  void Unigram(uint32_t hash, uint32_t token) {
    const double product = scaled[q[hash & mask]] * word_value;
    margin += product;
    if (product > MarginParts::kWeighs) weighed[num_weighed++] = token;
  }
  void EndWords() {}
  void Other(uint32_t hash, FeatureFamily family, float value = 1) {
    const double product = scaled[q[hash & mask]] * value;
    margin += product;
    parts->family_sum[static_cast<size_t>(family)] += product;
  }
};

// The "-ed" past action's bit in Featurize's `fired` (no word class has it).
constexpr uint32_t kPastEd = 1u << 11;

// The class features by their bit in Featurize's `fired` (WordClass's bits,
// kPastEd, ClaimTokens::kQuestionMark and kExclamation): the order their
// products are added in.
struct ClassFeature {
  uint32_t hash;
  FeatureFamily family;
};
constexpr ClassFeature kClassFeatures[] = {
    {NameHash("number-word"), FeatureFamily::kFigure},      // kWcNumberWord
    {NameHash("percent"), FeatureFamily::kFigure},          // kWcPercent, "%"
    {NameHash("money"), FeatureFamily::kFigure},            // kWcMoney, "$" ...
    {NameHash("comparative"), FeatureFamily::kCompare},     // kWcComparative
    {NameHash("superlative"), FeatureFamily::kCompare},     // kWcSuperlative
    {NameHash("change"), FeatureFamily::kChange},           // kWcChange
    {NameHash("cause"), FeatureFamily::kCause},             // kWcCause
    {NameHash("future"), FeatureFamily::kFuture},           // kWcFuture
    {NameHash("modal"), FeatureFamily::kFuture},            // kWcModal
    {NameHash("policy"), FeatureFamily::kPolicy},           // kWcPolicy
    {NameHash("past-action"), FeatureFamily::kPast},        // kWcPastAction
    {NameHash("past-ed"), FeatureFamily::kPast},            // kPastEd
    {NameHash("speech"), FeatureFamily::kAttribution},      // kWcSpeech
    {NameHash("hedge"), FeatureFamily::kAttribution},       // kWcHedge
    {NameHash("first-person"), FeatureFamily::kPersonal},   // kWcFirstPerson
    {NameHash("second-person"), FeatureFamily::kPersonal},  // kWcSecondPerson
    {NameHash("opinion"), FeatureFamily::kPersonal},        // kWcOpinion
    {NameHash("greeting"), FeatureFamily::kPersonal},       // kWcGreeting
    {NameHash("question"), FeatureFamily::kQuestion},       // kQuestionMark
    {NameHash("exclamation"), FeatureFamily::kQuestion},    // kExclamation
};
static_assert(sizeof(kClassFeatures) / sizeof(kClassFeatures[0]) == 20, "bits 0 to 19");

// The features of tokens [begin, end), given to `sink` in order; `counts`
// are CountClause's of the range.
template <typename Sink>
void Featurize(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
               const ClauseCounts& counts, Sink* sink) {
  // Word features share one unit of weight, so long sentences do not score
  // high merely for holding many words (news prose runs longer than debate):
  // each is worth 1 / sqrt(their count), counted first so that they are
  // given with their value.
  {
    const double n = counts.word_features;
    const float v = static_cast<float>(1.0 / std::sqrt(n));
    sink->Begin(end > begin ? end - begin : 0, v * kWordScale);
  }
  sink->Bias(kNamed<NameHash("bias")>);
  // FNV state after "b:" + the previous norm + " " (first "<s>"): the
  // bigram "b:prev norm" is norm hashed from it.
  static const uint32_t kStartLeft = BigramLeft("<s>", HashFeature("b:"));
  uint32_t left = kStartLeft;
  uint32_t prev_token = begin;
  size_t numbers = 0, caps_inner = 0;
  // The union of the words' classes (with the bits above them), "?" and "!"
  // of the marks, a money or percent symbol's class and kPastEd.
  uint32_t classes = 0;
  // The range's first word: a capitalized word there is not inside the
  // clause (told by its index, not by a flag set again at every word).
  uint32_t first_word = begin;
  while (first_word < end && doc.tokens[first_word].kind != TokenKind::kWord) ++first_word;
  // entity_facts(begin + k)
  const ClaimTokens::EntityFacts* const* const types = tokens.entity_facts_from(begin);
  // The FactTokens (Sink::kFacts): written in place, counted in a local.
  uint32_t* fact_read = nullptr;
  uint32_t fact_reads = 0;
  if constexpr (Sink::kFacts) {
    sink->facts->Reserve(end > begin ? end - begin : 0);
    fact_read = sink->facts->read.data();
  }
  // By kind, words (most tokens) first: a token's text is read only for
  // punctuation, numbers and symbols.
  for (uint32_t i = begin; i < end; ++i) {
    const Token& t = doc.tokens[i];
    const TokenKind kind = t.kind;
    if (kind == TokenKind::kQuote) continue;
    const uint32_t w = doc.word[i];
    if constexpr (Sink::kFacts) {  // as ListFactTokens
      fact_read[fact_reads] = i;
      fact_reads += tokens.word_read(w) | ClaimTokens::FigureEntity(types[i - begin]);
    }
    std::string_view norm;
    if (kind == TokenKind::kWord) {
      norm = doc.FoldedWord(w);  // a word's norm is its folded text
      // Its classes, with the bits above them (FactWord, word_read): only
      // the class bits of `classes` are read, each by itself.
      classes |= tokens.word_classes_and_more(w);
      // A capitalized word inside the clause (not "I", "I'm") counts; one
      // in lower case of over 5 bytes ending in "-ed" is a past action.
      if (t.Is(kCapitalized)) {
        if (i != first_word && !t.Is(kSentenceStart) && norm != "i" && norm.substr(0, 2) != "i'") {
          ++caps_inner;
        }
      } else if (norm.size() > 5 && EndsWith(norm, "ed")) {
        classes |= kPastEd;
      }
    } else if (kind == TokenKind::kPunct) {
      // Its "?" and "!" (kQuestionMark, kExclamation: not class bits) go
      // to `classes`; only "," "-" ":" (kKeptMark) have a bigram.
      const uint32_t more = tokens.word_classes_and_more(w);
      classes |= more;
      if ((more & ClaimTokens::kKeptMark) == 0) continue;
      norm = doc.FoldedWord(w);
    } else if (kind == TokenKind::kNumber) {
      ++numbers;
      norm = NumberShape(doc.Text(t));
    } else {  // a symbol
      const std::string_view raw = doc.Text(t);
      // A money or percent symbol raises the class's feature.
      if (raw == "$" || raw == "\xE2\x82\xAC" || raw == "\xC2\xA3") classes |= kWcMoney;
      if (raw == "%") classes |= kWcPercent;
      norm = doc.FoldedWord(w);
    }
    if (kind != TokenKind::kPunct) sink->Unigram(tokens.word_unigram(w), i);
    sink->Word(HashBytes(norm, left), prev_token);
    left = tokens.word_bigram_left(w);
    prev_token = i;
  }
  sink->Word(HashFeature("</s>", left), prev_token);
  sink->EndWords();
  if constexpr (Sink::kFacts) sink->facts->reads = fact_reads;

  // Entity types present (when the entity stage found any): the walk over
  // the window's typed tokens only (none before typed_begin, whose previous
  // token has no type, nor from typed_end on). It also tells whether a token
  // of the range with a type is no quote mark (has-entity): the loop over
  // every token does not count them.
  const uint32_t typed_end = std::min(end, tokens.typed_end());
  bool entity_tokens = false;
  for (uint32_t i = std::max(begin, tokens.typed_begin()); i < typed_end; ++i) {
    const ClaimTokens::EntityFacts* const type = types[i - begin];
    entity_tokens |= type != nullptr && doc.tokens[i].kind != TokenKind::kQuote;
    // A run of an entity's tokens: its type's feature (hashed once, when
    // ClaimTokens was constructed).
    if (type != nullptr && (i == begin || types[i - 1 - begin] != type)) {
      sink->Other(type->type_hash, FeatureFamily::kEntity, 0.5f);
    }
  }
  static const size_t kCapEdges[] = {1, 2, 4};
  static constexpr uint32_t kCapNames[] = {NameHash("caps:0"), NameHash("caps:1"),
                                           NameHash("caps:2-3"), NameHash("caps:4+")};
  sink->Other(Bucket(caps_inner, kCapEdges, kCapNames, 3),
              caps_inner > 0 ? FeatureFamily::kEntity : FeatureFamily::kPersonal);
  if (entity_tokens) sink->Other(kNamed<NameHash("has-entity")>, FeatureFamily::kEntity);

  if (numbers > 0) {
    sink->Other(kNamed<NameHash("has-number")>, FeatureFamily::kFigure);
    if (numbers > 1) sink->Other(kNamed<NameHash("numbers:2+")>, FeatureFamily::kFigure);
  }
  // The class features (number-word .. exclamation), each by a bit of
  // `fired` in the order their products are added: the classes' bits are
  // in that order (WordClass), with the "-ed" past action at bit 11 and
  // "?" and "!" after them. Only the set bits are visited (a clause sets a
  // few of 20), not a test of each.
  static_assert(kWcNumberWord == 1u << 0 && kWcPercent == 1u << 1 && kWcMoney == 1u << 2 &&
                    kWcComparative == 1u << 3 && kWcSuperlative == 1u << 4 &&
                    kWcChange == 1u << 5 && kWcCause == 1u << 6 && kWcFuture == 1u << 7 &&
                    kWcModal == 1u << 8 && kWcPolicy == 1u << 9 && kWcPastAction == 1u << 10 &&
                    (kPastEd & ClaimTokens::kClassBits) == 0 && kWcSpeech == 1u << 12 &&
                    kWcHedge == 1u << 13 && kWcFirstPerson == 1u << 14 &&
                    kWcSecondPerson == 1u << 15 && kWcOpinion == 1u << 16 &&
                    kWcGreeting == 1u << 17 && ClaimTokens::kQuestionMark == 1u << 18 &&
                    ClaimTokens::kExclamation == 1u << 19,
                "the class features' bits in the order of kClassFeatures");
  uint32_t fired = classes & (ClaimTokens::kClassBits | kPastEd | ClaimTokens::kQuestionMark |
                              ClaimTokens::kExclamation);
  for (; fired != 0; fired &= fired - 1) {
    const ClassFeature& f = kClassFeatures[__builtin_ctz(fired)];
    sink->Other(f.hash, f.family);
  }
  // Pairs the linear model cannot form on its own.
  if (numbers > 0 && caps_inner > 0)
    sink->Other(kNamed<NameHash("number+name")>, FeatureFamily::kFigure);
  if ((classes & kWcFirstPerson) && (classes & kWcOpinion)) {
    sink->Other(kNamed<NameHash("first-person+opinion")>, FeatureFamily::kPersonal);
  }
  if ((classes & kWcFirstPerson) && (classes & kWcFuture)) {
    sink->Other(kNamed<NameHash("first-person+future")>, FeatureFamily::kFuture);
  }

  static const size_t kLenEdges[] = {4, 8, 14, 22, 35};
  static constexpr uint32_t kLenNames[] = {NameHash("len:<4"),    NameHash("len:4-7"),
                                           NameHash("len:8-13"),  NameHash("len:14-21"),
                                           NameHash("len:22-34"), NameHash("len:35+")};
  // The words and numbers: counts.words (CountClauseWord's), not counted again.
  sink->Other(Bucket(counts.words, kLenEdges, kLenNames, 5), FeatureFamily::kLength);
}

}  // namespace

ClauseCounts CountClause(const Document& doc, uint32_t begin, uint32_t end) {
  ClauseCounts counts{1, 0, 0};  // "</s>"
  for (uint32_t i = begin; i < end; ++i) CountClauseToken(doc, i, &counts);
  return counts;
}

void ExtractClaimFeatures(const Document& doc, const ClaimTokens& tokens, uint32_t begin,
                          uint32_t end, std::vector<Feature>* out) {
  FeatureWriter writer{out};
  Featurize(doc, tokens, begin, end, CountClause(doc, begin, end), &writer);
}

void ListFactTokens(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                    FactTokens* out) {
  out->Reserve(end > begin ? end - begin : 0);
  uint32_t* const read = out->read.data();
  const ClaimTokens::EntityFacts* const* const types = tokens.entity_facts_from(begin);
  uint32_t reads = 0;
  for (uint32_t i = begin; i < end; ++i) {
    if (doc.tokens[i].kind == TokenKind::kQuote) continue;
    read[reads] = i;
    reads += tokens.word_read(doc.word[i]) | ClaimTokens::FigureEntity(types[i - begin]);
  }
  out->reads = reads;
}

double ClaimMargin(const Document& doc, const ClaimTokens& tokens, uint32_t begin, uint32_t end,
                   const ClauseCounts& counts, const ClaimModel& model, MarginParts* parts,
                   FactTokens* facts) {
  const int8_t* q = model.quantized();
  if (q == nullptr) {  // a model just trained (floats), or none
    ListFactTokens(doc, tokens, begin, end, facts);
    std::vector<Feature> features;
    ExtractClaimFeatures(doc, tokens, begin, end, &features);
    const double margin = model.Margin(features);
    const ClaimModel::Weights weight = model.weights_view();
    const float word_value = features[1].value;  // the first word feature's ("</s>" always is)
    parts->word_value = word_value;
    for (double& sum : parts->family_sum) sum = 0;
    for (const Feature& f : features) {
      if (f.family != FeatureFamily::kBias && f.family != FeatureFamily::kWord) {
        parts->family_sum[static_cast<size_t>(f.family)] += weight(f.hash) * f.value;
      }
    }
    parts->weighed = 0;
    if (parts->weighed_tokens.size() < end - begin) parts->weighed_tokens.resize(end - begin);
    for (uint32_t i = begin; i < end; ++i) {
      const TokenKind kind = doc.tokens[i].kind;
      if (kind == TokenKind::kPunct || kind == TokenKind::kQuote) continue;
      const double product = weight(tokens.unigram(i)) * word_value;
      if (product > MarginParts::kWeighs) parts->weighed_tokens[parts->weighed++] = i;
    }
    return margin;
  }
  MarginSink sink{reinterpret_cast<const uint8_t*>(q),
                  model.scaled,
                  (1u << model.bits) - 1,
                  model.bias,
                  parts,
                  facts};
  Featurize(doc, tokens, begin, end, counts, &sink);
  parts->word_value = sink.word_value;
  parts->weighed = sink.num_weighed;
  return sink.margin;
}

}  // namespace lede
