// A small file chooser drawn with ImGui, for opening, saving, importing and exporting: a folder
// listing (folders, then files matching the filter), a path field, Up, places, Enter to accept.
// Save mode asks before replacing a file (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "widgets/fonts.hpp"

namespace pycast::ui {

enum class FileDialogMode { Open, Save };

struct FilePlace {
    std::string label;             // "Samples", "Home"
    std::filesystem::path folder;
};

struct FileDialogSpec {
    std::string title = "Open";                // the window's title
    FileDialogMode mode = FileDialogMode::Open;
    std::vector<std::string> extensions;       // ".json" (lower case); the first is Save's default
    std::string filterLabel;                   // "Show files (*.json)"
    std::filesystem::path folder;              // where the listing starts
    std::string fileName;                      // the path field's first text (Save: a name)
    std::string acceptLabel = "Open";
    std::vector<FilePlace> places;             // quick links beside the listing
    std::vector<std::filesystem::path> recent; // recent files, listed under the places
};

struct FolderEntry {
    std::string name;
    std::filesystem::path path;
    bool folder = false;
    std::uintmax_t size = 0;
};

// Folders first, then files whose extension is one of `extensions` (any case; all files when
// empty), each sorted by name; hidden entries (".name") are left out. error says why a folder
// cannot be listed.
std::vector<FolderEntry> listFolder(const std::filesystem::path& folder,
                                    const std::vector<std::string>& extensions, std::string& error);
// What the path field means: an absolute path, "~/…", or a name relative to `folder`.
std::filesystem::path resolveTypedPath(const std::filesystem::path& folder, const std::string& typed);
// The path with the first of `extensions` added when it has none of them ("rundown" →
// "rundown.md"); unchanged when extensions is empty.
std::filesystem::path withDefaultExtension(const std::filesystem::path& file,
                                           const std::vector<std::string>& extensions);

class FileDialog {
public:
    enum class Outcome {
        None,           // nothing to do yet (empty field)
        EnteredFolder,  // the field named a folder: now listing it
        NeedsConfirm,   // Save: the file exists; confirmReplace() or cancelReplace()
        Chosen,         // chosen() holds the path
        Invalid,        // message() says why
    };

    // Starts the dialog; the popup opens on the next draw().
    void open(FileDialogSpec spec);
    bool isOpen() const { return m_open; }
    const FileDialogSpec& spec() const { return m_spec; }

    // Draws the modal while open; returns the chosen path on the frame the user accepts one.
    std::optional<std::filesystem::path> draw(FontManager& fonts);

    // The dialog's logic, used by draw() and by tests.
    const std::filesystem::path& folder() const { return m_folder; }
    const std::vector<FolderEntry>& entries() const { return m_entries; }
    const std::string& listError() const { return m_listError; }
    std::string& pathField() { return m_typed; }
    const std::string& pathField() const { return m_typed; }
    const std::string& message() const { return m_message; }
    void navigate(const std::filesystem::path& folder);
    void up();
    Outcome accept();  // acts on the path field
    void confirmReplace();
    void cancelReplace();
    const std::optional<std::filesystem::path>& pendingReplace() const { return m_confirm; }
    std::optional<std::filesystem::path> takeChosen();
    void close();

private:
    void refresh();

    FileDialogSpec m_spec;
    bool m_open = false;
    bool m_openRequested = false;
    bool m_focusField = false;
    std::filesystem::path m_folder;
    std::vector<FolderEntry> m_entries;
    std::string m_listError;
    std::string m_typed;
    std::string m_message;
    std::optional<std::filesystem::path> m_confirm;
    std::optional<std::filesystem::path> m_chosen;
    std::string m_glyphs;  // text to add to the font atlas (file names)
};

}  // namespace pycast::ui
