// EqualsLiteral against string_view's ==.
#include "text/literal.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace lede {
namespace {

TEST(LiteralTest, EqualsLiteralIsStringViewEquality) {
  const std::string_view views[] = {"",
                                    "O",
                                    "OR",
                                    "ORG",
                                    "ORGS",
                                    "GPE",
                                    "LOC",
                                    "org",
                                    "ORX",
                                    "XRG",
                                    "PERSON",
                                    "PERSO",
                                    "PERSONS",
                                    "NORP",
                                    "NOR",
                                    "the",
                                    "past",
                                    "pas",
                                    "pasta",
                                    std::string_view("OR\0", 3),
                                    std::string_view("\0RG", 3)};
  for (std::string_view v : views) {
    EXPECT_EQ(EqualsLiteral(v, ""), v == "") << v;
    EXPECT_EQ(EqualsLiteral(v, "ORG"), v == "ORG") << v;
    EXPECT_EQ(EqualsLiteral(v, "GPE"), v == "GPE") << v;
    EXPECT_EQ(EqualsLiteral(v, "PERSON"), v == "PERSON") << v;
    EXPECT_EQ(EqualsLiteral(v, "NORP"), v == "NORP") << v;
    EXPECT_EQ(EqualsLiteral(v, "past"), v == "past") << v;
  }
  // A view into a longer text compares only its own bytes.
  const std::string text = "ORGANIZATION";
  EXPECT_TRUE(EqualsLiteral(std::string_view(text).substr(0, 3), "ORG"));
  EXPECT_FALSE(EqualsLiteral(std::string_view(text).substr(0, 4), "ORG"));
  // A std::string converts to its view.
  EXPECT_TRUE(EqualsLiteral(std::string("LOC"), "LOC"));
}

}  // namespace
}  // namespace lede
