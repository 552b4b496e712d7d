// Reads a Moodle XML question bank back for tests, through libxml2 (a real XML parser: a file it
// rejects is not XML), into plain structs: each question's type, name, question text, embedded
// files (base64 decoded), answers with fractions and tolerances, and the multichoice flags.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hv::test {

struct MoodleFile {
    std::string name, path, encoding;
    std::vector<std::uint8_t> bytes; // decoded; empty if the base64 was invalid
    bool validBase64 = false;
};

struct MoodleAnswer {
    std::string fraction; // as written
    std::string text;
    std::optional<std::string> tolerance;
};

struct MoodleQuestion {
    std::string type, name, questionText, feedback, category, single, shuffle, usecase;
    std::vector<MoodleFile> files;
    std::vector<MoodleAnswer> answers;
};

struct MoodleBank {
    bool parsed = false;
    std::string rootName;
    std::vector<MoodleQuestion> questions; // the category included, in file order
};

inline std::optional<std::vector<std::uint8_t>> decodeBase64(const std::string& text) {
    std::vector<std::uint8_t> out;
    unsigned value = 0;
    int bits = 0, padding = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        else if (c == '=') {
            ++padding;
            continue;
        } else if (c == '\n' || c == '\r' || c == ' ') continue;
        else return std::nullopt;
        if (padding) return std::nullopt; // data after padding
        value = (value << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((value >> bits) & 0xff));
        }
    }
    if (padding > 2) return std::nullopt;
    return out;
}

namespace detail {

inline std::string content(xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
}
inline std::string attribute(xmlNode* n, const char* name) {
    xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
}
inline bool is(xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}
inline xmlNode* child(xmlNode* n, const char* name) {
    for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}
inline std::string childText(xmlNode* n, const char* name) {
    xmlNode* c = child(n, name);
    xmlNode* t = child(c, "text");
    return t ? content(t) : c ? content(c) : "";
}

} // namespace detail

// Reads the bank from `doc` (null: not XML) and frees it.
inline MoodleBank readMoodleDocument(xmlDoc* doc) {
    using namespace detail;
    MoodleBank bank;
    if (!doc) return bank;
    bank.parsed = true;
    xmlNode* root = xmlDocGetRootElement(doc);
    bank.rootName = root ? reinterpret_cast<const char*>(root->name) : "";
    for (xmlNode* q = root ? root->children : nullptr; q; q = q->next) {
        if (!is(q, "question")) continue;
        MoodleQuestion mq;
        mq.type = attribute(q, "type");
        mq.name = childText(q, "name");
        mq.category = childText(q, "category");
        mq.questionText = childText(q, "questiontext");
        mq.feedback = childText(q, "generalfeedback");
        mq.single = childText(q, "single");
        mq.shuffle = childText(q, "shuffleanswers");
        mq.usecase = childText(q, "usecase");
        if (xmlNode* qt = child(q, "questiontext"))
            for (xmlNode* f = qt->children; f; f = f->next)
                if (is(f, "file")) {
                    MoodleFile file{attribute(f, "name"), attribute(f, "path"), attribute(f, "encoding"), {}, false};
                    if (auto bytes = decodeBase64(content(f))) {
                        file.bytes = std::move(*bytes);
                        file.validBase64 = true;
                    }
                    mq.files.push_back(std::move(file));
                }
        for (xmlNode* a = q->children; a; a = a->next)
            if (is(a, "answer")) {
                MoodleAnswer ma{attribute(a, "fraction"), childText(a, "text"), std::nullopt};
                if (child(a, "tolerance")) ma.tolerance = content(child(a, "tolerance"));
                mq.answers.push_back(std::move(ma));
            }
        bank.questions.push_back(std::move(mq));
    }
    xmlFreeDoc(doc);
    return bank;
}

inline MoodleBank readMoodleXml(const std::string& path) {
    return readMoodleDocument(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE));
}
inline MoodleBank readMoodleXmlText(const std::string& text) {
    return readMoodleDocument(xmlReadMemory(text.data(), static_cast<int>(text.size()), "bank.xml", nullptr,
                                            XML_PARSE_NONET | XML_PARSE_HUGE));
}

} // namespace hv::test
