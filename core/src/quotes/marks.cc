#include "quotes/marks.h"

#include <string_view>

namespace lede {
namespace {

enum class Family : uint8_t { kNone, kDouble, kSingle };
enum class Role : uint8_t { kNone, kOpen, kClose, kEither };

struct Open {
  uint32_t token;
  Family family;
  std::string_view mark;
};

// Deeper nesting than this is taken as text, which keeps pairing linear.
constexpr size_t kMaxDepth = 4;
// How far a straight closing mark looks for a curly one that would close an
// open curly quote instead (a constant bound keeps pairing linear).
constexpr uint32_t kMixedLookahead = 120;

bool IsElision(std::string_view w) {
  return w == "n" || w == "em" || w == "til" || w == "tis" || w == "twas" || w == "cause" ||
         w == "bout" || w == "round" || w == "s" || w == "N" || w == "Tis" || w == "Twas";
}

class Pairer {
 public:
  explicit Pairer(const Document& d) : d_(d) {}

  // quote_tokens: the kQuote tokens in text order, or nullptr (every token
  // is looked at).
  std::vector<MarkedSpan> Run(const std::vector<uint32_t>* quote_tokens) {
    size_t next = 0;  // in *quote_tokens
    bool prev_ran_on = false;
    for (uint32_t p = 0; p < d_.paragraphs.size(); ++p) {
      const Paragraph& para = d_.paragraphs[p];
      if (para.begin >= para.end) continue;
      pb_ = d_.sentences[para.begin].begin;
      pe_ = d_.sentences[para.end - 1].end;
      para_ = p;
      stack_.clear();
      first_open_continues_ = prev_ran_on;
      if (quote_tokens != nullptr) {
        const std::vector<uint32_t>& q = *quote_tokens;
        while (next < q.size() && q[next] < pb_) ++next;
        for (; next < q.size() && q[next] < pe_; ++next) Mark(q[next]);
      } else {
        for (uint32_t i = pb_; i < pe_; ++i) {
          if (d_.tokens[i].kind == TokenKind::kQuote) Mark(i);
        }
      }
      prev_ran_on = false;
      if (!stack_.empty()) {
        const Open& o = stack_.front();
        MarkedSpan s = Make(o.token, pe_);
        bool next_opens = false;
        if (p + 1 < d_.paragraphs.size()) {
          const Paragraph& np = d_.paragraphs[p + 1];
          if (np.begin < np.end) {
            uint32_t t = d_.sentences[np.begin].begin;
            next_opens = d_.tokens[t].kind == TokenKind::kQuote && FamilyOf(d_.Text(t)) == o.family;
          }
        }
        s.runs_on = next_opens;
        s.unclosed = !next_opens;
        prev_ran_on = next_opens;
        Emit(s);
      }
    }
    return std::move(out_);
  }

 private:
  static Family FamilyOf(std::string_view m) {
    if (m == "\"" || m == "\xE2\x80\x9C" || m == "\xE2\x80\x9D" || m == "\xE2\x80\x9E" ||
        m == "\xE2\x80\x9F" || m == "\xC2\xAB" || m == "\xC2\xBB" || m == "``" || m == "''" ||
        m == "\xEF\xBC\x82" || m == "\xE3\x80\x8C" || m == "\xE3\x80\x8D")
      return Family::kDouble;
    if (m == "'" || m == "\xE2\x80\x98" || m == "\xE2\x80\x99" || m == "\xE2\x80\x9A" ||
        m == "\xE2\x80\x9B" || m == "\xE2\x80\xB9" || m == "\xE2\x80\xBA" || m == "\xE3\x80\x8E" ||
        m == "\xE3\x80\x8F")
      return Family::kSingle;
    return Family::kNone;
  }

  bool SpaceBefore(uint32_t i) const { return i == pb_ || d_.tokens[i].Is(kSpaceBefore); }
  bool SpaceAfter(uint32_t i) const { return i + 1 >= pe_ || d_.tokens[i + 1].Is(kSpaceBefore); }
  bool NextIsWord(uint32_t i) const {
    return i + 1 < pe_ && !d_.tokens[i + 1].Is(kSpaceBefore) &&
           d_.tokens[i + 1].kind == TokenKind::kWord;
  }
  bool NextIsNumber(uint32_t i) const {
    return i + 1 < pe_ && !d_.tokens[i + 1].Is(kSpaceBefore) &&
           d_.tokens[i + 1].kind == TokenKind::kNumber;
  }
  bool NextIsPunctOrMark(uint32_t i) const {
    return i + 1 < pe_ && (d_.tokens[i + 1].kind == TokenKind::kPunct ||
                           d_.tokens[i + 1].kind == TokenKind::kQuote);
  }
  // After a space, a bracket, a dash or another mark: where an opening mark stands.
  bool OpenContext(uint32_t i) const {
    if (SpaceBefore(i)) return true;
    const Token& p = d_.tokens[i - 1];
    std::string_view w = d_.Text(p);
    return p.kind == TokenKind::kQuote || w == "(" || w == "[" || w == "-" || w == "\xE2\x80\x94" ||
           w == "\xE2\x80\x93" || w == ":";
  }
  bool CloseContext(uint32_t i) const {
    return !SpaceBefore(i) && (SpaceAfter(i) || NextIsPunctOrMark(i));
  }
  int FindOpen(Family f) const {
    for (int k = static_cast<int>(stack_.size()) - 1; k >= 0; --k) {
      if (stack_[k].family == f) return k;
    }
    return -1;
  }
  bool HasOpen(std::string_view mark) const {
    for (const Open& o : stack_)
      if (o.mark == mark) return true;
    return false;
  }
  // A possessive ’ after an s-word ("the Smiths’ house") rather than a
  // closing mark: a word follows, and another closing candidate comes soon.
  bool PossessiveNotClose(uint32_t i, std::string_view mark) const {
    if (!d_.tokens[i].Is(kPossessive)) return false;
    if (i + 1 >= pe_ || d_.tokens[i + 1].kind != TokenKind::kWord) return false;
    for (uint32_t j = i + 1; j < pe_ && j < i + 40; ++j) {
      if (d_.tokens[j].kind == TokenKind::kQuote && d_.Text(j) == mark && CloseContext(j))
        return true;
    }
    return false;
  }

  Role RoleOf(uint32_t i, std::string_view m, Family f) const {
    if (f == Family::kNone) return Role::kNone;
    // A curly mark standing alone between spaces (“ The ...) is a stray.
    if (m != "\"" && m != "'" && m != "''" && SpaceBefore(i) && SpaceAfter(i) && i > pb_ &&
        i + 1 < pe_)
      return Role::kNone;
    if (m == "\xE2\x80\x9C") {  // “ opens, or closes „ (or, mistyped, an open “)
      if (!OpenContext(i) &&
          (HasOpen("\xE2\x80\x9E") || (FindOpen(Family::kDouble) >= 0 && CloseContext(i))))
        return Role::kClose;
      return Role::kOpen;
    }
    if (m == "\xE2\x80\x9D") {  // ”
      if (FindOpen(Family::kDouble) < 0 && SpaceBefore(i) && !SpaceAfter(i)) return Role::kOpen;
      return Role::kClose;
    }
    if (m == "\xE2\x80\x9E" || m == "\xC2\xAB" || m == "``" || m == "\xE3\x80\x8C" ||
        m == "\xE2\x80\x9F")
      return Role::kOpen;
    if (m == "\xC2\xBB" || m == "\xE3\x80\x8D") return Role::kClose;
    if (m == "''" && FindOpen(Family::kDouble) >= 0 &&
        stack_[FindOpen(Family::kDouble)].mark == "``")
      return Role::kClose;
    if (m == "\xE2\x80\xB9" || m == "\xE2\x80\x9A" || m == "\xE3\x80\x8E") return Role::kOpen;
    if (m == "\xE2\x80\xBA" || m == "\xE3\x80\x8F") return Role::kClose;
    if (m == "\xE2\x80\x98" || m == "\xE2\x80\x9B") {  // ‘ opens, unless ‘80s / ‘n’
      if (NextIsNumber(i)) return Role::kNone;
      if (NextIsWord(i) && IsElision(d_.Text(i + 1))) return Role::kNone;
      if (HasOpen("\xE2\x80\x9A") && !OpenContext(i)) return Role::kClose;
      return Role::kOpen;
    }
    if (m == "\xE2\x80\x99") {  // ’ closes an open ‘, else it is an apostrophe
      if (FindOpen(Family::kSingle) < 0) return Role::kNone;
      if (!CloseContext(i) || PossessiveNotClose(i, m)) return Role::kNone;
      return Role::kClose;
    }
    if (m == "'") {
      if (OpenContext(i) && NextIsWord(i) && !IsElision(d_.Text(i + 1))) return Role::kOpen;
      if (FindOpen(Family::kSingle) >= 0 && CloseContext(i) && !PossessiveNotClose(i, m))
        return Role::kClose;
      return Role::kNone;
    }
    // Straight double quote (and its full-width form).
    bool open_ish = OpenContext(i) && !SpaceAfter(i);
    bool close_ish = CloseContext(i);
    int k = FindOpen(Family::kDouble);
    if (k >= 0 && stack_[k].mark == m) {
      if (open_ish && !close_ish && !SpaceBefore(i)) return Role::kClose;
      return open_ish && !close_ish ? Role::kOpen : Role::kClose;
    }
    // Mixed typography: “Q," she said. A straight mark closes an open curly
    // one when the next double mark after it is no curly closer (that one
    // would close the quote, and this mark is a stray).
    if (k >= 0 && close_ish && !open_ish && stack_[k].mark != "``") {
      for (uint32_t j = i + 1; j < pe_ && j < i + kMixedLookahead; ++j) {
        if (d_.tokens[j].kind != TokenKind::kQuote) continue;
        std::string_view n = d_.Text(j);
        if (FamilyOf(n) != Family::kDouble) continue;
        if (n == "\xE2\x80\x9D" || n == "\xC2\xBB") return Role::kNone;
        break;
      }
      return Role::kClose;
    }
    if (close_ish && !open_ish) return Role::kNone;  // a stray closing mark
    return Role::kOpen;
  }

  void Mark(uint32_t i) {
    std::string_view m = d_.Text(i);
    Family f = FamilyOf(m);
    Role r = RoleOf(i, m, f);
    if (r == Role::kNone) return;
    if (r == Role::kOpen) {
      // The same kind of mark opening again while one is open: the open one
      // was never closed (nesting alternates double and single marks).
      while (!stack_.empty() && stack_.back().family == f) {
        if (stack_.size() == 1) {
          MarkedSpan s = Make(stack_[0].token, i);
          s.unclosed = true;
          Emit(s);
        }
        stack_.pop_back();
      }
      if (stack_.size() >= kMaxDepth) return;
      stack_.push_back({i, f, m});
      return;
    }
    int k = FindOpen(f);
    if (k < 0) return;  // a closing mark with nothing open: ignored
    if (k == 0) Emit(Make(stack_[0].token, i));
    stack_.resize(k);
  }

  MarkedSpan Make(uint32_t open, uint32_t close) {
    MarkedSpan s;
    s.open = open;
    s.close = close;
    s.paragraph = para_;
    if (first_open_continues_ && open == pb_) s.continues = true;
    return s;
  }

  void Emit(const MarkedSpan& s) {
    if (s.close > s.open + 1) out_.push_back(s);
  }

  const Document& d_;
  std::vector<Open> stack_;
  std::vector<MarkedSpan> out_;
  uint32_t pb_ = 0, pe_ = 0, para_ = 0;
  bool first_open_continues_ = false;
};

}  // namespace

std::vector<MarkedSpan> PairQuoteMarks(const Document& doc) { return Pairer(doc).Run(nullptr); }

std::vector<MarkedSpan> PairQuoteMarks(const Document& doc,
                                       const std::vector<uint32_t>& quote_tokens) {
  return Pairer(doc).Run(&quote_tokens);
}

}  // namespace lede
