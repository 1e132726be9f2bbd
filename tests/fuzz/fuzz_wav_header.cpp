// Fuzz target: WAV/RF64 bytes through parseWavHeader, readWavInfo, repairWav (what `pycast
// recover` runs) and WavReader (libFuzzer's thread). Properties: never throws; the pure parser
// and the file reader agree; a header that reads is sane (format, data inside the file); a
// repair leaves a file that reads, whose sizes match the file, and a second repair changes
// nothing; every frame the header promises can be read, and integer samples are within ±1.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "io/wav_file.hpp"

namespace {

void checkSane(const pycast::WavInfo& info, const char* when) {
    const std::string w = when;
    FUZZ_CHECK(info.sampleRate > 0 && info.channels > 0, w + ": no rate or channels");
    FUZZ_CHECK(info.blockAlign() > 0, w + ": zero bytes per frame");
    FUZZ_CHECK(info.dataOffset <= info.fileBytes, w + ": data starts past the file's end");
    FUZZ_CHECK(info.frames() * info.blockAlign() <= info.fileBytes - info.dataOffset,
               w + ": more frames than the file holds");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pycast::Result<pycast::WavInfo> parsed = pycast::Error{};
    try {
        parsed = pycast::parseWavHeader(std::span<const std::uint8_t>(data, size), size);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("parseWavHeader threw: ") + e.what());
    }
    if (parsed) checkSane(*parsed, "parsed");

    const std::filesystem::path file = fuzz::scratch() / "track.wav";
    fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data), size));
    const pycast::Result<pycast::WavInfo> read = pycast::readWavInfo(file);
    FUZZ_CHECK(read.ok() == parsed.ok(), "readWavInfo and parseWavHeader disagree");
    if (!read) {
        FUZZ_CHECK(!read.error().what.empty(), "a refusal without a reason");
        return 0;
    }
    const pycast::Result<pycast::WavRepair> repaired = pycast::repairWav(file);
    if (!repaired) {
        FUZZ_CHECK(!repaired.error().what.empty() && !repaired.error().where.empty(),
                   "a refused repair must say what and name the file");
        return 0;
    }
    const pycast::Result<pycast::WavInfo> after = pycast::readWavInfo(file);
    FUZZ_CHECK(after.ok(), "the repaired file does not read: " + after.error().message());
    checkSane(*after, "repaired");
    FUZZ_CHECK(after->frames() == repaired->after.frames(), "the repair misreports its frames");
    FUZZ_CHECK(after->dataBytes == after->frames() * after->blockAlign(),
               "the repaired header's data size is not whole frames");
    const pycast::Result<pycast::WavRepair> again = pycast::repairWav(file);
    FUZZ_CHECK(again.ok() && !again->changed, "a second repair changed the file");

    pycast::Result<pycast::WavReader> reader = pycast::WavReader::open(file);
    FUZZ_CHECK(reader.ok(), "a repaired file does not open: " + reader.error().message());
    std::vector<float> block(4096);
    std::uint64_t frames = 0;
    for (;;) {
        pycast::Result<std::size_t> got = reader->read(block);
        FUZZ_CHECK(got.ok(), "reading samples failed: " + got.error().message());
        if (*got == 0) break;
        // Integer PCM is within full scale by construction; float files may hold anything.
        for (std::size_t i = 0; i < *got && !after->isFloat; ++i)
            FUZZ_CHECK(std::isfinite(block[i]) && std::fabs(block[i]) <= 1.0f + 1e-6f,
                       "a sample outside full scale: " + std::to_string(block[i]));
        frames += *got;
    }
    FUZZ_CHECK(frames == after->frames(), "read " + std::to_string(frames) + " of " +
                                              std::to_string(after->frames()) + " frames");
    return 0;
}
