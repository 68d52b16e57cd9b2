// lede: the command-line front end of the core. Native only.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"

namespace {

const char kUsage[] =
    "lede - who is in a news article, who said what, and which statements are claims\n"
    "\n"
    "usage:\n"
    "  lede analyze [--offsets utf16|utf8|codepoint] [--pretty] [--max-bytes N] [FILE|-]\n"
    "  lede analyze --jsonl [--threads N] [FILE|-]   one {\"id\",\"text\"} per line in, one result "
    "per line out\n"
    "  lede eval ner|quotes|claims FILE.jsonl         score against annotated data\n"
    "  lede bench [--linearity] [PATH...]             speed on a corpus of articles\n"
    "  lede train ner --out MODEL.bin TRAIN.jsonl      train the name tagger\n"
    "  lede train claims --out MODEL.bin TRAIN.jsonl  fit the check-worthiness model\n"
    "  lede train lists --out LISTS.bin CITIES.txt GIVEN_NAMES.txt  the tagger's word lists\n"
    "  lede compare [--pretty] A.txt B.txt           what two articles share and where they "
    "differ\n"
    "  lede help                                      this text\n"
    "\n"
    "Run `lede COMMAND --help` for a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string cmd = argv[1];
  lede::Args args(argv + 2, argv + argc);
  if (cmd == "help" || cmd == "--help" || cmd == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "analyze") return lede::AnalyzeCommand(args);
  if (cmd == "eval") return lede::EvalCommand(args);
  if (cmd == "bench") return lede::BenchCommand(args);
  if (cmd == "train") return lede::TrainCommand(args);
  if (cmd == "compare") return lede::CompareCommand(args);
  std::fprintf(stderr, "lede: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return 2;
}
