// The JSON of lede::Compare (docs/compare.md). Spans are converted into each
// analysis's offset unit here, as the schema-1 serializer does.
#include <string>

#include "analyze_internal.h"
#include "json/writer.h"
#include "lede/compare.h"
#include "lede/lede.h"

namespace lede {
namespace {

std::string Id(char prefix, int index) { return prefix + std::to_string(index + 1); }

void SpanFields(JsonWriter& w, const Analysis& an, Span s) {
  w.Key("start");
  w.Int(an.Convert(s.start));
  w.Key("end");
  w.Int(an.Convert(s.end));
  w.Key("text");
  w.String(an.Text(s));
}

void EntityIds(JsonWriter& w, const std::vector<int>& idx) {
  w.BeginArray();
  for (int i : idx) w.String(Id('E', i));
  w.EndArray();
}

void ClaimRef(JsonWriter& w, const Analysis& an, int i) {
  w.BeginObject();
  w.Key("id");
  w.String(Id('C', i));
  SpanFields(w, an, an.claims[i].span);
  w.Key("score");
  w.Double(an.claims[i].score, 3);
  w.EndObject();
}

void QuoteRef(JsonWriter& w, const Analysis& an, int i) {
  w.BeginObject();
  w.Key("id");
  w.String(Id('Q', i));
  SpanFields(w, an, an.quotes[i].span);
  w.EndObject();
}

void Strings(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

void Lone(JsonWriter& w, const std::vector<LoneEntity>& v) {
  w.BeginArray();
  for (const LoneEntity& e : v) {
    w.BeginObject();
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(e.type);
    w.Key("ids");
    EntityIds(w, e.entities);
    w.EndObject();
  }
  w.EndArray();
}

void Summary(JsonWriter& w, const Analysis& an) {
  w.BeginObject();
  if (!an.error.empty()) {
    w.Key("error");
    w.String(an.error);
  }
  w.Key("offsets");
  w.String(OffsetUnitName(an.options.offsets));
  w.Key("chars");
  w.Int(static_cast<long long>(an.stats.chars));
  w.Key("entities");
  w.Int(static_cast<long long>(an.entities.size()));
  w.Key("claims");
  w.Int(static_cast<long long>(an.claims.size()));
  w.Key("quotes");
  w.Int(static_cast<long long>(an.quotes.size()));
  w.EndObject();
}

void WriteComparison(JsonWriter& w, const Comparison& c, const Analysis& a, const Analysis& b,
                     bool pretty) {
  w.BeginObject();
  w.Key("schema");
  w.Int(kSchemaVersion);
  w.Key("kind");
  w.String("compare");
  w.Key("a");
  Summary(w, a);
  w.Key("b");
  Summary(w, b);

  w.Key("entities");
  w.BeginObject();
  w.Key("both");
  w.BeginArray();
  for (const SharedEntity& e : c.entities) {
    w.BeginObject();
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(e.type);
    w.Key("a");
    EntityIds(w, e.a);
    w.Key("b");
    EntityIds(w, e.b);
    w.Key("a_names");
    w.BeginArray();
    for (int i : e.a) w.String(a.entities[i].name);
    w.EndArray();
    w.Key("b_names");
    w.BeginArray();
    for (int i : e.b) w.String(b.entities[i].name);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("only_a");
  Lone(w, c.entities_only_a);
  w.Key("only_b");
  Lone(w, c.entities_only_b);
  w.EndObject();

  w.Key("claims");
  w.BeginObject();
  w.Key("both");
  w.BeginArray();
  for (const SharedClaim& s : c.claims) {
    w.BeginObject();
    w.Key("a");
    ClaimRef(w, a, s.a);
    w.Key("b");
    ClaimRef(w, b, s.b);
    w.Key("similarity");
    w.Double(s.similarity, 3);
    w.Key("entities");
    Strings(w, s.entities);
    w.Key("figures");
    Strings(w, s.figures);
    w.Key("words");
    Strings(w, s.words);
    w.EndObject();
  }
  w.EndArray();
  w.Key("only_a");
  w.BeginArray();
  for (int i : c.claims_only_a) ClaimRef(w, a, i);
  w.EndArray();
  w.Key("only_b");
  w.BeginArray();
  for (int i : c.claims_only_b) ClaimRef(w, b, i);
  w.EndArray();
  w.EndObject();

  w.Key("figures");
  w.BeginArray();
  for (const FigureDifference& d : c.figures) {
    w.BeginObject();
    w.Key("verdict");
    w.String("differ");
    w.Key("message");
    w.String(d.message);
    w.Key("a");
    w.BeginObject();
    w.Key("claim");
    if (d.claim_a >= 0)
      w.String(Id('C', d.claim_a));
    else
      w.Null();
    SpanFields(w, a, d.a);
    w.Key("value");
    w.Double(d.qa.value, 15);
    w.Key("unit");
    w.String(d.qa.unit);
    w.Key("approx");
    w.String(ApproxName(d.qa.approx));
    w.EndObject();
    w.Key("b");
    w.BeginObject();
    w.Key("claim");
    if (d.claim_b >= 0)
      w.String(Id('C', d.claim_b));
    else
      w.Null();
    SpanFields(w, b, d.b);
    w.Key("value");
    w.Double(d.qb.value, 15);
    w.Key("unit");
    w.String(d.qb.unit);
    w.Key("approx");
    w.String(ApproxName(d.qb.approx));
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();

  w.Key("quotes");
  w.BeginObject();
  w.Key("both");
  w.BeginArray();
  for (const SharedQuote& q : c.quotes) {
    w.BeginObject();
    w.Key("speaker");
    if (q.speaker.empty())
      w.Null();
    else
      w.String(q.speaker);
    w.Key("overlap");
    w.Double(q.overlap, 3);
    w.Key("a");
    QuoteRef(w, a, q.a);
    w.Key("b");
    QuoteRef(w, b, q.b);
    w.EndObject();
  }
  w.EndArray();
  w.Key("only_a");
  w.BeginArray();
  for (int i : c.quotes_only_a) QuoteRef(w, a, i);
  w.EndArray();
  w.Key("only_b");
  w.BeginArray();
  for (int i : c.quotes_only_b) QuoteRef(w, b, i);
  w.EndArray();
  w.EndObject();

  w.EndObject();
  if (pretty) w.Raw("\n");
}

}  // namespace

std::string CompareToJson(const Comparison& c, const Analysis& a, const Analysis& b, bool pretty) {
  JsonWriter w(pretty);
  WriteComparison(w, c, a, b, pretty);
  return w.Finish();
}

void WriteCompareJson(const Comparison& c, const Analysis& a, const Analysis& b, bool pretty,
                      void (*sink)(void* context, std::string_view bytes), void* context) {
  JsonWriter w(pretty, sink, context);
  WriteComparison(w, c, a, b, pretty);
  w.Finish();
}

}  // namespace lede
