// Parsing and formatting of durations ("mm:ss", "h:mm:ss") and times of day ("19:30").
#include "core/duration.hpp"

#include <cctype>
#include <cstdio>
#include <vector>

namespace pycast {
namespace {

// A field with more digits than this is too long for any length (and for an int64).
constexpr int kMaxFieldDigits = 12;

// Splits "1:05:00" into numeric fields; false if any field is not all digits. `tooLong` is
// set when a field has more digits than any length could need.
bool splitFields(const std::string& text, std::vector<std::int64_t>& fields, bool* tooLong = nullptr) {
    fields.clear();
    std::int64_t value = 0;
    int digits = 0;
    for (char c : text) {
        if (c == ':') {
            if (digits == 0) return false;
            fields.push_back(value);
            value = 0;
            digits = 0;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            if (++digits > kMaxFieldDigits) {
                if (tooLong) *tooLong = true;
                continue;   // keep scanning: "1234567890123:xx" is still not a duration
            }
            value = value * 10 + (c - '0');
        } else {
            return false;
        }
    }
    if (digits == 0) return false;
    fields.push_back(value);
    return true;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

std::string asciiDigits(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // U+FF01..U+FF5E are EF BC 81..EF BD 9E; the ones we read are all in EF BC 80..BF.
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
            static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            const auto b = static_cast<unsigned char>(text[i + 2]);
            char ascii = 0;
            if (b >= 0x90 && b <= 0x99) ascii = static_cast<char>('0' + (b - 0x90));   // ０..９
            else if (b == 0x9A) ascii = ':';                                          // ：
            else if (b == 0x8E) ascii = '.';                                          // ．
            else if (b == 0x8C) ascii = ',';                                          // ，
            else if (b == 0x8D) ascii = '-';                                          // －
            if (ascii) {
                out += ascii;
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

DurationParse parseDuration(const std::string& raw) {
    DurationParse r;
    std::string text = trim(asciiDigits(raw));
    if (text.empty()) {
        r.error = DurationError::Empty;
        return r;
    }
    bool negative = false;
    if (text[0] == '-') {
        negative = true;
        text = trim(text.substr(1));
    }
    std::vector<std::int64_t> f;
    bool tooLong = false;
    if (!splitFields(text, f, &tooLong) || f.size() < 2 || f.size() > 3) {
        r.error = DurationError::NotADuration;
        return r;
    }
    if (tooLong) {
        r.error = DurationError::TooLong;
        return r;
    }
    if (f.back() >= 60 || (f.size() == 3 && f[1] >= 60)) {
        r.error = DurationError::SecondsOutOfRange;
        return r;
    }
    std::int64_t s = f.size() == 2 ? f[0] * 60 + f[1] : f[0] * 3600 + f[1] * 60 + f[2];
    if (s > kMaxDurationSeconds) {
        r.error = DurationError::TooLong;
        return r;
    }
    if (negative) {
        r.error = s == 0 ? DurationError::None : DurationError::Negative;
        r.seconds = -s;
        if (s == 0) r.seconds = 0;
        return r;
    }
    r.seconds = s;
    return r;
}

std::string formatDuration(std::int64_t seconds) {
    const bool negative = seconds < 0;
    std::int64_t s = negative ? -seconds : seconds;
    char buf[48];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", negative ? "-" : "",
                      static_cast<long long>(s / 3600), static_cast<long long>((s / 60) % 60),
                      static_cast<long long>(s % 60));
    } else {
        std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", negative ? "-" : "",
                      static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    }
    return buf;
}

std::string formatDurationMs(std::int64_t ms) {
    return formatDuration(ms / 1000);
}

std::string formatTimecode(std::int64_t ms, bool withMs) {
    const bool negative = ms < 0;
    const unsigned long long a = negative ? 0ULL - static_cast<unsigned long long>(ms) : static_cast<unsigned long long>(ms);
    const unsigned long long s = a / 1000;
    char text[64];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%llu:%02llu", s / 60, s % 60);
    std::string out = (negative ? "-" : "") + std::string(text);
    if (withMs) {
        std::snprintf(text, sizeof text, ".%03llu", a % 1000);
        out += text;
    }
    return out;
}

std::optional<std::int64_t> parseTimeOfDay(const std::string& raw) {
    std::vector<std::int64_t> f;
    std::string text = trim(asciiDigits(raw));  // "１９：５０" as people type it with a CJK input method
    if (!splitFields(text, f) || f.size() < 2 || f.size() > 3) return std::nullopt;
    if (f[0] > 23 || f[1] > 59 || (f.size() == 3 && f[2] > 59)) return std::nullopt;
    return f[0] * 3600 + f[1] * 60 + (f.size() == 3 ? f[2] : 0);
}

std::string formatTimeOfDay(std::int64_t s) {
    s %= 86400;
    if (s < 0) s += 86400;
    char buf[32];
    if (s % 60 != 0) {
        std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>((s / 60) % 60), static_cast<long long>(s % 60));
    } else {
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>((s / 60) % 60));
    }
    return buf;
}

}  // namespace pycast
