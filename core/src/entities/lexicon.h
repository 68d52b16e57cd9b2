// Name lexicons compiled in from core/data/ner/: countries (aliases,
// demonyms), places, organizations, role words. Internal to the core.
#ifndef LEDE_ENTITIES_LEXICON_H_
#define LEDE_ENTITIES_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/hash.h"

namespace lede {

struct NameLexicon {
  // The tables: open addressing on HashShortKey (text/hash.h), linear
  // probing, at most a quarter full, so a word no lexicon lists (most
  // look-ups) usually stops at the first empty slot (std::unordered_map's find
  // took a bucket's modulo and a walk of its chain). find, count and end as
  // std::unordered_map's; the tables are only searched, never walked.
  template <typename V>
  class Map {
   public:
    using Entry = std::pair<std::string_view, V>;
    const Entry* find(std::string_view key) const {
      if (slots_.empty()) return nullptr;
      for (size_t i = HashShortKey(key) & mask_;; i = (i + 1) & mask_) {
        const uint32_t s = slots_[i];
        if (s == 0) return nullptr;
        if (entries_[s - 1].first == key) return &entries_[s - 1];
      }
    }
    const Entry* end() const { return nullptr; }
    size_t count(std::string_view key) const { return find(key) != nullptr ? 1 : 0; }
    // The value of `key` (a view that outlives the table), added
    // value-initialized if absent.
    V& operator[](std::string_view key) {
      if (4 * (entries_.size() + 1) > slots_.size()) Grow();
      size_t i = HashShortKey(key) & mask_;
      for (; slots_[i] != 0; i = (i + 1) & mask_) {
        if (entries_[slots_[i] - 1].first == key) return entries_[slots_[i] - 1].second;
      }
      entries_.emplace_back(key, V());
      slots_[i] = static_cast<uint32_t>(entries_.size());
      return entries_.back().second;
    }

   private:
    void Grow() {
      const size_t size = slots_.empty() ? 64 : 2 * slots_.size();
      slots_.assign(size, 0);
      mask_ = size - 1;
      for (size_t e = 0; e < entries_.size(); ++e) {
        size_t i = HashShortKey(entries_[e].first) & mask_;
        while (slots_[i] != 0) i = (i + 1) & mask_;
        slots_[i] = static_cast<uint32_t>(e + 1);
      }
    }
    std::vector<Entry> entries_;   // in insertion order
    std::vector<uint32_t> slots_;  // 1 + an index into entries_; 0: a free slot
    size_t mask_ = 0;
  };
  class Set {
   public:
    size_t count(std::string_view key) const { return words_.count(key); }
    void insert(std::string_view key) { words_[key]; }

   private:
    Map<char> words_;  // (the values unused)
  };

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
