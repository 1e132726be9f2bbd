// Tests for the audience page built into the binary and the language picked for a phone.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "server/audience_page.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::sourceDir;

namespace {

std::string pageOnDisk() {
    std::ifstream in(sourceDir() / "src" / "server" / "audience_page" / "index.html",
                     std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos;
         at = text.find(what, at + what.size()))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("audience page: the embedded page is the source file byte for byte") {
    const std::string disk = pageOnDisk();
    REQUIRE_FALSE(disk.empty());
    CHECK(audiencePageHtml() == disk);
    CHECK(audiencePageHtml().substr(0, 15) == "<!doctype html>");
}

TEST_CASE("audience page: one self-contained file under 36 KB") {
    const std::string_view html = audiencePageHtml();
    CHECK(html.size() < 36 * 1024);  // 36 KiB: the whole page, both languages, polls included
    // Nothing from elsewhere: no address, no linked stylesheet, script or image.
    CHECK(count(html, "http://") == 0);
    CHECK(count(html, "https://") == 0);
    CHECK(count(html, "<link") == 0);
    CHECK(count(html, " src=") == 0);
    CHECK(count(html, "@import") == 0);
    CHECK(count(html, "url(") == 0);
    CHECK(count(html, "<script>") == 1);
}

TEST_CASE("audience page: text reaches the page only as text") {
    const std::string_view html = audiencePageHtml();
    CHECK(count(html, "innerHTML") == 0);
    CHECK(count(html, "outerHTML") == 0);
    CHECK(count(html, "insertAdjacentHTML") == 0);
    CHECK(count(html, "document.write") == 0);
    CHECK(count(html, "eval(") == 0);
    CHECK(count(html, "textContent") > 0);
}

TEST_CASE("audience page: the language placeholder is in <html lang> only and gets replaced") {
    const std::string_view html = audiencePageHtml();
    CHECK(count(html, "{{LANG}}") == 1);
    CHECK(count(html, "<html lang=\"{{LANG}}\">") == 1);

    const std::string zh = audiencePage("zh-Hant");
    CHECK(count(zh, "<html lang=\"zh-Hant\">") == 1);
    CHECK(count(zh, "{{LANG}}") == 0);
    CHECK(zh.size() == html.size() - 1);

    const std::string en = audiencePage("en");
    CHECK(count(en, "<html lang=\"en\">") == 1);
    CHECK(count(en, "{{LANG}}") == 0);
}

TEST_CASE("audience page: a language other than zh-Hant or en is served as en") {
    for (const char* lang : {"", "zh-TW", "fr", "\"><script>alert(1)</script>", "ZH-HANT"}) {
        const std::string shown = lang;
        CAPTURE(shown);
        const std::string page = audiencePage(lang);
        CHECK(count(page, "<html lang=\"en\">") == 1);
        CHECK(count(page, "<script>alert") == 0);
    }
}

TEST_CASE("audience language: Traditional Chinese ranges give zh-Hant, in any case") {
    for (const char* header :
         {"zh", "zh-TW", "zh-tw", "ZH-TW", "zh-Hant", "zh-Hant-TW", "zh-HK", "zh-MO",
          "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", "zh-Hant-HK;q=0.5"}) {
        const std::string shown = header;
        CAPTURE(shown);
        CHECK(pickAudienceLanguage(header) == "zh-Hant");
    }
}

TEST_CASE("audience language: English, other languages and nothing give en") {
    for (const char* header :
         {"", "en", "en-US", "en-US,en;q=0.9,zh-TW;q=0.8", "*", "ja", "fr-CH, fr;q=0.9", "zh-CN",
          "zh-Hans", "zh-SG", "zh-Hans-TW", "zhx"}) {
        const std::string shown = header;
        CAPTURE(shown);
        CHECK(pickAudienceLanguage(header) == "en");
    }
}

TEST_CASE("audience language: q-values order the ranges, ties keep their order, q=0 refuses") {
    CHECK(pickAudienceLanguage("en;q=0.5, zh-TW;q=0.8") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=0.5, en;q=0.8") == "en");
    CHECK(pickAudienceLanguage("en, zh-TW") == "en");
    CHECK(pickAudienceLanguage("zh-TW, en") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=0.5, en;q=0.5") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=0, en;q=0.1") == "en");
    CHECK(pickAudienceLanguage("zh-TW;q=0.000") == "en");
    CHECK(pickAudienceLanguage("en;q=0, zh;q=0.001") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=1.000, en") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;Q=0.9") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW ; q=0.9 , en ; q=0.8") == "zh-Hant");
    // Passed over languages do not block the ones after them.
    CHECK(pickAudienceLanguage("zh-CN,zh;q=0.9") == "zh-Hant");
    CHECK(pickAudienceLanguage("ja, de;q=0.9, zh-HK;q=0.2") == "zh-Hant");
    CHECK(pickAudienceLanguage("*;q=0.5, zh-TW;q=0.6") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=0.4, *;q=0.5") == "en");
}

TEST_CASE("audience language: malformed elements are skipped, a malformed header gives en") {
    for (const char* header : {"!!!",
                               ";;;",
                               ",,,",
                               "q=1",
                               "zh-TW;q=2",
                               "zh-TW;q=1.001",
                               "zh-TW;q=0.8888",
                               "zh-TW;q=abc",
                               "zh-TW;q=",
                               "zh-TW;q=.5",
                               "zh-TW;q=-1",
                               "zh-TW;foo=bar",
                               "zh-TW;q=0.5;q=0.5",
                               "zh_TW",
                               "zh-",
                               "-zh",
                               "zh--TW",
                               "zhongwen-TW",
                               "zh-TW-abcdefghi",
                               "zh TW",
                               "\xe4\xb8\xad\xe6\x96\x87",
                               "\xff\xfe"}) {
        const std::string shown = header;
        CAPTURE(shown);
        CHECK(pickAudienceLanguage(header) == "en");
    }
    CHECK(pickAudienceLanguage("!!!, zh-TW") == "zh-Hant");
    CHECK(pickAudienceLanguage(" , ,zh-TW , ") == "zh-Hant");
    CHECK(pickAudienceLanguage("zh-TW;q=2, zh-HK;q=0.3") == "zh-Hant");
    CHECK(pickAudienceLanguage(std::string_view("zh\0TW, zh", 9)) == "zh-Hant");

    std::string flood;
    for (int i = 0; i < 20000; ++i) flood += "zh-CN;q=0.9,";
    CHECK(pickAudienceLanguage(flood + "en") == "en");
    CHECK(pickAudienceLanguage(flood + "zh-TW;q=0.1") == "zh-Hant");
}
