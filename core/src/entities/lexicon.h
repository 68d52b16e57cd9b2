// Name lexicons compiled in from core/data/ner/: countries (aliases,
// demonyms), places, organizations, role words. Internal to the core.
#ifndef LEDE_ENTITIES_LEXICON_H_
#define LEDE_ENTITIES_LEXICON_H_

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lede {

struct NameLexicon {
  // Keys are folded (Fold(): ASCII lower case, ’ -> '), views into `keys`, so
  // a look-up with a word of the Document's folded text builds no string.
  std::unordered_map<std::string_view, std::string> country;  // alias -> canonical country
  std::unordered_map<std::string_view, std::string> demonym;  // "russian" -> "Russia"
  std::unordered_map<std::string_view, std::string> place;    // name -> "GPE" | "LOC"
  std::unordered_map<std::string_view, std::string> org;      // alias -> canonical organization
  std::unordered_set<std::string_view> roles;                 // "spokesman", "gen."
  std::unordered_set<std::string_view> org_words;             // "commission", "inc."
  // The keys' text. A deque never moves its strings (nor does moving it), so
  // the views stay valid.
  std::deque<std::string> keys;
  std::string_view Key(std::string_view folded) {
    keys.emplace_back(folded);
    return keys.back();
  }

  // Gazetteer phrases for the tagger, as written (original case), by category.
  enum Category { kNone, kCountry, kGpe, kLoc, kDemonym, kOrg, kRole, kOrgWord, kFirstName };
  std::vector<std::pair<std::string, Category>> phrases;

  // Parsed once from the embedded files.
  static const NameLexicon& Get();
};

}  // namespace lede

#endif  // LEDE_ENTITIES_LEXICON_H_
