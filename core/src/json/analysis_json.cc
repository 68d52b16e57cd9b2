// The one serializer: Analysis -> schema-1 JSON. Spans are converted from
// bytes to the requested unit here and nowhere else.
#include <array>
#include <string>
#include <string_view>

#include "analyze_internal.h"
#include "json/writer.h"
#include "lede/lede.h"

namespace lede {
namespace {

// The id of item `index` (from 0) of a list: "E1", "Q12".
void WriteId(JsonWriter& w, char prefix, int index) {
  w.Id(prefix, static_cast<uint32_t>(index) + 1);
}

void IdOrNull(JsonWriter& w, char prefix, int index) {
  if (index < 0) {
    w.Null();
  } else {
    WriteId(w, prefix, index);
  }
}

// name(e) as a string_view: the names of an enum of kCount values (fixed
// literals) measured once a process, so that writing one takes no strlen.
template <typename E, size_t kCount, const char* (*kName)(E)>
std::string_view NameOf(E e) {
  static const std::array<std::string_view, kCount> kNames = [] {
    std::array<std::string_view, kCount> names;
    for (size_t i = 0; i < kCount; ++i) names[i] = kName(static_cast<E>(i));
    return names;
  }();
  return kNames[static_cast<size_t>(e)];
}

// A fixed name in JSON form ("name", none needs escaping: tested), padded to
// 48 bytes for JsonWriter::EncodedPadded: one inline copy of known length
// instead of Plain's call and its memcpy call (a claim has about five
// reasons). size 0: a name too long for the room, written by Plain (none is).
// Native only: in wasm the four tables and their inline copies cost about
// 8 KB of object code, so there the names go through Plain as before.
struct PaddedName {
  char json[48];
  size_t size;
};

// name(e)'s PaddedName, from a table made once a process.
template <typename E, size_t kCount, const char* (*kName)(E)>
const PaddedName& PaddedNameOf(E e) {
  static const std::array<PaddedName, kCount> kPadded = [] {
    std::array<PaddedName, kCount> names{};
    for (size_t i = 0; i < kCount; ++i) {
      const std::string_view name = NameOf<E, kCount, kName>(static_cast<E>(i));
      PaddedName& p = names[i];
      if (name.size() + 2 > sizeof p.json) continue;
      p.json[0] = '"';
      name.copy(p.json + 1, name.size());
      p.json[name.size() + 1] = '"';
      p.size = name.size() + 2;
    }
    return names;
  }();
  return kPadded[static_cast<size_t>(e)];
}

// Writes name(e) as Plain would.
template <typename E, size_t kCount, const char* (*kName)(E)>
void WriteName(JsonWriter& w, E e) {
#if defined(__EMSCRIPTEN__)
  w.Plain(NameOf<E, kCount, kName>(e));  // wasm: no padded tables (size)
#else
  const PaddedName& p = PaddedNameOf<E, kCount, kName>(e);
  if (p.size == 0) {
    w.Plain(NameOf<E, kCount, kName>(e));
  } else {
    w.EncodedPadded(p.json, p.size);
  }
#endif
}

void SpanFields(JsonWriter& w, const Analysis& a, Span s, bool with_text) {
  uint32_t start, end;
  a.index.ConvertSpan(a.text, s.start, s.end, a.options.offsets, &start, &end);
  if (with_text) {
    const std::string_view text = a.Text(s);
    w.SpanFields(start, end, &text);
  } else {
    w.SpanFields(start, end, nullptr);
  }
}

void WriteQuantity(JsonWriter& w, const Quantity& q) {
  w.BeginObject();
  w.Key("value");
  w.Double(q.value, 15);
  if (q.approx == Quantity::Approx::kRange) {
    w.NextKey("max");
    w.Double(q.value_max, 15);
  }
  w.NextKey("unit");
  w.String(q.unit);
  w.NextKey("approx");
  constexpr size_t kApproxes = static_cast<size_t>(Quantity::Approx::kRange) + 1;
  WriteName<Quantity::Approx, kApproxes, ApproxName>(w, q.approx);
  w.EndObject();
}

void WriteEntities(JsonWriter& w, const Analysis& a) {
  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    w.BeginObject();
    w.Key("id");
    WriteId(w, 'E', static_cast<int>(i));
    w.NextKey("type");
    w.String(e.type);
    w.NextKey("name");
    w.String(e.name);
    w.NextKey("roles");
    w.BeginArray();
    for (const std::string& r : e.roles) w.String(r);
    w.EndArray();
    w.NextKey("salience");
    w.Double(e.salience, 3);
    if (e.link >= 0) {
      w.NextKey("country");
      WriteId(w, 'E', e.link);
    }
    w.NextKey("mentions");
    w.BeginArray();
    for (const Mention& m : e.mentions) {
      w.BeginObject();
      SpanFields(w, a, m.span, true);
      if (const Quantity* q = e.QuantityOf(m)) {
        w.NextKey("quantity");
        WriteQuantity(w, *q);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void WriteQuotes(JsonWriter& w, const Analysis& a) {
  w.Key("quotes");
  w.BeginArray();
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    w.BeginObject();
    w.Key("id");
    WriteId(w, 'Q', static_cast<int>(i));
    w.NextKey("kind");
    constexpr size_t kKinds = static_cast<size_t>(Quote::Kind::kScare) + 1;
    WriteName<Quote::Kind, kKinds, QuoteKindName>(w, q.kind);
    SpanFields(w, a, q.span, true);
    w.NextKey("cue");
    if (q.has_cue) {
      w.BeginObject();
      SpanFields(w, a, q.cue.span, true);
      w.NextKey("lemma");
      w.String(q.cue.lemma);
      w.NextKey("stance");
      w.String(q.cue.stance);
      w.EndObject();
    } else {
      w.Null();
    }
    w.NextKey("speaker");
    if (q.has_speaker) {
      const Speaker& s = q.speaker;
      w.BeginObject();
      w.Key("entity");
      IdOrNull(w, 'E', s.entity);
      w.NextKey("name");
      if (s.entity >= 0 && s.entity < static_cast<int>(a.entities.size())) {
        w.String(a.entities[s.entity].name);
      } else if (s.name.end > s.name.start) {
        w.String(a.Text(s.name));
      } else {
        w.Null();
      }
      if (s.has_span) {
        SpanFields(w, a, s.span, true);
      } else {
        w.NextKey("start");
        w.Null();
        w.NextKey("end");
        w.Null();
        w.NextKey("text");
        w.Null();
      }
      w.NextKey("anonymous");
      w.Bool(s.anonymous);
      w.NextKey("descriptor");
      if (s.anonymous) {
        w.String(a.Text(s.descriptor));
      } else {
        w.Null();
      }
      w.NextKey("organization");
      IdOrNull(w, 'E', s.organization);
      w.EndObject();
    } else {
      w.Null();
    }
    w.NextKey("confidence");
    w.Double(q.confidence, 3);
    if (q.unclosed) {
      w.NextKey("unclosed");
      w.Bool(true);
    }
    w.EndObject();
  }
  w.EndArray();
}

// claim.reasons[k] as String(AppendClaimReason(...)) writes it: the
// reason's phrase copied as it is (no phrase needs escaping: tested), a
// kWording reason's words escaped as they are copied (no string built and
// scanned first), its quote marks in their JSON form.
void WriteReason(JsonWriter& w, const Claim& c, size_t k, std::string_view text) {
  constexpr size_t kReasons = static_cast<size_t>(ClaimReason::kCount);
#if defined(__EMSCRIPTEN__)
  const PaddedName p{};  // wasm: no padded tables (size), the names' views
#else
  const PaddedName& p = PaddedNameOf<ClaimReason, kReasons, ClaimReasonName>(c.reasons[k]);
#endif
  const bool wording = c.reasons[k] == ClaimReason::kWording;
  if (p.size == 0) {  // a name too long for the room (none is)
    const std::string_view name = NameOf<ClaimReason, kReasons, ClaimReasonName>(c.reasons[k]);
    if (!wording) return w.Plain(name);
    w.Encoded("\"");
    w.Raw(name);
  } else if (!wording) {
    return w.EncodedPadded(p.json, p.size);
  } else {
    w.EncodedPadded(p.json, p.size - 1);  // "wording ...: with the string left open
  }
  for (size_t i = 0; i < Claim::kMaxWords; ++i) {
    const Span word = c.wording[i];
    if (word.end == word.start) break;
    if (i > 0) {  // literals: copies of a known length
      w.Raw(", \\\"");
    } else {
      w.Raw(" \\\"");
    }
    w.StringPart(text.substr(word.start, word.end - word.start));
    w.Raw("\\\"");
  }
  w.Raw("\"");
}

void WriteClaims(JsonWriter& w, const Analysis& a) {
  w.Key("claims");
  w.BeginArray();
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const Claim& c = a.claims[i];
    w.BeginObject();
    w.Key("id");
    WriteId(w, 'C', static_cast<int>(i));
    SpanFields(w, a, c.span, true);
    w.NextKey("score");
    w.Double(c.score, 3);
    w.NextKey("types");
    w.BeginArray();
    // Its types in order, by the set bits of c.types only (a claim has few
    // of the seven), as c.Has(type) tells them.
    constexpr size_t kTypes = static_cast<size_t>(ClaimType::kCount);
    for (uint32_t m = c.types & ((1u << kTypes) - 1); m != 0; m &= m - 1) {
      WriteName<ClaimType, kTypes, ClaimTypeName>(w, static_cast<ClaimType>(__builtin_ctz(m)));
    }
    w.EndArray();
    w.NextKey("source");
    w.BeginObject();
    w.Key("entity");
    IdOrNull(w, 'E', c.source.entity);
    w.NextKey("quote");
    IdOrNull(w, 'Q', c.source.quote);
    w.EndObject();
    w.NextKey("hedged");
    w.Bool(c.hedged);
    w.NextKey("reasons");
    w.BeginArray();
    for (size_t k = 0; k < c.num_reasons; ++k) WriteReason(w, c, k, a.text);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void WriteChecks(JsonWriter& w, const Analysis& a) {
  w.Key("checks");
  w.BeginArray();
  for (const Check& c : a.checks) {
    w.BeginObject();
    w.Key("kind");
    w.String(c.kind);
    w.Key("verdict");
    w.String(c.verdict);
    w.Key("message");
    w.String(c.message);
    w.Key("spans");
    w.BeginArray();
    for (const Span& s : c.spans) {
      w.BeginObject();
      SpanFields(w, a, s, false);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

const char* QuoteKindName(Quote::Kind kind) {
  switch (kind) {
    case Quote::Kind::kDirect:
      return "direct";
    case Quote::Kind::kPartial:
      return "partial";
    case Quote::Kind::kIndirect:
      return "indirect";
    case Quote::Kind::kScare:
      return "scare";
  }
  return "direct";
}

const char* ApproxName(Quantity::Approx approx) {
  switch (approx) {
    case Quantity::Approx::kExact:
      return "exact";
    case Quantity::Approx::kAbout:
      return "about";
    case Quantity::Approx::kMoreThan:
      return "more-than";
    case Quantity::Approx::kLessThan:
      return "less-than";
    case Quantity::Approx::kAtLeast:
      return "at-least";
    case Quantity::Approx::kAtMost:
      return "at-most";
    case Quantity::Approx::kRange:
      return "range";
  }
  return "exact";
}

namespace {

void WriteAnalysis(JsonWriter& w, const Analysis& a) {
  w.BeginObject();
  w.Key("schema");
  w.Int(kSchemaVersion);
  if (!a.error.empty()) {
    w.Key("error");
    w.String(a.error);
    w.EndObject();
    return;
  }
  w.Key("offsets");
  w.String(OffsetUnitName(a.options.offsets));
  w.Key("stats");
  w.BeginObject();
  w.Key("chars");
  w.Int(static_cast<long long>(a.stats.chars));
  w.Key("paragraphs");
  w.Int(static_cast<long long>(a.stats.paragraphs));
  w.Key("sentences");
  w.Int(static_cast<long long>(a.stats.sentences));
  w.Key("words");
  w.Int(static_cast<long long>(a.stats.words));
  w.EndObject();
  w.Key("warnings");
  w.BeginArray();
  for (const Warning& x : a.warnings) {
    w.BeginObject();
    w.Key("code");
    w.String(x.code);
    w.Key("message");
    w.String(x.message);
    w.EndObject();
  }
  w.EndArray();
  WriteEntities(w, a);
  WriteQuotes(w, a);
  WriteClaims(w, a);
  WriteChecks(w, a);
  w.EndObject();
  if (a.options.pretty) w.Raw("\n");
}

}  // namespace

std::string ToJson(const Analysis& a) {
  // The JSON runs to about five times the text (spans, names, quoted text).
  // Streamed into the string it is returned in, so that it is not held twice
  // (the writer's buffer and a copy) at the end: 11x -> 6x the text of peak
  // memory for a long text, where the module's memory in wasm never shrinks.
  std::string out;
  out.reserve(256 + a.text.size() * 6);
  JsonWriter w(
      a.options.pretty,
      [](void* context, std::string_view bytes) {
        static_cast<std::string*>(context)->append(bytes.data(), bytes.size());
      },
      &out);
  WriteAnalysis(w, a);
  w.Finish();
  return out;
}

void ToJsonAppend(const Analysis& a, std::string* out) {
  // As ToJson, after what *out holds. (Each keeps its own sink: in the
  // callgrind figures, whose --toggle-collect='lede::ToJson*' stops at the
  // sink, the copy into the string is left out for both.)
  out->reserve(out->size() + 256 + a.text.size() * 6);
  JsonWriter w(
      a.options.pretty,
      [](void* context, std::string_view bytes) {
        static_cast<std::string*>(context)->append(bytes.data(), bytes.size());
      },
      out);
  WriteAnalysis(w, a);
  w.Finish();
}

void WriteJson(const Analysis& a, JsonWriter::Sink sink, void* context) {
  JsonWriter w(a.options.pretty, sink, context);
  WriteAnalysis(w, a);
  w.Finish();
}

}  // namespace lede
