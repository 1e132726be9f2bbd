// Where a producer's files live: recent files, templates, and crash-safe autosaves.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/show.hpp"

namespace pycast {

// ~/.config/pycast-studio (or $XDG_CONFIG_HOME/pycast-studio); PYCAST_CONFIG_DIR overrides, for tests.
std::filesystem::path configDir();
// ~/.local/state/pycast-studio (or $XDG_STATE_HOME/...); PYCAST_STATE_DIR overrides.
std::filesystem::path stateDir();

// Most recent first, at most 10, only files that still exist. Stored in configDir()/recent.json.
class RecentFiles {
public:
    explicit RecentFiles(std::filesystem::path store = configDir() / "recent.json");
    const std::vector<std::filesystem::path>& files() const { return m_files; }
    void add(const std::filesystem::path& file);   // moves it to the top and saves
    void remove(const std::filesystem::path& file);

private:
    void save() const;
    std::filesystem::path m_store;
    std::vector<std::filesystem::path> m_files;
};

struct TemplateInfo {
    std::string name;                 // the show's title, or the file name if it does not load
    std::filesystem::path path;
    bool builtIn = false;             // one of the samples in shows/
};
// The samples in builtInDir and the user's own in configDir()/templates, built-ins first.
std::vector<TemplateInfo> listTemplates(const std::filesystem::path& builtInDir);
std::filesystem::path userTemplatesDir();
// A new show from a template: the same people, rundown, guidelines and questions, with the date
// and episode number cleared (a new show has neither yet). An Error names the template's first
// problem when it does not load.
Result<Show> showFromTemplate(const std::filesystem::path& templateFile);

// Autosave: every 30 s the editor writes the unsaved document beside the file it came from
// (".NAME.json.autosave") or, for a new document, into stateDir()/autosave/. After a crash the
// next start finds it and offers to restore it.
struct Autosave {
    std::filesystem::path path;       // the autosave file itself
    std::filesystem::path original;   // the show file it belongs to; empty for an untitled show
    std::string savedAt;              // local time, for the restore prompt
    Show show;
};
std::filesystem::path autosavePathFor(const std::filesystem::path& showFile);   // empty path → untitled
// Writes the autosave atomically; the Error says what failed (the show file itself is untouched).
Status writeAutosave(const Show& show, const std::filesystem::path& original,
                     const std::filesystem::path& path);
std::optional<Autosave> readAutosave(const std::filesystem::path& path);
// Autosaves worth offering: the one for `file` when it differs from the file on disk, plus any
// untitled ones. An autosave identical to its file is stale and is removed.
std::vector<Autosave> findAutosaves(const std::filesystem::path& file);
void discardAutosave(const std::filesystem::path& path);

}  // namespace pycast
