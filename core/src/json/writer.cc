#include "json/writer.h"

#include <cmath>
#include <cstdio>

namespace lede {

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[7];
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
      esc = buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      // U+2028 / U+2029 are valid JSON but break JS string literals.
      out->append(s.data() + i - run, run);
      run = 0;
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      continue;
    }
    if (esc) {
      out->append(s.data() + i - run, run);
      run = 0;
      out->append(esc);
    } else {
      ++run;
    }
  }
  out->append(s.data() + s.size() - run, run);
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
  out_.append(std::to_string(value));
}

void JsonWriter::Double(double value, int digits) {
  Value();
  if (!std::isfinite(value)) {
    out_.append("null");
    return;
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    out_.append(std::to_string(static_cast<long long>(value)));
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  out_.append(buf);
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
