// A small streaming JSON writer: the one serializer's building block.
// Internal to the core. Strings must be valid UTF-8 (the core's text always is).
//
//   JsonWriter w(/*pretty=*/false);
//   w.BeginObject();
//   w.Key("schema");
//   w.Int(1);
//   w.EndObject();
//   std::string json = w.Finish();  // {"schema":1}
//
// Given a sink, the writer streams instead: whenever its buffer (kSinkBuffer
// bytes) is full, the bytes go to the sink, and Finish sends the rest and
// returns "". The output is the same bytes either way.
#ifndef LEDE_JSON_WRITER_H_
#define LEDE_JSON_WRITER_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Writes `value` as printf's "%.{digits}g" would (digits 1..17), to out[0,
// 32), and returns the length: exact decimal rounding (half to even), in
// integer arithmetic for the numbers JSON output holds (fixed notation,
// 1e-5 <= |value| < 10^digits), else by the C library. The same characters in
// every build, natively and in wasm, whose C++ library lacks
// std::to_chars(double) and whose snprintf is slow.
size_t FormatDouble(double value, int digits, char* out);

class JsonWriter {
 public:
  // Receives the output piece by piece, in order.
  using Sink = void (*)(void* context, std::string_view bytes);
  static constexpr size_t kSinkBuffer = 64 << 10;

  // `reserve`: the expected size of the output, to allocate once.
  explicit JsonWriter(bool pretty, size_t reserve = 0);
  // Streams the output to sink(context, ...).
  JsonWriter(bool pretty, Sink sink, void* context);

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  // A literal key, the usual case: its length is known at compile time, so
  // it is copied without a scan (one that needs escaping takes the above).
  template <size_t N>
  void Key(const char (&key)[N]) {
    std::string_view k(key, N - 1);
    for (char c : k) {
      if (NeedsLook(static_cast<unsigned char>(c))) return Key(k);
    }
    Value();
    char* p = Grow(N + 2);
    p[0] = '"';
    std::memcpy(p + 1, key, N - 1);
    p[N] = '"';
    p[N + 1] = ':';
    if (pretty_) Append(' ');
    after_key_ = true;
  }
  // Key(key) for a literal key that follows a member of its object (not
  // its first key, nor right after another key): compact output writes the
  // comma and the key in one step, with no look at the writer's state.
  // Pretty output (and a key to escape) takes the out-of-line Key, so that
  // a call site holds the compact path alone (wasm size). In wasm each call
  // site is a call of NextKeyOf, the same steps out of line: the inlined
  // compact path at 30 call sites cost about 1 KB of the download.
  template <size_t N>
  void NextKey(const char (&key)[N]) {
    const std::string_view k(key, N - 1);
#if defined(__EMSCRIPTEN__)
    NextKeyOf(k);
#else
    if (!CompactNextKey(k)) Key(k);
#endif
  }
  void NextKeyOf(std::string_view key);  // NextKey, out of line
  void String(std::string_view value) {  // inline: the most frequent value
    Value();
    Quoted(value);
  }
  // A string with no byte to escape (a fixed name, checked by a test): its
  // bytes copied between quotes, with no look at them.
  void Plain(std::string_view value);
  // A value already in JSON form, copied as it is; a string's opening part
  // (no closing quote) may be followed by StringPart and Raw pieces and then
  // Raw("\"").
  void Encoded(std::string_view json) {
    Value();
    Append(json);
  }
  // A value in JSON form held in the first n bytes of a buffer of N (a
  // fixed name with its quotes, padded): the N bytes copied at once (a copy
  // of known length, inline, not a memcpy call), the output taking n.
  template <size_t N>
  void EncodedPadded(const char (&json)[N], size_t n) {
    assert(n <= N);
    Value();
    char* p = Room(N);
    std::memcpy(p, json, N);
    pos_ = p + n;
  }
  // The bytes of `piece` escaped as String escapes them, inside a string
  // opened as above: the same bytes as String(the pieces joined) when no
  // piece ends inside a character.
  void StringPart(std::string_view piece);
  void Int(long long value);
  // The members of a span, as Key("start"), Int(start), Key("end"),
  // Int(end) and, when `text` is not null, Key("text"), String(*text) write
  // them; compact output in one step (the keys and numbers in one room).
  void SpanFields(uint32_t start, uint32_t end, const std::string_view* text);
  // The string value of `prefix` (an ASCII letter) and `number` in decimal,
  // "E12", as String would write it, without the look for bytes to escape.
  void Id(char prefix, uint32_t number);
  void Double(double value, int digits = 4);  // shortest of %.{digits}g
  void Bool(bool value) {
    Value();
    Append(value ? std::string_view("true") : std::string_view("false"));
  }
  void Null() {
    Value();
    std::memcpy(Grow(4), "null", 4);
  }
  // Appends `s` as it is: outside any value (e.g. a final newline), or a
  // piece of an open string in its JSON form (escaped already).
  void Raw(std::string_view s) { Append(s); }

  // True for the bytes a JSON string must look at: the quote, the backslash,
  // controls, DEL, and 0xE2 (the lead byte of U+2028 and U+2029); all other
  // bytes of valid UTF-8 are copied as they are.
  static constexpr bool NeedsLook(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == 0xE2;
  }

  // The text written so far (with a sink: sends it, returns ""); the writer
  // is empty afterwards.
  std::string Finish();

 private:
  // Inline: called for every object and array.
  void Open(char c) {
    Value();
    Append(c);
    ++depth_;
    comma_ = false;
  }
  void Close(char c) {
    const bool empty = !comma_;
    --depth_;
    if (!empty && pretty_) Newline();
    Append(c);
    comma_ = true;  // the container was a value of its parent
  }
  // Comma and indentation before a value; nothing right after a key or
  // outside any container. Inline: called before every value and key.
  void Value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (comma_) Append(',');
    comma_ = true;
    if (pretty_) Newline();
  }
  // NextKey's compact path, the one copy of its steps for both NextKey (for
  // a literal key, the look at its bytes and its length fold to constants)
  // and NextKeyOf: the comma and the key in one step. False, with nothing
  // written, for pretty output and a key to escape (Key's path).
  bool CompactNextKey(std::string_view key) {
    bool plain = !pretty_;
    for (char c : key) plain = plain && !NeedsLook(static_cast<unsigned char>(c));
    if (!plain) return false;
    assert(depth_ > 0 && comma_ && !after_key_);
    const size_t n = key.size();
    char* p = Grow(n + 4);
    p[0] = ',';
    p[1] = '"';
    std::memcpy(p + 2, key.data(), n);
    p[n + 2] = '"';
    p[n + 3] = ':';
    after_key_ = true;
    return true;
  }
  void Newline();
  void Quoted(std::string_view s);  // "s", escaped
  // The same for a string that is long (16 bytes or more) or needs a look
  // from p on (the bytes before p are plain); the output has no "s" yet.
  void QuotedFrom(std::string_view s, const char* p);
  // The bytes of s, escaped, without quotes; p is the first one needing a
  // look (the bytes before it are plain).
  void EscapeFrom(std::string_view s, const char* p);  // out of line: one copy

  // Room for n more bytes at the end of the output; returns where they go.
  // The output is [buf_, pos_) of room up to end_, grown by doubling (or,
  // with a sink, emptied into it), so a write is one comparison and a copy
  // (no std::string bookkeeping per call). Pointers, not a size and a
  // capacity: a write loads two and stores one, with no base to add.
  char* Grow(size_t n) {
    char* p = Room(n);
    pos_ = p + n;
    return p;
  }
  // Where the next n bytes go (they are not taken: the caller sets pos_
  // past what it wrote, at most n bytes).
  char* Room(size_t n) {
    if (static_cast<size_t>(end_ - pos_) < n) Expand(n);
    return pos_;
  }
  void Expand(size_t n);
  size_t size() const { return static_cast<size_t>(pos_ - buf_.get()); }
  void Append(std::string_view s) {
    if (!s.empty()) std::memcpy(Grow(s.size()), s.data(), s.size());
  }
  void Append(char c) { *Grow(1) = c; }

  bool pretty_;
  bool after_key_ = false;
  // Open containers, and whether the innermost one holds a value already
  // (the next one takes a comma). A container closed is a value of its
  // parent, so no per-level state is needed.
  size_t depth_ = 0;
  bool comma_ = false;
  std::unique_ptr<char[]> buf_;
  char* pos_ = nullptr;  // the output's end
  char* end_ = nullptr;  // the buffer's end
  Sink sink_ = nullptr;
  void* context_ = nullptr;
};

}  // namespace lede

#endif  // LEDE_JSON_WRITER_H_
