// The presenter view: a countdown readable across the room (UI thread; ImGui only).
#include "views/presenter/presenter_view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

#include "live/report.hpp"
#include "widgets/fonts.hpp"
#include "widgets/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/polls_panel.hpp"
#include "views/live/questions_panel.hpp"
#include "views/views.hpp"
#include "widgets/qr_view.hpp"
#include "widgets/text_wrap.hpp"

namespace pycast::ui {

namespace {

constexpr ImU32 kBackground = IM_COL32(10, 11, 13, 255);
constexpr ImU32 kMessageCalm = IM_COL32(60, 48, 18, 255);
constexpr ImU32 kMessageFlash = IM_COL32(224, 164, 46, 255);

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = toVec4(a);
    const ImVec4 y = toVec4(b);
    return ImGui::GetColorU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                     x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    ImVec4 c = toVec4(colour);
    c.w *= alpha;
    return ImGui::GetColorU32(c);
}

// Text cut with "…" to maxWidth.
std::string fitted(ImFont* font, float size, const std::string& text, float maxWidth) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x <= maxWidth) return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one UTF-8 character at a time: its continuation bytes, then its lead byte.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        const std::string candidate = cut + "…";
        if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, candidate.c_str()).x <= maxWidth)
            return candidate;
    }
    return "…";
}

std::string fittedLine(ImFont* font, const std::string& text, float maxWidth) {
    return fitted(font, font->FontSize, text, maxWidth);
}

// Text in `font`, centred on centreX with its top at y; returns its height.
float centred(ImDrawList* dl, ImFont* font, const std::string& text, float centreX, float y,
              float maxWidth, ImU32 colour) {
    const std::string shown = fitted(font, font->FontSize, text, maxWidth);
    const ImVec2 s = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, shown.c_str());
    dl->AddText(font, font->FontSize, ImVec2(std::floor(centreX - s.x * 0.5f), y), colour,
                shown.c_str());
    return s.y;
}

const Segment* segmentAt(const Show& show, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= show.rundown.size()) return nullptr;
    return &show.rundown[static_cast<std::size_t>(index)];
}

// The audience page's QR code filling the screen, its URL large under it: the room scans it
// from their seats.
void drawAudienceQr(PresenterContext& ctx, const AudienceInfo& audience, ImVec2 origin,
                    ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* heading = ctx.fonts.font(FontRole::Heading);
    ImFont* body = ctx.fonts.font(FontRole::Body);
    const float margin = std::round(size.y * 0.035f);
    const float width = size.x - margin * 2;
    const float centreX = origin.x + size.x * 0.5f;
    // Under the code: "Scan to ask a question", the URL, the PIN.
    const float textBlock = body->FontSize * 1.4f + heading->FontSize * 1.3f + body->FontSize * 1.4f;
    const float side = std::max(size.y - margin * 2 - textBlock, 16.0f);
    float y = origin.y + margin;
    ImGui::SetCursorScreenPos(ImVec2(std::floor(centreX - side * 0.5f), y));
    const float drawn = drawQrCode(*audience.qr, ImVec2(side, side));
    // The code is centred in its box: the text starts under the code, not under the box.
    y += side * 0.5f + std::min(drawn, side) * 0.5f + body->FontSize * 0.3f;
    y += centred(dl, body, "Scan to ask a question", centreX, y, width, colours::kTextDim);
    y += centred(dl, heading, audience.url, centreX, y, width, colours::kText);
    centred(dl, body, "PIN " + audience.pin, centreX, y, width, colours::kTextDim);
}

}  // namespace

float presenterFontScale(ImVec2 display) {
    const float byHeight = display.y / 1080.0f * 2.6f;
    const float byWidth = display.x / 1920.0f * 2.6f;
    const float scale = std::clamp(std::min(byHeight, byWidth), 0.75f, 8.0f);
    return std::round(scale * 4.0f) / 4.0f;
}

float presenterDigitPixels(ImVec2 display, DigitFont& digits) {
    if (digits.font() == nullptr) digits.ensureSize(std::max(display.y * 0.4f, 16.0f));
    const float perPixel = std::max(digits.widthPerPixel("+00:00"), 0.1f);
    return std::max(std::min(display.y * 0.40f, display.x * 0.90f / perPixel), 16.0f);
}

// `text` at `size` px, cut with "…" between code points when wider than maxWidth.
std::string cutToWidth(ImFont* font, float size, const std::string& text, float maxWidth) {
    const auto width = [&](const std::string& t) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, t.c_str()).x;
    };
    if (width(text) <= maxWidth) return text;
    std::string t = text;
    while (!t.empty()) {
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
        if (!t.empty()) t.pop_back();
        if (width(t + "…") <= maxWidth) return t + "…";
    }
    return "…";
}

// A poll's bars between the countdown and the message: the question, then one row per option
// (label, bar scaled to the leading option, "12 · 40%"), and how to vote or that it closed.
void drawPollBars(ImDrawList* dl, const LivePoll& poll, ImFont* heading, ImFont* body,
                  ImFont* small, float left, float right, float top, float bottom) {
    const float width = right - left;
    const float pad = body->FontSize * 0.6f;
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(18, 28, 44, 255), pad);
    dl->AddRectFilled(ImVec2(left, top), ImVec2(left + pad * 0.5f, bottom), colours::kAccent, pad);
    const int votes = poll.totalVotes();
    const std::string label =
        std::string(poll.state == PollState::Open ? "POLL · vote on your phone · "
                                                  : "POLL · FINAL RESULTS · ") +
        std::to_string(votes) + (votes == 1 ? " vote" : " votes");
    dl->AddText(small, small->FontSize, ImVec2(left + pad * 2, top + pad), colours::kAccent,
                label.c_str());
    const float qTop = top + pad + small->FontSize * 1.3f;
    const FittedText q = fitTextInFont(heading, poll.question, width - pad * 4,
                                       heading->FontSize * 2.4f, heading->FontSize,
                                       small->FontSize);
    float y = qTop;
    for (const std::string& line : q.lines) {
        dl->AddText(heading, q.size, ImVec2(left + pad * 2, y), colours::kText, line.c_str());
        y += q.size * 1.15f;
    }
    y += pad * 0.5f;
    // Counts the phones do not show yet are not shown to the room either (the Polls tab makes
    // them public when it puts the bars here).
    const bool counted = poll.resultsPublic();
    const std::vector<int> counts = counted ? poll.counts() : std::vector<int>(poll.options.size(), 0);
    const int total = poll.totalVotes();
    const int most = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    const std::size_t n = poll.options.size();
    // As large as the box allows, up to the heading's size: the room reads these.
    const float rowHeight = std::min(heading->FontSize * 1.7f,
                                     std::max((bottom - pad - y) / static_cast<float>(n), 4.0f));
    const float textSize = std::min(heading->FontSize, rowHeight * 0.7f);
    float labelWidth = 0.0f;
    for (const std::string& o : poll.options)
        labelWidth =
            std::max(labelWidth, body->CalcTextSizeA(textSize, FLT_MAX, 0.0f, o.c_str()).x);
    labelWidth = std::min(labelWidth, width * 0.35f);
    const float countWidth = body->CalcTextSizeA(textSize, FLT_MAX, 0.0f, "000 · 100%").x;
    const float barLeft = left + pad * 2 + labelWidth + pad;
    const float barRight = right - pad * 2 - countWidth - pad;
    for (std::size_t i = 0; i < n; ++i) {
        const float rowTop = y + rowHeight * static_cast<float>(i);
        const float textTop = rowTop + (rowHeight - textSize) * 0.5f;
        const std::string shown = cutToWidth(body, textSize, poll.options[i], labelWidth);
        dl->AddText(body, textSize, ImVec2(left + pad * 2, textTop), colours::kText,
                    shown.c_str());
        const float barTop = rowTop + rowHeight * 0.18f;
        const float barBottom = rowTop + rowHeight * 0.82f;
        dl->AddRectFilled(ImVec2(barLeft, barTop), ImVec2(barRight, barBottom), colours::kTrack,
                          3.0f);
        if (counts[i] > 0 && most > 0) {
            const float w = (barRight - barLeft) * static_cast<float>(counts[i]) /
                            static_cast<float>(most);
            dl->AddRectFilled(ImVec2(barLeft, barTop), ImVec2(barLeft + w, barBottom),
                              counts[i] == most ? colours::kAccent : colours::kTextDim, 3.0f);
        }
        const std::string count = counted ? pollCountText(counts[i], total) : std::string();
        const float cw = body->CalcTextSizeA(textSize, FLT_MAX, 0.0f, count.c_str()).x;
        dl->AddText(body, textSize, ImVec2(right - pad * 2 - cw, textTop), colours::kText,
                    count.c_str());
    }
}

std::string presenterText(const LiveController& controller) {
    std::string text = "ON AIR ON HOLD READY SHOW ENDED NEXT MESSAGE hard out over under…";
    text += kLiveSymbols;
    const Session* session = controller.session();
    if (session == nullptr) return text;
    text += session->show().meta.title;
    for (const Segment& s : session->show().rundown) text += s.title;
    const SessionState st = controller.state();
    if (st.message) text += st.message->text;
    text += "QUESTION — asked by anonymously · for Scan to ask a question PIN";
    if (st.questions) {
        if (const LiveQuestion* q = st.questions->onAir()) {
            text += q->text + q->name;
            for (const Person& p : session->show().people) text += p.name;
        }
    }
    text += controller.audience().url;
    text += "POLL · vote on your phone FINAL RESULTS 0123456789 ·%";
    if (const LivePoll* p = session->polls().find(controller.pollOnPresenter())) {
        text += p->question;
        for (const std::string& o : p->options) text += o;
    }
    return text;
}

void drawPresenterView(PresenterContext& ctx, FrameRequests& requests) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->Pos;
    const ImVec2 size = viewport->Size;
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
    ImGui::Begin("##presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* body = ctx.fonts.font(FontRole::Body);
    ImFont* heading = ctx.fonts.font(FontRole::Heading);
    ImFont* small = ctx.fonts.font(FontRole::Small);
    const float margin = std::round(size.y * 0.035f);
    const float left = origin.x + margin;
    const float right = origin.x + size.x - margin;
    const float width = right - left;
    const float centreX = origin.x + size.x * 0.5f;
    float y = origin.y + margin;

    const Session* session = ctx.controller.session();
    if (session == nullptr) {
        const float mid = origin.y + size.y * 0.42f;
        centred(dl, heading, ctx.idleTitle.empty() ? std::string("PyCast Studio") : ctx.idleTitle,
                centreX, mid - heading->FontSize, width, colours::kText);
        centred(dl, body, "No live session yet", centreX, mid + body->FontSize * 0.5f, width,
                colours::kTextDim);
        requests.requestGlyphs(ctx.idleTitle);
        ImGui::End();
        return;
    }

    const AudienceInfo& audience = ctx.controller.audience();
    if (audience.qrOnPresenter && audience.qr) {
        drawAudienceQr(ctx, audience, origin, size);
        ImGui::End();
        return;
    }

    const SessionState st = ctx.controller.state();
    const RunnerState& r = st.runner;
    const Show& show = session->show();
    // Only the question on air (approved by the producer) is ever shown to the room.
    const LiveQuestion* question = st.questions ? st.questions->onAir() : nullptr;
    // The poll the producer put on the presenter takes the question's place while shown.
    const LivePoll* poll = session->polls().find(ctx.controller.pollOnPresenter());
    if (poll && poll->state == PollState::Draft) poll = nullptr;
    if (poll) {
        question = nullptr;
        requests.requestGlyphs(poll->question);
        for (const std::string& o : poll->options) requests.requestGlyphs(o);
    }
    ctx.state.pollShown = poll ? poll->id : std::string();
    if (question) {
        requests.requestGlyphs(question->text);
        requests.requestGlyphs(question->name);
    }
    ctx.state.questionShown = {};
    const Countdown cd = countdownFor(r, ctx.controller.settings().warningMs);
    const double now = ImGui::GetTime();
    const float pulse = ctx.state.flash.update(st.message, now);
    if (ctx.state.flash.active(now)) requests.requestFrameRate(24.0);
    if (ctx.controller.isLive()) requests.requestFrameRate(10.0);
    if (st.message) requests.requestGlyphs(st.message->text);

    // The whole screen pulses with a new message: the host may be looking at the guest.
    if (pulse > 0.0f) {
        dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                          withAlpha(kMessageFlash, pulse * 0.22f));
    }
    // Overrun is framed in red as well as written in red: it must be seen from the side.
    if (cd.tone == CountdownTone::Overrun) {
        const float t = std::max(4.0f, size.y * 0.012f);
        dl->AddRect(ImVec2(origin.x + t * 0.5f, origin.y + t * 0.5f),
                    ImVec2(origin.x + size.x - t * 0.5f, origin.y + size.y - t * 0.5f),
                    colours::kBad, 0.0f, 0, t);
    }

    // Top line: where we are (left) and the show's clock (right).
    const int index = r.current ? r.current->index : (r.phase == RunPhase::NotStarted ? 0 : -1);
    const Segment* seg = r.phase == RunPhase::Ended ? nullptr : segmentAt(show, index);
    std::string status = r.phase == RunPhase::NotStarted ? "READY"
                         : r.phase == RunPhase::Paused   ? "ON HOLD"
                         : r.phase == RunPhase::Ended    ? "SHOW ENDED"
                                                         : "ON AIR";
    const ImU32 statusColour = r.phase == RunPhase::Paused    ? colours::kWarning
                               : r.phase == RunPhase::Running ? colours::kBad
                                                              : colours::kTextDim;
    if (seg != nullptr) {
        status += "   " + std::to_string(index + 1) + " / " + std::to_string(show.rundown.size()) +
                  "   " + kindLabel(seg->kind);
    }
    dl->AddText(small, small->FontSize, ImVec2(left, y), statusColour, status.c_str());
    // Once ended, every end figure is the report's (whole seconds, totals the sums of its rows),
    // as on the Live tab.
    // The controller builds it once; the presenter and the Live tab read the same one.
    const SessionReport* report = r.phase == RunPhase::Ended ? ctx.controller.report() : nullptr;
    std::string clock = "show " + formatClockMs(report ? report->showElapsedMs : r.showElapsedMs);
    if (r.timeLeftToHardOutMs && r.phase != RunPhase::Ended) {
        clock += *r.timeLeftToHardOutMs >= 0
                     ? "   hard out in " + formatClockMs(*r.timeLeftToHardOutMs, true)
                     : "   PAST HARD OUT";
    }
    const ImVec2 cs = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, clock.c_str());
    const bool hardOutTrouble =
        r.endsAfterHardOut || (r.timeLeftToHardOutMs && *r.timeLeftToHardOutMs < 0);
    dl->AddText(small, small->FontSize, ImVec2(right - cs.x, y),
                hardOutTrouble ? colours::kBad : colours::kTextDim, clock.c_str());
    y += small->FontSize * 1.5f;

    // The recorder's warnings: a lost or dead signal must reach the host, who is looking at
    // this screen and not at the meters. Large, short, one band each.
    for (const PresenterWarning& w : ctx.state.warnings) {
        requests.requestGlyphs(w.text);
        const float h = std::round(heading->FontSize * 1.45f);
        dl->AddRectFilled(ImVec2(left, y), ImVec2(right, y + h),
                          w.red ? colours::kBad : colours::kWarning, h * 0.15f);
        centred(dl, heading, w.text, centreX, y + (h - heading->FontSize) * 0.5f,
                width - h, w.red ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 22, 26, 255));
        y += h + small->FontSize * 0.4f;
    }
    if (!ctx.state.warnings.empty()) requests.requestFrameRate(10.0);

    // The message area at the bottom is kept free even without a message, so nothing moves
    // when one arrives; the rest is centred in what is left.
    const float msgPad = body->FontSize * 0.5f;
    const float bottom = origin.y + size.y - margin;
    const float messageTop = bottom - heading->FontSize * 2.6f - msgPad * 2 - small->FontSize;

    ImFont* digitFont = ctx.digits.font() ? ctx.digits.font() : heading;
    float digitSize = ctx.digits.font() ? ctx.digits.size() : heading->FontSize * 3.0f;
    // With a question on air the countdown gives it the middle of the screen.
    if (question || poll) digitSize = std::min(digitSize, size.y * (poll ? 0.16f : 0.2f));
    ImVec2 ds = digitFont->CalcTextSizeA(digitSize, FLT_MAX, 0.0f, cd.text.c_str());
    if (ds.x > width) {
        digitSize *= width / ds.x;
        ds = digitFont->CalcTextSizeA(digitSize, FLT_MAX, 0.0f, cd.text.c_str());
    }
    const float barHeight = std::max(6.0f, size.y * 0.016f);
    const float gap = body->FontSize * 0.6f;
    const float block = heading->FontSize + ds.y + barHeight + gap * 2 + body->FontSize;
    if (!question && !poll) y = std::max(y, y + (messageTop - gap - y - block) * 0.5f);

    // The title of what is on.
    std::string title = r.phase == RunPhase::Ended ? std::string("Thank you — the show has ended")
                        : seg != nullptr           ? seg->title
                                                   : std::string();
    if (r.phase == RunPhase::NotStarted && seg != nullptr) title = "Up first: " + seg->title;
    y += centred(dl, heading, title, centreX, y, width, colours::kText);

    // The countdown: as large as the window allows (the digit atlas is built for this size).
    const float digitsTop = y;
    const ImU32 digitColour = withAlpha(toneColour(cd.tone), cd.held ? 0.55f : 1.0f);
    dl->PushTextureID(digitFont->ContainerAtlas->TexID);
    dl->AddText(digitFont, digitSize, ImVec2(std::floor(centreX - ds.x * 0.5f), digitsTop),
                digitColour, cd.text.c_str());
    dl->PopTextureID();
    y = digitsTop + ds.y;

    // Progress through the segment; on hold, a HOLD badge sits on it.
    dl->AddRectFilled(ImVec2(left, y), ImVec2(right, y + barHeight), colours::kTrack,
                      barHeight * 0.5f);
    if (cd.progress > 0.0f) {
        const ImU32 fill =
            cd.tone == CountdownTone::Normal ? colours::kAccent : toneColour(cd.tone);
        dl->AddRectFilled(ImVec2(left, y), ImVec2(left + width * cd.progress, y + barHeight), fill,
                          barHeight * 0.5f);
    }
    if (cd.held) {
        const char* hold = "ON HOLD";
        const ImVec2 hs = heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0.0f, hold);
        const ImVec2 p(std::floor(centreX - hs.x * 0.5f),
                       std::floor(y + barHeight * 0.5f - hs.y * 0.5f));
        const float pad = hs.y * 0.25f;
        dl->AddRectFilled(ImVec2(p.x - pad * 2, p.y - pad),
                          ImVec2(p.x + hs.x + pad * 2, p.y + hs.y + pad), colours::kWarning, pad);
        dl->AddText(heading, heading->FontSize, p, IM_COL32(20, 22, 26, 255), hold);
        y = std::max(y, p.y + hs.y + pad - barHeight);  // what follows goes below the badge
    }
    y += barHeight + gap;

    // The producer's message, across the bottom, is laid out before the NEXT line: a long one
    // may take that line's room (never the countdown's).
    const float nextTop = y;
    ctx.state.countdownBottom = nextTop;
    const float nextBottom = nextTop + body->FontSize * 1.6f;
    float boxTop = std::max(nextBottom, messageTop);
    ctx.state.messageShown = {};
    ctx.state.nextShown = true;
    ctx.state.messageTop = bottom;
    if (st.message) {
        const float pad = msgPad;
        // Wrapped per word and between Chinese characters, shrunk until the whole message fits
        // the box. A message too long for the box at the small size grows the box up to the
        // NEXT line, then over it (down to a smaller size); past that the last line ends in "…".
        auto layout = [&](float top, float minSize) {
            const float textTop = top + pad + small->FontSize * 1.1f;
            return fitTextInFont(heading, st.message->text, width - pad * 4, bottom - pad - textTop,
                                 heading->FontSize, minSize);
        };
        FittedText fitted = layout(boxTop, small->FontSize);
        if (fitted.truncated && nextBottom < boxTop) {
            boxTop = nextBottom;
            fitted = layout(boxTop, small->FontSize);
        }
        if (fitted.truncated) {
            boxTop = nextTop;
            ctx.state.nextShown = false;
            fitted = layout(boxTop, small->FontSize * 0.7f);
        }
        ctx.state.messageShown = std::move(fitted);
        ctx.state.messageTop = boxTop;
    }

    // The question on air, between the countdown and the message: the text as large as fits,
    // who asked and for whom under it. The NEXT line gives it its room.
    if (question && !report) {
        const float qTop = y;
        const float qBottom = std::max(qTop + heading->FontSize * 3.0f, boxTop - gap);
        const float pad = body->FontSize * 0.6f;
        const std::string asked = askedByLine(show, *question);
        const float labelHeight = small->FontSize * 1.2f;
        const float askedHeight = body->FontSize * 1.3f;
        const float textTop = qTop + pad + labelHeight;
        const float textHeight = std::max(qBottom - pad - askedHeight - textTop, small->FontSize);
        FittedText fitted = fitTextInFont(heading, question->text, width - pad * 4, textHeight,
                                          heading->FontSize * 1.25f, small->FontSize * 0.8f);
        // The box ends under its text: a short question leaves the screen calm.
        const float used = textTop + fitted.size * 1.15f * static_cast<float>(fitted.lines.size()) +
                           pad * 0.3f + body->FontSize * 1.2f + pad;
        const float boxBottom = std::min(qBottom, used);
        dl->AddRectFilled(ImVec2(left, qTop), ImVec2(right, boxBottom), IM_COL32(40, 22, 24, 255),
                          pad);
        dl->AddRectFilled(ImVec2(left, qTop), ImVec2(left + pad * 0.5f, boxBottom), colours::kBad,
                          pad);
        dl->AddText(small, small->FontSize, ImVec2(left + pad * 2, qTop + pad), colours::kBad,
                    "QUESTION");
        dl->PushClipRect(ImVec2(left, qTop), ImVec2(right, qBottom), true);
        float lineY = textTop;
        for (const std::string& line : fitted.lines) {
            dl->AddText(heading, fitted.size, ImVec2(left + pad * 2, lineY), colours::kText,
                        line.c_str());
            lineY += fitted.size * 1.15f;
        }
        const std::string askedShown = fittedLine(body, asked, width - pad * 4);
        dl->AddText(body, body->FontSize,
                    ImVec2(left + pad * 2, std::min(lineY + pad * 0.3f, qBottom - pad - body->FontSize)),
                    colours::kTextDim, askedShown.c_str());
        dl->PopClipRect();
        ctx.state.questionShown = std::move(fitted);
        ctx.state.nextShown = false;
    }

    if (poll) {
        const float pTop = y;
        // Without a message the bars take its room too: they are what the room reads now.
        const float pBottom =
            std::max(pTop + heading->FontSize * 4.0f, st.message ? boxTop - gap : bottom);
        drawPollBars(dl, *poll, heading, body, small, left, right, pTop, pBottom);
        ctx.state.nextShown = false;
        y = pBottom + gap;
    }

    // Next up, or how the show went.
    if (report) {
        y += centred(dl, body, endedSummary(*report), centreX, y, width,
                     report->differenceMs > kOnTimeToleranceMs ? colours::kBad : colours::kGood);
    } else if (ctx.state.nextShown) {
        const int nextIndex = r.phase == RunPhase::NotStarted ? 1 : index + 1;
        const Segment* next = segmentAt(show, nextIndex);
        // An upcoming length is a budget: rounded up, like every countdown.
        std::string line =
            next ? "NEXT   " + next->title + "   " +
                       upcomingLengthText(r.segments[static_cast<std::size_t>(nextIndex)])
                 : std::string("NEXT   the end of the show");
        y += centred(dl, body, line, centreX, y, width, colours::kTextDim);
    }

    if (st.message) {
        const float pad = msgPad;
        const FittedText& fitted = ctx.state.messageShown;
        const float textTop = boxTop + pad + small->FontSize * 1.1f;
        dl->AddRectFilled(ImVec2(left, boxTop), ImVec2(right, bottom),
                          mix(kMessageCalm, kMessageFlash, pulse), pad);
        dl->AddText(small, small->FontSize, ImVec2(left + pad * 2, boxTop + pad),
                    pulse > 0.5f ? IM_COL32(20, 22, 26, 255) : colours::kWarning, "MESSAGE");
        dl->PushClipRect(ImVec2(left, boxTop), ImVec2(right, bottom), true);
        float lineY = textTop;
        for (const std::string& line : fitted.lines) {
            dl->AddText(heading, fitted.size, ImVec2(left + pad * 2, lineY),
                        pulse > 0.5f ? IM_COL32(20, 22, 26, 255) : colours::kText, line.c_str());
            lineY += fitted.size * 1.15f;
        }
        dl->PopClipRect();
    }
    ImGui::End();
}

}  // namespace pycast::ui
