// A map from short words to values, for the lexicons that hot loops look
// words up in: open addressing on HashShortKey (text/hash.h), linear probing,
// at most a quarter full (it grows to stay so), so a word not listed (most
// words) usually stops at the first empty slot. Inline, with no bucket
// chains: a std::unordered_map's find was a call and a walk. Keys are views
// that must outlive the table; there is no erase.
#ifndef LEDE_TEXT_SHORT_TABLE_H_
#define LEDE_TEXT_SHORT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "text/hash.h"

namespace lede {

// Calls f(word) for each word of a space-separated list (the lexicons'
// word lists that fill these tables), skipping runs of spaces.
template <typename F>
void ForEachWord(std::string_view list, F f) {
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(' ', i);
    if (j == std::string_view::npos) j = list.size();
    if (j > i) f(list.substr(i, j - i));
    i = j + 1;
  }
}

// The slots of an open-addressing table that holds `keys` keys at most a
// quarter full: a power of two, at least 16.
inline size_t SlotsFor(size_t keys) {
  size_t size = 16;
  while (size < 4 * keys) size *= 2;
  return size;
}

template <typename V>
class ShortKeyTable {
 public:
  ShortKeyTable() = default;
  // `entries`: distinct non-empty keys (views that must outlive the table)
  // and their values; empty keys are left out.
  explicit ShortKeyTable(const std::vector<std::pair<std::string_view, V>>& entries) {
    slots_.resize(SlotsFor(entries.size()));
    mask_ = slots_.size() - 1;
    for (const auto& [key, value] : entries) {
      if (key.empty()) continue;
      size_t i = HashShortKey(key) & mask_;
      while (!slots_[i].key.empty()) i = (i + 1) & mask_;
      slots_[i].key = key;
      slots_[i].value = value;
      ++count_;
    }
  }

  // An empty table sized for `max_keys` keys (Insert grows it past them).
  explicit ShortKeyTable(size_t max_keys) {
    slots_.resize(SlotsFor(max_keys));
    mask_ = slots_.size() - 1;
  }

  // The value of `key` (non-empty, a view that must outlive the table),
  // added value-initialized if absent (*added says which). A pointer valid
  // until the next Insert (one that adds a key may grow the table).
  V* Insert(std::string_view key, bool* added = nullptr) {
    if (slots_.empty()) Grow();
    size_t i = Slot(key);
    const bool add = slots_[i].key.empty();
    if (add && 4 * (count_ + 1) > slots_.size()) {
      Grow();
      i = Slot(key);
    }
    if (added != nullptr) *added = add;
    if (add) {
      slots_[i].key = key;
      ++count_;
    }
    return &slots_[i].value;
  }

  // Calls f(key, value) for every key, in no set order.
  template <typename F>
  void ForEach(F f) const {
    for (const Entry& s : slots_) {
      if (!s.key.empty()) f(s.key, s.value);
    }
  }

  // The value of `key`, or nullptr.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = HashShortKey(key) & mask_;; i = (i + 1) & mask_) {
      const Entry& s = slots_[i];
      if (s.key.empty()) return nullptr;
      if (s.key == key) return &s.value;
    }
  }

 private:
  struct Entry {
    std::string_view key;  // empty: a free slot
    V value{};
  };
  // The slot that holds `key`, or the free one where it would go.
  size_t Slot(std::string_view key) const {
    size_t i = HashShortKey(key) & mask_;
    while (!slots_[i].key.empty() && slots_[i].key != key) i = (i + 1) & mask_;
    return i;
  }
  // Twice the slots (16 at first), the entries moved to theirs. Not inlined:
  // it runs while a table is filled, and inlined it made Find's hash a call.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  void
  Grow() {
    std::vector<Entry> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (Entry& e : old) {
      if (!e.key.empty()) slots_[Slot(e.key)] = std::move(e);
    }
  }
  std::vector<Entry> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;  // keys in slots_
};

// A ShortKeyTable for a table built per document, whose size follows the
// input (the quotes stage's surnames): the slots hold 4-byte indexes into
// the entries, which are kept apart in the order they were added. At a
// quarter full the slots cost 16 bytes a key and an entry 24 (for an int),
// where a ShortKeyTable<int>'s quarter-full 24-byte slots cost 96. A look-up
// reads the slot, then the entry. Keys are views that must outlive the
// table; there is no erase.
template <typename V>
class CompactKeyTable {
 public:
  CompactKeyTable() = default;

  // An empty table whose slots are sized for `max_keys` keys (Insert grows
  // them past that); the entries grow as keys are added.
  explicit CompactKeyTable(size_t max_keys) {
    slots_.resize(SlotsFor(max_keys));
    mask_ = slots_.size() - 1;
  }

  // The value of `key` (non-empty, a view that must outlive the table),
  // added value-initialized if absent (*added says which). A pointer valid
  // until the next Insert.
  V* Insert(std::string_view key, bool* added = nullptr) {
    if (slots_.empty()) Grow();
    size_t i = Slot(key);
    const bool add = slots_[i] == 0;
    if (add && 4 * (entries_.size() + 1) > slots_.size()) {
      Grow();
      i = Slot(key);
    }
    if (added != nullptr) *added = add;
    if (add) {
      entries_.emplace_back(key, V{});
      slots_[i] = static_cast<uint32_t>(entries_.size());
    }
    return &entries_[slots_[i] - 1].second;
  }

  // Calls f(key, value) for every key, in the order they were added.
  template <typename F>
  void ForEach(F f) const {
    for (const auto& [key, value] : entries_) f(key, value);
  }

  // The value of `key`, or nullptr.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = HashShortKey(key) & mask_;; i = (i + 1) & mask_) {
      const uint32_t s = slots_[i];
      if (s == 0) return nullptr;
      if (entries_[s - 1].first == key) return &entries_[s - 1].second;
    }
  }

 private:
  // The slot that holds `key`, or the free one where it would go.
  size_t Slot(std::string_view key) const {
    size_t i = HashShortKey(key) & mask_;
    while (slots_[i] != 0 && entries_[slots_[i] - 1].first != key) i = (i + 1) & mask_;
    return i;
  }
  // Twice the slots (16 at first), the entries' indexes moved to theirs.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  void
  Grow() {
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), 0);
    mask_ = slots_.size() - 1;
    for (size_t e = 0; e < entries_.size(); ++e) {
      size_t i = HashShortKey(entries_[e].first) & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;  // the keys are distinct
      slots_[i] = static_cast<uint32_t>(e + 1);
    }
  }
  std::vector<uint32_t> slots_;  // 0: free, else 1 + the key's index in entries_
  std::vector<std::pair<std::string_view, V>> entries_;
  size_t mask_ = 0;
};

}  // namespace lede

#endif  // LEDE_TEXT_SHORT_TABLE_H_
