// `lede eval`: scores lede against annotated data (see ../shared/data/README.md).
#include <cstdio>
#include <string>

#include "commands.h"

namespace lede {

int EvalCommand(const Args& args) {
  if (args.empty() || args[0] == "--help") {
    std::fputs("usage: lede eval ner|quotes|claims FILE.jsonl\n", args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "quotes") return EvalQuotes(Args(args.begin() + 1, args.end()));
  if (args[0] == "ner") return EvalNerCommand(Args(args.begin() + 1, args.end()));
  if (args[0] == "claims") return EvalClaims(Args(args.begin() + 1, args.end()));
  std::fprintf(stderr, "lede eval: '%s' is not implemented yet\n", args[0].c_str());
  return 2;
}

}  // namespace lede
