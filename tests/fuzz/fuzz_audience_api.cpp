// Fuzz target: the audience API's handler with requests from the input (up to 8, separated by
// lines "----"; each "METHOD PATH[?QUERY]", headers, an empty line, the body), no socket, against
// a pristine session whose owner thread drains the queue and publishes the room's view
// (fuzz::SessionHost; libFuzzer's thread, the owner's). A part that starts with "!" goes to the
// control API instead (the producer approving a question, opening a poll), so votes meet questions
// and polls that exist. Properties: status codes only from docs/audience.md's set (no 429: the
// limits are lifted; no 503: submissions are on and the owner answers); every error is JSON with
// "error" and "code"; the page and JSON texts are well formed; the journal reads back whole.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_http.hpp"
#include "server/audience_api.hpp"
#include "server/control_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> requests = fuzz::splitParts(fuzz::text(data, size), 8);
    fuzz::SessionHost& host = fuzz::SessionHost::instance();
    pycast::AudienceApiOptions options;
    options.replyTimeout = std::chrono::milliseconds(20000);
    const pycast::RateLimit unlimited{1e9, 1e9};
    options.limits = {unlimited, unlimited, unlimited, unlimited, unlimited, unlimited, unlimited};
    pycast::AudienceApi audience(host.queue(), "123456", options);
    audience.setAccepting(true);
    pycast::ControlApiOptions controlOptions;
    controlOptions.replyTimeout = std::chrono::milliseconds(20000);
    pycast::ControlApi control(host.queue(), "fuzz-token", controlOptions);
    host.begin(
        [&audience](pycast::Session& s) { audience.board().publish(pycast::audienceViewOf(s)); });
    for (const std::string& text : requests) {
        const bool producer = !text.empty() && text.front() == '!';
        pycast::HttpRequest req = fuzz::parseRequest(producer ? text.substr(1) : text, "10.1.2.3");
        pycast::HttpReply reply;
        const std::string what = req.method + " " + req.path;
        try {
            if (producer) {
                req.headers.emplace_back("Authorization", "Bearer fuzz-token");
                reply = control.handle(req);
                fuzz::checkReply(reply, {200, 201, 400, 401, 404, 405, 409, 413}, false, what);
                continue;
            }
            reply = audience.handle(req);
        } catch (const std::exception& e) {
            fuzz::fail(std::string("handle threw: ") + e.what());
        }
        fuzz::checkReply(reply, {200, 201, 204, 400, 403, 404, 405, 409, 413}, true, what);
        if (reply.status == 405)
            FUZZ_CHECK(fuzz::hasHeader(reply, "Allow"), what + ": 405 without Allow");
    }
    if (host.end() > 0) fuzz::checkJournalReadsBack(host);
    return 0;
}
