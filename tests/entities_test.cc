// Names, roles and clusters on sentences from real articles (Kharkiv
// counter-offensive reports, September 2022), and the tagger's accuracy on
// CoNLL-2003 dev when ../shared/data is present.
#include <gtest/gtest.h>

#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "entities/lexicon.h"
#include "lede/lede.h"

namespace lede {
namespace {

struct Found {
  Analysis a;
  // The entity with a mention written exactly `text`, or nullptr.
  const Entity* With(const std::string& text) const {
    for (const Entity& e : a.entities) {
      for (const Mention& m : e.mentions) {
        if (a.Text(m.span) == text) return &e;
      }
    }
    return nullptr;
  }
  std::vector<std::string> Mentions(const Entity& e) const {
    std::vector<std::string> out;
    for (const Mention& m : e.mentions) out.emplace_back(a.Text(m.span));
    return out;
  }
};

Found Analyse(const std::string& text) { return Found{Analyze(text)}; }

// The text of the PolNeAR train article `doc` (empty if no line has that id);
// false when ../shared/data is not there.
bool PolnearTrainText(const std::string& doc, std::string* text) {
  std::ifstream in(std::string(LEDE_SHARED_DIR) + "/data/quotes/polnear-train.jsonl");
  if (!in) return false;
  std::string line;
  while (text->empty() && std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    if (j["doc"] == doc) *text = j["text"];
  }
  return true;
}

using Strings = std::vector<std::string>;

TEST(EntitiesTest, RoleBeforeTheNameStaysOutOfTheMention) {
  struct Case {
    const char* text;
    const char* name;
    const char* type;
    Strings roles;
  } cases[] = {
      {"US Defense Secretary Lloyd Austin announced this week a meeting of senior national "
       "armaments directors from allied countries.",
       "Lloyd Austin",
       "PERSON",
       {"US Defense Secretary"}},
      {"Moscow conceded having lost territory, which experts saw as a serious blow to its war "
       "ambitions, but Kremlin spokesman Dmitry Peskov saw no prospects for negotiations.",
       "Dmitry Peskov",
       "PERSON",
       {"Kremlin spokesman"}},
      {"On Friday, the Pentagon\xE2\x80\x99s arms acquisition chief Bill LaPlante said the meeting "
       "would take place in Brussels on September 28.",
       "Bill LaPlante",
       "PERSON",
       {"Pentagon\xE2\x80\x99s arms acquisition chief"}},
      {"\xE2\x80\x9CThe war will continue,\xE2\x80\x9D said Jim Stavridis, a retired US admiral "
       "and former top NATO allied commander.",
       "Jim Stavridis",
       "PERSON",
       {"retired US admiral"}},
      {"Ukrainian Foreign Minister Dmytro Kuleba said on Twitter that the EU\xE2\x80\x99s top "
       "diplomat, Josep Borrell, had called him.",
       "Josep Borrell",
       "PERSON",
       {"EU\xE2\x80\x99s top diplomat"}},
  };
  for (const Case& c : cases) {
    Found f = Analyse(c.text);
    const Entity* e = f.With(c.name);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->type, c.type) << c.text;
    EXPECT_EQ(e->name, c.name) << c.text;
    EXPECT_EQ(e->roles, c.roles) << c.text;
  }
}

TEST(EntitiesTest, KyivAndTwitterAreNotPeople) {
  Found f = Analyse(
      "Ukrainian Foreign Minister Dmytro Kuleba said on Twitter that the EU had called him. "
      "Kyiv said Russian strikes on electricity infrastructure caused power failures.");
  const Entity* kuleba = f.With("Dmytro Kuleba");
  ASSERT_NE(kuleba, nullptr);
  EXPECT_EQ(kuleba->roles, Strings{"Ukrainian Foreign Minister"});
  ASSERT_NE(f.With("Twitter"), nullptr);
  EXPECT_EQ(f.With("Twitter")->type, "ORG");
  ASSERT_NE(f.With("Kyiv"), nullptr);
  EXPECT_EQ(f.With("Kyiv")->type, "GPE");
}

TEST(EntitiesTest, SurnameJoinsTheFullName) {
  Found f = Analyse(
      "US Defense Secretary Lloyd Austin announced a meeting of armaments directors. "
      "\xE2\x80\x9CThey will discuss how our defense industrial bases can best equip "
      "Ukraine\xE2\x80\x99s future forces,\xE2\x80\x9D Austin said at Ramstein Air Force Base in "
      "Germany.");
  const Entity* e = f.With("Lloyd Austin");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(f.Mentions(*e), (Strings{"Lloyd Austin", "Austin"}));
  EXPECT_EQ(e->type, "PERSON");
  ASSERT_NE(f.With("Germany"), nullptr);
  EXPECT_EQ(f.With("Germany")->type, "GPE");
  ASSERT_NE(f.With("Ramstein Air Force Base"), nullptr);
  EXPECT_EQ(f.With("Ramstein Air Force Base")->type, "FAC");
  // The possessive is not part of the mention.
  ASSERT_NE(f.With("Ukraine"), nullptr);
  EXPECT_EQ(f.With("Ukraine\xE2\x80\x99s"), nullptr);
}

// A clipped surname joins the full name ("Landsberg" for "Landsbergis"); a
// given name alone does not join a surname it begins ("Robert" is not
// "Jennifer Roberts", two people of one article about Charlotte and Trump).
TEST(EntitiesTest, ClippedSurnameJoinsButAGivenNameDoesNot) {
  Found f = Analyse(
      "Lithuanian Foreign Minister Gabrielius Landsbergis wrote on Sunday that more "
      "weapons must be made available. Landsberg said Europe could not wait.");
  const Entity* e = f.With("Gabrielius Landsbergis");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(f.Mentions(*e), (Strings{"Gabrielius Landsbergis", "Landsberg"}));

  Found g = Analyse(
      "Charlotte Mayor Jennifer Roberts said the city would not repeal its ordinance. "
      "By then, Donald had broken into the Manhattan real estate market. A younger "
      "brother, Robert, had followed in Donald's footsteps, joining the family company.");
  const Entity* roberts = g.With("Jennifer Roberts");
  ASSERT_NE(roberts, nullptr);
  EXPECT_EQ(g.Mentions(*roberts), Strings{"Jennifer Roberts"});
}

TEST(EntitiesTest, ZelenskyIsOnePerson) {
  Found f = Analyse(
      "Ukrainian President Volodymyr Zelensky said his forces had recaptured Izyum. "
      "Zelensky also said the war would go on.");
  const Entity* e = f.With("Volodymyr Zelensky");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(f.Mentions(*e), (Strings{"Volodymyr Zelensky", "Zelensky"}));
  EXPECT_EQ(e->roles, Strings{"Ukrainian President"});
}

TEST(EntitiesTest, OwnerOfAnOfficeIsAPerson) {
  // A name the tagger does not know, before a possessive and a noun that belongs
  // to a person, at a sentence start or inside one; a known organization stays one.
  for (const char* text : {"Zelenskyy\xE2\x80\x99s office said the deal was dead.",
                           "On Monday, Zelenskyy\xE2\x80\x99s office said the deal was dead."}) {
    Found f = Analyse(text);
    const Entity* e = f.With("Zelenskyy");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->type, "PERSON") << text;
    EXPECT_EQ(f.With("Zelenskyy\xE2\x80\x99s"), nullptr) << text;
  }
  Found f = Analyse("His office said so. The Kremlin\xE2\x80\x99s spokesman said no.");
  ASSERT_NE(f.With("Kremlin"), nullptr);
  EXPECT_EQ(f.With("Kremlin")->type, "ORG");
  EXPECT_EQ(f.With("His"), nullptr);
}

TEST(EntitiesTest, TheWestIsAPlace) {
  Found f = Analyse(
      "But some of Ukraine\xE2\x80\x99s partners worry. \xE2\x80\x9CThe West should be very clear "
      "now,\xE2\x80\x9D said Jim Stavridis. The odds are high, and the West\xE2\x80\x99s job is to "
      "help.");
  const Entity* west = f.With("West");
  ASSERT_NE(west, nullptr);
  EXPECT_EQ(west->type, "LOC");
  EXPECT_EQ(f.Mentions(*west).size(), 2u);
}

TEST(EntitiesTest, CountryAliasesAndAcronymsCluster) {
  Found f = Analyse(
      "The United States will send more arms, a Pentagon official said. US officials said the "
      "Institute for the Study of War (ISW) was right. ISW said U.S. weapons had helped.");
  const Entity* us = f.With("United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->type, "GPE");
  EXPECT_EQ(f.Mentions(*us), (Strings{"United States", "US", "U.S."}));
  const Entity* isw = f.With("Institute for the Study of War");
  ASSERT_NE(isw, nullptr);
  EXPECT_EQ(isw->type, "ORG");
  EXPECT_EQ(f.Mentions(*isw), (Strings{"Institute for the Study of War", "ISW", "ISW"}));
}

TEST(EntitiesTest, NationalityIsNorpLinkedToItsCountry) {
  Found f = Analyse(
      "Kyiv said Russian strikes on electricity infrastructure caused power failures. Russia "
      "replied with strikes on some of the recaptured ground.");
  const Entity* norp = f.With("Russian");
  ASSERT_NE(norp, nullptr);
  EXPECT_EQ(norp->type, "NORP");
  ASSERT_GE(norp->link, 0);
  EXPECT_EQ(f.a.entities[norp->link].name, "Russia");
}

TEST(EntitiesTest, DatelineAndSentenceStarts) {
  Found f = Analyse(
      "KRAMATORSK - Ukraine forces said Monday their lightning counter-offensive took back more "
      "ground.\n\nPosting on Twitter, people reposted the video.");
  ASSERT_NE(f.With("KRAMATORSK"), nullptr);
  EXPECT_EQ(f.With("KRAMATORSK")->type, "GPE");
  EXPECT_EQ(f.With("KRAMATORSK")->name, "Kramatorsk");
  EXPECT_EQ(f.With("Posting"), nullptr);
  for (const Entity& e : f.a.entities) EXPECT_NE(e.type, "PERSON") << e.name;
}

TEST(EntitiesTest, TitleCaseHeadline) {
  // The headline's capitalized run is not one name; its names come from the body.
  Found f = Analyse(
      "Ukraine Retakes Key Towns as Russian Troops Flee Kharkiv Region\n\n"
      "The lightning push by Ukrainian forces, in which they recaptured within days almost all "
      "of the Kharkiv region, has left Moscow reeling. Key towns were retaken.");
  const Entity* ukraine = f.With("Ukraine");
  ASSERT_NE(ukraine, nullptr);
  EXPECT_EQ(ukraine->type, "GPE");
  const Entity* kharkiv = f.With("Kharkiv");
  ASSERT_NE(kharkiv, nullptr);
  EXPECT_EQ(f.Mentions(*kharkiv), (Strings{"Kharkiv", "Kharkiv"}));
  for (const Entity& e : f.a.entities) {
    EXPECT_EQ(e.name.find("Retakes"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("Key"), std::string::npos) << e.name;
  }
}

TEST(EntitiesTest, TitleCaseHeadlineWithItsPeriod) {
  // PolNeAR-style headlines end in a period and keep "of", "in", "this" in lower
  // case; their capitals are still the headline's style, not names.
  Found f = Analyse(
      "Politifact: Donald Trump Is Right, \xE2\x80\x98Thousands of Shootings\xE2\x80\x99 in "
      "Chicago this Year.\n\n"
      "Republican presidential nominee Donald Trump said on Monday that there have been "
      "thousands of shootings in Chicago this year, and the fact-checkers agreed.");
  const Entity* trump = f.With("Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->type, "PERSON");
  EXPECT_EQ(f.Mentions(*trump).size(), 2u);
  for (const Entity& e : f.a.entities) EXPECT_EQ(e.name.find("Right"), std::string::npos) << e.name;
  Found g = Analyse(
      "Only 24 Percent of Hillary Clinton\xE2\x80\x99s Contributors Are Small Donors.\n\n"
      "Hillary Clinton\xE2\x80\x99s campaign says most of its money comes from large gifts, and "
      "small donors gave less than a quarter of it.");
  ASSERT_NE(g.With("Hillary Clinton"), nullptr);
  EXPECT_EQ(g.With("Small Donors"), nullptr);
  Found h = Analyse(
      "Pence Gives GOP A Boost With Solid Debate Win Over Kaine.\n\n"
      "Mike Pence debated Tim Kaine on Tuesday, and the GOP was pleased. Kaine interrupted often.");
  for (const Entity& e : h.a.entities) {
    EXPECT_EQ(e.name.find("Gives"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("Win"), std::string::npos) << e.name;
  }
  ASSERT_NE(h.With("Kaine"), nullptr);
  EXPECT_EQ(h.With("Kaine")->type, "PERSON");
}

TEST(EntitiesTest, PeopleGroupsAreNorp) {
  // Groups of people by ethnicity, religion or party are NORP, not the ORG or
  // GPE the tagger may give them (PolNeAR, September 2016).
  Found f = Analyse(
      "\"We have a situation where we have our inner cities, African-Americans, Hispanics are "
      "living in hell because it's so dangerous,\" Trump said. Many African-Americans take the "
      "birther controversy personally. He has repeatedly pledged to ban all Muslims from "
      "entering the country, and Republicans in Congress have been silent.");
  for (const char* group : {"Hispanics", "African-Americans", "Muslims", "Republicans"}) {
    const Entity* e = f.With(group);
    if (e == nullptr) continue;  // left out is no error of type
    EXPECT_EQ(e->type, "NORP") << group;
  }
  const Entity* hispanics = f.With("Hispanics");
  ASSERT_NE(hispanics, nullptr);
  EXPECT_EQ(hispanics->type, "NORP");
  const Entity* muslims = f.With("Muslims");
  ASSERT_NE(muslims, nullptr);
  EXPECT_EQ(muslims->type, "NORP");
  // "Lithuanian Americans" are a group of their own, not "the Americans".
  Found g = Analyse(
      "Polish, Ukrainian, and Lithuanian Americans combined comprise 5% of Ohio\xE2\x80\x99s "
      "population. Most Americans have never heard of the pipeline.");
  const Entity* la = g.With("Lithuanian Americans");
  ASSERT_NE(la, nullptr);
  EXPECT_EQ(la->type, "NORP");
  EXPECT_EQ(g.Mentions(*la), Strings{"Lithuanian Americans"});
}

TEST(EntitiesTest, PartyAndStateAfterANameIsNoEntity) {
  // "(R-Utah)", ", R-S.C.," give a politician's party and state (PolNeAR, 2016).
  Found f = Analyse(
      "\xE2\x80\x9CImmunity deals should not be a requirement for cooperating with the FBI,\" "
      "Oversight Chairman Jason Chaffetz (R-Utah) said in a statement. Senators John Cornyn, "
      "R-Texas, and Lindsey Graham, R-S.C., now say the law should be changed. Rep. Gwen Moore "
      "(D-Wis.) said Friday that it was an insult.");
  ASSERT_NE(f.With("Jason Chaffetz"), nullptr);
  ASSERT_NE(f.With("Lindsey Graham"), nullptr);
  for (const Entity& e : f.a.entities) {
    EXPECT_NE(e.name.rfind("R-", 0), 0u) << e.name;
    EXPECT_NE(e.name.rfind("D-", 0), 0u) << e.name;
  }
}

TEST(EntitiesTest, PronounContractionIsNoName) {
  // NYT, September 2016: the tagger read "I'll" after a comma as an ORG.
  Found f = Analyse(
      "Mr. Trump said he would believe it when they can credibly state they have evidence that "
      "it's Russia, and as soon as they do, I'll report it.'' Security experts in the United "
      "States agree.");
  EXPECT_EQ(f.With("I'll"), nullptr);
  ASSERT_NE(f.With("United States"), nullptr);
}

TEST(EntitiesTest, PluralRoleBeforeNamesIsARole) {
  // The pattern of "lead Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)" (HuffPost,
  // September 2016): the plural role is not part of the first name.
  Found f = Analyse(
      "Oversight Chairman Jason Chaffetz (R-Utah) said in a statement. Senators John Cornyn, "
      "R-Texas, and Lindsey Graham, R-S.C., now say the law should be changed.");
  const Entity* cornyn = f.With("John Cornyn");
  ASSERT_NE(cornyn, nullptr);
  EXPECT_EQ(cornyn->type, "PERSON");
  EXPECT_EQ(f.With("Senators John Cornyn"), nullptr);
}

TEST(EntitiesTest, ImperativeBeforeANameIsNotPartOfIt) {
  // A letters page (PolNeAR, September 2016): "Hold" was taken into the name.
  Found f = Analyse(
      "Hold Melania Trump to her husband's standards.\n\nLETTERS.\n\n"
      "Several weeks ago, Donald Trump stated that Melania would discuss her immigration history "
      "\"in a few weeks.\" If Melania Trump wants to be first lady, she must explain her own "
      "visa.");
  EXPECT_EQ(f.With("Hold Melania Trump"), nullptr);
  const Entity* melania = f.With("Melania Trump");
  ASSERT_NE(melania, nullptr);
  EXPECT_EQ(melania->type, "PERSON");
  EXPECT_EQ(melania->name, "Melania Trump");
}

TEST(EntitiesTest, HeadlineFunctionWordIsNoLexiconName) {
  // Breitbart, September 2016: the headline's "Who" was matched as the WHO.
  Found f = Analyse(
      "Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental "
      "Issues.\n\nThe Washington Post published a story about a supporter of Donald Trump who "
      "was in a hospital.");
  EXPECT_EQ(f.With("Who"), nullptr);
  ASSERT_NE(f.With("Donald Trump"), nullptr);
}

TEST(EntitiesTest, UnknownPlaceNeedsASignOfOne) {
  // Breitbart, September 2016: a name the tagger reads as a place but no list
  // knows was a GPE by default ("Politifact"); it is one with a sign of a place
  // ("in Coral Springs, Florida", "of Ashton, Md.").
  Found f = Analyse(
      "Politifact: Donald Trump Is Right, \xE2\x80\x98Thousands of Shootings\xE2\x80\x99 in "
      "Chicago this Year.\n\n"
      "Following Monday\xE2\x80\x99s presidential debate Politifact did a fact-check on Donald "
      "Trump\xE2\x80\x99s claim that there have been \xE2\x80\x9Cthousands of "
      "shootings\xE2\x80\x9D in gun-controlled Chicago this year alone.\n\n"
      "Politifact seized on Trump\xE2\x80\x99s claim that there have been \xE2\x80\x9Cthousands "
      "of shootings\xE2\x80\x9D in Chicago this year alone. They checked the Chicago Tribune and "
      "found there had been \xE2\x80\x9C"
      "3,210 shooting victims\xE2\x80\x9D between January 1 "
      "and September 26 alone.");
  const Entity* politifact = f.With("Politifact");
  ASSERT_NE(politifact, nullptr);
  EXPECT_EQ(politifact->type, "ORG");
  Found g = Analyse(
      "At a rally Friday in Coral Springs, Florida, Clinton questioned what kind of person gets "
      "up at 3 a.m. to tweet. Donna Sampson Rawlings, 59, of Ashton, Md., who watched the "
      "ceremony on a screen, said it was moving.");
  ASSERT_NE(g.With("Coral Springs"), nullptr);
  EXPECT_EQ(g.With("Coral Springs")->type, "GPE");
  ASSERT_NE(g.With("Ashton"), nullptr);
  EXPECT_EQ(g.With("Ashton")->type, "GPE");
  // NYT, September 2016: a common noun after an article in a book's title.
  Found h = Analyse(
      "And where is that $115 supposed to come from? In his 2002 book, ''Make Your Kid a "
      "Millionaire,'' Mr. McKinley suggested looking at the family budget.");
  EXPECT_EQ(h.With("Millionaire"), nullptr);
}

TEST(EntitiesTest, DayOfTheWeekIsNoPerson) {
  // HuffPost, September 2016: "Friday" was a PERSON.
  Found f = Analyse(
      "Members of the Congressional Black Caucus held a press conference Friday afternoon, "
      "shortly after Trump said he finally believes Obama was born in the United States. Even "
      "Friday, he claimed that Democratic nominee Hillary Clinton was the one who started the "
      "birther controversy.");
  for (const Entity& e : f.a.entities) {
    if (e.name == "Friday") EXPECT_NE(e.type, "PERSON");
  }
}

TEST(EntitiesTest, OrganizationNameWithAnInnerPrepositionOrAnd) {
  // AP and NYT, September 2016: the tagger cut these names at "on" and "and".
  Found f = Analyse(
      "He notes that the Commission on Presidential Debates announced earlier Friday that there "
      "was an issue with Trump\xE2\x80\x99s microphone.");
  const Entity* cpd = f.With("Commission on Presidential Debates");
  ASSERT_NE(cpd, nullptr);
  EXPECT_EQ(cpd->type, "ORG");
  Found g = Analyse(
      "Officials at Homeland Security Investigations, a division of Immigration and Customs "
      "Enforcement, said they were concerned that those who prepare overseas documents \"may "
      "try to use increasingly sophisticated methods to circumvent\" the program.");
  const Entity* ice = g.With("Immigration and Customs Enforcement");
  ASSERT_NE(ice, nullptr);
  EXPECT_EQ(ice->type, "ORG");
  EXPECT_EQ(g.With("Immigration"), nullptr);
}

TEST(EntitiesTest, NameBeforeACompanyNounIsACompany) {
  // HuffPost, September 2016: "Wells Fargo" was a PERSON and a GPE.
  Found f = Analyse(
      "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday for "
      "his role in a widespread scheme in which thousands of bankers opened more than 2 million "
      "accounts for customers without them knowing. Wells Fargo just this month announced it "
      "would get rid of these incentives, beginning in January 2017.");
  const Entity* wf = f.With("Wells Fargo");
  ASSERT_NE(wf, nullptr);
  EXPECT_EQ(wf->type, "ORG");
  EXPECT_EQ(f.Mentions(*wf).size(), 2u);
  const Entity* stumpf = f.With("John Stumpf");
  ASSERT_NE(stumpf, nullptr);
  EXPECT_EQ(stumpf->type, "PERSON");
}

TEST(EntitiesTest, FullNameOnlyInTheHeadline) {
  // HuffPost, September 2016: the body says only "Clinton"; the headline's
  // "Hillary Clinton" is her full name.
  Found f = Analyse(
      "Hillary Clinton Goes After Donald Trump As The New Mitt Romney.\n\n"
      "HEMPSTEAD, N.Y. \xE2\x80\x95 If it worked against Mitt Romney, it might work against Donald "
      "Trump. Clinton on Monday night painted Trump as a rich man who does not pay his share. "
      "Clinton said he had not released his tax returns.");
  const Entity* clinton = f.With("Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(clinton->type, "PERSON");
  EXPECT_EQ(clinton->name, "Hillary Clinton");
  for (const Entity& e : f.a.entities) EXPECT_EQ(e.name.find("Goes"), std::string::npos) << e.name;
}

TEST(EntitiesTest, OrdinaryWordOpeningASentenceIsNoName) {
  // NYT, September 2016: "Regardless" was an ORG, "Tolerance" a PERSON.
  Found f = Analyse(
      "You can call RT America whatever you want -- a news network, a propaganda arm, something "
      "in between. Regardless, it's Mr. Putin's. Despite their protests, it sure looks like Larry "
      "King and Ed Schultz are, too.\n\n"
      "\"My name may not be on the ballot, but our progress is on the ballot,\" Mr. Obama said on "
      "Saturday night at the Congressional Black Caucus Foundation gala dinner in Washington, "
      "where Mrs. Clinton also spoke. \"Tolerance is on the ballot. Democracy is on the ballot. "
      "Justice is on the ballot.\"");
  EXPECT_EQ(f.With("Regardless"), nullptr);
  EXPECT_EQ(f.With("Tolerance"), nullptr);
  ASSERT_NE(f.With("Larry King"), nullptr);
  EXPECT_EQ(f.With("Larry King")->type, "PERSON");
}

TEST(EntitiesTest, SubheadingWithItsPeriodIsNoName) {
  // NYT, September 2016: a subheading in Title Case was one ORG.
  Found f = Analyse(
      "\"That,\" he added, \"promises to make life a lot more difficult for our children and "
      "grandchildren.\"\n\nJoining Forces With China.\n\n"
      "Mr. Obama and Hillary Clinton never seem to tire of telling the story of Copenhagen: In "
      "December 2009, with the climate conference on the verge of failure, the two learned of a "
      "meeting of the leaders of Brazil, China, India and South Africa. They were joining forces "
      "against the United States.");
  EXPECT_EQ(f.With("Joining Forces With China"), nullptr);
  const Entity* china = f.With("China");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->type, "GPE");
}

TEST(EntitiesTest, InstitutionIsNoPerson) {
  // AP, June 2016: a museum named after a person was a PERSON.
  Found f = Analyse(
      "Another memorial has grown outside the Muhammad Ali Center, a downtown museum that "
      "promotes his humanitarian ideals and showcases his remarkable career.");
  const Entity* center = f.With("Muhammad Ali Center");
  ASSERT_NE(center, nullptr);
  EXPECT_EQ(center->type, "ORG");
}

TEST(EntitiesTest, FamilyMemberReadAsOrgIsAPerson) {
  // Washington Post, September 2016: "Ivanka Trump" was an ORG beside "Donald Trump";
  // the role of the apposition belongs to her father, not to her.
  Found f = Analyse(
      "Donald Trump's new proposal for paid maternity leave is vague.\n\n"
      "The spokesman could not explain why it was mentioned by Ivanka Trump in an interview with "
      "Cosmopolitan magazine.\n\n"
      "Ivanka Trump, the Republican presidential nominee's eldest daughter, noted the rule.");
  const Entity* ivanka = f.With("Ivanka Trump");
  ASSERT_NE(ivanka, nullptr);
  EXPECT_EQ(ivanka->type, "PERSON");
  EXPECT_EQ(f.Mentions(*ivanka).size(), 2u);
  EXPECT_TRUE(ivanka->roles.empty());
}

TEST(EntitiesTest, PartyAndPlaceInOneSpanAreTwoNames) {
  // HuffPost and NYT, September 2016: "Republican Indiana" and "New York Democrat"
  // were ORGs; "Rikers Island" was a PERSON.
  Found f = Analyse(
      "The criticism comes a day before Kaine faces off against Republican Indiana Gov. Mike "
      "Pence in the only vice presidential debate. \"The question is turnout,\" said Charlie "
      "King, a prominent New York Democrat. He was held for three years at New York City jail "
      "complex, Rikers Island without being convicted of a crime.");
  EXPECT_EQ(f.With("Republican Indiana"), nullptr);
  EXPECT_EQ(f.With("New York Democrat"), nullptr);
  ASSERT_NE(f.With("Indiana"), nullptr);
  EXPECT_EQ(f.With("Indiana")->type, "GPE");
  ASSERT_NE(f.With("Democrat"), nullptr);
  EXPECT_EQ(f.With("Democrat")->type, "NORP");
  ASSERT_NE(f.With("Rikers Island"), nullptr);
  EXPECT_EQ(f.With("Rikers Island")->type, "LOC");
}

TEST(EntitiesTest, TaggerSpanCutAtASentenceEndANumberOrAContraction) {
  // Politico, February 2016: the tagger ran a name on over a period ("Ku Klux
  // Klan. Stories"), took "Feb." before a day for an ORG and a pronoun's
  // contraction into a name ("Jim Eastland I've", then "I've" as his surname).
  Found f = Analyse(
      "Establishment Republicans have been in open conflict with Trump over his recent "
      "equivocation when asked to condemn the Ku Klux Klan. Stories have emerged describing "
      "Republican insiders' (so far fruitless) attempts to dislodge Trump's hold on the party. In "
      "an online poll of 800 likely Republican primary voters, conducted from Feb. 11 to Feb. 16, "
      "Democracy Corp found that anti-Democrat attitudes are the most potent driver.");
  const Entity* kkk = f.With("Ku Klux Klan");
  ASSERT_NE(kkk, nullptr);
  EXPECT_EQ(kkk->type, "ORG");
  EXPECT_EQ(f.With("Stories"), nullptr);
  EXPECT_EQ(f.With("Feb."), nullptr);
  Found g = Analyse(
      "A: Look, other than Jim Eastland I\xE2\x80\x99ve presided over more nominees than anyone in "
      "history. I\xE2\x80\x99ve written extensively on the role of the United States Senate.");
  const Entity* eastland = g.With("Jim Eastland");
  ASSERT_NE(eastland, nullptr);
  EXPECT_EQ(eastland->type, "PERSON");
  EXPECT_EQ(g.With("I\xE2\x80\x99ve"), nullptr);
  // HuffPost, April 2016: "10 New York Democratic" was one ORG.
  Found h = Analyse(
      "More than 6 in 10 New York Democratic voters said that Wall Street does more to hurt the "
      "economy than help, according to preliminary exit polling reported by CNN and The New York "
      "Times.");
  const Entity* ny = h.With("New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->type, "GPE");
  ASSERT_NE(h.With("Democratic"), nullptr);
  EXPECT_EQ(h.With("Democratic")->type, "NORP");
}

TEST(EntitiesTest, PersonAtTheEndOfAnOrganizationSpan) {
  // HuffPost, September 2016: the tagger ran an organization on into the person
  // after it.
  Found f = Analyse(
      "Donald Trump\xE2\x80\x99s recent gains in some polls in the Middle West and Florida may "
      "prove to be a transient phenomenon. In a March 2016 meeting with the editorial board of "
      "the Washington Post Trump said that U.S. involvement in NATO may need to be significantly "
      "diminished. Republicans were in the lead in advocating NATO enlargement as shown by "
      "Speaker of the House Newt Gingrich\xE2\x80\x99s inclusion of it in his 1994 "
      "\xE2\x80\x9C"
      "Contract with America.\xE2\x80\x9D In July, Gingrich cynically dismissed NATO member "
      "Estonia.");
  ASSERT_NE(f.With("Washington Post"), nullptr);
  EXPECT_EQ(f.With("Washington Post")->type, "ORG");
  EXPECT_EQ(f.With("Washington Post Trump"), nullptr);
  ASSERT_NE(f.With("Newt Gingrich"), nullptr);
  EXPECT_EQ(f.With("Newt Gingrich")->type, "PERSON");
  EXPECT_EQ(f.With("House Newt Gingrich"), nullptr);
  // Politico, February 2016: "[Clinton Chief of Staff Cheryl Mills]" was one ORG.
  Found g = Analyse(
      "The message, sent to Clinton Chief of Staff Cheryl Mills and forwarded to Clinton, called "
      "it \"critical\" that she make such a speech.");
  const Entity* mills = g.With("Cheryl Mills");
  ASSERT_NE(mills, nullptr);
  EXPECT_EQ(mills->type, "PERSON");
  ASSERT_FALSE(mills->roles.empty());
  EXPECT_NE(mills->roles[0].find("Chief of Staff"), std::string::npos);
}

TEST(EntitiesTest, InitialsAndASurnameAreAPerson) {
  // Breitbart, September 2016: "AWR Hawkins" was an ORG.
  Found f = Analyse(
      "AWR Hawkins is the Second Amendment columnist for Breitbart News and political analyst for "
      "Armed American Radio. Follow AWR Hawkins on Twitter: @AWRHawkins. Reach him directly at "
      "awrhawkins@breitbart.com.");
  const Entity* hawkins = f.With("AWR Hawkins");
  ASSERT_NE(hawkins, nullptr);
  EXPECT_EQ(hawkins->type, "PERSON");
  EXPECT_EQ(f.Mentions(*hawkins).size(), 2u);
}

TEST(EntitiesTest, GroupNameWithToAndAVerb) {
  // HuffPost, October 2016: cut into "Alliance" and "Reclaim Our Schools".
  Found f = Analyse(
      "More than 100,000 people took part in a nationwide \xE2\x80\x9Cwalk-in\xE2\x80\x9D at more "
      "than 2,000 schools in 238 cities, according to the event organizer Alliance to Reclaim Our "
      "Schools (AROS).");
  const Entity* aros = f.With("Alliance to Reclaim Our Schools");
  ASSERT_NE(aros, nullptr);
  EXPECT_EQ(aros->type, "ORG");
}

TEST(EntitiesTest, PhotoCreditLineIsAnOrganization) {
  // HuffPost, September 2016: a photo's credit as a paragraph, "Getty/Instagram.",
  // was a GPE.
  Found f = Analyse(
      "\xE2\x80\x9CMaybe, we can build a wall around Donald Trump.\xE2\x80\x9D \xE2\x80\x95 Steve "
      "Quinlan.\n\nGetty/Instagram.\n\n\xE2\x80\x9DMr. Trump\xE2\x80\x99s performance on this "
      "debate confirms where he stands, and that\xE2\x80\x99s nowhere near qualified.\xE2\x80\x9D "
      "\xE2\x80\x95 Karen Bobadilla.\n\nGetty/Instagram.\n\n\xE2\x80\x9D"
      "Fear. I am truly afraid that Donald Trump will win.\xE2\x80\x9D");
  const Entity* instagram = f.With("Instagram");
  ASSERT_NE(instagram, nullptr);
  EXPECT_EQ(instagram->type, "ORG");
}

TEST(EntitiesTest, PlaceOrganizationByTheWordAfterIt) {
  // Politico, March 2016: "Breitbart" was a GPE after "of", "Nebraska" an ORG
  // before "Sen.", "Democratic Vermont" one ORG.
  Found f = Analyse(
      "The 60-second spot starts with a montage of Trump's comments about wanting to punch "
      "protesters In the face and goes on to highlight the alleged assault of Breitbart reporter "
      "Michelle Fields by Corey Lewandowski, Trump's campaign manager.");
  ASSERT_NE(f.With("Breitbart"), nullptr);
  EXPECT_EQ(f.With("Breitbart")->type, "ORG");
  // Politico, July 2016: an ambassador is no organization's staff.
  Found r = Analyse(
      "SCRANTON, Pa. \xE2\x80\x94 Vice President Joe Biden plays the part of Rust Belt ambassador. "
      "Elizabeth Warren is the party unifier who speaks to swing state liberals.");
  ASSERT_NE(r.With("Rust Belt"), nullptr);
  EXPECT_NE(r.With("Rust Belt")->type, "ORG");
  Found g = Analyse(
      "Stories have emerged describing Republican insiders' (so far fruitless) attempts to "
      "dislodge Trump's hold on the party. Nebraska Sen. Ben Sasse even suggested on social media "
      "that he'd look for a third-party conservative if the general election is Trump versus "
      "Clinton.");
  ASSERT_NE(g.With("Nebraska"), nullptr);
  EXPECT_EQ(g.With("Nebraska")->type, "GPE");
  Found h = Analyse(
      "In the 13 states where Edison Research has conducted entrance or exit polls \xE2\x80\x94 "
      "all but solidly Democratic Vermont shattered set new high-water marks for turnout "
      "\xE2\x80\x94 "
      "Trump has performed better among white voters without a college degree.");
  ASSERT_NE(h.With("Vermont"), nullptr);
  EXPECT_EQ(h.With("Vermont")->type, "GPE");
  EXPECT_EQ(h.With("Democratic Vermont"), nullptr);
}

TEST(EntitiesTest, HyphenatedSurnamesAreNoName) {
  // Washington Post, August 2016: "Johnson-Weld" (rallies, campaign) was a GPE.
  Found f = Analyse(
      "Since announcing former Massachusetts governor William Weld as his running mate, Johnson "
      "has risen in the polls to the high single digits. A Johnson-backed lawsuit against that "
      "threshold was thrown out this month, however, and the voters filing into Johnson-Weld "
      "rallies last week were acutely aware that their man might be kept offstage. \"On Facebook, "
      "I see Gary Johnson stuff all the time.\"");
  EXPECT_EQ(f.With("Johnson-Weld"), nullptr);
  ASSERT_NE(f.With("William Weld"), nullptr);
  EXPECT_EQ(f.With("William Weld")->type, "PERSON");
}

TEST(EntitiesTest, OfAfterAQuantifierIsNoSignOfAPlace) {
  // Politico, July 2016: "one of Mikey's care packages" made "Mikey" a GPE.
  Found f = Analyse(
      "Instead, he handed me a thick, maniacally taped manila envelope \xE2\x80\x93 one of "
      "Mikey\xE2\x80\x99s patented care packages. Inside was a gift he knew would lift me out of "
      "my dark mood.");
  const Entity* mikey = f.With("Mikey");
  ASSERT_NE(mikey, nullptr);
  EXPECT_EQ(mikey->type, "PERSON");
}

TEST(EntitiesTest, TitleAbbreviationEndsNoOrganization) {
  // Politico, June 2016: "Army Lt." was an ORG.
  Found f = Analyse(
      "\xE2\x80\x9CI fundamentally disagree,\" said retired Army Lt. Gen. Mick Bednarek, who "
      "served as the chief U.S. military adviser in Iraq from 2013 to 2015.");
  EXPECT_EQ(f.With("Army Lt."), nullptr);
  ASSERT_NE(f.With("Army"), nullptr);
  EXPECT_EQ(f.With("Army")->type, "ORG");
}

TEST(EntitiesTest, SurnameJoinedToAWordIsNoName) {
  // Politico, December 2015: "Obamacare" was a GPE (and an ORG).
  Found f = Analyse(
      "Obamacare has survived a pair of Supreme Court battles and half a decade of Republican "
      "repeal efforts. President Barack Obama and the Democrats pursued that goal at great "
      "political cost. Zeke Emanuel, an oncologist who advised Obama on the health care overhaul, "
      "said Obamacare so far has been a success.");
  EXPECT_EQ(f.With("Obamacare"), nullptr);
  ASSERT_NE(f.With("Barack Obama"), nullptr);
  EXPECT_EQ(f.With("Barack Obama")->type, "PERSON");
}

TEST(EntitiesTest, TokenizedText) {
  Found f = Analyse(
      "Ukraine 's forces recaptured Izyum on Monday , Defence Minister Oleksii Reznikov said .");
  ASSERT_NE(f.With("Ukraine"), nullptr);
  EXPECT_EQ(f.With("Ukraine")->type, "GPE");
  ASSERT_NE(f.With("Izyum"), nullptr);
  const Entity* e = f.With("Oleksii Reznikov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->roles, Strings{"Defence Minister"});
}

TEST(EntitiesTest, SalienceRanksTheMainActor) {
  Found f = Analyse(
      "Ukraine said its forces recaptured Izyum. Ukraine also said Russia was retreating. "
      "Ukraine asked for more weapons from Germany.");
  const Entity* ukraine = f.With("Ukraine");
  const Entity* germany = f.With("Germany");
  ASSERT_NE(ukraine, nullptr);
  ASSERT_NE(germany, nullptr);
  EXPECT_GT(ukraine->salience, germany->salience);
  for (const Entity& e : f.a.entities) {
    EXPECT_GE(e.salience, 0.0);
    EXPECT_LE(e.salience, 1.0);
  }
}

TEST(EntitiesTest, NameWithTheIsFoundAgainWithoutIt) {
  // HuffPost, February 2016 (PolNeAR train, a live blog): the tagger took "The
  // GOP" whole once and missed the later "the GOP" mentions, which were found
  // again from a "GOP" mention before "The" was kept in ORG names.
  std::string text;
  if (!PolnearTrainText("huff-post_2016-02-07_the-latest-gop-debate-kicked-off", &text))
    GTEST_SKIP() << "no ../shared/data/quotes";
  ASSERT_FALSE(text.empty());
  Found f = Analyse(text);
  const Entity* gop = f.With("GOP");
  ASSERT_NE(gop, nullptr);
  EXPECT_EQ(gop->type, "ORG");
  size_t within = text.find("within the GOP") + 11, found = 0;
  for (const Mention& m : gop->mentions) found += m.span.start == within;
  EXPECT_EQ(found, 1u);
}

TEST(EntitiesTest, CompanyWithoutItsLegalFormIsTheSameCompany) {
  // Politico (AP), August 2016 (PolNeAR train): "Podesta Group Inc." and
  // "Mercury LLC." are "the Podesta Group" and "Mercury" further on, one
  // entity each. The article's sentences, the first shortened at its start.
  Found f = Analyse(
      "Gates was also helping steer the advocacy work done by a pro-Yanukovych nonprofit that "
      "hired a pair of Washington lobbying firms, Podesta Group Inc. and Mercury LLC.\n\nAmong "
      "those who described Manafort's and Gates's relationship with the nonprofit are current and "
      "former employees of the Podesta Group. The head of Mercury, Vin Weber, is an influential "
      "Republican, former congressman and former special policy adviser to Mitt Romney.");
  const Entity* podesta = f.With("Podesta Group Inc.");
  ASSERT_NE(podesta, nullptr);
  EXPECT_EQ(podesta->type, "ORG");
  EXPECT_EQ(f.With("Podesta Group"), podesta);
  const Entity* mercury = f.With("Mercury");
  ASSERT_NE(mercury, nullptr);
  EXPECT_EQ(mercury->type, "ORG");
  EXPECT_EQ(mercury->mentions.size(), 2u);  // "Mercury LLC" too
  // "LLC" is written without a period: the one after it ends the sentence.
  EXPECT_EQ(f.With("Mercury LLC."), nullptr);
  EXPECT_EQ(f.With("Mercury LLC"), mercury);
  EXPECT_EQ(mercury->name, "Mercury LLC");
  // "Inc." keeps its own period.
  EXPECT_EQ(podesta->name, "Podesta Group Inc.");
}

TEST(EntitiesTest, StaffAtANameMakesItAnOrganization) {
  // "at X" is a sign of a place, but not after the people who work at a firm:
  // "Analysts at Jefferies" was GPE, and so was the firm's next mention. No
  // corpus article has a failing case (the tagger gets "a senior analyst at
  // Jefferies", PolNeAR nyt_2016-03-21), so these are written in wire style.
  Found f = Analyse("Analysts at Jefferies said the upgrade was larger than expected.");
  const Entity* jefferies = f.With("Jefferies");
  ASSERT_NE(jefferies, nullptr);
  EXPECT_EQ(jefferies->type, "ORG");
  Found g = Analyse(
      "Analysts at Bernstein were more cautious, noting that engine maker Pratt & Whitney has yet "
      "to fix problems with its engines. Bernstein, which rates the stock a hold, said the target "
      "was ambitious.");
  const Entity* bernstein = g.With("Bernstein");
  ASSERT_NE(bernstein, nullptr);
  EXPECT_EQ(bernstein->type, "ORG");
  EXPECT_EQ(bernstein->mentions.size(), 2u);
  // Still a place after "at" without a firm's staff before it.
  Found h = Analyse("Protesters gathered at Novi on Saturday, police said.");
  const Entity* novi = h.With("Novi");
  ASSERT_NE(novi, nullptr);
  EXPECT_EQ(novi->type, "GPE");
}

TEST(EntitiesTest, PersonReadAsOrgWithASignOfAPerson) {
  // Politico, August 2016 (PolNeAR train): "Rubio" was ORG at three mentions
  // and PERSON after "Senator": ", who" after a mention, "Senator" before one.
  Found f = Analyse(
      "Murphy\xE2\x80\x99"
      "s campaign is tying the House bill to Rubio, who supported the bill "
      "when it came to the Senate for a vote. They are saying his vote for that plan is a "
      "signal he wants to play politics and not solve the funding "
      "problem.\n\n\xE2\x80\x9C"
      "Who is the real con man here?\xE2\x80\x9D"
      " said Murphy, "
      "using a term Rubio has used to describe Donald Trump, on a conference call with "
      "reporters. \xE2\x80\x9C"
      "Senator Rubio and the Republican Congress produced partisan "
      "bills that shortchanged the crisis and played politics with women\xE2\x80\x99"
      "s health "
      "and contraceptive funding.\xE2\x80\x9D"
      "\n\nHe was joined on the call by IIyse Hogue, "
      "president of the abortion rights group NARAL. She said Rubio \xE2\x80\x9C"
      "has failed "
      "to do anything beyond furthering his own political aspirations.\xE2\x80\x9D"
      " The group "
      "has taken an interest in Zika because the disease has been linked to birth defects.");
  const Entity* rubio = f.With("Rubio");
  ASSERT_NE(rubio, nullptr);
  EXPECT_EQ(rubio->type, "PERSON");
  EXPECT_EQ(rubio->mentions.size(), 4u);
  // Politico (AP), August 2016: "Gates's" was ORG ("Manafort's and Gates's").
  Found g = Analyse(
      "Gates was also helping steer the advocacy work done by a pro-Yanukovych nonprofit that "
      "hired a pair of Washington lobbying firms, Podesta Group Inc. and Mercury LLC.\n\nAmong "
      "those who described Manafort's and Gates's relationship with the nonprofit are current and "
      "former employees of the Podesta Group.");
  const Entity* gates = g.With("Gates");
  ASSERT_NE(gates, nullptr);
  EXPECT_EQ(gates->type, "PERSON");
  EXPECT_EQ(gates->mentions.size(), 2u);
}

TEST(EntitiesTest, PersonReadAsOrgInALongArticle) {
  // Breitbart (AFP), July 2016 (PolNeAR train): the tagger read 19 of 20
  // mentions of "Trump" as ORG ("The Trump troops", "the Trump nomination");
  // "when Trump launched his underdog White House bid" is a person's.
  std::string text;
  if (!PolnearTrainText("breitbart_2016-07-21_trump-fever-infects-convention-f", &text))
    GTEST_SKIP() << "no ../shared/data/quotes";
  ASSERT_FALSE(text.empty());
  Found f = Analyse(text);
  size_t orgs = 0, persons = 0;
  for (const Entity& e : f.a.entities) {
    for (const Mention& m : e.mentions) {
      if (f.a.Text(m.span) != "Trump") continue;
      orgs += e.type == "ORG";
      persons += e.type == "PERSON";
    }
  }
  EXPECT_EQ(orgs, 0u);
  EXPECT_GE(persons, 19u);
}

TEST(EntitiesTest, CompanyTheTaggerLeftOut) {
  // A lone capitalized word the tagger missed, with a company's title before it
  // or a company's noun after it. The New York Times and Politico, August 2016
  // (PolNeAR train): "Edelman" and "FireEye" were found nowhere.
  struct Case {
    const char* text;
    const char* name;
  } cases[] = {
      {"Mr. Manafort has not registered as a lobbyist representing Ukraine, which would require "
       "disclosing his earnings, though at least one company he subcontracted, the public "
       "relations firm Edelman, did in 2008.",
       "Edelman"},
      {"said Steve Ward, director of communications for digital security firm FireEye, which "
       "tracks many Russian hacking groups.",
       "FireEye"},
      // Written in wire style: "Airbus" was missed in business copy.
      {"Airbus shares rose 2 percent.", "Airbus"},
  };
  for (const Case& c : cases) {
    Found f = Analyse(c.text);
    const Entity* e = f.With(c.name);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->type, "ORG") << c.text;
  }
  // A company's title opening the sentence is cut off, and the name is the
  // company's at every mention (both were PERSON, "Planemaker Airbus").
  Found f = Analyse(
      "Boeing and Airbus are competing for the deal. Planemaker Airbus declined to comment.");
  const Entity* airbus = f.With("Airbus");
  ASSERT_NE(airbus, nullptr);
  EXPECT_EQ(airbus->type, "ORG");
  EXPECT_EQ(airbus->mentions.size(), 2u);
  // "Rival" is cut off a person's name too, which stays a person's (PolNeAR
  // train, 2016: the mention was "Rival Hillary Clinton").
  Found g = Analyse(
      "Rival Hillary Clinton, however, has indicated she would not go above a $12 minimum wage at "
      "this time.");
  const Entity* clinton = g.With("Hillary Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(clinton->type, "PERSON");
}

TEST(EntitiesTest, PartyAdjectiveIsNorpWithTheParty) {
  // AP, 2015 (PolNeAR train): "Democratic" was no entity, while "Republican"
  // was a NORP; it is one group with "Democrats".
  Found f = Analyse(
      "DALLAS (AP) \xE2\x80\x94 Democratic presidential candidate Martin O\xE2\x80\x99Malley is "
      "shifting staff and resources to Iowa as his campaign struggles to raise money. Democrats "
      "in Iowa will caucus on Feb. 1.");
  const Entity* dem = f.With("Democratic");
  ASSERT_NE(dem, nullptr);
  EXPECT_EQ(dem->type, "NORP");
  EXPECT_EQ(f.With("Democrats"), dem);
  // A party's name stays an organization.
  Found g = Analyse("The Democratic National Committee said it would appeal.");
  const Entity* dnc = g.With("Democratic National Committee");
  ASSERT_NE(dnc, nullptr);
  EXPECT_EQ(dnc->type, "ORG");
}

TEST(EntitiesTest, NumeralEndingANameIsNoSurname) {
  // Breitbart, 2016 (PolNeAR train): after "Title I", every "I" of the text was
  // a PERSON of that name.
  Found f = Analyse(
      "Two primary education programs funded by the federal government are Title I, which "
      "supports schools that serve low-income students, and Head Start. I don\xE2\x80\x99t think "
      "you need the federal government to tell the states that the children aren\xE2\x80\x99t "
      "being taken care of.");
  EXPECT_EQ(f.With("I"), nullptr);
}

TEST(EntitiesTest, PlaceTheTaggerReadAsAnOrganization) {
  // A Kasich speech (PolNeAR train, 2016): "Cleveland" was ORG (CoNLL's teams
  // are named for their cities); after "the way to" it is the place.
  Found f = Analyse(
      "All I can say is thank you from the bottom of my heart, but I want you to know "
      "something\xE2\x80\x94we\xE2\x80\x99re going to go all the way to Cleveland and secure the "
      "Republican nomination.");
  const Entity* cleveland = f.With("Cleveland");
  ASSERT_NE(cleveland, nullptr);
  EXPECT_EQ(cleveland->type, "GPE");
}

TEST(EntitiesTest, VirusNameIsNoEntity) {
  // Politico, August 2016 (PolNeAR train): "Zika" was an ORG (and a PERSON
  // further on); the text writes "Zika virus", a disease.
  Found f = Analyse(
      "As the number of Zika virus cases grows in Florida, the leading candidates in the "
      "state\xE2\x80\x99s nationally-watched U.S. Senate race have seized on the public health "
      "crisis to attack each other for not doing enough to fight the problem. The political fight "
      "comes as Zika cases in Florida eclipse the 600 mark.");
  EXPECT_EQ(f.With("Zika"), nullptr);
  const Entity* florida = f.With("Florida");
  ASSERT_NE(florida, nullptr);
  EXPECT_EQ(florida->type, "GPE");
}

TEST(EntitiesTest, CompanyReadAsAPersonAtAFewMentions) {
  // The New York Times, March 2016 (PolNeAR train): "Carrier" was ORG at 37
  // mentions and PERSON at two ("made Carrier's move to Mexico", "those Carrier
  // workers"): one entity now, an ORG.
  std::string text;
  if (!PolnearTrainText("nyt_2016-03-21_factory-workers-feel-sting-of-gl", &text))
    GTEST_SKIP() << "no ../shared/data/quotes";
  ASSERT_FALSE(text.empty());
  Found f = Analyse(text);
  const Entity* carrier = f.With("Carrier");
  ASSERT_NE(carrier, nullptr);
  EXPECT_EQ(carrier->type, "ORG");
  for (const Entity& e : f.a.entities) {
    if (&e == carrier) continue;
    for (const Mention& m : e.mentions) EXPECT_NE(f.a.Text(m.span), "Carrier") << e.type;
  }
}

TEST(EntitiesTest, SurnameWithAnArticleIsPartOfTheName) {
  // HuffPost, August 2016 (PolNeAR train): the tagger stopped at "al-"
  // ("Bashar" alone), and the later "Assad" was a GPE.
  Found f = Analyse(
      "Turkey, which at some point was a friend of Bashar al-Assad, then became a supporter of "
      "the enemies of Assad, including - allegedly - groups like ISIS.");
  const Entity* assad = f.With("Bashar al-Assad");
  ASSERT_NE(assad, nullptr);
  EXPECT_EQ(assad->type, "PERSON");
  EXPECT_EQ(f.With("Assad"), assad);
  EXPECT_EQ(f.With("Bashar"), nullptr);
}

TEST(EntitiesTest, RegionalDemonymIsNorp) {
  // HuffPost, 2016 (PolNeAR train): "Central Americans" was an ORG.
  Found f = Analyse(
      "The Obama administration announced plans Tuesday to expand programs that allow Central "
      "Americans to come to the U.S. as refugees.");
  const Entity* ca = f.With("Central Americans");
  ASSERT_NE(ca, nullptr);
  EXPECT_EQ(ca->type, "NORP");
  // A region's name stays a place.
  Found g = Analyse("Refugees from Central America and South Africa arrived on Monday.");
  const Entity* sa = g.With("South Africa");
  ASSERT_NE(sa, nullptr);
  EXPECT_EQ(sa->type, "GPE");
}

// Exact-span micro F1 over PER/ORG/LOC on CoNLL-2003 dev (as `lede eval ner`).
TEST(EntitiesTest, ConllDevF1) {
  std::ifstream in(std::string(LEDE_SHARED_DIR) + "/data/ner/conll2003-dev.jsonl");
  if (!in) GTEST_SKIP() << "no ../shared/data/ner/conll2003-dev.jsonl";
  Options options;
  options.offsets = OffsetUnit::kCodepoint;
  size_t tp = 0, np = 0, ng = 0;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    using Key = std::tuple<uint32_t, uint32_t, std::string>;
    std::set<Key> gold, pred;
    for (const auto& s : j["spans"]) {
      std::string l = s["label"];
      if (l != "MISC") gold.emplace(s["start"], s["end"], l);
    }
    Analysis a = Analyze(j["text"].get<std::string>(), options);
    for (const Entity& e : a.entities) {
      std::string l = e.type == "PERSON"                                        ? "PER"
                      : e.type == "ORG"                                         ? "ORG"
                      : (e.type == "GPE" || e.type == "LOC" || e.type == "FAC") ? "LOC"
                                                                                : "";
      if (l.empty()) continue;
      for (const Mention& m : e.mentions)
        pred.emplace(a.Convert(m.span.start), a.Convert(m.span.end), l);
    }
    ng += gold.size();
    np += pred.size();
    for (const Key& k : pred) tp += gold.count(k);
  }
  double p = static_cast<double>(tp) / np, r = static_cast<double>(tp) / ng;
  double f1 = 2 * p * r / (p + r);
  std::printf("conll2003-dev PER/ORG/LOC micro F1 %.4f (P %.4f R %.4f)\n", f1, p, r);
  EXPECT_GE(f1, 0.91);
}

TEST(EntitiesTest, GivenNameAfterARoleAndACommaIsAPerson) {
  // The tagger typed "Renée Dubois" ORG; "Renée" is "Renee" of the given names.
  Found f = Analyse(
      "The bakery owner, Rene\xCC\x81"
      "e Dubois, said prices rose.");
  const Entity* e = f.With(
      "Rene\xCC\x81"
      "e Dubois");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "PERSON");
  EXPECT_EQ(e->roles, Strings{"owner"});
}

TEST(EntitiesTest, OrdinalBeforeAMilitaryUnitIsPartOfItsName) {
  // The tagger left "101st" out (and the figures made an ORDINAL of it).
  Found f = Analyse("The 101st Airborne Division will deploy to Romania, the Pentagon said.");
  const Entity* e = f.With("101st Airborne Division");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "ORG");
  EXPECT_EQ(f.With("Airborne Division"), nullptr);
  // A cardinal stays out: "6 in [10 New York Democratic] voters".
  Found g = Analyse("Officials said 10 Army divisions were ready.");
  EXPECT_EQ(g.With("10 Army"), nullptr);
}

TEST(EntitiesTest, NameBeforeAdministrationIsAPerson) {
  // PolNeAR nyt_2016-05-19: "Ford" was an ORG (the company); huff-post_2016-07-26
  // (the headline and the body had no PERSON "Obama"): "Obama" was an ORG.
  Found f = Analyse(
      "Proponents like Mr. Eisenbrey urged the administration to raise the cutoff to about "
      "$51,000, which, in inflation-adjusted dollars, is roughly where it stood in 1975, when "
      "the Ford administration undertook the last major expansion of overtime eligibility.");
  const Entity* ford = f.With("Ford");
  ASSERT_NE(ford, nullptr);
  EXPECT_EQ(ford->type, "PERSON");
  std::string text;
  if (!PolnearTrainText("huff-post_2016-07-26_obama-administration-to-expand-p", &text))
    GTEST_SKIP() << "no ../shared/data";
  ASSERT_FALSE(text.empty());
  Found g = Analyse(text);
  const Entity* obama = g.With("Obama");
  ASSERT_NE(obama, nullptr);
  EXPECT_EQ(obama->type, "PERSON");
  EXPECT_EQ(obama->mentions.size(), 3u);
  // The tagger left "Bush" out; a place ("the Kabul government") stays a place,
  // and a name before "government" needs a person of that name in the text.
  Found h = Analyse(
      "Critics of the Bush administration and the Kabul government agreed. The Labour "
      "government fell.");
  const Entity* bush = h.With("Bush");
  ASSERT_NE(bush, nullptr);
  EXPECT_EQ(bush->type, "PERSON");
  ASSERT_NE(h.With("Kabul"), nullptr);
  EXPECT_EQ(h.With("Kabul")->type, "GPE");
  const Entity* labour = h.With("Labour");
  EXPECT_TRUE(labour == nullptr || labour->type != "PERSON");
  // "campaign" too, when the text has the person (PolNeAR politico_2016-04-20:
  // "The Clinton campaign denies any wrongdoing" had no name).
  Found c = Analyse(
      "Sen. Clinton said on Monday she would win. The Clinton campaign denies any wrongdoing. "
      "The Brexit campaign began.");
  const Entity* clinton = c.With("Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(clinton->mentions.size(), 2u);
  const Entity* brexit = c.With("Brexit");
  EXPECT_TRUE(brexit == nullptr || brexit->type != "PERSON");
}

TEST(EntitiesTest, PersonWithNoPersonMentionByARoleApposition) {
  // PolNeAR huff-post_2016-08-31: "Marine Le Pen" and "Le Pen" were ORG at all
  // five mentions ("Marine" is in no list of given names).
  std::string text;
  if (!PolnearTrainText("huff-post_2016-08-31_france-s-marine-le-pen-backs-tru", &text))
    GTEST_SKIP() << "no ../shared/data";
  ASSERT_FALSE(text.empty());
  Found f = Analyse(text);
  const Entity* e = f.With("Marine Le Pen");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "PERSON");
  EXPECT_EQ(f.With("Le Pen"), e);
  EXPECT_EQ(e->mentions.size(), 5u);
  // "Wasserman Schultz" is "Debbie Wasserman Schultz" (it was an entity of its own).
  Found g =
      Analyse("Rep. Debbie Wasserman Schultz spoke first. Wasserman Schultz said she would stay.");
  ASSERT_NE(g.With("Wasserman Schultz"), nullptr);
  EXPECT_EQ(g.With("Wasserman Schultz"), g.With("Debbie Wasserman Schultz"));
  // A company's role before the comma is no sign ("the new owner, OHorizons Global,").
  Found h = Analyse(
      "But the new owner, Horizon Global, a private investment firm, said Global would stay.");
  const Entity* owner = h.With("Horizon Global");
  EXPECT_TRUE(owner == nullptr || owner->type != "PERSON");
}

TEST(EntitiesTest, DatelinePlaceTheTaggerReadAsAnOrganization) {
  // A dispatch's opening capitals name the place it is filed from; the tagger
  // read some Ukrainian cities there as ORGs (CoNLL writes its teams in capitals).
  for (const char* city : {"MYKOLAIV", "DNIPRO", "SUMY", "POLTAVA", "MARIUPOL"}) {
    Found f = Analyse(std::string(city) +
                      " - Ukraine forces said they shot down 12 drones launched at the region "
                      "late on Sunday.");
    const Entity* e = f.With(city);
    ASSERT_NE(e, nullptr) << city;
    EXPECT_EQ(e->type, "GPE") << city;
  }
  // A sports headline's first words are no dateline place (CoNLL dev).
  Found g = Analyse("RUGBY UNION - CUTTITTA BACK FOR ITALY AFTER A YEAR .\nROME 1996-08-30\n");
  const Entity* rugby = g.With("RUGBY UNION");
  EXPECT_TRUE(rugby == nullptr || rugby->type != "GPE");
}

TEST(EntitiesTest, CourtesyTitleMakesAPersonOfAPlace) {
  // The New York Times, July 2016 (PolNeAR train): "Mr. Trump" was a GPE.
  Found f = Analyse(
      "Mark Singer has a framed, handwritten note from Donald J. Trump. ''Mark, you are a total "
      "loser! And your book (and writings) sucks!'' the note says.\n\nMr. Trump sent it after "
      "Mr. Singer published ''Character Studies,'' a 2005 collection of his writing that included "
      "a less than flattering profile of Mr. Trump.");
  for (const Entity& e : f.a.entities) {
    for (const Mention& m : e.mentions) {
      if (f.a.Text(m.span).find("Trump") != std::string::npos) EXPECT_EQ(e.type, "PERSON");
    }
  }
}

TEST(EntitiesTest, ClubsGroundsAndCompetitionsInAReportOnAGame) {
  // Written in wire style (PolNeAR has no football): the clubs were GPE, the
  // ground GPE, "Champions League" dropped (a MISC).
  Found f = Analyse(
      "Hull City were held 1-1 at Boothferry Park by Cardiff City after a goal from the "
      "penalty spot. Cardiff host Derby County next season and play in the Champions League.");
  for (const char* club : {"Hull City", "Cardiff City", "Derby County"}) {
    ASSERT_NE(f.With(club), nullptr) << club;
    EXPECT_EQ(f.With(club)->type, "ORG") << club;
  }
  ASSERT_NE(f.With("Boothferry Park"), nullptr);
  EXPECT_EQ(f.With("Boothferry Park")->type, "FAC");
  ASSERT_NE(f.With("Champions League"), nullptr);
  EXPECT_EQ(f.With("Champions League")->type, "EVENT");
  // PolNeAR breitbart_2016-06-05 (reports from the French Open): the arena was GPE.
  std::string text;
  if (PolnearTrainText("breitbart_2016-06-05_the-latest-mourners-say-ali-s-de", &text) &&
      !text.empty()) {
    Found g = Analyse(text);
    ASSERT_NE(g.With("Madison Square Garden"), nullptr);
    EXPECT_EQ(g.With("Madison Square Garden")->type, "FAC");
  }
  // Not in other news: the city, and the Arab League.
  Found h = Analyse(
      "Last month, he waded into politics on a Kansas City radio station. Members of the Arab "
      "League met in Cairo.");
  ASSERT_NE(h.With("Kansas City"), nullptr);
  EXPECT_EQ(h.With("Kansas City")->type, "GPE");
  const Entity* arab = h.With("Arab League");
  EXPECT_TRUE(arab == nullptr || arab->type != "EVENT");
}

TEST(EntitiesTest, HospitalOrInstitutionReadAsAPlace) {
  // PolNeAR west-journal_2016-09-14 and wash-post_2016-09-25: both were GPE.
  Found f = Analyse(
      "According to her account, after examining Clinton's leg, she insisted that the first "
      "lady go to Bethesda Naval Hospital for an ultrasound. The Ohio chapter of the A. Philip "
      "Randolph Institute and the Northeast Ohio Coalition for the Homeless sued.");
  ASSERT_NE(f.With("Bethesda Naval Hospital"), nullptr);
  EXPECT_EQ(f.With("Bethesda Naval Hospital")->type, "FAC");
  ASSERT_NE(f.With("A. Philip Randolph Institute"), nullptr);
  EXPECT_EQ(f.With("A. Philip Randolph Institute")->type, "ORG");
  // PolNeAR breitbart_2016-04-19: "the United States Senate" was GPE.
  Found s = Analyse(
      "Clinton won New York, which she represented for eight years in the United States "
      "Senate.");
  ASSERT_NE(s.With("United States Senate"), nullptr);
  EXPECT_EQ(s.With("United States Senate")->type, "ORG");
  Found g = Analyse("The victim was taken to Miami Valley Hospital, where she died.");
  ASSERT_NE(g.With("Miami Valley Hospital"), nullptr);
  EXPECT_EQ(g.With("Miami Valley Hospital")->type, "FAC");
}

TEST(EntitiesTest, HashtagsHandlesAndOkAreNoPartOfAName) {
  // PolNeAR huff-post_2016-06-09, breitbart_2016-02-18, breitbart_2016-03-15.
  Found f = Analyse(
      "me leaving the polls after voting for Hillary #GirlIGuessImWithHer HNRNAuq7nT\n\n"
      "Follow Adelle Nazarian on Twitter @AdelleNaz.\n\n"
      "\"You know what? This is all I got, OK? This is all I got, and all I can say is thank "
      "you.\"");
  ASSERT_NE(f.With("Hillary"), nullptr);
  EXPECT_EQ(f.With("Hillary")->type, "PERSON");
  EXPECT_EQ(f.With("Hillary #GirlIGuessImWithHer HNRNAuq7nT"), nullptr);
  ASSERT_NE(f.With("Twitter"), nullptr);
  EXPECT_EQ(f.With("Twitter @AdelleNaz"), nullptr);
  EXPECT_EQ(f.With("OK"), nullptr);
  // The state after a place and a comma stays.
  Found g = Analyse("The rally was held in Tulsa, OK, on Saturday.");
  ASSERT_NE(g.With("OK"), nullptr);
  EXPECT_EQ(g.With("OK")->type, "GPE");
}

TEST(EntitiesTest, FirmBeforeAPossessiveAndItsJudgment) {
  // Written in wire style: nothing was found ("Jefferies" after "In" was a
  // GPE when the tagger found it).
  Found f = Analyse("In Jefferies' view, the shares are cheap.");
  ASSERT_NE(f.With("Jefferies"), nullptr);
  EXPECT_EQ(f.With("Jefferies")->type, "ORG");
  Found g = Analyse(
      "Analysts at Jefferies said the upgrade was larger than expected. In Jefferies' view, "
      "the shares are cheap.");
  ASSERT_NE(g.With("Jefferies"), nullptr);
  EXPECT_EQ(g.With("Jefferies")->type, "ORG");
  EXPECT_EQ(g.With("Jefferies")->mentions.size(), 2u);
  // PolNeAR huff-post_2016-05-02: "FiveThirtyEight" was missed.
  Found h = Analyse(
      "HuffPollster looked at the races in Indiana by comparing prediction markets to "
      "FiveThirtyEight\xE2\x80\x99s forecasts.");
  ASSERT_NE(h.With("FiveThirtyEight"), nullptr);
  EXPECT_EQ(h.With("FiveThirtyEight")->type, "ORG");
}

TEST(EntitiesTest, CompanyWithNoSignButItsPronounOrAJobAtIt) {
  // Written in wire style: neither was found.
  Found f = Analyse("Airbus said on Wednesday it would cut 2,000 jobs in Germany.");
  ASSERT_NE(f.With("Airbus"), nullptr);
  EXPECT_EQ(f.With("Airbus")->type, "ORG");
  Found g = Analyse("He works at BMW.");
  ASSERT_NE(g.With("BMW"), nullptr);
  EXPECT_EQ(g.With("BMW")->type, "ORG");
  // PolNeAR politico_2015-12-28: "Hewlett-Packard" was missed.
  Found h = Analyse(
      "Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday. But, "
      "the former CEO of Hewlett-Packard added, it's not the way to win.");
  ASSERT_NE(h.With("Hewlett-Packard"), nullptr);
  EXPECT_EQ(h.With("Hewlett-Packard")->type, "ORG");
  // "he" is a person's: no ORG.
  Found p = Analyse("Husted said he would appeal the ruling.");
  const Entity* husted = p.With("Husted");
  EXPECT_TRUE(husted == nullptr || husted->type != "ORG");
}

TEST(EntitiesTest, ShortFormOfANameAfterAPersonIsThatName) {
  // Written in science-desk style: "Webb" was a PERSON of its own.
  Found f = Analyse(
      "NASA's James Webb Space Telescope took the image. Webb orbits the sun a million miles "
      "from Earth.");
  const Entity* webb = f.With("Webb");
  ASSERT_NE(webb, nullptr);
  EXPECT_EQ(webb->type, "ORG");
  EXPECT_EQ(webb, f.With("James Webb Space Telescope"));
  // A person of that surname in the text, or a sign of one, keeps the person.
  Found g = Analyse(
      "The James Webb Space Telescope took the image. Webb said in 1965 that he wanted it.");
  ASSERT_NE(g.With("Webb"), nullptr);
  EXPECT_EQ(g.With("Webb")->type, "PERSON");
}

TEST(EntitiesTest, OutletOrPlatformReadAsAPlace) {
  // PolNeAR dev huff-post_2016-09-10, train politico_2015-11-19,
  // west-journal_2015-11-12: all three were GPE.
  Found f = Analyse(
      "In a Bloomberg interview Trump declared that NATO may be obsolete. Trump continued his "
      "push on Twitter and Instagram, referencing a report. Three of the emails contained "
      "classified information, according to Politico.");
  for (const char* name : {"Bloomberg", "Instagram", "Politico"}) {
    ASSERT_NE(f.With(name), nullptr) << name;
    EXPECT_EQ(f.With(name)->type, "ORG") << name;
  }
  // PolNeAR usa-today_2016-05-02, nyt_2016-05-19: universities were GPE.
  Found u = Analyse(
      "John Stoehr is a lecturer in political science at Yale and a contributing writer at "
      "Washington Monthly. She makes $46,344 after having earned a Ph.D. from Harvard.");
  for (const char* name : {"Yale", "Harvard"}) {
    ASSERT_NE(u.With(name), nullptr) << name;
    EXPECT_EQ(u.With(name)->type, "ORG") << name;
  }
  // A known place stays one ("according to Moscow", "a Texas poll").
  Found g = Analyse("A Texas poll found Cruz ahead, according to Austin.");
  ASSERT_NE(g.With("Texas"), nullptr);
  EXPECT_EQ(g.With("Texas")->type, "GPE");
}

TEST(EntitiesTest, StateDemonymIsNorp) {
  // PolNeAR usa-today_2016-01-26, west-journal_2016-08-25, politico_2015-11-24:
  // "Texan" was GPE, "Ohioans" and "Iowans" were missed.
  Found f = Analyse(
      "Perry said his fellow Texan is ready to take on the Washington cartel. The law has "
      "allowed tens of thousands of Ohioans to cast a ballot. Biofuels don't stir up the same "
      "fervor among Iowans as they did in the 1980s.");
  for (const char* group : {"Texan", "Ohioans", "Iowans"}) {
    ASSERT_NE(f.With(group), nullptr) << group;
    EXPECT_EQ(f.With(group)->type, "NORP") << group;
  }
  // Not a surname that holds a place's name ("Buchanan" of "Bucha").
  Found g = Analyse("Buchanan said the plan worked.");
  ASSERT_NE(g.With("Buchanan"), nullptr);
  EXPECT_EQ(g.With("Buchanan")->type, "PERSON");
}

TEST(EntitiesTest, PlaceReadAsAnOrganizationOutsideSport) {
  // The New York Times, June 2016 (PolNeAR train): "Cleveland" opening the
  // sentence was ORG (CoNLL's teams are named for their cities), "in Cleveland"
  // a GPE: one place now.
  Found f = Analyse(
      "Cleveland and Philadelphia are preparing for the possibility that anger may spill into "
      "the streets during the Republican and Democratic conventions. Republicans arriving in "
      "Cleveland next month to nominate Donald J. Trump will be greeted by as many as 6,000 "
      "protesters on the first day.");
  const Entity* cleveland = f.With("Cleveland");
  ASSERT_NE(cleveland, nullptr);
  EXPECT_EQ(cleveland->type, "GPE");
  EXPECT_EQ(cleveland->mentions.size(), 2u);
  // The Washington Post, September 2016 (PolNeAR train): a state of the lexicon.
  Found g = Analyse(
      "With the presidential election approaching, the challengers have rung up wins against "
      "their two top targets. Texas and North Carolina are now under judicial order to shelve "
      "comprehensive voting laws, passed by Republican legislators, that appeals courts said "
      "discriminated against African Americans and Hispanics.");
  ASSERT_NE(g.With("Texas"), nullptr);
  EXPECT_EQ(g.With("Texas")->type, "GPE");
  // CoNLL-2003 dev: in a table of results the names are teams.
  Found h = Analyse(
      "Results of Major League Baseball games played on Friday ( home team in CAPS ) :\n"
      "American League\nDETROIT 4 Kansas City 0\nChicago 11 TORONTO 2\nTEXAS 5 Cleveland 3\n");
  for (const char* team : {"Chicago", "TEXAS", "Cleveland"}) {
    ASSERT_NE(h.With(team), nullptr) << team;
    EXPECT_EQ(h.With(team)->type, "ORG") << team;
  }
}

// Counts the mentions written `text` typed `type` in the PolNeAR train article
// `doc`; -1 when ../shared/data is not there.
int MentionsTyped(const std::string& doc, const std::string& text, const std::string& type) {
  std::string article;
  if (!PolnearTrainText(doc, &article)) return -1;
  EXPECT_FALSE(article.empty()) << doc;
  Found f = Analyse(article);
  int n = 0;
  for (const Entity& e : f.a.entities) {
    for (const Mention& m : e.mentions) n += f.a.Text(m.span) == text && e.type == type;
  }
  return n;
}

TEST(EntitiesTest, OneNameOneTypeInAnArticle) {
  // Breitbart, February 2016: "Kasich" was ORG at all six mentions, with no
  // PERSON one to follow; "Governor Kasich" is a person's title.
  const int kasich =
      MentionsTyped("breitbart_2016-02-10_how-donald-trump-could-become-pr", "Kasich", "PERSON");
  if (kasich < 0) GTEST_SKIP() << "no ../shared/data/quotes";
  EXPECT_EQ(kasich, 6);
  // The Washington Post, May 2016: "Verizon" was GPE at 9 mentions, ORG at 5;
  // "Verizon executives" is a company's.
  EXPECT_EQ(
      MentionsTyped("wash-post_2016-05-29_verizon-striking-unions-reach-fo", "Verizon", "GPE"), 0);
  // The New York Times, March 2016: "Valeant" was GPE at 4 mentions, ORG at
  // 21 ("Valeant shares" in one of them, but ORG: the rule read only persons
  // and places before a company's noun).
  EXPECT_EQ(MentionsTyped("nyt_2016-03-17_reputations-at-risk-over-bets-on", "Valeant", "GPE"), 0);
  // West Journal, March 2016: "At CPAC" was GPE, five other mentions ORG; at
  // and of are signs of either.
  EXPECT_EQ(
      MentionsTyped("west-journal_2016-03-04_kasich-just-revealed-the-thing-h", "CPAC", "GPE"), 0);
  // The New York Times, April 2016: "Courtland" ORG twice, GPE once ("the giant
  // International Paper mill in Courtland"): a place.
  EXPECT_EQ(MentionsTyped("nyt_2016-04-27_china-trade-is-linked-to-u-s-vot", "Courtland", "ORG"),
            0);
  // The New York Times, June 2016: "the Orlando attack" was ORG at 12 mentions;
  // "the Pulse nightclub in Orlando" is the place, and one mistaken PERSON
  // "Orlando" no sign of a person's name.
  EXPECT_EQ(MentionsTyped("nyt_2016-06-15_global-sympathy-but-very-little-", "Orlando", "ORG"), 0);
  // Breitbart, December 2015: "Syed Farook" was GPE at five mentions ("the
  // suspect's name, Syed Farook,"); the text also names "Farook Syed" a PERSON.
  EXPECT_EQ(
      MentionsTyped("breitbart_2015-12-04_san-bernardino-terror-suspect-na", "Syed Farook", "GPE"),
      0);
  // Politico, January 2016: the headline's "Nikki Haley" was ORG, the body's PERSON.
  EXPECT_EQ(
      MentionsTyped("politico_2016-01-14_wsj-editorial-deport-nikki-haley", "Nikki Haley", "ORG"),
      0);
}

TEST(EntitiesTest, StadiumsAndBridgesAreFacilities) {
  // The Washington Post, July 2016, and USA Today, February 2016 (PolNeAR
  // train): the tagger's ORG ending in "Arena", "Bridge" was kept an ORG.
  Found f = Analyse(
      "Who had vetted the long and rambling speech by retired Lt. Gen. Michael Flynn, which "
      "prompted so many delegates to walk out that the closing act by Sen. Joni Ernst of Iowa "
      "came close to midnight in a mostly empty Quicken Loans Arena? A week of hours-long "
      "traffic jams on the lanes connecting local Fort Lee roads to the George Washington "
      "Bridge into Manhattan weren't well-known among the public until months later.");
  for (const char* name : {"Quicken Loans Arena", "George Washington Bridge"}) {
    ASSERT_NE(f.With(name), nullptr) << name;
    EXPECT_EQ(f.With(name)->type, "FAC") << name;
  }
}

TEST(Entities, NameLexiconMapFindsWhatWasInserted) {
  NameLexicon::Map<std::string> m;
  EXPECT_EQ(m.find("paris"), m.end());  // empty: no slots yet
  EXPECT_EQ(m.count("paris"), 0u);
  m["paris"] = "GPE";
  m["seine"] = "LOC";
  m["paris"] = "LOC";  // as std::unordered_map's operator[]: the value replaced
  ASSERT_NE(m.find("paris"), m.end());
  EXPECT_EQ(m.find("paris")->first, "paris");
  EXPECT_EQ(m.find("paris")->second, "LOC");
  EXPECT_EQ(m.count("seine"), 1u);
  EXPECT_EQ(m.count("pari"), 0u);
  EXPECT_EQ(m.count(""), 0u);
  // Grown past its first 64 slots (a quarter full at most), every key found.
  std::deque<std::string> keys;
  for (int i = 0; i < 300; ++i) {
    keys.push_back("word" + std::to_string(i));
    m[keys.back()] = std::to_string(i);
  }
  for (int i = 0; i < 300; ++i) {
    const auto* e = m.find("word" + std::to_string(i));
    ASSERT_NE(e, m.end());
    EXPECT_EQ(e->second, std::to_string(i));
  }
  EXPECT_EQ(m.count("word300"), 0u);
  EXPECT_EQ(m.find("paris")->second, "LOC");
  NameLexicon::Set s;
  EXPECT_EQ(s.count("gen."), 0u);
  s.insert("gen.");
  s.insert("gen.");
  EXPECT_EQ(s.count("gen."), 1u);
  EXPECT_EQ(s.count("gen"), 0u);
  // Made at once from pairs, as operator[] in turn: a repeated key keeps its
  // last value; what the table held before is gone.
  m.Assign({{"russia", "Russia"}, {"uk", "United Kingdom"}, {"russia", "Russian Federation"}});
  ASSERT_NE(m.find("russia"), m.end());
  EXPECT_EQ(m.find("russia")->second, "Russian Federation");
  EXPECT_EQ(m.find("uk")->second, "United Kingdom");
  EXPECT_EQ(m.count("paris"), 0u);
  EXPECT_EQ(m.count("word7"), 0u);
  m.Assign({});
  EXPECT_EQ(m.count("uk"), 0u);
  s.Assign({"sen.", "gov.", "sen."});
  EXPECT_EQ(s.count("sen."), 1u);
  EXPECT_EQ(s.count("gov."), 1u);
  EXPECT_EQ(s.count("gen."), 0u);
}

TEST(Entities, NameLexiconLooksUpFoldedNames) {
  const NameLexicon& lex = NameLexicon::Get();
  ASSERT_NE(lex.demonym.find("russian"), lex.demonym.end());
  EXPECT_EQ(lex.demonym.find("russian")->second, "Russia");
  EXPECT_EQ(lex.country.count("russia"), 1u);
  EXPECT_EQ(lex.country.count("Russia"), 0u);  // keys are folded
  EXPECT_EQ(lex.place.count("not a place at all"), 0u);
}

}  // namespace
}  // namespace lede
