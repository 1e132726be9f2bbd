// Recent files, templates and autosaves on disk. Runs on the UI (owner) thread.
#include "io/workspace.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "io/json_read.hpp"
#include "io/show_io.hpp"

namespace pycast {
namespace fs = std::filesystem;

namespace {

fs::path xdgDir(const char* overrideVar, const char* xdgVar, const char* fallback) {
    if (const char* v = std::getenv(overrideVar); v && *v) return v;
    if (const char* v = std::getenv(xdgVar); v && *v) return fs::path(v) / "pycast-studio";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallback / "pycast-studio";
}

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string localTimeNow() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

}  // namespace

fs::path configDir() { return xdgDir("PYCAST_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"); }
fs::path stateDir() { return xdgDir("PYCAST_STATE_DIR", "XDG_STATE_HOME", ".local/state"); }
fs::path userTemplatesDir() { return configDir() / "templates"; }

RecentFiles::RecentFiles(fs::path store) : m_store(std::move(store)) {
    // No list yet, or an unreadable one: start empty; the next add() rewrites it.
    try {
        Result<nlohmann::json> j = parseJsonFile(readText(m_store), m_store.string());
        if (!j.ok() || !j->is_object()) return;
        auto files = j->find("files");
        if (files == j->end() || !files->is_array()) return;
        for (const auto& f : *files) {
            if (!f.is_string()) continue;
            fs::path p = f.get<std::string>();
            std::error_code ec;
            if (fs::exists(p, ec)) m_files.push_back(p);
        }
    } catch (...) {
        m_files.clear();   // e.g. out of memory: a lost list is not lost work
    }
}

void RecentFiles::add(const fs::path& file) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec);
    if (ec) abs = file;
    m_files.erase(std::remove(m_files.begin(), m_files.end(), abs), m_files.end());
    m_files.insert(m_files.begin(), abs);
    if (m_files.size() > 10) m_files.resize(10);
    save();
}

void RecentFiles::remove(const fs::path& file) {
    m_files.erase(std::remove(m_files.begin(), m_files.end(), file), m_files.end());
    save();
}

void RecentFiles::save() const {
    nlohmann::json j;
    j["files"] = nlohmann::json::array();
    for (const auto& f : m_files) j["files"].push_back(f.string());
    std::error_code ec;
    fs::create_directories(m_store.parent_path(), ec);
    writeFileAtomically(m_store, j.dump(2) + "\n", false);   // best effort: a lost list is not lost work
}

std::vector<TemplateInfo> listTemplates(const fs::path& builtInDir) {
    std::vector<TemplateInfo> out;
    auto scan = [&](const fs::path& dir, bool builtIn) {
        std::error_code ec;
        std::vector<fs::path> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            LoadResult r = loadShowFile(f);
            out.push_back({r.show ? r.show->meta.title : f.stem().string(), f, builtIn});
        }
    };
    scan(builtInDir, true);
    scan(userTemplatesDir(), false);
    return out;
}

Result<Show> showFromTemplate(const fs::path& templateFile) {
    Result<Show> r = loadShow(templateFile);
    if (!r.ok()) return r.error();
    Show show = std::move(*r);
    show.meta.date.clear();
    show.meta.episode.reset();
    return show;
}

fs::path autosavePathFor(const fs::path& showFile) {
    if (showFile.empty())
        return stateDir() / "autosave" / ("untitled-" + std::to_string(::getpid()) + ".autosave.json");
    return showFile.parent_path() / ("." + showFile.filename().string() + ".autosave");
}

Status writeAutosave(const Show& show, const fs::path& original, const fs::path& path) {
    nlohmann::ordered_json j;
    j["format"] = "pycast-autosave";
    j["original"] = original.empty() ? "" : fs::absolute(original).string();
    j["saved_at"] = localTimeNow();
    j["show"] = toJson(show);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::string text;
    try {
        text = j.dump(2) + "\n";
    } catch (const std::exception&) {
        return Error{"holds text that is not UTF-8, which an autosave cannot keep exactly", path.string(),
                     "retype the text that shows odd characters"};
    }
    return writeFileAtomically(path, text, false);
}

std::optional<Autosave> readAutosave(const fs::path& path) {
    try {
        Result<nlohmann::json> j = parseJsonFile(readText(path), path.string());
        if (!j.ok() || !j->is_object()) return std::nullopt;
        auto text = [&](const char* key) {
            auto it = j->find(key);
            return it != j->end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        if (text("format") != "pycast-autosave") return std::nullopt;
        auto show = j->find("show");
        if (show == j->end()) return std::nullopt;
        LoadResult r = parseShow(show->dump());
        if (!r.show) return std::nullopt;
        Autosave a;
        a.path = path;
        a.original = text("original");
        a.savedAt = text("saved_at");
        a.show = *r.show;
        return a;
    } catch (...) {
        return std::nullopt;   // an autosave that cannot be read is not offered
    }
}

std::vector<Autosave> findAutosaves(const fs::path& file) {
    std::vector<Autosave> out;
    std::error_code ec;
    if (!file.empty()) {
        fs::path p = autosavePathFor(file);
        if (fs::exists(p, ec)) {
            auto a = readAutosave(p);
            LoadResult onDisk = loadShowFile(file);
            if (a && !(onDisk.show && *onDisk.show == a->show)) out.push_back(*a);
            else if (a) discardAutosave(p);
        }
    }
    for (fs::directory_iterator it(stateDir() / "autosave", ec), end; !ec && it != end; it.increment(ec)) {
        // Untitled autosaves of a process that is still running belong to that window.
        const std::string name = it->path().filename().string();
        const auto dash = name.find('-'), dot = name.find('.');
        if (dash != std::string::npos && dot != std::string::npos) {
            const pid_t pid = static_cast<pid_t>(std::atol(name.substr(dash + 1, dot - dash - 1).c_str()));
            if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) == 0) continue;
        }
        if (auto a = readAutosave(it->path())) out.push_back(*a);
    }
    return out;
}

void discardAutosave(const fs::path& path) {
    std::error_code ec;
    fs::remove(path, ec);
}

}  // namespace pycast
