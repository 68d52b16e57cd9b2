// `lede analyze --jsonl`'s input: the lines of a stream, read in blocks, and
// a line's "id" and "text" read without building a JSON document.
//
//   LineReader lines(stdin);
//   std::string_view line;
//   while (lines.Next(&line)) {
//     std::string id, text;
//     if (ReadSimpleLine(line, &id, &text)) { /* id as dump() writes it */ }
//     else { /* parse with nlohmann: its errors are the ones reported */ }
//   }
#ifndef LEDE_TOOLS_JSONL_H_
#define LEDE_TOOLS_JSONL_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace lede {

// The lines of `f`, read in 1 MiB blocks (a line longer than a block grows
// the buffer to hold it).
class LineReader {
 public:
  explicit LineReader(std::FILE* f) : f_(f) {}

  // The next line, without its '\n' and without one '\r' before it (CRLF);
  // the last line need not end in '\n'. False at the end of the input (a read
  // error ends it too, as fgetc's EOF did). *line is valid until the next call.
  bool Next(std::string_view* line);

 private:
  std::FILE* f_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t begin_ = 0;    // the next line's first byte
  size_t scanned_ = 0;  // bytes from begin_ known to hold no '\n'
  size_t end_ = 0;      // the end of what was read
  bool eof_ = false;
};

// Reads `line` as nlohmann::json::parse would, for a line that is a JSON
// object whose last "text" member is a string: sets *text to that string
// (its escapes decoded) and *id_json to the last "id" member's value as
// nlohmann's dump() writes it ("null" when there is none). Returns false,
// leaving the outputs unspecified, for whatever it does not read itself:
// invalid JSON (whose error message is nlohmann's to give), a line that is
// not an object, no string "text", a byte-order mark, nesting deeper than 64.
bool ReadSimpleLine(std::string_view line, std::string* id_json, std::string* text);

}  // namespace lede

#endif  // LEDE_TOOLS_JSONL_H_
