// Fuzz target: the control API's handler with requests from the input (up to 8, separated by
// lines "----"; each "METHOD PATH", headers, an empty line, the body), no socket, against a
// fresh session whose owner thread drains the queue (libFuzzer's thread; the owner's).
// Properties: status codes only from the documented set (500 and 503 would mean a failed journal
// or an owner that did not answer: neither can happen here); every error is a JSON object with
// "error"; 401 says WWW-Authenticate, 405 says Allow; the session's journal reads back whole.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_http.hpp"
#include "io/journal.hpp"
#include "server/control_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> requests = fuzz::splitParts(fuzz::text(data, size), 8);
    pycast::OwnerQueue queue;
    std::size_t events = 0;
    {
        fuzz::OwnedSession owned(queue, {});
        pycast::ControlApiOptions options;
        options.replyTimeout = std::chrono::milliseconds(20000);
        pycast::ControlApi api(queue, "fuzz-token", options);
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
        owned.stop();
        events = owned.session().events().size();
    }
    const pycast::Result<pycast::JournalContents> read =
        pycast::readJournal(fuzz::scratch() / "session" / pycast::kSessionJournalFile);
    FUZZ_CHECK(read.ok() && read.warnings.empty(),
               "the session's journal does not read back whole");
    FUZZ_CHECK(read->events.size() == events, "the journal holds " +
                                                  std::to_string(read->events.size()) +
                                                  " events, the session " + std::to_string(events));
    return 0;
}
