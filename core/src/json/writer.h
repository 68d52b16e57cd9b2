// A small streaming JSON writer: the one serializer's building block.
// Internal to the core. Strings must be valid UTF-8 (the core's text always is).
#ifndef LEDE_JSON_WRITER_H_
#define LEDE_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace lede {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty) : pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(long long value);
  void Double(double value, int digits = 4);  // shortest of %.{digits}g
  void Bool(bool value);
  void Null();

  std::string& out() { return out_; }

 private:
  void Open(char c);
  void Close(char c);
  void Value();  // comma and indentation before a value
  void Newline();

  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> first_;  // per open container: nothing written yet
  std::string out_;
};

void AppendJsonString(std::string_view s, std::string* out);

}  // namespace lede

#endif  // LEDE_JSON_WRITER_H_
