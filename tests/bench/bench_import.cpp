// CSV import figures: preview and apply of 2 000 and 20 000 rows, with known speakers and with
// every row bringing a new guest (--add-people). Linear means the 20k figure is about ten
// times the 2k one. Prints medians; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "io/csv_import.hpp"
#include "io/show_io.hpp"

using namespace pycast;

namespace {

double medianMs(int runs, const std::function<void()>& fn) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        fn();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

Show baseShow() {
    Show show;
    show.meta.title = "匯入 Import";
    for (int p = 0; p < 12; ++p)
        show.people.push_back({"p-" + std::to_string(p),
                               "講者 Speaker " + std::to_string(p),
                               p == 0 ? Role::Host : Role::Guest,
                               "",
                               {}});
    return show;
}

// `rows` data rows; speakers are the show's people, or a new name per row.
std::string csvOf(int rows, bool newGuests) {
    std::string csv = "title,kind,duration,speakers,notes\n";
    for (int i = 0; i < rows; ++i) {
        const std::string speaker =
            newGuests ? "Guest " + std::to_string(i) : "講者 Speaker " + std::to_string(i % 12);
        csv += "段落 Segment " + std::to_string(i) + ",tech,2:30," + speaker +
               ";講者 Speaker 0,\"note\nline\"\n";
    }
    return csv;
}

}  // namespace

int main() {
    const Show show = baseShow();
    // 40k too: 20k/2k crosses the CPU caches (the data grows from ~1 MB to ~10 MB), 40k/20k
    // shows whether the growth past them is linear.
    std::printf("%-34s %9s %9s %9s %10s %10s\n", "csv import (median ms)", "2k rows", "20k rows", "40k rows",
                "20k/2k", "40k/20k");
    for (bool newGuests : {false, true}) {
        ImportOptions options;
        options.addUnknownPeople = newGuests;
        double preview[3] = {0, 0, 0}, apply[3] = {0, 0, 0};
        int k = 0;
        for (int rows : {2000, 20000, 40000}) {
            const std::string csv = csvOf(rows, newGuests);
            ImportPreview p;
            preview[k] =
                medianMs(rows > 5000 ? 3 : 7, [&] { p = previewCsvImport(show, csv, options); });
            if (p.segments.size() != static_cast<size_t>(rows))
                std::printf("unexpected: %zu segments\n", p.segments.size());
            apply[k] = medianMs(rows > 5000 ? 3 : 7, [&] {
                Show copy = show;
                applyImport(copy, p);
            });
            ++k;
        }
        const char* what = newGuests ? "preview, a new guest per row" : "preview, known speakers";
        auto row = [](const char* label, const double* ms) {
            std::printf("%-34s %9.1f %9.1f %9.1f %10.1f %10.1f\n", label, ms[0], ms[1], ms[2], ms[1] / ms[0],
                        ms[2] / ms[1]);
        };
        row(what, preview);
        row(newGuests ? "apply, a new guest per row" : "apply, known speakers", apply);
    }
    return 0;
}
