#include "quotes/lexicon.h"

#include "data/embedded.h"

namespace lede {
namespace {

// Splits `line` on spaces and tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    if (!line.empty() && line[0] != '#') f(line);
    i = j + 1;
  }
}

}  // namespace

QuoteLexicon::QuoteLexicon(std::string_view cues, std::string_view sources,
                           std::string_view given_names) {
  std::vector<std::pair<std::string_view, int>> forms;  // in file order
  ForEachLine(cues, [&](std::string_view line) {
    std::vector<std::string_view> f = Fields(line);
    if (f.size() < 4) return;
    CueVerb v;
    v.lemma = Keep(f[0]);
    v.stance = Keep(f[1]);
    v.frame = f[2] == "think"  ? CueFrame::kThink
              : f[2] == "name" ? CueFrame::kName
                               : CueFrame::kSpeech;
    int index = static_cast<int>(verbs_.size());
    verbs_.push_back(v);
    for (size_t k = 3; k < f.size(); ++k) forms.emplace_back(Keep(f[k]), index);
  });
  forms_ = ShortKeyTable<int>(forms.size());
  for (const auto& [form, index] : forms) {
    bool added;
    int* v = forms_.Insert(form, &added);
    if (added) *v = index;  // the first verb of a form wins
  }
  ForEachLine(sources, [&](std::string_view line) {
    for (std::string_view w : Fields(line)) sources_.emplace(Keep(w));
  });
  ForEachLine(given_names, [&](std::string_view line) {
    std::vector<std::string_view> f = Fields(line);
    if (f.size() < 2 || (f[0] != "f" && f[0] != "m")) return;
    for (size_t k = 1; k < f.size(); ++k) genders_.emplace(Keep(f[k]), f[0][0]);
  });
}

std::string_view QuoteLexicon::Keep(std::string_view w) {
  storage_.emplace_back(w);
  return storage_.back();
}

char QuoteLexicon::GenderOf(std::string_view given_name) const {
  auto it = genders_.find(given_name);
  return it == genders_.end() ? 0 : it->second;
}

const QuoteLexicon& QuoteLexicon::Get() {
  static const QuoteLexicon* lexicon =
      new QuoteLexicon(EmbeddedFile("quotes/cues.txt"), EmbeddedFile("quotes/sources.txt"),
                       EmbeddedFile("quotes/given_names.txt"));
  return *lexicon;
}

bool QuoteLexicon::IsSourceNoun(std::string_view lower_word) const {
  return sources_.count(lower_word) > 0;
}

}  // namespace lede
