// The one serializer: Analysis -> schema-1 JSON. Spans are converted from
// bytes to the requested unit here and nowhere else.
#include <string>

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
    w.Key("max");
    w.Double(q.value_max, 15);
  }
  w.Key("unit");
  w.String(q.unit);
  w.Key("approx");
  w.Plain(ApproxName(q.approx));  // none needs escaping: tested
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
    w.Key("type");
    w.String(e.type);
    w.Key("name");
    w.String(e.name);
    w.Key("roles");
    w.BeginArray();
    for (const std::string& r : e.roles) w.String(r);
    w.EndArray();
    w.Key("salience");
    w.Double(e.salience, 3);
    if (e.link >= 0) {
      w.Key("country");
      WriteId(w, 'E', e.link);
    }
    w.Key("mentions");
    w.BeginArray();
    for (const Mention& m : e.mentions) {
      w.BeginObject();
      SpanFields(w, a, m.span, true);
      if (const Quantity* q = e.QuantityOf(m)) {
        w.Key("quantity");
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
    w.Key("kind");
    w.Plain(QuoteKindName(q.kind));  // none needs escaping: tested
    SpanFields(w, a, q.span, true);
    w.Key("cue");
    if (q.has_cue) {
      w.BeginObject();
      SpanFields(w, a, q.cue.span, true);
      w.Key("lemma");
      w.String(q.cue.lemma);
      w.Key("stance");
      w.String(q.cue.stance);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("speaker");
    if (q.has_speaker) {
      const Speaker& s = q.speaker;
      w.BeginObject();
      w.Key("entity");
      IdOrNull(w, 'E', s.entity);
      w.Key("name");
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
        w.Key("start");
        w.Null();
        w.Key("end");
        w.Null();
        w.Key("text");
        w.Null();
      }
      w.Key("anonymous");
      w.Bool(s.anonymous);
      w.Key("descriptor");
      if (s.anonymous) {
        w.String(a.Text(s.descriptor));
      } else {
        w.Null();
      }
      w.Key("organization");
      IdOrNull(w, 'E', s.organization);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("confidence");
    w.Double(q.confidence, 3);
    if (q.unclosed) {
      w.Key("unclosed");
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
  const char* const name = ClaimReasonName(c.reasons[k]);
  if (c.reasons[k] != ClaimReason::kWording) {
    w.Plain(name);
    return;
  }
  w.Encoded("\"");
  w.Raw(name);
  for (size_t i = 0; i < Claim::kMaxWords; ++i) {
    const Span word = c.wording[i];
    if (word.end == word.start) break;
    w.Raw(i > 0 ? ", \\\"" : " \\\"");
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
    w.Key("score");
    w.Double(c.score, 3);
    w.Key("types");
    w.BeginArray();
    for (int t = 0; t < static_cast<int>(ClaimType::kCount); ++t) {
      if (c.Has(static_cast<ClaimType>(t))) {
        w.Plain(ClaimTypeName(static_cast<ClaimType>(t)));  // none needs escaping: tested
      }
    }
    w.EndArray();
    w.Key("source");
    w.BeginObject();
    w.Key("entity");
    IdOrNull(w, 'E', c.source.entity);
    w.Key("quote");
    IdOrNull(w, 'Q', c.source.quote);
    w.EndObject();
    w.Key("hedged");
    w.Bool(c.hedged);
    w.Key("reasons");
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

void WriteJson(const Analysis& a, JsonWriter::Sink sink, void* context) {
  JsonWriter w(a.options.pretty, sink, context);
  WriteAnalysis(w, a);
  w.Finish();
}

}  // namespace lede
