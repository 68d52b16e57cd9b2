// The quote-attribution lexicons: reporting verbs with stance classes
// (core/data/quotes/cues.txt) and head nouns of unnamed sources
// (core/data/quotes/sources.txt). Internal to the core.
#ifndef LEDE_QUOTES_LEXICON_H_
#define LEDE_QUOTES_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lede {

enum class CueFrame : uint8_t {
  kSpeech,  // introduces direct quotes and reported speech: say, tell, deny
  kThink,   // a belief or wish, reported content only: believe, hope
  kName,    // names a term: call, dub, bill (partial quotes)
};

struct CueVerb {
  std::string lemma;   // "say", "deny", "point_out"
  std::string stance;  // say, claim, deny, admit, warn, announce, ask
  CueFrame frame = CueFrame::kSpeech;
};

class QuoteLexicon {
 public:
  // The lexicon compiled in from core/data/quotes/, parsed once (thread-safe).
  static const QuoteLexicon& Get();

  // Parses the two files' text (exposed for tests).
  QuoteLexicon(std::string_view cues, std::string_view sources);

  // The verb for a lower-cased word form ("said", "denies"), or nullptr.
  const CueVerb* Verb(std::string_view lower_form) const;
  // True for head nouns of unnamed sources ("official", "sources").
  bool IsSourceNoun(std::string_view lower_word) const;
  size_t verb_count() const { return verbs_.size(); }

 private:
  std::vector<CueVerb> verbs_;
  std::unordered_map<std::string, int> forms_;
  std::unordered_set<std::string> sources_;
};

}  // namespace lede

#endif  // LEDE_QUOTES_LEXICON_H_
