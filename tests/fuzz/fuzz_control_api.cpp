// Fuzz target: the control API's handler with requests from the input (up to 8, separated by
// lines "----"; each "METHOD PATH", headers, an empty line, the body), no socket, against a
// pristine session whose owner thread drains the queue (fuzz::SessionHost; libFuzzer's thread,
// the owner's).
// Properties: status codes only from the documented set (500 and 503 would mean a failed journal
// or an owner that did not answer: neither can happen here); every error is a JSON object with
// "error"; 401 says WWW-Authenticate, 405 says Allow; the session's journal reads back whole.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_http.hpp"
#include "server/control_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> requests = fuzz::splitParts(fuzz::text(data, size), 8);
    fuzz::SessionHost& host = fuzz::SessionHost::instance();
    host.begin({});
    pycast::ControlApiOptions options;
    options.replyTimeout = std::chrono::milliseconds(20000);
    pycast::ControlApi api(host.queue(), "fuzz-token", options);
    for (const std::string& text : requests) {
        const pycast::HttpRequest req = fuzz::parseRequest(text, "127.0.0.1");
        pycast::HttpReply reply;
        try {
            reply = api.handle(req);
        } catch (const std::exception& e) {
            fuzz::fail(std::string("handle threw: ") + e.what());
        }
        const std::string what = req.method + " " + req.path;
        fuzz::checkReply(reply, {200, 201, 400, 401, 404, 405, 409, 413}, false, what);
        if (reply.status == 401)
            FUZZ_CHECK(fuzz::hasHeader(reply, "WWW-Authenticate"),
                       what + ": 401 without WWW-Authenticate");
        if (reply.status == 405)
            FUZZ_CHECK(fuzz::hasHeader(reply, "Allow"), what + ": 405 without Allow");
    }
    if (host.end() > 0) fuzz::checkJournalReadsBack(host);
    return 0;
}
