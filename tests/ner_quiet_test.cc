// The tagger's LoudBits (Quiet() of every sequence at once, as bits) sets
// exactly the tokens Quiet() leaves 0.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "entities/ner_model.h"
#include "text/document.h"

namespace lede {
namespace ner {
namespace {

void ExpectLoudBitsAsQuiet(const std::string& text) {
  const Document doc = BuildDocument(text);
  const auto sequences = Sequences(doc);
  std::vector<uint64_t> loud;
  LoudBits(doc, sequences, &loud);
  // The tagger's way, from the document context's history bits and
  // caps_other: the same bits.
  std::vector<uint64_t> from_context;
  LoudBits(doc, BuildDocContext(doc), sequences, &from_context);
  EXPECT_EQ(from_context, loud);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  ASSERT_EQ(loud.size(), (n + 63) / 64u);
  auto bit = [](const std::vector<uint64_t>& v, uint32_t i) { return (v[i >> 6] >> (i & 63)) & 1; };
  std::vector<uint8_t> in_sequence(n, 0), quiet;
  for (auto [begin, end] : sequences) {
    Quiet(doc, begin, end, &quiet);
    for (uint32_t i = begin; i < end; ++i) {
      in_sequence[i] = 1;
      EXPECT_EQ(bit(loud, i), quiet[i - begin] ? 0u : 1u)
          << "token " << i << " '" << doc.Text(doc.tokens[i]) << "'";
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (!in_sequence[i]) EXPECT_EQ(bit(loud, i), 0u) << "token " << i;
  }
  for (uint32_t i = n; i < loud.size() * 64; ++i) EXPECT_EQ(bit(loud, i), 0u);
}

TEST(NerQuietTest, LoudBitsAreQuietsZeros) {
  ExpectLoudBitsAsQuiet("");
  ExpectLoudBitsAsQuiet(
      "The talks in Bank of England ended. He said de Silva and Van der Berg met.");
  ExpectLoudBitsAsQuiet(
      "KRAMATORSK - Russian forces said on Monday that NATO's 6PR unit and Trump's aides met "
      "\"The Guardian\" in New York. In Kyiv, officials of the Ministry of Defence said 3M "
      "and U.S. firms (Apple, Intel) would sell. The A B C. It is. Both Smith and Jones "
      "of the UN. Ιωάννης Παπαδόπουλος met Jean-Claude Juncker.\n\nA paragraph: The End");
  // Capitalized tokens that are no words (numbers with one capital, symbols)
  // and possessives in capitals.
  ExpectLoudBitsAsQuiet(
      "3M and @CNN said #MeToo grew. TRUMP'S 10K run; the 4G mast of Ericsson's Q3. "
      "@Reuters: 5G OF BT'S network. See Www.Example.Com or 2B.\n\n3M 4G @AP");
  // Loud tokens and joining words at the ends of one-line paragraphs (each
  // its own sequence, several in one word of 64 bits): nothing joins across.
  ExpectLoudBitsAsQuiet(
      "He met Smith\n\nof Acme and\n\nJones de\n\nSilva\n\nThe Bank\n\nof\n\nEngland "
      "said\n\n3M\n\nand Intel's\n\n's Board\n\nvan der\n\nBerg AND CO\n\nSmith");
  // A long paragraph, cut into several sequences (Sequences: at sentence ends past 400 tokens).
  std::string long_text;
  for (int k = 0; k < 120; ++k) long_text += "Mr. Smith of Acme Corp met The Board in Paris. ";
  ExpectLoudBitsAsQuiet(long_text);
  for (const char* name : {"kharkiv-dateline", "officials-anonymous", "scripts-codepoint-offsets",
                           "scripts-emoji-cjk-rtl"}) {
    std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/tests/golden/" + name + "/input.txt",
                     std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::stringstream ss;
    ss << in.rdbuf();
    ExpectLoudBitsAsQuiet(ss.str());
  }
}

TEST(NerQuietTest, ConnectorsJoinTheirLoudNeighbour) {
  // A lower-case word after one loud token (a capitalized word, not an
  // opener) and before a quiet one is loud too when it joins the parts of a
  // name ("Bank of ...", "Leonardo da ..."); another lower-case word stays
  // quiet. Each also at the text's end (fewer than eight bytes after it).
  auto joins = [](const std::string& phrase, bool at_end) {
    const std::string text = "He met " + phrase + (at_end ? "" : " here on Monday.");
    const std::string word = phrase.substr(phrase.rfind(' ') + 1);
    const Document doc = BuildDocument(text);
    std::vector<uint64_t> loud;
    LoudBits(doc, Sequences(doc), &loud);
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.Text(doc.tokens[i]) == word) return ((loud[i >> 6] >> (i & 63)) & 1) != 0;
    }
    ADD_FAILURE() << "no token '" << word << "' in: " << text;
    return false;
  };
  for (const char* phrase :
       {"Bank of",     "Maria de",     "Lana del",      "Piero della", "Lorenzo di",
        "Leonardo da", "Rio das",      "Santos dos",    "Rio do",      "Pont du",
        "Ludwig van",  "Ursula von",   "Rembrandt der", "Joost den",   "Rio la",
        "Jean le",     "Les Mis les",  "Abu el",        "Hussein al",  "Mohammed bin",
        "Ahmad ibn",   "Jacob ben",    "Ortega y",      "Eça e",       "Marks und",
        "Johnson and", "Minister for", "Jack the",      "Anne on",     "Stratford upon",
        "Hans ter",    "Karl zu",      "Erik af",       "Lars av",     "Basilica dei",
        "Uffizi degli"}) {
    EXPECT_TRUE(joins(phrase, false)) << phrase;
    EXPECT_TRUE(joins(phrase, true)) << phrase;
  }
  // Not connectors: other short words, longer or shorter forms of one; and
  // "&", in the list but a symbol, not a word (Joins reads no list then).
  for (const char* phrase :
       {"Smith at", "Smith in", "Smith a", "Smith to", "Bank ofs", "Piero dell", "Ludwig vans",
        "Stratford uponn", "Uffizi degl", "Maria d", "Smith is", "Smith said", "Bank f", "Jack th",
        "Smith an", "Smith fore", "Johnson &"}) {
    EXPECT_FALSE(joins(phrase, false)) << phrase;
    EXPECT_FALSE(joins(phrase, true)) << phrase;
  }
  ExpectLoudBitsAsQuiet("He met Smith and Jones of Acme, Leonardo da Vinci and Ortega y Gasset.");
}

TEST(NerQuietTest, OpenersBeforeALowerCaseWordAreQuiet) {
  // A sentence's first word that is a function word ("The", "He", "While")
  // followed by a lower-case word is capitalized by its place alone: quiet.
  // Another capitalized first word is loud. Mid-text and near its end.
  auto loud_first = [](const std::string& first, bool near_end) {
    const std::string text = near_end ? "Yes. " + first + " went" : first + " talks ended.";
    const uint32_t i = near_end ? 2 : 0;
    const Document doc = BuildDocument(text);
    std::vector<uint64_t> loud;
    LoudBits(doc, Sequences(doc), &loud);
    EXPECT_EQ(doc.Text(doc.tokens[i]), first) << text;
    return ((loud[i >> 6] >> (i & 63)) & 1) != 0;
  };
  for (const char* first :
       {"The", "A",  "An",   "In",  "But",  "And",   "He",    "She",   "It",   "They",  "We",
        "I",   "If", "This", "His", "Her",  "Their", "Its",   "There", "When", "While", "After",
        "As",  "On", "At",   "For", "With", "That",  "These", "Some",  "Our",  "You",   "Both"}) {
    EXPECT_FALSE(loud_first(first, false)) << first;
    EXPECT_FALSE(loud_first(first, true)) << first;
  }
  for (const char* first : {"Then", "Thee", "Ann", "Int", "Bu", "Hers", "Th", "Bots", "Acme"}) {
    EXPECT_TRUE(loud_first(first, false)) << first;
    EXPECT_TRUE(loud_first(first, true)) << first;
  }
}

}  // namespace
}  // namespace ner
}  // namespace lede
