// Quote marks paired into quoted spans. Internal to the quotes stage.
#ifndef LEDE_QUOTES_MARKS_H_
#define LEDE_QUOTES_MARKS_H_

#include <cstdint>
#include <vector>

#include "text/document.h"

namespace lede {

// One top-level quoted span (nested quotes stay inside their outer span).
struct MarkedSpan {
  uint32_t open = 0;   // token index of the opening mark
  uint32_t close = 0;  // token index of the closing mark; for an open end, the
                       // paragraph's end token (one past its last token)
  uint32_t paragraph = 0;
  bool unclosed = false;   // no closing mark, and the next paragraph does not continue it
  bool runs_on = false;    // no closing mark, the next paragraph opens with a mark (news style)
  bool continues = false;  // this paragraph's opening mark continues the previous paragraph's quote
  uint32_t begin() const { return open + 1; }  // content tokens [begin, end)
  uint32_t end() const { return close; }
};

// Pairs the quote marks of `doc`: straight " and ', curly “ ” ‘ ’, « », „ “,
// ‹ ›. Apostrophes (don’t, ’80s, rock ’n’ roll, the Smiths’ house) are not
// marks. A quote never crosses a paragraph; an opening mark left open at the
// paragraph's end ends there. O(tokens): the nesting stack is bounded.
std::vector<MarkedSpan> PairQuoteMarks(const Document& doc);
// The same, given the indexes of the quote-mark tokens (TokenKind::kQuote)
// in text order (the quotes stage lists them in its walk over the tokens),
// which are then the only tokens it looks at first.
std::vector<MarkedSpan> PairQuoteMarks(const Document& doc,
                                       const std::vector<uint32_t>& quote_tokens);

}  // namespace lede

#endif  // LEDE_QUOTES_MARKS_H_
