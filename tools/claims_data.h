// Reading the CheckThat! check-worthiness format ({"id","text","label"} per
// line, see ../shared/data/README.md) for `lede train claims` and
// `lede eval claims`. Native only.
#ifndef LEDE_TOOLS_CLAIMS_DATA_H_
#define LEDE_TOOLS_CLAIMS_DATA_H_

#include <string>
#include <vector>

#include "claims/model.h"

namespace lede {

struct LabelledSentence {
  std::string id;
  std::string text;
  bool positive = false;
};

// Reads FILE.jsonl; false and *error on an unreadable file or a bad line.
bool ReadLabelledSentences(const std::string& path, std::vector<LabelledSentence>* out,
                           std::string* error);

// The features lede's pipeline gives `text` scored as one unit (Document,
// entities, then claims/features.h over all its tokens).
ClaimExample FeaturizeSentence(const LabelledSentence& s);

}  // namespace lede

#endif  // LEDE_TOOLS_CLAIMS_DATA_H_
