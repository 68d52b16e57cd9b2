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

// The first N parts of `s` between `sep`s (fewer if it has fewer), as
// views: no vector allocated for each line.
template <size_t N>
struct Fields {
  std::string_view part[N];
  size_t count = 0;
  Fields(std::string_view s, char sep) {
    while (count < N) {
      const size_t p = s.find(sep);
      part[count++] = s.substr(0, p);
      if (p == std::string_view::npos) return;
      s = s.substr(p + 1);
    }
  }
  size_t size() const { return count; }
  std::string_view operator[](size_t i) const { return part[i]; }
};

// Calls f(part) for each part of `s` between `sep`s.
template <typename F>
void ForEachPart(std::string_view s, char sep, F f) {
  while (true) {
    const size_t p = s.find(sep);
    f(s.substr(0, p));
    if (p == std::string_view::npos) return;
    s = s.substr(p + 1);
  }
}

}  // namespace

const NameLexicon& NameLexicon::Get() {
  static const NameLexicon lexicon = [] {
    NameLexicon x;
    // Each table's pairs first, in file order, then the table sized once for
    // them (Map::Assign): grown as they came, the tables were rehashed a
    // dozen times.
    std::vector<std::pair<std::string_view, std::string>> country, demonym, place, org;
    std::vector<std::string_view> roles, org_words;
    ForEachLine(EmbeddedFile("ner/countries.txt"), [&](std::string_view line) {
      const Fields<3> f(line, '|');
      std::string canonical(f[0]);
      country.emplace_back(x.Key(Fold(canonical)), canonical);
      x.phrases.emplace_back(canonical, kCountry);
      if (f.size() > 1 && !f[1].empty()) {
        ForEachPart(f[1], ',', [&](std::string_view a) {
          country.emplace_back(x.Key(Fold(a)), canonical);
          x.phrases.emplace_back(std::string(a), kCountry);
        });
      }
      if (f.size() > 2 && !f[2].empty()) {
        ForEachPart(f[2], ',', [&](std::string_view d) {
          demonym.emplace_back(x.Key(Fold(d)), canonical);
          x.phrases.emplace_back(std::string(d), kDemonym);
        });
      }
    });
    ForEachLine(EmbeddedFile("ner/places.txt"), [&](std::string_view line) {
      const Fields<2> f(line, '|');
      if (f.size() < 2) return;
      place.emplace_back(x.Key(Fold(f[1])), std::string(f[0]));
      x.phrases.emplace_back(std::string(f[1]), f[0] == "LOC" ? kLoc : kGpe);
    });
    ForEachLine(EmbeddedFile("ner/orgs.txt"), [&](std::string_view line) {
      const Fields<2> f(line, '|');
      std::string canonical(f[0]);
      org.emplace_back(x.Key(Fold(canonical)), canonical);
      x.phrases.emplace_back(canonical, kOrg);
      if (f.size() > 1 && !f[1].empty()) {
        ForEachPart(f[1], ',', [&](std::string_view a) {
          org.emplace_back(x.Key(Fold(a)), canonical);
          x.phrases.emplace_back(std::string(a), kOrg);
        });
      }
    });
    ForEachLine(EmbeddedFile("ner/roles.txt"), [&](std::string_view line) {
      roles.push_back(x.Key(line));
      x.phrases.emplace_back(std::string(line), kRole);
    });
    ForEachLine(EmbeddedFile("ner/org_words.txt"), [&](std::string_view line) {
      org_words.push_back(x.Key(Fold(line)));
      x.phrases.emplace_back(std::string(line), kOrgWord);
    });
    x.country.Assign(std::move(country));
    x.demonym.Assign(std::move(demonym));
    x.place.Assign(std::move(place));
    x.org.Assign(std::move(org));
    x.roles.Assign(roles);
    x.org_words.Assign(org_words);
    ForEachLine(EmbeddedFile("ner/first_names.txt"), [&](std::string_view line) {
      ForEachPart(line, ' ', [&](std::string_view name) {
        if (!name.empty()) x.phrases.emplace_back(std::string(name), kFirstName);
      });
    });
    return x;
  }();
  return lexicon;
}

}  // namespace lede
