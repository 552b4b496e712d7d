// The COLLADA clip-name scanner (io/detail/collada_clips.hpp) reads attributes the way an XML
// parser does: either quote, any whitespace, entities decoded, comments skipped.
#include "io/detail/collada_clips.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using hv::io::detail::colladaClipNames;
using Names = std::vector<std::string>;

TEST_CASE("clip names in double quotes are read in file order") {
    CHECK(colladaClipNames(R"(<library_animation_clips><animation_clip id="c1" name="walk" start="0"/>)"
                           R"(<animation_clip name="run" id="c2"></animation_clip></library_animation_clips>)") ==
          Names{"walk", "run"});
}

TEST_CASE("clip names in single quotes are read") {
    CHECK(colladaClipNames("<animation_clip id='c1' name='squat'/><animation_clip name='lunge'/>") ==
          Names{"squat", "lunge"});
}

TEST_CASE("a newline or tab before the name attribute or around the equals sign is read") {
    CHECK(colladaClipNames("<animation_clip\n  id=\"c1\"\n\tname = \"bridge\"\r\n start=\"0\">") ==
          Names{"bridge"});
    CHECK(colladaClipNames("<animation_clip\nname=\"a\"/><animation_clip\tname\n=\n'b'/>") == Names{"a", "b"});
}

TEST_CASE("a clip without a name takes its id and one with neither gets an empty name") {
    CHECK(colladaClipNames(R"(<animation_clip id="only_id"/><animation_clip start="1"/>)") ==
          Names{"only_id", ""});
}

TEST_CASE("attributes that merely end in name or id are not taken for them") {
    CHECK(colladaClipNames(R"(<animation_clip sid="x" myname="wrong" name="right"/>)") == Names{"right"});
    CHECK(colladaClipNames(R"(<animation_clip nickname="wrong"/>)") == Names{""});
}

TEST_CASE("a quote of the other kind inside a value belongs to the value and entities are decoded") {
    CHECK(colladaClipNames(R"(<animation_clip name="hip's &amp; knee's"/>)") == Names{"hip's & knee's"});
    CHECK(colladaClipNames(R"(<animation_clip name='say "hi" &lt;3'/>)") == Names{"say \"hi\" <3"});
}

TEST_CASE("a greater-than sign inside a quoted value does not end the tag") {
    CHECK(colladaClipNames(R"(<animation_clip id="a>b" name="kept"/>)") == Names{"kept"});
}

TEST_CASE("library_animation_clips and clips inside comments or CDATA are not clips") {
    CHECK(colladaClipNames("<library_animation_clips name=\"lib\"><!-- <animation_clip name=\"old\"/> -->"
                           "<![CDATA[<animation_clip name=\"text\"/>]]><animation_clips name=\"x\"/>"
                           "<animation_clip name=\"real\"/></library_animation_clips>") == Names{"real"});
}

TEST_CASE("a tag cut off by the end of the text ends the scan without reading past it") {
    CHECK(colladaClipNames("<animation_clip name=\"a\"/><animation_clip name=\"b") == Names{"a"});
    CHECK(colladaClipNames("<animation_clip name=\"a\"/><animation_clip name=").size() == 1);
    CHECK(colladaClipNames("<animation_clip").empty());
    CHECK(colladaClipNames("<!-- <animation_clip name=\"a\"/>").empty());
}

TEST_CASE("the number of clips read is bounded") {
    std::string text;
    for (int i = 0; i < 20; ++i) text += "<animation_clip name=\"c" + std::to_string(i) + "\"/>";
    CHECK(colladaClipNames(text, 5).size() == 5);
    CHECK(colladaClipNames(text).size() == 20);
}
