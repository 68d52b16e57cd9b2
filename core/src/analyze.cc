// The one entry point: runs the stages in order, each a pure function of the
// earlier stages' outputs.
#include <string>

#include "checks/checks.h"
#include "claims/claims.h"
#include "entities/entities.h"
#include "lede/lede.h"
#include "quotes/quotes.h"
#include "text/document.h"
#include "text/utf8.h"

namespace lede {

Analysis Analyze(std::string_view utf8, const Options& options) {
  Analysis a;
  a.options = options;
  if (utf8.size() > options.max_input_bytes || utf8.size() > (1u << 30)) {
    a.error = "input is " + std::to_string(utf8.size()) + " bytes, over the limit of " +
              std::to_string(options.max_input_bytes) + " bytes";
    return a;
  }
  size_t replaced = 0;
  a.text = DecodeUtf8(utf8, &replaced);
  if (replaced > 0) {
    a.warnings.push_back(
        {"invalid-utf8", "the input is not valid UTF-8: " + std::to_string(replaced) +
                             " invalid byte sequence(s) were replaced by U+FFFD"});
  }
  if (a.text.find('\0') != std::string::npos) {
    a.warnings.push_back({"nul-bytes", "the input contains NUL characters"});
  }
  a.index = OffsetIndex(a.text);
  Document doc = BuildDocument(a.text);

  a.stats.chars =
      a.index.Convert(a.text, static_cast<uint32_t>(a.text.size()), OffsetUnit::kCodepoint);
  a.stats.paragraphs = doc.paragraphs.size();
  a.stats.sentences = doc.sentences.size();
  for (const Token& t : doc.tokens) {
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++a.stats.words;
  }

  a.entities = FindEntities(doc, &a.warnings);
  a.quotes = FindQuotes(doc, a.entities, &a.warnings);
  a.claims = FindClaims(doc, a.entities, a.quotes);
  a.checks = RunChecks(doc, a.entities, a.claims);
  return a;
}

}  // namespace lede
