// `lede analyze --jsonl`'s input (tools/jsonl.h): ReadSimpleLine against
// nlohmann's parser, which it stands in for (same id, same text, and a line it
// cannot read left to nlohmann), and LineReader's lines.
#include "jsonl.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "xorshift.h"

namespace lede {
namespace {

// What the CLI took from a line before ReadSimpleLine: nlohmann's document,
// its "id" dumped and its "text". False where the CLI writes an error line.
bool Reference(std::string_view line, std::string* id, std::string* text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const std::exception&) {
    return false;
  }
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return false;
  *id = j.contains("id") ? j["id"].dump() : "null";
  *text = j["text"].get<std::string>();
  return true;
}

using namespace std::string_view_literals;

struct Case {
  std::string_view line;
  const char* id;    // nullptr: not read (left to nlohmann)
  const char* text;  // the text read
};

TEST(ReadSimpleLineTest, ReadsWhatNlohmannReads) {
  const Case cases[] = {
      {R"({"id": 1, "text": "Lloyd Austin said the talks would resume."})", "1",
       "Lloyd Austin said the talks would resume."},
      {R"({"text": "No id here.", "source": "wire"})", "null", "No id here."},
      {R"(  {  "id" : "a-7" , "text" : "Spaces around."  }  )", "\"a-7\"", "Spaces around."},
      {R"({"id":null,"text":"He said \"yes\".\nThen he left.\t\/\\"})", "null",
       "He said \"yes\".\nThen he left.\t/\\"},
      {R"({"id": true, "text": "Caf\u00e9 owners met \u201cthe mayor\u201d \ud83d\ude00."})",
       "true", "Caf\xC3\xA9 owners met \xE2\x80\x9Cthe mayor\xE2\x80\x9D \xF0\x9F\x98\x80."},
      {"{\"id\": \"raw \xC3\xA9\", \"text\": \"\xE2\x80\x9CWe will,\xE2\x80\x9D she said.\"}",
       "\"raw \xC3\xA9\"", "\xE2\x80\x9CWe will,\xE2\x80\x9D she said."},
      // The last of a repeated member is the one kept.
      {R"({"id": 1, "id": "two", "text": "first", "text": "second"})", "\"two\"", "second"},
      {R"({"text": null, "text": "a string after all"})", "null", "a string after all"},
      // Keys and an id with escapes; ids nlohmann writes its own way.
      {R"({"\u0069d": 19, "t\u0065xt": "Escaped keys."})", "19", "Escaped keys."},
      {R"({"id": "\u00e9\/", "text": "x"})", "\"\xC3\xA9/\"", "x"},
      {R"({"id": -0, "text": "x"})", "0", "x"},
      {R"({"id": 1.50, "text": "x"})", "1.5", "x"},
      {R"({"id": 1e3, "text": "x"})", "1000.0", "x"},
      {R"({"id": 18446744073709551615, "text": "x"})", "18446744073709551615", "x"},
      {R"({"id": 18446744073709551616, "text": "x"})", "1.8446744073709552e+19", "x"},
      {R"({"id": {"b": [1, 2.0], "a": null}, "text": "x"})", R"({"a":null,"b":[1,2.0]})", "x"},
      {R"({"id": 5, "text": "x", "meta": {"tags": ["a", {"b": false}], "n": -1.5e-3}})", "5", "x"},
      {R"({"id": 7, "text": ""})", "7", ""},
      // nlohmann stops at a NUL byte after the object, whatever follows.
      {"{\"id\": 8, \"text\": \"x\"} \0 trailing"sv, "8", "x"},
      // Left to nlohmann: errors and lines that are not an object with a string text.
      {R"({"id": 1, "text": "unclosed)", nullptr, ""},
      {R"({"id": 1, "text": "x"} trailing)", nullptr, ""},
      {R"({"id": 1, "text": "x",})", nullptr, ""},
      {R"({"id": 1 "text": "x"})", nullptr, ""},
      {R"({"id": 1, "text": 5})", nullptr, ""},
      {R"({"id": 1, "text": "x", "text": null})", nullptr, ""},
      {R"({"id": 1})", nullptr, ""},
      {R"({})", nullptr, ""},
      {R"([{"text": "x"}])", nullptr, ""},
      {R"("text")", nullptr, ""},
      {R"({"id": 1e400, "text": "x"})", nullptr, ""},
      {R"({"id": 1, "text": "x", "n": 01})", nullptr, ""},
      {R"({"id": 1, "text": "x", "n": 1.})", nullptr, ""},
      {R"({"id": 1, "text": "x", "n": tru})", nullptr, ""},
      {R"({"id": 1, "text": "lone high \ud800 x"})", nullptr, ""},
      {R"({"id": 1, "text": "lone low \udc00 x"})", nullptr, ""},
      {R"({"id": 1, "text": "high then not low \ud800\u0041"})", nullptr, ""},
      {R"({"id": 1, "text": "bad escape \x"})", nullptr, ""},
      {R"({"id": 1, "text": "bad hex \u12G4"})", nullptr, ""},
      {"{\"id\": 1, \"text\": \"raw control \x01\"}", nullptr, ""},
      {"{\"id\": 1, \"text\": \"invalid \xFF\"}", nullptr, ""},
      {"{\"id\": 1, \"text\": \"overlong \xC0\xAF\"}", nullptr, ""},
      {"{\"id\": 1, \"text\": \"surrogate \xED\xA0\x80\"}", nullptr, ""},
      {"{\"id\": 1, \"text\": \"over U+10FFFF \xF4\x90\x80\x80\"}", nullptr, ""},
      {"{\"id\": 1, \"text\": \"cut \xE2\x80\"}", nullptr, ""},
      // nlohmann skips a byte-order mark; the reader leaves it to nlohmann.
      {"\xEF\xBB\xBF{\"id\": 1, \"text\": \"x\"}", nullptr, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.line));
    std::string id, text, ref_id, ref_text;
    const bool read = ReadSimpleLine(c.line, &id, &text);
    const bool ref = Reference(c.line, &ref_id, &ref_text);
    if (c.id) {
      ASSERT_TRUE(read);
      EXPECT_EQ(id, c.id);
      EXPECT_EQ(text, c.text);
      ASSERT_TRUE(ref);
      EXPECT_EQ(id, ref_id);
      EXPECT_EQ(text, ref_text);
    } else {
      EXPECT_FALSE(read);
    }
  }
}

// \u0000 is a NUL in the text (the analysis warns of it).
TEST(ReadSimpleLineTest, NulInsideText) {
  std::string id, text;
  ASSERT_TRUE(ReadSimpleLine(R"({"id": 6, "text": "nul \u0000 inside"})", &id, &text));
  EXPECT_EQ(text, std::string("nul \0 inside", 12));
}

// Lines made from real ones by random edits (bytes that matter to JSON, UTF-8
// pieces, escapes) must read as nlohmann reads them: where ReadSimpleLine
// reads a line, nlohmann reads the same id and text; where nlohmann reads an
// object with a string text, so does ReadSimpleLine (so the CLI's fast path
// is not quietly bypassed).
TEST(ReadSimpleLineTest, AgreesWithNlohmannOnEditedLines) {
  const std::vector<std::string> seeds = {
      R"({"id": 12, "text": "Kharkiv (AP) \u2014 Officials said on Monday that \"the strikes\" hit 3 sites."})",
      R"({"id": "doc-\u00e9", "text": "Prime Minister Rishi Sunak told reporters: \"We will act.\"\n", "lang": "en"})",
      "{\"text\": \"\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Volodymyr Zelensky. "
      "\xF0\x9F\x98\x80\", "
      "\"id\": [1, {\"a\": -2.5e+3}], \"ok\": true}",
      R"({"id": null, "text": "Emoji \ud83d\ude00 and tabs\t\t and slashes \\ \/.", "n": 0})",
  };
  const std::vector<std::string> pieces = {
      "\"",
      "\\",
      "{",
      "}",
      "[",
      "]",
      ":",
      ",",
      " ",
      "\t",
      "\r",
      "0",
      "1",
      "-",
      ".",
      "e",
      "E",
      "+",
      "true",
      "false",
      "null",
      "\\u",
      "\\ud800",
      "\\udc00",
      "\\u00e9",
      "\\n",
      "\\\"",
      "\xC3\xA9",
      "\xE2\x80",
      "\xF0\x9F\x98\x80",
      "\xFF",
      "\xED\xA0\x80",
      "\x01",
      std::string(1, '\0'),
      "\"text\"",
      "\"id\"",
      "\"text\": 5",
      "\"id\": 1e999",
      "\xEF\xBB\xBF",
      "a",
  };
  XorShift64 next(88172645463325252ull);
  int read_count = 0, both = 0;
  for (int round = 0; round < 40000; ++round) {
    std::string line = seeds[next() % seeds.size()];
    const int edits = 1 + static_cast<int>(next() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = next() % (line.size() + 1);
      const std::string& piece = pieces[next() % pieces.size()];
      switch (next() % 3) {
        case 0:
          line.insert(at, piece);
          break;
        case 1:
          line.erase(at, 1 + next() % 3);
          break;
        default:
          line.replace(at, 1, piece);
          break;
      }
    }
    std::string id, text, ref_id, ref_text;
    const bool read = ReadSimpleLine(line, &id, &text);
    const bool ref = Reference(line, &ref_id, &ref_text);
    const bool bom = line.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (read) {
      ++read_count;
      ASSERT_TRUE(ref) << line;
      ASSERT_EQ(id, ref_id) << line;
      ASSERT_EQ(text, ref_text) << line;
    } else if (ref && !bom) {
      FAIL() << "nlohmann reads it, ReadSimpleLine does not: " << line;
    }
    both += ref;
  }
  // Enough of the edited lines stay readable for the test to mean something.
  EXPECT_GT(read_count, 4000);
  EXPECT_GT(both, 4000);
}

// Nesting: 64 levels are read, more are left to nlohmann.
TEST(ReadSimpleLineTest, DeepNestingLeftToNlohmann) {
  auto nested = [](int depth) {
    return R"({"text": "x", "meta": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
  };
  std::string id, text;
  EXPECT_TRUE(ReadSimpleLine(nested(64), &id, &text));
  EXPECT_FALSE(ReadSimpleLine(nested(65), &id, &text));
  EXPECT_FALSE(ReadSimpleLine(nested(100000), &id, &text));
}

std::vector<std::string> ReadLines(const std::string& input) {
  std::FILE* f = std::tmpfile();
  EXPECT_NE(f, nullptr);
  std::fwrite(input.data(), 1, input.size(), f);
  std::rewind(f);
  LineReader reader(f);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.Next(&line)) lines.emplace_back(line);
  std::fclose(f);
  return lines;
}

TEST(LineReaderTest, Lines) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ReadLines(""), V{});
  EXPECT_EQ(ReadLines("\n"), V{""});
  EXPECT_EQ(ReadLines("a\nb\n"), (V{"a", "b"}));
  EXPECT_EQ(ReadLines("a\nb"), (V{"a", "b"}));  // the last line without '\n'
  EXPECT_EQ(ReadLines("a\r\nb\r\n\r\n"), (V{"a", "b", ""}));
  EXPECT_EQ(ReadLines("a\r\r\nb\r"), (V{"a\r", "b"}));  // one '\r' taken
  EXPECT_EQ(ReadLines("a\rb\n\n\nc"), (V{"a\rb", "", "", "c"}));
  EXPECT_EQ(ReadLines(std::string("a\0b\nc", 5)), (V{std::string("a\0b", 3), "c"}));
}

// Lines longer than the 1 MiB block, and lines across the blocks' edges.
TEST(LineReaderTest, LongLinesAcrossBlocks) {
  std::vector<std::string> expected;
  std::string input;
  XorShift64 next(7);
  for (size_t len : {size_t{0}, size_t{1} << 20, (size_t{1} << 20) - 1, size_t{3} << 20, size_t{5},
                     size_t{2500000}, size_t{1}}) {
    std::string line(len, 'x');
    for (char& c : line) c = static_cast<char>('a' + next() % 26);
    expected.push_back(line);
    input += line;
    input += (next() % 2) ? "\r\n" : "\n";
  }
  for (int i = 0; i < 3000; ++i) {
    expected.push_back(std::string(1 + next() % 900, 'y'));
    input += expected.back() + "\n";
  }
  EXPECT_EQ(ReadLines(input), expected);
  input.pop_back();  // no '\n' at the end
  EXPECT_EQ(ReadLines(input), expected);
}

}  // namespace
}  // namespace lede
