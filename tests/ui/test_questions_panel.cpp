// The producer's Questions panel: its lists, counts and ages, its keys, its undo through the
// controller (journaled both ways), and user text drawn as text, headless in the studio window.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <fstream>
#include <sstream>

#include "drawn_text.hpp"
#include "editing/document.hpp"
#include "live/live_command.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "test_live_support.hpp"
#include "views/live/live_view.hpp"
#include "views/live/question_undo.hpp"
#include "views/live/questions_panel.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

// GLFW key codes, as the real backend maps them (headless has no backend).
constexpr int kGlfwDown = 264;
constexpr int kGlfwUp = 265;

// The studio window on the Live tab with a session of the AMA show (topics from the file, the
// blocked word "spam" added), the Questions tab chosen.
struct Studio {
    LiveFixture f;
    FontManager fonts;
    HeadlessImGui imgui;
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};

    explicit Studio(ImVec2 display = ImVec2(1024, 700)) : imgui(fonts, display) {
        f.show.guidelines.blockedWords = {"spam"};
        window.setLive(&live);
        Document doc;
        doc.path = sourceDir() / "shows" / "pycast-ama.json";
        doc.show = f.show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");
        io().KeyMap[ImGuiKey_DownArrow] = kGlfwDown;
        io().KeyMap[ImGuiKey_UpArrow] = kGlfwUp;
        live.view.narrowShowsQuestions = true;
        live.view.selectLowerTab = true;
        f.createSession();
    }
    ImGuiIO& io() { return imgui.io(); }
    FrameRequests draw(int frames = 2) {
        FrameRequests last;
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            window.apply(requests);
            f.controller->runPosted();
            last = requests;
        }
        return last;
    }
    // A key down for one frame, then up for one.
    void press(int key) {
        io().KeysDown[key] = true;
        draw(1);
        io().KeysDown[key] = false;
        draw(1);
    }
    void type(char c) {
        io().AddInputCharacter(static_cast<unsigned>(c));
        draw(1);
    }
    // A question from a phone (pending) at the fixture's clock. It comes through the live host,
    // as the audience page's do: the audience's, not on the studio's undo stack.
    std::string submit(const std::string& text, const std::string& device,
                       std::vector<std::string> topics = {}) {
        const SessionActionResult r =
            f.controller->host().perform(LiveRequest(LiveCommand::QuestionSubmit)
                                             .withText(text)
                                             .withDevice(device)
                                             .withTopics(std::move(topics))
                                             .withSource(QuestionSource::Web));
        REQUIRE_MESSAGE(r, r.error.message());
        return r.id;
    }
    void perform(LiveCommand c, const std::string& id) {
        const SessionActionResult r =
            f.controller->perform(LiveAction::command(LiveRequest(c).withId(id)));
        REQUIRE_MESSAGE(r, r.error.message());
    }
    void vote(const std::string& id, int votes) {
        for (int i = 0; i < votes; ++i) {
            const SessionActionResult r = f.controller->perform(
                LiveAction::command(LiveRequest(LiveCommand::QuestionVote)
                                        .withId(id)
                                        .withDevice("voter-device-" + std::to_string(i))));
            REQUIRE_MESSAGE(r, r.error.message());
        }
    }
    const QuestionQueue& queue() const { return f.controller->session()->questions(); }
    QuestionState stateOf(const std::string& id) const {
        const LiveQuestion* q = queue().find(id);
        REQUIRE(q != nullptr);
        return q->state;
    }
    std::string journal() const {
        std::ifstream in(f.controller->session()->dir() / "journal.jsonl");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

std::vector<std::string> idsOf(const QuestionQueue& queue, const std::vector<std::size_t>& rows) {
    std::vector<std::string> ids;
    for (std::size_t r : rows) ids.push_back(queue.all()[r].id);
    return ids;
}

}  // namespace

TEST_CASE("the inbox counts what waits and the age of the oldest, and marks a held question") {
    Studio s;
    CHECK(waitingSummary(s.queue(), 0) == "Nothing waiting");
    const std::string first = s.submit("When is the next meetup?", "device-aaaa-1");
    s.f.advance(60'000);
    s.submit("spam spam cheap followers", "device-bbbb-2");
    s.f.advance(74'000);
    s.submit("有徵才嗎？", "device-cccc-3");
    const std::int64_t now = s.f.controller->state().sessionMs;
    CHECK(waitingSummary(s.queue(), now) == "3 waiting · oldest 2:14");
    CHECK(waitText(3'725'000) == "1:02:05");
    CHECK(waitText(-5) == "0:00");
    const LiveQuestion* held = s.queue().find(s.queue().all()[s.queue().all().size() - 2].id);
    REQUIRE(held != nullptr);
    CHECK(held->heldFor == std::vector<std::string>{"spam"});
    // The inbox lists them oldest first; approving one leaves two.
    const auto inbox = questionRows(s.queue(), QuestionList::Inbox, QuestionSort::Votes, "", "");
    REQUIRE(inbox.size() == 3);
    CHECK(s.queue().all()[inbox[0]].id == first);
    s.draw();
    const std::u32string drawn = drawnCharacters(s.imgui.drawData());
    CHECK(drawn.find(withoutSpaces("3 waiting · oldest 2:")) != std::u32string::npos);
    CHECK(drawn.find(withoutSpaces("held: spam")) != std::u32string::npos);
}

TEST_CASE(
    "the queue sorts by votes or by time, the one on air first, and filters by search and topic") {
    Studio s;
    const std::vector<std::string> topics = s.queue().topics();
    REQUIRE(topics.size() >= 2);
    const std::string a = s.submit("Oldest question about testing", "device-aaaa-1", {topics[1]});
    s.f.advance(1000);
    const std::string b = s.submit("Middle question about hiring", "device-bbbb-2", {topics[2]});
    s.f.advance(1000);
    const std::string c =
        s.submit("Newest question about TESTING too", "device-cccc-3", {topics[1]});
    for (const std::string& id : {a, b, c}) s.perform(LiveCommand::QuestionApprove, id);
    s.vote(b, 5);
    s.vote(c, 2);
    // The show's own questions are in the queue too; only ours are compared.
    auto ours = [&](std::vector<std::string> ids) {
        std::erase_if(ids, [&](const std::string& id) { return id != a && id != b && id != c; });
        return ids;
    };
    const QuestionQueue& q = s.queue();
    CHECK(ours(idsOf(q, questionRows(q, QuestionList::Queue, QuestionSort::Votes, "", ""))) ==
          std::vector<std::string>{b, c, a});
    CHECK(ours(idsOf(q, questionRows(q, QuestionList::Queue, QuestionSort::Time, "", ""))) ==
          std::vector<std::string>{a, b, c});
    s.perform(LiveCommand::QuestionOnAir, a);
    CHECK(idsOf(q, questionRows(q, QuestionList::Queue, QuestionSort::Votes, "", "")).front() == a);
    // Search folds ASCII case; the topic keeps only the labelled ones.
    CHECK(idsOf(q, questionRows(q, QuestionList::Queue, QuestionSort::Time, "testing", "")) ==
          std::vector<std::string>{a, c});
    // The show's own questions may carry that topic too; of ours, only b does.
    const auto hiring =
        idsOf(q, questionRows(q, QuestionList::Queue, QuestionSort::Time, "", topics[2]));
    CHECK(ours(hiring) == std::vector<std::string>{b});
    for (const std::string& id : hiring) {
        const auto& t = q.find(id)->topics;
        CHECK(std::find(t.begin(), t.end(), topics[2]) != t.end());
    }
    CHECK(questionRows(q, QuestionList::Queue, QuestionSort::Time, "nothing like it", "").empty());
    // The panel's own sort switch orders what it draws.
    s.live.view.questions.list = QuestionList::Queue;
    s.live.view.questions.sort = QuestionSort::Time;
    s.draw();
    CHECK(ours(idsOf(q, s.live.view.questions.cache.rows)) == std::vector<std::string>{a, b, c});
}

TEST_CASE("Down selects the oldest waiting question, A approves it, and the selection moves on") {
    Studio s;
    const std::string first = s.submit("First from a phone", "device-aaaa-1");
    s.f.advance(1000);
    const std::string second = s.submit("Second from a phone", "device-bbbb-2");
    s.draw();
    s.press(kGlfwDown);
    CHECK(s.live.view.questions.selected == first);
    s.type('a');
    CHECK(s.stateOf(first) == QuestionState::Approved);
    CHECK(s.stateOf(second) == QuestionState::Pending);
    CHECK(s.live.view.questions.selected == second);
    // O puts an approved question on air; D (or Enter) marks it answered once the show runs.
    s.live.view.questions.list = QuestionList::Queue;
    s.live.view.questions.selected = first;
    s.type('o');
    CHECK(s.stateOf(first) == QuestionState::OnAir);
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.type('d');
    CHECK(s.stateOf(first) == QuestionState::Answered);
    // Keys typed into a field are text, not shortcuts.
    s.live.view.questions.list = QuestionList::Inbox;
    s.live.view.questions.selected = second;
    s.draw();
    CHECK(s.stateOf(second) == QuestionState::Pending);
}

TEST_CASE("undo performs the inverse command, both are journaled, and redo brings it back") {
    Studio s;
    const std::string id = s.submit("Will the slides be shared?", "device-aaaa-1");
    s.draw();
    s.live.view.questions.selected = id;
    s.type('A');
    REQUIRE(s.stateOf(id) == QuestionState::Approved);
    REQUIRE(s.f.controller->canUndoQuestion());
    CHECK(s.f.controller->questionUndoLabel() == "question-approve " + id);
    // Ctrl+Z while the panel has the keys.
    s.io().KeyCtrl = true;
    s.press('Z');
    s.io().KeyCtrl = false;
    CHECK(s.stateOf(id) == QuestionState::Pending);
    const std::string journal = s.journal();
    CHECK(journal.find("\"question-approve\"") != std::string::npos);
    CHECK(journal.find("\"question-unapprove\"") != std::string::npos);
    CHECK(journal.find("\"question-approve\"") < journal.find("\"question-unapprove\""));
    // Ctrl+Shift+Z: approved again, by a third journaled command.
    s.io().KeyCtrl = true;
    s.io().KeyShift = true;
    s.press('Z');
    s.io().KeyCtrl = false;
    s.io().KeyShift = false;
    CHECK(s.stateOf(id) == QuestionState::Approved);
    CHECK(s.journal().rfind("\"question-approve\"") > s.journal().find("\"question-unapprove\""));
}

TEST_CASE("each producer change has the inverse the undo performs") {
    Studio s;
    const std::string a = s.submit("Original text", "device-aaaa-1");
    const std::string b = s.submit("A duplicate", "device-bbbb-2");
    s.perform(LiveCommand::QuestionApprove, a);
    s.perform(LiveCommand::QuestionApprove, b);
    const QuestionQueue& q = s.queue();
    auto undoOf = [&](LiveRequest r) {
        const auto step = questionUndoStep(r, q);
        REQUIRE(step.has_value());
        return step->undo;
    };
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionEdit).withId(a).withText("New")) ==
          std::vector<LiveRequest>{
              LiveRequest(LiveCommand::QuestionEdit).withId(a).withText("Original text")});
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionMerge).withId(a).withIds({b})) ==
          std::vector<LiveRequest>{LiveRequest(LiveCommand::QuestionUnmerge).withId(b)});
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionAssign).withId(a).withPerson("p-guest")) ==
          std::vector<LiveRequest>{
              LiveRequest(LiveCommand::QuestionAssign).withId(a).withPerson("")});
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionDismiss).withId(a)) ==
          std::vector<LiveRequest>{LiveRequest(LiveCommand::QuestionRestore).withId(a)});
    // On air with another on air before: that one comes back on air.
    s.perform(LiveCommand::QuestionOnAir, b);
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionOnAir).withId(a)) ==
          std::vector<LiveRequest>{LiveRequest(LiveCommand::QuestionOnAir).withId(b)});
    // Answered (of the one on air): reopened and on air again.
    CHECK(undoOf(LiveRequest(LiveCommand::QuestionAnswered)) ==
          (std::vector<LiveRequest>{LiveRequest(LiveCommand::QuestionReopen).withId(b),
                                    LiveRequest(LiveCommand::QuestionOnAir).withId(b)}));
    // A vote is the audience's, not the producer's: nothing to undo.
    CHECK_FALSE(questionUndoStep(
        LiveRequest(LiveCommand::QuestionVote).withId(a).withDevice("device-cccc-3"), q));
    // Through the controller: merge, then undo, and c is its own question again.
    const std::string c = s.submit("A duplicate of the original", "device-cccc-3");
    const SessionActionResult merged = s.f.controller->perform(
        LiveAction::command(LiveRequest(LiveCommand::QuestionMerge).withId(a).withIds({c})));
    REQUIRE_MESSAGE(merged, merged.error.message());
    CHECK(s.stateOf(c) == QuestionState::Merged);
    REQUIRE(s.f.controller->undoQuestion());
    CHECK(s.stateOf(c) == QuestionState::Pending);
    // A producer's own question: undo dismisses it, redo restores it (no second copy).
    const SessionActionResult added =
        s.f.controller->perform(LiveAction::command(LiveRequest(LiveCommand::QuestionSubmit)
                                                        .withText("From the chat")
                                                        .withSource(QuestionSource::Producer)));
    REQUIRE(added);
    REQUIRE(s.f.controller->undoQuestion());
    CHECK(s.stateOf(added.id) == QuestionState::Dismissed);
    REQUIRE(s.f.controller->redoQuestion());
    CHECK(s.stateOf(added.id) == QuestionState::Approved);
}

TEST_CASE("a question's text is drawn as text: markup and format directives appear as typed") {
    Studio s;
    const std::string text = "<script>alert(1)</script> %s %n %d";
    const std::string id = s.submit(text, "device-aaaa-1");
    s.live.view.questions.selected = id;  // the detail box under the list draws it in full
    s.draw(3);
    const std::u32string drawn = drawnCharacters(s.imgui.drawData());
    CHECK(drawn.find(withoutSpaces("<script>alert(1)</script>%s%n%d")) != std::u32string::npos);
    // On air, the host's band shows it the same way.
    s.perform(LiveCommand::QuestionApprove, id);
    s.perform(LiveCommand::QuestionOnAir, id);
    s.live.view.questions.selected.clear();
    s.draw(3);
    const std::u32string band = drawnCharacters(s.imgui.drawData());
    CHECK(band.find(withoutSpaces("QUESTION ON AIR")) != std::u32string::npos);
    CHECK(band.find(withoutSpaces("<script>alert(1)</script>%s%n%d")) != std::u32string::npos);
}

TEST_CASE("nothing pending reaches the host's band, the question on air does, with who asked") {
    Studio s;
    const std::string id = s.submit("Pending and not for the room", "device-aaaa-1");
    s.draw(3);
    CHECK(drawnCharacters(s.imgui.drawData()).find(withoutSpaces("QUESTION ON AIR")) ==
          std::u32string::npos);
    s.perform(LiveCommand::QuestionApprove, id);
    s.perform(LiveCommand::QuestionOnAir, id);
    s.draw(3);
    CHECK(drawnCharacters(s.imgui.drawData()).find(withoutSpaces("— asked anonymously")) !=
          std::u32string::npos);
}

TEST_CASE("the panel draws balanced in every list, narrow and wide, and in its own window") {
    for (ImVec2 size : {ImVec2(1024, 700), ImVec2(1280, 800), ImVec2(1800, 1000)}) {
        Studio s(size);
        const std::string a = s.submit("one", "device-aaaa-1");
        const std::string b = s.submit("two", "device-bbbb-2");
        s.perform(LiveCommand::QuestionDismiss, b);
        for (QuestionList list : {QuestionList::Inbox, QuestionList::Queue, QuestionList::Answered,
                                  QuestionList::Closed}) {
            s.live.view.questions.list = list;
            s.live.view.questions.selected = a;
            s.draw();
        }
        s.live.view.questions.editingId = a;
        s.live.view.questions.editDraft = "one, edited";
        s.draw();
        s.live.view.questions.detached = true;
        s.draw();
        bool found = false;
        for (ImGuiWindow* w : s.imgui.context()->Windows)
            if (std::string(w->Name) == "Questions" && w->Active) found = true;
        CHECK(found);
    }
}

TEST_CASE("an undo the queue no longer allows is refused with a sentence and dropped") {
    Studio s;
    const std::string id = s.submit("Approved here, dismissed over the API", "device-aaaa-1");
    s.perform(LiveCommand::QuestionApprove, id);
    REQUIRE(s.f.controller->canUndoQuestion());
    // Another hand (the control API) dismisses it: not the studio's change, not on its stack.
    REQUIRE(s.f.controller->host().perform(LiveRequest(LiveCommand::QuestionDismiss).withId(id)));
    const SessionActionResult r = s.f.controller->undoQuestion();
    CHECK_FALSE(r);
    CHECK(s.f.controller->lastError().find("Could not undo question-approve " + id) == 0);
    CHECK(s.stateOf(id) == QuestionState::Dismissed);  // nothing changed
    CHECK_FALSE(s.f.controller->canUndoQuestion());
    CHECK_FALSE(s.f.controller->canRedoQuestion());
}

TEST_CASE("a new session's questions replace the old session's lists, whatever its queue's address") {
    Studio s;
    s.submit("First session, one", "device-aaaa-1");
    s.submit("First session, two", "device-bbbb-2");
    s.draw();
    REQUIRE(s.live.view.questions.cache.rows.size() == 2);
    s.f.controller->closeSession();
    REQUIRE(s.f.controller->startSessionAt(s.f.show, s.f.tmp / "s2"));
    s.draw();
    CHECK(s.live.view.questions.cache.rows.empty());
    CHECK(s.live.view.questions.cache.queue == &s.queue());
}
