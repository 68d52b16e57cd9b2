// The `lede` CLI's subcommands. Each returns the process exit code:
// 0 success, 1 a failure while running, 2 a usage error.
#ifndef LEDE_TOOLS_COMMANDS_H_
#define LEDE_TOOLS_COMMANDS_H_

#include <string>
#include <vector>

namespace lede {

using Args = std::vector<std::string>;

int AnalyzeCommand(const Args& args);
int EvalCommand(const Args& args);
int BenchCommand(const Args& args);
int EvalQuotes(const Args& args);  // eval_quotes.cc
int EvalNerCommand(const Args& args);
int TrainCommand(const Args& args);
int EvalClaims(const Args& args);          // eval_claims.cc
int TrainClaimsCommand(const Args& args);  // train.cc
int CompareCommand(const Args& args);      // compare.cc

// Reads FILE (or stdin for "-") into *out, refusing more than `limit` bytes.
// On failure returns false and sets *error to a message for the user.
bool ReadInput(const std::string& path, size_t limit, std::string* out, std::string* error);

}  // namespace lede

#endif  // LEDE_TOOLS_COMMANDS_H_
