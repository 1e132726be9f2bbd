// The studio's dark theme and per-kind colours (UI thread).
#include "widgets/theme.hpp"

namespace pycast::ui {

ImVec4 toVec4(ImU32 colour) { return ImGui::ColorConvertU32ToFloat4(colour); }

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}

}  // namespace

void applyTheme(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);

    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 5);
    style.CellPadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(6, 6);
    style.IndentSpacing = 18;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    style.TabBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(230, 232, 235);
    c[ImGuiCol_TextDisabled] = rgb(139, 146, 156);
    c[ImGuiCol_WindowBg] = rgb(24, 26, 30);
    c[ImGuiCol_ChildBg] = rgb(32, 35, 41);
    c[ImGuiCol_PopupBg] = rgb(36, 39, 46);
    c[ImGuiCol_Border] = rgb(58, 63, 72);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(44, 48, 56);
    c[ImGuiCol_FrameBgHovered] = rgb(54, 59, 69);
    c[ImGuiCol_FrameBgActive] = rgb(62, 68, 80);
    c[ImGuiCol_TitleBg] = rgb(24, 26, 30);
    c[ImGuiCol_TitleBgActive] = rgb(32, 35, 41);
    c[ImGuiCol_TitleBgCollapsed] = rgb(24, 26, 30);
    c[ImGuiCol_MenuBarBg] = rgb(30, 33, 38);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(70, 76, 87);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(86, 93, 106);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(100, 108, 122);
    c[ImGuiCol_CheckMark] = rgb(88, 166, 255);
    c[ImGuiCol_SliderGrab] = rgb(88, 166, 255);
    c[ImGuiCol_SliderGrabActive] = rgb(120, 184, 255);
    c[ImGuiCol_Button] = rgb(48, 53, 62);
    c[ImGuiCol_ButtonHovered] = rgb(60, 67, 79);
    c[ImGuiCol_ButtonActive] = rgb(72, 80, 95);
    c[ImGuiCol_Header] = rgb(40, 74, 120);
    // Lighter than Header, so a selected row under the mouse still reads as selected.
    c[ImGuiCol_HeaderHovered] = rgb(50, 88, 138);
    c[ImGuiCol_HeaderActive] = rgb(58, 100, 156);
    c[ImGuiCol_Separator] = rgb(52, 57, 66);
    c[ImGuiCol_SeparatorHovered] = rgb(88, 166, 255, 0.6f);
    c[ImGuiCol_SeparatorActive] = rgb(88, 166, 255);
    c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = rgb(88, 166, 255, 0.5f);
    c[ImGuiCol_ResizeGripActive] = rgb(88, 166, 255);
    c[ImGuiCol_Tab] = rgb(30, 33, 38);
    c[ImGuiCol_TabHovered] = rgb(52, 58, 68);
    c[ImGuiCol_TabActive] = rgb(44, 49, 58);
    c[ImGuiCol_TabUnfocused] = rgb(30, 33, 38);
    c[ImGuiCol_TabUnfocusedActive] = rgb(40, 44, 52);
    c[ImGuiCol_PlotHistogram] = rgb(88, 166, 255);
    c[ImGuiCol_TableHeaderBg] = rgb(38, 42, 49);
    c[ImGuiCol_TableBorderStrong] = rgb(52, 57, 66);
    c[ImGuiCol_TableBorderLight] = rgb(44, 48, 56);
    c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.025f);
    c[ImGuiCol_TextSelectedBg] = rgb(88, 166, 255, 0.35f);
    c[ImGuiCol_NavHighlight] = rgb(88, 166, 255);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.55f);

    style.ScaleAllSizes(scale);
}

ImU32 kindColour(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::Intro:
            return IM_COL32(86, 134, 230, 255);
        case SegmentKind::GuestIntro:
            return IM_COL32(132, 108, 230, 255);
        case SegmentKind::Tech:
            return IM_COL32(38, 166, 154, 255);
        case SegmentKind::Experience:
            return IM_COL32(214, 132, 62, 255);
        case SegmentKind::Jobs:
            return IM_COL32(186, 98, 176, 255);
        case SegmentKind::Lightning:
            return IM_COL32(222, 188, 64, 255);
        case SegmentKind::Panel:
            return IM_COL32(92, 168, 96, 255);
        case SegmentKind::Qa:
            return IM_COL32(64, 170, 210, 255);
        case SegmentKind::Sponsor:
            return IM_COL32(208, 96, 96, 255);
        case SegmentKind::Break:
            return IM_COL32(104, 110, 122, 255);
        case SegmentKind::Outro:
            return IM_COL32(80, 112, 180, 255);
    }
    return IM_COL32(104, 110, 122, 255);
}

ImU32 kindTextColour(SegmentKind kind) {
    // Dark text on the light chips (yellow, teal, cyan, green, orange), light text elsewhere.
    const ImVec4 bg = toVec4(kindColour(kind));
    const float luminance = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z;
    return luminance > 0.52f ? IM_COL32(20, 22, 26, 255) : IM_COL32(250, 251, 252, 255);
}

const char* kindLabel(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::Intro:
            return "Intro";
        case SegmentKind::GuestIntro:
            return "Guest intro";
        case SegmentKind::Tech:
            return "Tech";
        case SegmentKind::Experience:
            return "Experience";
        case SegmentKind::Jobs:
            return "Jobs";
        case SegmentKind::Lightning:
            return "Lightning";
        case SegmentKind::Panel:
            return "Panel";
        case SegmentKind::Qa:
            return "Q&A";
        case SegmentKind::Sponsor:
            return "Sponsor";
        case SegmentKind::Break:
            return "Break";
        case SegmentKind::Outro:
            return "Outro";
    }
    return "?";
}

const char* showKindLabel(ShowKind kind) {
    switch (kind) {
        case ShowKind::Episode:
            return "Episode";
        case ShowKind::Ama:
            return "AMA";
        case ShowKind::Meetup:
            return "Meetup";
    }
    return "?";
}

const char* roleLabel(Role role) {
    switch (role) {
        case Role::Host:
            return "Host";
        case Role::Guest:
            return "Guest";
        case Role::Moderator:
            return "Moderator";
        case Role::Producer:
            return "Producer";
    }
    return "?";
}

}  // namespace pycast::ui
