// The Document stage on real news sentences: sentences, tokens, paragraphs.
#include "text/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "text/utf8.h"
#include "text/word_set.h"

namespace lede {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Document d = BuildDocument(text);
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.Text(s.span));
  return out;
}

std::vector<std::string> Tokens(const std::string& text) {
  Document d = BuildDocument(text);
  std::vector<std::string> out;
  for (const Token& t : d.tokens) out.emplace_back(d.Text(t));
  return out;
}

struct SentenceCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST(DocumentTest, SentencesSurviveNewsProse) {
  const SentenceCase cases[] = {
      {"U.S. defense officials have declined to say how far they think Ukrainian forces can push. "
       "But it was likely only a matter of time.",
       {"U.S. defense officials have declined to say how far they think Ukrainian forces can push.",
        "But it was likely only a matter of time."}},
      {"Gen. Valery Zaluzhny said his forces had retaken more than 3,000 square kilometers. They "
       "also took 1.5 tonnes.",
       {"Gen. Valery Zaluzhny said his forces had retaken more than 3,000 square kilometers.",
        "They also took 1.5 tonnes."}},
      {"The meeting would take place in Brussels on Sept. 28 at 10 a.m. local time.",
       {"The meeting would take place in Brussels on Sept. 28 at 10 a.m. local time."}},
      {"J. R. R. Tolkien wrote it. Dr. Smith, a Ph.D. holder, agreed.",
       {"J. R. R. Tolkien wrote it.", "Dr. Smith, a Ph.D. holder, agreed."}},
      {"\xE2\x80\x9CWe feel fantastic. We will win the war.\xE2\x80\x9D He smiled.",
       {"\xE2\x80\x9CWe feel fantastic.", "We will win the war.\xE2\x80\x9D", "He smiled."}},
      {"\xE2\x80\x9CLet me be honest,\xE2\x80\x9D he said. It went on... And on.",
       {"\xE2\x80\x9CLet me be honest,\xE2\x80\x9D he said.", "It went on...", "And on."}},
      {"KRAMATORSK - Ukraine forces said Monday their lightning counter-offensive took back more "
       "ground.",
       {"KRAMATORSK -",
        "Ukraine forces said Monday their lightning counter-offensive took back more ground."}},
      {"Western arms\n\nproduction to ramp up\n\nWestern governments are mobilizing.",
       {"Western arms", "production to ramp up", "Western governments are mobilizing."}},
      {"Peskov said on Monday , September 12 , that talks were off . Kyiv disagreed .",
       {"Peskov said on Monday , September 12 , that talks were off .", "Kyiv disagreed ."}},
      {"Is it over? \"No!\" she said. Why?", {"Is it over?", "\"No!\" she said.", "Why?"}},
  };
  for (const SentenceCase& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
  }
}

TEST(DocumentTest, TokensKeepNamesWholeAndSplitPossessives) {
  EXPECT_EQ(Tokens("O'Brien met Jean-Claude and Zelenskyy in Kyiv."),
            (std::vector<std::string>{"O'Brien", "met", "Jean-Claude", "and", "Zelenskyy", "in",
                                      "Kyiv", "."}));
  EXPECT_EQ(Tokens("Ukraine's army and Putin\xE2\x80\x99s goals"),
            (std::vector<std::string>{"Ukraine", "'s", "army", "and", "Putin", "\xE2\x80\x99s",
                                      "goals"}));
  EXPECT_EQ(Tokens("England 's one-day side scored 3,000 runs at 1.5 per ball ."),
            (std::vector<std::string>{"England", "'s", "one-day", "side", "scored", "3,000", "runs",
                                      "at", "1.5", "per", "ball", "."}));
  EXPECT_EQ(Tokens("Fran\xC3\xA7ois Holl\xC3\xA0nde and the U.S.-led group"),
            (std::vector<std::string>{"Fran\xC3\xA7ois", "Holl\xC3\xA0nde", "and", "the",
                                      "U.S.-led", "group"}));
  EXPECT_EQ(Tokens("\xE2\x80\x9Cregrouping,\xE2\x80\x9D the"),
            (std::vector<std::string>{"\xE2\x80\x9C", "regrouping", ",", "\xE2\x80\x9D", "the"}));
}

// URLs (whole, their trailing punctuation left out) and words that start
// as one might (http, www); white space other than a space (a tab, NBSP,
// a line break); quote marks, dashes and other symbols; and Tokenize's
// tokens against BuildDocument's.
TEST(DocumentTest, UrlsSpacesAndSymbols) {
  const std::string text =
      "See https://example.com/a?b=1, www.lede.org. or httpd\twhatever\xC2\xA0wwwx "
      "\xE2\x80\x94 \"it\" \xE2\x80\x98q\xE2\x80\x99 $5 & 50% \xE2\x80\xA6 e\xCC\x81\nJ. Smith.";
  EXPECT_EQ(Tokens(text), (std::vector<std::string>{"See",       "https://example.com/a?b=1",
                                                    ",",         "www.lede.org",
                                                    ".",         "or",
                                                    "httpd",     "whatever",
                                                    "wwwx",      "\xE2\x80\x94",
                                                    "\"",        "it",
                                                    "\"",        "\xE2\x80\x98",
                                                    "q",         "\xE2\x80\x99",
                                                    "$",         "5",
                                                    "&",         "50",
                                                    "%",         "\xE2\x80\xA6",
                                                    "e\xCC\x81", "J.",
                                                    "Smith",     "."}));
  const Document d = BuildDocument(text);
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), d.tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].span.start, d.tokens[i].span.start);
    EXPECT_EQ(tokens[i].span.end, d.tokens[i].span.end);
    EXPECT_EQ(tokens[i].kind, d.tokens[i].kind);
  }
  EXPECT_EQ(d.tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(d.tokens[3].kind, TokenKind::kSymbol);
  EXPECT_TRUE(d.tokens[7].Is(kSpaceBefore));     // after a tab
  EXPECT_TRUE(d.tokens[8].Is(kSpaceBefore));     // after NBSP
  EXPECT_TRUE(d.tokens[23].Is(kNewlineBefore));  // J.
  EXPECT_TRUE(d.tokens[23].Is(kAbbreviation));
}

// A joiner (' - , . :) after a word's ASCII letters and digits ends it
// before white space, punctuation or the text's end, and keeps it going
// before a letter or a digit, ASCII or not; ASCII punctuation and line
// breaks as tokens, runs of . ! ? and hyphens as one, a mark of one byte
// with the combining mark after it.
TEST(DocumentTest, JoinersAndAsciiPunctuation) {
  const std::string text =
      "said, then: x- y' z.\n3,000 3, 4:30 a-b a-\xC3\xA9 it's rock'n (x) [y]; {z}/w\\\\v "
      ",\xCC\x81 !?! -- ... end-";
  EXPECT_EQ(Tokens(text), (std::vector<std::string>{
                              "said", ",",  "then",      ":",   "x",  "-",    "y",   "'",
                              "z",    ".",  "3,000",     "3",   ",",  "4:30", "a-b", "a-\xC3\xA9",
                              "it",   "'s", "rock'n",    "(",   "x",  ")",    "[",   "y",
                              "]",    ";",  "{",         "z",   "}",  "/",    "w",   "\\",
                              "\\",   "v",  ",\xCC\x81", "!?!", "--", "...",  "end", "-"}));
  const Document d = BuildDocument(text);
  EXPECT_EQ(d.tokens[7].kind, TokenKind::kQuote);
  EXPECT_TRUE(d.tokens[10].Is(kNewlineBefore));  // 3,000
  EXPECT_EQ(d.tokens[10].kind, TokenKind::kNumber);
  EXPECT_EQ(d.tokens[34].kind, TokenKind::kPunct);  // the comma and its mark
  for (size_t i : {1, 3, 5, 9, 12, 19, 21, 29, 31, 35, 36, 37, 39})
    EXPECT_EQ(d.tokens[i].kind, TokenKind::kPunct) << i;
}

// More tokens than Tokenize's estimate (one in five bytes) and than it
// keeps on the stack: each comma is one, the words between them too.
TEST(DocumentTest, TokensPastTheEstimate) {
  for (int n : {1, 5, 31, 32, 33, 100, 5000}) {
    std::string text;
    for (int k = 0; k < n; ++k) text += k % 3 == 0 ? "a," : ",";
    const std::vector<Token> tokens = Tokenize(text);
    size_t want = 0;
    for (int k = 0; k < n; ++k) want += k % 3 == 0 ? 2 : 1;
    ASSERT_EQ(tokens.size(), want) << n;
    uint32_t at = 0;
    for (const Token& t : tokens) {
      EXPECT_EQ(t.span.start, at);
      EXPECT_EQ(t.span.end, at + 1);
      EXPECT_EQ(t.kind, text[at] == ',' ? TokenKind::kPunct : TokenKind::kWord);
      at = t.span.end;
    }
  }
}

TEST(DocumentTest, PossessiveFlagAndCase) {
  Document d = BuildDocument("the Smiths\xE2\x80\x99 house in KYIV");
  ASSERT_EQ(d.tokens.size(), 6u);
  EXPECT_TRUE(d.tokens[2].Is(kPossessive));
  EXPECT_EQ(d.tokens[2].kind, TokenKind::kQuote);
  EXPECT_TRUE(d.tokens[5].Is(kAllCaps));
  EXPECT_TRUE(d.tokens[1].Is(kCapitalized));
}

TEST(DocumentTest, ParagraphsAreLines) {
  Document d = BuildDocument("First para. Still first.\n\nSecond para.\nThird.");
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(d.paragraphs[0].end - d.paragraphs[0].begin, 2u);
  EXPECT_EQ(d.Text(d.paragraphs[1].span), "Second para.");
}

TEST(DocumentTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(BuildDocument("").sentences.empty());
  EXPECT_TRUE(BuildDocument(" \n\n\t ").tokens.empty());
}

// Tokens with the same bytes share a word id and nothing else does; each id's
// folded form is its first token's text folded; ids grow past the first
// hash table's size, and the folded words past AssignWords' first buffer
// (16 KB).
TEST(DocumentTest, WordIdsAreDistinctTexts) {
  std::string text = "The Senate\u2019s vote: the SENATE voted. The senate\u2019s vote.";
  for (int i = 0; i < 8000; ++i) text += " w" + std::to_string(i) + " W" + std::to_string(i % 7);
  Document d = BuildDocument(text);
  ASSERT_EQ(d.word.size(), d.tokens.size());
  std::vector<std::string> seen;
  for (uint32_t i = 0; i < d.tokens.size(); ++i) {
    const uint32_t w = d.word[i];
    ASSERT_LT(w, d.words());
    EXPECT_EQ(d.Text(d.word_token[w]), d.Text(i)) << i;
    EXPECT_EQ(d.Folded(i), Fold(d.Text(i))) << i;
    if (w == seen.size()) seen.emplace_back(d.Text(i));  // ids in order of first use
    ASSERT_LT(w, seen.size());
    EXPECT_EQ(seen[w], d.Text(i));
  }
  EXPECT_EQ(seen.size(), d.words());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());  // distinct
  EXPECT_NE(d.word[0], d.word[5]);  // "The" and "the"
  EXPECT_EQ(d.Folded(0), d.Folded(5));
}

// Document::word_tokens (Analysis::stats.words), counted while tokenizing,
// is the number of tokens of kind kWord or kNumber: with URLs, quote marks,
// punctuation, symbols, possessives, abbreviations and words and numbers
// that start with a byte outside ASCII.
TEST(DocumentTest, WordTokensCountWordsAndNumbers) {
  for (const std::string text :
       {std::string(""), std::string("..."),
        std::string(
            "The U.S. Senate\u2019s vote (see https://example.com/a, www.x.org) "
            "\u201cpassed\u201d 52-48 on Jan. 3 \u2014 \u00c9lise's 3,000 $ & \u00e9t\u00e9 "
            "\u0661\u0662 ok!? Dr. J. Smith's; 'quoted' \U0001F600 end.\nNext line")}) {
    const Document d = BuildDocument(text);
    size_t words = 0;
    for (const Token& t : d.tokens)
      words += t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
    EXPECT_EQ(d.word_tokens, words) << text;
    if (text.size() > 10) {
      EXPECT_GT(d.word_tokens, 20u);
      EXPECT_GT(d.tokens.size() - d.word_tokens, 15u);
    }
  }
}

// Words that are prefixes of one another (1 to 17 bytes, ASCII and not: the
// short ones are their own table keys, the longer ones hashed), each twice,
// the second time as the text's last word, where fewer than eight bytes
// follow it (its key built a byte at a time): tokens share an id exactly
// when their bytes are the same.
TEST(DocumentTest, WordIdsOfPrefixesAndLastWords) {
  for (const std::string full :
       {"abcdefghijklmnopq", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
        "AbCdEfGhIjKlMnOpQ", "a\u00e9b\u00e9c\u00e9d\u00e9e\u00e9f"}) {
    std::vector<std::string> prefixes;  // ending at character boundaries
    for (size_t n = 1; n <= full.size(); ++n) {
      if (n == full.size() || (full[n] & 0xC0) != 0x80) prefixes.push_back(full.substr(0, n));
    }
    for (const std::string& last : prefixes) {
      std::string text;
      for (const std::string& w : prefixes) text += w + " ";
      text += last;
      const Document d = BuildDocument(text);
      ASSERT_EQ(d.tokens.size(), prefixes.size() + 1);
      for (uint32_t i = 0; i < d.tokens.size(); ++i) {
        for (uint32_t j = 0; j < d.tokens.size(); ++j) {
          EXPECT_EQ(d.word[i] == d.word[j], d.Text(i) == d.Text(j))
              << "'" << d.Text(i) << "' '" << d.Text(j) << "' last '" << last << "'";
        }
        EXPECT_EQ(d.Folded(i), Fold(d.Text(i)));
      }
    }
  }
}

// The case flags of every token against a code point at a time reference:
// words of 1 to 20 bytes, ASCII and not, with digits, as the first, a later
// and the last token (the text's last 8 bytes are read another way).
TEST(DocumentTest, CaseFlagsMatchAPerCodePointReference) {
  const std::vector<std::string> words = {
      "a",          "A",       "I",        "US",        "Us",       "uS",          "x1",
      "X1",         "1X",      "1x",       "12",        "NATO",     "Nato",        "nato",
      "NaTO",       "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "abcdefgh", "Abcdefgh",    "aBCDEFGH",
      "COVID-19",   "U.S",     "Ph.D",     "O'Brien",   "ONE-TWO",  "twenty-five", "F16",
      "A1B2C3D4E5", "BIG1",    "É",        "Éa",        "ÉCOLE",    "École",       "ça",
      "A\u00e9",    "\u00c9A", "MÜNCHEN1", "Straße",    "KYIV",     "Zelenskyy",   "ZZ"};
  std::string text;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& w : words) {
      if (!text.empty()) text += ' ';
      text += w;
    }
  }
  for (size_t cut = 0; cut < 12; ++cut) {
    for (const std::string& t : {text, text.substr(0, text.size() - cut)}) {
      Document d = BuildDocument(t);
      for (uint32_t i = 0; i < d.tokens.size(); ++i) {
        const std::string_view w = d.Text(i);
        int letters = 0, upper = 0, lower = 0;
        uint16_t want = 0;
        bool first = true;
        for (size_t k = 0; k < w.size();) {
          int len;
          const char32_t c = CodePointAt(w, k, &len);
          k += len;
          if (IsDigit(c)) want |= kHasDigit;
          if (!IsLetter(c)) continue;
          ++letters;
          upper += IsUpper(c);
          lower += IsLower(c);
          if (first) {
            if (IsUpper(c)) want |= kCapitalized;
            if (IsLower(c)) want |= kLower;
            first = false;
          }
        }
        if (letters >= 2 && lower == 0 && upper > 0) want |= kAllCaps;
        constexpr uint16_t kCase = kCapitalized | kAllCaps | kLower | kHasDigit;
        EXPECT_EQ(d.tokens[i].flags & kCase, want) << "'" << w << "' cut " << cut;
      }
    }
  }
}

// A sentence without an end is cut at 512 tokens, whatever the tokens at the
// cut are (words, commas, a title abbreviation, a quote mark: without the
// period, the first cut's last token, 511, is a quote mark unless the
// abbreviation is there); a period ends one before. Quote marks stop
// Segment's scan as punctuation does, and must not end or cut a sentence.
TEST(DocumentTest, LongSentencesAreCutAt512Tokens) {
  for (int period_at : {-1, 300}) {
    for (int abbrev_at : {-1, 511, 700}) {
      std::string text;
      for (int k = 0; k < 1300; ++k) {
        if (k > 0) text += ' ';
        if (k == period_at) {
          text += "end.";
          continue;
        }
        if (k == period_at + 1) {
          text += "The";
          continue;
        }
        text += k == abbrev_at ? "Gen." : k % 7 == 3 ? "," : k % 11 == 5 ? "\"" : "word";
      }
      Document d = BuildDocument(text);
      std::vector<uint32_t> want;
      uint32_t tokens = static_cast<uint32_t>(d.tokens.size());
      uint32_t start = 0;
      if (period_at >= 0) {
        // "end." is two tokens ("end", "."), so the first sentence ends one token later.
        want.push_back(period_at + 2);
        start = period_at + 2;
      }
      while (start < tokens) {
        want.push_back(std::min<uint32_t>(512, tokens - start));
        start += want.back();
      }
      std::vector<uint32_t> got;
      for (const Sentence& s : d.sentences) got.push_back(s.end - s.begin);
      EXPECT_EQ(got, want) << period_at << " " << abbrev_at;
    }
  }
}

// Sentences and paragraphs as one string: each paragraph in [], each
// sentence in <> (a dateline's as <D:...>), and the tokens' sentence starts.
std::string Structure(const std::string& text) {
  Document d = BuildDocument(text);
  std::string out;
  for (const Paragraph& p : d.paragraphs) {
    out += "[" + std::string(d.Text(p.span)) + "]";
    for (uint32_t s = p.begin; s < p.end; ++s) {
      const Sentence& x = d.sentences[s];
      out += std::string("<") + (x.dateline ? "D:" : "") + std::string(d.Text(x.span)) + ">";
      EXPECT_EQ(d.SentenceOf(x.begin), s);
      EXPECT_EQ(d.SentenceOf(x.end - 1), s);
      EXPECT_TRUE(d.tokens[x.begin].Is(kSentenceStart));
    }
  }
  return out;
}

// Where paragraphs end: closing quotes and brackets after a line break open
// the next paragraph (not swallowed by the sentence before), a dateline's
// dash near a paragraph's end, short paragraphs of one token.
TEST(DocumentTest, ParagraphEndsBoundSentencesAndDatelines) {
  const std::pair<const char*, const char*> cases[] = {
      {"He left.\n\" Next one.\" She said.",
       "[He left.]<He left.>[\" Next one.\" She said.]<\" Next one.\"><She said.>"},
      {"He left.\n\"Next one.\"\n) x",
       "[He left.]<He left.>[\"Next one.\"]<\"Next one.\">[) x]<) x>"},
      {"KYIV -\nTroops came. Then left.",
       "[KYIV -]<KYIV ->[Troops came. Then left.]<Troops came.><Then left.>"},
      {"KYIV - Troops\ncame.", "[KYIV - Troops]<D:KYIV -><Troops>[came.]<came.>"},
      {"KRAMATORSK, Ukraine (AP) \xE2\x80\x94 Troops arrived. More.\nSecond.",
       "[KRAMATORSK, Ukraine (AP) \xE2\x80\x94 Troops arrived. More.]<D:KRAMATORSK, Ukraine (AP) "
       "\xE2\x80\x94><Troops arrived.><More.>[Second.]<Second.>"},
      {"A B C D E F G H I J K - Next\nNEXT A -\nB - c",
       "[A B C D E F G H I J K - Next]<A B C D E F G H I J K - Next>[NEXT A -]<NEXT A ->[B - c]<B "
       "- c>"},
      {"Word\nWord2 more.\n\nGen. Smith said.\nU.S.\n\"Quote.\"",
       "[Word]<Word>[Word2 more.]<Word2 more.>[Gen. Smith said.]<Gen. Smith "
       "said.>[U.S.]<U.S.>[\"Quote.\"]<\"Quote.\">"},
      {"One.\nTwo", "[One.]<One.>[Two]<Two>"},
      {"KYIV A B C D E F G H - x y", "[KYIV A B C D E F G H - x y]<D:KYIV A B C D E F G H -><x y>"},
      {"KYIV A B C D E F G H -\nx", "[KYIV A B C D E F G H -]<KYIV A B C D E F G H ->[x]<x>"},
      {"KYIV A B C D E F G H I - x", "[KYIV A B C D E F G H I - x]<KYIV A B C D E F G H I - x>"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(Structure(text), want) << text;
}

// A word before a period keeps it when its folding is a listed abbreviation:
// upper, lower and mixed case, words of up to eight bytes (folded in one load)
// and longer, non-ASCII ones, and at the text's end (fewer than eight bytes
// left to load), against IsKnownAbbreviation of Fold.
// LowerAscii8 (text/utf8.h: FoldInto, the folded words, the abbreviations'
// and the tagger's hashes) lowers eight ASCII bytes at once as FoldStep lowers
// each: every byte below 0x80 at every place of the eight.
TEST(DocumentTest, LowerAscii8LowersAsFoldStep) {
  for (int first = 0; first < 128; ++first) {
    char bytes[8];
    for (int j = 0; j < 8; ++j) bytes[j] = static_cast<char>((first + 17 * j) % 128);
    uint64_t x;
    std::memcpy(&x, bytes, 8);
    x = LowerAscii8(x);
    char got[8];
    std::memcpy(got, &x, 8);
    const std::string_view s(bytes, 8);
    for (size_t j = 0; j < 8; ++j) {
      size_t k = j;
      EXPECT_EQ(got[j], FoldStep(s, &k)) << first << " " << j;
    }
  }
}

TEST(DocumentTest, AbbreviationsBeforeAPeriodInAnyCase) {
  const std::string words =
      "Gen GEN gEn Sept SEPT Approx APPROX Messrs MESSRS Calif Inc CORP Ltd km Km Gov Mr MRS Dr "
      "Co St Jan Dept Univ Wyo Mister Generals Approxim Approximately Septembers the said "
      "Ukraine Calif2 ABCDEFGHIJ abcdefghijk G\xC3\xA9n Ge\xE2\x80\x99n Ma\xE2\x80\x99"
      "am";
  for (size_t at = 0; at < words.size();) {
    const size_t space = std::min(words.find(' ', at), words.size());
    const std::string word = words.substr(at, space - at);
    at = space + 1;
    const bool want = IsKnownAbbreviation(Fold(word));
    for (const std::string& text : {"He met " + word + ". Then", word + ".", "x " + word + "."}) {
      const Document d = BuildDocument(text);
      bool found = false;
      for (const Token& t : d.tokens) {
        const std::string_view x = d.Text(t);
        if (x.substr(0, word.size()) != word) continue;
        found = true;
        EXPECT_EQ(x == word + ".", want) << text;
        EXPECT_EQ(t.Is(kAbbreviation), want) << text;
      }
      EXPECT_TRUE(found) << text;
    }
  }
}

TEST(DocumentTest, WordSetMatchesALinearScan) {
  static constexpr std::string_view kList[] = {"mr", "mrs", "gov.-elect", "e.g", "a", "st", "sept"};
  const WordSet set(kList);
  for (std::string_view w : kList) EXPECT_TRUE(set.Has(w)) << w;
  for (std::string_view w :
       {"", "m", "ms", "mrs.", "Mr", "gov", "b", "eg", "septe", "sep",
        "a-very-long-word-that-is-longer-than-sixty-four-bytes-in-all-of-it"}) {
    EXPECT_FALSE(set.Has(w)) << w;
  }
}

}  // namespace
}  // namespace lede
