#include "jsonl.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace lede {

bool LineReader::Next(std::string_view* line) {
  constexpr size_t kBlock = 1 << 20;
  for (;;) {
    const char* base = buf_.get();
    if (end_ > begin_ + scanned_) {
      const void* nl = std::memchr(base + begin_ + scanned_, '\n', end_ - begin_ - scanned_);
      if (nl) {
        size_t at = static_cast<size_t>(static_cast<const char*>(nl) - base);
        size_t len = at - begin_;
        if (len > 0 && base[at - 1] == '\r') --len;
        *line = std::string_view(base + begin_, len);
        begin_ = at + 1;
        scanned_ = 0;
        return true;
      }
      scanned_ = end_ - begin_;
    }
    if (eof_) {
      if (begin_ == end_) return false;
      size_t len = end_ - begin_;
      if (base[end_ - 1] == '\r') --len;
      *line = std::string_view(base + begin_, len);
      begin_ = end_;
      scanned_ = 0;
      return true;
    }
    // Keep the unfinished line, at the front, with a block of room after it.
    size_t kept = end_ - begin_;
    if (capacity_ - kept < kBlock) {
      size_t capacity = std::max(kBlock, 2 * (kept + kBlock));
      std::unique_ptr<char[]> bigger(new char[capacity]);
      if (kept > 0) std::memcpy(bigger.get(), base + begin_, kept);
      buf_ = std::move(bigger);
      capacity_ = capacity;
    } else if (begin_ > 0 && kept > 0) {
      std::memmove(buf_.get(), base + begin_, kept);
    }
    begin_ = 0;
    end_ = kept;
    size_t got = std::fread(buf_.get() + end_, 1, capacity_ - end_, f_);
    end_ += got;
    if (got == 0) eof_ = true;
  }
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// A high bit in each of 8 bytes that is a control character, '"', '\\' or
// not ASCII: the bytes a JSON string does not copy as they are without a
// look. The lowest marked byte is the first such byte (a borrow runs only
// from a marked byte upwards); bytes above it may be marked wrongly.
inline uint64_t Special(uint64_t x) {
  const uint64_t quote = x ^ (kOnes * '"');
  const uint64_t slash = x ^ (kOnes * '\\');
  return (((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | ((x - kOnes * 0x20) & ~x) | x) &
         kHigh;
}

// The length of the well-formed UTF-8 sequence (RFC 3629, as nlohmann's
// lexer takes it) at p, whose first byte is 0x80 or above; 0 if it is not one.
inline size_t Utf8Length(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  auto cont = [&](size_t i, unsigned char lo, unsigned char hi) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
    return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3)
    return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

inline int HexDigit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at p (p + 4 <= end), or -1.
inline long Hex4(const unsigned char* p, const unsigned char* end) {
  if (end - p < 4) return -1;
  long v = 0;
  for (int i = 0; i < 4; ++i) {
    int d = HexDigit(p[i]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

using Byte = unsigned char;

class Reader {
 public:
  Reader(std::string_view s) : p_(reinterpret_cast<const Byte*>(s.data())), end_(p_ + s.size()) {}

  const Byte* p_;
  const Byte* end_;

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Take(Byte c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }

  // A string, p_ at its opening quote; its value appended to *out when out is
  // not null. *escaped says whether it held a backslash.
  bool String(std::string* out, bool* escaped) {
    ++p_;  // the opening quote
    *escaped = false;
    for (;;) {
      const Byte* run = p_;
      for (;;) {
        while (end_ - p_ >= 8) {
          uint64_t w;
          std::memcpy(&w, p_, 8);
          const uint64_t special = Special(w);
          if (special == 0) {
            p_ += 8;
            continue;
          }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
          p_ += __builtin_ctzll(special) >> 3;  // to the first special byte
#endif
          break;
        }
        if (p_ >= end_) return false;
        const Byte c = *p_;
        if (c >= 0x80) {
          size_t n = Utf8Length(p_, end_);
          if (n == 0) return false;
          p_ += n;
        } else if (c >= 0x20 && c != '"' && c != '\\') {
          ++p_;
        } else {
          break;
        }
      }
      if (out && p_ > run) out->append(reinterpret_cast<const char*>(run), p_ - run);
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ != '\\') return false;  // a control character
      *escaped = true;
      if (end_ - p_ < 2) return false;
      const Byte e = p_[1];
      p_ += 2;
      char c;
      switch (e) {
        case '"':
          c = '"';
          break;
        case '\\':
          c = '\\';
          break;
        case '/':
          c = '/';
          break;
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        case 'u': {
          long cp = Hex4(p_, end_);
          if (cp < 0) return false;
          p_ += 4;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return false;
            long lo = Hex4(p_ + 2, end_);
            if (lo < 0xDC00 || lo > 0xDFFF) return false;
            p_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          if (out) AppendUtf8(static_cast<char32_t>(cp), out);
          continue;
        }
        default:
          return false;
      }
      if (out) out->push_back(c);
    }
  }

  // A number as the JSON grammar has it, and finite as a double (nlohmann
  // refuses one that overflows). *small says it is an integer nlohmann
  // writes back as it was written (not "-0", at most 18 digits).
  bool Number(bool* small) {
    const Byte* start = p_;
    Take('-');
    const Byte* digits = p_;
    if (p_ >= end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    } else {
      return false;
    }
    const size_t int_digits = static_cast<size_t>(p_ - digits);
    bool integer = true, exponent = false;
    if (Take('.')) {
      integer = false;
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integer = false;
      exponent = true;
      ++p_;
      if (!Take('+')) Take('-');
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    *small = integer && int_digits <= 18 && !(start[0] == '-' && start[1] == '0');
    if (exponent || int_digits > 300) {
      std::string copy(reinterpret_cast<const char*>(start), p_ - start);
      if (!std::isfinite(std::strtod(copy.c_str(), nullptr))) return false;
    }
    return true;
  }

  bool Word(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  // Any value, p_ at its first byte; *simple says dump() would write it as it
  // was written.
  bool Value(int depth, bool* simple) {
    if (p_ >= end_) return false;
    *simple = false;
    switch (*p_) {
      case '"': {
        bool escaped;
        if (!String(nullptr, &escaped)) return false;
        *simple = !escaped;
        return true;
      }
      case 't':
        return *simple = Word("true", 4);
      case 'f':
        return *simple = Word("false", 5);
      case 'n':
        return *simple = Word("null", 4);
      case '{':
      case '[': {
        if (depth >= 64) return false;
        const Byte close = *p_ == '{' ? '}' : ']';
        ++p_;
        SkipSpace();
        if (Take(close)) return true;
        for (;;) {
          bool ignored;
          if (close == '}') {
            if (p_ >= end_ || *p_ != '"' || !String(nullptr, &ignored)) return false;
            SkipSpace();
            if (!Take(':')) return false;
            SkipSpace();
          }
          if (!Value(depth + 1, &ignored)) return false;
          SkipSpace();
          if (Take(close)) return true;
          if (!Take(',')) return false;
          SkipSpace();
        }
      }
      default:
        return Number(simple);
    }
  }
};

}  // namespace

bool ReadSimpleLine(std::string_view line, std::string* id_json, std::string* text) {
  Reader r(line);
  r.SkipSpace();
  if (!r.Take('{')) return false;
  r.SkipSpace();
  std::string key;
  const Byte* id_start = nullptr;
  const Byte* id_end = nullptr;
  bool id_simple = false;
  bool has_text = false;
  if (!r.Take('}')) {
    for (;;) {
      if (r.p_ >= r.end_ || *r.p_ != '"') return false;
      key.clear();
      bool escaped;
      if (!r.String(&key, &escaped)) return false;
      r.SkipSpace();
      if (!r.Take(':')) return false;
      r.SkipSpace();
      if (key == "text" && r.p_ < r.end_ && *r.p_ == '"') {
        text->clear();
        text->reserve(static_cast<size_t>(r.end_ - r.p_));
        if (!r.String(text, &escaped)) return false;
        has_text = true;
      } else {
        // The last "text" is the one nlohmann keeps: when it is not a string,
        // the error is nlohmann's to report.
        if (key == "text") has_text = false;
        id_start = key == "id" ? r.p_ : id_start;
        bool simple;
        if (!r.Value(0, &simple)) return false;
        if (key == "id") {
          id_end = r.p_;
          id_simple = simple;
        }
      }
      r.SkipSpace();
      if (r.Take('}')) break;
      if (!r.Take(',')) return false;
      r.SkipSpace();
    }
  }
  r.SkipSpace();
  // nlohmann's lexer takes a NUL byte for the end of the input.
  if ((r.p_ != r.end_ && *r.p_ != '\0') || !has_text) return false;
  if (!id_end) {
    id_json->assign("null");
  } else if (id_simple) {
    id_json->assign(reinterpret_cast<const char*>(id_start), id_end - id_start);
  } else {
    // Escapes, floats, large integers and containers: nlohmann writes them
    // back its own way (its number forms, sorted keys).
    try {
      *id_json = nlohmann::json::parse(id_start, id_end).dump();
    } catch (const std::exception&) {
      return false;
    }
  }
  return true;
}

}  // namespace lede
