// The Document stage: paragraphs, sentences and tokens of a valid UTF-8 text.
// Internal to the core; every later stage reads a Document and never
// re-tokenizes the text.
#ifndef LEDE_TEXT_DOCUMENT_H_
#define LEDE_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
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

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  uint16_t flags = 0;
  uint32_t sentence = 0;  // index into Document::sentences
  bool Is(TokenFlag f) const { return (flags & f) != 0; }
};

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

struct Document {
  std::string_view text;  // valid UTF-8, owned by the caller (Analysis::text)
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  // Every distinct token text gets a dense id (0 .. words() - 1): tokens
  // with the same bytes share it, so later stages compute a per-word fact
  // once per distinct word instead of once per token.
  std::vector<uint32_t> word;        // per token: the id of its text
  std::vector<uint32_t> word_token;  // per id: the first token with that text
  // Every distinct word folded as Fold() does (ASCII lower case, ’ and ‘ as
  // '), back to back: word id w's is folded_text[folded_at[w], folded_at[w + 1]).
  // Built once here, so later stages look words up without folding them again.
  std::string folded_text;
  std::vector<uint32_t> folded_at;  // words() + 1 offsets

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

// True for lower-cased abbreviations that keep their period ("gen", "sept",
// "u.s", "inc"). Exposed for tests and later stages.
bool IsKnownAbbreviation(std::string_view folded_without_period);

}  // namespace lede

#endif  // LEDE_TEXT_DOCUMENT_H_
