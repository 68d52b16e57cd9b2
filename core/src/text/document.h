// The Document stage: paragraphs, sentences and tokens of a valid UTF-8 text.
// Internal to the core; every later stage reads a Document and never
// re-tokenizes the text.
#ifndef LEDE_TEXT_DOCUMENT_H_
#define LEDE_TEXT_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "lede/lede.h"

namespace lede {

enum class TokenKind : uint8_t {
  kWord,    // letters, maybe with ' - . inside (O'Brien, Jean-Claude, U.S.)
  kNumber,  // starts with a digit: 3,000 1.5 24-hour 1.2bn 2022-09-12
  kPunct,   // . , ; : ! ? ( ) [ ] … dashes and other punctuation
  kQuote,   // a quote mark or apostrophe that stands alone: " “ ” ‘ ’ « » '
  kSymbol,  // $ € % & @ # emoji, URLs and anything else
};

enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,     // first letter upper case
  kAllCaps = 1 << 1,         // two or more letters, none lower case
  kSentenceStart = 1 << 2,   // first token of its sentence
  kParagraphStart = 1 << 3,  // first token of its paragraph
  kPossessive = 1 << 4,      // the clitic 's / ’s / ' split off a word
  kSpaceBefore = 1 << 5,     // white space right before the token
  kNewlineBefore = 1 << 6,   // a line break before the token (since the previous one)
  kAbbreviation = 1 << 7,    // a word with its period: Gen. U.S. Sept. J.
  kHasDigit = 1 << 8,
  kLower = 1 << 9,      // first letter lower case
  kDateline = 1 << 10,  // part of an opening dateline: KRAMATORSK -
};

// 12 bytes: a 5 MB text has a million tokens. Its sentence is
// Document::SentenceOf(index): a sentence holds at least one token, so the
// sentences starting inside a block of 256 tokens are under 256 and fit a byte.
struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  uint8_t sentence_step = 0;  // sentence index - Document::sentence_base[index >> 8]
  uint16_t flags = 0;
  bool Is(TokenFlag f) const { return (flags & f) != 0; }
};
static_assert(sizeof(Token) == 12, "a token is 12 bytes");
constexpr uint32_t kSentenceBlockBits = 8;

struct Sentence {
  Span span;
  uint32_t begin = 0, end = 0;  // token range [begin, end)
  uint32_t paragraph = 0;
  bool dateline = false;  // an opening dateline split off its paragraph's first sentence
};

struct Paragraph {
  Span span;
  uint32_t begin = 0, end = 0;  // sentence range [begin, end)
};

// std::allocator, but resize(n) default-initializes the new elements rather
// than value-initializing them: a vector of numbers that its builder writes
// in full right after (Document::word) is not zeroed first.
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <typename U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

struct Document {
  std::string_view text;  // valid UTF-8, owned by the caller (Analysis::text)
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  // The sentence of token 256 * b, for every block b of 256 tokens.
  std::vector<uint32_t> sentence_base;
  // Every distinct token text gets a dense id (0 .. words() - 1): tokens
  // with the same bytes share it, so later stages compute a per-word fact
  // once per distinct word instead of once per token.
  // per token: the id of its text (AssignWords writes each, unzeroed)
  std::vector<uint32_t, DefaultInitAllocator<uint32_t>> word;
  std::vector<uint32_t> word_token;  // per id: the first token with that text
  // Every distinct word folded as Fold() does (ASCII lower case, ’ and ‘ as
  // '), back to back: word id w's is folded_text[folded_at[w], folded_at[w + 1]).
  // Built once here, so later stages look words up without folding them again.
  std::string folded_text;
  std::vector<uint32_t> folded_at;  // words() + 1 offsets
  size_t word_tokens = 0;           // the tokens of kind kWord or kNumber (counted by Tokenize)

  // The index into `sentences` of the sentence that holds `token`.
  uint32_t SentenceOf(uint32_t token) const {
    return sentence_base[token >> kSentenceBlockBits] + tokens[token].sentence_step;
  }
  uint32_t words() const { return static_cast<uint32_t>(word_token.size()); }
  std::string_view FoldedWord(uint32_t id) const {
    return std::string_view(folded_text.data() + folded_at[id], folded_at[id + 1] - folded_at[id]);
  }
  std::string_view Folded(uint32_t token) const { return FoldedWord(word[token]); }
  std::string_view Text(const Token& t) const {
    return text.substr(t.span.start, t.span.end - t.span.start);
  }
  std::string_view Text(Span s) const { return text.substr(s.start, s.end - s.start); }
  std::string_view Text(uint32_t token) const { return Text(tokens[token]); }
};

// Splits a valid UTF-8 text. O(n) in time and memory.
Document BuildDocument(std::string_view text);

// The tokens of BuildDocument(text), their spans and kinds, without the rest
// of the Document (sentences, word ids, case flags): for short phrases, such
// as the tagger's gazetteer entries, read once at start-up.
std::vector<Token> Tokenize(std::string_view text);

// True for lower-cased abbreviations that keep their period ("gen", "sept",
// "u.s", "inc"). Exposed for tests and later stages.
bool IsKnownAbbreviation(std::string_view folded_without_period);

}  // namespace lede

#endif  // LEDE_TEXT_DOCUMENT_H_
