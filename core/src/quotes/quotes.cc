// The Quotes stage. Three steps, each linear in the tokens:
//  1. PairQuoteMarks: quoted spans (marks.cc).
//  2. Frames: every reporting verb outside quotes with its speaker phrase and
//     the span it reports ("S said (that) C", "C, S said", "according to S, C",
//     "S said:"). Every search runs over a bounded window of tokens.
//  3. Each quoted span takes its attribution (after it, before it, around
//     it, a colon lead-in, or the previous speaker when a quote runs on);
//     frames no quote used become indirect quotes. Speakers resolve against
//     the entities through one sorted table of mentions.
#include "quotes/quotes.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <utility>

#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "text/hash.h"
#include "text/literal.h"
#include "text/short_table.h"
#include "text/utf8.h"

namespace lede {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// How far (bytes) before a person of unknown gender "he"/"she" looks for
// one of the pronoun's gender.
constexpr uint32_t kGenderReach = 300;

// Word classes, by lower-cased form.
enum WordClass : uint16_t {
  kAux = 1 << 0,         // may stand between a speaker and the verb: has, also, later
  kStop = 1 << 1,        // ends a speaker phrase: that, and, when, is, to, in
  kDet = 1 << 2,         // a, the, his: the left edge of a phrase
  kJoin = 1 << 3,        // of, for, at: joins nouns inside a phrase
  kPronoun = 1 << 4,     // he, she, they, it, we, i
  kTime = 1 << 5,        // monday, today, earlier: skipped after a verb
  kPrep = 1 << 6,        // on, in, at, during: a phrase skipped after a verb
  kCueNoun = 1 << 7,     // cue forms that are also nouns: report, claims, calls
  kTitle = 1 << 8,       // secretary, minister: titles before a name
  kParenAdv = 1 << 9,    // however, meanwhile: ", however," between speaker and verb
  kAccording = 1 << 10,  // "according" (of "according to")
};

struct WordList {
  const char* words;
  uint16_t cls;
};

const WordList kWordLists[] = {
    {"has have had having was were is are be been will would could should may might can must "
     "do does did also later previously then again repeatedly recently once never not n't still "
     "already often just even initially earlier subsequently reportedly publicly privately "
     "separately yet quickly flatly specifically first always sometimes long now 've 'd 'll 're "
     "didn't doesn't don't won't wouldn't couldn't can't isn't wasn't hasn't haven't hadn't "
     "aren't weren't shouldn't only",
     kAux},
    {"that which who whom whose and but or nor as after before because since when while if "
     "although though where so than to in on by with from into about over under against during "
     "without within through between among upon is are was were be been has have had will would "
     "could should may might can must do does did not there here what why how whether until "
     "unless despite like also even only just didn't doesn't don't won't wouldn't couldn't can't "
     "isn't wasn't hasn't haven't hadn't aren't weren't shouldn't",
     kStop},
    {"a an the this these those his her their its our my your some many several most both all "
     "each every another any no",
     kDet},
    {"of for at", kJoin},
    {"he she they it we i you", kPronoun},
    {"monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier "
     "later recently previously again also repeatedly publicly privately once late last week "
     "morning afternoon evening night",
     kTime},
    {"on in at during via through over to", kPrep},
    {"report reports claim claims call calls warning warnings statement post comment note notes "
     "show shows question questions forecast forecasts estimate estimates demand demands promise "
     "promises hope hopes fear fears label labels bill term terms brand tweet tweets remarks vow "
     "vows pledge pledges comment answer reply stress concern found",
     kCueNoun},
    {"secretary minister president spokesman spokeswoman spokesperson general gen. admiral adm. "
     "chief commander director leader senator sen. rep. representative gov. governor mayor "
     "chairman chairwoman chair ambassador mr. mrs. ms. dr. prof. officer envoy premier "
     "chancellor king queen prince sheikh judge justice lt. col. maj. capt. sgt. pope "
     "propagandist analyst editor-in-chief head",
     kTitle},
    {"however meanwhile too though moreover also instead nonetheless nevertheless", kParenAdv},
    {"according", kAccording},
};

// A word's role in the verb + particle patterns of Classify: "called for",
// "pointed to", "referring to", "put it".
enum Particle : uint8_t {
  kPartNone,
  kPartCall,   // called calls calling call
  kPartPoint,  // pointed points pointing
  kPartRefer,  // referring referred refers
  kPartPut,    // put
  kPartForOn,  // for on
  kPartTo,     // to
  kPartIt,     // it
};

const struct {
  const char* words;
  Particle part;
} kParticles[] = {
    {"called calls calling call", kPartCall},
    {"pointed points pointing", kPartPoint},
    {"referring referred refers", kPartRefer},
    {"put", kPartPut},
    {"for on", kPartForOn},
    {"to", kPartTo},
    {"it", kPartIt},
};

// What Classify reads of a lower-cased word: its classes, particle role and
// cue verb (of QuoteLexicon::Get()), from one look-up.
struct WordEntry {
  uint16_t cls = 0;
  Particle part = kPartNone;
  const CueVerb* verb = nullptr;
};

// A lower-cased word of 1 to 15 bytes as a key of two 64-bit words: its
// bytes, zero-padded, with its length in the last byte (so that two keys are
// equal exactly when their words are, and no key is all zero). `end` is the
// end of the buffer the word lies in: where 16 bytes from its start fit
// before it, they are read by two whole loads and masked; else copied.
struct InlineKey {
  uint64_t lo = 0, hi = 0;
};
constexpr size_t kInlineKeyMax = 15;

inline InlineKey KeyOf(std::string_view w, const char* end) {
  const char* p = w.data();
  const size_t n = w.size();  // 1 to kInlineKeyMax
  InlineKey k;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (end - p >= 16) {
    std::memcpy(&k.lo, p, 8);
    std::memcpy(&k.hi, p + 8, 8);
    if (n < 8) {
      k.lo &= (uint64_t{1} << (8 * n)) - 1;
      k.hi = 0;
    } else {
      k.hi &= (uint64_t{1} << (8 * (n - 8))) - 1;  // n - 8 is below 8
    }
    k.hi |= static_cast<uint64_t>(n) << 56;
    return k;
  }
#else
  (void)end;
#endif
  unsigned char bytes[16] = {};
  std::memcpy(bytes, p, n);
  bytes[15] = static_cast<unsigned char>(n);
  std::memcpy(&k.lo, bytes, 8);
  std::memcpy(&k.hi, bytes + 8, 8);
  return k;
}

class WordTable {
 public:
  static const WordTable& Get() {
    static const WordTable* w = new WordTable(QuoteLexicon::Get());
    return *w;
  }
  // The entry of a lower-cased word, or nullptr for a word in no list (most
  // words). `end`: the end of the buffer `lower` lies in (KeyOf). A word of
  // up to 15 bytes (every key of the lists and the lexicon, as it is) is
  // found by its key alone: a multiply for its slot and two compares a
  // slot, no hash of its bytes and no memcmp.
  const WordEntry* Find(std::string_view lower, const char* end) const {
    if (lower.size() - 1 >= kInlineKeyMax) return lower.empty() ? nullptr : long_.Find(lower);
    const InlineKey k = KeyOf(lower, end);
    for (size_t i = Index(k);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key.hi == 0) return nullptr;
      if (s.key.lo == k.lo && s.key.hi == k.hi) return &s.entry;
    }
  }

 private:
  struct Slot {
    InlineKey key;  // hi 0: a free slot
    WordEntry entry;
  };
  explicit WordTable(const QuoteLexicon& lex) {
    size_t keys = 0;  // at most
    for (const WordList& l : kWordLists) ForEachWord(l.words, [&](std::string_view) { ++keys; });
    for (const auto& l : kParticles) ForEachWord(l.words, [&](std::string_view) { ++keys; });
    lex.ForEachForm([&](std::string_view, const CueVerb*) { ++keys; });
    const size_t size = SlotsFor(keys);  // a power of two, at least 16, at most a quarter full
    shift_ = 64 - __builtin_ctzll(size);
    mask_ = size - 1;
    slots_.resize(size);
    for (const WordList& l : kWordLists) {
      ForEachWord(l.words, [&](std::string_view w) { Insert(w)->cls |= l.cls; });
    }
    for (const auto& l : kParticles) {
      ForEachWord(l.words, [&](std::string_view w) { Insert(w)->part = l.part; });
    }
    lex.ForEachForm([&](std::string_view form, const CueVerb* v) { Insert(form)->verb = v; });
  }
  // The slot from the product's high bits (Fibonacci hashing).
  size_t Index(const InlineKey& k) const {
    return static_cast<size_t>(((k.lo ^ (k.hi * 0x9E3779B97F4A7C15ull)) * 0xff51afd7ed558ccdull) >>
                               shift_);
  }
  // The entry of a key (non-empty: views in static storage or the
  // lexicon's), added empty if new (the slots are sized for every key).
  WordEntry* Insert(std::string_view w) {
    if (w.size() > kInlineKeyMax) return long_.Insert(w);
    const InlineKey k = KeyOf(w, w.data());  // copied: the list's end is not known here
    size_t i = Index(k);
    while (slots_[i].key.hi != 0 && !(slots_[i].key.lo == k.lo && slots_[i].key.hi == k.hi))
      i = (i + 1) & mask_;
    slots_[i].key = k;
    return &slots_[i].entry;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 0;                  // 64 - log2 of the slots
  ShortKeyTable<WordEntry> long_;  // the keys of over 15 bytes (none as the lists are)
};

// Appends w to *out lower-cased: ASCII letters lower-cased and ’ as '
// (the lower-case form the quote tables and surnames are keyed by).
void AppendLower(std::string_view w, std::string* out) {
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      out->push_back('\'');
      i += 2;
      continue;
    }
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
}

// The lower-cased words of a document's tokens (AppendLower's, as the Document
// folded them: the only quote mark a word holds is ’): a word's of up to 24
// bytes, else empty. A view, so no table a token is kept (a string_view per
// token was 16 bytes, a std::string 32).
class LowerWords {
 public:
  explicit LowerWords(const Document& doc)
      : doc_(doc),
        word_(doc.word.data()),
        at_(doc.folded_at.data()),
        text_(doc.folded_text.data()) {}
  size_t size() const { return doc_.tokens.size(); }
  std::string_view operator[](size_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || t.span.end - t.span.start > 24) return {};
    return Folded(i);
  }
  // (*this)[i] == w, most often settled by the length alone.
  bool Is(size_t i, std::string_view w) const {
    const std::string_view f = Folded(i);
    if (f.size() != w.size()) return w.empty() && (*this)[i].empty();
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || t.span.end - t.span.start > 24) return w.empty();
    return std::memcmp(f.data(), w.data(), w.size()) == 0;
  }
  // Is(i, w) for any of the literal words w (none empty): the word fetched
  // once, then a size test a literal (and a compare where the sizes match),
  // where Is(i, a) || Is(i, b) || ... fetched and tested the word for each.
  template <size_t... N>
  bool IsAnyLiteral(size_t i, const char (&... w)[N]) const {
    static_assert(((N > 1) && ...), "literal words, not empty");
    const std::string_view f = Folded(i);
    if (!((f.size() == N - 1 && std::memcmp(f.data(), w, N - 1) == 0) || ...)) return false;
    const Token& t = doc_.tokens[i];
    return t.kind == TokenKind::kWord && t.span.end - t.span.start <= 24;
  }

 private:
  std::string_view Folded(size_t i) const {
    const uint32_t w = word_[i];
    return std::string_view(text_ + at_[w], at_[w + 1] - at_[w]);
  }
  const Document& doc_;
  const uint32_t* word_;
  const uint32_t* at_;
  const char* text_;
};

// Each token's word classes and cue verb (or nullptr) in two bytes a token
// (they were two tables of two bytes): an id into the distinct (classes,
// verb) pairs the text uses. A pair comes from a lexicon word or from one of
// the few patterns Classify adds, so a text has hundreds, far under 65,536.
class TokenWords {
 public:
  // n tokens whose ids the caller then writes, every one (SetId or ids()):
  // they are not zero-filled.
  void assign(size_t n) {
    ids_.reset(new uint16_t[n]);
    size_ = n;
    pairs_.reserve(kFirstSlots / 2);  // the pairs the index takes before it grows
    pairs_.assign(1, Pair{0, nullptr});
    index_.assign(kFirstSlots, Slot{});
    Place(Key(0, nullptr), 0);
  }
  size_t size() const { return size_; }
  uint16_t* ids() { return ids_.get(); }
  uint16_t cls(size_t i) const { return pairs_[ids_[i]].cls; }
  const CueVerb* verb(size_t i) const { return pairs_[ids_[i]].verb; }
  // The pair's id: 0 for no classes and no verb.
  uint16_t id(size_t i) const { return ids_[i]; }
  // The id of the pair, added if new; 0 (no classes, no verb) when 65,536
  // pairs are taken (no lexicon holds that many; never reached).
  uint16_t Intern(uint16_t cls, const CueVerb* verb) {
    const uint64_t key = Key(cls, verb);
    const size_t mask = index_.size() - 1;
    for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
      if (index_[i].id_plus1 == 0) break;
      if (index_[i].key == key) return static_cast<uint16_t>(index_[i].id_plus1 - 1);
    }
    if (pairs_.size() > 0xFFFF) return 0;
    uint16_t id = static_cast<uint16_t>(pairs_.size());
    pairs_.push_back(Pair{cls, verb});
    Place(key, id);
    return id;
  }
  void SetId(size_t i, uint16_t id) { ids_[i] = id; }
  void Set(size_t i, uint16_t cls, const CueVerb* verb) { ids_[i] = Intern(cls, verb); }

 private:
  struct Pair {
    uint16_t cls;
    const CueVerb* verb;
  };
  static uint64_t Key(uint16_t cls, const CueVerb* verb) {
    return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(verb)) << 16 | cls;
  }
  // The pairs' ids by key: open addressing, linear probing, at most half
  // full (a text has tens of pairs: no allocation per pair, as a node-based
  // map made).
  struct Slot {
    uint64_t key = 0;
    uint32_t id_plus1 = 0;  // 0: a free slot
  };
  static constexpr size_t kFirstSlots = 64;
  static size_t SlotOf(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  // Adds a key not in the table, growing it first if that would fill it past half.
  void Place(uint64_t key, uint16_t id) {
    if (2 * pairs_.size() > index_.size()) {
      std::vector<Slot> old(2 * index_.size());
      old.swap(index_);
      for (const Slot& x : old) {
        if (x.id_plus1 != 0) Put(x.key, x.id_plus1);
      }
    }
    Put(key, id + 1u);
  }
  void Put(uint64_t key, uint32_t id_plus1) {
    const size_t mask = index_.size() - 1;
    size_t i = SlotOf(key, mask);
    while (index_[i].id_plus1 != 0) i = (i + 1) & mask;
    index_[i] = Slot{key, id_plus1};
  }
  std::unique_ptr<uint16_t[]> ids_;
  size_t size_ = 0;
  std::vector<Pair> pairs_;  // [0] is {0, nullptr}
  std::vector<Slot> index_;
};

bool IsDashText(std::string_view w) {
  return EqualsLiteral(w, "-") || EqualsLiteral(w, "--") || EqualsLiteral(w, "\xE2\x80\x94") ||
         EqualsLiteral(w, "\xE2\x80\x93") || EqualsLiteral(w, "\xE2\x80\x95");
}

struct Range {
  uint32_t b = 0, e = 0;
  bool empty() const { return e <= b; }
};

// A reporting verb with its speaker phrase and reported span.
struct Frame {
  Range cue;
  const CueVerb* verb = nullptr;  // nullptr for "according to" and dashes
  const char* lemma = "say";
  Range speaker;
  Range content;  // reported span (tokens); empty when none
  bool colon = false;
  bool used = false;
  uint32_t sentence = 0;
};

using MentionRef = MentionSpan;  // quotes.h

// A stable sort of the quotes by start through an index of 4 bytes a quote:
// std::stable_sort on the quotes themselves takes a buffer of half of them
// (200 bytes each), at the stage's peak.
void SortByStart(std::vector<Quote>* quotes) {
  std::vector<Quote>& q = *quotes;
  auto before = [](const Quote& a, const Quote& b) { return a.span.start < b.span.start; };
  if (std::is_sorted(q.begin(), q.end(), before)) return;
  std::vector<uint32_t> order(q.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return before(q[a], q[b]); });
  // Position k takes the quote at order[k]: one cycle of the permutation at a time.
  for (size_t k = 0; k < q.size(); ++k) {
    if (order[k] == k) continue;
    Quote first = std::move(q[k]);
    size_t j = k;
    while (order[j] != k) {
      const size_t next = order[j];
      q[j] = std::move(q[next]);
      order[j] = static_cast<uint32_t>(j);
      j = next;
    }
    q[j] = std::move(first);
    order[j] = static_cast<uint32_t>(j);
  }
}

class QuoteFinder {
 public:
  QuoteFinder(const Document& doc, const std::vector<Entity>& entities,
              std::vector<Warning>* warnings)
      : d_(doc), ents_(entities), warnings_(warnings), lex_(QuoteLexicon::Get()), lower_(doc) {}

  // *mentions_out, when given, gets mentions_ (IndexMentions fills it in
  // the vector's own room).
  std::vector<Quote> Run(std::vector<MentionRef>* mentions_out) {
    if (mentions_out != nullptr) mentions_.swap(*mentions_out);
    Classify();
    marks_ = PairQuoteMarks(d_, quote_tokens_);
    inside_.assign(d_.tokens.size(), 0);
    // A quote's tokens are marked at once; its quote-mark tokens are those
    // of quote_tokens_ (every kQuote token, in text order) in its range, so
    // that no token's kind is read here.
    const uint32_t* const qt_begin = quote_tokens_.data();
    const uint32_t* const qt_end = qt_begin + quote_tokens_.size();
    mark_of_.reserve(quote_tokens_.size());  // each mark once, unless quotes overlap
    for (size_t q = 0; q < marks_.size(); ++q) {
      const uint32_t b = marks_[q].open;
      const uint32_t e = std::min<uint32_t>(marks_[q].close + 1, ParaEnd(marks_[q].paragraph));
      if (b >= e) continue;
      std::memset(inside_.data() + b, 1, e - b);
      for (const uint32_t* t = std::lower_bound(qt_begin, qt_end, b); t != qt_end && *t < e; ++t)
        mark_of_.push_back({*t, static_cast<uint32_t>(q)});
    }
    std::vector<uint32_t>().swap(quote_tokens_);  // read there and above only
    // By token, then quote: a token's last entry is the last quote over it
    // (in order already when no two quotes overlap, as most texts have).
    if (!std::is_sorted(mark_of_.begin(), mark_of_.end()))
      std::sort(mark_of_.begin(), mark_of_.end());
    IndexMentions();
    BuildFrames();
    AttributeMarked();
    EmitIndirect();
    SortByStart(&out_);
    if (mentions_out != nullptr) mentions_out->swap(mentions_);  // read no more here
    size_t unclosed = 0;
    for (const Quote& q : out_) unclosed += q.unclosed;
    if (unclosed > 0 && warnings_ != nullptr) {
      warnings_->push_back({"unclosed-quote", std::to_string(unclosed) +
                                                  " quotation(s) open without a closing mark; "
                                                  "each ends at its paragraph's end"});
    }
    return std::move(out_);
  }

 private:
  // ---- tokens -------------------------------------------------------------
  void Classify() {
    const WordTable& table = WordTable::Get();
    const size_t n = d_.tokens.size();
    words_.assign(n);
    // What a word's tokens take, looked up once per distinct word
    // (Document::word) before the walk over the tokens: the id of its
    // (classes, verb) pair in words_ (bits 0-15), the token lists its
    // tokens join (kHead, kCue) and its Particle. A word of over 24 bytes
    // is none (LowerWords): its defaults stand. Only word tokens take it
    // (a token of another kind has the pair 0 and joins no list); a word
    // whose first token is of another kind is looked up at its first word
    // token, if any (kLater), as the walk meets it.
    constexpr uint32_t kHead = 1u << 16, kCue = 2u << 16, kLater = 4u << 16, kLists = 7u << 16;
    const uint32_t words = d_.words();
    std::unique_ptr<uint32_t[]> entry(new uint32_t[words]);
    const char* const folded_end = d_.folded_text.data() + d_.folded_text.size();
    // The entry of word w, whose lower-cased form the table lists as e.
    auto of_listed = [&](uint32_t w, const WordEntry& e) -> uint32_t {
      const Token& t = d_.tokens[d_.word_token[w]];
      if (t.span.end - t.span.start > 24) return 0;  // a word's length is its text's
      uint32_t x = e.cls == 0 && e.verb == nullptr ? 0 : words_.Intern(e.cls, e.verb);
      const bool head = e.part != kPartNone && (e.part <= kPartRefer || e.part == kPartPut);
      const bool cue = e.verb != nullptr || (e.cls & kAccording);  // BuildFrames' cues
      return x | (head ? kHead : 0) | (cue ? kCue : 0) | static_cast<uint32_t>(e.part) << 24;
    };
    auto look_up = [&](uint32_t w) -> uint32_t {
      const WordEntry* e = table.Find(d_.FoldedWord(w), folded_end);
      return e == nullptr ? 0 : of_listed(w, *e);
    };
    for (uint32_t w = 0; w < words; ++w) {
      // Most words are in no list: the pair {0, nullptr}, id 0, whatever
      // their first token's kind (a word token of theirs would look up the
      // same), so their tokens are not read.
      const WordEntry* e = table.Find(d_.FoldedWord(w), folded_end);
      if (e == nullptr) {
        entry[w] = 0;
        continue;
      }
      entry[w] = d_.tokens[d_.word_token[w]].kind == TokenKind::kWord ? of_listed(w, *e) : kLater;
    }
    // The tokens that may open a verb + particle pattern (call, point,
    // refer, put), in text order.
    std::vector<uint32_t> heads;
    const Token* const tokens = d_.tokens.data();
    const uint32_t* const word = d_.word.data();
    const char* const text = d_.text.data();
    uint16_t* const ids = words_.ids();
    // The walk keeps five values in registers (the token, the end, the
    // word id's and the id's places, the entries): a word token in no
    // list (most tokens) is its id's store and a test. The other tokens
    // take their index from the token's place.
    const uint32_t* const entries = entry.get();
    const uint32_t* w = word;
    uint16_t* id = ids;
    for (const Token *t = tokens, *const end = tokens + n; t != end; ++t, ++w, ++id) {
      const uint32_t e = entries[*w];
      const TokenKind kind = t->kind;
      if (kind == TokenKind::kWord) {
        *id = static_cast<uint16_t>(e);
        if ((e & kLists) == 0) continue;  // most tokens
      } else {
        *id = 0;
      }
      const size_t i = static_cast<size_t>(t - tokens);
      if (kind != TokenKind::kWord) {
        // The quote marks, for PairQuoteMarks (no walk of its own), and
        // the colons, for ColonFrame (BuildFrames skips the sentences with
        // none near their start).
        if (kind == TokenKind::kQuote) {
          quote_tokens_.push_back(static_cast<uint32_t>(i));
        } else if (kind == TokenKind::kPunct && t->span.end - t->span.start == 1 &&
                   text[t->span.start] == ':') {
          colons_.push_back(static_cast<uint32_t>(i));
        }
        continue;
      }
      uint32_t x = e;
      if (x & kLater) {
        x = entry[word[i]] = look_up(word[i]);
        ids[i] = static_cast<uint16_t>(x);
      }
      if (x & kHead) heads.push_back(static_cast<uint32_t>(i));
      if (x & kCue) cues_.push_back(static_cast<uint32_t>(i));
    }
    // The patterns below give a token a cue verb (and take none away): such
    // a token joins the cues, which are then put back in text order.
    const size_t listed = cues_.size();
    // Token j's word's Particle.
    auto part = [&](size_t j) -> uint8_t {
      if (tokens[j].kind != TokenKind::kWord) return kPartNone;
      return static_cast<uint8_t>(entry[word[j]] >> 24);  // a word token's entry is looked up
    };
    // Verbs with a particle: "called for", "pointed to", "referring to".
    for (uint32_t i : heads) {
      if (i + 2 >= n || part(i) > kPartRefer) continue;
      const uint8_t p = part(i + 1);
      const CueVerb* v = nullptr;
      if (part(i) == kPartCall && p == kPartForOn)
        v = &lex_.call_for;
      else if (part(i) == kPartPoint && p == kPartTo)
        v = &lex_.point_to;
      else if (part(i) == kPartRefer && p == kPartTo)
        v = &lex_.refer_to;
      if (v != nullptr) {
        if (words_.verb(i) == nullptr && !(words_.cls(i) & kAccording)) cues_.push_back(i);
        words_.Set(i, words_.cls(i), v);
      }
    }
    // "As Tom Ridge put it: ...": "it" carries the cue, "put" stands aside.
    for (uint32_t h : heads) {
      const size_t i = h + 1;
      if (part(h) != kPartPut || i + 1 >= n) continue;
      if (part(i) == kPartIt &&
          (EqualsLiteral(d_.Text(i + 1), ":") || EqualsLiteral(d_.Text(i + 1), ","))) {
        if (words_.verb(i) == nullptr && !(words_.cls(i) & kAccording))
          cues_.push_back(static_cast<uint32_t>(i));
        words_.Set(i, words_.cls(i) & static_cast<uint16_t>(~kPronoun), &lex_.put_it);
        words_.Set(i - 1, words_.cls(i - 1) | kAux, words_.verb(i - 1));
      }
    }
    if (cues_.size() > listed) std::sort(cues_.begin(), cues_.end());
  }
  bool Is(uint32_t i, uint16_t c) const { return i < words_.size() && (words_.cls(i) & c) != 0; }
  bool Word(uint32_t i, std::string_view w) const { return i < lower_.size() && lower_.Is(i, w); }
  // Word(i, w) for a literal word w: its size known, so that the compare is
  // inlined (Is was a call, and a memcmp call, per test); WordIn of one word.
  template <size_t N>
  bool Word(uint32_t i, const char (&w)[N]) const {
    return WordIn(i, w);
  }
  // Word(i, a) || Word(i, b) || ... for literal words.
  template <size_t... N>
  bool WordIn(uint32_t i, const char (&... w)[N]) const {
    return i < lower_.size() && lower_.IsAnyLiteral(i, w...);
  }
  std::string_view Text(uint32_t i) const { return d_.Text(i); }
  // Token i is punctuation p (a literal: its size known, so that the
  // compare is a byte or two, inline wherever the call is).
  template <size_t N>
  bool IsPunct(uint32_t i, const char (&p)[N]) const {
    return d_.tokens[i].kind == TokenKind::kPunct && EqualsLiteral(Text(i), p);
  }
  bool IsTerminal(uint32_t i) const {
    const std::string_view w = Text(i);
    return d_.tokens[i].kind == TokenKind::kPunct &&
           (EqualsLiteral(w, ".") || EqualsLiteral(w, "!") || EqualsLiteral(w, "?") ||
            EqualsLiteral(w, "...") || EqualsLiteral(w, "\xE2\x80\xA6"));
  }
  // A cue verb used as a verb (not "a report", "the claims").
  // Inline: most tokens it is asked about have no cue verb (the windows of
  // ContentAfter and ClauseEnd test every token).
  const CueVerb* VerbAt(uint32_t i) const {
    if (i >= words_.size() || words_.verb(i) == nullptr || inside_[i]) return nullptr;
    return CueVerbAt(i);
  }
  // VerbAt of a token outside quotes whose word is a cue verb.
  __attribute__((noinline)) const CueVerb* CueVerbAt(uint32_t i) const {
    if (Is(i, kCueNoun) && i > 0) {
      // "the claims", "a false claim", "the call-in show": a noun after a
      // determiner, a possessive or an adjective.
      const Token& p = d_.tokens[i - 1];
      const std::string_view w = lower_[i - 1];
      auto ends = [&](const char* x) {
        size_t n = std::strlen(x);
        return w.size() > n + 2 && w.compare(w.size() - n, n, x) == 0;
      };
      bool adjective =
          p.kind == TokenKind::kWord && p.Is(kLower) &&
          (ends("al") || ends("ful") || ends("ous") || ends("ive") || ends("ic") || ends("ble") ||
           ends("ent") || ends("ant") || ends("ary") || ends("ed") || EqualsLiteral(w, "false") ||
           EqualsLiteral(w, "new") || EqualsLiteral(w, "big") || EqualsLiteral(w, "latest") ||
           EqualsLiteral(w, "first") || EqualsLiteral(w, "last") || EqualsLiteral(w, "own") ||
           EqualsLiteral(w, "fake") || w.find('-') != std::string::npos);
      if (Is(i - 1, kDet) || p.Is(kPossessive) || adjective || p.kind == TokenKind::kNumber ||
          Is(i - 1, kJoin) || Is(i - 1, kPrep))
        return nullptr;
      // "the TLC reality show “Cake Boss”": a noun naming a title.
      if (i + 1 < inside_.size() && inside_[i + 1] && !Is(i - 1, kPronoun) && !Is(i - 1, kAux))
        return nullptr;
    }
    if (d_.tokens[i].Is(kCapitalized) && !d_.tokens[i].Is(kSentenceStart) && !TitleCase(i))
      return nullptr;
    if (Word(i, "think") && Word(i + 1, "tank")) return nullptr;
    return words_.verb(i);
  }
  uint32_t ParaEnd(uint32_t p) const {
    const Paragraph& para = d_.paragraphs[p];
    return para.end > para.begin ? d_.sentences[para.end - 1].end : 0;
  }
  uint32_t ParaBegin(uint32_t p) const {
    const Paragraph& para = d_.paragraphs[p];
    return para.end > para.begin ? d_.sentences[para.begin].begin : 0;
  }
  // The quote over quote-mark token i (inside_[i] holds): the last in
  // marks_ that covers it.
  const MarkedSpan& MarkAt(uint32_t i) const {
    auto it = std::upper_bound(
        mark_of_.begin(), mark_of_.end(), i,
        [](uint32_t t, const std::pair<uint32_t, uint32_t>& m) { return t < m.first; });
    return marks_[std::prev(it)->second];
  }
  uint32_t ParaOf(uint32_t tok) const { return d_.sentences[d_.SentenceOf(tok)].paragraph; }
  Span Bytes(Range r) const { return {d_.tokens[r.b].span.start, d_.tokens[r.e - 1].span.end}; }

  // ---- phrases ------------------------------------------------------------
  // Is token i a plausible word inside a speaker phrase?
  bool PhraseWord(uint32_t i) const {
    const Token& t = d_.tokens[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    if (Is(i, kStop) && !Is(i, kDet)) return false;
    if (words_.verb(i) != nullptr && !Is(i, kCueNoun) && !(Word(i, "think") && Word(i + 1, "tank")))
      return false;
    return true;
  }

  // The noun phrase that ends right before token e (not before lo).
  Range PhraseBefore(uint32_t e, uint32_t lo) const {
    Range r{e, e};
    if (e <= lo) return r;
    if (Is(e - 1, kPronoun)) return {e - 1, e};
    uint32_t k = e;
    while (k > lo && e - k < 16) {
      uint32_t i = k - 1;
      const Token& t = d_.tokens[i];
      if (IsPunct(i, ")") && k < e + 1) {
        // "Sen. X (R-Texas) said": step over a short parenthesis.
        uint32_t j = i;
        while (j > lo && i - j < 8 && !IsPunct(j - 1, "(")) --j;
        if (j > lo && IsPunct(j - 1, "(") && j - 1 > lo) {
          k = j - 1;
          continue;
        }
        break;
      }
      if (t.kind == TokenKind::kWord && Is(i, kPronoun) && !t.Is(kPossessive)) break;
      if (!PhraseWord(i)) break;
      if (Is(i, kJoin)) {
        if (i == lo || !PhraseWord(i - 1) || Is(i - 1, kDet) || Is(i - 1, kJoin)) break;
        k = i;
        continue;
      }
      k = i;
      if (Is(i, kDet)) {
        if (i > lo && Is(i - 1, kJoin)) continue;
        break;
      }
      if (t.Is(kSentenceStart)) break;
    }
    while (k < e && (Is(k, kJoin))) ++k;
    r.b = k;
    // A phrase of determiners only is no phrase.
    // ("Yet another said": "another" alone stands for a person.)
    bool noun = e == k + 1 && Word(k, "another");
    for (uint32_t i = k; i < e; ++i) noun |= !Is(i, kDet);
    if (!noun) r.b = e;
    return r;
  }

  // The noun phrase that starts at token b (before hi).
  Range PhraseAfter(uint32_t b, uint32_t hi) const {
    Range r{b, b};
    if (b >= hi) return r;
    if (Is(b, kPronoun) && !d_.tokens[b].Is(kPossessive)) return {b, b + 1};
    uint32_t k = b;
    while (k < hi && k - b < 10) {
      const Token& t = d_.tokens[k];
      if (t.kind == TokenKind::kWord && Is(k, kPronoun)) break;
      if (!PhraseWord(k)) break;
      if (Is(k, kDet) && k > b && !Is(k - 1, kJoin)) break;
      if (Is(k, kJoin) && (k == b || k + 1 >= hi || !PhraseWord(k + 1))) break;
      if (Is(k, kTime) && !Is(k, kDet) && k > b) break;
      ++k;
    }
    while (k > b && (Is(k - 1, kJoin) || Is(k - 1, kDet))) --k;
    r.e = k;
    return r;
  }

  // The speaker of a verb at v: the phrase before it, over auxiliaries,
  // an appositive ("S, a doctor, said") or a relative pronoun ("S, who said").
  Range SubjectBefore(uint32_t v, uint32_t lo) const {
    uint32_t j = v;
    // Over auxiliaries, adverbs (barely, memorably) and time words (last month).
    while (j > lo && v - j < 5 && !Is(j - 1, kPronoun) &&
           (Is(j - 1, kAux) || Adverb(j - 1) || (Is(j - 1, kTime) && !Is(j - 1, kDet)) ||
            (d_.tokens[j - 1].Is(kPossessive) && j - 1 > lo && Is(j - 2, kPronoun)) ||
            (WordIn(j - 1, "month", "week", "year") && j - 1 > lo &&
             (WordIn(j - 2, "last", "this", "next")))))
      --j;
    // "Trump on Monday said": over "on" before a time word.
    if (j > lo + 1 && j < v && Is(j, kTime) && WordIn(j - 1, "on", "in")) --j;
    if (j <= lo) return {v, v};
    // "S, who said": the speaker as written is "who"; Resolve looks back.
    if (Word(j - 1, "who")) return {j - 1, j};
    if (IsPunct(j - 1, ",")) {
      // "Cruz, who has proposed repealing the mandate, said": the phrase
      // before a relative clause set off by commas.
      for (uint32_t i = j - 1; i > lo + 1 && j - i < 24; --i) {
        const Token& t = d_.tokens[i - 1];
        if (t.kind == TokenKind::kQuote || IsTerminal(i - 1)) break;
        if (!IsPunct(i - 1, ",")) continue;
        if (Word(i, "who") && i - 1 > lo) {
          Range head = PhraseBefore(i - 1, lo);
          Range run = head.empty() ? head : NameRun(head);
          if (!run.empty() && run.e == head.e) return head;
        }
        break;
      }
      // "S, a doctor, said", "S, director of X, Y Center, said", "S, however, said":
      // comma-separated chunks back to the phrase that opens them.
      uint32_t commas[4];
      int nc = 0;
      uint32_t k = j - 1;
      commas[nc++] = k;
      while (k > lo && j - k < 28) {
        uint32_t i = k - 1;
        if (IsPunct(i, ",")) {
          if (nc == 4) break;
          commas[nc++] = i;
        } else if (!PhraseWord(i) && !(d_.tokens[i].Is(kPossessive)) && !AbbreviationDot(i) &&
                   !(Is(i, kStop) &&
                     (WordIn(i, "in", "on", "and", "from", "who", "with", "like")))) {
          break;
        }
        k = i;
      }
      if (nc < 2) return InitialSubject(j - 1, lo);
      // The leftmost chunk that is not an adverbial ("On Sunday, S, the X, said").
      int pick = nc - 1;
      Range head;
      for (; pick >= 1; --pick) {
        head = PhraseBefore(commas[pick], lo);
        if (head.empty()) continue;
        bool adverbial = (head.b > lo && Is(head.b - 1, kPrep)) ||
                         (head.e - head.b == 1 && (Is(head.b, kTime) || Connective(head.b)));
        if (!adverbial) break;
      }
      if (pick < 1 || head.empty()) return InitialSubject(j - 1, lo);
      uint32_t c1 = commas[pick];
      nc = pick + 1;
      if (nc == 2 && commas[0] - c1 == 2 && Is(c1 + 1, kParenAdv)) return head;
      Range app = PhraseAfter(c1 + 1, commas[nc - 2]);
      bool app_name = !app.empty() && NameRun(app).b == app.b && NameRun(app).e == app.e;
      bool head_named = !NameRun(head).empty() && NameRun(head).e == head.e;
      if (app_name && !head_named) return app;
      // "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist
      // Church, said": an appositive that opens with a full name.
      Range lead = NameRun({app.b, std::min<uint32_t>(app.e, app.b + 4)});
      if (!app.empty() && lead.b == app.b && lead.e - lead.b >= 2 && !Is(app.b, kDet) &&
          !(NameRun(head).b == head.b && head_named)) {
        uint32_t e = app.b;
        while (e < app.e && (d_.tokens[e].Is(kCapitalized) || d_.tokens[e].Is(kAbbreviation))) ++e;
        if (e - app.b >= 2) return {app.b, e};
      }
      if (!head_named && !IsSourcePhrase(head) && !Is(head.b, kPronoun))
        return InitialSubject(j - 1, lo);
      return head;
    }
    Range r = PhraseBefore(j, lo);
    if (r.empty() || Is(r.b, kPronoun)) return r;
    // "Despite the setback, the Kremlin and its proxies insisted": a
    // coordinated subject that opens its clause.
    if (r.b > lo + 1 && Word(r.b - 1, "and")) {
      Range left = PhraseBefore(r.b - 1, lo);
      if (!left.empty() && !Is(left.b, kPronoun) &&
          (left.b == lo || d_.tokens[left.b].Is(kSentenceStart) || IsPunct(left.b - 1, ",")))
        r.b = left.b;
    }
    // "Sen. Kristen Gillibrand (D-NY), a supporter of Hillary Clinton's bid
    // told ...": a description after a name and a comma (the closing comma
    // missing) describes the name.
    if (WordIn(r.b, "a", "an") && r.b > lo + 1 && IsPunct(r.b - 1, ",")) {
      Range name = PhraseBefore(r.b - 1, lo);
      Range run = name.empty() ? name : NameRun(name);
      if (!run.empty() && run.e == name.e && run.e - run.b >= 2) return name;
    }
    // "Current and former officials who spoke with The Huffington Post said":
    // the phrase before the relative clause.
    for (uint32_t k = r.b; k > lo && r.b - k < 10; --k) {
      uint32_t i = k - 1;
      if (Word(i, "who")) {
        Range head = PhraseBefore(i, lo);
        if (!head.empty()) return head;
        break;
      }
      if (d_.tokens[i].kind == TokenKind::kPunct || d_.tokens[i].kind == TokenKind::kQuote ||
          VerbAt(i) != nullptr)
        break;
    }
    // "Trump in his announcement speech called": the phrase before the
    // prepositional phrase, when it names someone.
    if (r.b > lo + 1 && WordIn(r.b - 1, "in", "at", "during")) {
      Range head = PhraseBefore(r.b - 1, lo);
      if (!head.empty() && (Is(head.b, kPronoun) || IsSourcePhrase(head) ||
                            (!NameRun(head).empty() && NameRun(head).e == head.e)))
        return head;
    }
    return r;
  }

  // "Shane Shook, a security expert who has helped ..., said": the phrase
  // that opens the sentence and is followed by a comma, when the verb comes
  // right after a comma (c) not too far on.
  Range InitialSubject(uint32_t c, uint32_t lo) const {
    // "Gov. John Kasich (R-OH), said": a name right before the comma.
    Range near = PhraseBefore(c, lo);
    if (!near.empty() && IsName(near, 2, false) &&
        (near.b == lo || IsPunct(near.b - 1, ",") || d_.tokens[near.b].Is(kSentenceStart)))
      return near;
    uint32_t sb = d_.sentences[d_.SentenceOf(c)].begin;
    if (sb >= lo && c - sb <= 40) {
      Range np = PhraseAfter(sb, c);
      // "One of the engineers who reviewed the design, speaking on condition
      // of anonymity ..., said": over a relative clause to its comma.
      uint32_t after = np.e;
      if (!np.empty() && np.e < c && Word(np.e, "who")) {
        uint32_t i = np.e + 1;
        while (i < c && !IsPunct(i, ",") && !IsTerminal(i) &&
               d_.tokens[i].kind != TokenKind::kQuote)
          ++i;
        if (i < c && IsPunct(i, ",")) after = i;
      }
      bool ok = !np.empty() && after < c && IsPunct(after, ",") &&
                ((NameRun(np).e == np.e && !NameRun(np).empty()) || IsSourcePhrase(np));
      for (uint32_t i = after; ok && i < c; ++i) {
        if (VerbAt(i) != nullptr || IsTerminal(i) || d_.tokens[i].kind == TokenKind::kQuote)
          ok = false;
      }
      if (ok) return np;
    }
    // "Just last week, J.J. Goldberg, editor at large of The Forward, an
    // influential newspaper, wrote,", "after Mr. Trump, asked about ...,
    // had said,": the nearest comma chunk before that is wholly a name and
    // opens its clause (a verb after the name's comma is a participle).
    uint32_t from = std::max(lo, sb);
    for (uint32_t i = c; i > from && c - i < 40;) {
      --i;
      const Token& t = d_.tokens[i];
      if (IsTerminal(i) || t.kind == TokenKind::kQuote) break;
      if (VerbAt(i) != nullptr && !(i > from && IsPunct(i - 1, ","))) break;
      if (!IsPunct(i, ",") || i == c) continue;
      Range np = PhraseBefore(i, from);
      if (np.empty() || !IsName(np, 1, true)) continue;
      if (np.e - np.b < 2 && !MentionAt(np.b)) continue;
      uint32_t b = np.b;
      bool opens = b == from || d_.tokens[b].Is(kSentenceStart) || IsPunct(b - 1, ",") ||
                   d_.tokens[b - 1].kind == TokenKind::kQuote ||
                   WordIn(b - 1, "after", "before", "when", "while", "as", "and", "but");
      if (opens) return np;
    }
    return {c, c};
  }

  // A capitalised connective or time word ("Similarly", "Perhaps",
  // "Wednesday"): it opens a sentence and names no one.
  bool Connective(uint32_t i) const {
    const std::string_view w = lower_[i];
    const Token& t = d_.tokens[i];
    if (!t.Is(kCapitalized)) return false;
    bool ly = w.size() >= 5 && w.compare(w.size() - 2, 2, "ly") == 0 &&
              !EqualsLiteral(w, "family") && !EqualsLiteral(w, "italy") &&
              !EqualsLiteral(w, "kelly") && !EqualsLiteral(w, "sally") &&
              !EqualsLiteral(w, "holly") && !EqualsLiteral(w, "beverly");
    return (ly && t.Is(kSentenceStart)) || Is(i, kTime) || Is(i, kParenAdv) ||
           EqualsLiteral(w, "so") || EqualsLiteral(w, "perhaps") || EqualsLiteral(w, "likewise") ||
           EqualsLiteral(w, "still") || EqualsLiteral(w, "yet") || EqualsLiteral(w, "instead") ||
           EqualsLiteral(w, "now") || EqualsLiteral(w, "then") || EqualsLiteral(w, "here") ||
           EqualsLiteral(w, "there") || EqualsLiteral(w, "thus") || EqualsLiteral(w, "indeed");
  }

  // A one-word "speaker" that is a number or a connective: no entity, or one
  // the tagger made of "Likewise," opening a sentence.
  bool NoSpeaker(Range r) const {
    if (r.e - r.b != 1) return false;
    if (d_.tokens[r.b].kind == TokenKind::kNumber) return !MentionAt(r.b);
    if (!Connective(r.b)) return false;
    return !MentionAt(r.b) || (d_.tokens[r.b].Is(kSentenceStart) && r.b + 1 < d_.tokens.size() &&
                               IsPunct(r.b + 1, ","));
  }

  // Is r a name ("John Kasich", "Gov. John Kasich (R-OH)")? whole: every
  // word of it, else the words it ends with; at least min words.
  bool IsName(Range r, uint32_t min, bool whole) const {
    uint32_t e = r.e;
    if (e > r.b + 2 && IsPunct(e - 1, ")")) {
      uint32_t j = e - 1;
      while (j > r.b && r.e - j < 8 && !IsPunct(j - 1, "(")) --j;
      if (j > r.b + 1 && IsPunct(j - 1, "(")) e = j - 1;
    }
    Range run = NameRun(r);
    if (run.empty() || run.e != e || run.e - run.b < min) return false;
    return !whole || run.b == r.b || (Is(r.b, kTitle) && run.b == r.b + 1);
  }

  // Verbs whose reported content may be an infinitive ("vowed to fight").
  static bool Infinitive(const CueVerb* verb) {
    static constexpr std::string_view kLemmas[] = {
        "want",  "refuse", "decline", "vow",     "pledge", "promise", "threaten", "hope", "plan",
        "agree", "urge",   "ask",     "call_on", "seek",   "demand",  "tell",     "warn", "expect"};
    for (std::string_view l : kLemmas)
      if (verb->lemma == l) return true;
    return false;
  }

  // Verbs that put the speaker after them ("..., said S"); "told S" and
  // "asked S" name the hearer.
  static bool Inverts(const CueVerb* verb) {
    static constexpr std::string_view kLemmas[] = {
        "say",   "add",     "write",   "tweet",    "note",    "explain",     "continue", "recall",
        "reply", "respond", "joke",    "quip",     "observe", "insist",      "argue",    "claim",
        "state", "remark",  "declare", "admit",    "concede", "acknowledge", "warn",     "predict",
        "echo",  "yell",    "chant",   "conclude", "report",  "post",        "comment",  "agree"};
    for (std::string_view l : kLemmas)
      if (verb->lemma == l) return true;
    return false;
  }

  // The subject of a sentence's main clause, for ", saying ..." without a
  // reporting verb before it: over an opening adverbial ("Hours later,",
  // "Back in 1999,") or dateline ("Washington (AFP) –"), the phrase up to
  // its verb ("Carson shared ..." -> "Carson").
  Range MainSubject(uint32_t sb, uint32_t v) const {
    uint32_t k = sb;
    bool subordinate = WordIn(sb, "when", "after", "before", "while", "as", "once", "if");
    for (uint32_t i = sb; i < v && i < sb + (subordinate ? 24 : 8); ++i) {
      if (IsDashText(Text(i)) && d_.tokens[i].Is(kSpaceBefore)) {
        k = i + 1;
        break;
      }
      if (IsPunct(i, ",")) {
        // "When asked whom she supported, Ms. Sherry smiled and said":
        // a subordinate clause opens the sentence too.
        bool adverbial =
            Is(sb, kPrep) || Is(sb, kTime) || Adverb(sb) || Connective(sb) || Is(sb + 1, kTime) ||
            Is(sb + 1, kPrep) ||
            WordIn(sb, "back", "asked", "when", "after", "before", "while", "as", "once");
        if (adverbial) {
          k = i + 1;
          // "At an event in Ames, Iowa, on Sunday, Mrs. Clinton ...": more
          // place and time chunks.
          for (int more = 0; more < 3; ++more) {
            uint32_t c = k;
            while (c < v && c < k + 5 && !IsPunct(c, ",")) ++c;
            if (c >= v || !IsPunct(c, ",")) break;
            bool chunk = Is(k, kPrep) || Is(k, kTime) ||
                         (NameRun({k, c}).b == k && NameRun({k, c}).e == c && c - k <= 2 &&
                          c + 1 < v && (Is(c + 1, kPrep) || Is(c + 1, kTime)));
            if (!chunk) break;
            k = c + 1;
          }
        }
        break;
      }
    }
    if (k >= v) return {v, v};
    if (Is(k, kPronoun) && !d_.tokens[k].Is(kPossessive)) return {k, k + 1};
    Range np = PhraseAfter(k, v);
    // Cut at the main verb: a lower-case -ed word after a name ("Clinton attacked").
    for (uint32_t i = np.b + 1; i < np.e; ++i) {
      const std::string_view w = lower_[i];
      if (d_.tokens[i].Is(kLower) && w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0 &&
          (d_.tokens[i - 1].Is(kCapitalized) || d_.tokens[i - 1].Is(kAllCaps))) {
        np.e = i;
        break;
      }
    }
    if (np.empty() || !(HasName(np) || IsSourcePhrase(np))) return {v, v};
    return np;
  }

  // The speaker of a short clause that ends in a colon before a quote ("the
  // Christie supporter retorted:", "And Mr. Christie gloated:", "Trump
  // reportedly yelling:"): the clause opens after the sentence start, a
  // comma, a dash or a conjunction, at most 16 tokens back; its subject is a
  // pronoun, a name or an unnamed source, followed by its verb. Else, after
  // a conjunction ("..., he said, and then predicted:"), the speaker of the
  // sentence's latest frame.
  Range ColonSubject(uint32_t c) const {
    uint32_t s = d_.SentenceOf(c);
    uint32_t sb = d_.sentences[s].begin;
    uint32_t b = c;
    bool conj = false;
    while (b > sb && c - b < 16) {
      uint32_t i = b - 1;
      if (IsPunct(i, ",") || IsPunct(i, ";") || IsDashText(Text(i))) break;
      if (d_.tokens[i].kind == TokenKind::kQuote || IsTerminal(i)) break;
      if (WordIn(i, "and", "but", "then", "so")) {
        conj = true;
        break;
      }
      b = i;
    }
    if (b > sb && c - b >= 16) return {c, c};
    while (b < c && WordIn(b, "and", "but", "so")) ++b;
    if (b >= c) return {c, c};
    Range sp;
    if (Is(b, kPronoun) && !d_.tokens[b].Is(kPossessive)) {
      sp = {b, b + 1};
    } else if (!Is(b, kPrep) && !(Is(b, kStop) && !Is(b, kDet))) {
      sp = PhraseAfter(b, c);
      // Cut at the verb: a cue verb, a lower-case -ed or -ing word, or the
      // first lower-case word after a name ("Mr. Smith shot back").
      bool name_first = !sp.empty() && (d_.tokens[sp.b].Is(kCapitalized) || Is(sp.b, kTitle));
      for (uint32_t i = sp.b + 1; i < sp.e; ++i) {
        const std::string_view w = lower_[i];
        if (d_.tokens[i].Is(kLower) &&
            (words_.verb(i) != nullptr || (name_first && !Is(i, kJoin)) ||
             (w.size() > 3 &&
              (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0)))) {
          sp.e = i;
          break;
        }
      }
      bool named = !NameRun(sp).empty() && NameRun(sp).e == sp.e;
      // "Partial transcript as follows:": a lone capitalised first word is no
      // name unless the entities know it.
      if (named && sp.e - sp.b == 1 && d_.tokens[sp.b].Is(kSentenceStart) && !Is(sp.b, kTitle) &&
          !MentionAt(sp.b))
        named = false;
      // "the Christie supporter retorted:": a description opening with a determiner.
      bool described = !sp.empty() && Is(sp.b, kDet) && sp.e - sp.b >= 2 && !Word(sp.b, "no");
      // "the message continues:": a description that runs to the mark ends
      // in its verb (a present or past tense form).
      if (described && sp.e == c && sp.e - sp.b >= 3 && d_.tokens[c - 1].Is(kLower)) {
        const std::string_view w = lower_[c - 1];
        if (w.size() > 3 && (w.back() == 's' || w.compare(w.size() - 2, 2, "ed") == 0) &&
            w.compare(w.size() - 2, 2, "ss") != 0)
          --sp.e;
      }
      if (sp.empty() || sp.e >= c || !(named || described || IsSourcePhrase(sp))) sp = {c, c};
      // The verb follows the subject (over adverbs and auxiliaries).
      uint32_t v = sp.e;
      while (v < c && (Is(v, kAux) || Adverb(v))) ++v;
      if (!sp.empty() && (v >= c || !d_.tokens[v].Is(kLower) || Is(v, kStop) || Is(v, kDet)))
        sp = {c, c};
    }
    if (!sp.empty() || !conj) return sp;
    for (uint32_t k = frame_begin_[s + 1]; k > frame_begin_[s]; --k) {
      const Frame& f = frames_[k - 1];
      if (f.cue.b < c && !f.speaker.empty() && f.verb != nullptr &&
          f.verb->frame == CueFrame::kSpeech)
        return f.speaker;
    }
    return {c, c};
  }

  // A headline in title case ("Trump Says He Never Pledged ..."): most words
  // of token i's sentence are capitalised. Bounded by the sentence cap.
  bool TitleCase(uint32_t i) const {
    const Sentence& s = d_.sentences[d_.SentenceOf(i)];
    uint32_t words = 0, caps = 0;
    for (uint32_t k = s.begin; k < s.end && k < s.begin + 40; ++k) {
      if (d_.tokens[k].kind != TokenKind::kWord) continue;
      ++words;
      caps += d_.tokens[k].Is(kCapitalized) || d_.tokens[k].Is(kAllCaps);
    }
    return words >= 4 && caps * 10 >= words * 8;
  }

  bool Adverb(uint32_t i) const {
    const std::string_view w = lower_[i];
    return w.size() >= 5 && w.compare(w.size() - 2, 2, "ly") == 0 && d_.tokens[i].Is(kLower) &&
           words_.verb(i) == nullptr && !Is(i, kDet) && !EqualsLiteral(w, "only") &&
           !EqualsLiteral(w, "family") && !EqualsLiteral(w, "ally") && !EqualsLiteral(w, "italy") &&
           !EqualsLiteral(w, "assembly");
  }

  bool HasName(Range r) const {
    for (uint32_t i = r.b; i < r.e; ++i) {
      const Token& t = d_.tokens[i];
      if (t.kind == TokenKind::kWord && (t.Is(kCapitalized) || t.Is(kAllCaps)) && !Is(i, kDet) &&
          !t.Is(kPossessive))
        return true;
    }
    return false;
  }

  // The trailing run of capitalised words in r ("Bill LaPlante" of "the
  // Pentagon's arms acquisition chief Bill LaPlante"), joined by of/for/the.
  Range NameRun(Range r) const {
    uint32_t e = r.e;
    // Over a trailing parenthesis: "John Kasich (R-OH)".
    if (e > r.b + 2 && IsPunct(e - 1, ")")) {
      uint32_t j = e - 1;
      while (j > r.b && e - j < 8 && !IsPunct(j - 1, "(")) --j;
      if (j > r.b + 1 && IsPunct(j - 1, "(")) e = j - 1;
    }
    while (e > r.b && (d_.tokens[e - 1].Is(kPossessive))) --e;
    uint32_t k = e;
    while (k > r.b) {
      uint32_t i = k - 1;
      const Token& t = d_.tokens[i];
      bool cap = t.kind == TokenKind::kWord && (t.Is(kCapitalized) || t.Is(kAllCaps)) &&
                 !Is(i, kDet) && !Is(i, kPronoun);
      bool joiner = (Is(i, kJoin) || Word(i, "the")) && k < e && i > r.b;
      if (!cap && !joiner) break;
      k = i;
    }
    while (k < e && !(d_.tokens[k].Is(kCapitalized) || d_.tokens[k].Is(kAllCaps))) ++k;
    return {k, e};
  }

  // The head noun of a phrase: its last word before of/for/at, else its last.
  uint32_t Head(Range r) const {
    for (uint32_t i = r.b + 1; i < r.e; ++i) {
      if (Is(i, kJoin)) return i - 1;
    }
    return r.e - 1;
  }
  bool IsSourcePhrase(Range r) const {
    return !r.empty() && lex_.IsSourceNoun(lower_[Head(r)]) && !Is(Head(r), kPronoun);
  }
  // A phrase whose head is a text that speaks for its authors ("the email
  // read", "a scripted message begins", "reads a Wednesday editorial"): a
  // speaker as written, neither a person nor an anonymous source.
  bool DocumentHead(Range r) const {
    if (r.empty()) return false;
    const std::string_view w = lower_[Head(r)];
    return EqualsLiteral(w, "email") || EqualsLiteral(w, "e-mail") ||
           EqualsLiteral(w, "statement") || EqualsLiteral(w, "letter") ||
           EqualsLiteral(w, "memo") || EqualsLiteral(w, "editorial") || EqualsLiteral(w, "ad") ||
           EqualsLiteral(w, "advertisement") || EqualsLiteral(w, "message") ||
           EqualsLiteral(w, "release") || EqualsLiteral(w, "report") ||
           EqualsLiteral(w, "headline") || EqualsLiteral(w, "sign") || EqualsLiteral(w, "banner") ||
           EqualsLiteral(w, "note") || EqualsLiteral(w, "post") || EqualsLiteral(w, "tweet") ||
           EqualsLiteral(w, "video") || EqualsLiteral(w, "caption") || EqualsLiteral(w, "text") ||
           EqualsLiteral(w, "petition") || EqualsLiteral(w, "flyer") || EqualsLiteral(w, "mailer");
  }
  // The period of an abbreviation the tokenizer split off ("(D-Md.) said",
  // "Rep. Glenn Thompson, R-Pa., said"): right after a word and before a
  // comma or a closing parenthesis. No sentence ends there.
  bool AbbreviationDot(uint32_t i) const {
    return IsPunct(i, ".") && i > 0 && i + 1 < d_.tokens.size() &&
           d_.tokens[i - 1].kind == TokenKind::kWord && !d_.tokens[i].Is(kSpaceBefore) &&
           (IsPunct(i + 1, ",") || IsPunct(i + 1, ")"));
  }

  // ---- frames -------------------------------------------------------------
  // The end of a clause that starts at b in a sentence ending at se: the
  // final punctuation, or a comma before "according to" / "adding".
  uint32_t ClauseEnd(uint32_t b, uint32_t se) const {
    uint32_t e = se;
    while (e > b &&
           (IsTerminal(e - 1) || (d_.tokens[e - 1].kind == TokenKind::kQuote && !inside_[e - 1])))
      --e;
    for (uint32_t i = b; i + 1 < e; ++i) {
      // ...,” adding that ...: the comma sits inside the closing mark.
      if (d_.tokens[i].kind == TokenKind::kQuote && inside_[i] && i > b && IsPunct(i - 1, ",") &&
          MarkAt(i).close == i && words_.verb(i + 1) != nullptr && lower_[i + 1].size() > 3 &&
          lower_[i + 1].compare(lower_[i + 1].size() - 3, 3, "ing") == 0)
        return i + 1;
      if (IsPunct(i, ",") &&
          (WordIn(i + 1, "according", "but", "while", "as", "although", "though", "whereas") ||
           (words_.verb(i + 1) != nullptr && lower_[i + 1].size() > 3 &&
            lower_[i + 1].compare(lower_[i + 1].size() - 3, 3, "ing") == 0 && !inside_[i + 1])))
        return i;
    }
    while (e > b && IsPunct(e - 1, ",")) --e;
    return e;
  }

  // What a verb at v reports when it comes after the verb: skips the hearer
  // of "told", time words and short phrases ("on Monday", "in a statement"),
  // then "that" or a colon.
  Range ContentAfter(uint32_t v, const CueVerb* verb, uint32_t se, bool* colon) const {
    uint32_t k = v + 1;
    if (verb == &lex_.call_for || verb == &lex_.point_to || verb == &lex_.refer_to) {
      // What follows the particle ("called on Congress to act" keeps "Congress to act").
      uint32_t b = v + 2;
      uint32_t e = ClauseEnd(b, se);
      return b < e ? Range{b, e} : Range{se, se};
    }
    if (Word(v, "saying") && Word(k, "that")) ++k;
    // "told his radio audience of Monday, “Q”", "says of Clinton, “Q”",
    // "saying during the debate last week: “Q”": a short phrase, then a
    // comma or colon and the quote. Over a few comma chunks too ("acknowledged,
    // however, “Q”", "joked, again using a Southern accent, “Q”", "said on
    // Twitter on Monday, in reference to her first child, “Q”"), but not
    // over a new clause (a pronoun, "that", a conjunction or another cue).
    int chunks = 0;
    for (uint32_t i = k; i < se && i < k + 24; ++i) {
      const Token& t = d_.tokens[i];
      if (t.kind == TokenKind::kQuote || IsTerminal(i) || VerbAt(i) != nullptr || Word(i, "that") ||
          (i > k && Is(i, kPronoun) && !t.Is(kPossessive)))
        break;
      if (!(IsPunct(i, ",") || IsPunct(i, ":"))) {
        if (t.kind == TokenKind::kPunct && !t.Is(kPossessive)) break;
        if (chunks > 0 && Is(i, kStop) &&
            (WordIn(i, "and", "but", "while", "which", "who", "because", "although", "though",
                    "whereas")))
          break;
        if (i >= k + 10 && chunks == 0) break;
        continue;
      }
      if (i + 1 < se && d_.tokens[i + 1].kind == TokenKind::kQuote && inside_[i + 1] &&
          MarkAt(i + 1).open == i + 1) {
        *colon = IsPunct(i, ":");
        return {i + 1, ClauseEnd(i + 1, se)};
      }
      if (IsPunct(i, ":") || ++chunks > 3) break;
    }
    if (EqualsLiteral(verb->lemma, "tell") || EqualsLiteral(verb->lemma, "ask") ||
        EqualsLiteral(verb->lemma, "urge") || EqualsLiteral(verb->lemma, "brief") ||
        EqualsLiteral(verb->lemma, "warn") || EqualsLiteral(verb->lemma, "assure")) {
      Range obj = PhraseAfter(k, se);
      if (!obj.empty() && !Word(obj.b, "that")) k = obj.e;
    }
    if (k < se && (Is(k, kPrep) || Is(k, kTime))) {
      // "said during this week's debate that ...": over the phrase to "that".
      for (uint32_t i = k + 1; i < se && i < k + 10; ++i) {
        if (Word(i, "that")) {
          k = i;
          break;
        }
        const Token& t = d_.tokens[i];
        if ((t.kind == TokenKind::kPunct && !t.Is(kPossessive)) || t.kind == TokenKind::kQuote ||
            VerbAt(i) != nullptr || Is(i, kPronoun))
          break;
      }
    }
    for (int rounds = 0; rounds < 4 && k < se; ++rounds) {
      if (Is(k, kTime) && !Is(k, kDet)) {
        ++k;
        continue;
      }
      if (Is(k, kPrep) && k + 1 < se) {
        Range pp = PhraseAfter(k + 1, se);
        if (pp.empty() || pp.e - pp.b > 6) break;
        // Only skip the phrase when a clause plainly follows it.
        if (pp.e < se && (Word(pp.e, "that") || IsPunct(pp.e, ":") || IsPunct(pp.e, ",") ||
                          d_.tokens[pp.e].kind == TokenKind::kQuote || Is(pp.e, kPronoun) ||
                          Is(pp.e, kDet) || Is(pp.e, kTime))) {
          k = pp.e;
          continue;
        }
        break;
      }
      break;
    }
    if (k < se && IsPunct(k, ",") && k + 1 < se && d_.tokens[k + 1].kind == TokenKind::kQuote &&
        inside_[k + 1])
      ++k;
    bool that = k < se && Word(k, "that");
    if (that) ++k;
    if (k < se && (IsPunct(k, ":"))) {
      *colon = true;
      ++k;
    }
    if (k >= se) return {se, se};
    if (IsPunct(k, ",") || IsTerminal(k) || IsPunct(k, ")") || IsDashText(Text(k))) return {k, k};
    // "said at a meeting", "replied with strikes", "asked to provide": no reported clause.
    // "said as he launched ...", "said while ...": an adverbial, not a report.
    if (EqualsLiteral(verb->lemma, "say") && Is(k + 1, kPronoun) && Word(k, "as")) return {k, k};
    if (WordIn(k, "while", "when", "before", "after", "because", "since", "although", "though",
               "until", "unless", "despite", "like", "during"))
      return {k, k};
    bool infinitive = Word(k, "to") && Infinitive(verb);
    if (infinitive) return {k, ClauseEnd(k, se)};
    // (After "that" a clause follows whatever it opens with: "said that in
    // the previous 24 hours it had advanced".)
    if (!that && (Is(k, kPrep) || Is(k, kJoin) ||
                  WordIn(k, "to", "about", "with", "by", "having", "from", "into")))
      return {k, k};
    uint32_t e = ClauseEnd(k, se);
    return {k, e};
  }

  void BuildFrames() {
    frame_begin_.reserve(d_.sentences.size() + 1);
    // The tokens that may be a cue (a cue verb or "according": no other
    // token makes a frame), in text order, as Classify listed them.
    const std::vector<uint32_t>& cues = cues_;
    size_t next_cue = 0, next_colon = 0;
    for (uint32_t s = 0; s < d_.sentences.size(); ++s) {
      const Sentence& sen = d_.sentences[s];
      frame_begin_.push_back(static_cast<uint32_t>(frames_.size()));
      if (sen.dateline) continue;
      uint32_t sb = sen.begin, se = sen.end;
      // ColonFrame looks for a colon at sb + 1 to sb + 9 (after a dash
      // among the first four tokens): a sentence with none there makes no
      // colon frame, so most sentences skip it.
      while (next_colon < colons_.size() && colons_[next_colon] <= sb) ++next_colon;
      if (next_colon < colons_.size() && colons_[next_colon] < std::min(se, sb + 10))
        ColonFrame(sb, se, s);
      while (next_cue < cues.size() && cues[next_cue] < sb) ++next_cue;
      for (; next_cue < cues.size() && cues[next_cue] < se; ++next_cue) {
        const uint32_t v = cues[next_cue];
        if (inside_[v]) continue;
        // Most words are no cue: one look-up decides ("according to" is none).
        if (words_.verb(v) == nullptr) {
          if ((words_.cls(v) & kAccording) && v + 1 < se && Word(v + 1, "to"))
            AccordingTo(v, sb, se, s);
          continue;
        }
        const CueVerb* verb = VerbAt(v);
        if (verb == nullptr) continue;
        Frame f;
        f.cue = {v, v + 1};
        f.verb = verb;
        f.lemma = verb->lemma.data();  // NUL-terminated (CueVerb)
        f.sentence = s;
        uint32_t subj_at = v;
        if (Word(v, "saying") && v >= sb + 2 && Word(v - 1, "as") && Word(v - 2, "quoted")) {
          f.cue = {v - 2, v + 1};
          subj_at = v - 2;
        }
        // Passive: "we are now being told", "was confirmed": the subject is
        // no speaker; "was told by S" names one.
        if (subj_at == v) {
          uint32_t j = v;
          while (j > sb && v - j < 3 && (Adverb(j - 1) || WordIn(j - 1, "now", "not"))) --j;
          if (j > sb && WordIn(j - 1, "is", "are", "was", "were", "be", "been", "being")) {
            if (!Word(v + 1, "by")) continue;
            f.speaker = PhraseAfter(v + 2, se);
            if (f.speaker.empty()) continue;
            bool colon2 = false;
            f.content = ContentAfter(f.speaker.e - 1, verb, se, &colon2);
            f.colon = colon2;
            frames_.push_back(f);
            continue;
          }
        }
        if (verb->frame == CueFrame::kName) {
          NameFrame(v, sb, se, s, verb);
          continue;
        }
        // "victories claimed against Russia": a participle, no speaker.
        const std::string_view lv = lower_[v];  // the cue's word, fetched once
        if (subj_at == v && WordIn(v + 1, "by", "against") && lv.size() > 4 &&
            lv.compare(lv.size() - 2, 2, "ed") == 0)
          continue;
        const bool ing = lv.size() > 4 && lv.compare(lv.size() - 3, 3, "ing") == 0;
        // ", adding", "and saying", "by saying", and "Adding, ..." opening a sentence.
        // "before saying", "upon saying", "after saying": the clause's speaker too.
        bool participle =
            ing && ((v > sb && (IsPunct(v - 1, ",") || WordIn(v - 1, "and", "by") ||
                                // “...,” adding: the comma inside the closing mark
                                (v > sb + 1 && d_.tokens[v - 1].kind == TokenKind::kQuote &&
                                 IsPunct(v - 2, ",")) ||
                                WordIn(v - 1, "before", "after", "upon", "while"))) ||
                    (v == sb && v + 1 < se && IsPunct(v + 1, ",")));
        bool gerund = !participle && ing;
        // "instead of denying", "the warning": an -ing form without a comma
        // needs an auxiliary ("he was saying").
        // "footage of Hillary Clinton asking, “Q”": a gerund right before a
        // quote reports it; its speaker is the name before it.
        bool gerund_quote = false;
        if (gerund && v > sb && v + 2 < se && (IsPunct(v + 1, ",") || IsPunct(v + 1, ":")) &&
            d_.tokens[v + 2].kind == TokenKind::kQuote && inside_[v + 2] &&
            MarkAt(v + 2).open == v + 2) {
          Range np = PhraseBefore(v, sb);
          Range run = np.empty() ? np : NameRun(np);
          if (!np.empty() && ((!run.empty() && run.e == np.e) || IsSourcePhrase(np) ||
                              (Is(np.b, kPronoun) && !d_.tokens[np.b].Is(kPossessive)))) {
            f.speaker = np;
            gerund_quote = true;
          }
        }
        if (gerund && !gerund_quote && !(v > sb && Is(v - 1, kAux)) && !(subj_at != v)) continue;
        if (participle) {
          // ", adding ...": the speaker of the clause's main verb, else the
          // phrase that opens the sentence ("S, the editor, cheered ..., adding").
          for (size_t k = frames_.size(); k > frame_begin_.back(); --k) {
            if (!frames_[k - 1].speaker.empty()) {
              f.speaker = frames_[k - 1].speaker;
              break;
            }
          }
          if (f.speaker.empty() && v > sb) f.speaker = MainSubject(sb, v);
          if (f.speaker.empty() && v == sb && !frames_.empty() &&
              ParaOf(frames_.back().cue.b) + 1 >= ParaOf(v))
            f.speaker = frames_.back().speaker;  // "Adding, “...”": the last speaker
        } else if (!gerund_quote) {
          f.speaker = SubjectBefore(subj_at, sb);
          // "McConnell was quick to embrace him and said this week that ...":
          // the subject of the first verb.
          if (f.speaker.empty()) {
            uint32_t j = subj_at;
            while (j > sb && subj_at - j < 4 && (Is(j - 1, kAux) || Adverb(j - 1)) &&
                   !Is(j - 1, kPronoun))
              --j;
            if (j > sb + 2 && WordIn(j - 1, "and", "then", "but"))
              f.speaker = MainSubject(sb, j - 1);
          }
          // "The email goes on to say:", "Mr. Trump was prompted to say,",
          // "Bryne went on to say": the subject of the verb before "to"
          // (not after a reporting verb: "declined to say" is its own frame).
          if (f.speaker.empty() && subj_at == v && v > sb + 1 && Word(v - 1, "to")) {
            // Over "on" / "this" / "back", then the one verb ("goes",
            // "prompted"); SubjectBefore steps over auxiliaries.
            uint32_t j = v - 1;
            if (j > sb && WordIn(j - 1, "on", "this", "back")) --j;
            auto verb_form = [&](uint32_t i) {
              const std::string_view w = lower_[i];
              bool ends_ed = w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0;
              bool ends_es = w.size() > 3 && w.compare(w.size() - 2, 2, "es") == 0;
              return ends_ed || ends_es || EqualsLiteral(w, "went") || EqualsLiteral(w, "go") ||
                     EqualsLiteral(w, "had") || EqualsLiteral(w, "has") ||
                     EqualsLiteral(w, "have") || EqualsLiteral(w, "began") ||
                     EqualsLiteral(w, "came");
            };
            bool verb_word =
                j > sb && d_.tokens[j - 1].kind == TokenKind::kWord &&
                d_.tokens[j - 1].Is(kLower) && words_.verb(j - 1) == nullptr && verb_form(j - 1) &&
                !Is(j - 1, kPronoun) && !Is(j - 1, kDet) &&
                (EqualsLiteral(verb->lemma, "say") || EqualsLiteral(verb->lemma, "add") ||
                 EqualsLiteral(verb->lemma, "write") || EqualsLiteral(verb->lemma, "tell") ||
                 EqualsLiteral(verb->lemma, "note") || EqualsLiteral(verb->lemma, "explain") ||
                 EqualsLiteral(verb->lemma, "declare") || EqualsLiteral(verb->lemma, "ask"));
            if (verb_word) --j;
            if (verb_word && j > sb) {
              Range sp = SubjectBefore(j, sb);
              if (!sp.empty() &&
                  (Is(sp.b, kPronoun) || HasName(sp) || IsSourcePhrase(sp) || DocumentHead(sp)))
                f.speaker = sp;
            }
          }
        }
        bool colon = false;
        if (!f.speaker.empty()) {
          if (verb->frame == CueFrame::kThink && Is(f.speaker.b, kPronoun) &&
              (WordIn(f.speaker.b, "i", "we", "you")))
            continue;
          f.content = ContentAfter(v, verb, se, &colon);
          f.colon = colon;
          if (f.content.empty() && !colon && verb->frame == CueFrame::kSpeech) {
            // "C, S said." / "C, he said, by ..." : the clause before.
            uint32_t c = f.speaker.b;
            if (c > sb && IsPunct(c - 1, ",")) f.content = {sb, c - 1};
            // "This campaign, he says, is different.": the whole sentence.
            if (c > sb && IsPunct(c - 1, ",") && v + 2 < se && IsPunct(v + 1, ",") &&
                (d_.tokens[v + 2].kind == TokenKind::kWord) && !Is(v + 2, kPrep))
              f.content = {sb, ClauseEnd(v + 2, se)};
            if (c > sb && d_.tokens[c - 1].kind == TokenKind::kQuote) f.content = {sb, c};
          }
        } else if (verb->frame == CueFrame::kSpeech && v > sb && Inverts(verb) &&
                   (IsPunct(v - 1, ",") || d_.tokens[v - 1].kind == TokenKind::kQuote ||
                    IsTerminal(v - 1))) {
          // "C, said S."
          Range sp = PhraseAfter(v + 1, se);
          if (sp.empty()) continue;
          if (!Is(sp.b, kPronoun) && !IsSourcePhrase(sp) && NameRun(sp).empty()) continue;
          uint32_t after = sp.e;
          if (after < se &&
              !(IsPunct(after, ",") || IsTerminal(after) || Is(after, kPrep) || Is(after, kTime)))
            continue;
          f.speaker = sp;
          uint32_t c = v - 1;
          f.content = {sb, d_.tokens[c].kind == TokenKind::kQuote ? v : c};
        } else if (verb->frame == CueFrame::kSpeech && v == sb && Inverts(verb) &&
                   d_.tokens[v].Is(kCapitalized)) {
          // "Said Dorothy Poynter, who grew up with Ali in the neighborhood,
          // “Q”", "Said Comey, “Q”": the verb opens the sentence, the speaker
          // (and an appositive or relative clause) follows, then the quote.
          Range sp = PhraseAfter(v + 1, se);
          if (sp.empty() || (NameRun(sp).empty() && !IsSourcePhrase(sp))) continue;
          for (uint32_t k = sp.e; k + 1 < se && k < sp.e + 24; ++k) {
            if (IsTerminal(k) || d_.tokens[k].kind == TokenKind::kQuote) break;
            if ((IsPunct(k, ",") || IsPunct(k, ":")) &&
                d_.tokens[k + 1].kind == TokenKind::kQuote && inside_[k + 1] &&
                MarkAt(k + 1).open == k + 1) {
              f.speaker = sp;
              f.colon = IsPunct(k, ":");
              f.content = {k + 1, ClauseEnd(k + 1, se)};
              break;
            }
          }
        }
        if (f.speaker.empty() || NoSpeaker(f.speaker)) continue;
        if (verb->frame == CueFrame::kThink && (f.content.empty() || f.content.e - f.content.b < 3))
          continue;
        frames_.push_back(f);
      }
      // A reported clause ends where the next speaker begins.
      for (size_t k = frame_begin_.back(); k + 1 < frames_.size(); ++k) {
        Frame& f = frames_[k];
        const Frame& g = frames_[k + 1];
        if (f.content.empty() || g.speaker.empty()) continue;
        // "noted that ... and added: “...”": the next verb ends it too.
        uint32_t cut = g.speaker.b > f.cue.b ? std::min(g.speaker.b, g.cue.b) : g.cue.b;
        // "Flynn said Donald Trump was “absolutely right” when he said ...":
        // a report inside a subordinate clause belongs to the outer report.
        uint32_t sub = g.speaker.b;
        bool nested =
            cut > f.content.b && cut < f.content.e && sub > f.content.b && sub < f.content.e &&
            g.speaker.b > f.cue.b && Is(sub - 1, kStop) &&
            (WordIn(sub - 1, "when", "after", "before", "because", "since", "if", "until", "what"));
        if (!nested && cut > f.content.b && cut < f.content.e) {
          uint32_t e = cut;
          while (e > f.content.b && (IsPunct(e - 1, ",") || WordIn(e - 1, "and", "but", "as"))) --e;
          f.content.e = e;
        }
      }
    }
    // In text order (a colon frame is made before the verbs of its sentence);
    // each sentence's frames stay in its own block.
    std::stable_sort(frames_.begin(), frames_.end(),
                     [](const Frame& x, const Frame& y) { return x.cue.b < y.cue.b; });
    frame_begin_.push_back(static_cast<uint32_t>(frames_.size()));
    std::vector<uint32_t>().swap(cues_);  // read here only
    std::vector<uint32_t>().swap(colons_);
    names_.reserve(frames_.size());  // at most one a frame
    names_gender_.reserve(frames_.size());
    for (size_t k = 0; k < frames_.size(); ++k) {
      const Frame& f = frames_[k];
      if (f.speaker.empty() || Is(f.speaker.b, kPronoun) || IsSourcePhrase(f.speaker)) continue;
      Range name = NameRun(f.speaker);
      if (name.e - name.b < 1 || d_.tokens[name.b].kind != TokenKind::kWord) continue;
      names_.push_back({d_.tokens[f.cue.b].span.start, StripTitles(name)});
      // The gender the entities know for that name, for "he"/"she" later;
      // one a name, so names_gender_[i] is names_[i]'s.
      const int* known = Surname(lower_[name.e - 1]);
      names_gender_.push_back(known != nullptr ? gender_[*known] : 0);
    }
  }

  // "Matthews: Here's the irony ...", "EXCLUSIVE – Roger Stone: Don't
  // Trust ...": a short name opening the sentence (or after a dash), a colon,
  // and what follows it.
  void ColonFrame(uint32_t sb, uint32_t se, uint32_t s) {
    uint32_t b = sb;
    for (uint32_t i = sb; i < se && i < sb + 4; ++i) {
      if (IsDashText(Text(i))) b = i + 1;
    }
    for (uint32_t c = b + 1; c < se && c < b + 6; ++c) {
      if (!IsPunct(c, ":")) continue;
      Range name = NameRun({b, c});
      // "A: ..." answers in an interview transcript ("A" is no determiner here).
      if (c == b + 1 && EqualsLiteral(Text(b), "A")) name = {b, c};
      if (name.b != b || name.e != c || inside_[c]) return;
      if (c + 1 < se && d_.tokens[c + 1].kind == TokenKind::kNumber) return;  // 3:20
      Frame f;
      f.cue = {c, c + 1};
      f.lemma = "say";
      f.sentence = s;
      f.speaker = name;
      f.colon = true;
      f.content = {c + 1, ClauseEnd(c + 1, se)};
      if (f.content.e > f.content.b) frames_.push_back(f);
      return;
    }
  }

  void AccordingTo(uint32_t v, uint32_t sb, uint32_t se, uint32_t s) {
    Frame f;
    f.cue = {v, v + 2};
    f.lemma = "according to";
    f.sentence = s;
    f.speaker = PhraseAfter(v + 2, se);
    if (f.speaker.empty()) return;
    uint32_t after = f.speaker.e;
    if (v == sb || (v > sb && !IsPunct(v - 1, ","))) {
      uint32_t k = after;
      if (k < se && IsPunct(k, ",")) ++k;
      if (v == sb) {
        f.content = {k, ClauseEnd(k, se)};
      } else {
        f.content = {sb, v};
      }
    } else {
      f.content = {sb, v - 1};
    }
    frames_.push_back(f);
  }

  // "called it “a matter of time”", "billed by X as “regrouping”": a
  // naming verb and the quoted term within a few tokens after it.
  void NameFrame(uint32_t v, uint32_t sb, uint32_t se, uint32_t s, const CueVerb* verb) {
    Frame f;
    f.cue = {v, v + 1};
    f.verb = verb;
    f.lemma = verb->lemma.data();  // NUL-terminated (CueVerb)
    f.sentence = s;
    uint32_t k = v + 1;
    if (Word(k, "by")) {
      Range by = PhraseAfter(k + 1, se);
      if (by.empty()) return;
      f.speaker = by;
      k = by.e;
    } else {
      f.speaker = SubjectBefore(v, sb);
      if (f.speaker.empty()) return;
    }
    for (uint32_t i = k; i < se && i < k + 6; ++i) {
      if (WordIn(i, "to", "for", "on")) return;
      if (d_.tokens[i].kind == TokenKind::kQuote && inside_[i] && MarkAt(i).open == i) {
        f.content = {i, i + 1};
        frames_.push_back(f);
        return;
      }
    }
  }

  // ---- marked quotes ------------------------------------------------------
  struct Attribution {
    int frame = -1;  // index into frames_, or -1
    Range cue;
    const char* lemma = nullptr;
    const CueVerb* verb = nullptr;
    Range speaker;
    double confidence = 0;
    bool leading = false;  // the attribution comes before the quote
  };

  // "Q," he said / "Q," said S / "Q" – S.
  bool Trailing(const MarkedSpan& m, Attribution* a) const {
    uint32_t pe = ParaEnd(m.paragraph);
    uint32_t t = m.close + 1;
    if (m.unclosed || m.runs_on) return false;
    if (t >= pe) return DashParagraph(m, a);
    if (IsPunct(t, ",")) ++t;
    if (t >= pe) return false;
    uint32_t se = d_.sentences[d_.SentenceOf(t)].end;
    // “Q.” Trump said. : the splitter may start a new sentence at the name.
    bool new_sentence = d_.SentenceOf(t) != d_.SentenceOf(m.close) && !d_.tokens[t].Is(kLower) &&
                        !IsDashText(Text(t));
    if (IsDashText(Text(t))) {
      Range sp = PhraseAfter(t + 1, pe);
      if (sp.empty() || !HasName(sp)) return false;
      if (sp.e < pe && !(IsTerminal(sp.e) || IsPunct(sp.e, ","))) return false;
      a->speaker = sp;
      a->confidence = 0.85;
      return true;
    }
    const CueVerb* verb = VerbAt(t);
    if (verb != nullptr && verb->frame != CueFrame::kName) {
      if (new_sentence) return false;
      Range sp = PhraseAfter(t + 1, se);
      if (sp.empty()) return false;
      a->speaker = sp;
      a->cue = {t, t + 1};
      a->verb = verb;
      a->confidence = 0.95;
      return true;
    }
    // "“This is fantastic!” beamed Donald Hartley", "“...,” fired back Trump":
    // an unlisted verb right after the mark, then a name to the sentence end.
    if (!new_sentence && verb == nullptr && d_.tokens[t].Is(kLower) && !Is(t, kStop) &&
        lower_[t].size() > 3) {
      // "“Q,” reads a Wednesday editorial in The Des Moines Register".
      bool past =
          lower_[t].compare(lower_[t].size() - 2, 2, "ed") == 0 || WordIn(t, "reads", "read");
      uint32_t b = t + 1;
      if (WordIn(b, "back", "in")) {
        past = true;
        ++b;
      }
      Range sp = past ? PhraseAfter(b, se) : Range{b, b};
      // "reads a Wednesday editorial in The Des Moines Register": a
      // document, then where it appeared.
      bool document = !sp.empty() && DocumentHead(sp);
      if (!sp.empty() && ((!NameRun(sp).empty() && NameRun(sp).b == sp.b) || document) &&
          (sp.e >= se || IsTerminal(sp.e) || IsPunct(sp.e, ",") ||
           (document && WordIn(sp.e, "in", "from", "by")))) {
        a->speaker = sp;
        a->cue = {t, b};
        a->lemma = "say";
        a->confidence = 0.8;
        return true;
      }
    }
    // The quote ends in its own comma or mark ("“Q,” S barked and ...").
    bool own_mark =
        (m.end() > m.begin() && (IsPunct(m.end() - 1, ",") || IsTerminal(m.end() - 1))) ||
        IsPunct(m.close + 1, ",");
    for (uint32_t v = t + 1; v < se && v < t + 16; ++v) {
      if (d_.tokens[v].kind == TokenKind::kQuote || (IsTerminal(v) && !AbbreviationDot(v)))
        return false;
      // "“Q,” an angry Hollande retaliated.", "“Q,” Trump shot back.": any
      // past-tense verb that ends the sentence after a phrase naming someone;
      // or is followed by a new clause or an adverbial ("“Q,” Trump barked
      // and a security guard escorted Ramos out", "“Q,” a young woman
      // exclaimed upon seeing him").
      bool past =
          VerbAt(v) == nullptr && d_.tokens[v].Is(kLower) && !Is(v, kStop) &&
          ((lower_[v].size() > 4 && lower_[v].compare(lower_[v].size() - 2, 2, "ed") == 0) ||
           WordIn(v, "read", "reads") || Word(v + 1, "back"));
      uint32_t after = past && Word(v + 1, "back") ? v + 2 : v + 1;
      if (past &&
          (after >= se || IsTerminal(after) || IsPunct(after, ",") ||
           (own_mark && d_.tokens[after].Is(kLower) &&
            ((Is(after, kPrep) && !Word(after, "to")) ||
             WordIn(after, "and", "as", "upon", "before", "after", "while", "when", "with"))))) {
        Range sp = PhraseBefore(v, t);
        if (!sp.empty() && sp.b == t &&
            (Is(sp.b, kPronoun) || (NameRun(sp).e == sp.e && !NameRun(sp).empty()) ||
             IsSourcePhrase(sp) || DocumentHead(sp) ||
             (Is(sp.b, kDet) && sp.e - sp.b >= 2 && !Word(sp.b, "no")))) {
          a->speaker = sp;
          a->cue = {v, v + 1};
          a->lemma = "say";
          a->confidence = 0.8;
          return true;
        }
      }
      const CueVerb* vb = VerbAt(v);
      if (vb == nullptr || vb->frame == CueFrame::kName) continue;
      Range sp = SubjectBefore(v, t);
      if (sp.empty()) return false;
      if (new_sentence) {
        // “Q!” Sessions said as he launched the vote; “Q?” Renteria told
        // reporters: the verb reports nothing else.
        // “Q.” Trump said. -- but not “Q.” Kuleba said on Twitter that ...
        bool colon = false;
        if (vb->frame != CueFrame::kSpeech || !ContentAfter(v, vb, se, &colon).empty() || colon)
          return false;
      }
      // The phrase (or "S, a doctor, ...") must fill the gap between the mark
      // and the verb: a name right after the mark, then a comma.
      if (sp.b > t + 24) return false;
      if (sp.b > t) {
        uint32_t comma = t;
        while (comma < sp.b && !IsPunct(comma, ",")) ++comma;
        Range lead = PhraseBefore(comma, t);
        Range name = NameRun({t, comma});
        bool appositive = comma < sp.b && lead.b == t && !name.empty() && name.e == comma;
        for (uint32_t k = t; k < sp.b && !appositive; ++k) {
          if (!PhraseWord(k) && !IsPunct(k, ",")) return false;
        }
        if (appositive && !Is(sp.b, kPronoun) && !(lead.e - lead.b == 1 && Is(lead.b, kTime)))
          sp = lead;
      }
      a->speaker = sp;
      a->cue = {v, v + 1};
      a->verb = vb;
      a->confidence = 0.93;
      return true;
    }
    return false;
  }

  // A quote that fills its paragraph, signed in the next one: “Q” ¶ "-
  // President Obama, tweeting after Clinton's speech." (quote boxes,
  // convention notebooks): a dash, then a name.
  bool DashParagraph(const MarkedSpan& m, Attribution* a) const {
    if (m.open != ParaBegin(m.paragraph) || m.paragraph + 1 >= d_.paragraphs.size()) return false;
    uint32_t b = ParaBegin(m.paragraph + 1), e = ParaEnd(m.paragraph + 1);
    if (b >= e || !IsDashText(Text(b))) return false;
    Range sp = PhraseAfter(b + 1, e);
    Range name = sp.empty() ? sp : NameRun(sp);
    if (name.empty() || name.e != sp.e || !(sp.e >= e || IsPunct(sp.e, ",") || IsTerminal(sp.e)))
      return false;
    a->speaker = sp;
    a->cue = {b, b + 1};
    a->lemma = "say";
    a->confidence = 0.8;
    return true;
  }

  // A frame of the opening mark's sentence whose verb comes before the quote
  // and whose reported span holds it ("S said: “Q”", "S wrote that “Q”").
  bool Leading(const MarkedSpan& m, Attribution* a) const {
    uint32_t s = d_.SentenceOf(m.open);
    for (uint32_t k = frame_begin_[s + 1]; k > frame_begin_[s]; --k) {
      const Frame& f = frames_[k - 1];
      if (f.cue.b > m.open) continue;
      bool holds = !f.content.empty() && f.content.b <= m.open && m.open < f.content.e;
      if (!holds && f.colon && f.content.b == m.open) holds = true;
      if (!holds) continue;
      a->frame = static_cast<int>(k - 1);
      a->speaker = f.speaker;
      a->cue = f.cue;
      a->verb = f.verb;
      a->lemma = f.lemma;
      a->confidence = f.content.b == m.open ? 0.92 : 0.82;
      a->leading = true;
      return true;
    }
    return false;
  }

  // A frame after the quote whose reported span holds it ("it was only “a
  // matter of time” before ..., said one of the officials").
  bool Around(const MarkedSpan& m, Attribution* a) const {
    uint32_t s0 = d_.SentenceOf(m.open);
    uint32_t last = std::min<uint32_t>(s0 + 3, static_cast<uint32_t>(d_.sentences.size()));
    for (uint32_t s = s0; s < last; ++s) {
      if (d_.sentences[s].paragraph != m.paragraph) break;
      for (uint32_t k = frame_begin_[s]; k < frame_begin_[s + 1]; ++k) {
        const Frame& f = frames_[k];
        if (f.content.empty() || f.cue.b < m.open) continue;
        if (f.content.b <= m.open && m.open < f.content.e) {
          a->frame = static_cast<int>(k);
          a->speaker = f.speaker;
          a->cue = f.cue;
          a->verb = f.verb;
          a->lemma = f.lemma;
          a->confidence = 0.8;
          return true;
        }
      }
    }
    return false;
  }

  // A paragraph that opens with the quote after one that ends "S said:".
  bool ColonLeadIn(const MarkedSpan& m, Attribution* a) const {
    if (m.paragraph == 0 || m.open != ParaBegin(m.paragraph)) return false;
    uint32_t prev = m.paragraph - 1;
    uint32_t pe = ParaEnd(prev);
    if (pe == 0 || !IsPunct(pe - 1, ":")) return false;
    uint32_t s = d_.SentenceOf(pe - 1);
    for (uint32_t k = frame_begin_[s + 1]; k > frame_begin_[s]; --k) {
      const Frame& f = frames_[k - 1];
      if (f.speaker.empty()) continue;
      a->frame = static_cast<int>(k - 1);
      a->speaker = f.speaker;
      a->cue = f.cue;
      a->verb = f.verb;
      a->lemma = f.lemma;
      a->confidence = 0.88;
      a->leading = true;
      return true;
    }
    // "Cruz called them on it:" with no reporting verb: the clause's subject.
    Range sp = ColonSubject(pe - 1);
    if (sp.empty()) return false;
    a->speaker = sp;
    a->cue = {pe - 1, pe};
    a->lemma = "say";
    a->confidence = 0.75;
    a->leading = true;
    return true;
  }

  // "More from Jones: “Q”", "Frank Newport and Jim Harter: “Q”": a name
  // right before a colon that introduces the quote.
  bool ColonName(const MarkedSpan& m, Attribution* a) const {
    if (m.open == 0 || !IsPunct(m.open - 1, ":")) return false;
    uint32_t c = m.open - 1;
    uint32_t lo = c > 8 ? c - 8 : 0;
    uint32_t pb = ParaBegin(m.paragraph);
    if (lo < pb) lo = pb;
    Range np = PhraseBefore(c, lo);
    Range name = np.empty() ? np : NameRun(np);
    // "... in a post on Twitter:": a medium, not a speaker.
    if (!np.empty() && np.b > lo && Is(np.b - 1, kPrep)) name = Range{c, c};
    if (name.empty() || name.e != np.e) {
      // "Trump went even further: “Q”", "leaned in and boomed: “Q”": the
      // subject of a short clause ending in the colon.
      uint32_t sb = d_.sentences[d_.SentenceOf(c)].begin;
      bool quoted = false;
      for (uint32_t i = sb; i < c; ++i) quoted |= d_.tokens[i].kind == TokenKind::kQuote;
      name = sb < pb || c - sb > 14 || quoted ? Range{c, c} : MainSubject(sb, c);
      if (name.empty() || name.e >= c) name = ColonSubject(c);
      if (name.empty() || name.e >= c) return false;
    }
    a->speaker = name;
    a->cue = {c, c + 1};
    a->lemma = "say";
    a->confidence = 0.75;
    a->leading = true;
    return true;
  }

  // “Q” after a comma that ends a short clause naming its speaker, with a
  // verb that is no reporting verb ("Hillary Clinton cracked, “Q”", "He
  // responds, “Q”", "At the bottom it reads, “Q”"): the clause's subject,
  // as before a colon. A comma after a name alone ("Trump, “Q”") or a
  // description without a verb ("The old adage, “Q”") gives nothing.
  bool CommaLeadIn(const MarkedSpan& m, Attribution* a) const {
    if (m.open == 0 || !IsPunct(m.open - 1, ",")) return false;
    uint32_t c = m.open - 1;
    if (d_.SentenceOf(c) != d_.SentenceOf(m.open)) return false;
    Range sp = ColonSubject(c);
    if (sp.empty() || sp.e >= c) return false;
    uint32_t v = sp.e;
    while (v < c && (Is(v, kAux) || Adverb(v))) ++v;
    if (v >= c || Is(v, kPronoun)) return false;
    // The clause ends in its verb, maybe with a short object or place
    // ("Hillary Clinton cracked,", "Trump issued a statement,", "told the
    // Post in a written statement,"), not with a new clause ("... the
    // movement for speaking out against injustice because to her,").
    if (c - v > 8) return false;
    for (uint32_t i = v + 1; i < c; ++i) {
      const Token& t = d_.tokens[i];
      if (t.kind != TokenKind::kWord || Is(i, kPronoun) ||
          (Is(i, kStop) && !Is(i, kDet) && !Is(i, kPrep)) || Word(i, "to"))
        return false;
    }
    // "I" and "we" outside quotes are the writer.
    if (WordIn(sp.b, "i", "we", "you")) return false;
    a->speaker = sp;
    a->cue = {v, v + 1};
    a->verb = VerbAt(v);
    a->lemma = "say";
    a->confidence = 0.72;
    a->leading = true;
    return true;
  }

  // A transcript line quoted as a whole ("WALLACE: Let's start ...", "“Q:
  // ..."): the speaker's name in capitals (or, at a paragraph's start, a
  // short capitalised name) and a colon open the quote. Returns the first
  // token after the colon, or kNone.
  uint32_t TranscriptLine(const MarkedSpan& m, Attribution* a) const {
    uint32_t b = m.begin();
    for (uint32_t c = b + 1; c < m.end() && c <= b + 3; ++c) {
      if (!IsPunct(c, ":")) continue;
      if (c + 1 >= m.end() || d_.tokens[c + 1].kind == TokenKind::kNumber) return kNone;
      bool caps = true, names = true;
      for (uint32_t i = b; i < c; ++i) {
        const Token& t = d_.tokens[i];
        caps &= t.kind == TokenKind::kWord &&
                (t.Is(kAllCaps) || EqualsLiteral(Text(i), "Q") || EqualsLiteral(Text(i), "A"));
        names &= t.kind == TokenKind::kWord && t.Is(kCapitalized) && !Is(i, kDet) &&
                 !Is(i, kPronoun) && words_.verb(i) == nullptr;
      }
      if (!(caps || (names && d_.tokens[m.open].Is(kParagraphStart) && MentionAt(c - 1))))
        return kNone;
      a->speaker = {b, c};
      a->cue = {c, c + 1};
      a->lemma = "say";
      a->confidence = 0.85;
      a->leading = true;
      return c + 1;
    }
    return kNone;
  }

  // Does the quote close its sentence? (A quote without a closing mark runs
  // to its paragraph's end, where m.close points one past the last token.)
  bool EndsSentence(const MarkedSpan& m) const {
    if (m.unclosed || m.runs_on || m.close >= d_.tokens.size()) return true;
    uint32_t se = d_.sentences[d_.SentenceOf(m.close)].end;
    return m.close + 1 >= se || IsTerminal(m.close + 1) ||
           (m.end() > m.begin() && IsTerminal(m.end() - 1));
  }

  // Does the quote stand as a sentence of its own (or after "S said:")?
  bool StandsAlone(const MarkedSpan& m, const Attribution& a, uint32_t split_cue) const {
    uint32_t sb = d_.sentences[d_.SentenceOf(m.open)].begin;
    // The rest of a split quote: “That, unfortunately,” he said, “is part of ...”
    if (a.leading && !a.cue.empty() && a.cue.b == split_cue) return true;
    // "He added, “actually, what I don't understand ...”", "Clinton said,
    // “as long as we're not violating any election laws.”": after its lead-in
    // and a comma or colon, a quote that closes the sentence is a statement
    // even when it opens in lower case.
    if (a.leading && !a.cue.empty() && a.cue.b < m.open && m.open > sb &&
        (IsPunct(m.open - 1, ",") || IsPunct(m.open - 1, ":")) && EndsSentence(m) &&
        (a.frame < 0 || frames_[a.frame].content.b == m.open) && !TitleCase(m.open) &&
        // In lower case only when the speaker opens the sentence: in "In
        // other words, he said, “the era ... is over.”" the statement began
        // before the speaker.
        (!d_.tokens[m.begin()].Is(kLower) || a.speaker.b == sb ||
         (a.speaker.b == sb + 1 && WordIn(sb, "and", "but", "so")))) {
      uint32_t words = 0;
      for (uint32_t i = m.begin(); i < m.end() && words < 2; ++i)
        words += d_.tokens[i].kind == TokenKind::kWord;
      // "Mrs. Clinton shook her head and said, “No.”": one word, a sentence.
      if (words >= 2 || (words == 1 && m.end() > m.begin() && IsTerminal(m.end() - 1))) return true;
    }
    bool at_start = OpensSentence(m.open);
    if (!at_start && a.leading && a.frame >= 0) {
      const Frame& f = frames_[a.frame];
      at_start = f.content.b == m.open && f.speaker.b >= sb;
      // Only the attribution may precede it: "S said:", "S said,".
      // Else a capitalised statement that ends the sentence ("S says “We
      // will win.”"), not a title ("calling Obama the ‘Most Valuable Player’").
      if (at_start && !(f.colon || IsPunct(m.open - 1, ",") || IsPunct(m.open - 1, ":"))) {
        uint32_t words = 0;
        for (uint32_t i = m.begin(); i < m.end(); ++i)
          words += d_.tokens[i].kind == TokenKind::kWord;
        bool ends = EndsSentence(m);
        at_start =
            d_.tokens[m.begin()].Is(kCapitalized) && words >= 4 && ends && !TitleCase(m.open);
        // "He says “it’s interesting that ...”": a statement that follows the
        // verb at once and closes the sentence.
        if (!at_start && m.open == f.cue.e && ends && words >= 3 && !TitleCase(m.open) &&
            (f.verb == nullptr || f.verb->frame == CueFrame::kSpeech))
          return true;
      }
    }
    if (!at_start && m.open > sb && IsPunct(m.open - 1, ":")) at_start = true;
    // “Q,” Misha said. after text the splitter did not end (a caption or a
    // headline without its period): a capitalised statement of a few words
    // that ends in its own comma or mark before the attribution after it.
    if (!at_start && !a.leading && !a.cue.empty() && a.cue.b > m.close && m.end() > m.begin() &&
        (IsPunct(m.end() - 1, ",") || IsTerminal(m.end() - 1)) &&
        d_.tokens[m.begin()].Is(kCapitalized) && !TitleCase(m.open) && m.open > sb &&
        d_.tokens[m.open - 1].kind == TokenKind::kWord && !Is(m.open - 1, kStop) &&
        !Is(m.open - 1, kDet) && words_.verb(m.open - 1) == nullptr) {
      // Not a title ("“The Steve Harvey Morning Show,” ...").
      uint32_t words = 0, lower = 0;
      for (uint32_t i = m.begin(); i < m.end() && i < m.begin() + 40; ++i) {
        words += d_.tokens[i].kind == TokenKind::kWord;
        lower += d_.tokens[i].kind == TokenKind::kWord && d_.tokens[i].Is(kLower);
      }
      at_start = words >= 4 && lower >= 2;
    }
    if (!at_start) return false;
    const Token& first = d_.tokens[m.begin()];
    if (first.Is(kLower) && !m.continues) return false;
    // Has a few words ("“Denver,” he answered." is a statement too).
    uint32_t words = 0;
    for (uint32_t i = m.begin(); i < m.end() && words < 5; ++i)
      words += d_.tokens[i].kind == TokenKind::kWord;
    return words >= 2 || (words == 1 && !a.leading && !a.cue.empty());
  }

  // The mark at token i starts a sentence (the splitter may have given an
  // opening '' to the sentence before).
  bool OpensSentence(uint32_t i) const {
    return i == d_.sentences[d_.SentenceOf(i)].begin || (i > 0 && IsTerminal(i - 1)) ||
           d_.tokens[i].Is(kParagraphStart);
  }

  bool LooksLikeTerm(const MarkedSpan& m) const {
    uint32_t words = 0;
    for (uint32_t i = m.begin(); i < m.end(); ++i) {
      if (IsTerminal(i) || IsPunct(i, ",") || IsPunct(i, ":") || IsPunct(i, ";")) {
        if (!(IsPunct(i, ",") && i + 1 == m.end())) return false;
      }
      words += d_.tokens[i].kind == TokenKind::kWord || d_.tokens[i].kind == TokenKind::kNumber;
    }
    if (words == 0 || words > 4) return false;
    if (m.open > 0) {
      uint32_t p = m.open - 1;
      // "the “special military operation”", "separatist “republics”", "Putin's coveted “land
      // bridge”"
      if (Is(p, kDet) || d_.tokens[p].Is(kPossessive) ||
          (d_.tokens[p].kind == TokenKind::kWord && words_.verb(p) == nullptr && !Is(p, kStop) &&
           !Is(p, kPronoun) && words <= 3))
        return true;
    }
    return words <= 2;
  }

  void AttributeMarked() {
    Speaker last;
    bool has_last = false;
    uint32_t last_para = 0;
    size_t fp = 0;               // frames before the current quote, for the running speaker
    uint32_t split_cue = kNone;  // the cue after the last direct quote
    uint32_t last_end = 0;       // byte after the latest attribution
    // A quote a mark, then the indirect quotes (EmitIndirect): out_ is
    // reserved once for both (peak memory: grown again for the indirect
    // ones, the quotes were held twice, 0.27x the input on 1 MB of news).
    IndirectFrames();
    out_.reserve(marks_.size() + indirect_.size());
    for (const MarkedSpan& m : marks_) {
      // The latest speaker named by a frame before this quote.
      while (fp < frames_.size() && frames_[fp].cue.b < m.open) {
        const Frame& f = frames_[fp];
        // Only what someone said carries on to the next quote ("sought to"
        // and other stances do not).
        if (!f.speaker.empty() && f.verb != nullptr && f.verb->frame == CueFrame::kSpeech &&
            f.verb != &lex_.call_for && f.verb != &lex_.point_to && f.verb != &lex_.refer_to) {
          last = Resolve(f.speaker, Span{0, 0});
          has_last = true;
          last_para = ParaOf(f.cue.b);
          last_end = std::max(d_.tokens[f.cue.b].span.end, d_.tokens[f.speaker.e - 1].span.end);
        }
        ++fp;
      }
      Attribution a;
      Quote q;
      q.span = {d_.tokens[m.begin()].span.start, d_.tokens[m.end() - 1].span.end};
      q.unclosed = m.unclosed;
      // "WALLACE: Let's start ..." quoted as a whole: the name is the speaker
      // and not part of the quote.
      uint32_t line = TranscriptLine(m, &a);
      if (line != kNone) q.span.start = d_.tokens[line].span.start;
      bool found = line != kNone || Trailing(m, &a) || Leading(m, &a) || ColonLeadIn(m, &a) ||
                   ColonName(m, &a) || CommaLeadIn(m, &a);
      if (found && NoSpeaker(a.speaker)) found = false;
      bool around = false;
      if (!found) found = around = Around(m, &a);
      bool term = LooksLikeTerm(m);
      if (found && a.frame >= 0) {
        const Frame& f = frames_[a.frame];
        // A term inside someone's reported speech stays a scare quote unless
        // the verb names it ("billed ... as “regrouping”").
        if (term && !(f.verb != nullptr && f.verb->frame == CueFrame::kName)) found = false;
      }
      if (found) {
        // A frame stays: EmitIndirect drops it when its reported span is no
        // more than this quote, and keeps the reported speech around a fragment.
        if (!a.cue.empty()) {
          q.has_cue = true;
          q.cue.span = Bytes(a.cue);
          const CueVerb* verb = a.verb;
          q.cue.lemma = verb != nullptr ? std::string_view(verb->lemma)
                                        : std::string_view(a.lemma ? a.lemma : "say");
          q.cue.stance = verb != nullptr ? std::string_view(verb->stance) : "say";
        }
        q.has_speaker = true;
        q.speaker = Resolve(a.speaker, q.span);
        q.confidence = a.confidence;
        q.kind =
            StandsAlone(m, a, split_cue) && !around ? Quote::Kind::kDirect : Quote::Kind::kPartial;
        split_cue =
            q.kind == Quote::Kind::kDirect && !a.leading && !a.cue.empty() ? a.cue.b : kNone;
        last = q.speaker;
        has_last = true;
        last_para = m.paragraph;
        last_end = std::max(q.span.end, q.speaker.has_span ? q.speaker.span.end : 0u);
      } else if (has_last && !term && (!m.unclosed || m.continues) &&
                 (m.continues ||
                  ((m.paragraph == last_para || m.paragraph == last_para + 1) &&
                   OpensSentence(m.open)) ||
                  // A quote opening its paragraph a few paragraphs on, when no
                  // other person was named since (news style: the quotes go
                  // on while the writer's paragraphs explain).
                  (m.open == ParaBegin(m.paragraph) && m.paragraph <= last_para + 3 &&
                   !PersonSince(last_end, q.span.start, last)))) {
        // A quote running on without a new attribution keeps the speaker.
        q.has_speaker = true;
        q.speaker = last;
        q.kind = Quote::Kind::kDirect;
        q.confidence = m.continues ? 0.85 : 0.7;
        last_para = m.paragraph;
      } else if (term) {
        q.kind = Quote::Kind::kScare;
        q.confidence = 0.6;
      } else {
        q.kind = Quote::Kind::kDirect;
        q.confidence = 0.4;
      }
      if (q.unclosed) q.confidence *= 0.7;
      out_.push_back(std::move(q));
    }
  }

  // The reported span of frame f without the punctuation at its edges,
  // when it is an indirect quote of its own; else an empty range.
  Range IndirectContent(const Frame& f) const {
    if (f.used || f.content.empty() || f.speaker.empty()) return {};
    if (f.verb != nullptr && f.verb->frame == CueFrame::kName) return {};
    Range c = f.content;
    // Trim marks and punctuation at the edges.
    while (c.b < c.e && (d_.tokens[c.b].kind == TokenKind::kPunct)) ++c.b;
    while (c.e > c.b && (d_.tokens[c.e - 1].kind == TokenKind::kPunct)) --c.e;
    uint32_t words = 0;
    // Reported speech around a quoted fragment stays (the fragment is a
    // partial quote of its own); a frame that only introduces a quote goes.
    uint32_t outside = 0;
    for (uint32_t i = c.b; i < c.e; ++i) {
      bool word = d_.tokens[i].kind == TokenKind::kWord || d_.tokens[i].kind == TokenKind::kNumber;
      words += word;
      outside += word && !inside_[i];
    }
    if (words < 3 || outside < 3) return {};
    return c;
  }

  // The frames that make an indirect quote, with its range (frames_ and
  // inside_ are final once the frames are built).
  void IndirectFrames() {
    indirect_.clear();
    for (const Frame& f : frames_) {
      const Range c = IndirectContent(f);
      if (!c.empty()) indirect_.push_back({&f, c});
    }
  }

  void EmitIndirect() {
    out_.reserve(out_.size() + indirect_.size());  // AttributeMarked reserved it
    for (const auto& [frame, c] : indirect_) {
      const Frame& f = *frame;
      Quote q;
      q.kind = Quote::Kind::kIndirect;
      q.span = Bytes(c);
      q.has_cue = true;
      q.cue.span = Bytes(f.cue);
      q.cue.lemma = f.verb != nullptr ? std::string_view(f.verb->lemma) : f.lemma;
      q.cue.stance = f.verb != nullptr ? std::string_view(f.verb->stance) : "say";
      q.has_speaker = true;
      // Names inside reported speech may be who "he" is ("Borrell warned
      // ..., he said"), so nothing is skipped.
      q.speaker = Resolve(f.speaker, Span{0, 0});
      q.confidence = f.verb != nullptr && f.verb->frame == CueFrame::kThink ? 0.55 : 0.7;
      out_.push_back(std::move(q));
    }
  }

  // Is a person other than `who` named outside quotes between bytes `from`
  // and `to`? (A bounded walk over the sorted mentions.)
  bool PersonSince(uint32_t from, uint32_t to, const Speaker& who) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                               [](const MentionRef& m, uint32_t b) { return m.start < b; });
    for (int steps = 0; it != mentions_.end() && it->start < to; ++it) {
      if (++steps > 64) return true;
      if (!person_[it->entity] || it->entity == who.entity) continue;
      uint32_t t = TokenAt(it->start);
      if (t != kNone && inside_[t]) continue;
      return true;
    }
    return false;
  }

  // ---- speakers -----------------------------------------------------------
  void IndexMentions() {
    size_t mentions = 0;
    for (const Entity& e : ents_) mentions += e.mentions.size();
    mentions_.reserve(mentions);  // not doubled past them (peak memory)
    // Lower-casing never lengthens a name: the surnames' bytes fit the names'
    // (reserved once, so that the views in surname_ stay valid).
    size_t name_bytes = 0, named = 0;
    for (const Entity& e : ents_) {
      name_bytes += e.name.size();
      named += EqualsLiteral(e.type, "PERSON") || EqualsLiteral(e.type, "ORG");
    }
    surname_text_.reserve(name_bytes);
    surname_ = CompactKeyTable<int>(named);
    for (size_t e = 0; e < ents_.size(); ++e) {
      for (const Mention& m : ents_[e].mentions)
        mentions_.push_back({m.span.start, m.span.end, static_cast<int>(e)});
      const std::string& type = ents_[e].type;
      if (!EqualsLiteral(type, "PERSON") && !EqualsLiteral(type, "ORG")) continue;
      const std::string_view name = ents_[e].name;
      const size_t sp = name.rfind(' ');
      const size_t at = surname_text_.size();
      AppendLower(sp == std::string_view::npos ? name : name.substr(sp + 1), &surname_text_);
      AddSurname(std::string_view(surname_text_).substr(at),
                 static_cast<int>(e));  // the first (most salient) wins
    }
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const MentionRef& a, const MentionRef& b) { return a.start < b.start; });
    Genders();
  }

  // The gender each person's name or honorific marks ('f', 'm', or 0 when
  // unknown), so "she" skips Donald Trump and "he" skips Hillary Clinton:
  // the given name ("Hillary Clinton"), else an honorific or gendered title
  // before a mention ("Mrs. Clinton", "spokeswoman Hope Hicks").
  void Genders() {
    gender_.assign(ents_.size(), 0);
    person_.assign(ents_.size(), 0);
    for (size_t e = 0; e < ents_.size(); ++e) {
      bool person = EqualsLiteral(ents_[e].type, "PERSON");
      person_[e] = person;
      if (person) {
        const std::string& name = ents_[e].name;
        size_t sp = name.find(' ');
        if (sp != std::string::npos)
          gender_[e] = lex_.GenderOf(std::string_view(name).substr(0, sp));
        if (gender_[e] != 0) continue;
      }
      // A name the tagger took for an organisation or a place ("Ms.
      // Renteria" as ORG); numbers and dates never are.
      const std::string_view type = ents_[e].type;
      if (!person &&
          !(EqualsLiteral(type, "ORG") || EqualsLiteral(type, "GPE") ||
            EqualsLiteral(type, "LOC") || EqualsLiteral(type, "FAC")) &&
          !EqualsLiteral(type, "NORP"))
        continue;
      const std::vector<Mention>& ms = ents_[e].mentions;
      if (!person) {
        // Only a name written with Mr./Mrs./Ms./Miss (a look at the bytes:
        // no token search for the many organisations and places).
        bool titled = false;
        for (size_t k = 0; k < ms.size() && k < 4 && !titled; ++k) {
          uint32_t b = ms[k].span.start;
          std::string_view before = d_.text.substr(b >= 6 ? b - 6 : 0, b >= 6 ? 6 : b);
          std::string_view own = d_.text.substr(b, 5);
          for (std::string_view h : {"Mr. ", "Ms. ", "Mrs. ", "Miss ", "Mr ", "Ms "}) {
            titled |= (before.size() >= h.size() &&
                       before.compare(before.size() - h.size(), h.size(), h) == 0) ||
                      (own.size() >= h.size() && own.compare(0, h.size(), h) == 0);
          }
        }
        if (!titled) continue;
      }
      for (size_t k = 0; k < ms.size() && k < (person ? 8u : 4u) && gender_[e] == 0; ++k) {
        uint32_t t = TokenAt(ms[k].span.start);
        if (t == kNone) continue;
        // The honorific before the mention or opening it ("Ms." may come as
        // "Ms" and ".").
        for (uint32_t p : {t, t - 1}) {
          if (p == kNone || (p == t && t + 1 >= d_.tokens.size())) continue;
          if (p != t && p > 0 && IsPunct(p, ".")) --p;
          const std::string_view w = lower_[p];
          bool honorific = EqualsLiteral(w, "mr.") || EqualsLiteral(w, "mr") ||
                           EqualsLiteral(w, "mrs.") || EqualsLiteral(w, "ms.") ||
                           EqualsLiteral(w, "mrs") || EqualsLiteral(w, "ms") ||
                           EqualsLiteral(w, "miss");
          // "Ms. Renteria" tagged ORG is a person all the same.
          if (honorific) person_[e] = 1;
          if (!person_[e]) continue;
          if (EqualsLiteral(w, "mr.") || EqualsLiteral(w, "mr") || EqualsLiteral(w, "spokesman") ||
              EqualsLiteral(w, "congressman") || EqualsLiteral(w, "chairman") ||
              EqualsLiteral(w, "king") || EqualsLiteral(w, "father") ||
              EqualsLiteral(w, "husband") || EqualsLiteral(w, "son") || EqualsLiteral(w, "brother"))
            gender_[e] = 'm';
          else if (EqualsLiteral(w, "mrs.") || EqualsLiteral(w, "ms.") || EqualsLiteral(w, "mrs") ||
                   EqualsLiteral(w, "ms") || EqualsLiteral(w, "miss") ||
                   EqualsLiteral(w, "spokeswoman") || EqualsLiteral(w, "congresswoman") ||
                   EqualsLiteral(w, "chairwoman") || EqualsLiteral(w, "queen") ||
                   EqualsLiteral(w, "actress") || EqualsLiteral(w, "mother") ||
                   EqualsLiteral(w, "wife") || EqualsLiteral(w, "daughter") ||
                   EqualsLiteral(w, "sister") || EqualsLiteral(w, "lady"))
            gender_[e] = 'f';
          if (gender_[e] != 0) break;
        }
      }
    }
    LearnGendersFromPronouns();
  }

  // A person whose name and titles mark no gender takes the one of the
  // pronouns used while they are the only person named: in each sentence
  // (outside quotes) that names one person, "he"/"his"/"him" or
  // "she"/"her" count for that person. One pass over sentences and mentions.
  void LearnGendersFromPronouns() {
    bool unknown = false;
    for (size_t e = 0; e < ents_.size() && !unknown; ++e) unknown = person_[e] && gender_[e] == 0;
    if (!unknown) return;
    std::vector<uint16_t> he(ents_.size(), 0), she(ents_.size(), 0);
    // Sentences that hold quoted words: only there is a mention looked up
    // by token to see whether it is quoted.
    std::vector<char> quoted(d_.sentences.size(), 0);
    for (const MarkedSpan& m : marks_) {
      uint32_t last = std::min<uint32_t>(m.close, static_cast<uint32_t>(d_.tokens.size()) - 1);
      const uint32_t to = d_.SentenceOf(last);
      for (uint32_t x = d_.SentenceOf(m.open); x <= to; ++x) quoted[x] = 1;
    }
    size_t mi = 0;
    uint32_t ti = 0;  // token walk in step with the mentions (both in text order)
    for (uint32_t sx = 0; sx < d_.sentences.size(); ++sx) {
      const Sentence& sen = d_.sentences[sx];
      if (sen.end <= sen.begin) continue;
      uint32_t sb = d_.tokens[sen.begin].span.start, se = d_.tokens[sen.end - 1].span.end;
      int only = -1;
      bool several = false;
      while (mi < mentions_.size() && mentions_[mi].start < sb) ++mi;
      for (size_t k = mi; k < mentions_.size() && mentions_[k].start < se; ++k) {
        int e = mentions_[k].entity;
        if (!person_[e]) continue;
        if (quoted[sx]) {
          if (ti < sen.begin) ti = sen.begin;
          while (ti + 1 < sen.end && d_.tokens[ti + 1].span.start <= mentions_[k].start) ++ti;
          if (inside_[ti]) continue;
        }
        if (only >= 0 && only != e) several = true;
        only = e;
      }
      if (only < 0 || several || gender_[only] != 0) continue;
      // Only pronouns after the person's first mention there: "she had come
      // to believe ... Obama" is about someone else.
      uint32_t from = sen.begin;
      for (size_t k = mi; k < mentions_.size() && mentions_[k].start < se; ++k) {
        if (mentions_[k].entity != only) continue;
        while (from + 1 < sen.end && d_.tokens[from].span.start < mentions_[k].start) ++from;
        break;
      }
      for (uint32_t i = from; i < sen.end; ++i) {
        const std::string_view w = lower_[i];
        if (w.size() < 2 || w.size() > 7 || (w[0] != 'h' && w[0] != 's') || inside_[i]) continue;
        if (EqualsLiteral(w, "he") || EqualsLiteral(w, "his") || EqualsLiteral(w, "him") ||
            EqualsLiteral(w, "himself"))
          he[only] += he[only] < 1000;
        else if (EqualsLiteral(w, "she") || EqualsLiteral(w, "her") || EqualsLiteral(w, "hers") ||
                 EqualsLiteral(w, "herself"))
          she[only] += she[only] < 1000;
      }
    }
    for (size_t e = 0; e < ents_.size(); ++e) {
      if (gender_[e] != 0) continue;
      if (he[e] >= 1 && he[e] >= 3 * she[e])
        gender_[e] = 'm';
      else if (she[e] >= 1 && she[e] >= 3 * he[e])
        gender_[e] = 'f';
    }
  }

  // The token that starts at byte b, or kNone.
  uint32_t TokenAt(uint32_t b) const {
    auto it = std::lower_bound(d_.tokens.begin(), d_.tokens.end(), b,
                               [](const Token& t, uint32_t x) { return t.span.start < x; });
    if (it == d_.tokens.end() || it->span.start != b) return kNone;
    return static_cast<uint32_t>(it - d_.tokens.begin());
  }

  template <size_t N>
  bool TypeIs(int e, const char (&t)[N]) const {
    return EqualsLiteral(ents_[e].type, t);
  }

  // Does an entity mention cover token i?
  bool MentionAt(uint32_t i) const {
    uint32_t at = d_.tokens[i].span.start;
    auto it = std::upper_bound(mentions_.begin(), mentions_.end(), at,
                               [](uint32_t b, const MentionRef& m) { return b < m.start; });
    for (int steps = 0; it != mentions_.begin() && steps < 4; ++steps) {
      --it;
      if (it->start <= at && at < it->end) return true;
    }
    return false;
  }

  // The latest mention before `before` of an entity whose type fits, skipping
  // mentions inside `skip` (the quote itself). Bounded walk.
  // gender: 'f' or 'm' skips persons known to be of the other; group: a
  // "they" (an organisation or a people, not a country).
  int RecentEntity(uint32_t before, Span skip, bool person, char gender = 0,
                   bool group = false) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                               [](const MentionRef& m, uint32_t b) { return m.start < b; });
    int steps = 0;
    // A person of unknown gender is taken unless one of the pronoun's gender
    // is named shortly before ("Ms. Renteria met the mayor, Jordan Smith").
    int unknown = -1;
    uint32_t unknown_at = 0;
    while (it != mentions_.begin() && steps++ < 200) {
      --it;
      if (it->start >= skip.start && it->end <= skip.end && skip.end > skip.start) continue;
      const std::string& t = ents_[it->entity].type;
      if (person) {
        if (unknown >= 0 && it->start + kGenderReach < unknown_at) return unknown;
        if (!person_[it->entity]) continue;
        char g = gender_[it->entity];
        if (gender != 0 && g != 0 && g != gender) continue;
        if (gender != 0 && g == 0) {
          if (unknown < 0) {
            unknown = it->entity;
            unknown_at = it->start;
          }
          continue;
        }
        return it->entity;
      }
      if (person_[it->entity]) continue;
      if (EqualsLiteral(t, "ORG") || EqualsLiteral(t, "NORP") ||
          (EqualsLiteral(t, "GPE") && !group))
        return it->entity;
    }
    return unknown;
  }

  Speaker Resolve(Range r, Span quote) const {
    if (r.e - r.b == 1 && WordIn(r.b, "who", "which")) {
      // "Misha, a member of the brigade who said": who it is comes from before.
      uint32_t k = r.b;
      if (k > 0 && IsPunct(k - 1, ",")) --k;
      uint32_t lo = d_.sentences[d_.SentenceOf(r.b)].begin;
      Range ante = PhraseBefore(k, lo);
      // "Misha, a member of the brigade who said": the name the description is about.
      if (!ante.empty() && ante.b > lo + 1 && IsPunct(ante.b - 1, ",")) {
        Range name = PhraseBefore(ante.b - 1, lo);
        Range run = name.empty() ? name : NameRun(name);
        if (!run.empty() && run.e == name.e) ante = name;
      }
      Speaker s;
      if (!ante.empty() && !(ante.e - ante.b == 1 && Word(ante.b, "who"))) s = Resolve(ante, quote);
      s.has_span = true;
      s.span = Bytes(r);
      return s;
    }
    Speaker s;
    s.has_span = true;
    s.span = Bytes(r);
    if (r.e - r.b == 1 && Is(r.b, kPronoun)) {
      const std::string_view w = lower_[r.b];
      // "I" and "we" outside quotes are the writer: no one to look back for.
      if (EqualsLiteral(w, "i") || EqualsLiteral(w, "we") || EqualsLiteral(w, "you")) return s;
      // "U.S. defense officials have declined to say how far they think
      // ...": "they" is the group of people a recent frame named.
      if (EqualsLiteral(w, "they")) {
        Range group = RecentGroup(r.b);
        if (!group.empty()) {
          Speaker g = Resolve(group, quote);
          g.has_span = true;
          g.span = s.span;
          return g;
        }
      }
      bool person = EqualsLiteral(w, "he") || EqualsLiteral(w, "she");
      s.entity = RecentEntity(s.span.start, quote, person,
                              EqualsLiteral(w, "he")    ? 'm'
                              : EqualsLiteral(w, "she") ? 'f'
                                                        : 0,
                              EqualsLiteral(w, "they"));
      if (s.entity < 0 && person) {
        // Before entities exist: the latest speaker named before it.
        auto n = std::lower_bound(
            names_.begin(), names_.end(), s.span.start,
            [](const std::pair<uint32_t, Span>& x, uint32_t b) { return x.first < b; });
        // Not one the entities know to be of the other gender.
        char want = EqualsLiteral(w, "he") ? 'm' : 'f';
        for (int steps = 0; n != names_.begin() && steps < 8; ++steps) {
          --n;
          char g = names_gender_[n - names_.begin()];
          if (g != 0 && g != want) continue;
          s.name = n->second;
          break;
        }
      }
      return s;
    }
    // Entities whose mentions overlap the phrase: a person first.
    int best = -1;
    Span best_span{};
    // mentions_ is sorted by start; walk a bounded stretch around the phrase.
    auto lo = std::lower_bound(mentions_.begin(), mentions_.end(), s.span.start,
                               [](const MentionRef& m, uint32_t b) { return m.start < b; });
    int steps = 0;
    while (lo != mentions_.begin() && steps++ < 8) --lo;
    // A name after "of"/"for" in a description ("a supporter of Hillary
    // Clinton") is not who the phrase is.
    uint32_t head_end = s.span.end;
    if (r.e - r.b > 1 && !Is(r.b, kPronoun)) {
      uint32_t h = Head(r);
      if (h + 1 < r.e && Is(h + 1, kJoin)) head_end = d_.tokens[h].span.end;
    }
    int org = -1;  // an organisation or place named anywhere in the phrase
    for (auto m = lo; m != mentions_.end() && m->start < s.span.end; ++m) {
      if (m->end <= s.span.start) continue;
      if (TypeIs(m->entity, "ORG") || TypeIs(m->entity, "GPE") || TypeIs(m->entity, "NORP"))
        org = m->entity;
      if (m->start >= head_end) continue;
      bool person = TypeIs(m->entity, "PERSON");
      if (best < 0 || (person && !TypeIs(best, "PERSON")) ||
          (person == TypeIs(best, "PERSON") && m->start >= best_span.start)) {
        best = m->entity;
        best_span = {m->start, m->end};
      }
    }
    bool anonymous = IsSourcePhrase(r) && (best < 0 || !TypeIs(best, "PERSON"));
    if (anonymous) {
      s.anonymous = true;
      s.descriptor = s.span;
      if (org < 0) org = GroupOrganization(r);
      if (org >= 0) {
        s.organization = org;
        if (TypeIs(org, "NORP") && ents_[org].link >= 0) s.organization = ents_[org].link;
      }
      return s;
    }
    if (best >= 0 && (TypeIs(best, "PERSON") || !HasPersonName(r))) {
      s.entity = best;
      // "The Ukrainian military": a description whose head comes after the
      // name keeps its words as written; a name keeps the name.
      uint32_t h = Head(r);
      bool described = !TypeIs(best, "PERSON") && d_.tokens[h].Is(kLower) &&
                       d_.tokens[h].span.start >= best_span.end;
      if (!described) s.span = best_span;
      return s;
    }
    Range name = NameRun(r);
    if (!name.empty()) {
      s.span = Bytes(name);
      const int* found = Surname(lower_[name.e - 1]);
      if (found != nullptr) {
        s.entity = *found;
      } else {
        s.name = StripTitles(name);
      }
    }
    return s;
  }

  // The speaker phrase of a recent frame (this paragraph or the one before,
  // at most 8 frames back) that names a group of people: a plural noun
  // ("U.S. defense officials", "Protesters") rather than a name.
  Range RecentGroup(uint32_t tok) const {
    auto it = std::lower_bound(frames_.begin(), frames_.end(), tok,
                               [](const Frame& f, uint32_t b) { return f.cue.b < b; });
    uint32_t para = ParaOf(tok);
    for (int steps = 0; it != frames_.begin() && steps < 8; ++steps) {
      --it;
      const Frame& f = *it;
      if (ParaOf(f.cue.b) + 1 < para) break;
      if (f.speaker.empty() || Is(f.speaker.b, kPronoun) || f.speaker.b == tok) continue;
      uint32_t h = Head(f.speaker);
      const std::string_view w = lower_[h];
      bool plural = d_.tokens[h].Is(kLower) && w.size() > 3 && w.back() == 's' &&
                    w.compare(w.size() - 2, 2, "ss") != 0;
      if (plural) return f.speaker;
    }
    return {tok, tok};
  }

  // "one of the officials" after "U.S. defense officials said ...": the
  // organisation of the latest unnamed source with the same head noun
  // (a bounded walk back over the frames).
  int GroupOrganization(Range r) const {
    uint32_t of = r.b;
    while (of < r.e && !Word(of, "of")) ++of;
    if (of >= r.e) return -1;
    const std::string_view head = lower_[r.e - 1];
    uint32_t at = d_.tokens[r.b].span.start;
    auto it = std::lower_bound(frames_.begin(), frames_.end(), at, [&](const Frame& f, uint32_t b) {
      return d_.tokens[f.cue.b].span.start < b;
    });
    for (int steps = 0; it != frames_.begin() && steps < 20; ++steps) {
      --it;
      const Frame& f = *it;
      if (f.speaker.empty() || lower_[f.speaker.e - 1] != head || f.speaker.b == r.b) continue;
      Span sp = Bytes(f.speaker);
      auto m = std::lower_bound(mentions_.begin(), mentions_.end(), sp.start,
                                [](const MentionRef& x, uint32_t b) { return x.start < b; });
      for (; m != mentions_.end() && m->start < sp.end; ++m) {
        if (TypeIs(m->entity, "ORG") || TypeIs(m->entity, "GPE") || TypeIs(m->entity, "NORP"))
          return m->entity;
      }
      return -1;
    }
    return -1;
  }

  bool HasPersonName(Range r) const { return NameRun(r).e - NameRun(r).b >= 2; }

  // "US Defense Secretary Lloyd Austin" -> "Lloyd Austin" (used only until
  // the entities stage names the person).
  Span StripTitles(Range name) const {
    uint32_t b = name.b;
    for (uint32_t i = name.b; i + 1 < name.e; ++i) {
      if (Is(i, kTitle)) b = i + 1;
    }
    return Bytes({b, name.e});
  }

  const Document& d_;
  const std::vector<Entity>& ents_;
  std::vector<Warning>* warnings_;
  const QuoteLexicon& lex_;
  TokenWords words_;  // per token: word classes and cue verb
  LowerWords lower_;
  std::vector<MarkedSpan> marks_;
  // Per token: inside a quote, from its opening mark to its closing mark (a
  // byte a token; which quote, MarkAt tells for the mark tokens alone).
  std::vector<uint8_t> inside_;
  std::vector<uint32_t> cues_;          // tokens with a cue verb or "according", in text order
  std::vector<uint32_t> quote_tokens_;  // the kQuote tokens, Classify to PairQuoteMarks
  std::vector<uint32_t> colons_;        // the ":" tokens, Classify to BuildFrames
  std::vector<std::pair<uint32_t, uint32_t>> mark_of_;  // (quote-mark token, quote) sorted
  std::vector<Frame> frames_;
  std::vector<uint32_t> frame_begin_;  // per sentence, plus one past the end
  std::vector<MentionRef> mentions_;
  // The lower-cased last word of each PERSON and ORG name (in surname_text_)
  // -> the entity.
  std::string surname_text_;
  // Lower-cased surname -> its first entity. Its slots are sized for every
  // PERSON and ORG entity, so compact ones (a ShortKeyTable's raised the
  // peak memory by 0.12-0.16x the input on 5 MB of news). It takes no empty
  // key: a name that ends in a space has the empty surname, held apart (an
  // empty word, such as a non-word token's, finds it).
  CompactKeyTable<int> surname_;
  int empty_surname_ = -1;
  void AddSurname(std::string_view w, int e) {
    if (w.empty()) {
      if (empty_surname_ < 0) empty_surname_ = e;
      return;
    }
    bool added;
    int* v = surname_.Insert(w, &added);
    if (added) *v = e;
  }
  const int* Surname(std::string_view w) const {
    if (w.empty()) return empty_surname_ >= 0 ? &empty_surname_ : nullptr;
    return surname_.Find(w);
  }
  std::vector<char> gender_;  // per entity: 'f', 'm' or 0
  std::vector<char> person_;  // per entity: a person (PERSON, or named with Mr./Ms.)
  std::vector<std::pair<uint32_t, Span>> names_;  // (byte, name) of named frame speakers
  std::vector<char> names_gender_;                // per name: 'f', 'm' or 0
  std::vector<Quote> out_;
  std::vector<std::pair<const Frame*, Range>> indirect_;  // IndirectFrames
};

}  // namespace

// The quotes are held to the end of the analysis (tens of thousands on a
// long text): keep them small.
static_assert(sizeof(Quote) <= 104, "a quote is at most 104 bytes");

std::vector<Quote> FindQuotes(const Document& doc, const std::vector<Entity>& entities,
                              std::vector<Warning>* warnings, std::vector<MentionSpan>* mentions) {
  if (mentions != nullptr) mentions->clear();
  if (doc.tokens.empty()) return {};  // no token, no mention (entities are found over tokens)
  if (mentions != nullptr) {
    // Its room taken before the stage's work tables, below them in the
    // heap: kept on through the Claims stage, it does not split the room
    // they leave when freed (the claims' own tables go there).
    size_t count = 0;
    for (const Entity& e : entities) count += e.mentions.size();
    mentions->reserve(count);
  }
  return QuoteFinder(doc, entities, warnings).Run(mentions);
}

}  // namespace lede
