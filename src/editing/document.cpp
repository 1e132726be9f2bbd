// Opening show files for editing and finding the sample episode (owner/UI thread).
#include "editing/document.hpp"

#include <atomic>

#include <fstream>
#include <system_error>

namespace pycast {

namespace fs = std::filesystem;

std::string Document::fileName() const {
    if (path.empty()) return show ? "Untitled" : "(no file)";
    return path.filename().string();
}

std::string Document::title() const { return show ? show->meta.title : std::string(); }

void Document::refreshAnalysis() {
    static std::atomic<std::uint64_t> stamps{0};
    analysisStamp = ++stamps;
    if (show) {
        analysis = analyzeRundown(*show);
    } else {
        analysis.reset();
    }
}

void Document::changed() {
    refreshAnalysis();
    dirty = m_unsavedOutsideHistory || !history.isClean();
    ++revision;
}

void Document::perform(Edit edit) {
    if (!show) return;
    history.perform(*show, std::move(edit));
    changed();
}

bool Document::undo() {
    if (!show || !history.undo(*show)) return false;
    changed();
    return true;
}

bool Document::redo() {
    if (!show || !history.redo(*show)) return false;
    changed();
    return true;
}

void Document::markSaved() {
    history.markClean();
    m_unsavedOutsideHistory = false;
    dirty = false;
}

void Document::markUnsaved() {
    m_unsavedOutsideHistory = true;
    dirty = true;
}

namespace {

// The lines problems point at, so the Problems view can quote them (syntax errors mostly).
std::map<int, std::string> quoteLines(const fs::path& file, const std::vector<Problem>& problems) {
    std::map<int, std::string> lines;
    for (const auto& p : problems) {
        if (p.line > 0) lines[p.line];
    }
    if (lines.empty()) return lines;
    std::ifstream in(file, std::ios::binary);
    std::string text;
    for (int n = 1; std::getline(in, text) && n <= lines.rbegin()->first; ++n) {
        auto it = lines.find(n);
        if (it == lines.end()) continue;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        constexpr std::size_t kMaxQuote = 240;
        if (text.size() > kMaxQuote) text = text.substr(0, kMaxQuote) + "…";
        it->second = text;
    }
    return lines;
}

}  // namespace

Document openDocument(const fs::path& file) {
    Document doc;
    doc.path = file;
    LoadResult loaded;
    try {
        loaded = loadShowFile(file);
    } catch (const std::exception& e) {
        // The loader reports problems rather than throwing; this only guards the window.
        loaded.show.reset();
        loaded.problems.push_back({"", std::string("could not be read: ") + e.what(), 0, 0});
    }
    doc.problems = std::move(loaded.problems);
    if (doc.problems.empty() && loaded.show) {
        doc.show = std::move(loaded.show);
        doc.refreshAnalysis();
        return doc;
    }
    if (doc.problems.empty()) {
        doc.problems.push_back({"", "the file could not be loaded (no details given)", 0, 0});
    }
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        doc.hint = "Check the path, or open another show with File > Open (Ctrl+O).";
    } else {
        doc.hint =
            "Fix these in the file and reload with File > Reload (Ctrl+R), "
            "or open another show with File > Open (Ctrl+O).";
        doc.sourceLines = quoteLines(file, doc.problems);
    }
    return doc;
}

Document untitledDocument(Show show) {
    Document doc;
    doc.show = std::move(show);
    doc.refreshAnalysis();
    doc.markUnsaved();
    return doc;
}

Document sampleNotFoundDocument(const std::vector<fs::path>& searched) {
    Document doc;
    std::string where;
    for (const auto& dir : searched) {
        if (!where.empty()) where += ", ";
        where += (dir / kSampleEpisodeFile).string();
    }
    doc.problems.push_back(
        {"", std::string("the sample episode was not found; looked for ") + where, 0, 0});
    doc.hint =
        "Start with a file (pycast-studio FILE.json), set PYCAST_SHOWS_DIR to the folder "
        "holding the sample shows, or open a show with File > Open (Ctrl+O).";
    return doc;
}

std::vector<fs::path> sampleShowDirs(const fs::path& exeDir, const char* envShowsDir) {
    std::vector<fs::path> dirs;
    if (envShowsDir != nullptr && *envShowsDir != '\0') dirs.emplace_back(envShowsDir);
    if (!exeDir.empty()) {
        dirs.push_back((exeDir / ".." / "shows").lexically_normal());
        dirs.push_back((exeDir / ".." / ".." / "shows").lexically_normal());
        dirs.push_back((exeDir / ".." / ".." / ".." / "shows").lexically_normal());
    }
    return dirs;
}

std::optional<fs::path> findSampleEpisode(const std::vector<fs::path>& dirs) {
    for (const auto& dir : dirs) {
        std::error_code ec;
        fs::path candidate = dir / kSampleEpisodeFile;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

fs::path executableDir(const char* argv0) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec && argv0 != nullptr) exe = fs::absolute(argv0, ec);
    if (ec) return {};
    return exe.parent_path();
}

namespace {

void append(std::string& out, const std::string& s) {
    if (s.empty()) return;
    out += s;
    out += '\n';
}

}  // namespace

std::string documentText(const Document& doc) {
    std::string text;
    append(text, doc.path.string());
    append(text, doc.hint);
    for (const auto& p : doc.problems) {
        append(text, p.path);
        append(text, p.message);
    }
    for (const auto& [line, quote] : doc.sourceLines) append(text, quote);
    if (doc.show) {
        const Show& show = *doc.show;
        append(text, show.meta.series);
        append(text, show.meta.title);
        append(text, show.meta.date);
        append(text, show.meta.language);
        for (const auto& person : show.people) {
            append(text, person.name);
            append(text, person.company);
        }
        for (const auto& seg : show.rundown) {
            append(text, seg.title);
            append(text, seg.notes);
        }
        for (const auto& q : show.questions) {
            append(text, q.text);
            append(text, q.from);
        }
    }
    if (doc.analysis) {
        for (const auto& f : doc.analysis->findings) append(text, f.message);
        for (const auto& a : doc.analysis->perSpeaker) append(text, a.label);
        for (const auto& a : doc.analysis->perCompany) append(text, a.label);
    }
    return text;
}

}  // namespace pycast
