// JsonWriter's strings: every byte a JSON string must escape, at every
// position of strings of every length up to past the 16-byte scans (the
// short strings' 4-15 byte path tests two overlapping loads at once).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "json/writer.h"
#include "lede/lede.h"

namespace lede {
namespace {

// The escaping the writer is specified to do, a byte at a time.
std::string Reference(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Written(std::string_view s) {
  JsonWriter w(/*pretty=*/false);
  w.String(s);
  return w.Finish();
}

TEST(JsonWriterTest, StringsOfEveryLengthWithASpecialByteAnywhere) {
  const std::string_view specials[] = {"\"",           "\\",           "\n",           "\r",
                                       "\t",           "\x01",         "\x1F",         "\x7F",
                                       "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x99", "\xC3\xA9"};
  for (size_t n = 0; n <= 40; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    ASSERT_EQ(Written(plain), Reference(plain)) << n;
    for (std::string_view special : specials) {
      for (size_t at = 0; at + special.size() <= n; ++at) {
        std::string s = plain;
        s.replace(at, special.size(), special);
        ASSERT_EQ(Written(s), Reference(s)) << n << " at " << at;
      }
    }
  }
}

// Two bytes that need a look: after the first, the scan goes on from there,
// and a rest under 16 bytes is tested as the string's last 16 bytes with the
// ones before it left out (the first special among them must not count).
TEST(JsonWriterTest, StringsWithTwoSpecialBytesAnywhere) {
  const std::string_view specials[] = {"\"", "\x01", "\xE2\x80\xA9", "\xE2\x80\x99"};
  for (size_t n = 2; n <= 40; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    for (std::string_view first : specials) {
      for (std::string_view second : specials) {
        for (size_t a = 0; a + first.size() <= n; ++a) {
          for (size_t b = a + first.size(); b + second.size() <= n; ++b) {
            std::string s = plain;
            s.replace(a, first.size(), first);
            s.replace(b, second.size(), second);
            ASSERT_EQ(Written(s), Reference(s)) << n << " at " << a << " and " << b;
          }
        }
      }
    }
  }
}

TEST(JsonWriterTest, ValuesInObjectsAndArrays) {
  JsonWriter w(/*pretty=*/false);
  w.BeginObject();
  w.Key("name");
  w.String("Ann \"A\" Lee");
  w.Key("ids");
  w.BeginArray();
  w.String("E1");
  w.String("E12345");
  w.String("twelve bytes");
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.Finish(),
            "{\"name\":\"Ann \\\"A\\\" Lee\",\"ids\":[\"E1\",\"E12345\",\"twelve bytes\"]}");
}

// Streamed through a sink (its buffer emptied whenever a write finds it
// full), the output is the same bytes as one grown buffer's, from the first
// reserved size on: every kind of write meets the buffer's end.
TEST(JsonWriterTest, StreamedAsWrittenWhole) {
  auto write = [](JsonWriter& w) {
    const std::string long_text(300, 'x');
    w.BeginArray();
    for (uint32_t i = 0; i < 5000; ++i) {
      w.BeginObject();
      w.Key("id");
      w.Id('E', i);
      const std::string_view text = i % 7 == 0 ? std::string_view(long_text) : "Ann \"A\" Lee";
      w.SpanFields(i * 11, i * 11 + 5, &text);
      w.Key("n");
      w.Int(static_cast<long long>(i) * 1000003);
      w.Key("d");
      w.Double(i / 7.0, i % 2 == 0 ? 3 : 15);
      w.Key("name");
      w.Plain("more-than");
      w.Key("b");
      w.Bool(i % 3 == 0);
      w.Key("z");
      w.Null();
      w.EndObject();
    }
    w.EndArray();
  };
  for (size_t reserve : {size_t{0}, size_t{1}, size_t{100}, size_t{1} << 20}) {
    JsonWriter whole(/*pretty=*/false, reserve);
    write(whole);
    const std::string expected = whole.Finish();
    ASSERT_GT(expected.size(), 4 * JsonWriter::kSinkBuffer);
    std::string streamed;
    size_t pieces = 0;
    struct Out {
      std::string* s;
      size_t* pieces;
    } out{&streamed, &pieces};
    JsonWriter w(
        /*pretty=*/false,
        [](void* context, std::string_view bytes) {
          Out* o = static_cast<Out*>(context);
          o->s->append(bytes.data(), bytes.size());
          ++*o->pieces;
        },
        &out);
    write(w);
    EXPECT_EQ(w.Finish(), "");
    EXPECT_EQ(streamed, expected) << reserve;
    EXPECT_GT(pieces, 4u);
  }
}

// SpanFields writes what the keys and values it stands for write, compact and
// pretty, as an object's first member or after others, at any number width.
TEST(JsonWriterTest, SpanFieldsAsKeysAndValues) {
  const uint32_t numbers[] = {0, 7, 10, 99, 12345, 999999999, 1000000000, 4294967295u};
  const std::string_view texts[] = {
      "", "Hillary Clinton", "a \"quoted\" \\ text\n",
      "a text of more than sixteen bytes, \xE2\x80\x9Cquoted\xE2\x80\x9D"};
  for (bool pretty : {false, true}) {
    for (uint32_t start : numbers) {
      for (uint32_t end : numbers) {
        for (int t = -1; t < 4; ++t) {
          const std::string_view* text = t < 0 ? nullptr : &texts[t];
          JsonWriter fused(pretty), plain(pretty);
          for (JsonWriter* w : {&fused, &plain}) {
            w->BeginArray();
            for (int first = 0; first < 2; ++first) {
              w->BeginObject();
              if (first == 0) {
                w->Key("id");
                w->String("E1");
              }
              if (w == &fused) {
                w->SpanFields(start, end, text);
              } else {
                w->Key("start");
                w->Int(start);
                w->Key("end");
                w->Int(end);
                if (text != nullptr) {
                  w->Key("text");
                  w->String(*text);
                }
              }
              w->Key("next");
              w->Null();
              w->EndObject();
            }
            w->EndArray();
          }
          ASSERT_EQ(fused.Finish(), plain.Finish())
              << pretty << " " << start << " " << end << " " << t;
        }
      }
    }
  }
}

// NextKey (a key after another member of its object) writes what Key
// writes: after a value, a closed object or array, fused span fields and a
// null, compact and pretty, with a key that needs escaping too.
TEST(JsonWriterTest, NextKeyAsKey) {
  for (bool pretty : {false, true}) {
    // NextKeyOf is what NextKey calls in wasm.
    JsonWriter next(pretty), next_of(pretty), plain(pretty);
    for (JsonWriter* w : {&next, &next_of, &plain}) {
      const auto key = [&](auto&& k) {
        if (w == &next) {
          w->NextKey(k);
        } else if (w == &next_of) {
          w->NextKeyOf(k);
        } else {
          w->Key(k);
        }
      };
      w->BeginArray();
      w->BeginObject();
      w->Key("id");
      w->String("Q1");
      key("kind");
      w->String("direct");
      w->SpanFields(12, 40, nullptr);
      key("cue");
      w->BeginObject();
      const std::string_view said = "said";
      w->SpanFields(41, 45, &said);
      key("lemma");
      w->String("say");
      w->EndObject();
      key("roles");
      w->BeginArray();
      w->EndArray();
      key("speaker");
      w->Null();
      key("a \"quoted\" key");
      w->Double(0.25, 3);
      w->EndObject();
      w->EndArray();
    }
    const std::string expected = plain.Finish();
    EXPECT_EQ(next.Finish(), expected) << pretty;
    EXPECT_EQ(next_of.Finish(), expected) << pretty;
  }
  JsonWriter w(/*pretty=*/false);
  w.BeginObject();
  w.Key("id");
  w.Int(1);
  w.NextKey("name");
  w.String("Ann");
  w.EndObject();
  EXPECT_EQ(w.Finish(), "{\"id\":1,\"name\":\"Ann\"}");
}

// The offsets and ids in decimal: every number below 200,000, the ones
// around each power of ten and the top of the range, and a stride over the
// rest of the 32-bit range (the digits are made four at a time below 10^4,
// eight at a time below 10^8).
TEST(JsonWriterTest, NumbersOfEveryLength) {
  std::vector<uint32_t> numbers;
  for (uint32_t n = 0; n < 200000; ++n) numbers.push_back(n);
  for (uint64_t p = 10; p <= 1000000000; p *= 10) {
    for (uint64_t n = p - 2; n <= p + 2; ++n) numbers.push_back(static_cast<uint32_t>(n));
  }
  for (uint64_t n = 200000; n <= 0xFFFFFFFFull; n += 104729)
    numbers.push_back(static_cast<uint32_t>(n));
  numbers.push_back(0xFFFFFFFFu);
  for (uint32_t n : numbers) {
    const std::string digits = std::to_string(n);
    JsonWriter w(/*pretty=*/false);
    w.BeginArray();
    w.Id('E', n);
    w.BeginObject();
    w.SpanFields(n, n, nullptr);
    w.EndObject();
    w.EndArray();
    ASSERT_EQ(w.Finish(), "[\"E" + digits + "\",{\"start\":" + digits + ",\"end\":" + digits + "}]")
        << n;
  }
}

// Id writes what String writes of the same text.
TEST(JsonWriterTest, IdAsAString) {
  for (bool pretty : {false, true}) {
    for (uint32_t number : {0u, 1u, 9u, 10u, 12u, 999u, 123456789u, 4294967295u}) {
      for (char prefix : {'E', 'Q', 'C'}) {
        JsonWriter fused(pretty), plain(pretty);
        const std::string text = prefix + std::to_string(number);
        for (JsonWriter* w : {&fused, &plain}) {
          w->BeginObject();
          w->Key("id");
          for (int k = 0; k < 2; ++k) {
            if (k == 1) {
              w->Key("ids");
              w->BeginArray();
            }
            for (int n = 0; n <= k; ++n) {
              if (w == &fused) {
                w->Id(prefix, number);
              } else {
                w->String(text);
              }
            }
          }
          w->EndArray();
          w->EndObject();
        }
        ASSERT_EQ(fused.Finish(), plain.Finish()) << pretty << " " << text;
      }
    }
  }
}

// A string written as an opening Encoded part, StringPart pieces and Raw
// pieces in JSON form is what String writes of the pieces joined.
TEST(JsonWriterTest, StringInPieces) {
  const std::string_view pieces[] = {
      "", "plain", "a \"b\" \\ c\n\x01\x7F",
      "\xE2\x80\xA8 and \xE2\x80\xA9, \xE2\x80\x9Cquoted\xE2\x80\x9D",
      "a piece of more than sixteen bytes, plain"};
  for (bool pretty : {false, true}) {
    for (std::string_view a : pieces) {
      for (std::string_view b : pieces) {
        JsonWriter pieced(pretty), plain(pretty);
        for (JsonWriter* w : {&pieced, &plain}) {
          w->BeginArray();
          w->Null();
          if (w == &pieced) {
            w->Encoded("\"head: ");
            w->StringPart(a);
            w->Raw("\\\"");  // a quote mark, in JSON form
            w->StringPart(b);
            w->Raw("\"");
          } else {
            w->String(std::string("head: ") + std::string(a) + "\"" + std::string(b));
          }
          w->EndArray();
        }
        ASSERT_EQ(pieced.Finish(), plain.Finish()) << pretty << " " << a << " " << b;
      }
    }
  }
}

// A piece of every length, with a byte to look at anywhere in it, is escaped
// as String escapes it: the pieces under 16 bytes take the short strings'
// path (a claim's quoted words), the longer ones the scan. After a piece
// already written too, so that the short path writes past other bytes.
TEST(JsonWriterTest, StringPartsOfEveryLengthWithASpecialByteAnywhere) {
  const std::string_view specials[] = {"\"",   "\\",           "\n",           "\x01",
                                       "\x7F", "\xE2\x80\xA8", "\xE2\x80\x99", "\xC3\xA9"};
  const auto pieced = [](std::string_view head, std::string_view s) {
    JsonWriter w(/*pretty=*/false);
    w.Encoded("\"");
    w.StringPart(head);
    w.StringPart(s);
    w.Raw("\"");
    return w.Finish();
  };
  for (size_t n = 0; n <= 40; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    for (std::string_view head : {"", "said \""}) {
      const std::string whole = std::string(head);
      ASSERT_EQ(pieced(head, plain), Reference(whole + plain)) << n;
      for (std::string_view special : specials) {
        for (size_t at = 0; at + special.size() <= n; ++at) {
          std::string s = plain;
          s.replace(at, special.size(), special);
          ASSERT_EQ(pieced(head, s), Reference(whole + s)) << n << " at " << at;
        }
      }
    }
  }
}

// EncodedPadded writes the first n bytes of its buffer as Encoded writes
// them, with the comma and indentation before them, whatever the bytes past
// n are; the room it takes past them is overwritten by what follows.
TEST(JsonWriterTest, EncodedPaddedAsEncoded) {
  char padded[48];
  std::memset(padded, 'x', sizeof padded);
  const std::string_view names[] = {"\"event\"", "\"names a person, place or organisation\"",
                                    "\"\"", "null"};
  for (bool pretty : {false, true}) {
    JsonWriter a(pretty), b(pretty);
    for (JsonWriter* w : {&a, &b}) {
      w->BeginObject();
      w->Key("reasons");
      w->BeginArray();
      for (std::string_view name : names) {
        if (w == &a) {
          name.copy(padded, name.size());
          w->EncodedPadded(padded, name.size());
        } else {
          w->Encoded(name);
        }
      }
      w->EndArray();
      w->Key("end");
      w->Null();
      w->EndObject();
    }
    EXPECT_EQ(a.Finish(), b.Finish()) << pretty;
  }
}

// The names ToJson writes with Plain (no look for bytes to escape) are what
// String writes of them.
TEST(JsonWriterTest, FixedNamesNeedNoEscaping) {
  std::vector<std::string_view> names;
  for (int t = 0; t < static_cast<int>(ClaimType::kCount); ++t) {
    names.push_back(ClaimTypeName(static_cast<ClaimType>(t)));
  }
  for (int r = 0; r < static_cast<int>(ClaimReason::kCount); ++r) {
    names.push_back(ClaimReasonName(static_cast<ClaimReason>(r)));
  }
  for (Quote::Kind k :
       {Quote::Kind::kDirect, Quote::Kind::kPartial, Quote::Kind::kIndirect, Quote::Kind::kScare}) {
    names.push_back(QuoteKindName(k));
  }
  for (int x = 0; x <= static_cast<int>(Quantity::Approx::kRange); ++x) {
    names.push_back(ApproxName(static_cast<Quantity::Approx>(x)));
  }
  for (std::string_view name : names) {
    JsonWriter plain(/*pretty=*/false);
    plain.Plain(name);
    EXPECT_EQ(plain.Finish(), Written(name));
  }
}

// ToJson writes a claim's types and reasons as String writes ClaimTypeNames
// and ClaimReasonTexts (the names encoded once, kWording's words pieced).
TEST(JsonWriterTest, ClaimTypesAndReasonsAsStrings) {
  Analysis a;
  a.text = "He said \"no\" to a\\b, tab\there, \xE2\x80\xA8line \xE2\x80\x9Cq\xE2\x80\x9D end.";
  a.index = OffsetIndex(a.text);
  const uint32_t size = static_cast<uint32_t>(a.text.size());
  for (int n = 0; n <= 3; ++n) {
    Claim c;
    c.span = Span{0, size};
    c.types = static_cast<uint8_t>((1u << static_cast<int>(ClaimType::kCount)) - 1 - n);
    for (int r = 0; r < static_cast<int>(ClaimReason::kCount) && c.num_reasons < Claim::kMaxReasons;
         r += 1 + n) {
      c.reasons[c.num_reasons++] = static_cast<ClaimReason>(r);
    }
    c.reasons[c.num_reasons - 1] = ClaimReason::kWording;
    // Words with a quote mark, a backslash, a tab, U+2028 and curly quotes.
    const Span words[] = {{8, 12}, {16, 19}, {21, 29}, {31, size}};
    for (int i = 0; i < n; ++i) c.wording[i] = words[(i + n) % 4];
    a.claims.push_back(c);
  }
  const std::string json = ToJson(a);
  for (const Claim& c : a.claims) {
    JsonWriter w(/*pretty=*/false);
    w.BeginObject();
    w.Key("types");
    w.BeginArray();
    for (const std::string& t : ClaimTypeNames(c)) w.String(t);
    w.EndArray();
    w.Key("source");
    w.BeginObject();
    w.Key("entity");
    w.Null();
    w.Key("quote");
    w.Null();
    w.EndObject();
    w.Key("hedged");
    w.Bool(false);
    w.Key("reasons");
    w.BeginArray();
    for (const std::string& r : ClaimReasonTexts(c, a.text)) w.String(r);
    w.EndArray();
    w.EndObject();
    std::string expected = w.Finish();
    expected = expected.substr(1, expected.size() - 2);  // the members, without the braces
    EXPECT_NE(json.find(expected), std::string::npos) << expected << "\n" << json;
  }
}

}  // namespace
}  // namespace lede
