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

#include "text/short_table.h"

namespace lede {

struct NameLexicon {
  // The tables: a ShortKeyTable (text/short_table.h) of indexes into the
  // entries, in insertion order. find, count and end as std::unordered_map's;
  // the tables are only searched, never walked.
  template <typename V>
  class Map {
   public:
    using Entry = std::pair<std::string_view, V>;
    const Entry* find(std::string_view key) const {
      const uint32_t* e = index_.Find(key);
      return e != nullptr ? &entries_[*e] : nullptr;
    }
    const Entry* end() const { return nullptr; }
    size_t count(std::string_view key) const { return index_.Find(key) != nullptr ? 1 : 0; }
    // The value of `key` (non-empty, a view that outlives the table), added
    // value-initialized if absent.
    V& operator[](std::string_view key) {
      bool added = false;
      uint32_t* e = index_.Insert(key, &added);
      if (added) {
        *e = static_cast<uint32_t>(entries_.size());
        entries_.emplace_back(key, V());
      }
      return entries_[*e].second;
    }
    // The table made of `pairs` as operator[] makes it, each value assigned
    // in turn (a key in the place of its first pair, with its last value), but
    // sized once for them all: no growing while it fills.
    void Assign(std::vector<std::pair<std::string_view, V>> pairs) {
      *this = Map();
      entries_.reserve(pairs.size());
      index_ = ShortKeyTable<uint32_t>(pairs.size());
      for (auto& [key, value] : pairs) (*this)[key] = std::move(value);
    }

   private:
    std::vector<Entry> entries_;     // in insertion order
    ShortKeyTable<uint32_t> index_;  // key -> its index in entries_
  };
  class Set {
   public:
    size_t count(std::string_view key) const { return words_.count(key); }
    void insert(std::string_view key) { words_[key]; }
    // Holds `keys` (and nothing else), sized once for them (Map::Assign).
    void Assign(const std::vector<std::string_view>& keys) {
      std::vector<std::pair<std::string_view, char>> pairs;
      pairs.reserve(keys.size());
      for (std::string_view k : keys) pairs.emplace_back(k, 0);
      words_.Assign(std::move(pairs));
    }

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
