#include "quotes/lexicon.h"

#include <cstring>
#include <utility>

#include "data/embedded.h"

namespace lede {
namespace {

// Calls f(field) for each field of `line`, split on spaces, tabs and CRs.
template <typename F>
void ForEachField(std::string_view line, F f) {
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) f(line.substr(i, j - i));
    i = j;
  }
}

// At most the number of fields in `text`: each is followed by a separator
// (a space, tab, CR or line break) or the text's end. Sizes the tables once.
size_t MaxFields(std::string_view text) {
  size_t n = 1;
  for (char c : text) n += c == ' ' || c == '\t' || c == '\r' || c == '\n';
  return n;
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
                           std::string_view given_names)
    // Every word kept is a field of one of the texts, followed there by a
    // separator or the text's end: with its NUL, the words of a text take at
    // most its size + 1 bytes.
    : storage_(new char[cues.size() + sources.size() + given_names.size() + 3]) {
  std::vector<std::pair<std::string_view, int>> forms;  // in file order
  ForEachLine(cues, [&](std::string_view line) {
    // lemma, stance, frame, then the forms: a line of fewer fields is left out.
    std::string_view head[3];
    int fields = 0, index = 0;
    ForEachField(line, [&](std::string_view f) {
      if (fields < 3) {
        head[fields++] = f;
        return;
      }
      if (fields++ == 3) {
        CueVerb v;
        v.lemma = Keep(head[0]);
        v.stance = Keep(head[1]);
        v.frame = head[2] == "think"  ? CueFrame::kThink
                  : head[2] == "name" ? CueFrame::kName
                                      : CueFrame::kSpeech;
        index = static_cast<int>(verbs_.size());
        verbs_.push_back(v);
      }
      forms.emplace_back(Keep(f), index);
    });
  });
  forms_ = ShortKeyTable<int>(forms.size());
  for (const auto& [form, index] : forms) {
    bool added;
    int* v = forms_.Insert(form, &added);
    if (added) *v = index;  // the first verb of a form wins
  }
  sources_ = ShortKeyTable<bool>(MaxFields(sources));
  ForEachLine(sources, [&](std::string_view line) {
    ForEachField(line, [&](std::string_view w) { *sources_.Insert(Keep(w)) = true; });
  });
  genders_ = ShortKeyTable<char>(MaxFields(given_names));
  ForEachLine(given_names, [&](std::string_view line) {
    // f or m, then names; the first gender given a name wins.
    char gender = 0;
    bool first = true;
    ForEachField(line, [&](std::string_view f) {
      if (first) {
        first = false;
        if (f == "f" || f == "m") gender = f[0];
        return;
      }
      if (gender == 0) return;
      bool added;
      char* v = genders_.Insert(Keep(f), &added);
      if (added) *v = gender;
    });
  });
}

std::string_view QuoteLexicon::Keep(std::string_view w) {
  char* p = storage_.get() + stored_;
  std::memcpy(p, w.data(), w.size());
  p[w.size()] = '\0';
  stored_ += w.size() + 1;
  return std::string_view(p, w.size());
}

char QuoteLexicon::GenderOf(std::string_view given_name) const {
  const char* g = genders_.Find(given_name);
  return g == nullptr ? 0 : *g;
}

const QuoteLexicon& QuoteLexicon::Get() {
  static const QuoteLexicon* lexicon =
      new QuoteLexicon(EmbeddedFile("quotes/cues.txt"), EmbeddedFile("quotes/sources.txt"),
                       EmbeddedFile("quotes/given_names.txt"));
  return *lexicon;
}

bool QuoteLexicon::IsSourceNoun(std::string_view lower_word) const {
  return sources_.Find(lower_word) != nullptr;
}

}  // namespace lede
