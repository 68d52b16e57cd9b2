#include "entities/entities.h"

#include <map>
#include <string>

#include "entities/ner_model.h"

namespace lede {

std::vector<Entity> FindEntities(const Document& doc, std::vector<Warning>*) {
  std::vector<Entity> out;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const ner::NameSpan& s : ner::Model::Default().Tag(doc)) {
    static const char* const kTypes[] = {"PERSON", "ORG", "GPE", ""};
    std::string type = kTypes[s.type];
    if (type.empty()) continue;
    Span span{doc.tokens[s.begin].span.start, doc.tokens[s.end - 1].span.end};
    std::string name(doc.Text(span));
    auto [it, added] = index.emplace(std::make_pair(type, name), out.size());
    if (added) {
      Entity e;
      e.type = type;
      e.name = name;
      out.push_back(e);
    }
    Mention m;
    m.span = span;
    out[it->second].mentions.push_back(m);
  }
  return out;
}

}  // namespace lede
