// The audience page served to phones, built into the binary, and its language (any thread; pure
// functions).
#pragma once

#include <string>
#include <string_view>

namespace pycast {

// The page's two languages: the value of <html lang="…"> and of the page's own switch.
inline constexpr std::string_view kAudienceLanguageZhHant = "zh-Hant";
inline constexpr std::string_view kAudienceLanguageEn = "en";

// src/server/audience_page/index.html exactly as it is in the source tree (UTF-8, one file with
// its CSS and JS inline), embedded at build time; "{{LANG}}" is still in it. Static storage.
std::string_view audiencePageHtml();

// The page with every "{{LANG}}" replaced by LANG. LANG is "zh-Hant" or "en"; anything else is
// served as "en", so a caller can never put text of its own into the HTML.
std::string audiencePage(std::string_view lang);

// The page's language for a request's Accept-Language header (RFC 9110 §12.5.4, q-values, any
// case): the ranges are tried from the highest q down (ties in their order), skipping q=0; the
// first that names Traditional Chinese — "zh", "zh-Hant…", "zh-TW", "zh-HK", "zh-MO" — gives
// "zh-Hant", the first that names English or is "*" gives "en". Other languages (zh-CN, ja, …)
// are passed over; an empty, malformed or unmatched header gives "en". Malformed elements
// (a bad range, a q outside 0–1 or with more than 3 decimals, other parameters) are skipped.
std::string pickAudienceLanguage(std::string_view acceptLanguage);

}  // namespace pycast
