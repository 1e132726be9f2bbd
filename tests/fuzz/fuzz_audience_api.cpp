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
#include <memory>
#include <string>

#include "fuzz_http.hpp"
#include "server/audience_api.hpp"
#include "server/control_api.hpp"

namespace {

// The room's view of S as a snapshot, the last one reused while the view is the same: each
// input starts by publishing the pristine session's view on its own board, and serialising it
// anew each time was an eighth of the run (docs/fuzzing.md, "Speed"). Reuse is decided by
// comparing the whole view, so a snapshot is never served for a view it was not made from.
// Threads: called by fuzz::SessionHost's afterChange, always under its lock, so the cache is
// touched by one thread at a time.
std::shared_ptr<const pycast::AudienceSnapshot> snapshotOf(pycast::Session& s) {
    static pycast::AudienceView lastView;
    static std::shared_ptr<const pycast::AudienceSnapshot> last;
    pycast::AudienceView view = pycast::audienceViewOf(s);
    if (!last || !(view == lastView)) {
        last = std::make_shared<const pycast::AudienceSnapshot>(view);
        lastView = std::move(view);
    }
    return last;
}

}  // namespace

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
    host.begin([&audience](pycast::Session& s) { audience.board().publish(snapshotOf(s)); });
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
