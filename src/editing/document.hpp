// The open show file as the editor holds it: path, show, load problems, cached analysis, undo
// history (owner/UI thread; no ImGui).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "editing/show_edits.hpp"
#include "core/rundown.hpp"
#include "core/show.hpp"
#include "io/show_io.hpp"

namespace pycast {

// Everything the views know about the file on screen. Views read it through const refs; every
// change goes through perform()/undo()/redo() (the editor calls them between frames), which
// keep the analysis, the dirty flag and the revision up to date.
struct Document {
    std::filesystem::path path;               // empty for a new, never saved show ("Untitled")
    std::optional<Show> show;                 // set when the file loaded without problems
    std::vector<Problem> problems;            // every problem found while loading
    std::string hint;                         // what to do about the problems, one sentence
    std::map<int, std::string> sourceLines;   // the file's lines that problems point at
    std::optional<RundownAnalysis> analysis;  // recomputed whenever the show changes
    bool dirty = false;                       // differs from the file on disk (kept by the calls below)
    ShowHistory history;                        // undo/redo of every change to `show`
    std::uint64_t revision = 0;               // bumps on every change to `show`
    // New on every refreshAnalysis(), unique in the process (whatever the document): views key
    // what they derive from the analysis on it (column widths of a 3000-segment rundown).
    std::uint64_t analysisStamp = 0;

    bool hasShow() const { return show.has_value(); }
    std::string fileName() const;  // "pycast-episode.json", or "(no file)"
    std::string title() const;     // the show's title, or empty
    void refreshAnalysis();

    // One undoable change (no-op without a show). Continuous gestures share a mergeKey and end
    // with closeGroup().
    void perform(Edit edit);
    bool undo();
    bool redo();
    void closeGroup() { history.closeGroup(); }
    // The show now matches the file at `path` (after a save).
    void markSaved();
    // The show differs from disk without an undo step to show for it: a restored autosave, a show
    // made from a template. Stays dirty until saved, whatever is undone.
    void markUnsaved();
    // Call after changing `show` directly (restoring, replacing): analysis, dirty, revision.
    void changed();

private:
    bool m_unsavedOutsideHistory = false;
};

// Loads a show file. Never throws: anything wrong ends up in problems with a hint.
Document openDocument(const std::filesystem::path& file);

// A new, untitled and unsaved document holding `show` (from a template, a restored autosave).
Document untitledDocument(Show show);

// The document shown when no file was given and the sample episode was not found.
Document sampleNotFoundDocument(const std::vector<std::filesystem::path>& searched);

// Where to look for the sample shows, in order: $PYCAST_SHOWS_DIR, <exe>/../shows,
// <exe>/../../shows, <exe>/../../../shows. envShowsDir may be null.
std::vector<std::filesystem::path> sampleShowDirs(const std::filesystem::path& exeDir,
                                                  const char* envShowsDir);

constexpr const char* kSampleEpisodeFile = "pycast-episode.json";

// The first <dir>/pycast-episode.json that exists, or nullopt.
std::optional<std::filesystem::path> findSampleEpisode(
    const std::vector<std::filesystem::path>& dirs);

// The folder holding the running executable (from /proc/self/exe, else argv0).
std::filesystem::path executableDir(const char* argv0);

// Every piece of text the document can put on screen, joined; used to build font glyph ranges.
std::string documentText(const Document& doc);

}  // namespace pycast
