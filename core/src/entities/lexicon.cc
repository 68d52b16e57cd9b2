#include "entities/lexicon.h"

#include "data/embedded.h"
#include "text/utf8.h"

namespace lede {
namespace {

// Calls f(line) for each non-empty, non-comment line.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') f(line);
  }
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s = s.substr(p + 1);
  }
  return out;
}

}  // namespace

const NameLexicon& NameLexicon::Get() {
  static const NameLexicon lexicon = [] {
    NameLexicon x;
    ForEachLine(EmbeddedFile("ner/countries.txt"), [&](std::string_view line) {
      auto f = Split(line, '|');
      std::string canonical(f[0]);
      x.country[x.Key(Fold(canonical))] = canonical;
      x.phrases.emplace_back(canonical, kCountry);
      if (f.size() > 1 && !f[1].empty()) {
        for (auto a : Split(f[1], ',')) {
          x.country[x.Key(Fold(a))] = canonical;
          x.phrases.emplace_back(std::string(a), kCountry);
        }
      }
      if (f.size() > 2 && !f[2].empty()) {
        for (auto d : Split(f[2], ',')) {
          x.demonym[x.Key(Fold(d))] = canonical;
          x.phrases.emplace_back(std::string(d), kDemonym);
        }
      }
    });
    ForEachLine(EmbeddedFile("ner/places.txt"), [&](std::string_view line) {
      auto f = Split(line, '|');
      if (f.size() < 2) return;
      x.place[x.Key(Fold(f[1]))] = std::string(f[0]);
      x.phrases.emplace_back(std::string(f[1]), f[0] == "LOC" ? kLoc : kGpe);
    });
    ForEachLine(EmbeddedFile("ner/orgs.txt"), [&](std::string_view line) {
      auto f = Split(line, '|');
      std::string canonical(f[0]);
      x.org[x.Key(Fold(canonical))] = canonical;
      x.phrases.emplace_back(canonical, kOrg);
      if (f.size() > 1 && !f[1].empty()) {
        for (auto a : Split(f[1], ',')) {
          x.org[x.Key(Fold(a))] = canonical;
          x.phrases.emplace_back(std::string(a), kOrg);
        }
      }
    });
    ForEachLine(EmbeddedFile("ner/roles.txt"), [&](std::string_view line) {
      x.roles.insert(x.Key(line));
      x.phrases.emplace_back(std::string(line), kRole);
    });
    ForEachLine(EmbeddedFile("ner/org_words.txt"), [&](std::string_view line) {
      x.org_words.insert(x.Key(Fold(line)));
      x.phrases.emplace_back(std::string(line), kOrgWord);
    });
    ForEachLine(EmbeddedFile("ner/first_names.txt"), [&](std::string_view line) {
      for (auto name : Split(line, ' ')) {
        if (!name.empty()) x.phrases.emplace_back(std::string(name), kFirstName);
      }
    });
    return x;
  }();
  return lexicon;
}

}  // namespace lede
