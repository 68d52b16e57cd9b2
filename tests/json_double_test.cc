// FormatDouble: the JSON writer's numbers, the same characters as printf's
// "%.{digits}g" in every build (wasm's C++ library lacks to_chars(double), so
// the writer formats them itself; the node tests compare wasm with native).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "json/writer.h"

namespace lede {
namespace {

std::string Printf(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::string Ours(double v, int digits) {
  char buf[32];
  return std::string(buf, FormatDouble(v, digits, buf));
}

void ExpectSame(double v) {
  for (int digits = 1; digits <= 17; ++digits) {
    ASSERT_EQ(Ours(v, digits), Printf(v, digits)) << "%." << digits << "g of " << Printf(v, 17);
  }
}

TEST(FormatDoubleTest, ValuesTheAnalysisWrites) {
  for (double v : {0.5, 0.793, 0.1, 0.25, 1.2, 3.5, 1.25, 0.333333333333333, 2.0 / 3, 12.5, 99.5,
                   0.05, 0.0001, 0.00012345, 123456.789, 1e-5, 9.87654321e14}) {
    ExpectSame(v);
    ExpectSame(-v);
  }
}

// Exact binary ties round half to even ("%.2g" of 0.125 is 0.12), and values
// that round up to the next power of ten change the exponent (9.9996 -> 10).
TEST(FormatDoubleTest, TiesAndCarries) {
  for (double v : {0.125, 0.375, 2.5, 0.0625, 1.5, 1.0005, 0.5005, 1024.5, 0.99995, 9.9995, 99.995,
                   9.9996, 0.00099995, 999.5, 9999.5, 0.09995, 1e-4, 9.99999e-5}) {
    ExpectSame(v);
    ExpectSame(-v);
  }
  for (int i = 1; i < 4096; ++i) ExpectSame(i / 64.0 + 1.0 / 4096);  // many exact ties
  for (int e = -6; e <= 17; ++e) {
    double p = std::pow(10.0, e);
    ExpectSame(p);
    ExpectSame(std::nextafter(p, 0));
    ExpectSame(std::nextafter(p, 1e300));
  }
}

// "%.3g" from 2^-4 to 1 (the salience, confidence and score of every item
// take their own path): every third decimal, its neighbours, and the exact
// binary ties between two of them (j / 2000 for j a multiple of 125).
TEST(FormatDoubleTest, ThreeDigitsBelowOne) {
  auto same3 = [](double v) {
    ASSERT_EQ(Ours(v, 3), Printf(v, 3)) << Printf(v, 17);
    ASSERT_EQ(Ours(-v, 3), Printf(-v, 3)) << Printf(-v, 17);
  };
  for (int j = 60; j <= 2000; ++j) {
    const double v = j / 2000.0;
    same3(v);
    same3(std::nextafter(v, 0));
    same3(std::nextafter(v, 2));
  }
  for (double v : {0.0625, 0.1, 0.09995, 0.0999499999, 0.9995, 0.99949999, 0.99951, 0.1875, 0.5,
                   0.995, 0.866, 0.7}) {
    same3(v);
  }
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0.0625, 1);
  for (int i = 0; i < 20000; ++i) same3(unit(rng));
}

TEST(FormatDoubleTest, RandomValuesOfEveryMagnitude) {
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> exponent(-8, 19);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 20000; ++i) {
    double v = std::pow(10.0, exponent(rng));
    ExpectSame(v);
    ExpectSame(std::round(v * 1000) / 1000);  // a few decimals, as written figures have
    ExpectSame(unit(rng));
  }
}

TEST(FormatDoubleTest, OutsideTheFixedRangeFallsBackToTheLibrary) {
  for (double v : {1e-7, 3.2e-300, 5e-324, 1e20, 1.5e300, 0.0, -0.0}) ExpectSame(v);
  EXPECT_EQ(Ours(std::nan(""), 3), Printf(std::nan(""), 3));
}

}  // namespace
}  // namespace lede
