// Name lexicons compiled in from core/data/ner/: countries (aliases,
// demonyms), places, organizations, role words. Internal to the core.
#ifndef LEDE_ENTITIES_LEXICON_H_
#define LEDE_ENTITIES_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lede {

struct NameLexicon {
  // Keys are folded (Fold(): ASCII lower case, ’ -> ').
  std::unordered_map<std::string, std::string> country;  // alias -> canonical country
  std::unordered_map<std::string, std::string> demonym;  // "russian" -> "Russia"
  std::unordered_map<std::string, std::string> place;    // name -> "GPE" | "LOC"
  std::unordered_map<std::string, std::string> org;      // alias -> canonical organization
  std::unordered_set<std::string> roles;                 // "spokesman", "gen."

  // Gazetteer phrases for the tagger, as written (original case), by category.
  enum Category { kNone, kCountry, kGpe, kLoc, kDemonym, kOrg, kRole, kOrgWord, kFirstName };
  std::vector<std::pair<std::string, Category>> phrases;

  // Parsed once from the embedded files.
  static const NameLexicon& Get();
};

}  // namespace lede

#endif  // LEDE_ENTITIES_LEXICON_H_
