#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"

namespace lede {

bool ReadInput(const std::string& path, size_t limit, std::string* out, std::string* error) {
  FILE* f = stdin;
  if (path != "-") {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      *error = path + ": " + std::strerror(errno);
      return false;
    }
    if (S_ISDIR(st.st_mode)) {
      *error = path + ": is a directory, not a file";
      return false;
    }
    if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > limit) {
      *error = path + ": " + std::to_string(st.st_size) + " bytes, over the limit of " +
               std::to_string(limit) + " bytes (raise it with --max-bytes)";
      return false;
    }
    f = std::fopen(path.c_str(), "rb");
    if (!f) {
      *error = path + ": " + std::strerror(errno);
      return false;
    }
  }
  out->clear();
  if (f != stdin) {
    struct stat st;  // a regular file: its size, so the string is allocated once
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
      out->reserve(static_cast<size_t>(st.st_size));
    }
  }
  char buf[1 << 16];
  size_t n;
  bool over = false;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > limit) {
      over = true;
      break;
    }
    out->append(buf, n);
  }
  bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (over) {
    *error = (path == "-" ? std::string("standard input") : path) + ": over the limit of " +
             std::to_string(limit) + " bytes (raise it with --max-bytes)";
    return false;
  }
  if (failed) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

}  // namespace lede
