// The file chooser: folder listing and path logic, and its ImGui modal (UI thread).
#include "dialogs/dialog_file.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool hasExtension(const fs::path& p, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    const std::string ext = lower(p.extension().string());
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

std::string sizeText(std::uintmax_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
    return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

fs::path homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? fs::path(home) : fs::path("/");
}

}  // namespace

std::vector<FolderEntry> listFolder(const fs::path& folder, const std::vector<std::string>& extensions,
                                    std::string& error) {
    error.clear();
    std::vector<FolderEntry> folders;
    std::vector<FolderEntry> files;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        error = "Cannot list " + folder.string() + ": " + ec.message();
        return {};
    }
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code typeError;
        if (it->is_directory(typeError)) {
            folders.push_back({name, p, true, 0});
        } else if (it->is_regular_file(typeError) && hasExtension(p, extensions)) {
            std::error_code sizeError;
            const std::uintmax_t size = it->file_size(sizeError);
            files.push_back({name, p, false, sizeError ? 0 : size});
        }
    }
    auto byName = [](const FolderEntry& a, const FolderEntry& b) {
        return lower(a.name) < lower(b.name) || (lower(a.name) == lower(b.name) && a.name < b.name);
    };
    std::sort(folders.begin(), folders.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    folders.insert(folders.end(), files.begin(), files.end());
    return folders;
}

fs::path resolveTypedPath(const fs::path& folder, const std::string& typed) {
    std::string text = typed;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
    if (text.empty()) return folder;
    if (text == "~") return homeFolder();
    if (text.rfind("~/", 0) == 0) return (homeFolder() / text.substr(2)).lexically_normal();
    const fs::path p(text);
    if (p.is_absolute()) return p.lexically_normal();
    return (folder / p).lexically_normal();
}

fs::path withDefaultExtension(const fs::path& file, const std::vector<std::string>& extensions) {
    if (extensions.empty() || hasExtension(file, extensions)) return file;
    fs::path out = file;
    out += extensions.front();
    return out;
}

void FileDialog::open(FileDialogSpec spec) {
    m_spec = std::move(spec);
    m_open = true;
    m_openRequested = true;
    m_focusField = true;
    m_message.clear();
    m_confirm.reset();
    m_chosen.reset();
    m_typed = m_spec.fileName;
    std::error_code ec;
    fs::path start = m_spec.folder.empty() ? fs::current_path(ec) : m_spec.folder;
    // Start in the nearest folder that exists (a file's folder may have gone).
    while (!start.empty() && !fs::is_directory(start, ec) && start != start.parent_path()) {
        start = start.parent_path();
    }
    navigate(start.empty() ? homeFolder() : start);
}

void FileDialog::navigate(const fs::path& folder) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(folder, ec);
    m_folder = ec ? folder : canonical;
    refresh();
}

void FileDialog::refresh() {
    m_entries = listFolder(m_folder, m_spec.extensions, m_listError);
    m_glyphs = m_folder.string();
    for (const auto& e : m_entries) m_glyphs += e.name;
}

void FileDialog::up() {
    if (m_folder.has_parent_path() && m_folder.parent_path() != m_folder) {
        navigate(m_folder.parent_path());
    }
}

FileDialog::Outcome FileDialog::accept() {
    m_message.clear();
    const auto first = m_typed.find_first_not_of(" \t");
    if (first == std::string::npos) {
        m_message = m_spec.mode == FileDialogMode::Save ? "Type a file name." : "Pick a file, or type its name.";
        return Outcome::None;
    }
    const fs::path p = resolveTypedPath(m_folder, m_typed);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
        navigate(p);
        m_typed = m_spec.mode == FileDialogMode::Save ? m_spec.fileName : std::string();
        return Outcome::EnteredFolder;
    }
    if (m_spec.mode == FileDialogMode::Open) {
        if (fs::is_regular_file(p, ec)) {
            m_chosen = p;
            return Outcome::Chosen;
        }
        m_message = "There is no file " + p.string() + ".";
        return Outcome::Invalid;
    }
    const fs::path target = withDefaultExtension(p, m_spec.extensions);
    if (!fs::is_directory(target.parent_path(), ec)) {
        m_message = "The folder " + target.parent_path().string() + " does not exist.";
        return Outcome::Invalid;
    }
    if (fs::exists(target, ec)) {
        if (fs::is_directory(target, ec)) {
            m_message = target.string() + " is a folder.";
            return Outcome::Invalid;
        }
        m_confirm = target;
        return Outcome::NeedsConfirm;
    }
    m_chosen = target;
    return Outcome::Chosen;
}

void FileDialog::confirmReplace() {
    if (m_confirm) m_chosen = std::move(m_confirm);
    m_confirm.reset();
}

void FileDialog::cancelReplace() { m_confirm.reset(); }

std::optional<fs::path> FileDialog::takeChosen() {
    std::optional<fs::path> out = std::move(m_chosen);
    m_chosen.reset();
    return out;
}

void FileDialog::close() {
    m_open = false;
    m_openRequested = false;
    m_confirm.reset();
}

std::optional<fs::path> FileDialog::draw(FontManager& fonts) {
    if (!m_open) return std::nullopt;
    const char* popupId = "###file-dialog";
    const std::string title = m_spec.title + popupId;
    if (m_openRequested) {
        ImGui::OpenPopup(title.c_str());
        m_openRequested = false;
    }
    if (!m_glyphs.empty()) {
        fonts.addText(m_glyphs);
        m_glyphs.clear();
    }
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const ImVec2 size(std::min(em * 48, viewport->WorkSize.x - 40),
                      std::min(em * 30, viewport->WorkSize.y - 40));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    bool stillOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &stillOpen, ImGuiWindowFlags_NoSavedSettings)) {
        // Closed from outside (the title bar's ×, or another popup took over).
        if (!stillOpen) close();
        return std::nullopt;
    }
    bool accepted = false;
    bool cancel = false;

    // Folder bar: Up, then where we are.
    if (ImGui::Button("↑ Up")) up();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The folder above (%s)", m_folder.parent_path().string().c_str());
    ImGui::SameLine();
    textTruncated(m_folder.string(), colours::kTextDim);

    // Below the listing: the path field, its message line, the buttons.
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing() +
                         ImGui::GetStyle().WindowPadding.y * 0.5f;
    const float listHeight = std::max(em * 4, ImGui::GetContentRegionAvail().y - footer);
    const float placesWidth = std::min(em * 12, ImGui::GetContentRegionAvail().x * 0.3f);

    // Places and recent files.
    ImGui::BeginChild("##places", ImVec2(placesWidth, listHeight), true);
    if (!m_spec.places.empty()) {
        textColoured("PLACES", colours::kTextDim);
        for (const FilePlace& place : m_spec.places) {
            ImGui::PushID(place.label.c_str());
            if (ImGui::Selectable(place.label.c_str(), m_folder == place.folder)) navigate(place.folder);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", place.folder.string().c_str());
            ImGui::PopID();
        }
    }
    if (!m_spec.recent.empty()) {
        ImGui::Spacing();
        textColoured("RECENT", colours::kTextDim);
        for (const fs::path& file : m_spec.recent) {
            const std::string full = file.string();
            ImGui::PushID(full.c_str());
            if (ImGui::Selectable(file.filename().string().c_str(), false,
                                  ImGuiSelectableFlags_AllowDoubleClick)) {
                navigate(file.parent_path());
                m_typed = file.filename().string();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) accepted = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();

    // The listing.
    ImGui::BeginChild("##listing", ImVec2(0, listHeight), true);
    if (!m_listError.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(m_listError, colours::kBad);
        ImGui::PopTextWrapPos();
    } else if (m_entries.empty()) {
        textColoured(m_spec.filterLabel.empty() ? std::string("This folder is empty.")
                                                : "No " + m_spec.filterLabel + " here.",
                     colours::kTextDim);
    }
    std::optional<fs::path> enter;
    const std::string typedName = resolveTypedPath(m_folder, m_typed).filename().string();
    for (const FolderEntry& e : m_entries) {
        ImGui::PushID(e.name.c_str());
        const std::string label = e.folder ? "▸ " + e.name + "/" : e.name;
        const bool selected = !e.folder && e.name == typedName;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.folder) {
                enter = e.path;
            } else {
                m_typed = e.name;
                m_message.clear();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) accepted = true;
            }
        }
        if (!e.folder) {
            const std::string bytes = sizeText(e.size);
            ImGui::SameLine();
            alignRight(bytes);
            textColoured(bytes, colours::kTextDim);
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (enter) navigate(*enter);

    // The path field.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(m_spec.mode == FileDialogMode::Save ? "Save as" : "File");
    ImGui::SameLine();
    if (m_focusField) {
        ImGui::SetKeyboardFocusHere();
        m_focusField = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##path", "a name in this folder, or a full path", &m_typed,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        accepted = true;
    }
    if (ImGui::IsItemEdited()) {
        m_message.clear();
        fonts.addText(m_typed);
    }
    if (!m_message.empty()) {
        textColoured(m_message, colours::kBad);
    } else {
        textColoured(m_spec.filterLabel.empty() ? std::string("All files") : m_spec.filterLabel,
                     colours::kTextDim);
    }

    // Buttons, right-aligned: Cancel, then the action.
    const float buttonWidth = em * 6.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - buttonWidth * 2 -
                         ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("Cancel", ImVec2(buttonWidth, 0))) cancel = true;
    ImGui::SameLine();
    if (ImGui::Button(m_spec.acceptLabel.c_str(), ImVec2(buttonWidth, 0))) accepted = true;
    if (!m_confirm && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) cancel = true;

    if (accepted) {
        const Outcome outcome = accept();
        if (outcome == Outcome::EnteredFolder) m_focusField = true;
        if (outcome == Outcome::NeedsConfirm) ImGui::OpenPopup("Replace file?");
    }

    // Replacing a file needs a yes.
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Replace file?", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (m_confirm) {
            const std::string question = "“" + m_confirm->filename().string() + "” already exists in " +
                                         m_confirm->parent_path().string() + ".";
            ImGui::TextUnformatted(question.c_str());
            ImGui::TextUnformatted("Replace it? Its current contents will be lost.");
        }
        ImGui::Spacing();
        if (ImGui::Button("Replace", ImVec2(buttonWidth, 0))) {
            confirmReplace();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(buttonWidth, 0)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            cancelReplace();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    std::optional<fs::path> result = takeChosen();
    if (result || cancel || !stillOpen) {
        close();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return result;
}

}  // namespace pycast::ui
