// The open show file as the UI holds it: path, show, load problems, cached analysis (UI thread).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rundown.hpp"
#include "show.hpp"
#include "show_io.hpp"

namespace pycast::ui {

// Everything the views know about the file on screen. Views read it through const refs; edits
// (later: commands with undo) go through the owner, which calls refreshAnalysis() afterwards.
struct Document {
    std::filesystem::path path;               // empty when nothing was found to open
    std::optional<Show> show;                 // set when the file loaded without problems
    std::vector<Problem> problems;            // every problem found while loading
    std::string hint;                         // what to do about the problems, one sentence
    std::map<int, std::string> sourceLines;   // the file's lines that problems point at
    std::optional<RundownAnalysis> analysis;  // recomputed whenever the show changes
    bool dirty = false;                       // unsaved edits (always false until the editor lands)

    bool hasShow() const { return show.has_value(); }
    std::string fileName() const;  // "pycast-episode.json", or "(no file)"
    std::string title() const;     // the show's title, or empty
    void refreshAnalysis();
};

// Loads a show file. Never throws: anything wrong ends up in problems with a hint.
Document openDocument(const std::filesystem::path& file);

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

}  // namespace pycast::ui
