// Data files from core/data/ compiled into the binary. Internal to the core.
#ifndef LEDE_DATA_EMBEDDED_H_
#define LEDE_DATA_EMBEDDED_H_

#include <string_view>

namespace lede {

// The bytes of core/data/NAME (e.g. "lexicon/abbreviations.txt"), or an empty
// view when no such file was compiled in.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace lede

#endif  // LEDE_DATA_EMBEDDED_H_
