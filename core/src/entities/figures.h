// Figures: dates, times, money, percentages, measured quantities, counts and
// ordinals, each with a normalised Quantity. Internal to the core.
//
// Usage:
//   Document doc = BuildDocument(text);
//   for (const Figure& f : FindFigureMentions(doc)) { f.type; f.quantity.value; }
//   std::vector<Entity> e = FindFigures(doc);  // the same, grouped as entities
//
// Reads only the Document's tokens (never re-scans the text) and looks at most
// a fixed number of tokens ahead of each position: linear in the text.
// Absurd numbers never fail: a value too large for a double is +inf (the JSON
// writer prints null), "1,2,3,4" (bad digit grouping) is no figure at all.
#ifndef LEDE_ENTITIES_FIGURES_H_
#define LEDE_ENTITIES_FIGURES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

struct Figure {
  Span span;           // the mention as OntoNotes marks it ("more than 20")
  uint32_t begin = 0;  // token range [begin, end) of the mention
  uint32_t end = 0;
  const char* type = "";  // DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL
  bool has_quantity = false;
  Quantity quantity;  // valid when has_quantity
};

// Every figure of `doc`, in text order, never overlapping.
std::vector<Figure> FindFigureMentions(const Document& doc);

// The figures as entities: one entity per distinct (type, lower-cased text),
// mentions in text order; Mention::quantity carries the normalised figure.
std::vector<Entity> FindFigures(const Document& doc);

// Appends FindFigures(doc) to `entities` (the names found so far), leaving
// out figures that lie inside a name: "14th" of "14th Brigade", "Sunday" of
// "Fox News Sunday", "Second" of "Second Amendment".
void AppendFigures(const Document& doc, std::vector<Entity>* entities);

// Units. `dimension` groups units that convert into each other: "area",
// "length", "mass", "temperature", "volume", "speed", "time", "money",
// "percent", "count". For every dimension but money, value * factor + offset
// is the value in the dimension's base unit (m2, m, kg, K, l, m/s, s).
struct UnitInfo {
  const char* name;  // canonical: "km2", "mi", "C", "USD", "month", ...
  const char* dimension;
  double factor;
  double offset;
  const char* symbol;  // for messages: "km²", "°C", "$", ...
};

// The unit named `canonical` (a Quantity::unit), or nullptr.
const UnitInfo* FindUnit(std::string_view canonical);

// Converts `value` from one unit to another of the same dimension (not money).
// Returns false when they do not convert.
bool ConvertUnit(double value, std::string_view from, std::string_view to, double* out);

// True for "day", "week", "month", "year", "hour", ... (a duration unit).
bool IsTimeUnit(std::string_view canonical);

}  // namespace lede

#endif  // LEDE_ENTITIES_FIGURES_H_
