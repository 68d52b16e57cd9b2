// Name lexicons compiled in from core/data/ner/: countries (aliases,
// demonyms), places, organizations, role words. Internal to the core.
#ifndef LEDE_ENTITIES_LEXICON_H_
#define LEDE_ENTITIES_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lede {

struct NameLexicon {
  // The tables' hash: eight bytes of the key at a time, inline. (Most of a
  // look-up's cost was std::hash's call into a general-purpose hash; the
  // tables are only searched, never walked, so their order is moot.)
  struct KeyHash {
    size_t operator()(std::string_view s) const {
      const char* p = s.data();
      size_t n = s.size();
      uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
      for (; n >= 8; p += 8, n -= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
      }
      uint64_t v = 0;
      for (size_t k = 0; k < n; ++k)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << (8 * k);
      h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  template <typename V>
  using Map = std::unordered_map<std::string_view, V, KeyHash>;
  using Set = std::unordered_set<std::string_view, KeyHash>;

  // Keys are folded (Fold(): ASCII lower case, ’ -> '), views into `keys`, so
  // a look-up with a word of the Document's folded text builds no string.
  Map<std::string> country;  // alias -> canonical country
  Map<std::string> demonym;  // "russian" -> "Russia"
  Map<std::string> place;    // name -> "GPE" | "LOC"
  Map<std::string> org;      // alias -> canonical organization
  Set roles;                 // "spokesman", "gen."
  Set org_words;             // "commission", "inc."
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
