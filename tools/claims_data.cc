#include "claims_data.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "claims/features.h"
#include "entities/entities.h"
#include "text/document.h"
#include "text/utf8.h"

namespace lede {

bool ReadLabelledSentences(const std::string& path, std::vector<LabelledSentence>* out,
                           std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j.contains("label")) {
      *error = path + ":" + std::to_string(n) + ": not a {\"text\", \"label\"} object";
      return false;
    }
    LabelledSentence s;
    if (j.contains("id") && j["id"].is_string()) s.id = j["id"].get<std::string>();
    s.text = j["text"].is_string() ? j["text"].get<std::string>() : "";
    const auto& label = j["label"];
    s.positive = label.is_number() ? label.get<double>() > 0.5
                                   : (label.is_string() && (label == "Yes" || label == "1"));
    out->push_back(std::move(s));
  }
  return true;
}

ClaimExample FeaturizeSentence(const LabelledSentence& s) {
  size_t replaced = 0;
  std::string text = DecodeUtf8(s.text, &replaced);
  Document doc = BuildDocument(text);
  std::vector<Warning> warnings;
  std::vector<Entity> entities = FindEntities(doc, &warnings);
  ClaimExample ex;
  ClaimTokens tokens(doc, entities);
  ExtractClaimFeatures(doc, tokens, 0, static_cast<uint32_t>(doc.tokens.size()), &ex.features);
  ex.positive = s.positive;
  return ex;
}

}  // namespace lede
