// The compiled-in NER model's tagger section (core/data/ner/model.bin,
// version 4), as tests that rewrite the file read it: a 20-byte header
// (magic, version, tag count, feature count, scale), the transitions, the
// int8 rows, then the keys Rice coded (Model's AppendInt8Rows), the pair
// filter (Model::Serialize), then the typer's section.
#ifndef LEDE_TESTS_NER_MODEL_FILE_H_
#define LEDE_TESTS_NER_MODEL_FILE_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "data/embedded.h"
#include "data/rice_code.h"

namespace lede {

struct EmbeddedTagger {
  std::string_view file;  // the whole model.bin
  uint32_t tags = 0, nf = 0;
  size_t rows_at = 0;    // the int8 rows (nf * tags bytes)
  size_t keys_at = 0;    // the Rice-coded keys
  size_t key_bytes = 0;  // their code's bytes (0: not read)
  size_t pairs_at = 0;   // the pair filter: u32 bits, then 2^bits bytes (0: none)
  uint32_t pair_bits = 0;
  size_t typer_at = 0;  // the typer's section (the tagger's end)
  std::vector<uint32_t> keys;
};

inline EmbeddedTagger ReadEmbeddedTagger() {
  EmbeddedTagger t;
  t.file = EmbeddedFile("ner/model.bin");
  uint32_t version;
  std::memcpy(&version, t.file.data() + 4, 4);
  std::memcpy(&t.tags, t.file.data() + 8, 4);
  std::memcpy(&t.nf, t.file.data() + 12, 4);
  EXPECT_EQ(version, 4u);
  t.rows_at = 20 + static_cast<size_t>(t.tags + 1) * t.tags * 4;
  t.keys_at = t.rows_at + static_cast<size_t>(t.nf) * t.tags;
  t.keys.resize(t.nf);
  t.key_bytes = ReadRiceCoded(t.file.substr(t.keys_at), t.nf, t.keys.data());
  EXPECT_GT(t.key_bytes, 0u);
  t.pairs_at = t.keys_at + t.key_bytes;
  std::memcpy(&t.pair_bits, t.file.data() + t.pairs_at, 4);
  t.typer_at = t.pairs_at + 4 + (t.pair_bits > 0 ? size_t{1} << t.pair_bits : 0);
  return t;
}

}  // namespace lede

#endif  // LEDE_TESTS_NER_MODEL_FILE_H_
