// Names (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT): the tagger's spans
// (ner_model.h), trimmed, typed with the lexicons, given their roles, and
// clustered into entities ("Volodymyr Zelensky" ... "Zelensky"; "US" =
// "the United States"; "ISW" = "Institute for the Study of War").
#include "entities/entities.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "entities/figures.h"
#include "entities/lexicon.h"
#include "entities/ner_model.h"
#include "quotes/lexicon.h"
#include "text/hash.h"
#include "text/literal.h"
#include "text/short_table.h"
#include "text/utf8.h"

namespace lede {
namespace {

// The rules' sets and maps of the Document's words (views into its text):
// text/hash.h's short-key hash, cheaper than std::hash's call. Their order
// is never used (OrgsByMajority walks one only to fill a set).
using ViewSet = std::unordered_set<std::string_view, ShortKeyHash>;
template <typename V>
using ViewMap = std::unordered_map<std::string_view, V, ShortKeyHash>;

// Short words a Title Case headline may leave in lower case besides the
// function words.
const char* const kHeadlineLower[] = {"vs",  "vs.",  "v",  "nor", "per", "via", "off",  "up",
                                      "out", "down", "is", "are", "was", "be",  nullptr};

// A fixed set of literals (a nullptr-terminated list), looked up without
// hashing every byte: open addressing on the word's length and its first,
// middle and last bytes (as text/word_set.h, sized to the list).
class LiteralSet {
 public:
  explicit LiteralSet(const char* const* list) {
    size_t n = 0;
    for (const char* const* p = list; *p; ++p) ++n;
    size_t size = 16;
    while (size < 2 * n) size <<= 1;
    mask_ = static_cast<uint32_t>(size - 1);
    table_.resize(size);
    for (const char* const* p = list; *p; ++p) {
      const std::string_view w(*p);
      if (w.empty()) {
        has_empty_ = true;
        continue;
      }
      first_[Row(w)] |= uint64_t{1} << (static_cast<unsigned char>(w[0]) & 63);
      last_[Row(w)] |= uint64_t{1} << (static_cast<unsigned char>(w.back()) & 63);
      uint32_t j = Slot(w);
      while (!table_[j].empty() && table_[j] != w) j = (j + 1) & mask_;
      table_[j] = w;
    }
  }
  bool Has(std::string_view w) const {
    if (w.empty()) return has_empty_;
    const size_t row = Row(w);
    if (!((first_[row] >> (static_cast<unsigned char>(w[0]) & 63)) & 1)) return false;
    if (!((last_[row] >> (static_cast<unsigned char>(w.back()) & 63)) & 1)) return false;
    return Probe(w);
  }

 private:
  // The table's probe for a word past first_'s test, out of line: inlined,
  // its registers (and memcmp's call) made every In<> save and restore five
  // of them, also for the most words, turned away before it.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  bool
  Probe(std::string_view w) const {
    for (uint32_t j = Slot(w);; j = (j + 1) & mask_) {
      if (table_[j].empty()) return false;
      if (table_[j] == w) return true;
    }
  }
  // A word's row of first_: its length, 15 for 15 bytes or more.
  static size_t Row(std::string_view w) { return std::min<size_t>(w.size(), 15); }
  uint32_t Slot(std::string_view w) const {
    const auto b = [&](size_t i) {
      return static_cast<uint32_t>(static_cast<unsigned char>(w[i]));
    };
    return (static_cast<uint32_t>(w.size()) * 37u + b(0) * 131u + b(w.size() / 2) * 7u +
            b(w.size() - 1)) &
           mask_;
  }
  std::vector<std::string_view> table_;
  uint32_t mask_ = 0;
  // first_[Row(w)] bit (first byte & 63) set for each word w: a word whose
  // length and first byte no word of the set has (most words looked up) is
  // turned away before its slot is hashed and probed.
  uint64_t first_[16] = {};
  // last_[Row(w)] bit (last byte & 63) the same way: most words first_
  // lets through (a listed length and first byte) end in no listed word's
  // way, and are turned away before Probe's call, its hash and its compare
  // (in p35 Probe's own instructions halved).
  uint64_t last_[16] = {};
  bool has_empty_ = false;
};

// The set of the words of `kList` (a nullptr-terminated array of literals),
// built at start-up and never changed. (Built on first use, by a function's
// static, each In<> tested its guard and, for the guard's call, saved and
// restored four registers; the sets cost about 40 K instructions in all.)
template <const char* const* kList>
const LiteralSet kListSet(kList);

// True when `w` is one of the words of `kList`.
template <const char* const* kList>
bool In(std::string_view w) {
  return kListSet<kList>.Has(w);
}

// Capitalized at the start of a sentence but never a name by themselves.
const char* const kFunctionWords[] = {
    "the",       "a",        "an",         "in",       "amid",     "at",          "on",
    "for",       "with",     "by",         "from",     "after",    "before",      "as",
    "if",        "when",     "while",      "but",      "and",      "or",          "so",
    "yet",       "this",     "that",       "these",    "those",    "his",         "her",
    "their",     "its",      "our",        "my",       "your",     "we",          "they",
    "he",        "she",      "it",         "i",        "there",    "here",        "meanwhile",
    "however",   "also",     "then",       "now",      "even",     "still",       "why",
    "what",      "who",      "how",        "where",    "despite",  "during",      "under",
    "over",      "since",    "until",      "like",     "unlike",   "according",   "some",
    "many",      "most",     "all",        "both",     "each",     "every",       "no",
    "not",       "only",     "just",       "instead",  "although", "though",      "because",
    "into",      "across",   "near",       "against",  "about",    "without",     "through",
    "toward",    "towards",  "once",       "thus",     "moreover", "furthermore", "nevertheless",
    "yes",       "oh",       "mr",         "to",       "of",       "said",        "says",
    "someone",   "anyone",   "everyone",   "somebody", "anybody",  "everybody",   "nobody",
    "something", "anything", "everything", "nothing",  nullptr};

// Stop a role phrase when extending it to the left or right.
const char* const kRoleStops[] = {
    "the",       "a",         "an",        "and",       "or",     "but",      "said",
    "says",      "told",      "tells",     "to",        "by",     "with",     "for",
    "from",      "in",        "on",        "at",        "as",     "that",     "which",
    "who",       "whom",      "was",       "is",        "are",    "were",     "be",
    "been",      "has",       "have",      "had",       "will",   "would",    "could",
    "should",    "may",       "might",     "also",      "when",   "while",    "after",
    "before",    "including", "like",      "according", "than",   "then",     "said.",
    "monday",    "tuesday",   "wednesday", "thursday",  "friday", "saturday", "sunday",
    "january",   "february",  "march",     "april",     "june",   "july",     "august",
    "september", "october",   "november",  "december",  "if",     "he",       "she",
    "they",      "it",        "we",        "i",         "this",   "that",     "these",
    "those",     "not",       "no",        "where",     "did",    "does",     "do",
    "can",       "into",      "about",     "over",      "under",  "between",  "against",
    "during",    "since",     "via",       "his",       "her",    "their",    "its",
    nullptr};

const char* const kEventWords[] = {
    "war",      "battle",       "siege",         "olympics",  "olympic",    "games",
    "cup",      "championship", "championships", "open",      "tournament", "summit",
    "election", "elections",    "revolution",    "offensive", "crisis",     "festival",
    "prix",     "marathon",     "series",        "bowl",      "invasion",   "massacre",
    "uprising", "referendum",   "conference",    "campaign",  nullptr};
// Groups of people by religion, ethnicity or politics (OntoNotes NORP) that are
// no country's demonym, singular and plural: "Hispanics", "Muslims", "Latinos"
// are not organizations or places whatever the tagger says.
const char* const kPeopleGroups[] = {
    "hispanic",   "hispanics",   "latino",      "latinos",      "latina",     "latinas",
    "muslim",     "muslims",     "christian",   "christians",   "jew",        "jews",
    "catholic",   "catholics",   "evangelical", "evangelicals", "protestant", "protestants",
    "mormon",     "mormons",     "hindu",       "hindus",       "sikh",       "sikhs",
    "buddhist",   "buddhists",   "sunni",       "sunnis",       "shiite",     "shiites",
    "arab",       "arabs",       "kurd",        "kurds",        "democrat",   "democrats",
    "republican", "republicans", "libertarian", "libertarians", "democratic", nullptr};

const char* const kFacilityWords[] = {"airport",  "base",      "bridge", "stadium",  "street",
                                      "road",     "avenue",    "square", "tower",    "palace",
                                      "station",  "plant",     "dam",    "building", "arena",
                                      "highway",  "canal",     "tunnel", "prison",   "port",
                                      "airfield", "cathedral", "mosque", "church",   nullptr};
const char* const kNaturalWords[] = {"river",     "sea",    "ocean",  "mountains", "mountain",
                                     "mount",     "lake",   "valley", "island",    "islands",
                                     "peninsula", "gulf",   "bay",    "coast",     "desert",
                                     "strait",    "forest", "range",  nullptr};

// After "X's": nouns that make X a person ("Zelenskyy's office said", "Smith's
// lawyer"), not a company or a place.
const char* const kPersonalNouns[] = {
    "office",  "wife",     "husband",    "widow",     "son",         "daughter",
    "mother",  "father",   "brother",    "sister",    "family",      "lawyer",
    "lawyers", "attorney", "attorneys",  "spokesman", "spokeswoman", "spokesperson",
    "aide",    "aides",    "biographer", nullptr};

// Roles held in an organization rather than a place: "director of X" makes X
// an organization ("mayor of X" would not).
const char* const kOrgRoles[] = {
    "director",  "founder",   "co-founder",  "chairman",     "chairwoman", "chair",
    "ceo",       "president", "fellow",      "analyst",      "researcher", "economist",
    "professor", "spokesman", "spokeswoman", "spokesperson", "executive",  "manager",
    "employee",  "member",    nullptr};

// People who work at or study an organization, in the singular or plural,
// before "at" or "of" and a name: "Analysts at Jefferies said", "an economist
// at Credit Suisse", "researchers at Technion". Only with "at"/"of": "a place
// where analysts work" is not a sign.
const char* const kOrgStaff[] = {
    "analyst",    "analysts",    "economist", "economists", "strategist", "strategists",
    "researcher", "researchers", "scientist", "scientists", "executive",  "executives",
    "employee",   "employees",   "engineer",  "engineers",  "trader",     "traders",
    "banker",     "bankers",     "partner",   "partners",   "professor",  "professors",
    "fellow",     "fellows",     "director",  "directors",  "manager",    "managers",
    "student",    "students",    "worker",    "workers",    nullptr};

// Jobs at a newspaper or broadcaster: "Breitbart reporter", "POLITICO senior writer".
const char* const kMediaRoles[] = {"reporter", "correspondent", "writer", "columnist", "editor",
                                   "producer", "anchor",        "host",   "pollster",  "staffer",
                                   "chief",    "contributor",   nullptr};
// Words right before a place's name ("in Novi", "the Danish island of
// Bornholm", "a rally in the Southwest").
const char* const kPlacePreps[] = {
    "in",      "at",      "from",       "near",    "across",   "of",     "into",
    "outside", "around",  "throughout", "toward",  "towards",  "via",    "within",
    "inside",  "through", "visit",      "visited", "visiting", "visits", nullptr};
// Words before "of" that make it a part's: "one of Mikey's", "some of Bloomberg's".
const char* const kQuantifiers[] = {"one",  "some", "many", "most", "all",     "each", "none",
                                    "both", "any",  "few",  "much", "several", nullptr};
// Last words of places' names ("Kent County", "Colorado Springs") and first
// words ("North Florida", "Fort Wayne", "San Bernardino").
const char* const kPlaceHeads[] = {"county", "city",     "town",     "township", "village",
                                   "parish", "province", "district", "heights",  "springs",
                                   "falls",  "beach",    "hill",     "hills",    nullptr};
const char* const kPlacePrefixes[] = {
    "north",   "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "new",   "fort", "port", "san",      "santa",    "st",      "st.",
    "saint",   "los",   "las",  "el",   "mount",    "lake",     nullptr};
// Last words of company names, which a place may follow ("Kia Motor Corp of
// South Korea").
const char* const kCompanyWords[] = {
    "inc", "inc.", "corp", "corp.",   "corporation", "ltd",      "ltd.",     "llc",
    "plc", "co",   "co.",  "company", "group",       "holdings", "partners", nullptr};
// A company's legal form, which later mentions leave out ("Boeing Co" ... "Boeing").
const char* const kLegalForms[] = {"inc",  "inc.", "corp", "corp.", "corporation", "ltd",
                                   "ltd.", "llc",  "llc.", "plc",   "plc.",        "co",
                                   "co.",  "ag",   "sa",   "llp",   "llp.",        nullptr};
// Nouns that follow a company's name ("Wells Fargo CEO", "Apple shareholders").
const char* const kCompanyNouns[] = {
    "ceo",        "cfo",    "coo",   "shareholders", "stockholders", "employees", "bankers",
    "subsidiary", "shares", "stock", "headquarters", "executives",   nullptr};
// Nouns in lower case right before a company's or an outlet's name
// ("planemaker Airbus", "rival Boeing", "the website Breitbart"); and any word
// ending in "maker" ("carmaker", "drugmaker").
const char* const kCompanyTitles[] = {
    "rival",   "firm",       "company",   "giant",        "airline",   "retailer",
    "bank",    "lender",     "insurer",   "manufacturer", "supplier",  "conglomerate",
    "startup", "brokerage",  "publisher", "broadcaster",  "newspaper", "magazine",
    "website", "subsidiary", "automaker", nullptr};
// Last words of institutions' names, never of a person's or a place's:
// "Islamic Center", "Muhammad Ali Center".
const char* const kInstitutionWords[] = {
    "center",    "centre",     "institute", "institution", "foundation", "university",  "college",
    "school",    "academy",    "museum",    "library",     "hospital",   "association", "society",
    "committee", "commission", "council",   "department",  "ministry",   "agency",      nullptr};
// Groups whose names go on with "to" and a verb ("Alliance to Reclaim Our Schools").
const char* const kToGroups[] = {"alliance", "coalition", "campaign",    "committee",
                                 "fund",     "project",   "foundation",  "council",
                                 "network",  "movement",  "partnership", "league",
                                 "center",   "institute", "initiative",  nullptr};
const char* const kCompass[] = {"north",     "south",     "east",      "west",    "northeast",
                                "northwest", "southeast", "southwest", "midwest", nullptr};
const char* const kMonths[] = {
    "jan", "january", "feb", "february", "mar", "march",    "apr",  "april", "may",
    "jun", "june",    "jul", "july",     "aug", "august",   "sep",  "sept",  "september",
    "oct", "october", "nov", "november", "dec", "december", nullptr};
// First words of regions' demonyms: "Central American", "Middle Eastern".
const char* const kRegions[] = {"central",   "south",    "north",    "east",
                                "west",      "latin",    "middle",   "southeast",
                                "northeast", "southern", "northern", nullptr};
const char* const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                 "friday", "saturday", "sunday",    nullptr};

// 48 bytes: a long text has a candidate every ten tokens or so, all alive at
// once. The cluster key is computed where it is used (Builder::Key), roles
// live in Builder::roles_.
struct Cand {
  uint32_t b = 0, e = 0;  // tokens
  uint32_t roles = 0;     // 1 + index into Builder::roles_, or 0: none
  // A GPE only by default: the tagger's LOC that no lexicon knows, with no sign
  // of a place around it (ResolveUnsurePlaces decides).
  bool unsure = false;
  std::string_view type;     // lede type: a literal or a lexicon's value (both outlive the run)
  std::string_view country;  // NORP: its country (canonical), a lexicon's value, or ""

  // Tokens [b, e) of a type; key, roles and country come later.
  static Cand Span(uint32_t b, uint32_t e, std::string_view type) {
    Cand c;
    c.b = b;
    c.e = e;
    c.type = type;
    return c;
  }
};

// Whether Fold(s) == s: no ASCII capital and no curly apostrophe (which
// folds to '), tested without building the folded copy.
bool IsFoldedText(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    size_t j = i;
    if (FoldStep(s, &j) != s[i] || j != i) return false;
  }
  return true;
}

bool IsAllCapsName(std::string_view s) {
  bool letter = false;
  for (char ch : s) {
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') letter = true;
  }
  return letter;
}

// Bytes in blocks that never move, for the keys a CompactKeyTable holds views
// of: a key is written in the room at the end of the last block, then kept
// (a new key) or left to be written over (a key met before).
class KeyBlocks {
 public:
  // Room for n bytes; the first block holds `first` bytes (or n).
  char* Room(size_t n, size_t first) {
    if (room_ < n) {
      const size_t size = std::max(n, blocks_.empty() ? first : 2 * size_);
      blocks_.emplace_back(new char[size]);
      size_ = size;
      room_ = size;
    }
    return blocks_.back().get() + (size_ - room_);
  }
  // Keeps the n bytes written at Room().
  void Keep(size_t n) { room_ -= n; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t size_ = 0;  // the last block's
  size_t room_ = 0;  // free at its end
};

class Builder {
 public:
  explicit Builder(const Document& doc) : doc_(doc), lex_(NameLexicon::Get()) {}

  // The searches ForEachWholeWord cut short (see kSearchBudget).
  size_t searches_cut() const { return search_cut_; }

  std::vector<Entity> Run() {
    FindTitleLines();
    Collect();
    LexiconOrgs();
    ResolveUnsurePlaces();
    CompanyNames();
    SportsNames();
    PlacesReadAsOrgs();
    OutletsReadAsPlaces();
    UntaggedCompanies();
    MergeOrgNames();
    NumberedUnits();
    PersonsInOrgSpans();
    NamesOfPersonWords();
    PersonsAfterRoles();
    PersonsAfterOrgNames();
    SurnamePairs();
    Viruses();
    InitialsAndSurname();
    SplitGroupAndPlace();
    PersonsBySigns();
    FullNamesOneType();
    LeadersBeforeGovernments();
    OrgsByMajority();
    // VoteTypes();
    ArticleParticles();
    PersonNameTails();
    ExtendMentions();
    OrgsOrPlacesOneType();
    NamedAfterPersons();
    // Peak memory: the tagger's per-token facts and the headline map are done
    // with (Key, Roles and Cluster read neither).
    context_ = ner::DocContext();
    std::vector<bool>().swap(title_line_);
    std::vector<uint64_t>().swap(cap_words_);
    person_.assign(doc_.tokens.size(), 0);
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON")) continue;
      for (uint32_t i = c.b; i < c.e; ++i) person_[i] = 1;
    }
    for (Cand& c : cands_) {
      if (EqualsLiteral(c.type, "PERSON")) Roles(&c);
    }
    std::vector<uint8_t>().swap(person_);
    return Cluster();
  }

 private:
  std::string Folded(uint32_t b, uint32_t e) const {
    if (e == b + 1) return std::string(doc_.Folded(b));
    return Fold(doc_.text.substr(doc_.tokens[b].span.start,
                                 doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start));
  }
  // Folded(b, e) as a view: the Document's folded word for one token, else
  // folded into the first bytes of *buf (grown, never shrunk: a buffer used
  // again, fold_buf_ or Cluster's, is not resized for each name).
  std::string_view FoldedInto(uint32_t b, uint32_t e, std::string* buf) const {
    if (e == b + 1) return doc_.Folded(b);
    const std::string_view text = doc_.text.substr(
        doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start);
    if (buf->size() < text.size()) buf->resize(text.size());
    return std::string_view(buf->data(), FoldInto(text, buf->data()));
  }
  // Folded(b, e) for a look-up: a view valid until the next FoldedView call
  // (into fold_buf_ for a longer name), not a std::string each time.
  std::string_view FoldedView(uint32_t b, uint32_t e) const { return FoldedInto(b, e, &fold_buf_); }
  std::string Written(uint32_t b, uint32_t e) const {
    return std::string(doc_.text.substr(doc_.tokens[b].span.start,
                                        doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start));
  }
  // The token's folded text (the Document folds every token once).
  std::string_view Word(uint32_t i) const { return doc_.Folded(i); }
  // A Title Case headline: the first line, its words capitalized except function
  // words ("Politifact: Donald Trump Is Right, 'Thousands of Shootings' in Chicago
  // this Year."), with or without a final period. Its capitals are the headline's
  // style, not evidence of names.
  bool TitleLine(uint32_t i) const {
    if (title_line_[i]) return true;
    // Elsewhere, a sentence in Title Case without a final period (a subheading).
    if (context_.caps_line[i] != 2) return false;
    const Sentence& s = doc_.sentences[doc_.SentenceOf(i)];
    for (uint32_t k = s.begin; k < s.end; ++k) {
      if (doc_.tokens[k].kind == TokenKind::kNumber) return false;  // a table row
    }
    std::string_view last = doc_.Text(s.end - 1);
    if (s.end - s.begin >= 4 && !EqualsLiteral(last, ".") && !EqualsLiteral(last, "!") &&
        !EqualsLiteral(last, "?"))
      return true;
    // A subheading with a final period, a paragraph of its own: "Joining Forces
    // With China.", "A Divisive Legacy."
    const Paragraph& p = doc_.paragraphs[s.paragraph];
    return p.end - p.begin == 1 && EqualsLiteral(last, ".") && s.end - s.begin >= 4 &&
           s.end - s.begin <= 12;
  }
  // Whether the text writes tokens [b, e) the same way off the headline lines
  // (names in a headline are those the article goes on to name). Once per
  // distinct span text: a text repeating a headline line would otherwise search
  // every repeat for every other (quadratic; 10 MB took 15 s).
  bool InBody(uint32_t b, uint32_t e) const {
    const std::string_view w = doc_.text.substr(
        doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start);
    auto known = in_body_.find(w);
    if (known != in_body_.end()) return known->second;
    bool found = false;
    ForEachWholeWord(w, [&](size_t at) {
      auto tok = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), at,
                                  [](const Token& t, size_t x) { return t.span.start < x; });
      found = tok != doc_.tokens.end() && !title_line_[tok - doc_.tokens.begin()];
      return found;
    });
    in_body_.emplace(w, found);
    return found;
  }
  // Calls visit(at) for each place, in text order, where the text writes w
  // with no letter or digit either side, until visit returns true. The
  // searches of a document share a budget of bytes (kSearchBudget times the
  // text, far above what any article needs: each search is remembered per
  // distinct text by its caller); past it no more places are found, and the
  // analysis says so in a warning (`search_cut_`).
  template <typename Visit>
  void ForEachWholeWord(std::string_view w, Visit visit) const {
    const std::string_view text = doc_.text;
    auto word = [&](size_t k) {
      return k < text.size() && std::isalnum(static_cast<unsigned char>(text[k]));
    };
    const size_t budget = kSearchBudget * text.size() + (size_t{1} << 20);
    for (size_t from = 0; from <= text.size();) {
      if (searched_ >= budget) {
        ++search_cut_;
        return;
      }
      const size_t at = text.find(w, from);
      searched_ += (at == std::string_view::npos ? text.size() : at + w.size()) - from;
      if (at == std::string_view::npos) return;
      if (!(at > 0 && word(at - 1)) && !word(at + w.size()) && visit(at)) return;
      from = at + 1;
    }
  }
  // The first two places ForEachWholeWord finds for w that `keep` accepts
  // (npos where there are fewer), once per distinct key.
  template <typename Keep>
  const std::array<size_t, 2>& FirstTwo(const std::string& key, std::string_view w,
                                        Keep keep) const {
    auto known = first_two_.find(key);
    if (known != first_two_.end()) return known->second;
    std::array<size_t, 2> two = {std::string_view::npos, std::string_view::npos};
    int n = 0;
    ForEachWholeWord(w, [&](size_t at) {
      if (keep(at)) two[n++] = at;
      return n == 2;
    });
    return first_two_.emplace(key, two).first->second;
  }
  // Whether one of two places is not `at` (npos is none).
  static bool OtherThan(const std::array<size_t, 2>& two, size_t at) {
    return (two[0] != std::string_view::npos && two[0] != at) ||
           (two[1] != std::string_view::npos && two[1] != at);
  }
  void FindTitleLines() {
    const size_t n = doc_.tokens.size();
    title_line_.assign(n, false);
    size_t b = 0;
    while (b < n) {
      size_t e = b + 1;
      while (e < n) {
        bool brk = false;
        for (size_t k = doc_.tokens[e - 1].span.end; k < doc_.tokens[e].span.start && !brk; ++k)
          brk = doc_.text[k] == '\n';
        if (brk) break;
        ++e;
      }
      int content = 0, cap = 0, caps = 0, lower = 0, numbers = 0;
      for (size_t k = b; k < e; ++k) {
        const Token& t = doc_.tokens[k];
        if (t.kind == TokenKind::kNumber) ++numbers;
        if (t.kind != TokenKind::kWord || t.span.end - t.span.start < 2) continue;
        if (t.Is(kAllCaps)) {
          ++caps;
        } else if (t.Is(kCapitalized)) {
          ++cap;
        } else if (In<kFunctionWords>(Word(static_cast<uint32_t>(k))) ||
                   In<kHeadlineLower>(Word(static_cast<uint32_t>(k)))) {
          continue;  // "of", "in", "vs." stay lower case in Title Case
        } else if (t.Is(kLower) && !t.Is(kPossessive)) {
          ++lower;
        } else {
          continue;  // "'s"
        }
        ++content;
      }
      // Mostly capitalized content words, at most one written in lower case, few
      // numbers (not a table row) and not a line in capitals (the tagger's own case).
      if (content >= 3 && content <= 30 && lower * 8 <= content && cap > caps &&
          (cap + caps) * 10 >= content * 9 && numbers * 4 <= content) {
        std::fill(title_line_.begin() + b, title_line_.begin() + e, true);
      }
      break;  // the first line only: further lines in Title Case are as often lists of names
    }
  }
  // The word tokens written capitalized (kWord, kCapitalized), a bit each:
  // the scans for names the tagger left out start only from these, and skip
  // the other tokens (most of them) 64 at a time. Made of the tagger's bits
  // of its history tokens (ner::HasHistory: capitalized or ALL CAPS words,
  // ALL CAPS numbers), which hold them all: only those are tested, not
  // every token.
  void FindCapWords() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    const size_t blocks = (n + 63) / 64;
    if (context_.history.size() != blocks) {  // (none handed out: every token)
      cap_words_.assign(blocks, 0);
      for (uint32_t i = 0; i < n; ++i) {
        const Token& t = doc_.tokens[i];
        if (t.kind == TokenKind::kWord && t.Is(kCapitalized))
          cap_words_[i >> 6] |= uint64_t{1} << (i & 63);
      }
      return;
    }
    cap_words_.swap(context_.history);
    for (size_t b = 0; b < blocks; ++b) {
      uint64_t keep = cap_words_[b];
      for (uint64_t u = keep; u; u &= u - 1) {
        const int bit = __builtin_ctzll(u);
        const Token& t = doc_.tokens[b * 64 + static_cast<size_t>(bit)];
        if (t.kind != TokenKind::kWord || !t.Is(kCapitalized)) keep &= ~(uint64_t{1} << bit);
      }
      cap_words_[b] = keep;
    }
  }
  // Calls visit(i) for each capitalized word token i (FindCapWords), in
  // text order, a 64-bit word of cap_words_ at a time (a walk by the next
  // set bit from each token was about ten instructions a word, and four
  // rules walk them all). visit returns the first token to go on from: i + 1,
  // or past the tokens of a name it took whole.
  template <typename Visit>
  void ForEachCapWord(Visit visit) const {
    uint32_t from = 0;
    for (size_t b = 0; b < cap_words_.size(); ++b) {
      const uint32_t base = static_cast<uint32_t>(b * 64);
      if (from >= base + 64) continue;
      uint64_t u = cap_words_[b];
      if (from > base) u &= ~uint64_t{0} << (from - base);
      while (u) {
        const uint32_t i = base + static_cast<uint32_t>(__builtin_ctzll(u));
        from = visit(i);
        if (from == i + 1) {
          u &= u - 1;  // (most words)
        } else if (from >= base + 64) {
          break;
        } else {
          u &= ~uint64_t{0} << (from - base);  // (from is past i: a shift of 1 to 63)
        }
      }
    }
  }
  bool Contraction(uint32_t b, uint32_t e) const {
    const std::string_view text = doc_.text.substr(
        doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start);
    // A contraction folds to a pronoun of at most 4 bytes, ' and a tail of
    // at most 2 (7 bytes), written with at most one curly apostrophe (3
    // bytes, folded to 1): a longer text is none, unread (most spans). Nor
    // is one under 3 bytes ("i'm"), nor one whose first byte, ASCII-lowered
    // as Fold does, opens none of the pronouns ("i", "we", "you", "they",
    // "he", "she", "it").
    if (text.size() > 9 || text.size() < 3) return false;
    switch (text[0] | 0x20) {
      case 'i':
      case 'w':
      case 'y':
      case 't':
      case 'h':
      case 's':
        break;
      default:
        return false;
    }
    // No apostrophe, neither ' nor a curly one (E2 80 ..), in one pass over
    // the bytes (the common case; a span's text is a few words).
    size_t k = 0;
    while (k < text.size() && text[k] != '\'' && text[k] != '\xE2') ++k;
    if (k == text.size()) return false;
    std::string w = Folded(b, e);
    size_t q = w.find('\'');
    size_t len = 1;
    if (q == std::string::npos) {
      q = w.find("\xE2\x80\x99");  // right single quotation mark
      len = 3;
    }
    if (q == std::string::npos) return false;
    std::string_view head(w.data(), q), tail(w.data() + q + len, w.size() - q - len);
    bool pronoun = EqualsLiteral(head, "i") || EqualsLiteral(head, "we") ||
                   EqualsLiteral(head, "you") || EqualsLiteral(head, "they") ||
                   EqualsLiteral(head, "he") || EqualsLiteral(head, "she") ||
                   EqualsLiteral(head, "it");
    return pronoun &&
           (EqualsLiteral(tail, "m") || EqualsLiteral(tail, "ll") || EqualsLiteral(tail, "ve") ||
            EqualsLiteral(tail, "d") || EqualsLiteral(tail, "re") || EqualsLiteral(tail, "s"));
  }
  // A word of three or more letters a-z (no initial, no "A.de").
  bool PlainWord(uint32_t i) const {
    std::string_view w = Word(i);
    if (w.size() < 3) return false;
    for (char ch : w) {
      if (ch < 'a' || ch > 'z') return false;
    }
    return true;
  }
  // "the band The Zutons", "a review in The Sunday Times": a "The" the text
  // capitalizes inside a sentence, which the tagger took into an ORG, is part
  // of the name.
  bool TheOfName(const ner::NameSpan& s, uint32_t i) const {
    return s.type == ner::kOrg && i == s.begin && EqualsLiteral(doc_.Text(i), "The") &&
           !OpensSentence(i) && !context_.caps_line[i] && !TitleLine(i);
  }
  static bool Courtesy(std::string_view w) {
    return EqualsLiteral(w, "mr.") || EqualsLiteral(w, "mrs.") || EqualsLiteral(w, "ms.") ||
           EqualsLiteral(w, "mr") || EqualsLiteral(w, "mrs") || EqualsLiteral(w, "ms");
  }
  // Token i opens its sentence, or a quote that opens it.
  bool OpensSentence(uint32_t i) const {
    if (doc_.tokens[i].Is(kSentenceStart)) return true;
    return i > 0 && doc_.tokens[i - 1].kind == TokenKind::kQuote &&
           doc_.tokens[i - 1].Is(kSentenceStart);
  }
  // Whether the text writes tokens [b, e) as a whole word sequence elsewhere
  // (not right after token b - 1).
  // Whether the text writes the words [b + 1, e) elsewhere without word b
  // before them ("Follow AWR Hawkins" ... "AWR Hawkins is"; not "Homegate
  // Hospitality Inc" ... "Homegate Hospitality Inc"), as whole words.
  bool ElsewhereWithout(uint32_t b, uint32_t e) const {
    if (doc_.tokens[b + 1].kind != TokenKind::kWord) return false;
    const size_t from = doc_.tokens[b + 1].span.start;
    const std::string_view w = doc_.text.substr(from, doc_.tokens[e - 1].span.end - from);
    const std::string_view first = doc_.Text(b);
    std::string key = "w";  // (Elsewhere's keys start with "e")
    key.append(first).append(1, '\0').append(w);
    return OtherThan(
        FirstTwo(key, w,
                 [&](size_t at) {
                   size_t p = at;
                   while (p > 0 && doc_.text[p - 1] == ' ') --p;
                   return !(p >= first.size() &&
                            doc_.text.compare(p - first.size(), first.size(), first) == 0);
                 }),
        from);
  }
  // Whether the text writes tokens [b, e) as whole words elsewhere.
  bool Elsewhere(uint32_t b, uint32_t e) const {
    const size_t from = doc_.tokens[b].span.start;
    const std::string_view w = doc_.text.substr(from, doc_.tokens[e - 1].span.end - from);
    std::string key = "e";
    key.append(w);
    return OtherThan(FirstTwo(key, w, [](size_t) { return true; }), from);
  }
  bool PartyTag(uint32_t b, uint32_t e) const {
    const std::string_view w = doc_.text.substr(
        doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end - doc_.tokens[b].span.start);
    if (w.size() < 3 || (w[0] != 'D' && w[0] != 'R' && w[0] != 'I') || w[1] != '-') return false;
    size_t k = doc_.tokens[b].span.start;
    while (k > 0 && doc_.text[k - 1] == ' ') --k;
    return k > 0 && (doc_.text[k - 1] == '(' || doc_.text[k - 1] == ',');
  }
  // The tagger's gazetteer code (DocContext::gazetteer) of a lexicon
  // category's phrase at a position (0 U, 1 B, 2 I, 3 L).
  static uint8_t GazetteerCode(int category, int position) {
    return static_cast<uint8_t>(1 + 4 * category + position);
  }
  // The first token from i on whose gazetteer code is `code`, or the token count.
  uint32_t NextCode(uint8_t code, uint32_t i) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (i >= n) return n;
    const uint8_t* g = context_.gazetteer.data();
    const void* hit = std::memchr(g + i, code, n - i);
    return hit ? static_cast<uint32_t>(static_cast<const uint8_t*>(hit) - g) : n;
  }
  // Adds the lexicon names (gazetteer matches) that lie inside tokens [b, e).
  void LexiconNamesIn(uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e;) {
      int code = context_.gazetteer[i];
      int cat = code ? (code - 1) / 4 : 0, pos = code ? (code - 1) % 4 : -1;
      uint32_t end = i + 1;
      if (pos == 1) {
        while (end < e && context_.gazetteer[end] && (context_.gazetteer[end] - 1) % 4 == 2) ++end;
        if (end < e && context_.gazetteer[end] && (context_.gazetteer[end] - 1) % 4 == 3) {
          ++end;
        } else {
          pos = -1;  // the phrase runs past the span
        }
      }
      const char* type = cat == NameLexicon::kCountry || cat == NameLexicon::kGpe ? "GPE"
                         : cat == NameLexicon::kLoc                               ? "LOC"
                         : cat == NameLexicon::kOrg                               ? "ORG"
                                                                                  : nullptr;
      // A headline's "Who" is not the WHO.
      if (pos == 0 && In<kFunctionWords>(Word(i)) && !doc_.tokens[i].Is(kAllCaps)) type = nullptr;
      if (type && (pos == 0 || pos == 1)) {
        cands_.push_back(Cand::Span(i, end, type));
      }
      i = pos == 1 ? end : i + 1;
    }
  }
  // "said on Twitter": an organization of the lexicon (orgs.txt, written in
  // capitals or Title Case) that the tagger left out is an ORG all the same.
  void LexiconOrgs() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    WholeLexiconOrgs();
    // Only the tokens that open an organization of the lexicon, alone (U) or
    // its first word (B), are looked at: the next of each, found by memchr in
    // the tagger's gazetteer codes (most tokens have none).
    const uint8_t kOrgU = GazetteerCode(NameLexicon::kOrg, 0), kOrgB = kOrgU + 1;
    uint32_t next_u = NextCode(kOrgU, 0), next_b = NextCode(kOrgB, 0);
    if (next_u == n && next_b == n) return;
    std::vector<uint8_t> covered(n, 0);
    for (const Cand& c : cands_) {  // (a name is a few tokens: no memset call each)
      for (uint32_t i = c.b; i < c.e; ++i) covered[i] = 1;
    }
    const size_t before = cands_.size();
    for (uint32_t i = 0; i < n; ++i) {
      if (next_u < i) next_u = NextCode(kOrgU, i);
      if (next_b < i) next_b = NextCode(kOrgB, i);
      i = std::min(next_u, next_b);
      if (i == n) break;
      if (covered[i]) continue;
      const int pos = (context_.gazetteer[i] - 1) % 4;  // 0 or 1
      uint32_t end = i + 1;
      while (pos == 1 && end < n && (context_.gazetteer[end] - 1) % 4 == 2) ++end;
      if (pos == 1 &&
          !(end < n && context_.gazetteer[end] && (context_.gazetteer[end] - 1) % 4 == 3))
        continue;
      if (pos == 1) ++end;
      // On a line in capitals or Title Case only one standing alone after a word
      // in lower case ("Follow Adelle Nazarian on Twitter @AdelleNaz.").
      bool ok =
          (!TitleLine(i) && !context_.caps_line[i]) ||
          (i > 0 && doc_.tokens[i - 1].kind == TokenKind::kWord && doc_.tokens[i - 1].Is(kLower) &&
           (end >= n || TagOrHandle(end) ||
            !(doc_.tokens[end].Is(kCapitalized) || doc_.tokens[end].Is(kAllCaps))));
      for (uint32_t k = i; k < end && ok; ++k) {
        const Token& t = doc_.tokens[k];
        ok = !covered[k] && (t.kind != TokenKind::kWord || t.Is(kCapitalized) || t.Is(kAllCaps) ||
                             In<kFunctionWords>(Word(k)));
      }
      if (ok && doc_.tokens[i].kind == TokenKind::kWord && !In<kFunctionWords>(Word(i)))
        cands_.push_back(Cand::Span(i, end, "ORG"));
      i = end - 1;
    }
    if (cands_.size() != before) {
      std::stable_sort(cands_.begin(), cands_.end(),
                       [](const Cand& a, const Cand& b) { return a.b < b.b; });
    }
  }
  // "Institute for the Study of War" of which the tagger found only a part
  // ("Study of War" as MISC): an organization of the lexicon of two words or
  // more whose tagger spans all lie inside it is one name, the lexicon's.
  void WholeLexiconOrgs() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    std::vector<uint8_t> drop;
    std::vector<Cand> add;
    size_t c = 0;  // cands_ are in text order: the first that may reach token i
    // The first words (B) of the lexicon's organizations, found by memchr.
    const uint8_t kOrgB = GazetteerCode(NameLexicon::kOrg, 1);
    for (uint32_t i = NextCode(kOrgB, 0); i < n; i = NextCode(kOrgB, i + 1)) {
      uint32_t end = i + 1;
      while (end < n && context_.gazetteer[end] && (context_.gazetteer[end] - 1) % 4 == 2) ++end;
      if (!(end < n && context_.gazetteer[end] && (context_.gazetteer[end] - 1) % 4 == 3)) continue;
      ++end;
      const uint32_t b = i;
      i = end - 1;
      if (TitleLine(b) || context_.caps_line[b] || doc_.tokens[b].kind != TokenKind::kWord ||
          In<kFunctionWords>(Word(b)))
        continue;
      bool ok = true;
      for (uint32_t k = b; k < end && ok; ++k) {
        const Token& t = doc_.tokens[k];
        ok = t.kind != TokenKind::kWord || t.Is(kCapitalized) || t.Is(kAllCaps) ||
             In<kFunctionWords>(Word(k));
      }
      while (c < cands_.size() && cands_[c].e <= b) ++c;
      size_t inside = 0, x = c;
      for (; x < cands_.size() && cands_[x].b < end && ok; ++x) {
        const Cand& o = cands_[x];
        ok = o.b >= b && o.e <= end && !(o.b == b && o.e == end);
        ++inside;
      }
      if (!ok || inside == 0) continue;
      drop.resize(cands_.size(), 0);
      for (size_t y = c; y < x; ++y) drop[y] = 1;
      add.push_back(Cand::Span(b, end, "ORG"));
    }
    if (add.empty()) return;
    // In place (peak memory: a second vector of the candidates, reserved to
    // their number, left no room, and the next push_back doubled it, 10 MB at
    // once on 5 MB of news): the dropped ones out, then the additions (in
    // text order) merged in from the back, after kept candidates of the same
    // start, as a stable sort of the kept candidates and then the additions.
    size_t kept = 0;
    for (size_t y = 0; y < cands_.size(); ++y) {
      if (!drop[y]) cands_[kept++] = std::move(cands_[y]);
    }
    cands_.resize(kept);
    auto by_start = [](const Cand& a, const Cand& b) { return a.b < b.b; };
    if (!std::is_sorted(cands_.begin(), cands_.end(), by_start))
      std::stable_sort(cands_.begin(), cands_.end(), by_start);
    cands_.resize(kept + add.size());
    for (size_t i = kept, j = add.size(), o = cands_.size(); j > 0;) {
      if (i > 0 && add[j - 1].b < cands_[i - 1].b)
        cands_[--o] = std::move(cands_[--i]);
      else
        cands_[--o] = std::move(add[--j]);
    }
  }
  // "The café owner, José Nuñez, said" read as ORG: a span of two or three
  // capitalized words that opens with a given name, right after a personal role
  // word and a comma, is a person. "National Front party leader, Marine Le Pen,
  // voiced support" ... "Le Pen told CNN": without a listed given name, when the
  // text writes the name's last words alone as a name too (an organization's
  // short form is its first words: "Goldman" of "Goldman Sachs"), and the role
  // is none a company holds ("the new owner, OHorizons Global,"); then every
  // mention of the form is the person's.
  void PersonsAfterRoles() {
    std::unordered_set<std::string> forms;
    std::unordered_map<std::string, std::array<uint32_t, 2>> tails;  // TailElsewhere's
    for (Cand& c : cands_) {
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b < 2 ||
          c.e - c.b > 3 || c.b < 2 || context_.caps_line[c.b] ||
          !EqualsLiteral(doc_.Text(c.b - 1), ",") || !doc_.tokens[c.b - 2].Is(kLower) ||
          !IsRoleWord(c.b - 2))
        continue;
      const bool given = GivenName(c.b) || ner::IsListedGivenName(doc_.Text(c.b));
      const std::string_view role = Word(c.b - 2);
      if (!given && (EqualsLiteral(role, "owner") || EqualsLiteral(role, "partner") ||
                     EqualsLiteral(role, "investor") || EqualsLiteral(role, "host") ||
                     EqualsLiteral(role, "champion") || EqualsLiteral(role, "star") ||
                     EqualsLiteral(role, "executive") || !TailElsewhere(c, &tails)))
        continue;
      bool ok = true;
      for (uint32_t k = c.b; k < c.e && ok; ++k) {
        const Token& t = doc_.tokens[k];
        ok = t.kind == TokenKind::kWord && t.Is(kCapitalized) && !t.Is(kAllCaps) && !NameHead(k) &&
             !lex_.demonym.count(Word(k)) && !In<kPeopleGroups>(Word(k)) &&
             (given || (!context_.gazetteer[k] && !(context_.lists[k] & 1) &&
                        !(context_.word_bits[k] & 2) && !In<kFunctionWords>(Word(k))));
      }
      std::string f = Folded(c.b, c.e);
      if (!ok || lex_.org.count(f) || lex_.country.count(f) || lex_.place.count(f)) continue;
      c.type = "PERSON";
      c.unsure = false;
      if (!given) forms.insert(std::move(f));
    }
    if (forms.empty()) return;
    for (Cand& c : cands_) {
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e - c.b >= 2 &&
          c.e - c.b <= 3 && forms.count(Folded(c.b, c.e))) {
        c.type = "PERSON";
        c.unsure = false;
      }
    }
  }
  // Whether the last words of candidate c (all but its first; c has 2 or 3)
  // are a candidate of their own elsewhere, not after "the" ("Le Pen" of
  // "Marine Le Pen"). `tails` holds, per text of such a candidate of one or two
  // words (the count, their texts, a NUL between), the first tokens of its first two;
  // built at the first call (PersonsAfterRoles types no candidate NORP, so it
  // holds for all its calls). A walk over the candidates for each was
  // quadratic on a long list of names.
  bool TailElsewhere(const Cand& c,
                     std::unordered_map<std::string, std::array<uint32_t, 2>>* tails) const {
    constexpr uint32_t kNone = ~uint32_t{0};
    auto key = [&](uint32_t b, uint32_t len) {
      std::string k(1, static_cast<char>('0' + len));
      k.append(doc_.Text(b));
      if (len == 2) k.append(1, '\0').append(doc_.Text(b + 1));
      return k;
    };
    if (tails->empty()) {
      (*tails)[std::string()] = {kNone, kNone};  // built, if no candidate is one
      for (const Cand& o : cands_) {
        if (o.e - o.b > 2 || EqualsLiteral(o.type, "NORP") ||
            (o.b > 0 && EqualsLiteral(Word(o.b - 1), "the")))
          continue;
        auto [it, fresh] = tails->try_emplace(key(o.b, o.e - o.b), std::array{o.b, kNone});
        if (!fresh && it->second[1] == kNone) it->second[1] = o.b;
      }
    }
    auto it = tails->find(key(c.b + 1, c.e - c.b - 1));
    if (it == tails->end()) return false;
    return (it->second[0] != kNone && it->second[0] != c.b + 1) ||
           (it->second[1] != kNone && it->second[1] != c.b + 1);
  }
  // "Marine Le Pen" ... "Le Pen" read as ORG: a name of two words or more that
  // is the end of a person's name of three or more, and no organization or place
  // of the lexicons, is the person's (one-word surnames: ExtendMentions).
  void PersonNameTails() {
    std::unordered_set<std::string> tails;
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON") || c.e - c.b < 3 || Ordinal(c.e - 1)) continue;
      for (uint32_t b = c.b + 1; b + 2 <= c.e; ++b) tails.insert(Folded(b, c.e));
    }
    if (tails.empty()) return;
    for (Cand& c : cands_) {
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b < 2)
        continue;
      const std::string f = Folded(c.b, c.e);
      if (!tails.count(f) || lex_.org.count(f) || lex_.place.count(f) || lex_.country.count(f))
        continue;
      c.type = "PERSON";
      c.unsure = false;
    }
  }
  // "Senators John Cornyn ...", "Sens. Jon Tester and ...": a role in the plural.
  bool IsPluralRoleWord(uint32_t i) const {
    if (doc_.tokens[i].kind != TokenKind::kWord) return false;
    std::string w(Word(i));
    size_t s = w.size() > 1 && w.back() == '.' ? w.size() - 2 : w.size() - 1;
    if (w.size() < 4 || w[s] != 's') return false;
    w.erase(s, 1);
    return lex_.roles.count(w) > 0;
  }
  bool IsRoleWord(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord) return false;
    // The lexicon's answer depends on the folded word alone: asked once per
    // Document word (the words around the names come again: "said",
    // "President"), kept in role_word_ (2: not asked yet).
    if (role_word_.empty()) role_word_.assign(doc_.words(), 2);
    uint8_t& role = role_word_[doc_.word[i]];
    if (role == 2) role = lex_.roles.count(Word(i)) > 0 ? 1 : 0;
    return role != 0;
  }

  // People groups in the tagger's spans. A capitalized people-group word the
  // tagger left out ("African-Americans, Hispanics are ...": word clusters put
  // "Hispanics" next to "blacks") is a MISC span of its own, typed NORP below
  // like the ones the tagger found; a demonym that the tagger cut from the
  // group after it ("Lithuanian" "Americans") is one span with it again.
  void AddPeopleGroups(std::vector<ner::NameSpan>* spans) const {
    auto group = [&](const ner::NameSpan& s) {
      if (s.type != ner::kMisc || s.end - s.begin != 1) return false;
      std::string_view w = Word(s.begin);
      return lex_.demonym.count(w) > 0 || In<kPeopleGroups>(w) ||
             (w.size() > 1 && w.back() == 's' && lex_.demonym.count(w.substr(0, w.size() - 1)) > 0);
    };
    for (size_t k = 0; k + 1 < spans->size(); ++k) {
      ner::NameSpan& a = (*spans)[k];
      const ner::NameSpan& b = (*spans)[k + 1];
      if (a.end == b.begin && group(a) && group(b) && doc_.tokens[b.begin].Is(kCapitalized) &&
          !doc_.tokens[a.begin].Is(kPossessive)) {
        a.end = b.end;
        spans->erase(spans->begin() + static_cast<std::ptrdiff_t>(k) + 1);
      }
    }
    std::vector<ner::NameSpan> more;
    // The first span not ending at or before token i (spans are in text order),
    // found at the capitalized words only.
    const ner::NameSpan* next = spans->data();
    const ner::NameSpan* const spans_end = next + spans->size();
    ForEachCapWord([&](uint32_t i) -> uint32_t {
      while (next < spans_end && next->end <= i) ++next;
      if (next < spans_end && next->begin <= i) return i + 1;
      if (In<kPeopleGroups>(Word(i))) more.push_back({i, i + 1, ner::kMisc});
      return i + 1;
    });
    if (more.empty()) return;
    spans->insert(spans->end(), more.begin(), more.end());
    std::stable_sort(
        spans->begin(), spans->end(),
        [](const ner::NameSpan& a, const ner::NameSpan& b) { return a.begin < b.begin; });
  }

  // A token of digits only ("10", not "6th").
  bool Digits(uint32_t i) const {
    for (char ch : doc_.Text(i)) {
      if ((ch < '0' || ch > '9') && ch != ',' && ch != '.') return false;
    }
    return true;
  }
  // A month's name or abbreviation: "Feb.", "Sept", "March".
  bool Month(uint32_t i) const {
    std::string_view w = Word(i);
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return In<kMonths>(w);
  }
  // "condemn the [Ku Klux Klan. Stories] have emerged": the tagger's span that runs
  // over a sentence's end is cut there; a piece that is a sentence's first word,
  // one the text never capitalizes inside a sentence and no list knows, is dropped.
  void SplitAtSentences(std::vector<ner::NameSpan>* spans) const {
    bool any = false;
    for (const ner::NameSpan& s : *spans) {
      for (uint32_t i = s.begin + 1; i < s.end && !any; ++i)
        any = doc_.SentenceOf(i) != doc_.SentenceOf(i - 1);
    }
    if (!any) return;
    std::vector<ner::NameSpan> out;
    out.reserve(SplitRoom(spans->size()));
    for (const ner::NameSpan& s : *spans) {
      uint32_t b = s.begin;
      for (uint32_t i = s.begin + 1; i <= s.end; ++i) {
        // At a period only: "Yahoo! News" is one name.
        if (i < s.end &&
            (doc_.SentenceOf(i) == doc_.SentenceOf(i - 1) || doc_.Text(i - 1).back() != '.'))
          continue;
        const bool lone_opener = b != s.begin && i - b == 1 && PlainWord(b) &&
                                 !(context_.word_bits[b] & 5) /* kSeenCapMid | kSeenCapsMid */ &&
                                 !context_.lists[b] && !context_.gazetteer[b];
        if (!lone_opener) out.push_back({b, i, s.type});
        b = i;
      }
    }
    spans->swap(out);
  }

  // Model spans, trimmed and typed.
  void Collect() {
    std::vector<ner::NameSpan> spans = ner::Model::Default().Tag(doc_, &context_);
    // (After the tagger: peak memory, its buffers are gone.)
    FindCapWords();
    AddPeopleGroups(&spans);
    SplitAtSentences(&spans);
    // Peak memory: a span gives at most one candidate, and the later stages add
    // a few (on 5 MB of news 74,807 spans, 68,629 candidates here, 72,901 at the
    // end); grown by doubling, the vector was 131,072 candidates (6.3 MB) and
    // the tagger's context was still alive.
    cands_.reserve(SplitRoom(spans.size()));
    TypedSpans typed(doc_.words());
    // The role words a span of a person's opens with ("President"): one
    // vector for all the spans (most have none), not one made and
    // destroyed a span.
    std::vector<std::string> title;
    for (ner::NameSpan& s : spans) {
      // "Mr. Clarke", "Mrs. Smith": a courtesy title opens a person's name, not
      // an organization's or a place's ("Mr. Trump" LOC), whatever the tagger
      // typed it.
      if (s.type != ner::kPer && s.end - s.begin >= 2 && Courtesy(Word(s.begin)) &&
          doc_.tokens[s.begin + 1].Is(kCapitalized))
        s.type = ner::kPer;
      Cand c;
      c.b = s.begin;
      c.e = s.end;
      title.clear();
      while (c.b < c.e) {
        const Token& t = doc_.tokens[c.b];
        // "6 in [10 New York Democratic] voters": a number opens no name.
        if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote ||
            (t.kind == TokenKind::kNumber && c.e - c.b > 1 && Digits(c.b))) {
          ++c.b;
        } else if (c.e - c.b > 1 && t.kind == TokenKind::kWord && In<kFunctionWords>(Word(c.b)) &&
                   !lex_.place.count(FoldedView(c.b, c.e)) &&
                   !lex_.country.count(FoldedView(c.b, c.e)) && !TheOfName(s, c.b)) {
          ++c.b;
        } else if (s.type == ner::kPer && c.e - c.b > 1 &&
                   (IsRoleWord(c.b) || IsPluralRoleWord(c.b))) {
          title.push_back(std::string(doc_.Text(c.b)));
          ++c.b;
        } else {
          break;
        }
      }
      while (c.e > c.b) {
        const Token& t = doc_.tokens[c.e - 1];
        // "other than [Jim Eastland I’ve] presided": a pronoun's contraction ends a name.
        if (t.Is(kPossessive) || t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote ||
            (c.e - c.b > 1 && Contraction(c.e - 1, c.e)) ||
            (c.e - c.b > 1 && t.kind == TokenKind::kWord && t.Is(kCapitalized) && !t.Is(kAllCaps) &&
             t.span.end - t.span.start > 1 && !context_.caps_line[c.e - 1] &&
             In<kFunctionWords>(Word(c.e - 1)))) {
          --c.e;  // "Kharkiv But" (a headline without its period)
        } else {
          break;
        }
      }
      // "voting for Hillary #GirlIGuessImWithHer HNRNAuq7nT", "on Twitter @AdelleNaz": a
      // hashtag or a handle ends a name (and is none itself).
      for (uint32_t k = c.b; k < c.e; ++k) {
        if (TagOrHandle(k)) {
          c.e = k;
          break;
        }
      }
      while (c.e > c.b && (doc_.tokens[c.e - 1].kind == TokenKind::kPunct ||
                           doc_.tokens[c.e - 1].kind == TokenKind::kQuote))
        --c.e;
      if (c.b >= c.e) continue;
      // "This is all I got, OK?": "OK" is a state only after a place and a comma
      // ("Tulsa, OK").
      if (c.e - c.b == 1 && EqualsLiteral(Word(c.b), "ok") &&
          !(c.b >= 2 && EqualsLiteral(doc_.Text(c.b - 1), ",") &&
            doc_.tokens[c.b - 2].Is(kCapitalized)))
        continue;
      // "Hold Melania Trump to her husband's standards": a sentence's first word that
      // the text never capitalizes inside a sentence, and no list knows as a given
      // name, is not part of a name of three words the text writes without it.
      // So is "Follow" of "Follow AWR Hawkins on Twitter" read as an ORG, where
      // the text writes the rest without it.
      if ((s.type == ner::kPer || s.type == ner::kOrg) && c.e - c.b >= 3 && OpensSentence(c.b) &&
          PlainWord(c.b) && !(context_.word_bits[c.b] & 5) /* kSeenCapMid | kSeenCapsMid */ &&
          !context_.lists[c.b] && !context_.gazetteer[c.b] &&
          (s.type == ner::kPer ? Elsewhere(c.b + 1, c.e) : ElsewhereWithout(c.b, c.e))) {
        ++c.b;
      }
      // "Planemaker Airbus declined", "Carmaker BMW said": a company's title that
      // opens the sentence is no part of the name, which is a company's.
      bool company_title = false;
      if (c.e - c.b >= 2 && OpensSentence(c.b) && CompanyTitle(Word(c.b)) &&
          !(context_.word_bits[c.b] & 5) /* kSeenCapMid | kSeenCapsMid */) {
        ++c.b;
        company_title = true;
      }
      if (c.b >= c.e) continue;
      const bool trimmed = c.b != s.begin || c.e != s.end;
      // In a Title Case headline a capitalized run mixes names and ordinary words
      // ("Ukraine Retakes Key Towns"): a span holding a word the text also writes in
      // lower case is not trusted (its names are found again from the body).
      if (TitleLine(c.b)) {
        bool ordinary = false;
        for (uint32_t i = c.b; i < c.e; ++i) {
          ordinary = ordinary || (doc_.tokens[i].Is(kCapitalized) && (context_.word_bits[i] & 2));
        }
        // In a subheading or credit line ("White House Correspondent Julie Pace."),
        // a given name and a surname stay a person's, though "pace" is a word too.
        if (!title_line_[c.b] && s.type == ner::kPer && c.e - c.b >= 2 && GivenName(c.b) &&
            !(context_.word_bits[c.b] & 2))
          ordinary = false;
        // "Hillary Clinton Goes After ...": a person's full name only the headline
        // writes, a given name and a surname the body writes, stays whole.
        bool headline_person = s.type == ner::kPer && c.e - c.b >= 2 && c.e - c.b <= 3 &&
                               GivenName(c.b) && InBody(c.e - 1, c.e);
        for (uint32_t i = c.b; i < c.e && headline_person; ++i) {
          headline_person = !In<kFunctionWords>(Word(i)) && !In<kHeadlineLower>(Word(i));
        }
        if (ordinary || (title_line_[c.b] && !headline_person && !InBody(c.b, c.e))) {
          LexiconNamesIn(c.b, c.e);  // "Ukraine" in "Ukraine Retakes Key Towns"
          continue;
        }
      }
      // A pronoun's contraction ("I'm", "I’ll", "We're") is no name.
      if (Contraction(c.b, c.e)) continue;
      // A party and state after a politician's name, "(D-N.Y.)", ", R-S.C.,", is no
      // entity of its own.
      if (PartyTag(c.b, c.e)) continue;
      // A day of the week is a date ("said Friday afternoon"), not a name; nor is
      // a name's suffix alone ("Joseph R. Biden, Jr.,").
      if (c.e - c.b == 1 && (In<kWeekdays>(Word(c.b)) || EqualsLiteral(Word(c.b), "jr.") ||
                             EqualsLiteral(Word(c.b), "sr.")))
        continue;
      // "from Feb. 11 to Feb. 16": a month (or its abbreviation) before a number is a date.
      // (The number first: Month's look-up is asked of a one-word name
      // before a number only.)
      if (c.e - c.b == 1 && c.e < doc_.tokens.size() &&
          doc_.tokens[c.e].kind == TokenKind::kNumber && Month(c.b))
        continue;
      // A single letter is no name ("But X, Y, and Z").
      if (c.e - c.b == 1 && doc_.tokens[c.b].span.end - doc_.tokens[c.b].span.start == 1) continue;
      // "retired [Army Lt.] Gen. Mick Bednarek": a title's abbreviation ends no ORG.
      while (s.type == ner::kOrg && c.e - c.b > 1 && doc_.Text(c.e - 1).back() == '.' &&
             IsRoleWord(c.e - 1) && c.e < doc_.tokens.size() && doc_.tokens[c.e].Is(kCapitalized))
        --c.e;
      // A lone function word or role word is not a name.
      if (c.e - c.b == 1 && (In<kFunctionWords>(Word(c.b)) ||
                             (s.type == ner::kPer && IsRoleWord(c.b)) || Courtesy(Word(c.b)))) {
        continue;
      }
      // ("\u201CBuilding it? Not negotiable.\u201D": also after an opening quote.)
      if (c.e - c.b == 1 && OpensSentence(c.b) && s.type != ner::kMisc) {
        std::string_view w = Word(c.b);
        auto ends = [&](const char* x) {
          size_t n = std::char_traits<char>::length(x);
          return w.size() > n + 2 && w.compare(w.size() - n, n, x) == 0;
        };
        if (ends("ing") || ends("ed") || ends("ly")) continue;
      }
      // "Regardless, it's Mr. Putin's.", "\"Tolerance is on the ballot.", "Terrorism." (a
      // one-word subheading): a sentence's first word that the text never
      // capitalizes inside a sentence and no list knows, which the text writes in
      // lower case elsewhere, or has the suffix of an abstract noun, or a comma
      // follows, is an ordinary word.
      if (c.e - c.b == 1 && OpensSentence(c.b) && s.type != ner::kMisc && CommonOpener(c.b)) {
        continue;
      }
      // "Ramstein Air Force Base": a facility takes the capitalized words before it.
      if (doc_.tokens[c.e - 1].kind == TokenKind::kWord && In<kFacilityWords>(Word(c.e - 1)) &&
          c.e - c.b >= 1) {
        uint32_t b = c.b;
        while (b > 0 && doc_.tokens[b - 1].kind == TokenKind::kWord &&
               doc_.tokens[b - 1].Is(kCapitalized) && !doc_.tokens[b].Is(kSentenceStart) &&
               !doc_.tokens[b - 1].Is(kPossessive))
          --b;
        if (b < c.b) {
          while (!cands_.empty() && cands_.back().e > b) cands_.pop_back();
          c.b = b;
          c.type = "FAC";
          cands_.push_back(std::move(c));
          continue;
        }
      }
      c.type = TypeOnce(c.b, c.e, s.type, &c.country, &typed);
      if (c.type.empty()) continue;
      if (trimmed && title.empty()) {
        // The tagger's span was wrong at an edge, so its type is doubtful too.
        std::string f = Folded(c.b, c.e);
        auto p = lex_.place.find(f);
        if (lex_.country.count(f)) {
          c.type = "GPE";
        } else if (p != lex_.place.end()) {
          c.type = p->second;
        } else if (lex_.org.count(f)) {
          c.type = "ORG";
        }
      }
      // ("Rival Hillary Clinton" stays a person: a given name opens it.)
      if (company_title && !EqualsLiteral(c.type, "GPE") &&
          !(EqualsLiteral(c.type, "PERSON") && GivenName(c.b))) {
        c.type = "ORG";
        company_forms_.insert(Folded(c.b, c.e));  // its other mentions too (CompanyNames)
      }
      // "Breitbart reporter Michelle Fields", "POLITICO senior writer": an unknown
      // LOC before a role in lower case is an organization.
      if (s.type == ner::kLoc && EqualsLiteral(c.type, "GPE") && !context_.caps_line[c.b] &&
          RoleAfter(c.e) && !KnownPlace(c.b, c.e) && !lex_.demonym.count(Word(c.b))) {
        bool lower = false;  // "a Russian Rock singer", "the Great Maratha leader"
        for (uint32_t i = c.b; i < c.e; ++i) lower = lower || (context_.word_bits[i] & 2);
        if (!lower) c.type = "ORG";
      }
      // "we arrived in Cleveland", "all the way to Cleveland": a state, country or
      // city the tagger read as an ORG (CoNLL's teams are named for their cities),
      // after a preposition of place, is the place.
      if (s.type == ner::kOrg && EqualsLiteral(c.type, "ORG") && PlaceAfterPreposition(c.b, c.e))
        c.type = "GPE";
      // "Nebraska Sen. Ben Sasse": a state or country the tagger read as an ORG,
      // before a title, is the place.
      if (s.type == ner::kOrg && EqualsLiteral(c.type, "ORG") && c.e < doc_.tokens.size() &&
          doc_.tokens[c.e].Is(kCapitalized) && IsRoleWord(c.e) && !context_.caps_line[c.b]) {
        const std::string f = Folded(c.b, c.e);
        auto p = lex_.place.find(f);
        if (lex_.country.count(f)) {
          c.type = "GPE";
        } else if (p != lex_.place.end() && p->second == "GPE") {
          c.type = "GPE";
        }
      }
      // "MYKOLAIV - Ukraine forces said ...": the capitals that open a dispatch's
      // dateline name the place it was filed from, though the tagger read an ORG.
      if (s.type == ner::kOrg && EqualsLiteral(c.type, "ORG") &&
          doc_.tokens[c.b].Is(kParagraphStart) && doc_.tokens[c.b].Is(kDateline) &&
          doc_.tokens[c.b].Is(kAllCaps) && c.e + 1 < doc_.tokens.size() &&
          doc_.tokens[c.e].Is(kDateline) &&
          !context_.caps_line[c.e + 1] /* "RUGBY UNION - ..." of a headline */ &&
          doc_.tokens[c.e].kind == TokenKind::kPunct && !lex_.org.count(FoldedView(c.b, c.e))) {
        c.type = "GPE";
      }
      // The tagger's LOC that no lexicon knows is a place only with a sign of one
      // around it here or at another mention ("in Novi", "Flint, Mich.");
      // "Politifact", "Netflix", "Black" are not.
      if (s.type == ner::kLoc && EqualsLiteral(c.type, "GPE") && !context_.caps_line[c.b] &&
          !KnownPlace(c.b, c.e) && !PlaceContext(c.b, c.e)) {
        c.unsure = true;
      }
      // "taken to Miami Valley Hospital": a hospital with a sign of a place is
      // the building (CoNLL's "Moscow 's Central Clinical Hospital" is a LOC);
      // without one, ResolveUnsurePlaces makes the institution (WikiGold's
      // "City Hospital" is an ORG).
      if (EqualsLiteral(c.type, "GPE") && !c.unsure && c.e - c.b >= 2 &&
          EqualsLiteral(Word(c.e - 1), "hospital") && !lex_.place.count(FoldedView(c.b, c.e)))
        c.type = "FAC";
      // "Penta" + "Center for Applied Political Studies": an unknown word right
      // before an organization's name is part of it.
      if (EqualsLiteral(c.type, "ORG") && !cands_.empty() && cands_.back().e == c.b &&
          cands_.back().e - cands_.back().b == 1 && !EqualsLiteral(cands_.back().type, "NORP") &&
          !context_.caps_line[c.b] && !doc_.tokens[c.b - 1].Is(kAllCaps)) {
        std::string_view f = Word(cands_.back().b);
        if (!lex_.country.count(f) && !lex_.place.count(f) && !lex_.org.count(f) &&
            !lex_.demonym.count(f) && !doc_.tokens[c.b - 1].Is(kPossessive)) {
          c.b = cands_.back().b;
          cands_.pop_back();
        }
      }
      // "the A. Philip Randolph Institute": an initial right before an ORG or a
      // person's name opens it (the tagger may leave it out).
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "PERSON")) && c.b > 0 &&
          c.b == s.begin && !OpensSentence(c.b) && !doc_.tokens[c.b].Is(kSentenceStart) &&
          (cands_.empty() || cands_.back().e < c.b)) {
        const Token& t = doc_.tokens[c.b - 1];  // (its size before its text)
        if (t.span.end - t.span.start == 2 && doc_.text[t.span.start] >= 'A' &&
            doc_.text[t.span.start] <= 'Z' && doc_.text[t.span.start + 1] == '.' &&
            doc_.tokens[c.b].Is(kSpaceBefore))
          --c.b;
      }
      // Right after a title ("Defense Secretary Lloyd Austin"), a run of two or three
      // capitalized words that no lexicon knows is a person.
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e - c.b >= 2 &&
          c.e - c.b <= 3 && c.b > 0 && IsRoleWord(c.b - 1) &&
          doc_.tokens[c.b - 1].Is(kCapitalized)) {
        std::string f = Folded(c.b, c.e);
        bool known = lex_.org.count(f) || lex_.country.count(f) || lex_.place.count(f);
        bool caps = true;
        for (uint32_t i = c.b; i < c.e; ++i) caps = caps && doc_.tokens[i].Is(kCapitalized);
        if (!known && caps) c.type = "PERSON";
      }
      // "director of Penta", "a fellow at Chatham House": a name no place lexicon
      // knows, after a role that heads or staffs an organization, is one.
      if ((EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) && c.b >= 2) {
        std::string_view prep = Word(c.b - 1);
        if ((EqualsLiteral(prep, "of") || EqualsLiteral(prep, "at")) &&
            (In<kOrgRoles>(Word(c.b - 2)) ||
             (EqualsLiteral(prep, "at") && In<kOrgStaff>(Word(c.b - 2)))) &&
            !KnownPlace(c.b, c.e)) {  // not "the Democratic chair of Jefferson County"
          c.type = "ORG";
          // Its other mentions ("Jefferies said") are the firm's too (CompanyNames).
          company_forms_.insert(Folded(c.b, c.e));
        }
      }
      // "the West", "the North": a region, not a person (nor a GPE by default).
      if ((EqualsLiteral(c.type, "PERSON") ||
           (EqualsLiteral(c.type, "GPE") && s.type == ner::kLoc)) &&
          c.e - c.b == 1 && c.b > 0 && EqualsLiteral(Word(c.b - 1), "the")) {
        std::string_view w = Word(c.b);
        if (EqualsLiteral(w, "west") || EqualsLiteral(w, "east") || EqualsLiteral(w, "north") ||
            EqualsLiteral(w, "south")) {
          c.type = "LOC";
        } else if (EqualsLiteral(c.type, "PERSON")) {
          continue;
        }
      }
      if (!title.empty()) {
        std::string r;
        for (const auto& w : title) r += (r.empty() ? "" : " ") + w;
        SetRoles(&c, {r});
      }
      cands_.push_back(std::move(c));
    }
  }

  // Token i is a hashtag's or a handle's: "#", "@" or a word right after one.
  bool TagOrHandle(uint32_t i) const {
    const size_t at = doc_.tokens[i].span.start;
    const char ch = doc_.text[at];
    return ch == '#' || ch == '@' ||
           (at > 0 && (doc_.text[at - 1] == '#' || doc_.text[at - 1] == '@'));
  }
  // Whether a lexicon or the city list knows tokens [b, e) as a place, or the
  // name is built like one ("Kent County", "North Florida", "Fort Wayne").
  bool KnownPlace(uint32_t b, uint32_t e) const {
    const std::string_view f = FoldedView(b, e);  // (only looked up below)
    if (lex_.country.count(f) || lex_.place.count(f) || lex_.org.count(f)) return true;
    if (e - b == 1) {
      // One-word city names; "the North", "the Southwest".
      return (context_.lists[b] & 1) != 0 || In<kCompass>(f);
    }
    if (In<kPlaceHeads>(Word(e - 1)) || In<kPlacePrefixes>(Word(b))) return true;
    for (uint32_t i = b; i < e; ++i) {
      if (lex_.country.count(Word(i)) || lex_.place.count(Word(i))) return true;
    }
    return false;
  }
  // Tokens [b, e), a place by the lexicons or the city list, right after "in",
  // "from", "near" ... or after "to" with a verb or noun of going before it
  // ("went to", "the way to", "a trip to"); not before a capitalized word or a
  // company's noun ("in Cleveland Clinic", "in Texas Instruments shares").
  bool PlaceAfterPreposition(uint32_t b, uint32_t e) const {
    if (b < 2 || context_.caps_line[b] || doc_.tokens[b].Is(kAllCaps)) return false;
    const size_t n = doc_.tokens.size();
    if (e < n && (doc_.tokens[e].Is(kCapitalized) ||
                  (doc_.tokens[e].kind == TokenKind::kWord && In<kCompanyNouns>(Word(e))) ||
                  doc_.tokens[e].Is(kPossessive)))
      return false;
    const std::string_view f = FoldedView(b, e);  // (only looked up below)
    auto p = lex_.place.find(f);
    const bool place = lex_.country.count(f) || (p != lex_.place.end() && p->second == "GPE") ||
                       (e - b == 1 && (context_.lists[b] & 1));
    if (!place || lex_.org.count(f)) return false;
    const Token& t = doc_.tokens[b - 1];
    if (t.kind != TokenKind::kWord || !t.Is(kLower)) return false;
    const std::string_view w = Word(b - 1);
    if (EqualsLiteral(w, "in") || EqualsLiteral(w, "from") || EqualsLiteral(w, "near") ||
        EqualsLiteral(w, "across") || EqualsLiteral(w, "outside") ||
        EqualsLiteral(w, "throughout") || EqualsLiteral(w, "within") || EqualsLiteral(w, "into") ||
        EqualsLiteral(w, "toward") || EqualsLiteral(w, "towards"))
      return true;
    if (!EqualsLiteral(w, "to")) return false;
    const std::string_view v = Word(b - 2);
    return EqualsLiteral(v, "way") || EqualsLiteral(v, "trip") || EqualsLiteral(v, "go") ||
           EqualsLiteral(v, "goes") || EqualsLiteral(v, "going") || EqualsLiteral(v, "went") ||
           EqualsLiteral(v, "came") || EqualsLiteral(v, "come") || EqualsLiteral(v, "coming") ||
           EqualsLiteral(v, "travel") || EqualsLiteral(v, "traveled") ||
           EqualsLiteral(v, "travelled") || EqualsLiteral(v, "headed") ||
           EqualsLiteral(v, "heading") || EqualsLiteral(v, "moved") || EqualsLiteral(v, "return") ||
           EqualsLiteral(v, "returned") || EqualsLiteral(v, "flew") || EqualsLiteral(v, "back");
  }
  // A US state's or similar abbreviation after a place and a comma: "Md.", "N.C.",
  // "Mich", "Va" (before its period), "TX".
  bool StateAbbreviation(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || !t.Is(kCapitalized)) return false;
    const std::string_view w = doc_.Text(i);
    if (w.size() <= 5 && w.back() == '.') return true;
    if (t.Is(kAllCaps) && w.size() == 2) return true;
    return w.size() <= 4 && i + 1 < doc_.tokens.size() && EqualsLiteral(doc_.Text(i + 1), ".");
  }
  // Signs of a place around tokens [b, e): a preposition of place before it ("in
  // Novi", "the island of Bornholm"), a state or country after a comma ("Coral
  // Springs, Florida"; "Ashton, Md."), a state's abbreviation after a place and a
  // comma ("Flint, Mich."), an opening dateline ("FAIRVIEW, W.Va.").
  bool PlaceContext(uint32_t b, uint32_t e) const {
    if (doc_.tokens[b].Is(kDateline)) return true;
    uint32_t p = b;
    if (p > 0 && EqualsLiteral(Word(p - 1), "the")) --p;
    // Not "one of Mikey's care packages", "best of luck, Mikey" (after a
    // quantifier or before a possessive, "of" is a part's or an owner's).
    const bool of_part = p > 1 && p == b && EqualsLiteral(Word(p - 1), "of") &&
                         (In<kQuantifiers>(Word(p - 2)) ||
                          (e < doc_.tokens.size() && doc_.tokens[e].Is(kPossessive)));
    // "In Jefferies' view", "at Google's offices": the preposition is the
    // possessed noun's.
    const bool owner = e + 1 < doc_.tokens.size() && doc_.tokens[e].Is(kPossessive) &&
                       doc_.tokens[e + 1].Is(kLower);
    if (p > 0 && In<kPlacePreps>(Word(p - 1)) &&
        (!doc_.tokens[p - 1].Is(kCapitalized) || OpensSentence(p - 1)) && !of_part && !owner)
      return true;
    // "a visit to Rangoon", not "Choose to Fail" (a title).
    if (p > 1 && EqualsLiteral(Word(p - 1), "to") && doc_.tokens[p - 2].Is(kLower)) return true;
    const size_t n = doc_.tokens.size();
    if (e + 1 < n && EqualsLiteral(doc_.Text(e), ",")) {
      const std::string_view w = Word(e + 1);
      const int code = context_.gazetteer[e + 1];
      const int cat = code ? (code - 1) / 4 : 0;  // "Windham, New Hampshire"
      if (doc_.tokens[e + 1].Is(kCapitalized) &&
          (lex_.country.count(w) || lex_.place.count(w) || StateAbbreviation(e + 1) ||
           cat == NameLexicon::kCountry || cat == NameLexicon::kGpe))
        return true;
    }
    if (e == b + 1 && b >= 2 && EqualsLiteral(doc_.Text(b - 1), ",") &&
        doc_.tokens[b - 2].Is(kCapitalized) && StateAbbreviation(b))
      return true;
    return false;
  }
  // A role in lower case at token i, or after one word in lower case: "reporter",
  // "senior writer".
  // Only roles held in an organization: not "the Rust Belt ambassador".
  bool RoleAfter(uint32_t i) const {
    const size_t n = doc_.tokens.size();
    auto org_role = [&](uint32_t k) { return In<kOrgRoles>(Word(k)) || In<kMediaRoles>(Word(k)); };
    if (i < n && doc_.tokens[i].Is(kLower) && org_role(i)) return true;
    return i + 1 < n && doc_.tokens[i].Is(kLower) && doc_.tokens[i].kind == TokenKind::kWord &&
           !In<kRoleStops>(Word(i)) && doc_.tokens[i + 1].Is(kLower) && org_role(i + 1);
  }
  // A possessive at token e and a firm's staff or a firm's judgment after it:
  // "Jefferies' analysts", "In Jefferies' view", "Moody's estimates".
  bool FirmsPossession(uint32_t e) const {
    static const char* const kJudgments[] = {
        "view",     "views",        "estimate", "estimates", "forecast", "forecasts", "analysis",
        "research", "calculations", "outlook",  "rating",    "ratings",  "valuation", nullptr};
    const size_t n = doc_.tokens.size();
    if (e + 1 >= n || !doc_.tokens[e].Is(kPossessive) || !doc_.tokens[e + 1].Is(kLower))
      return false;
    const std::string_view w = Word(e + 1);
    return (In<kOrgStaff>(w) && w.back() == 's') || In<kJudgments>(w);
  }
  // Signs that a name ending before token e, an unknown LOC, is an organization's: the subject
  // of a reporting verb or a verb in the past tense ("Politifact then ruled",
  // "Politifact seized on", "Bloomberg reports", "Politifact did a fact-check").
  bool OrgContext(uint32_t e) const {
    const size_t n = doc_.tokens.size();
    if (FirmsPossession(e)) return true;  // "In Jefferies' view"
    uint32_t v = e;
    if (v < n && doc_.tokens[v].Is(kLower) && v + 1 < n &&
        (EqualsLiteral(Word(v), "then") || EqualsLiteral(Word(v), "also") ||
         EqualsLiteral(Word(v), "just")))
      ++v;  // "Politifact then ruled"
    if (v >= n || !doc_.tokens[v].Is(kLower) || doc_.tokens[v].kind != TokenKind::kWord)
      return false;
    const std::string_view w = Word(v);
    if (EqualsLiteral(w, "did") || EqualsLiteral(w, "does")) return true;
    // A verb in the past tense: "Politifact seized on Trump's claim".
    if (w.size() > 4 && w.substr(w.size() - 2) == "ed") return true;
    const CueVerb* verb = QuoteLexicon::Get().Verb(w);
    return verb && verb->frame == CueFrame::kSpeech;
  }
  // The tagger's unknown LOC with no sign of a place (Cand::unsure), by the
  // signs at all mentions of its form: the type its other mentions have; nothing
  // when the text writes one of its words in lower case ("Black and Brown
  // communities", "Women in Power") or it is a common noun after an article ("a
  // Millionaire"); an organization by OrgContext ("Politifact", "Bloomberg"); a
  // person when it opens with a given name ("Al Gore", "Chris"); else a GPE.
  void ResolveUnsurePlaces() {
    // The unsure candidates' folded forms first (most texts have none, and
    // then nothing is built): views of the Document's folded word or of
    // `held` (a longer name; reserved, so its strings never move). The sure
    // candidates are looked up only among them, by a view (FoldedView), where
    // a std::string a candidate and a node a distinct form went into a map
    // of every sure candidate.
    size_t unsure = 0;
    for (const Cand& c : cands_) unsure += c.unsure;
    if (unsure == 0) return;
    // A form's facts in one number (a map type the rules use already): bit 0,
    // a mention of the form in an organization's context; bits 1 and up, the
    // type of a sure candidate of the form (an index into kSure), 0 if none.
    static constexpr std::string_view kSure[] = {{}, "GPE", "LOC", "PERSON", "ORG"};
    std::vector<std::string> held;
    held.reserve(unsure);
    ViewMap<size_t> forms;
    for (const Cand& c : cands_) {
      if (!c.unsure) continue;
      std::string_view f;
      if (c.e == c.b + 1) {
        f = Word(c.b);
      } else {
        held.push_back(Folded(c.b, c.e));
        f = held.back();
      }
      size_t bits = 0;  // (try_emplace as NamedAfterPersons' map: no more code)
      auto it = forms.try_emplace(f, bits).first;
      if (OrgContext(c.e)) it->second |= 1;
    }
    for (const Cand& c : cands_) {
      if (c.unsure) continue;
      size_t type = 1;
      while (type < 5 && c.type != kSure[type]) ++type;
      if (type == 5) continue;
      auto it = forms.find(FoldedView(c.b, c.e));
      if (it == forms.end()) continue;
      // A place reading elsewhere wins: the tagger read this one as a place too.
      if (it->second < 2 || type <= 2) it->second = (it->second & 1) | type << 1;
    }
    size_t out = 0;
    for (size_t k = 0; k < cands_.size(); ++k) {
      Cand& c = cands_[k];
      if (c.unsure) {
        c.unsure = false;
        const size_t form = forms.find(FoldedView(c.b, c.e))->second;
        bool lower = false;
        for (uint32_t i = c.b; i < c.e; ++i) lower = lower || (context_.word_bits[i] & 2);
        const bool article =
            c.b > 0 && (EqualsLiteral(Word(c.b - 1), "a") || EqualsLiteral(Word(c.b - 1), "an")) &&
            !(c.e < doc_.tokens.size() && doc_.tokens[c.e].Is(kLower));
        if (form >= 2) {
          c.type = kSure[form >> 1];
        } else if (CreditLine(c.b)) {
          c.type = "ORG";  // a photo credit: "Netflix.", "Getty/Instagram."
        } else if (c.e - c.b >= 2 && In<kInstitutionWords>(Word(c.e - 1))) {
          c.type = "ORG";  // "Islamic Center"
        } else if (lower || article) {
          continue;  // dropped
        } else if (form & 1) {
          c.type = "ORG";
        } else if (GivenName(c.b) && c.e - c.b <= 2) {
          c.type = "PERSON";
        }
      }
      if (out != k) cands_[out] = std::move(c);
      ++out;
    }
    cands_.resize(out);
  }
  // Token i is in a paragraph of at most four capitalized words and "/", "|",
  // "via" between them, and a period: a photo's credit line ("Netflix.",
  // "Getty/Instagram.").
  bool CreditLine(uint32_t i) const {
    const Paragraph& p = doc_.paragraphs[doc_.sentences[doc_.SentenceOf(i)].paragraph];
    const uint32_t b = doc_.sentences[p.begin].begin, e = doc_.sentences[p.end - 1].end;
    if (e - b > 8) return false;
    int words = 0;
    for (uint32_t k = b; k < e; ++k) {
      const Token& t = doc_.tokens[k];
      const std::string_view w = doc_.Text(k);
      if (t.kind == TokenKind::kWord && t.Is(kCapitalized)) {
        ++words;
      } else if (!(EqualsLiteral(w, "/") || EqualsLiteral(w, "|") || EqualsLiteral(w, "via") ||
                   (EqualsLiteral(w, ".") && k + 1 == e))) {
        return false;
      }
    }
    return words >= 1 && words <= 4 && EqualsLiteral(doc_.Text(e - 1), ".");
  }
  // "Wells Fargo CEO John Stumpf", "Wells Fargo bankers": a name right before a
  // noun that only a company has is a company's, at every mention of that form,
  // whatever the tagger's type (a person or an unknown place).
  void CompanyNames() {
    std::unordered_set<std::string> forms;
    forms.swap(company_forms_);
    const size_t n = doc_.tokens.size();
    for (const Cand& c : cands_) {
      // (An ORG too: "Wells Fargo CEO" in the headline, "Wells Fargo" a PERSON below.)
      if (!EqualsLiteral(c.type, "PERSON") && !EqualsLiteral(c.type, "GPE") &&
          !EqualsLiteral(c.type, "ORG"))
        continue;
      uint32_t i = c.e;
      if (i < n && doc_.tokens[i].Is(kPossessive)) ++i;
      if (i >= n || doc_.tokens[i].kind != TokenKind::kWord || !In<kCompanyNouns>(Word(i)))
        continue;
      std::string f = Folded(c.b, c.e);
      if (!lex_.country.count(f) && !lex_.place.count(f)) forms.insert(std::move(f));
    }
    // "hired ... Mercury LLC. The head of Mercury, ...": a company named with its
    // legal form is the company without it too.
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "ORG") || c.e - c.b < 2 || !In<kLegalForms>(Word(c.e - 1)))
        continue;
      std::string f = Folded(c.b, c.e - 1);
      if (!lex_.country.count(f) && !lex_.place.count(f)) forms.insert(std::move(f));
    }
    if (forms.empty()) return;
    for (Cand& c : cands_) {
      if ((EqualsLiteral(c.type, "PERSON") || EqualsLiteral(c.type, "GPE")) &&
          forms.count(Folded(c.b, c.e)))
        c.type = "ORG";
    }
  }
  // A score: "3-1", "32-22" (one or two digits each side).
  bool Score(uint32_t i) const {
    if (doc_.tokens[i].kind != TokenKind::kNumber) return false;
    const std::string_view w = doc_.Text(i);
    const size_t dash = w.find('-');
    return dash >= 1 && dash <= 2 && w.size() - dash - 1 >= 1 && w.size() - dash - 1 <= 2 &&
           w.find_first_not_of("0123456789-") == std::string_view::npos;
  }
  // A report on a game: words only sport uses, three of them or more, or two
  // and a score ("3-1", "32-22").
  bool SportsReport() const {
    if (sports_ < 0) sports_ = FindSportsReport() ? 1 : 0;
    return sports_ == 1;
  }
  bool FindSportsReport() const {
    static const char* const kSportWords[] = {
        "goal",       "goals",      "scored",        "striker",    "midfielder",  "defender",
        "goalkeeper", "penalty",    "league",        "club",       "fixture",     "stadium",
        "innings",    "wicket",     "wickets",       "touchdown",  "quarterback", "pitcher",
        "playoffs",   "tournament", "championship",  "match",      "matches",     "coach",
        "season",     "semi-final", "quarter-final", "relegation", "half-time",   nullptr};
    // Whether a token is a sport's word or a score depends on its bytes alone
    // (kind and case flags included): each distinct word (Document::word_token)
    // is looked at once, not every token. The counts only grow, so the test
    // after each word is the token scan's.
    // A score's text opens with a digit (Score), a word's with none (and a
    // digit folds to itself): so a word's folded text tells which it may be,
    // and its token is read only for a digit or a listed sport's word.
    std::string_view seen[3];  // distinct folded sport words, up to three
    size_t sports = 0;
    bool score = false;
    const char* const folded = doc_.folded_text.data();
    const uint32_t* const at = doc_.folded_at.data();
    const uint32_t words = doc_.words();
    for (uint32_t w = 0; w < words; ++w) {
      const std::string_view f(folded + at[w], at[w + 1] - at[w]);
      if (!f.empty() && static_cast<unsigned char>(f[0] - '0') < 10) {
        if (!Score(doc_.word_token[w])) continue;
        score = true;
      } else {
        if (!In<kSportWords>(f)) continue;
        const Token& t = doc_.tokens[doc_.word_token[w]];
        if (t.kind != TokenKind::kWord || !t.Is(kLower) ||
            std::find(seen, seen + sports, f) != seen + sports)
          continue;
        seen[sports++] = f;
      }
      if (sports >= 3 || (sports >= 2 && score)) return true;
    }
    return false;
  }
  // In a report on a game: "Manchester City", "Norwich City", "Bristol Rovers"
  // read as places are clubs (not after "in", "to", "near": "the final in Mexico
  // City") with a sign of a team (a score in the sentence, "beat", "host",
  // "against"), at every mention of the form; "held 1-1 at Anfield", "the fight
  // at Madison Square Garden": a name of up to three words after "at" that no
  // list knows as a place and that is not built like one is a ground (FAC).
  void SportsNames() {
    static const char* const kGroundWords[] = {"garden", "stadium",  "arena", "park",
                                               "field",  "ground",   "bowl",  "oval",
                                               "dome",   "coliseum", nullptr};
    static const char* const kClubWords[] = {
        "city",    "united",  "rovers", "town",   "county", "athletic",  "albion", "wanderers",
        "rangers", "hotspur", "villa",  "orient", "argyle", "wednesday", nullptr};
    bool any = false;
    for (const Cand& c : cands_) {
      any = any ||
            ((EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) &&
             (In<kClubWords>(Word(c.e - 1)) || (c.b > 0 && EqualsLiteral(Word(c.b - 1), "at")))) ||
            (EqualsLiteral(c.type, "ORG") && c.b > 0 && EqualsLiteral(Word(c.b - 1), "at") &&
             In<kGroundWords>(Word(c.e - 1)));
    }
    if (!any || !SportsReport()) return;
    auto place_prep = [&](uint32_t b) {
      if (b == 0) return false;
      const std::string_view w = Word(b - 1);
      return EqualsLiteral(w, "in") || EqualsLiteral(w, "to") || EqualsLiteral(w, "near") ||
             EqualsLiteral(w, "into") || EqualsLiteral(w, "outside") || EqualsLiteral(w, "from") ||
             EqualsLiteral(w, "across") || EqualsLiteral(w, "around") ||
             EqualsLiteral(w, "throughout");
    };
    // A sign of a team: a score in the sentence ("a 3-1 win over"), a result's
    // verb after the name or a rival's word before it.
    auto team = [&](const Cand& c) {
      const Sentence& st = doc_.sentences[doc_.SentenceOf(c.b)];
      for (uint32_t i = st.begin; i < st.end; ++i) {
        if (Score(i)) return true;
      }
      static const char* const kResults[] = {"beat",   "beats", "drew",  "draw",     "lost",
                                             "lose",   "won",   "win",   "defeated", "face",
                                             "faces",  "host",  "hosts", "play",     "plays",
                                             "played", "meet",  "meets", "edged",    nullptr};
      if (c.e < doc_.tokens.size() && In<kResults>(Word(c.e))) return true;
      if (c.b == 0) return false;
      const std::string_view w = Word(c.b - 1);
      return EqualsLiteral(w, "against") || EqualsLiteral(w, "over") || EqualsLiteral(w, "v") ||
             EqualsLiteral(w, "vs") || EqualsLiteral(w, "v.") || EqualsLiteral(w, "vs.") ||
             (doc_.tokens[c.b - 1].Is(kLower) && In<kResults>(w));  // "host Derby County"
    };
    std::unordered_set<std::string> clubs;
    for (Cand& c : cands_) {
      if ((!EqualsLiteral(c.type, "GPE") && !EqualsLiteral(c.type, "LOC")) || c.e - c.b < 2 ||
          !In<kClubWords>(Word(c.e - 1)) || context_.caps_line[c.b] || place_prep(c.b) ||
          lex_.country.count(FoldedView(c.b, c.e)) || !team(c))
        continue;
      c.type = "ORG";
      clubs.insert(Folded(c.b, c.e));
    }
    for (Cand& c : cands_) {
      if ((EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) &&
          clubs.count(Folded(c.b, c.e))) {
        c.type = "ORG";
      } else if ((EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) && c.e - c.b <= 3 &&
                 c.b > 0 && EqualsLiteral(Word(c.b - 1), "at") && !KnownPlace(c.b, c.e) &&
                 !context_.caps_line[c.b] && !doc_.tokens[c.b].Is(kAllCaps)) {
        c.type = "FAC";
      } else if (EqualsLiteral(c.type, "ORG") && c.e - c.b >= 2 && c.e - c.b <= 3 && c.b > 0 &&
                 EqualsLiteral(Word(c.b - 1), "at") && In<kGroundWords>(Word(c.e - 1)) &&
                 !context_.caps_line[c.b] && !lex_.org.count(FoldedView(c.b, c.e))) {
        c.type = "FAC";  // "at Madison Square Garden" read as an ORG
      }
    }
  }
  // Tokens [b, e) are one phrase of the lexicons, a country or a GPE (the
  // tagger's gazetteer codes: no string is hashed).
  bool LexiconGpe(uint32_t b, uint32_t e) const {
    for (uint32_t i = b; i < e; ++i) {
      const int code = context_.gazetteer[i];
      if (!code) return false;
      const int cat = (code - 1) / 4, pos = (code - 1) % 4;
      const int want = e - b == 1 ? 0 : i == b ? 1 : i + 1 == e ? 3 : 2;
      if ((cat != NameLexicon::kCountry && cat != NameLexicon::kGpe) || pos != want) return false;
    }
    return true;
  }
  // Names of places are teams' in a report on a game, or where two of them
  // read as ORGs stand in a table of results ("TEXAS 5 Cleveland 3", "Birmingham v
  // Barnsley").
  bool Teams() const {
    if (teams_ < 0) {
      const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
      auto result = [&](uint32_t k) {
        const std::string_view w = Word(k);
        return doc_.tokens[k].kind == TokenKind::kNumber || EqualsLiteral(w, "v") ||
               EqualsLiteral(w, "v.") || EqualsLiteral(w, "vs") || EqualsLiteral(w, "vs.");
      };
      int table = 0;
      for (const Cand& c : cands_) {
        if (EqualsLiteral(c.type, "ORG") &&
            ((c.e < n && result(c.e)) || (c.b > 0 && result(c.b - 1))) &&
            (LexiconGpe(c.b, c.e) || (c.e - c.b == 1 && (context_.lists[c.b] & 1))))
          ++table;
      }
      teams_ = table >= 2 || SportsReport() ? 1 : 0;
    }
    return teams_ == 1;
  }
  // Token i, a one-word name, with a sign of a place around it that an
  // organization's name does not have: "in", "near", "into", "visited" ... before
  // it (not before another capitalized word or a possessive: "in Cleveland
  // Clinic", "in Columbia's program"), "to" after a verb of going, a state or
  // country after a comma ("Oakland, California"), an opening dateline.
  bool StrongPlaceSign(uint32_t b, uint32_t e) const {
    const size_t n = doc_.tokens.size();
    if (doc_.tokens[b].Is(kDateline)) return true;
    // "Cleveland (AFP) - The Republican National Convention ...": a dispatch's dateline.
    if (doc_.tokens[b].Is(kParagraphStart) && e + 2 < n && EqualsLiteral(doc_.Text(e), "(") &&
        doc_.tokens[e + 1].Is(kAllCaps) && EqualsLiteral(doc_.Text(e + 2), ")"))
      return true;
    if (e + 1 < n && EqualsLiteral(doc_.Text(e), ",")) {
      const std::string_view w = Word(e + 1);
      auto p = lex_.place.find(w);
      if (doc_.tokens[e + 1].Is(kCapitalized) &&
          (lex_.country.count(w) || (p != lex_.place.end() && p->second == "GPE") ||
           StateAbbreviation(e + 1)))
        return true;
    }
    if (b < 2 || !doc_.tokens[b - 1].Is(kLower)) return false;
    if (e < n && (doc_.tokens[e].Is(kCapitalized) || doc_.tokens[e].Is(kPossessive))) return false;
    const std::string_view w = Word(b - 1);
    if (EqualsLiteral(w, "in") || EqualsLiteral(w, "near") || EqualsLiteral(w, "into") ||
        EqualsLiteral(w, "within") || EqualsLiteral(w, "throughout") ||
        EqualsLiteral(w, "across") || EqualsLiteral(w, "outside") || EqualsLiteral(w, "toward") ||
        EqualsLiteral(w, "towards") || EqualsLiteral(w, "visit") || EqualsLiteral(w, "visits") ||
        EqualsLiteral(w, "visited") || EqualsLiteral(w, "visiting"))
      return true;
    const std::string_view v = Word(b - 2);
    // "the eastern town of Liege", "the mayor of Oakland".
    if (EqualsLiteral(w, "of") &&
        (EqualsLiteral(v, "town") || EqualsLiteral(v, "city") || EqualsLiteral(v, "village") ||
         EqualsLiteral(v, "state") || EqualsLiteral(v, "province") || EqualsLiteral(v, "capital") ||
         EqualsLiteral(v, "suburb") || EqualsLiteral(v, "outskirts") ||
         EqualsLiteral(v, "streets") || EqualsLiteral(v, "mayor") || EqualsLiteral(v, "governor") ||
         EqualsLiteral(v, "residents")))
      return true;
    return EqualsLiteral(w, "to") &&
           (EqualsLiteral(v, "way") || EqualsLiteral(v, "trip") || EqualsLiteral(v, "go") ||
            EqualsLiteral(v, "goes") || EqualsLiteral(v, "going") || EqualsLiteral(v, "went") ||
            EqualsLiteral(v, "came") || EqualsLiteral(v, "come") || EqualsLiteral(v, "travel") ||
            EqualsLiteral(v, "traveled") || EqualsLiteral(v, "headed") ||
            EqualsLiteral(v, "heading") || EqualsLiteral(v, "moved") ||
            EqualsLiteral(v, "returned") || EqualsLiteral(v, "flew") || EqualsLiteral(v, "back"));
  }
  // "Cleveland sets strict rules", "the Orlando attack", "Texas's law": a
  // state, country or city the tagger read as an ORG (CoNLL's teams are named
  // for their cities) is the place, outside a report on a game. A name only the
  // city list knows (it holds "Union", "Columbia", "Hamilton", "Rubio") needs a
  // sign of a place at one of its occurrences (StrongPlaceSign) or a mention
  // typed a place, and no person of that name. Not before a capitalized word or
  // a company's noun ("Texas Instruments", "Cleveland shares").
  void PlacesReadAsOrgs() {
    const size_t n = doc_.tokens.size();
    auto place = [&](const Cand& c) -> int {  // 2: a lexicon's place, 1: the city list's
      if (!EqualsLiteral(c.type, "ORG") || c.e - c.b > 4) return 0;
      const int kind = LexiconGpe(c.b, c.e)                          ? 2
                       : c.e - c.b == 1 && (context_.lists[c.b] & 1) ? 1
                                                                     : 0;
      if (kind == 0 || !doc_.tokens[c.b].Is(kCapitalized)) return 0;
      if (c.e < n && ((doc_.tokens[c.e].Is(kCapitalized) && !IsRoleWord(c.e)) ||
                      (doc_.tokens[c.e].kind == TokenKind::kWord && In<kCompanyNouns>(Word(c.e)))))
        return 0;
      if (c.e + 1 < n && doc_.tokens[c.e].Is(kPossessive) && In<kCompanyNouns>(Word(c.e + 1)))
        return 0;
      return kind;
    };
    std::vector<std::pair<size_t, int>> found;  // candidates and place(c)
    for (size_t k = 0; k < cands_.size(); ++k) {
      const int kind = place(cands_[k]);
      if (kind != 0) found.emplace_back(k, kind);
    }
    if (found.empty() || Teams()) return;
    // City-list names: which have a sign of a place, by Document word id (0:
    // not one of them, 1: asked, 2: a place, 3: a person's). A byte per word:
    // a text has few of them, but a list searched for each candidate was
    // quadratic on a long list of names.
    std::vector<uint8_t> city(doc_.words(), 0);
    auto state = [&](uint32_t i) -> uint8_t* {
      uint8_t* st = &city[doc_.word[i]];
      return *st ? st : nullptr;
    };
    bool any_city = false;
    for (const auto& [k, kind] : found) {
      if (kind == 1) {
        city[doc_.word[cands_[k].b]] = 1;
        any_city = true;
      }
    }
    if (any_city) {
      // "in Philadelphia and Cleveland", "Cleveland, Cincinnati and Columbus":
      // listed with a place of the lexicons.
      std::vector<uint32_t> starts, ends;  // of such places, in text order
      for (const Cand& c : cands_) {
        if (EqualsLiteral(c.type, "PERSON") && c.e - c.b >= 2) {
          for (uint32_t i = c.b; i < c.e; ++i) {
            if (uint8_t* st = state(i)) *st = 3;  // a person's name ("Ben Carson")
          }
        } else if ((EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) &&
                   c.e - c.b == 1 && state(c.b)) {
          if (*state(c.b) == 1) *state(c.b) = 2;  // a mention read as a place
        } else if (EqualsLiteral(c.type, "GPE") && KnownPlace(c.b, c.e)) {
          starts.push_back(c.b);
          ends.push_back(c.e);
        }
      }
      auto sep = [&](uint32_t k) {
        return EqualsLiteral(doc_.Text(k), ",") || EqualsLiteral(Word(k), "and") ||
               EqualsLiteral(Word(k), "or");
      };
      auto listed = [&](uint32_t i) {
        return (i >= 2 && sep(i - 1) && std::binary_search(ends.begin(), ends.end(), i - 1)) ||
               (i + 2 < n && sep(i + 1) && std::binary_search(starts.begin(), starts.end(), i + 2));
      };
      // At the tagger's ORG mentions (the others are read as places above).
      for (const auto& [k, kind] : found) {
        const uint32_t i = cands_[k].b;
        uint8_t* st = kind == 1 ? state(i) : nullptr;
        if (st && *st == 1 && (StrongPlaceSign(i, i + 1) || listed(i))) *st = 2;
      }
    }
    for (const auto& [k, kind] : found) {
      Cand& c = cands_[k];
      if (kind == 2 || *state(c.b) == 2) c.type = "GPE";
    }
  }
  // "professor of constitutional law at Yale", "a Ph.D. from Harvard", "a
  // lecturer in political science at Yale": a university's name after "at",
  // "from" or "by" with a word of academia before it in its sentence (at most
  // eight words back).
  bool AcademicBefore(uint32_t b) const {
    static const char* const kAcademia[] = {
        "professor", "professors", "lecturer",  "lecturers", "ph.d.",   "phd",       "degree",
        "degrees",   "graduate",   "graduated", "alumnus",   "alumni",  "student",   "students",
        "studied",   "studies",    "dean",      "faculty",   "scholar", "economics", nullptr};
    if (b == 0) return false;
    const std::string_view prep = Word(b - 1);
    if (!EqualsLiteral(prep, "at") && !EqualsLiteral(prep, "from") && !EqualsLiteral(prep, "by"))
      return false;
    const uint32_t s_begin = doc_.sentences[doc_.SentenceOf(b)].begin;
    for (uint32_t k = b - 1; k > s_begin && k + 9 > b; --k) {
      const std::string_view w = Word(k - 1);
      if ((doc_.tokens[k - 1].Is(kLower) || EqualsLiteral(w, "ph.d.")) && In<kAcademia>(w))
        return true;
    }
    return false;
  }
  // "In a Bloomberg interview", "a link to her Instagram page", "according to
  // Politico", "on Facebook, Instagram and Snapchat": a one-word name read as a
  // place that no list knows as one, before a medium's noun, after "according
  // to" or listed with an organization of the lexicon, is an outlet or a
  // platform (ORG), at every mention of the form.
  void OutletsReadAsPlaces() {
    static const char* const kMediaNouns[] = {
        "interview", "interviews", "article", "articles", "page",      "video",   "videos",
        "account",   "accounts",   "post",    "posts",    "story",     "podcast", "column",
        "editorial", "op-ed",      "piece",   "feed",     "broadcast", "segment", "headline",
        "forum",     "poll",       "survey",  "report",   nullptr};
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    auto unknown = [&](const Cand& c) {
      return EqualsLiteral(c.type, "GPE") && c.e - c.b == 1 && !KnownPlace(c.b, c.e) &&
             !context_.caps_line[c.b] && !doc_.tokens[c.b].Is(kAllCaps);
    };
    // An organization of the lexicon at token i ("Twitter", "Facebook").
    std::vector<uint32_t> lexicon_orgs;  // first tokens, in text order
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "ORG") && lex_.org.count(FoldedView(c.b, c.e)))
        lexicon_orgs.push_back(c.b);
    }
    auto org_at = [&](uint32_t i) {
      return std::binary_search(lexicon_orgs.begin(), lexicon_orgs.end(), i);
    };
    ViewSet forms;
    for (const Cand& c : cands_) {
      if (!unknown(c)) continue;
      const bool medium = c.e < n && doc_.tokens[c.e].Is(kLower) && In<kMediaNouns>(Word(c.e));
      const bool according = c.b >= 2 && EqualsLiteral(Word(c.b - 1), "to") &&
                             EqualsLiteral(Word(c.b - 2), "according");
      const auto sep = [&](uint32_t k) {
        return EqualsLiteral(Word(k), "and") || EqualsLiteral(doc_.Text(k), ",");
      };
      const bool listed = (c.b >= 2 && sep(c.b - 1) && org_at(c.b - 2)) ||
                          (c.e + 1 < n && sep(c.e) && org_at(c.e + 1)) ||
                          (c.e + 2 < n && EqualsLiteral(doc_.Text(c.e), ",") &&
                           EqualsLiteral(Word(c.e + 1), "and") && org_at(c.e + 2));
      if (medium || according || listed || AcademicBefore(c.b)) forms.insert(doc_.Text(c.b));
    }
    if (forms.empty()) return;
    for (Cand& c : cands_) {
      if (unknown(c) && forms.count(doc_.Text(c.b))) c.type = "ORG";
    }
  }
  static bool CompanyTitle(std::string_view w) {
    return In<kCompanyTitles>(w) || (w.size() > 6 && w.substr(w.size() - 5) == "maker");
  }
  // "Shares in Airbus fell", "planemaker Airbus", "Airbus shares": a lone
  // capitalized word the tagger left out (GloVe puts "airbus" with "jets" and
  // "boeing"; CoNLL tags "Airbus A310" as a MISC) is a company's name with a
  // company's noun after it, "shares in|of" before it or a company's title in
  // lower case before it. ExtendMentions then finds its other mentions.
  void UntaggedCompanies() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    std::vector<uint8_t> covered(n, 0);
    for (const Cand& c : cands_) {  // (a name is a few tokens: no memset call each)
      for (uint32_t i = c.b; i < c.e; ++i) covered[i] = 1;
    }
    auto word = [&](uint32_t i) { return doc_.tokens[i].kind == TokenKind::kWord; };
    auto title = [&](uint32_t i) {
      return word(i) && doc_.tokens[i].Is(kLower) && CompanyTitle(Word(i));
    };
    const size_t before = cands_.size();
    ViewSet forms;
    ForEachCapWord([&](uint32_t i) -> uint32_t {  // capitalized words
      const Token& t = doc_.tokens[i];
      if (covered[i] || t.span.end - t.span.start < 2 || context_.caps_line[i] || TitleLine(i) ||
          (context_.word_bits[i] & 2))
        return i + 1;
      // One capitalized word, not inside a run ("Airbus A320", "Foreign Ministry"),
      // or after a sentence's first function word ("In Jefferies' view").
      if ((i > 0 && word(i - 1) && doc_.tokens[i - 1].Is(kCapitalized) && !OpensSentence(i) &&
           !(OpensSentence(i - 1) && In<kFunctionWords>(Word(i - 1)))) ||
          (i + 1 < n && word(i + 1) && doc_.tokens[i + 1].Is(kCapitalized)))
        return i + 1;
      const std::string_view w = Word(i);
      // (Nor "rival Democratic candidate": a party's adjective, a people group.)
      if (In<kFunctionWords>(w) || In<kWeekdays>(w) || Month(i) || IsRoleWord(i) ||
          In<kPeopleGroups>(w) || lex_.demonym.count(w) || lex_.country.count(w) ||
          lex_.place.count(w) || (context_.lists[i] & 1))
        return i + 1;
      uint32_t k = i + 1;
      if (k < n && doc_.tokens[k].Is(kPossessive)) ++k;
      const bool noun_after = k < n && word(k) && doc_.tokens[k].Is(kLower) &&
                              In<kCompanyNouns>(Word(k)) && !EqualsLiteral(Word(k), "headquarters");
      const bool shares_in =
          i >= 2 && (EqualsLiteral(Word(i - 1), "in") || EqualsLiteral(Word(i - 1), "of")) &&
          (EqualsLiteral(Word(i - 2), "shares") || EqualsLiteral(Word(i - 2), "stake"));
      // "He works at BMW", "analysts at Jefferies".
      const bool works_at =
          i >= 2 && EqualsLiteral(Word(i - 1), "at") &&
          (In<kOrgStaff>(Word(i - 2)) || EqualsLiteral(Word(i - 2), "works") ||
           EqualsLiteral(Word(i - 2), "worked") || EqualsLiteral(Word(i - 2), "working") ||
           EqualsLiteral(Word(i - 2), "job") || EqualsLiteral(Word(i - 2), "jobs"));
      // "In a Bloomberg interview": an outlet's, after an article, before a
      // medium's noun (the tagger may leave it out).
      static const char* const kOutletNouns[] = {"interview", "interviews", "article",
                                                 "column",    "podcast",    "editorial",
                                                 "op-ed",     "broadcast",  nullptr};
      const bool outlet = i > 0 &&
                          (EqualsLiteral(Word(i - 1), "a") || EqualsLiteral(Word(i - 1), "an") ||
                           EqualsLiteral(Word(i - 1), "the")) &&
                          i + 1 < n && word(i + 1) && doc_.tokens[i + 1].Is(kLower) &&
                          In<kOutletNouns>(Word(i + 1)) && !GivenName(i);
      if (noun_after || shares_in || (i > 0 && title(i - 1)) || FirmsPossession(i + 1) ||
          works_at || outlet || SaidIt(i)) {
        cands_.push_back(Cand::Span(i, i + 1, "ORG"));
        forms.insert(doc_.Text(i));
      }
      return i + 1;
    });
    if (cands_.size() != before) {
      // Its mentions the tagger read as a person or a place are the company's too.
      for (Cand& c : cands_) {
        if ((EqualsLiteral(c.type, "PERSON") || EqualsLiteral(c.type, "GPE")) && c.e - c.b == 1 &&
            forms.count(doc_.Text(c.b)))
          c.type = "ORG";
      }
      std::stable_sort(cands_.begin(), cands_.end(),
                       [](const Cand& a, const Cand& b) { return a.b < b.b; });
    }
  }
  // "Airbus said on Wednesday it would cut 2,000 jobs": token i, no given name,
  // before a reporting verb whose clause's first personal pronoun is "it" or
  // "its" (not "he", "she", "they").
  bool SaidIt(uint32_t i) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (i + 2 >= n || GivenName(i) || !doc_.tokens[i + 1].Is(kLower)) return false;
    const std::string_view v = Word(i + 1);
    if (!EqualsLiteral(v, "said") && !EqualsLiteral(v, "says") && !EqualsLiteral(v, "announced") &&
        !EqualsLiteral(v, "reported") && !EqualsLiteral(v, "confirmed") &&
        !EqualsLiteral(v, "added") && !EqualsLiteral(v, "warned") && !EqualsLiteral(v, "expects") &&
        !EqualsLiteral(v, "expected"))
      return false;
    const uint32_t end = std::min<uint32_t>(doc_.sentences[doc_.SentenceOf(i)].end, i + 10);
    for (uint32_t k = i + 2; k < end; ++k) {
      const std::string_view w = Word(k);
      if (EqualsLiteral(w, "it") || EqualsLiteral(w, "its")) return true;
      if (EqualsLiteral(w, "he") || EqualsLiteral(w, "she") || EqualsLiteral(w, "they") ||
          EqualsLiteral(w, "his") || EqualsLiteral(w, "her") || EqualsLiteral(w, "their") ||
          EqualsLiteral(w, "i") || EqualsLiteral(w, "we") ||
          doc_.tokens[k].kind == TokenKind::kQuote)
        return false;
    }
    return false;
  }
  // See Collect: a sentence's first word that is no name.
  bool CommonOpener(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || t.Is(kAllCaps) || context_.caps_line[i] ||
        (context_.word_bits[i] & 5) /* kSeenCapMid | kSeenCapsMid */ || context_.lists[i] ||
        context_.gazetteer[i] || !PlainWord(i))
      return false;
    const std::string_view w = Word(i);
    auto ends = [&](std::string_view x) {
      return w.size() > x.size() + 2 && w.substr(w.size() - x.size()) == x;
    };
    // A comma, then not an apposition ("Scheiderman, a Democrat whose office").
    const bool comma = i + 2 < doc_.tokens.size() && EqualsLiteral(doc_.Text(i + 1), ",") &&
                       doc_.tokens[i + 2].Is(kLower) && !EqualsLiteral(Word(i + 2), "a") &&
                       !EqualsLiteral(Word(i + 2), "an") && !EqualsLiteral(Word(i + 2), "the") &&
                       !EqualsLiteral(Word(i + 2), "who");
    return (context_.word_bits[i] & 2) || AbstractNoun(i) || ends("less") || ends("ness") ||
           ends("ism") || comma;
  }
  // "Ivana Trump", "Ivanka Trump" read as ORG: a span of two words whose second is
  // the surname of a full name (a listed given name and a surname) elsewhere in
  // the text, and whose first no list knows nor the text writes in lower case,
  // is that family's person.
  void PersonsInOrgSpans() {
    ViewSet surnames;
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "PERSON") && c.e - c.b >= 2 && GivenName(c.b) &&
          !(context_.word_bits[c.e - 1] & 2))
        surnames.insert(doc_.Text(c.e - 1));
    }
    if (surnames.empty()) return;
    for (Cand& c : cands_) {
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b != 2 ||
          context_.caps_line[c.b] || !surnames.count(doc_.Text(c.b + 1)) ||
          (context_.gazetteer[c.b] &&
           (context_.gazetteer[c.b] - 1) / 4 != NameLexicon::kFirstName) ||
          context_.gazetteer[c.b + 1] || (context_.word_bits[c.b] & 2) ||
          (context_.lists[c.b] & 1) || !doc_.tokens[c.b].Is(kCapitalized) ||
          doc_.tokens[c.b].Is(kAllCaps) || doc_.tokens[c.b + 1].Is(kAllCaps) ||
          In<kPeopleGroups>(Word(c.b)) || lex_.demonym.count(Word(c.b)) ||
          lex_.org_words.count(Word(c.b)) || lex_.org_words.count(Word(c.b + 1)) ||
          In<kPlaceHeads>(Word(c.b + 1)))
        continue;
      const std::string f = Folded(c.b, c.e);
      if (lex_.org.count(f) || lex_.country.count(f) || lex_.place.count(f)) continue;
      c.type = "PERSON";
    }
  }
  // "the suspect's name, Syed Farook," read as GPE where the text names
  // "Farook Syed" a PERSON: a name of two capitalized words, both words of
  // another PERSON name of two words or more, no list's place or organization,
  // no word heading names or written in lower case, is that person.
  void NamesOfPersonWords() {
    std::vector<size_t> twos;  // ORG and GPE names of two capitalized words
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if (c.e - c.b != 2 || (!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) ||
          context_.caps_line[c.b])
        continue;
      const Token& a = doc_.tokens[c.b];
      const Token& b = doc_.tokens[c.b + 1];
      if (a.Is(kCapitalized) && b.Is(kCapitalized) && !a.Is(kAllCaps) && !b.Is(kAllCaps) &&
          !(context_.word_bits[c.b] & 2) && !(context_.word_bits[c.b + 1] & 2))
        twos.push_back(k);
    }
    if (twos.empty()) return;
    std::vector<uint8_t> in_person(doc_.words(), 0);  // per word id: in a PERSON name
    std::vector<uint8_t> asked(doc_.words(), 0);      // per word id: a word of those names
    for (size_t k : twos) asked[doc_.word[cands_[k].b]] = asked[doc_.word[cands_[k].b + 1]] = 1;
    // The pairs (x, y) of those words that another PERSON name holds both of
    // ("Farook Syed" for "Syed Farook"; FullNamesOneType weighs the same name
    // typed two ways, so a name of the two words in that order is none), found
    // once per name: a walk over the PERSON names for each of those names was
    // quadratic on a long list of names.
    std::unordered_set<uint64_t> held;
    std::vector<uint32_t> ws;
    for (const Cand& p : cands_) {
      if (!EqualsLiteral(p.type, "PERSON") || p.e - p.b < 2) continue;
      ws.clear();
      for (uint32_t i = p.b; i < p.e; ++i) {
        in_person[doc_.word[i]] = 1;
        if (asked[doc_.word[i]]) ws.push_back(doc_.word[i]);
      }
      std::sort(ws.begin(), ws.end());
      ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
      for (uint32_t x : ws) {
        for (uint32_t y : ws) {
          if (p.e - p.b == 2 && doc_.word[p.b] == x && doc_.word[p.b + 1] == y) continue;
          held.insert(uint64_t{x} << 32 | y);
        }
      }
    }
    for (size_t k : twos) {
      Cand& c = cands_[k];
      const uint32_t x = doc_.word[c.b], y = doc_.word[c.b + 1];
      if (!in_person[x] || !in_person[y] || NameHead(c.b) || NameHead(c.b + 1)) continue;
      const bool person = held.count(uint64_t{x} << 32 | y) > 0;
      if (!person) continue;
      const std::string f = Folded(c.b, c.e);
      if (lex_.org.count(f) || lex_.place.count(f) || lex_.country.count(f) || KnownPlace(c.b, c.e))
        continue;
      c.type = "PERSON";
      c.unsure = false;
    }
  }
  // The last word of a name that cannot be a person's: "Post", "Beach", "Center".
  bool NameHead(uint32_t i) const {
    const std::string_view w = Word(i);
    return lex_.org_words.count(w) || EqualsLiteral(w, "house") || EqualsLiteral(w, "senate") ||
           EqualsLiteral(w, "congress") || EqualsLiteral(w, "parliament") || In<kPlaceHeads>(w) ||
           In<kNaturalWords>(w) || In<kFacilityWords>(w) || In<kInstitutionWords>(w) ||
           In<kCompanyWords>(w);
  }
  // "the editorial board of the [Washington Post Trump] said", "Speaker of the [House
  // Newt Gingrich]'s inclusion", "[Clinton Chief of Staff Cheryl Mills]": an ORG or
  // GPE span that ends in a person the text names elsewhere (a given name and a
  // surname, or the surname of a full name, the surname also alone) is two names.
  // A role word inside the span ("Chief of Staff") is the person's role.
  // Room for the candidates after a pass that splits some in two: 1/8 more
  // (a 5 MB text splits hundreds, so "+ 4" made the vector double, and with
  // the candidates it was built from that was 4x them at the entities stage's
  // peak: 12.9 MB of 48-byte candidates, 9.3x the input).
  static size_t SplitRoom(size_t n) { return n + n / 8 + 4; }
  void PersonsAfterOrgNames() {
    // Sets of token texts, as bits per Document word id (a ViewSet hashed
    // every text and allocated a node a member): the last words of PERSON
    // candidates, the one-word ones, the surnames of full names with a given
    // name.
    enum : uint8_t { kPersonLast = 1, kAlone = 2, kSurname = 4 };
    std::vector<uint8_t> sets(doc_.words(), 0);
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON")) continue;
      sets[doc_.word[c.e - 1]] |= kPersonLast;
      if (c.e - c.b == 1) sets[doc_.word[c.b]] |= kAlone;
      if (c.e - c.b >= 2 && GivenName(c.b) && !(context_.word_bits[c.e - 1] & 2))
        sets[doc_.word[c.e - 1]] |= kSurname;
    }
    auto name_word = [&](uint32_t i) {
      const Token& t = doc_.tokens[i];
      return t.kind == TokenKind::kWord && t.Is(kCapitalized) && !t.Is(kAllCaps) &&
             !(context_.word_bits[i] & 2) && !In<kFunctionWords>(Word(i));
    };
    std::vector<Cand> out;  // built only once a span splits
    bool split = false;
    for (size_t at = 0; at < cands_.size(); ++at) {
      const Cand& c = cands_[at];
      const uint32_t n = c.e - c.b;
      uint32_t j = c.e;  // the person's first token
      // "Chief of [Staff Cheryl Mills]": the rest of a role before a given name.
      const bool after_role = c.b >= 2 && EqualsLiteral(Word(c.b - 1), "of") && IsRoleWord(c.b - 2);
      const uint8_t last = sets[doc_.word[c.e - 1]];
      bool evidence = after_role || (last & kPersonLast);
      for (uint32_t i = c.b; i + 2 < c.e && !evidence && n >= 3; ++i) evidence = IsRoleWord(i);
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && n >= 3 && evidence &&
          !context_.caps_line[c.b] && name_word(c.e - 1) && !NameHead(c.e - 1) && !TitleLine(c.b) &&
          !lex_.org.count(FoldedView(c.b, c.e))) {
        // A given name and a surname (and a middle name) after at least one word.
        // ("House" + "Newt Gingrich": after a known name or a name's last word).
        for (uint32_t k = c.e - 2; k > c.b && k + 3 >= c.e; --k) {
          bool words = true;
          for (uint32_t i = k; i < c.e; ++i) words = words && name_word(i);
          auto after_name = [&] {
            if (NameHead(k - 1)) return true;
            const std::string head = Folded(c.b, k);
            return lex_.org.count(head) || lex_.country.count(head) || lex_.place.count(head);
          };
          bool role = false;  // "Clinton Chief of Staff" + "Cheryl Mills"
          for (uint32_t i = c.b; i < k; ++i) role = role || IsRoleWord(i);
          if (words && !NameHead(k) &&
              ((GivenName(k) && (role || (last & kPersonLast))) ||
               ((last & kAlone) && after_name()) || (after_role && k == c.b + 1 && GivenName(k))))
            j = k;
        }
        // Or a surname alone after a name of two words or more that is no given name.
        if (j == c.e && n >= 3 && (last & kSurname) && !GivenName(c.e - 2) && NameHead(c.e - 2))
          j = c.e - 1;
      }
      // Not a name the text writes elsewhere as no person's ("Classic Lotto").
      if (j == c.e || (c.e - j >= 2 && OtherThanPerson(Folded(j, c.e)))) {
        if (split) out.push_back(c);
        continue;
      }
      if (!split) {
        out.reserve(SplitRoom(cands_.size()));
        out.assign(cands_.begin(), cands_.begin() + static_cast<std::ptrdiff_t>(at));
        split = true;
      }
      uint32_t head_end = j;
      for (uint32_t i = c.b; i < j; ++i) {
        if (IsRoleWord(i) && doc_.tokens[i].Is(kCapitalized)) {
          head_end = i;
          break;
        }
      }
      while (head_end > c.b && In<kFunctionWords>(Word(head_end - 1))) --head_end;
      if (head_end > c.b && !(after_role && j == c.b + 1)) {
        Cand head = Cand::Span(c.b, head_end, c.type);
        out.push_back(head);
      }
      out.push_back(Cand::Span(j, c.e, "PERSON"));  // Roles() finds its role
    }
    if (split) cands_.swap(out);
  }
  // "a Trump-Clinton race", "the Biden-Harris ticket": surnames of persons in the
  // text joined by a hyphen are no name of their own; nor is a surname joined to
  // a word the text writes in lower case ("Obamacare", with "health care").
  void SurnamePairs() {
    // A one-word name of 7 letters or more that no list knows.
    auto compound = [&](const Cand& c) {
      return c.e - c.b == 1 && !EqualsLiteral(c.type, "PERSON") && !EqualsLiteral(c.type, "NORP") &&
             doc_.Text(c.b).size() >= 7 && !context_.gazetteer[c.b] && !context_.lists[c.b];
    };
    auto hyphen = [&](const Cand& c) {
      return c.e - c.b == 1 && !EqualsLiteral(c.type, "NORP") &&
             doc_.Text(c.b).find('-') != std::string_view::npos;
    };
    if (std::none_of(cands_.begin(), cands_.end(),
                     [&](const Cand& c) { return compound(c) || hyphen(c); }))
      return;
    ViewSet persons;  // last words of PERSON candidates
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "PERSON")) persons.insert(doc_.Text(c.e - 1));
    }
    if (persons.empty()) return;
    // "care" of "Obamacare". A set: each distinct word of the text is looked
    // up in it (a list searched for each was quadratic on a list of names).
    ViewSet rests;
    for (const Cand& c : cands_) {
      if (!compound(c)) continue;
      const std::string_view w = doc_.Text(c.b);
      for (size_t k = 4; k + 3 <= w.size(); ++k) {
        if (persons.count(w.substr(0, k))) rests.insert(Word(c.b).substr(k));
      }
    }
    ViewSet lower;  // those the text writes in lower case
    if (!rests.empty()) {
      for (uint32_t id = 0; id < doc_.words(); ++id) {
        const std::string_view f = doc_.FoldedWord(id);
        if (rests.count(f) && doc_.tokens[doc_.word_token[id]].Is(kLower)) lower.insert(f);
      }
    }
    auto pair = [&](const Cand& c) {
      if (c.e - c.b != 1 || EqualsLiteral(c.type, "NORP")) return false;
      std::string_view w = doc_.Text(c.b);
      if (!rests.empty() && compound(c)) {
        for (size_t k = 4; k + 3 <= w.size(); ++k) {
          if (!persons.count(w.substr(0, k))) continue;
          // ... or a frequent word (in the tagger's cluster table), of four letters or more.
          const std::string_view rest = Word(c.b).substr(k);
          if (lower.count(rest) || (rest.size() >= 4 && ner::WordCluster(rest) >= 0)) return true;
        }
      }
      if (w.find('-') == std::string_view::npos) return false;
      int parts = 0;
      for (size_t at = 0; at <= w.size();) {
        size_t end = w.find('-', at);
        if (end == std::string_view::npos) end = w.size();
        if (!persons.count(w.substr(at, end - at))) return false;
        ++parts;
        at = end + 1;
      }
      return parts >= 2;
    };
    cands_.erase(std::remove_if(cands_.begin(), cands_.end(), pair), cands_.end());
  }
  // "the Zika virus" ... "Zika funding", "Ebola cases": a name the text writes
  // before "virus" is a disease's, no entity at any of its mentions.
  void Viruses() {
    const size_t n = doc_.tokens.size();
    // "virus" in lower case depends on the bytes alone: a text none of whose
    // distinct words (Document::word_token) is that, most texts, is not scanned.
    bool any = false;
    for (uint32_t w = 0; w < doc_.words() && !any; ++w) {
      any =
          EqualsLiteral(doc_.FoldedWord(w), "virus") && doc_.tokens[doc_.word_token[w]].Is(kLower);
    }
    if (!any) return;
    ViewSet viruses;
    for (uint32_t i = 1; i < n; ++i) {
      if (doc_.tokens[i].Is(kLower) && EqualsLiteral(Word(i), "virus") &&
          doc_.tokens[i - 1].kind == TokenKind::kWord && doc_.tokens[i - 1].Is(kCapitalized))
        viruses.insert(doc_.Text(i - 1));
    }
    if (viruses.empty()) return;
    cands_.erase(std::remove_if(cands_.begin(), cands_.end(),
                                [&](const Cand& c) {
                                  return c.e - c.b == 1 && !EqualsLiteral(c.type, "NORP") &&
                                         viruses.count(doc_.Text(c.b));
                                }),
                 cands_.end());
  }
  // Whether a candidate of another type than PERSON has the folded form `f`.
  bool OtherThanPerson(const std::string& f) const {
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON") && c.e - c.b <= 3 && Folded(c.b, c.e) == f) return true;
    }
    return false;
  }
  // "AWR Hawkins is the Second Amendment columnist", "JD Vance said ... he": initials
  // in capitals and a surname, read as an ORG, are a person when a mention is
  // followed by a role ("is the ... columnist", ", a ... writer") or a personal
  // pronoun in its sentence or the next.
  void InitialsAndSurname() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    auto initials = [&](const Cand& c) {
      if (!EqualsLiteral(c.type, "ORG") || c.e - c.b != 2) return false;
      const Token& a = doc_.tokens[c.b];
      const Token& s = doc_.tokens[c.b + 1];
      const std::string_view w = doc_.Text(c.b);
      return a.kind == TokenKind::kWord && a.Is(kAllCaps) && w.size() >= 2 && w.size() <= 3 &&
             s.kind == TokenKind::kWord && s.Is(kCapitalized) && !s.Is(kAllCaps) &&
             !(context_.word_bits[c.b + 1] & 2) && !NameHead(c.b + 1) && !context_.gazetteer[c.b] &&
             !lex_.country.count(Word(c.b)) && !lex_.org.count(Word(c.b)) &&
             !lex_.org.count(FoldedView(c.b, c.e)) && !lex_.place.count(Word(c.b + 1)) &&
             !(context_.lists[c.b + 1] & 1);  // a city: "AAA Syracuse"
    };
    std::unordered_set<std::string> forms;
    for (const Cand& c : cands_) {
      if (!initials(c) || context_.caps_line[c.b] || TitleLine(c.b)) continue;
      bool person = false;
      // "is the Second Amendment columnist", ", a political writer".
      uint32_t i = c.e;
      if (i < n && (EqualsLiteral(Word(i), "is") || EqualsLiteral(Word(i), "was") ||
                    EqualsLiteral(Word(i), ","))) {
        ++i;
        if (i < n && (EqualsLiteral(Word(i), "a") || EqualsLiteral(Word(i), "an") ||
                      EqualsLiteral(Word(i), "the"))) {
          const uint32_t s_end = doc_.sentences[doc_.SentenceOf(i)].end;
          for (uint32_t k = i + 1; k < s_end && k < i + 6 && !person; ++k) {
            if (doc_.tokens[k].kind != TokenKind::kWord || In<kRoleStops>(Word(k))) break;
            person = IsRoleWord(k);
          }
        }
      }
      // "he", "she" ... later in its sentence, with no other name between.
      const uint32_t end = doc_.sentences[doc_.SentenceOf(c.b)].end;
      for (uint32_t k = c.e; k < end && k < c.e + 40 && !person; ++k) {
        if (doc_.tokens[k].Is(kCapitalized) && !doc_.tokens[k].Is(kSentenceStart) &&
            !In<kWeekdays>(Word(k)) && !Month(k))
          break;
        const std::string_view w = Word(k);
        person = EqualsLiteral(w, "he") || EqualsLiteral(w, "she") || EqualsLiteral(w, "him") ||
                 EqualsLiteral(w, "her") || EqualsLiteral(w, "his");
      }
      if (person) forms.insert(Folded(c.b, c.e));
    }
    if (forms.empty()) return;
    for (Cand& c : cands_) {
      if (initials(c) && forms.count(Folded(c.b, c.e))) c.type = "PERSON";
    }
  }
  // "Republican Indiana Gov. Mike Pence", "a prominent New York Democrat": a
  // party (or religious group) and a known place in one span are two names, a
  // NORP and a GPE (and a group before a person's name, two: NORP and PERSON).
  void SplitGroupAndPlace() {
    std::vector<Cand> out;
    out.reserve(SplitRoom(cands_.size()));
    for (Cand& c : cands_) {
      // "Republican Donald Trump", "Democrat Tim Kaine" read as one PERSON: a
      // party or group word before a given name and more is a NORP and the person.
      if (EqualsLiteral(c.type, "PERSON") && c.e - c.b >= 3 && !context_.caps_line[c.b] &&
          In<kPeopleGroups>(Word(c.b)) && doc_.tokens[c.b + 1].Is(kCapitalized) &&
          (GivenName(c.b + 1) || ner::IsListedGivenName(doc_.Text(c.b + 1)))) {
        out.push_back(Cand::Span(c.b, c.b + 1, "NORP"));
        out.push_back(Cand::Span(c.b + 1, c.e, "PERSON"));
        continue;
      }
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b < 2 ||
          context_.caps_line[c.b] || lex_.org.count(FoldedView(c.b, c.e))) {
        out.push_back(std::move(c));
        continue;
      }
      // The lexicon's type of tokens [b, e), or nothing.
      auto place = [&](uint32_t b, uint32_t e) -> std::string_view {
        const std::string f = Folded(b, e);
        if (lex_.country.count(f)) return "GPE";
        auto p = lex_.place.find(f);
        return p != lex_.place.end() ? std::string_view(p->second) : std::string_view();
      };
      // "New York Democratic voters": the party's adjective before a common noun.
      auto party_adjective = [&](uint32_t i) {
        return EqualsLiteral(Word(i), "democratic") && i + 1 < doc_.tokens.size() &&
               doc_.tokens[i + 1].Is(kLower) && doc_.tokens[i + 1].kind == TokenKind::kWord;
      };
      // Party and religious groups only: "French Sudan" is one name.
      // ("solidly Democratic Vermont", not "Democratic Republic of the Congo").
      if ((In<kPeopleGroups>(Word(c.b)) || EqualsLiteral(Word(c.b), "democratic")) &&
          !place(c.b + 1, c.e).empty() && place(c.b, c.e).empty()) {
        out.push_back(Cand::Span(c.b, c.b + 1, "NORP"));
        out.push_back(Cand::Span(c.b + 1, c.e, place(c.b + 1, c.e)));
      } else if ((In<kPeopleGroups>(Word(c.e - 1)) || party_adjective(c.e - 1)) &&
                 !place(c.b, c.e - 1).empty()) {
        out.push_back(Cand::Span(c.b, c.e - 1, place(c.b, c.e - 1)));
        out.push_back(Cand::Span(c.e - 1, c.e, "NORP"));
      } else {
        out.push_back(std::move(c));
      }
    }
    cands_.swap(out);
  }
  // Signs that the one-word name at token i is a person's: a courtesy title or
  // a title before it ("Mr. Trump", "President Obama", "Sen. Rubio"); ", who"
  // after it ("Rubio, who supported the bill"); or, as the subject of the verb
  // after it, "his" right after that verb ("Trump launched his bid").
  bool PersonSign(uint32_t i) const {
    const size_t n = doc_.tokens.size();
    if (i > 0 && doc_.tokens[i - 1].Is(kCapitalized) &&
        (Courtesy(Word(i - 1)) || IsRoleWord(i - 1)))
      return true;
    if (i + 2 < n && EqualsLiteral(doc_.Text(i + 1), ",") && EqualsLiteral(Word(i + 2), "who"))
      return true;
    if (LeaderBeforeGovernment(i)) return true;  // "the Obama administration"
    uint32_t v = i + 1;
    if (v < n && doc_.tokens[v].Is(kPossessive)) return false;
    if (v + 1 < n && (EqualsLiteral(Word(v), "then") || EqualsLiteral(Word(v), "also") ||
                      EqualsLiteral(Word(v), "later")))
      ++v;
    if (v + 1 >= n || doc_.tokens[v].kind != TokenKind::kWord || !doc_.tokens[v].Is(kLower) ||
        In<kRoleStops>(Word(v)))
      return false;
    const std::string_view w = Word(v + 1);
    return EqualsLiteral(w, "his") || EqualsLiteral(w, "himself") ||
           EqualsLiteral(w, "herself");  // not "her": "suspended her account"
  }
  // "the Obama administration", "the Netanyahu government", "the Truman
  // presidency": a lone capitalized word between a function word (or the
  // sentence's start) and one of these nouns in lower case is a person's name,
  // when it is no place, country, demonym, organization or word the text writes
  // in lower case ("the Kabul government", "the U.S. government", "the Veterans
  // administration" are not). Token i is the name.
  // "administration", "government", "presidency", "regime", "era", "campaign". Asked of
  // every token's next word: its length and first letter rule out most words
  // before any comparison.
  static bool GovernmentNoun(std::string_view w) {
    switch (w.size()) {
      case 3:
        return w[0] == 'e' && EqualsLiteral(w, "era");
      case 6:
        return w[0] == 'r' && EqualsLiteral(w, "regime");
      case 8:
        return w[0] == 'c' && EqualsLiteral(w, "campaign");
      case 10:
        return (w[0] == 'g' && EqualsLiteral(w, "government")) ||
               (w[0] == 'p' && EqualsLiteral(w, "presidency"));
      case 14:
        return w[0] == 'a' && EqualsLiteral(w, "administration");
      default:
        return false;
    }
  }
  bool LeaderBeforeGovernment(uint32_t i) const {
    const size_t n = doc_.tokens.size();
    if (i + 1 >= n || !doc_.tokens[i + 1].Is(kLower)) return false;
    if (!GovernmentNoun(Word(i + 1))) return false;
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || !t.Is(kCapitalized) || t.Is(kAllCaps) ||
        t.span.end - t.span.start < 3 || context_.caps_line[i] || (context_.word_bits[i] & 2) ||
        (context_.lists[i] & 1) || t.Is(kPossessive) ||
        doc_.Text(i).find('-') != std::string_view::npos)  // "the Western-backed government"
      return false;
    if (i > 0 && doc_.tokens[i - 1].kind == TokenKind::kWord &&
        doc_.tokens[i - 1].Is(kCapitalized) && !In<kFunctionWords>(Word(i - 1)))
      return false;  // inside a longer name ("Food and Drug Administration")
    const std::string_view w = Word(i);
    return !In<kFunctionWords>(w) && !In<kPeopleGroups>(w) && !lex_.demonym.count(w) &&
           !lex_.country.count(w) && !lex_.place.count(w) && !lex_.org.count(w) &&
           !lex_.org_words.count(w) && !IsRoleWord(i) && !Month(i) && !In<kWeekdays>(w) &&
           !(context_.gazetteer[i] && (context_.gazetteer[i] - 1) / 4 != NameLexicon::kFirstName);
  }
  // Names found by LeaderBeforeGovernment are persons at every one-word mention
  // the tagger typed ORG or GPE (not before a company's noun), and where the
  // tagger left them out ("The Biden administration said" had no name).
  void LeadersBeforeGovernments() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    // Built at the first leader before a government noun (few texts have
    // one; the candidates do not change before the loop's end): the
    // candidate at each token, and the last words of PERSONs (one-word
    // PERSONs, surnames) as a flag per Document word id.
    std::vector<int> covered;
    std::vector<uint8_t> person_last;
    auto build = [&] {
      if (!person_last.empty()) return;
      covered.assign(n, -1);
      for (size_t k = 0; k < cands_.size(); ++k) {
        for (uint32_t i = cands_[k].b; i < cands_[k].e; ++i) covered[i] = static_cast<int>(k);
      }
      person_last.assign(doc_.words(), 0);
      for (const Cand& c : cands_) {
        if (EqualsLiteral(c.type, "PERSON")) person_last[doc_.word[c.e - 1]] = 1;
      }
    };
    ViewSet forms;
    std::vector<uint32_t> bare;
    // Whether a word is one of GovernmentNoun's, per Document word id (2: not
    // asked yet): most tokens are ruled out by the next word's id alone.
    std::vector<uint8_t> gov_noun(doc_.words(), 2);
    // (LeaderBeforeGovernment holds only at a capitalized word.)
    ForEachCapWord([&](uint32_t i) -> uint32_t {
      if (i + 1 >= n) return n;
      uint8_t& next = gov_noun[doc_.word[i + 1]];
      if (next == 2) next = GovernmentNoun(Word(i + 1));
      if (!next || !LeaderBeforeGovernment(i)) return i + 1;
      build();
      // "the Nazi regime", "the Labour government", "the Reagan era", "the
      // Senate campaign": after these nouns only a name the text has as a
      // person's elsewhere (a government or a regime is a party's too);
      // "administration" and "presidency" are a person's.
      const std::string_view noun = Word(i + 1);
      if (!EqualsLiteral(noun, "administration") && !EqualsLiteral(noun, "presidency") &&
          !person_last[doc_.word[i]])
        return i + 1;
      const int k = covered[i];
      if (k >= 0 && cands_[k].e - cands_[k].b != 1) return i + 1;  // a longer name holds it
      if (k >= 0 && !EqualsLiteral(cands_[k].type, "PERSON") &&
          !EqualsLiteral(cands_[k].type, "ORG") && !EqualsLiteral(cands_[k].type, "GPE"))
        return i + 1;
      forms.insert(doc_.Text(i));
      if (k < 0) bare.push_back(i);
      return i + 1;
    });
    if (forms.empty()) return;
    auto company_noun = [&](uint32_t i) {
      if (i < n && doc_.tokens[i].Is(kPossessive)) ++i;
      return i < n && doc_.tokens[i].kind == TokenKind::kWord && In<kCompanyNouns>(Word(i));
    };
    for (Cand& c : cands_) {
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e - c.b == 1 &&
          forms.count(doc_.Text(c.b)) && !company_noun(c.e)) {
        c.type = "PERSON";
        c.unsure = false;
      }
    }
    if (bare.empty()) return;
    for (uint32_t i : bare) cands_.push_back(Cand::Span(i, i + 1, "PERSON"));
    std::stable_sort(cands_.begin(), cands_.end(),
                     [](const Cand& a, const Cand& b) { return a.b < b.b; });
  }
  // "Gennifer Flowers", "Nikki Haley", "Jeb Bush" read as ORG or GPE at one
  // mention (a headline, a numbered list) and as PERSON at as many others or
  // more: a name of two or three capitalized words, written the same way as
  // those, is that person, when no word of it heads names ("... Center"), is
  // written in lower case ("Judicial Watch") or opens a name of the lexicons.
  void FullNamesOneType() {
    auto span = [&](const Cand& c) {
      return doc_.text.substr(doc_.tokens[c.b].span.start,
                              doc_.tokens[c.e - 1].span.end - doc_.tokens[c.b].span.start);
    };
    const size_t n = doc_.tokens.size();
    // The ORG and GPE candidates in question (a text has few, but a text may
    // repeat one thousands of times), by the id of their first word, and per
    // form (text and token count) the PERSON mentions minus the other mentions:
    // counted once per form, not once per candidate of the form (quadratic).
    struct Other {
      uint32_t word;
      size_t cand;
    };
    std::vector<Other> others;
    std::map<std::pair<std::string_view, uint32_t>, int> counts;
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b < 2 ||
          c.e - c.b > 3 || context_.caps_line[c.b] == 1 || !GivenName(c.b) ||
          (context_.gazetteer[c.b] && (context_.gazetteer[c.b] - 1) / 4 != NameLexicon::kFirstName))
        continue;
      // A listed given name first (not WikiGold's "Bowling Green" of a band),
      // capitalized words that head no name.
      bool names = true;
      for (uint32_t i = c.b; i < c.e && names; ++i) {
        const Token& t = doc_.tokens[i];
        names = t.kind == TokenKind::kWord && t.Is(kCapitalized) && !t.Is(kAllCaps) &&
                !NameHead(i) && !(context_.word_bits[i] & 2);
      }
      if (!names) continue;
      others.push_back({doc_.word[c.b], k});
      counts.emplace(std::make_pair(span(c), c.e - c.b), 0);
    }
    if (others.empty()) return;
    std::vector<uint32_t> first_words;
    for (const Other& o : others) first_words.push_back(o.word);
    std::sort(first_words.begin(), first_words.end());
    for (const Cand& c : cands_) {
      const bool person = EqualsLiteral(c.type, "PERSON");
      if ((!person && !EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) ||
          c.e - c.b < 2 || c.e - c.b > 3)
        continue;
      if (!std::binary_search(first_words.begin(), first_words.end(), doc_.word[c.b])) continue;
      auto form = counts.find(std::make_pair(span(c), c.e - c.b));
      if (form == counts.end()) continue;
      uint32_t i = c.e;  // "Wells Fargo CEO John Stumpf": a company's
      if (i < n && doc_.tokens[i].Is(kPossessive)) ++i;
      const bool company =
          i < n && doc_.tokens[i].kind == TokenKind::kWord && In<kCompanyNouns>(Word(i));
      form->second += company ? -1000 : person ? 1 : -1;
    }
    for (const Other& o : others) {
      Cand& c = cands_[o.cand];
      const std::string f = Folded(c.b, c.e);
      if (counts[std::make_pair(span(c), c.e - c.b)] >= 0 && !lex_.org.count(f) &&
          !lex_.place.count(f) && !lex_.country.count(f)) {
        c.type = "PERSON";
        c.unsure = false;
      }
    }
  }
  // A capitalized word (not in capitals) that no lexicon or the city list
  // knows, that the text never writes in lower case and that heads no name:
  // a person's name may be one.
  bool UnknownNameWord(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || !t.Is(kCapitalized) || t.Is(kAllCaps) ||
        context_.caps_line[i] || (context_.word_bits[i] & 2) || (context_.lists[i] & 1) ||
        (context_.gazetteer[i] && (context_.gazetteer[i] - 1) / 4 != NameLexicon::kFirstName))
      return false;
    const std::string_view w = Word(i);
    return !NameHead(i) && !In<kFunctionWords>(w) && !In<kPeopleGroups>(w) &&
           !lex_.demonym.count(w) && !lex_.org.count(w) && !lex_.place.count(w) &&
           !lex_.country.count(w);
  }
  // "Donald Trump" and "Trump" read as ORG in some paragraphs (the tagger's
  // history of "the Trump campaign", "Trump University"), "Assad" as GPE: a
  // one-word name the text also has as a PERSON, with a sign of a person at one
  // of its mentions (PersonSign), is that person at every mention not followed
  // by a company's noun ("Trump shares"); then a given name and that surname
  // read as ORG or GPE is the person too.
  void PersonsBySigns() {
    // Sets of token texts, as bits per Document word id (a ViewSet hashed
    // every text and allocated a node a member): the one-word PERSON
    // candidates (kPerson) and the forms with a sign of a person (kSigned).
    enum : uint8_t { kPerson = 1, kSigned = 2 };
    std::vector<uint8_t> sets(doc_.words(), 0);
    bool any = false;
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "PERSON") && c.e - c.b == 1) {
        sets[doc_.word[c.b]] |= kPerson;
        any = true;
      } else if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e - c.b == 1 &&
                 c.b > 0 && doc_.tokens[c.b - 1].Is(kCapitalized) &&
                 (Courtesy(Word(c.b - 1)) || IsRoleWord(c.b - 1)) && UnknownNameWord(c.b)) {
        // "the very moderate Governor Kasich", "President Ford": a title before
        // a word no list knows, where the tagger found no PERSON of that name.
        sets[doc_.word[c.b]] |= kPerson;
        any = true;
      }
    }
    if (!any) return;
    const size_t n = doc_.tokens.size();
    auto other = [&](const Cand& c) {
      return (EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e - c.b == 1 &&
             (sets[doc_.word[c.b]] & kPerson) && !context_.caps_line[c.b] &&
             !doc_.tokens[c.b].Is(kAllCaps);
    };
    // "Manafort's and Gates's relationship": joined by "and" to a person's name,
    // both possessive (not "Julian Assange and WikiLeaks").
    // Per token (and the end): 1 where a PERSON candidate begins, 2 where one ends.
    std::vector<uint8_t> person_at(n + 1, 0);
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON")) continue;
      person_at[c.b] |= 1;
      person_at[c.e] |= 2;
    }
    // "Manafort's and Gates's": both names possessive, one side a person.
    auto beside_person = [&](uint32_t i) {
      if (i + 1 >= n || !doc_.tokens[i + 1].Is(kPossessive)) return false;
      const uint32_t after = i + 2;  // "and" after the name's "'s"
      if (after + 1 < n && EqualsLiteral(Word(after), "and") && (person_at[after + 1] & 1)) {
        for (const Cand& p : cands_) {
          if (p.b == after + 1 && EqualsLiteral(p.type, "PERSON"))
            return p.e < n && doc_.tokens[p.e].Is(kPossessive);
        }
      }
      // "and" before the name: a person's name ends at i - 2, before its "'s".
      return i >= 2 && EqualsLiteral(Word(i - 1), "and") && doc_.tokens[i - 2].Is(kPossessive) &&
             (person_at[i - 2] & 2);
    };
    bool signed_any = false;
    for (const Cand& c : cands_) {
      if ((other(c) || (EqualsLiteral(c.type, "PERSON") && c.e - c.b == 1)) &&
          (PersonSign(c.b) || (other(c) && beside_person(c.b)))) {
        sets[doc_.word[c.b]] |= kSigned;
        signed_any = true;
      }
    }
    if (!signed_any) return;
    auto company_noun = [&](uint32_t i) {
      if (i < n && doc_.tokens[i].Is(kPossessive)) ++i;
      return i < n && doc_.tokens[i].kind == TokenKind::kWord && In<kCompanyNouns>(Word(i));
    };
    for (Cand& c : cands_) {
      if (other(c) && (sets[doc_.word[c.b]] & kSigned) && !company_noun(c.e)) c.type = "PERSON";
    }
    for (Cand& c : cands_) {
      if ((!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) || c.e - c.b < 2 ||
          c.e - c.b > 3 || !(sets[doc_.word[c.e - 1]] & kSigned) || !GivenName(c.b) ||
          (context_.lists[c.b] & 1) || context_.caps_line[c.b] || company_noun(c.e))
        continue;
      bool names = true;
      for (uint32_t i = c.b; i < c.e; ++i) {
        names = names && doc_.tokens[i].Is(kCapitalized) && !NameHead(i) &&
                !(context_.word_bits[i] & 2);
      }
      const std::string f = Folded(c.b, c.e);
      if (names && !lex_.org.count(f) && !lex_.place.count(f) && !lex_.country.count(f))
        c.type = "PERSON";
    }
  }
  // "Carrier" ORG 37 times and PERSON twice, "EgyptAir", "LinkedIn": a one-word
  // name typed ORG at twice as many mentions as PERSON, with no sign of a person
  // at any (PersonSign), that is no given name and no part of a full name in the
  // text, is the organization at every mention.
  // "Ilona does all she can": "he" or "she" within five words after token e - 1,
  // with no punctuation or capitalized word between.
  bool PronounAfter(uint32_t e) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    for (uint32_t k = e; k < n && k < e + 5; ++k) {
      const Token& t = doc_.tokens[k];
      if (t.kind != TokenKind::kWord || t.Is(kCapitalized)) return false;
      if (EqualsLiteral(Word(k), "he") || EqualsLiteral(Word(k), "she")) return true;
    }
    return false;
  }
  void OrgsByMajority() {
    ViewMap<std::pair<int, int>> counts;  // ORG, PERSON
    for (const Cand& c : cands_) {
      if (c.e - c.b != 1) continue;
      if (EqualsLiteral(c.type, "ORG")) ++counts[doc_.Text(c.b)].first;
      if (EqualsLiteral(c.type, "PERSON")) ++counts[doc_.Text(c.b)].second;
    }
    ViewSet forms;
    for (const auto& [w, n] : counts) {
      if (n.second > 0 && n.first >= 2 * n.second) forms.insert(w);
    }
    if (forms.empty()) return;
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON")) continue;
      if (c.e - c.b >= 2) {  // a surname, or a given name ("Meles Zenawi" ... "Meles")
        forms.erase(doc_.Text(c.e - 1));
        forms.erase(doc_.Text(c.b));
      }
      if (c.e - c.b == 1 && (PersonSign(c.b) || GivenName(c.b) || PronounAfter(c.e)))
        forms.erase(doc_.Text(c.b));
    }
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "ORG") && c.e - c.b == 1 && (PersonSign(c.b) || PronounAfter(c.e)))
        forms.erase(doc_.Text(c.b));
    }
    for (Cand& c : cands_) {
      if (EqualsLiteral(c.type, "PERSON") && c.e - c.b == 1 && forms.count(doc_.Text(c.b)))
        c.type = "ORG";
    }
  }
  // "CPAC" GPE after "At" and ORG at five other mentions, "Nafta" GPE after
  // "provisions of" and ORG elsewhere, "Newtown" ORG in a list and GPE before
  // ", Connecticut": a name typed ORG at some mentions and GPE at others is one
  // of the two at every mention. A place when a list knows it as one or built
  // like one (not ending in an institution's word: "Louisville Islamic
  // Center"), or one of its mentions has a sign only places have (after "in",
  // before ", Connecticut", listed with a known place: StrongPlaceSign); else
  // an organization ("at", "of" are signs of either). Not a mention before a
  // company's noun ("Cleveland shares").
  void OrgsOrPlacesOneType() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    // Per first word (Document word id): 1 an ORG opens with it, 2 a GPE.
    std::vector<uint8_t> seen(doc_.words(), 0);
    bool both = false;
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "ORG") && !EqualsLiteral(c.type, "GPE")) continue;
      uint8_t& s = seen[doc_.word[c.b]];
      s |= EqualsLiteral(c.type, "ORG") ? 1 : 2;
      both = both || s == 3;
    }
    if (!both || Teams()) return;
    auto span = [&](const Cand& c) {
      return doc_.text.substr(doc_.tokens[c.b].span.start,
                              doc_.tokens[c.e - 1].span.end - doc_.tokens[c.b].span.start);
    };
    std::vector<size_t> group;  // candidates whose first word opens both types
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) &&
          seen[doc_.word[c.b]] == 3)
        group.push_back(k);
    }
    // By first word, length and text: the text is compared only within the first two.
    std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) {
      const Cand& x = cands_[a];
      const Cand& y = cands_[b];
      if (doc_.word[x.b] != doc_.word[y.b]) return doc_.word[x.b] < doc_.word[y.b];
      if (x.e - x.b != y.e - y.b) return x.e - x.b < y.e - y.b;
      return span(x) < span(y);
    });
    // The forms typed both ways: [begin, end) of group.
    std::vector<std::pair<size_t, size_t>> mixed;
    for (size_t at = 0; at < group.size();) {
      size_t end = at + 1;
      const std::string_view form = span(cands_[group[at]]);
      while (end < group.size() && span(cands_[group[end]]) == form) ++end;
      bool org = false, gpe = false;
      for (size_t x = at; x < end; ++x)
        (EqualsLiteral(cands_[group[x]].type, "ORG") ? org : gpe) = true;
      if (org && gpe) mixed.emplace_back(at, end);
      at = end;
    }
    if (mixed.empty()) return;
    std::vector<uint32_t> starts, ends;  // of places a list knows, in text order
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "GPE") &&
          (LexiconGpe(c.b, c.e) || (c.e - c.b == 1 && (context_.lists[c.b] & 1)))) {
        starts.push_back(c.b);
        ends.push_back(c.e);
      }
    }
    auto sep = [&](uint32_t k) {
      return EqualsLiteral(doc_.Text(k), ",") || EqualsLiteral(Word(k), "and") ||
             EqualsLiteral(Word(k), "or");
    };
    auto listed = [&](const Cand& c) {
      return (c.b >= 2 && sep(c.b - 1) && std::binary_search(ends.begin(), ends.end(), c.b - 1)) ||
             (c.e + 1 < n && sep(c.e) && std::binary_search(starts.begin(), starts.end(), c.e + 1));
    };
    auto company_noun = [&](uint32_t i) {
      if (i < n && doc_.tokens[i].Is(kPossessive)) ++i;
      return i < n && doc_.tokens[i].kind == TokenKind::kWord && In<kCompanyNouns>(Word(i));
    };
    for (const auto& [at, end] : mixed) {
      const Cand& first = cands_[group[at]];
      const std::string f = Folded(first.b, first.e);
      if (lex_.org.count(f)) continue;
      const bool institution =
          first.e - first.b >= 2 &&
          (In<kInstitutionWords>(Word(first.e - 1)) || lex_.org_words.count(Word(first.e - 1)));
      bool place = KnownPlace(first.b, first.e) && !institution;
      for (size_t x = at; x < end && !place; ++x) {
        const Cand& c = cands_[group[x]];
        place = StrongPlaceSign(c.b, c.e) || listed(c);
      }
      for (size_t x = at; x < end; ++x) {
        Cand& c = cands_[group[x]];
        if (place && company_noun(c.e)) continue;
        c.type = place ? "GPE" : "ORG";
        c.unsure = false;
      }
    }
  }
  // The part of "al-Assad", "el-Qaddafi" after its article, or "" for a token
  // that is no such surname.
  std::string_view AfterArticle(uint32_t i) const {
    const std::string_view w = doc_.Text(i);
    if (w.size() < 5 || (w[0] != 'a' && w[0] != 'e') || w[1] != 'l' || w[2] != '-' || w[3] < 'A' ||
        w[3] > 'Z')
      return {};
    return w.substr(3);
  }
  // "Bashar al-Assad", "Anwar al-Awlaki", "Ansar al-Sharia": the tagger stops at
  // the surname's article in lower case ("Bashar" was a PERSON or a GPE). The
  // name runs on over it; one that is no ORG is a person's.
  void ArticleParticles() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    for (size_t k = 0; k < cands_.size(); ++k) {
      Cand& c = cands_[k];
      if (c.e >= n || AfterArticle(c.e).empty() || EqualsLiteral(c.type, "NORP") ||
          (k + 1 < cands_.size() && cands_[k + 1].b <= c.e) ||
          doc_.tokens[c.e].span.start != doc_.tokens[c.e - 1].span.end + 1)
        continue;
      ++c.e;
      c.unsure = false;
      if (!EqualsLiteral(c.type, "ORG") || GivenName(c.b)) c.type = "PERSON";
    }
  }
  // A given name by either list (the tagger's large list or the gazetteer's).
  bool GivenName(uint32_t i) const {
    const int code = context_.gazetteer[i];
    return (context_.lists[i] & 2) || (code && (code - 1) / 4 == NameLexicon::kFirstName);
  }
  // A word with the suffix of an abstract noun ("Immigration", "Enforcement").
  bool AbstractNoun(uint32_t i) const {
    const std::string_view w = Word(i);
    for (std::string_view x : {"tion", "sion", "ment", "ity", "ance", "ence"}) {
      if (w.size() > x.size() + 3 && w.substr(w.size() - x.size()) == x) return true;
    }
    return false;
  }
  // "the 101st Airborne Division", "65th Air Division": an ordinal in digits
  // right before an organization whose last word names a military unit is part
  // of its name (the tagger leaves it out now and then).
  void NumberedUnits() {
    static const char* const kUnits[] = {
        "division", "brigade", "regiment",  "battalion", "corps",    "army",
        "fleet",    "force",   "forces",    "wing",      "squadron", "command",
        "infantry", "cavalry", "artillery", "airborne",  "marines",  "guard",
        "flotilla", "company", "group",     "legion",    nullptr};
    for (size_t x = 0; x < cands_.size(); ++x) {
      Cand& c = cands_[x];
      if (!EqualsLiteral(c.type, "ORG") || c.b == 0 || !In<kUnits>(Word(c.e - 1))) continue;
      const uint32_t o = c.b - 1;
      if (x > 0 && cands_[x - 1].e > o) continue;
      const Token& t = doc_.tokens[o];
      const std::string_view w = doc_.Text(o);
      if (t.kind != TokenKind::kNumber || w.size() < 3 || w[0] < '1' || w[0] > '9' ||
          doc_.SentenceOf(o) != doc_.SentenceOf(c.b))
        continue;
      size_t d = 0;
      while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
      const std::string_view suffix = w.substr(d);
      if (EqualsLiteral(suffix, "st") || EqualsLiteral(suffix, "nd") ||
          EqualsLiteral(suffix, "rd") || EqualsLiteral(suffix, "th"))
        c.b = o;
    }
  }
  // Organization names the tagger cut at an inner preposition or "and": "the
  // Commission" + "on Presidential Debates", "Center of Media Justice";
  // "Immigration and Customs Enforcement" (a word the text also writes in lower
  // case or an abstract noun, "and", an organization of two words or more).
  void MergeOrgNames() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    auto plain_cap = [&](uint32_t i) {
      const Token& t = doc_.tokens[i];
      return t.kind == TokenKind::kWord && t.Is(kCapitalized) && !t.Is(kSentenceStart) &&
             !context_.caps_line[i] && !In<kFunctionWords>(Word(i)) && !In<kWeekdays>(Word(i)) &&
             !In<kRoleStops>(Word(i));
    };
    std::vector<Cand> out;
    out.reserve(cands_.size());
    for (size_t k = 0; k < cands_.size(); ++k) {
      Cand c = std::move(cands_[k]);
      // "X and <ORG>": X one capitalized word, a common noun.
      if (c.e - c.b == 1 && !EqualsLiteral(c.type, "PERSON") && !EqualsLiteral(c.type, "NORP") &&
          c.e + 1 < n && EqualsLiteral(Word(c.e), "and") && k + 1 < cands_.size() &&
          cands_[k + 1].b == c.e + 1 &&
          (EqualsLiteral(cands_[k + 1].type, "ORG") ||
           (EqualsLiteral(cands_[k + 1].type, "PERSON") && AbstractNoun(cands_[k + 1].e - 1) &&
            !GivenName(cands_[k + 1].b))) &&
          cands_[k + 1].e - cands_[k + 1].b >= 2 && plain_cap(c.b) &&
          ((context_.word_bits[c.b] & 2) || AbstractNoun(c.b)) && !lex_.country.count(Word(c.b)) &&
          !lex_.place.count(Word(c.b)) && !In<kPlacePrefixes>(Word(c.b)) &&
          !lex_.demonym.count(Word(cands_[k + 1].e - 1))) {
        c.e = cands_[k + 1].e;
        c.type = "ORG";
        ++k;
      }
      // "<ORG ending in an organization word> of|for|on <capitalized words>".
      if ((EqualsLiteral(c.type, "ORG") || EqualsLiteral(c.type, "GPE")) && c.e + 1 < n &&
          lex_.org_words.count(Word(c.e - 1)) && !In<kCompanyWords>(Word(c.e - 1)) &&
          !context_.caps_line[c.e - 1]) {
        const std::string_view prep = Word(c.e);
        const std::string_view head = Word(c.e - 1);
        const bool on = EqualsLiteral(prep, "on") &&
                        (EqualsLiteral(head, "commission") || EqualsLiteral(head, "committee") ||
                         EqualsLiteral(head, "council"));
        if ((EqualsLiteral(prep, "of") || EqualsLiteral(prep, "for") || on) && plain_cap(c.e + 1)) {
          uint32_t end = c.e + 1;
          while (end < n && plain_cap(end)) ++end;
          // Candidates inside the run must end in it and not be people.
          size_t j = k + 1;
          bool ok = true;
          for (; j < cands_.size() && cands_[j].b < end; ++j) {
            ok = ok && cands_[j].e <= end && !EqualsLiteral(cands_[j].type, "PERSON");
          }
          if (ok) {
            c.e = end;
            c.type = "ORG";
            k = j - 1;
          }
        }
      }
      // "the event organizer [Alliance] to [Reclaim Our Schools]", "Committee to
      // Protect Journalists": a group's name, "to" and a capitalized phrase of two
      // words or more that opens with no name a list knows.
      // ("Alliance" alone may be read as a person's name.)
      if ((EqualsLiteral(c.type, "ORG") || (EqualsLiteral(c.type, "PERSON") && c.e - c.b == 1)) &&
          c.e + 2 < n && EqualsLiteral(Word(c.e), "to") && In<kToGroups>(Word(c.e - 1)) &&
          plain_cap(c.e + 1) && !context_.gazetteer[c.e + 1] && !context_.lists[c.e + 1] &&
          !GivenName(c.e + 1)) {
        uint32_t end = c.e + 1;
        while (end < n && doc_.tokens[end].kind == TokenKind::kWord &&
               doc_.tokens[end].Is(kCapitalized) && !doc_.tokens[end].Is(kSentenceStart) &&
               end - c.e <= 6)
          ++end;
        size_t j = k + 1;
        bool ok = end - c.e >= 3;
        for (; ok && j < cands_.size() && cands_[j].b < end; ++j) {
          ok = cands_[j].e <= end && !EqualsLiteral(cands_[j].type, "PERSON");
        }
        if (ok && !lex_.org.count(FoldedView(c.e + 1, end)) &&
            !lex_.place.count(FoldedView(c.e + 1, end))) {
          c.e = end;
          c.type = "ORG";
          k = j - 1;
        }
      }
      out.push_back(std::move(c));
    }
    cands_.swap(out);
  }

  // "NORP" for a people group: words each a demonym ("Americans") or a religious,
  // ethnic or political group ("Hispanics", "Sunni Muslims", "Democrats"), or
  // "African-Americans"; linked to the last demonym's country.
  // "texan", "iowan", "ohioan", "floridian", "oregonian", "vermonter": a
  // word built on a state's (or another GPE's) name of the place lexicon.
  bool StateDemonym(std::string_view w) const {
    if (w.size() < 5 || (w.back() != 'n' && !(w.back() == 'r' && w[w.size() - 2] == 'e')))
      return false;
    auto gpe = [&](const std::string& base) {
      if (base.size() < 4) return false;
      auto p = lex_.place.find(base);
      return p != lex_.place.end() && p->second == "GPE";
    };
    const std::string x(w);
    const size_t n = x.size();
    if (w.back() == 'r') return gpe(x.substr(0, n - 2));  // "vermonter"
    const bool an = x.compare(n - 2, 2, "an") == 0, ian = x.compare(n - 3, 3, "ian") == 0;
    return (an && gpe(x.substr(0, n - 1))) ||         // "iowan"
           (an && gpe(x.substr(0, n - 2))) ||         // "ohioan"
           (ian && gpe(x.substr(0, n - 3))) ||        // "oregonian"
           (ian && gpe(x.substr(0, n - 3) + "a")) ||  // "floridian"
           (an && gpe(x.substr(0, n - 1) + "s"));     // "texan", "kansan"
  }
  std::string_view PeopleGroup(std::string_view f, std::string_view* country) const {
    std::string_view link;
    size_t parts = 0;
    for (size_t at = 0; at <= f.size();) {
      size_t end = at;  // the next space or hyphen (find_first_of's call cost more)
      while (end < f.size() && f[end] != ' ' && f[end] != '-') ++end;
      const std::string_view w = std::string_view(f).substr(at, end - at);
      at = end + 1;
      if (w.empty()) continue;
      ++parts;
      auto d = lex_.demonym.find(w);
      if (d == lex_.demonym.end() && w.size() > 1 && w.back() == 's')
        d = lex_.demonym.find(w.substr(0, w.size() - 1));
      const std::string_view one =  // "Asians" -> "asian"
          w.size() > 1 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
      if (d != lex_.demonym.end()) {
        link = d->second;
      } else if (In<kPeopleGroups>(w) || EqualsLiteral(one, "african") ||
                 EqualsLiteral(one, "asian") || EqualsLiteral(one, "native") ||
                 EqualsLiteral(one, "european") || EqualsLiteral(one, "american") ||
                 (EqualsLiteral(w, "eastern") && parts == 2 && f.compare(0, 7, "middle ") == 0) ||
                 StateDemonym(one)) {
        link = {};
      } else if (at < f.size() && parts == 1 && In<kRegions>(w)) {
        // "Central Americans", "Middle Eastern", "Central Asian": a region's
        // word before a demonym (the loop checks what follows).
        link = {};
      } else {
        return "";
      }
    }
    if (parts == 0 || parts > 3) return "";
    // "Lithuanian Americans" is not the Americans: only a lone demonym links.
    *country = parts == 1 ? link : std::string_view();
    return "NORP";
  }

  // TypeOf's answers, one per distinct span (Collect asks it of every
  // candidate; most names come again: "Trump" ... "Trump"). TypeOf reads only
  // the span's text (folded), its words, their count, the tagger's type, its
  // first word's case and given-name bit (GivenName: the tagger's lists and
  // gazetteer, which may differ between mentions) and facts of the whole
  // document, so two spans alike in all of these get the same answer. Only
  // the last kAlikeWalk spans opening with the same word are compared (a text
  // of many names opening with one word stays linear); past them TypeOf runs.
  static constexpr uint32_t kAlikeWalk = 8;
  struct TypedSpan {
    uint32_t b, e;  // the first such span
    uint32_t bits;  // the tagger's type, case and given-name bits
    uint32_t next;  // 1 + the next entry of spans opening with the same word, 0: none
    std::string_view type, country;
    bool country_set;  // whether TypeOf wrote *country
  };
  struct TypedSpans {
    explicit TypedSpans(uint32_t words) : head(words, 0) {}
    std::vector<uint32_t> head;  // per Document word: 1 + the last entry opening with it
    std::vector<TypedSpan> done;
  };
  std::string_view TypeOnce(uint32_t b, uint32_t e, int conll, std::string_view* country,
                            TypedSpans* typed) const {
    const uint32_t bits = static_cast<uint32_t>(conll) << 2 |
                          (doc_.tokens[b].Is(kCapitalized) ? 2u : 0u) | (GivenName(b) ? 1u : 0u);
    uint32_t& head = typed->head[doc_.word[b]];
    for (uint32_t x = head, walked = 0; x != 0 && walked < kAlikeWalk; ++walked) {
      const TypedSpan& t = typed->done[x - 1];
      x = t.next;
      if (t.bits != bits || t.e - t.b != e - b) continue;
      if (e - b > 1) {  // the same words, and the same text between them
        bool same = true;
        for (uint32_t k = 1; k < e - b && same; ++k) same = doc_.word[b + k] == doc_.word[t.b + k];
        const uint32_t start = doc_.tokens[b].span.start, tstart = doc_.tokens[t.b].span.start;
        const uint32_t size = doc_.tokens[e - 1].span.end - start;
        if (!same || doc_.tokens[t.e - 1].span.end - tstart != size ||
            std::memcmp(doc_.text.data() + start, doc_.text.data() + tstart, size) != 0)
          continue;
      }
      if (t.country_set) *country = t.country;
      return t.type;
    }
    // A sentinel: TypeOf wrote *country when this view is no longer it.
    static const char kUnset = 0;
    std::string_view got(&kUnset, 0);
    const std::string_view type = TypeOf(b, e, conll, &got);
    const bool set = got.data() != &kUnset || !got.empty();
    if (set) *country = got;
    typed->done.push_back({b, e, bits, head, type, got, set});
    head = static_cast<uint32_t>(typed->done.size());
    return type;
  }

  std::string_view TypeOf(uint32_t b, uint32_t e, int conll, std::string_view* country) const {
    // (A one-word name's is the Document's folded word: no copy.)
    const std::string_view f = FoldedInto(b, e, &type_buf_);
    std::string_view last = Word(e - 1);
    std::string_view first = Word(b);
    // The country and place lexicons' answers, looked up once (the paths below
    // each asked again).
    const bool is_country = lex_.country.count(f) != 0;
    const auto place = is_country ? lex_.place.end() : lex_.place.find(f);
    // A lone demonym tagged ORG is kept ("Indians", a team), a group or a
    // compound is not ("Hispanics", "African-Americans").
    if (!is_country && place == lex_.place.end() &&
        (conll != ner::kOrg || In<kPeopleGroups>(f) ||
         std::any_of(f.begin(), f.end(), [](char ch) { return ch == ' ' || ch == '-'; }))) {
      if (std::string_view g = PeopleGroup(f, country); !g.empty()) return g;
    }
    if (conll == ner::kMisc) {
      auto d = lex_.demonym.find(f);
      if (d == lex_.demonym.end() && f.size() > 1 && f.back() == 's')
        d = lex_.demonym.find(f.substr(0, f.size() - 1));
      if (d != lex_.demonym.end()) {
        *country = d->second;
        return "NORP";
      }
      for (uint32_t i = b; i < e; ++i) {
        if (In<kEventWords>(Word(i))) return "EVENT";
      }
      // "the Champions League", "Europa League" in a report on a game are
      // competitions (the "Arab League" elsewhere is no event).
      if (e - b >= 2 && EqualsLiteral(last, "league") && SportsReport()) return "EVENT";
      if (e - b == 1 && doc_.tokens[b].Is(kCapitalized)) {
        for (const char* suffix : {"ian", "ians", "ese", "ish", "ean", "eans"}) {
          size_t n = std::char_traits<char>::length(suffix);
          if (f.size() > n + 2 && f.compare(f.size() - n, n, suffix) == 0) return "NORP";
        }
      }
      return "";
    }
    if ((EqualsLiteral(first, "battle") || EqualsLiteral(first, "siege")) && e - b > 2)
      return "EVENT";
    if (conll == ner::kPer) {
      if (lex_.org.count(f) || (e - b >= 2 && In<kInstitutionWords>(last))) return "ORG";
      // "Rikers Island", "Kaneohe Bay" (but "Michael Bay").
      if (e - b >= 2 && In<kNaturalWords>(last) && !GivenName(b)) return "LOC";
      if (is_country) return "GPE";
      if (place != lex_.place.end() && !EqualsLiteral(f, "austin") &&
          !EqualsLiteral(f, "washington"))
        return place->second;
      return "PERSON";
    }
    if (conll == ner::kOrg) {
      // "Etihad Stadium", "Quicken Loans Arena", "George Washington Bridge":
      // built things whose name no organization takes ("Crystal Palace", "Wall
      // Street", "Trump Tower", a radio "station" stay with the tagger; so do
      // airports, ORGs in CoNLL and WikiGold: "Kansai International Airport").
      if (e - b > 1 && (EqualsLiteral(last, "base") || EqualsLiteral(last, "stadium") ||
                        EqualsLiteral(last, "arena") || EqualsLiteral(last, "bridge") ||
                        EqualsLiteral(last, "tunnel") || EqualsLiteral(last, "highway") ||
                        EqualsLiteral(last, "airfield") || EqualsLiteral(last, "dam") ||
                        EqualsLiteral(last, "canal")))
        return "FAC";
      return "ORG";
    }
    // LOC
    if (is_country) return "GPE";
    if (place != lex_.place.end()) return place->second;
    if (lex_.org.count(f)) return "ORG";
    // "the A. Philip Randolph Institute", "the United States Senate", "Western
    // Union": a name ending in an institution's or an organization's word is no
    // place (a "... Center" may be a venue or a district, a hospital, a museum,
    // a library, a church or an office a building: see Collect; "the Left Bank").
    if (e - b > 1 && (In<kInstitutionWords>(last) || lex_.org_words.count(last)) &&
        !EqualsLiteral(last, "center") && !EqualsLiteral(last, "centre") &&
        !EqualsLiteral(last, "museum") && !EqualsLiteral(last, "library") &&
        !EqualsLiteral(last, "hospital") && !EqualsLiteral(last, "church") &&
        !EqualsLiteral(last, "office") && !EqualsLiteral(last, "exchange") &&
        !EqualsLiteral(last, "bank"))
      return "ORG";
    if (e - b > 1 && In<kFacilityWords>(last)) return "FAC";
    if (e - b > 1 && (In<kNaturalWords>(last) || In<kNaturalWords>(first))) return "LOC";
    return "GPE";
  }

  // One type per surface form: the majority of its mentions (the first on a tie).
  void VoteTypes() {
    std::map<std::string, std::map<std::string_view, int>> votes;
    std::map<std::string, std::string_view> first;
    for (const Cand& c : cands_) {
      if (EqualsLiteral(c.type, "NORP") || EqualsLiteral(c.type, "EVENT")) continue;
      std::string f = Folded(c.b, c.e);
      votes[f][c.type] += 2 - (doc_.tokens[c.b].Is(kSentenceStart) ? 1 : 0);
      first.try_emplace(f, c.type);
    }
    for (Cand& c : cands_) {
      if (EqualsLiteral(c.type, "NORP") || EqualsLiteral(c.type, "EVENT")) continue;
      std::string f = Folded(c.b, c.e);
      const auto& v = votes[f];
      std::string_view best = first[f];
      for (const auto& [type, n] : v) {
        if (n > v.at(best)) best = type;
      }
      c.type = best;
    }
  }

  // Names seen once are found again where the tagger missed them; a later
  // "Austin" is the person "Lloyd Austin".
  void ExtendMentions() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    std::vector<uint8_t> covered(n, 0);  // 1: inside a candidate
    for (const Cand& c : cands_) {
      for (uint32_t i = c.b; i < c.e; ++i) covered[i] = 1;
    }
    // The surnames of persons' names, by the Document word id of the token
    // text (bit 1: a surname): the look-ups below are all of a token's text,
    // so a vector per word replaces a hash map of the texts. Bit kNoDemonym:
    // a word the demonym lexicon was asked for and does not hold.
    std::vector<uint8_t> surname(doc_.words(), 0);
    constexpr uint8_t kNoDemonym = 2;
    // "Bashar al-Assad" ... "Assad": a part of a token's text, which may be
    // no token's text, so by its text (rarely any).
    ViewSet surname_parts;
    auto is_surname = [&](uint32_t i) {
      return (surname[doc_.word[i]] & 1) != 0 ||
             (!surname_parts.empty() && surname_parts.count(doc_.Text(i)) > 0);
    };
    // First token's word id -> 1 + (the cand << 1 | how many of its tokens to
    // skip), 0 for none: "The GOP" is found again as "GOP" too ("within the
    // GOP"). The first cand of a text keeps it.
    std::vector<uint32_t> forms(doc_.words(), 0);
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if (EqualsLiteral(c.type, "PERSON") && c.e - c.b >= 2 && !Ordinal(c.e - 1)) {
        surname[doc_.word[c.e - 1]] = 1;
        if (std::string_view a = AfterArticle(c.e - 1); !a.empty()) surname_parts.insert(a);
      }
      if (EqualsLiteral(c.type, "NORP") || EqualsLiteral(c.type, "EVENT")) continue;
      uint32_t& form = forms[doc_.word[c.b]];
      if (!form) form = 1 + (static_cast<uint32_t>(k) << 1);
      if (c.e - c.b >= 2 && EqualsLiteral(doc_.Text(c.b), "The")) {
        uint32_t& after = forms[doc_.word[c.b + 1]];
        if (!after) after = 1 + (static_cast<uint32_t>(k) << 1 | 1u);
      }
    }
    // "Zelenskyy's office": a lone capitalized word no lexicon knows, before a
    // possessive and a noun that belongs to a person, is a person, also where the
    // tagger typed it ORG (a CoNLL habit: "Fed's", "Nike's") or left it out at a
    // sentence start.
    auto personal = [&](uint32_t i) {
      const Token& t = doc_.tokens[i];
      if (t.kind != TokenKind::kWord || !t.Is(kCapitalized) || t.Is(kAllCaps) ||
          context_.caps_line[i] || (context_.word_bits[i] & 2) || i + 2 >= n ||
          !doc_.tokens[i + 1].Is(kPossessive) || !In<kPersonalNouns>(Word(i + 2)))
        return false;
      if (i > 0 && doc_.tokens[i - 1].kind == TokenKind::kWord &&
          doc_.tokens[i - 1].Is(kCapitalized) && !t.Is(kSentenceStart))
        return false;  // part of a longer name
      std::string_view f = Word(i);
      return !In<kFunctionWords>(f) && !lex_.org.count(f) && !lex_.country.count(f) &&
             !lex_.place.count(f) && !lex_.demonym.count(f) && !IsRoleWord(i);
    };
    for (Cand& c : cands_) {
      if (c.e - c.b == 1 && EqualsLiteral(c.type, "ORG") && personal(c.b)) c.type = "PERSON";
    }
    // Single-token mentions typed otherwise that are a known surname.
    for (Cand& c : cands_) {
      if (c.e - c.b != 1 || EqualsLiteral(c.type, "PERSON") || EqualsLiteral(c.type, "NORP"))
        continue;
      if (is_surname(c.b)) c.type = "PERSON";
    }
    std::vector<Cand> added;
    ForEachCapWord([&](uint32_t i) -> uint32_t {  // capitalized words
      const Token& t = doc_.tokens[i];
      if (covered[i]) return i + 1;
      std::string_view w = doc_.Text(i);
      if (is_surname(i) && !(i + 1 < n && doc_.tokens[i + 1].Is(kCapitalized) && !covered[i + 1] &&
                             !doc_.tokens[i + 1].Is(kSentenceStart))) {
        added.push_back(Cand::Span(i, i + 1, "PERSON"));
        return i + 1;
      }
      // "the West's job", "The West should ...": the tagger's leftovers of a
      // region that is a compass word after "the" (typed LOC as in Collect).
      if (i > 0 && !t.Is(kAllCaps) && !context_.caps_line[i] && EqualsLiteral(Word(i - 1), "the") &&
          (EqualsLiteral(w, "West") || EqualsLiteral(w, "East")) &&
          !(i + 1 < n && doc_.tokens[i + 1].kind == TokenKind::kWord &&
            doc_.tokens[i + 1].Is(kCapitalized))) {
        added.push_back(Cand::Span(i, i + 1, "LOC"));
        return i + 1;
      }
      if (personal(i)) {
        added.push_back(Cand::Span(i, i + 1, "PERSON"));
        return i + 1;
      }
      if (const uint32_t form = forms[doc_.word[i]]; form != 0) {
        const Cand& src = cands_[(form - 1) >> 1];
        const uint32_t src_b = src.b + ((form - 1) & 1);
        uint32_t len = src.e - src_b;
        if (i + len > n) return i + 1;
        bool same = true;
        for (uint32_t k = 1; k < len && same; ++k) {
          same = !covered[i + k] && doc_.Text(i + k) == doc_.Text(src_b + k);
        }
        // Not inside a longer capitalized run ("Washington Post" is not "Washington"),
        // unless the line is a Title Case headline.
        if (same && !TitleLine(i) && i + len < n && doc_.tokens[i + len].Is(kCapitalized) &&
            !doc_.tokens[i + len].Is(kSentenceStart))
          same = false;
        if (same && i > 0 && doc_.tokens[i - 1].Is(kCapitalized) && !t.Is(kSentenceStart) &&
            !TitleLine(i))
          same = false;
        if (!same) return i + 1;
        added.push_back(Cand::Span(i, i + len, src.type));
        return i + len;
      }
      // Nationality words the tagger left out ("Russian strikes"). (A word
      // the lexicon does not hold is looked up once: sentence openers such as
      // "The", "But", "He" come again and again.)
      uint8_t& known = surname[doc_.word[i]];
      if (known & kNoDemonym) return i + 1;
      auto d = lex_.demonym.find(Word(i));
      if (d == lex_.demonym.end()) known |= kNoDemonym;
      if (d != lex_.demonym.end() &&
          !(i + 1 < n && doc_.tokens[i + 1].Is(kCapitalized) && !covered[i + 1])) {
        Cand c;
        c.b = i;
        c.e = i + 1;
        c.type = "NORP";
        c.country = d->second;
        added.push_back(c);
      }
      return i + 1;
    });
    // Both lists are in text order (almost always): merge them rather than sort
    // candidates that carry strings.
    auto by_start = [](const Cand& a, const Cand& b) { return a.b < b.b; };
    const bool sorted = std::is_sorted(cands_.begin(), cands_.end(), by_start);
    // Peak memory: the per-token map is done with, and the candidates are
    // moved into a vector of their final count (Collect's grew by doubling).
    std::vector<uint8_t>().swap(covered);
    std::vector<Cand> all;
    all.reserve(cands_.size() + added.size());
    if (sorted) {
      std::merge(std::make_move_iterator(cands_.begin()), std::make_move_iterator(cands_.end()),
                 std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()),
                 std::back_inserter(all), by_start);
    } else {
      all.insert(all.end(), std::make_move_iterator(cands_.begin()),
                 std::make_move_iterator(cands_.end()));
      all.insert(all.end(), std::make_move_iterator(added.begin()),
                 std::make_move_iterator(added.end()));
      std::stable_sort(all.begin(), all.end(), by_start);
    }
    cands_.swap(all);
  }

  // "The James Webb Space Telescope has found ... Webb's camera": a one-word
  // PERSON that is a person's surname inside a longer name of another type (a
  // given name before it, more words after it), when the text has no person's
  // full name ending in it and no sign of a person at any of its mentions
  // (PersonSign, "he"/"she" after it), is that name's short form: its type, one
  // entity with it.
  // A verb of speech at token e ("said", "told").
  bool SpeechAfter(uint32_t e) const {
    if (e >= doc_.tokens.size() || !doc_.tokens[e].Is(kLower)) return false;
    const CueVerb* verb = QuoteLexicon::Get().Verb(Word(e));
    return verb && verb->frame == CueFrame::kSpeech;
  }
  void NamedAfterPersons() {
    ViewMap<size_t> inside;  // word -> candidate holding it
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if (EqualsLiteral(c.type, "PERSON") || EqualsLiteral(c.type, "NORP") || c.e - c.b < 3 ||
          context_.caps_line[c.b])
        continue;
      for (uint32_t i = c.b + 1; i + 1 < c.e; ++i) {
        if (GivenName(i - 1) && doc_.tokens[i].Is(kCapitalized) && !doc_.tokens[i].Is(kAllCaps) &&
            !NameHead(i) && !(context_.word_bits[i] & 2))  // not "Golf" of "... Golf Club"
          inside.try_emplace(doc_.Text(i), k);
      }
    }
    if (inside.empty()) return;
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON")) continue;
      if (c.e - c.b >= 2) {
        inside.erase(doc_.Text(c.e - 1));  // "Jane Webb" elsewhere: a person
      } else if (PersonSign(c.b) || PronounAfter(c.e) || SpeechAfter(c.e)) {
        inside.erase(doc_.Text(c.b));  // "Gates said" of the Gates Foundation
      }
    }
    for (Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON") || c.e - c.b != 1) continue;
      auto it = inside.find(doc_.Text(c.b));
      if (it == inside.end()) continue;
      const Cand& name = cands_[it->second];
      c.type = name.type;
      short_names_.try_emplace(Folded(c.b, c.e), Key(name));
    }
  }
  // "Title I", "Cyrus I", "George III", "Jr.": the end of a name that is no
  // surname (every "I" of the text would be found as that person).
  bool Ordinal(uint32_t i) const {
    const std::string_view w = Word(i);
    if (w.size() == 1 || EqualsLiteral(w, "jr.") || EqualsLiteral(w, "sr.") ||
        EqualsLiteral(w, "jr") || EqualsLiteral(w, "sr"))
      return true;
    return w.find_first_not_of("ivx") == std::string_view::npos && doc_.tokens[i].Is(kAllCaps);
  }
  // The cluster key of a candidate within its type.
  std::string Key(const Cand& c) const {
    std::string buf;
    return std::string(KeyInto(c, &buf));
  }
  // Key(c) as a view: of the Document's folded word (a one-word name), of
  // *buf (a longer name, folded into it), of a lexicon's or short_names_'s
  // value, or of a literal. Valid until *buf or short_names_ changes; Cluster
  // asks it of every candidate, where a std::string a key was a copy (and for
  // names over 15 bytes a `new`) before any look-up.
  std::string_view KeyInto(const Cand& c, std::string* buf) const {
    std::string_view f = FoldedInto(c.b, c.e, buf);
    if (EqualsLiteral(f.substr(0, 4), "the ")) f.remove_prefix(4);
    if (!short_names_.empty() && !EqualsLiteral(c.type, "PERSON")) {
      auto it = short_names_.find(std::string(f));  // "Webb" is the "James Webb Space Telescope"
      if (it != short_names_.end()) return it->second;
    }
    if (EqualsLiteral(c.type, "NORP")) {
      // Unlinked groups: "Hispanics" and "Hispanic" are one, and so are
      // "Democrats" and "Democratic" ("Republicans", "Republican").
      if (!c.country.empty()) return c.country;
      if (f.size() > 3 && f.back() == 's') f.remove_suffix(1);
      if (EqualsLiteral(f, "democratic")) f = "democrat";
      return f;
    }
    if (EqualsLiteral(c.type, "GPE") || EqualsLiteral(c.type, "LOC")) {
      auto it = lex_.country.find(f);
      return it != lex_.country.end() ? std::string_view(it->second) : f;
    }
    if (EqualsLiteral(c.type, "ORG")) {
      auto it = lex_.org.find(f);
      if (it != lex_.org.end()) return it->second;
      // "Boeing Co" is the "Boeing" of the next paragraph.
      if (c.e - c.b >= 2 && In<kLegalForms>(Word(c.e - 1))) {
        f = FoldedInto(c.b, c.e - 1, buf);
        if (EqualsLiteral(f.substr(0, 4), "the ")) f.remove_prefix(4);
        it = lex_.org.find(f);
        return it != lex_.org.end() ? std::string_view(it->second) : f;
      }
    }
    return f;
  }

  void SetRoles(Cand* c, std::vector<std::string> roles) {
    if (c->roles) {
      roles_[c->roles - 1] = std::move(roles);
    } else if (!roles.empty()) {
      roles_.push_back(std::move(roles));
      c->roles = static_cast<uint32_t>(roles_.size());
    }
  }

  // "US Defense Secretary Lloyd Austin", "Jim Stavridis, a retired US admiral".
  void Roles(Cand* c) {
    std::vector<std::string> roles;
    if (c->roles) roles = std::move(roles_[c->roles - 1]);
    const Sentence& s = doc_.sentences[doc_.SentenceOf(c->b)];
    // Before the name: a phrase ending in a role word.
    auto before = [&](uint32_t end) -> std::pair<uint32_t, bool> {
      uint32_t head = end;  // just past the role word
      // "Secretary of State Antony Blinken": role word, "of", capitalized words.
      if (end > s.begin && !IsRoleWord(end - 1)) {
        uint32_t j = end;
        while (j > s.begin && end - j < 3 && doc_.tokens[j - 1].kind == TokenKind::kWord &&
               doc_.tokens[j - 1].Is(kCapitalized) && !person_[j - 1])
          --j;
        if (j < end && j >= s.begin + 2 && EqualsLiteral(Word(j - 1), "of") && IsRoleWord(j - 2))
          head = j - 1;
      }
      if (head <= s.begin || !IsRoleWord(head - 1) || person_[head - 1]) return {end, false};
      uint32_t b = head - 1;
      while (b > s.begin && end - b < 7) {
        const Token& t = doc_.tokens[b - 1];
        if (t.kind != TokenKind::kWord || person_[b - 1]) break;
        std::string_view w = Word(b - 1);
        if (In<kRoleStops>(w)) break;
        // A verb between a name and a role: "Blinken met Chinese Foreign Minister".
        if (t.Is(kLower) && !t.Is(kPossessive) && b - 1 > s.begin &&
            doc_.tokens[b - 2].kind == TokenKind::kWord && doc_.tokens[b - 2].Is(kCapitalized) &&
            !doc_.tokens[b - 2].Is(kPossessive))
          break;
        if (t.Is(kPossessive) || t.Is(kCapitalized) || t.Is(kLower) || t.Is(kAllCaps)) {
          --b;
          continue;
        }
        break;
      }
      // Start at a capitalized word or a possessive ("the Pentagon's arms acquisition
      // chief"), not at loose lower-case words ("continue until President").
      while (b + 1 < end &&
             (doc_.tokens[b].Is(kPossessive) || (doc_.tokens[b].Is(kLower) && !IsRoleWord(b))))
        ++b;
      return {b, b < end};
    };
    auto [b1, ok1] = before(c->b);
    if (!ok1 && c->b >= s.begin + 2 && EqualsLiteral(doc_.Text(c->b - 1), ",")) {
      // "the EU's top diplomat, Josep Borrell"
      auto [b0, ok0] = before(c->b - 1);
      if (ok0) roles.push_back(Written(b0, c->b - 1));
    }
    if (ok1) {
      std::string role = Written(b1, c->b);
      if (!roles.empty()) role += " " + roles[0], roles.clear();
      roles.push_back(role);
      // "Ukraine's top commander, General Valery Zaluzhny"
      if (b1 >= s.begin + 2 && EqualsLiteral(doc_.Text(b1 - 1), ",")) {
        auto [b2, ok2] = before(b1 - 1);
        if (ok2) roles.insert(roles.begin(), Written(b2, b1 - 1));
      }
    }
    // After the name: ", a retired US admiral," / ", Ukraine's foreign minister,".
    uint32_t i = c->e;
    if (i + 1 < s.end && EqualsLiteral(doc_.Text(i), ",")) {
      uint32_t b = i + 1;
      std::string_view det = Word(b);
      if (EqualsLiteral(det, "a") || EqualsLiteral(det, "an") || EqualsLiteral(det, "the")) ++b;
      uint32_t e = b, last_role = 0;
      while (e < s.end && e - b < 9) {
        const Token& t = doc_.tokens[e];
        if (t.kind != TokenKind::kWord) break;
        std::string_view w = Word(e);
        if (!EqualsLiteral(w, "of") &&
            !(EqualsLiteral(w, "the") && e > b && EqualsLiteral(Word(e - 1), "of")) &&
            In<kRoleStops>(w))
          break;
        ++e;
        if (IsRoleWord(e - 1)) last_role = e;
      }
      // Up to its last role word; "of the Penta Center ..." runs on to the phrase's end.
      // "Ivanka Trump, the Republican presidential nominee's eldest daughter": the
      // role word before a possessive is another person's.
      if (last_role > b && last_role < s.end && doc_.tokens[last_role].Is(kPossessive))
        last_role = 0;
      if (last_role > b) {
        uint32_t end = last_role;
        if (end < e && EqualsLiteral(Word(end), "of")) end = e;
        if (e >= s.end || doc_.tokens[e].kind == TokenKind::kPunct || end == last_role)
          roles.push_back(Written(b, end));
      }
    }
    SetRoles(c, std::move(roles));
  }

  // Where a candidate's mention ends in the text. "hired Mercury LLC.": a legal
  // form written in capitals ("LLC", "PLC") has no period of its own, so at the
  // end of a sentence the period is the sentence's ("Inc.", "Co." keep theirs).
  uint32_t End(const Cand& c) const {
    const uint32_t i = c.e - 1;
    const Token& t = doc_.tokens[i];
    const std::string_view w = doc_.Text(i);
    if (c.e - c.b >= 2 && t.Is(kAllCaps) && w.size() >= 3 && w.find('.') == w.size() - 1 &&
        In<kLegalForms>(Word(i)) && doc_.sentences[doc_.SentenceOf(i)].end == c.e)
      return t.span.end - 1;
    return t.span.end;
  }

  std::vector<Entity> Cluster() {
    // Persons: a surname alone joins the full name that carries it.
    // (Keyed by views of the Document's folded words, which outlive it.)
    ViewMap<std::string> by_surname;
    std::string key_buf;  // KeyInto's, for every candidate
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "PERSON") || c.e - c.b < 2 || Ordinal(c.e - 1)) continue;
      auto [it, fresh] = by_surname.try_emplace(Word(c.e - 1));
      if (fresh) {
        it->second = KeyInto(c, &key_buf);
      } else if (std::string_view k = KeyInto(c, &key_buf);
                 k.size() > it->second.size() + 1 &&
                 k.compare(k.size() - it->second.size(), it->second.size(), it->second) == 0 &&
                 k[k.size() - it->second.size() - 1] == ' ') {
        it->second = k;  // "De Blasio" first, then "Bill de Blasio"
      }
      if (!AfterArticle(c.e - 1).empty()) {  // "Bashar al-Assad" ... "Assad"
        auto [at, added] = by_surname.try_emplace(Word(c.e - 1).substr(3));
        if (added) at->second = it->second;
      }
    }
    // Organizations: an acronym joins its long form.
    std::unordered_map<std::string, std::string> by_acronym;
    for (const Cand& c : cands_) {
      if (!EqualsLiteral(c.type, "ORG") || c.e - c.b < 2) continue;
      std::string acro;
      for (uint32_t i = c.b; i < c.e; ++i) {
        std::string_view w = doc_.Text(i);
        if (doc_.tokens[i].Is(kCapitalized) && !w.empty()) acro.push_back(w[0]);
      }
      if (acro.size() < 2) continue;
      auto [it, fresh] = by_acronym.try_emplace(std::move(acro));
      if (fresh) it->second = KeyInto(c, &key_buf);
    }
    // The entities as they are met: type, longest form (views) and the link
    // of a NORP (the Entity vector is built once at the end, to its size,
    // where it grew and moved its strings as it went).
    struct Proto {
      std::string_view type, name;
      int link = -1;
    };
    std::vector<Proto> protos;
    // (entity, mention) in candidate order: each entity's mentions are added
    // once they are counted, to a vector of their size.
    std::vector<std::pair<size_t, Span>> placed;
    placed.reserve(cands_.size());
    {  // (the index's memory freed before the entities are built)
      // (type, key) -> entity, as the type, a NUL (no type holds one) and the
      // key, views into `keys` (a std::unordered_map<std::string, size_t> was a
      // string and a node an entity and a _Hash_bytes a candidate).
      CompactKeyTable<uint32_t> index(cands_.size());
      KeyBlocks keys;
      std::vector<const std::pair<const std::string_view, std::string>*> surnames;  // see below
      // A candidate's entity depends only on its type, its country, its words
      // and its text (and the maps above): found once per distinct candidate,
      // the others alike take it (most names come again). Per Document word,
      // 1 + the last such candidate opening with it; `next_alike` chains them
      // (the last kAlikeWalk are compared, as in TypeOnce).
      std::vector<uint32_t> alike(doc_.words(), 0);
      // (An alike candidate's entity is its `placed` entry's.)
      std::vector<uint32_t> next_alike(cands_.size(), 0);
      for (size_t ci = 0; ci < cands_.size(); ++ci) {
        Cand& c = cands_[ci];
        uint32_t& head = alike[doc_.word[c.b]];
        uint32_t found = 0;  // 1 + the alike candidate
        for (uint32_t x = head, walked = 0; x != 0 && !found && walked < kAlikeWalk;
             x = next_alike[x - 1], ++walked) {
          const Cand& t = cands_[x - 1];
          if (t.e - t.b != c.e - c.b || t.type != c.type || t.country != c.country) continue;
          if (c.e - c.b > 1) {  // the same words, and the same text between them
            bool same = true;
            for (uint32_t k = 1; k < c.e - c.b && same; ++k)
              same = doc_.word[c.b + k] == doc_.word[t.b + k];
            const uint32_t start = doc_.tokens[c.b].span.start,
                           tstart = doc_.tokens[t.b].span.start;
            const uint32_t size = doc_.tokens[c.e - 1].span.end - start;
            if (!same || doc_.tokens[t.e - 1].span.end - tstart != size ||
                std::memcmp(doc_.text.data() + start, doc_.text.data() + tstart, size) != 0)
              continue;
          }
          found = x;
        }
        uint32_t entity_at;
        if (found) {
          entity_at = static_cast<uint32_t>(placed[found - 1].first);
          // (Cands read as their acronym's organization, as the first was.)
          c.type = protos[entity_at].type;
        } else {
          next_alike[ci] = head;
          head = static_cast<uint32_t>(ci + 1);
          std::string_view key = KeyInto(c, &key_buf);
          if (EqualsLiteral(c.type, "PERSON") && c.e - c.b >= 2 && c.e - c.b <= 3) {
            // "Le Pen" is "Marine Le Pen": a name that ends a longer one.
            auto it = by_surname.find(Word(c.e - 1));
            if (it != by_surname.end() && it->second.size() > key.size() + 1 &&
                it->second.compare(it->second.size() - key.size(), key.size(), key) == 0 &&
                it->second[it->second.size() - key.size() - 1] == ' ')
              key = it->second;
          }
          if (EqualsLiteral(c.type, "PERSON") && c.e - c.b == 1) {
            auto it = by_surname.find(key);
            if (it != by_surname.end()) {
              key = it->second;
            } else if (key.size() >= 6 && !ner::IsListedGivenName(key)) {
              // A clipped surname ("Landsberg" for "Landsbergis"), not a given name
              // ("Robert" is no "Jennifer Roberts"). The shortest such surname, then
              // the first in alphabetical order: not the hash table's order, which
              // differs between the native and the wasm standard library.
              // Looked up in the surnames sorted by length, then text (built at
              // the first such name): the first of a length at or after the name
              // is the first that starts with it, if one does. (A walk over every
              // surname for every such name was quadratic: 2 MB of distinct names
              // took a minute.)
              if (surnames.empty()) {
                for (const auto& entry : by_surname) surnames.push_back(&entry);
                std::sort(surnames.begin(), surnames.end(), [](const auto* a, const auto* b) {
                  return a->first.size() != b->first.size() ? a->first.size() < b->first.size()
                                                            : a->first < b->first;
                });
              }
              for (size_t size = key.size() + 1; size <= key.size() + 3; ++size) {
                auto at = std::lower_bound(
                    surnames.begin(), surnames.end(), size, [&](const auto* a, size_t n) {
                      return a->first.size() != n ? a->first.size() < n : a->first < key;
                    });
                if (at != surnames.end() && (*at)->first.size() == size &&
                    (*at)->first.compare(0, key.size(), key) == 0) {
                  key = (*at)->second;
                  break;
                }
              }
            }
          }
          if (c.e - c.b == 1 && doc_.tokens[c.b].Is(kAllCaps) && !EqualsLiteral(c.type, "NORP")) {
            auto it = by_acronym.find(std::string(doc_.Text(c.b)));
            if (it != by_acronym.end()) {
              key = it->second;
              c.type = "ORG";
            }
          }
          const size_t size = c.type.size() + 1 + key.size();
          char* const at = keys.Room(size, 24 * cands_.size());
          std::memcpy(at, c.type.data(), c.type.size());
          at[c.type.size()] = '\0';
          std::memcpy(at + c.type.size() + 1, key.data(), key.size());
          bool added = false;
          uint32_t* const entity = index.Insert(std::string_view(at, size), &added);
          if (added) {
            keys.Keep(size);
            *entity = static_cast<uint32_t>(protos.size());
            protos.push_back({c.type, {}});
          }
          entity_at = *entity;
        }
        Proto& e = protos[entity_at];
        const Span span = {doc_.tokens[c.b].span.start, End(c)};
        placed.emplace_back(entity_at, span);
        const std::string_view written = doc_.Text(span);
        // The longest form, preferring one not written in capitals (headlines).
        bool caps = doc_.tokens[c.b].Is(kAllCaps) && doc_.tokens[c.e - 1].Is(kAllCaps);
        bool name_caps = !e.name.empty() && IsFoldedText(e.name) ? false : IsAllCapsName(e.name);
        if (e.name.empty() || (name_caps && !caps) ||
            (caps == name_caps && written.size() > e.name.size())) {
          e.name = written;
        }
      }
      // (Each NORP's link is its own: the table's order is moot.)
      constexpr std::string_view kNorp("NORP\0", 5);
      index.ForEach([&](std::string_view k, uint32_t i) {
        if (k.substr(0, kNorp.size()) != kNorp) return;
        std::string gpe("GPE");
        gpe.push_back('\0');
        gpe.append(k.substr(kNorp.size()));
        if (const uint32_t* g = index.Find(gpe)) protos[i].link = static_cast<int>(*g);
      });
    }
    std::vector<Entity> out(protos.size());
    {
      std::vector<uint32_t> count(out.size(), 0);
      for (const auto& p : placed) ++count[p.first];
      for (size_t k = 0; k < out.size(); ++k) {
        out[k].type = protos[k].type;
        out[k].name = protos[k].name;
        out[k].link = protos[k].link;
        out[k].mentions.reserve(count[k]);
      }
      for (size_t j = 0; j < placed.size(); ++j) {
        Entity& e = out[placed[j].first];
        Mention m;
        m.span = placed[j].second;
        e.mentions.push_back(m);
        if (cands_[j].roles) {  // each entity's roles in candidate order, once each
          for (const std::string& r : roles_[cands_[j].roles - 1]) {
            if (std::find(e.roles.begin(), e.roles.end(), r) == e.roles.end()) e.roles.push_back(r);
          }
        }
      }
    }
    // Canonical names from the lexicons; NORP -> its country. A name seen only in
    // capitals (a dateline, a headline) is shown in Title Case: "KRAMATORSK" ->
    // "Kramatorsk"; acronyms (short, or organizations) stay.
    for (Entity& e : out) {
      const std::string_view type = e.type;
      if (!EqualsLiteral(type, "ORG") && e.name.size() > 4 && IsAllCapsName(e.name)) {
        bool start = true;
        for (char& ch : e.name) {
          if (ch >= 'A' && ch <= 'Z' && !start) ch = static_cast<char>(ch - 'A' + 'a');
          start = ch == ' ' || ch == '-';
        }
      }
      if (EqualsLiteral(type, "GPE")) {
        auto it = lex_.country.find(Fold(e.name));
        if (it != lex_.country.end()) e.name = it->second;
      }
    }
    // Salience: mentions and how early the first one comes.
    size_t most = 1;
    for (const Entity& e : out) most = std::max(most, e.mentions.size());
    const double len = std::max<size_t>(1, doc_.text.size());
    for (Entity& e : out) {
      double freq = static_cast<double>(e.mentions.size()) / most;
      double early = 1.0 - e.mentions[0].span.start / len;
      double w = EqualsLiteral(e.type, "NORP") ? 0.6 : 1.0;
      e.salience = std::min(1.0, w * (0.7 * freq + 0.3 * early));
      e.salience = static_cast<int>(e.salience * 1000 + 0.5) / 1000.0;
    }
    return out;
  }

  const Document& doc_;
  const NameLexicon& lex_;
  std::vector<Cand> cands_;
  // Short forms of names of another type than PERSON and the key of the name
  // ("webb" -> "james webb space telescope"): NamedAfterPersons.
  std::unordered_map<std::string, std::string> short_names_;
  mutable int sports_ = -1;                      // SportsReport(): -1 not known yet, 0 no, 1 yes
  mutable int teams_ = -1;                       // Teams(): the same
  std::vector<std::vector<std::string>> roles_;  // the roles of candidates (Cand::roles)
  std::vector<uint8_t> person_;                  // per token: inside a PERSON mention
  std::vector<bool> title_line_;                 // per token (a bit): on a Title Case headline line
  std::vector<uint64_t> cap_words_;  // per token, a bit: a capitalized word (FindCapWords)
  ner::DocContext context_;          // the tagger's document-level facts
  // Names an organization's staff works at ("analysts at Jefferies"): every
  // mention of the form is the organization's (CompanyNames).
  std::unordered_set<std::string> company_forms_;
  // The searches of the text for a span's words (InBody, Elsewhere,
  // ElsewhereWithout): their answers per distinct text, the bytes searched and
  // the searches cut short by the budget (ForEachWholeWord).
  static constexpr size_t kSearchBudget = 256;
  mutable std::unordered_map<std::string_view, bool> in_body_;
  mutable std::unordered_map<std::string, std::array<size_t, 2>> first_two_;
  mutable std::string fold_buf_;            // FoldedView's
  mutable std::string type_buf_;            // TypeOf's folded name (one buffer, not one a call)
  mutable std::vector<uint8_t> role_word_;  // IsRoleWord's answers per Document word
  mutable size_t searched_ = 0;
  mutable size_t search_cut_ = 0;
};

}  // namespace

std::vector<Entity> FindEntities(const Document& doc, std::vector<Warning>* warnings) {
  Builder builder(doc);
  std::vector<Entity> out = builder.Run();
  if (builder.searches_cut() > 0 && warnings) {
    warnings->push_back(
        {"name-search-cut",
         std::to_string(builder.searches_cut()) +
             " searches of the text for other mentions of a name were cut short: the text "
             "is long and holds so many such names that searching it to the end for each "
             "would take too long. Some names that open a sentence or stand on a headline "
             "line may keep or lose a word where a full search would decide otherwise."});
  }
  AppendFigures(doc, &out);  // DATE ... ORDINAL, not inside a name
  return out;
}

}  // namespace lede
