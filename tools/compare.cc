// `lede compare A B`: placeholder until lede::Compare lands.
#include <cstdio>

#include "commands.h"

namespace lede {
int CompareCommand(const Args&) {
  std::fputs("lede compare: not implemented yet\n", stderr);
  return 2;
}
}  // namespace lede
