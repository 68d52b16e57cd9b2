#include "json/writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace lede {
namespace {

// The bytes AppendJsonString has to look at: the quote, the backslash,
// control characters, DEL, and 0xE2, the lead byte of U+2028 and U+2029.
// Every other byte is copied as it is, a run at a time.
constexpr std::array<bool, 256> kLookAt = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = t[0x7F] = t[0xE2] = true;
  return t;
}();

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;  // start of the bytes not yet appended
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (!kLookAt[c]) {
      ++p;
      continue;
    }
    char buf[7];
    const char* esc = buf;
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
      buf[6] = 0;
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
    out->append(run, p - run);
    out->append(esc);
    p += len;
    run = p;
  }
  out->append(run, p - run);
  out->push_back('"');
}

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_.push_back('\n');
  out_.append(first_.size() * 2, ' ');
}

void JsonWriter::Value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
    Newline();
  }
}

void JsonWriter::Open(char c) {
  Value();
  out_.push_back(c);
  first_.push_back(true);
}

void JsonWriter::Close(char c) {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) Newline();
  out_.push_back(c);
}

void JsonWriter::Key(std::string_view key) {
  Value();
  AppendJsonString(key, &out_);
  out_.push_back(':');
  if (pretty_) out_.push_back(' ');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Value();
  AppendJsonString(value, &out_);
}

void JsonWriter::Int(long long value) {
  Value();
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
}

void JsonWriter::Double(double value, int digits) {
  Value();
  if (!std::isfinite(value)) {
    out_.append("null");
    return;
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value)).ptr);
    return;
  }
  char buf[32];
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  // The same characters as %.*g (the standard defines it so), without
  // printf's format parsing; libc++ builds without it (wasm) use snprintf.
  out_.append(buf,
              std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, digits).ptr);
#else
  std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  out_.append(buf);
#endif
}

void JsonWriter::Bool(bool value) {
  Value();
  out_.append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Value();
  out_.append("null");
}

}  // namespace lede
