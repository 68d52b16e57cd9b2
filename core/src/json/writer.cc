#include "json/writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace lede {
namespace {

// JsonWriter::NeedsLook as a table.
constexpr std::array<bool, 256> kLookAt = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = JsonWriter::NeedsLook(static_cast<unsigned char>(c));
  return t;
}();

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Nonzero when one of the 8 bytes of `x` is zero (exact as to "any").
constexpr uint64_t HasZeroByte(uint64_t x) { return (x - kOnes) & ~x & kHighs; }

// The first byte of [p, end) that kLookAt marks, or end: eight bytes at a
// time while none of them is a quote, backslash, control, DEL or 0xE2.
const char* SkipPlain(const char* p, const char* end) {
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    uint64_t look = ((x - kOnes * 0x20) & ~x & kHighs) |  // a byte < 0x20
                    HasZeroByte(x ^ (kOnes * '"')) | HasZeroByte(x ^ (kOnes * '\\')) |
                    HasZeroByte(x ^ (kOnes * 0x7F)) | HasZeroByte(x ^ (kOnes * 0xE2));
    if (look) break;
    p += 8;
  }
  while (p < end && !kLookAt[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

}  // namespace

JsonWriter::JsonWriter(bool pretty, size_t reserve)
    : pretty_(pretty), buf_(new char[reserve]), cap_(reserve) {}

JsonWriter::JsonWriter(bool pretty, Sink sink, void* context)
    : pretty_(pretty),
      buf_(new char[kSinkBuffer]),
      cap_(kSinkBuffer),
      sink_(sink),
      context_(context) {}

std::string JsonWriter::Finish() {
  if (sink_) {
    if (size_ > 0) sink_(context_, std::string_view(buf_.get(), size_));
    size_ = 0;
    return {};
  }
  std::string out(buf_.get(), size_);
  size_ = 0;
  return out;
}

void JsonWriter::Expand(size_t n) {
  if (sink_) {
    if (size_ > 0) sink_(context_, std::string_view(buf_.get(), size_));
    size_ = 0;
    if (n <= cap_) return;
  }
  size_t cap = std::max(cap_ * 2, size_ + n + 256);
  std::unique_ptr<char[]> bigger(new char[cap]);
  if (size_ > 0) std::memcpy(bigger.get(), buf_.get(), size_);
  buf_ = std::move(bigger);
  cap_ = cap;
}

void JsonWriter::Quoted(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  Append('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;  // start of the bytes not yet appended
  while ((p = SkipPlain(p, end)) < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    char buf[6];
    std::string_view esc;
    size_t len = 1;
    if (c == '"') {
      esc = "\\\"";
    } else if (c == '\\') {
      esc = "\\\\";
    } else if (c == '\n') {
      esc = "\\n";
    } else if (c == '\r') {
      esc = "\\r";
    } else if (c == '\t') {
      esc = "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      buf[0] = '\\';
      buf[1] = 'u';
      buf[2] = '0';
      buf[3] = '0';
      buf[4] = kHex[c >> 4];
      buf[5] = kHex[c & 15];
      esc = std::string_view(buf, 6);
    } else if (end - p >= 3 && static_cast<unsigned char>(p[1]) == 0x80 &&
               (static_cast<unsigned char>(p[2]) == 0xA8 ||
                static_cast<unsigned char>(p[2]) == 0xA9)) {
      // U+2028 / U+2029 are valid JSON but break JS string literals.
      esc = static_cast<unsigned char>(p[2]) == 0xA8 ? "\\u2028" : "\\u2029";
      len = 3;
    } else {
      ++p;  // any other character starting with 0xE2
      continue;
    }
    Append(std::string_view(run, p - run));
    Append(esc);
    p += len;
    run = p;
  }
  Append(std::string_view(run, p - run));
  Append('"');
}

void JsonWriter::Newline() {
  if (!pretty_) return;
  char* p = Grow(1 + first_.size() * 2);
  *p = '\n';
  std::memset(p + 1, ' ', first_.size() * 2);
}

void JsonWriter::Value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) Append(',');
    first_.back() = false;
    Newline();
  }
}

void JsonWriter::Open(char c) {
  Value();
  Append(c);
  first_.push_back(true);
}

void JsonWriter::Close(char c) {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) Newline();
  Append(c);
}

void JsonWriter::Key(std::string_view key) {
  Value();
  Quoted(key);
  Append(pretty_ ? std::string_view(": ") : std::string_view(":"));
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Value();
  Quoted(value);
}

void JsonWriter::Int(long long value) {
  Value();
  char buf[24];
  Append(std::string_view(buf, std::to_chars(buf, buf + sizeof buf, value).ptr - buf));
}

void JsonWriter::Double(double value, int digits) {
  Value();
  if (!std::isfinite(value)) {
    Append("null");
    return;
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value)).ptr;
    Append(std::string_view(buf, end - buf));
    return;
  }
  char buf[32];
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  // The same characters as %.*g (the standard defines it so), without
  // printf's format parsing; libc++ builds without it (wasm) use snprintf.
  char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, digits).ptr;
  Append(std::string_view(buf, end - buf));
#else
  std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  Append(buf);
#endif
}

void JsonWriter::Bool(bool value) {
  Value();
  Append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Value();
  Append("null");
}

}  // namespace lede
