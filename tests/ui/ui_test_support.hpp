// Shared helpers for the UI tests and frame benchmarks: sample files, a generated long show.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "../temp_dir.hpp"
#include "core/show.hpp"

namespace pycast::uitest {

inline std::filesystem::path sourceDir() {
    if (const char* env = std::getenv("PYCAST_SOURCE_DIR"); env && *env) return env;
#ifdef PYCAST_SOURCE_DIR
    return PYCAST_SOURCE_DIR;
#else
    return std::filesystem::current_path();
#endif
}

// Every sample show in shows/, sorted so failures name the same file every run.
inline std::vector<std::filesystem::path> sampleShows() {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(sourceDir() / "shows", ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A show with `segments` segments of every kind, Chinese and Latin text, long notes, several
// companies and a start time: the kind of rundown a long meetup day produces.
inline Show makeLongShow(int segments) {
    Show show;
    show.meta.series = "PyCon TW Enterprise Meetup";
    show.meta.title = "長時間測試節目 Long rundown stress test";
    show.meta.kind = ShowKind::Meetup;
    show.meta.episode = 99;
    show.meta.date = "2027-03-01";
    show.meta.target = static_cast<Seconds>(segments) * 180;
    show.meta.startTime = 9 * 3600;
    show.meta.hardOut = 9 * 3600 + show.meta.target + 600;
    const char* companies[] = {"玉山金融科技 Yushan FinTech", "蝦拍電商 ShopPie",
                               "台積智造 FabSmart", ""};
    for (int i = 0; i < 12; ++i) {
        Person p;
        p.id = "p-" + std::to_string(i);
        p.name = "講者 " + std::to_string(i) + " Speaker " + std::to_string(i);
        p.role = i == 0 ? Role::Host : Role::Guest;
        p.company = i == 0 ? "PyCon Taiwan" : companies[i % 4];
        show.people.push_back(p);
    }
    const auto& kinds = allSegmentKinds();
    for (int i = 0; i < segments; ++i) {
        Segment s;
        s.id = "s-" + std::to_string(i);
        s.title = "第 " + std::to_string(i + 1) + " 段：Python 與資料工程的實戰分享 part " +
                  std::to_string(i + 1);
        s.kind = kinds[static_cast<std::size_t>(i) % kinds.size()];
        s.planned = 60 + (i * 37) % 300;
        s.speakers = {"p-0", "p-" + std::to_string(1 + i % 11)};
        s.notes = i % 3 == 0
                      ? std::string()
                      : "備註：提醒來賓控制時間，準備投影片與示範程式 notes " + std::to_string(i);
        if (i % 50 == 10) s.fixedStart = 9 * 3600 + i * 150;
        s.elastic = i == segments - 5;
        show.rundown.push_back(s);
    }
    return show;
}

using test::TempDir;

inline void writeText(const std::filesystem::path& file, const std::string& text) { test::writeFile(file, text); }

}  // namespace pycast::uitest
