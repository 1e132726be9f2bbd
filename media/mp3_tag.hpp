// The whole ID3v2 tag of an exported MP3, written with TagLib after FFmpeg closed the file:
// text frames, COMM, APIC, CHAP and CTOC (the exporter's encoding thread).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"
#include "media/image_probe.hpp"

namespace pycast::media {

// The people as one TPE1/artist value: "Name (Company)" (or "Name") joined with ", ".
std::string peopleCredit(const std::vector<EpisodePerson>& people);
// The ISO 639-2 code of a BCP 47 language ("zh-TW" → "chi", "en" → "eng"; "und" when unknown),
// for COMM frames.
std::string iso639Language(const std::string& bcp47);

// Replaces any tag in `mp3` by one ID3v2 tag (version 3 = ID3v2.3 or 4 = ID3v2.4): TIT2 title,
// TALB show, TRCK episode, TDRC date (TYER+TDAT in 2.3), TPE1 people, COMM description (real COMM,
// language from meta.language, empty content description), APIC front cover (type 3) when
// `cover` is given, one CHAP per chapter (element ids "chp0"…, start/end ms, a TIT2 sub-frame)
// and one top-level ordered CTOC "toc" listing them. Text is UTF-16 in 2.3, UTF-8 in 2.4.
// Errors: the file is not an MP3 TagLib can open, or saving fails.
Status writeMp3Tag(const std::filesystem::path& mp3, const EpisodeMeta& meta,
                   const std::vector<OutputChapter>& chapters, int id3v2Version,
                   const CoverImage* cover);

}  // namespace pycast::media
