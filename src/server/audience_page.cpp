// The audience page's language and its {{LANG}} substitution (any thread; pure functions).
#include "server/audience_page.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace pycast {

namespace {

constexpr std::string_view kLangPlaceholder = "{{LANG}}";

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trimOws(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*"  (RFC 4647 §2.1); lower-cased.
std::optional<std::string> parseRange(std::string_view s) {
    if (s == "*") return std::string("*");
    std::string out;
    std::size_t partLength = 0;
    bool first = true;
    for (const char c : s) {
        if (c == '-') {
            if (partLength == 0) return std::nullopt;
            first = false;
            partLength = 0;
        } else if (isAlpha(c) || (!first && isDigit(c))) {
            if (++partLength > 8) return std::nullopt;
        } else {
            return std::nullopt;
        }
        out += lower(c);
    }
    if (partLength == 0) return std::nullopt;
    return out;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
std::optional<int> parseQ(std::string_view s) {
    if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
    int q = s[0] == '1' ? 1000 : 0;
    if (s.size() == 1) return q;
    if (s[1] != '.' || s.size() > 5) return std::nullopt;
    int scale = 100;
    for (const char c : s.substr(2)) {
        if (!isDigit(c)) return std::nullopt;
        q += (c - '0') * scale;
        scale /= 10;
    }
    if (q > 1000) return std::nullopt;
    return q;
}

struct WeightedRange {
    std::string range;
    int q = 1000;
};

std::optional<WeightedRange> parseElement(std::string_view element) {
    const auto semicolon = element.find(';');
    auto range = parseRange(trimOws(element.substr(0, semicolon)));
    if (!range) return std::nullopt;
    WeightedRange out{*range, 1000};
    if (semicolon == std::string_view::npos) return out;
    // The only parameter Accept-Language has is the weight ("q" in any case).
    const auto weight = trimOws(element.substr(semicolon + 1));
    if (weight.size() < 2 || lower(weight[0]) != 'q' || weight[1] != '=') return std::nullopt;
    const auto q = parseQ(weight.substr(2));
    if (!q) return std::nullopt;
    out.q = *q;
    return out;
}

bool startsWithTag(std::string_view range, std::string_view tag) {
    return range.substr(0, tag.size()) == tag &&
           (range.size() == tag.size() || range[tag.size()] == '-');
}

// Which of the page's languages a (lower-cased) range asks for, if any.
std::optional<std::string_view> languageFor(std::string_view range) {
    if (range == "*" || startsWithTag(range, "en")) return kAudienceLanguageEn;
    if (range == "zh" || startsWithTag(range, "zh-hant") || startsWithTag(range, "zh-tw") ||
        startsWithTag(range, "zh-hk") || startsWithTag(range, "zh-mo"))
        return kAudienceLanguageZhHant;
    return std::nullopt;
}

}  // namespace

std::string audiencePage(std::string_view lang) {
    const std::string_view value =
        lang == kAudienceLanguageZhHant ? kAudienceLanguageZhHant : kAudienceLanguageEn;
    const std::string_view html = audiencePageHtml();
    std::string out;
    out.reserve(html.size() + 16);
    std::size_t from = 0;
    for (auto at = html.find(kLangPlaceholder); at != std::string_view::npos;
         at = html.find(kLangPlaceholder, from)) {
        out.append(html.substr(from, at - from));
        out.append(value);
        from = at + kLangPlaceholder.size();
    }
    out.append(html.substr(from));
    return out;
}

std::string pickAudienceLanguage(std::string_view acceptLanguage) {
    std::vector<WeightedRange> ranges;
    std::size_t from = 0;
    while (from <= acceptLanguage.size()) {
        const auto comma = acceptLanguage.find(',', from);
        const auto end = comma == std::string_view::npos ? acceptLanguage.size() : comma;
        const auto element = trimOws(acceptLanguage.substr(from, end - from));
        // Empty list elements are allowed (RFC 9110 §5.6.1); malformed ones are passed over.
        if (!element.empty())
            if (auto parsed = parseElement(element); parsed && parsed->q > 0)
                ranges.push_back(std::move(*parsed));
        from = end + 1;
    }
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const WeightedRange& a, const WeightedRange& b) { return a.q > b.q; });
    for (const auto& r : ranges)
        if (const auto lang = languageFor(r.range)) return std::string(*lang);
    return std::string(kAudienceLanguageEn);
}

}  // namespace pycast
