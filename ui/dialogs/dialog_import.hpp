// File > Import segments from CSV…: the preview modal. Column mapping, the segments to be added,
// the bad rows with their reasons, and Import only when the whole file is good (UI thread).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "io/csv_import.hpp"
#include "widgets/fonts.hpp"

namespace pycast::ui {

class ImportDialog {
public:
    struct Result {
        ImportPreview preview;
        bool afterSelection = false;
        std::string fileName;
    };

    // Reads the file and makes the first preview (the header decides the mapping).
    void open(const Show& show, std::filesystem::path file);
    bool isOpen() const { return m_open; }
    void close() { m_open = false; }

    // The preview follows every choice: these re-run it against `show`.
    void setMapping(const Show& show, ColumnMapping mapping);
    void setAddUnknownPeople(const Show& show, bool add);
    const ImportPreview& preview() const { return m_preview; }
    const std::filesystem::path& file() const { return m_file; }
    bool afterSelection() const { return m_afterSelection; }
    void setAfterSelection(bool after) { m_afterSelection = after; }
    // Why Import is disabled, or empty when it is not.
    std::string blockedReason() const;

    // Draws the modal while open; returns what to import on the frame Import is pressed.
    // selectedTitle: the selected segment's title, or empty when none is selected.
    std::optional<Result> draw(const Show& show, const std::string& selectedTitle, FontManager& fonts);

private:
    void rerun(const Show& show);

    std::filesystem::path m_file;
    ImportOptions m_options;
    ImportPreview m_preview;
    bool m_afterSelection = true;
    bool m_open = false;
    bool m_openRequested = false;
    bool m_glyphsPending = false;
};

constexpr const char* kImportPopup = "Import segments from CSV###import-csv";

}  // namespace pycast::ui
