// Ascending u32 keys (feature hashes) stored in about 18.6 bits each, not 32:
// the gaps between them Rice coded. Hashes are spread evenly, so the gaps are
// near geometric, for which a Rice code is within a few hundredths of a bit
// of the entropy; 32-bit hashes stored as they are do not gzip at all.
// Internal to the core (ner/model.bin: the tagger's and the typer's keys).
#ifndef LEDE_DATA_RICE_CODE_H_
#define LEDE_DATA_RICE_CODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Appends `keys` (ascending; repeats allowed) as: u32 r, u32 the code's byte
// count, then the code: for each gap (the first key's from 0), gap >> r in
// unary (that many 1 bits, then a 0) and its low r bits, least significant
// bit first; bits fill each byte from its least significant bit, and the last
// byte's unused bits are 0. r is the one that makes the code shortest.
void AppendRiceCoded(const std::vector<uint32_t>& keys, std::string* out);

// Reads `n` keys written by AppendRiceCoded from the front of `bytes` into
// out[0, n): the bytes read, or 0 if they are not such a code of n keys (too
// short, a key past 2^32 - 1, or bytes left over in the code).
size_t ReadRiceCoded(std::string_view bytes, uint32_t n, uint32_t* out);

// The reading of ReadRiceCoded's code alone, for a code without that head
// (ner/clusters.bin, r and n in its own header): reads `n` keys, Rice coded
// with parameter r (< 32) as above, from bit *pos of code[0, size) on (bit b
// is bit b % 8 of byte b / 8) into out[0, n), and moves *pos past them. False
// if the bits end before the n-th key's or a key passes 2^32 - 1 (*pos and
// out are then not to be used).
bool ReadRiceBits(const char* code, size_t size, uint32_t r, uint32_t n, uint32_t* out,
                  uint64_t* pos);

}  // namespace lede

#endif  // LEDE_DATA_RICE_CODE_H_
