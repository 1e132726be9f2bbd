// Helpers for the editing tests (core_tests) and the studio's editor tests (ui_tests): private
// config/state folders, sample shows as documents.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../temp_dir.hpp"
#include "editing/document.hpp"
#include "editing/rundown_editor.hpp"
#include "io/workspace.hpp"
#include "io/show_io.hpp"

namespace pycast::test {

inline std::filesystem::path samplesDir() { return std::filesystem::path(PYCAST_SOURCE_DIR) / "shows"; }

// Points PYCAST_CONFIG_DIR and PYCAST_STATE_DIR at a temp folder for the test's lifetime, so
// autosaves, templates and recent files never touch the user's own.
class PrivateWorkspace {
public:
    PrivateWorkspace() {
        save("PYCAST_CONFIG_DIR", m_config);
        save("PYCAST_STATE_DIR", m_state);
        setenv("PYCAST_CONFIG_DIR", (m_dir / "config").c_str(), 1);
        setenv("PYCAST_STATE_DIR", (m_dir / "state").c_str(), 1);
    }
    ~PrivateWorkspace() {
        restore("PYCAST_CONFIG_DIR", m_config);
        restore("PYCAST_STATE_DIR", m_state);
    }
    PrivateWorkspace(const PrivateWorkspace&) = delete;
    PrivateWorkspace& operator=(const PrivateWorkspace&) = delete;

    std::filesystem::path operator/(const std::string& name) const { return m_dir / name; }
    const std::filesystem::path& path() const { return m_dir.path(); }

    // A copy of a sample show in this folder, to edit and save freely.
    std::filesystem::path copyOfSample(const std::string& name) const {
        const auto to = m_dir / name;
        std::filesystem::copy_file(samplesDir() / name, to, std::filesystem::copy_options::overwrite_existing);
        return to;
    }

private:
    static void save(const char* name, std::optional<std::string>& out) {
        if (const char* v = std::getenv(name)) out = v;
    }
    static void restore(const char* name, const std::optional<std::string>& value) {
        if (value) {
            setenv(name, value->c_str(), 1);
        } else {
            unsetenv(name);
        }
    }
    TempDir m_dir;
    std::optional<std::string> m_config;
    std::optional<std::string> m_state;
};

inline Document documentOf(Show show, std::filesystem::path path = "/tmp/generated.json") {
    Document doc;
    doc.path = std::move(path);
    doc.show = std::move(show);
    doc.refreshAnalysis();
    return doc;
}

inline Show loadSample(const std::string& name) {
    LoadResult r = loadShowFile(samplesDir() / name);
    return *r.show;
}

// Leaves an autosave beside `file` as a crash would: the file's show with another title.
inline Show leaveAutosave(const std::filesystem::path& file, const std::string& title) {
    Show changed = *loadShowFile(file).show;
    changed.meta.title = title;
    if (const Status written = writeAutosave(changed, file, autosavePathFor(file)); !written)
        throw std::runtime_error(written.error().message());
    return changed;
}

// A document and an editor on it, like the main window holds them.
struct Bench {
    explicit Bench(Document d) : doc(std::move(d)) {}
    ~Bench() { editor.discardChangesOnExit(); }  // test edits leave no autosave behind
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;
    Document doc;
    RundownEditor editor{doc};
    const Show& show() const { return *doc.show; }
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& s : doc.show->rundown) out.push_back(s.id);
        return out;
    }
};

}  // namespace pycast::test
