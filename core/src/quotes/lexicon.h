// The quote-attribution lexicons: reporting verbs with stance classes
// (core/data/quotes/cues.txt), head nouns of unnamed sources
// (core/data/quotes/sources.txt) and given names by gender
// (core/data/quotes/given_names.txt). Internal to the core.
#ifndef LEDE_QUOTES_LEXICON_H_
#define LEDE_QUOTES_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "text/hash.h"
#include "text/short_table.h"

namespace lede {

enum class CueFrame : uint8_t {
  kSpeech,  // introduces direct quotes and reported speech: say, tell, deny
  kThink,   // a belief or wish, reported content only: believe, hope
  kName,    // names a term: call, dub, bill (partial quotes)
};

// The lemma and stance are views of the lexicon's own storage (or of string
// literals): they outlive every analysis, and each is followed by a NUL.
struct CueVerb {
  std::string_view lemma;   // "say", "deny", "point_out"
  std::string_view stance;  // say, claim, deny, admit, warn, announce, ask
  CueFrame frame = CueFrame::kSpeech;
};

class QuoteLexicon {
 public:
  // The lexicon compiled in from core/data/quotes/, parsed once (thread-safe).
  static const QuoteLexicon& Get();

  // Parses the files' text (exposed for tests).
  QuoteLexicon(std::string_view cues, std::string_view sources,
               std::string_view given_names = std::string_view());
  // Its maps hold views into its own storage: not to be copied.
  QuoteLexicon(const QuoteLexicon&) = delete;
  QuoteLexicon& operator=(const QuoteLexicon&) = delete;

  // The verb for a lower-cased word form ("said", "denies"), or nullptr.
  const CueVerb* Verb(std::string_view lower_form) const {
    const int* v = forms_.Find(lower_form);
    return v == nullptr ? nullptr : &verbs_[*v];
  }
  // Calls f(form, verb) for every word form Verb knows, in no set order.
  template <typename F>
  void ForEachForm(F f) const {
    forms_.ForEach([&](std::string_view form, int v) { f(form, &verbs_[v]); });
  }
  // True for head nouns of unnamed sources ("official", "sources").
  bool IsSourceNoun(std::string_view lower_word) const;
  // 'f' or 'm' for a given name that usually marks that gender ("Hillary",
  // "Donald"; core/data/quotes/given_names.txt), else 0. Case as written.
  char GenderOf(std::string_view given_name) const;
  size_t verb_count() const { return verbs_.size(); }

  // Cues the finder recognises itself ("as he put it", "called for", "pointed
  // to", "referred to"). Every verb a quote's cue names lives in the lexicon,
  // so the cue can view its words.
  const CueVerb put_it{"put", "say", CueFrame::kSpeech};
  const CueVerb call_for{"call for", "ask", CueFrame::kSpeech};
  const CueVerb point_to{"point to", "claim", CueFrame::kSpeech};
  const CueVerb refer_to{"refer to", "say", CueFrame::kSpeech};

 private:
  // Keys are views into storage_ (one buffer, sized once for every word of
  // the three files and its NUL, so it never moves): a look-up builds no
  // string, and the set-up allocates for the buffer and the tables only.
  std::string_view Keep(std::string_view w);
  std::unique_ptr<char[]> storage_;
  size_t stored_ = 0;
  std::vector<CueVerb> verbs_;
  ShortKeyTable<int> forms_;  // word form -> index into verbs_
  ShortKeyTable<bool> sources_;
  ShortKeyTable<char> genders_;
};

}  // namespace lede

#endif  // LEDE_QUOTES_LEXICON_H_
