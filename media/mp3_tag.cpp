// The whole ID3v2 tag of an exported MP3 written with TagLib (the exporter's encoding thread).
#include "media/mp3_tag.hpp"

#include <taglib/attachedpictureframe.h>
#include <taglib/chapterframe.h>
#include <taglib/commentsframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace pycast::media {
namespace {

TagLib::String utf8(const std::string& text) { return TagLib::String(text, TagLib::String::UTF8); }

// ID3v2.3 has no UTF-8: TagLib would convert, but saying it here keeps the frames as written.
TagLib::String::Type textEncoding(int version) {
    return version == 4 ? TagLib::String::UTF8 : TagLib::String::UTF16;
}

TagLib::ID3v2::TextIdentificationFrame* textFrame(const char* id, const std::string& text,
                                                  TagLib::String::Type encoding) {
    auto* frame = new TagLib::ID3v2::TextIdentificationFrame(TagLib::ByteVector(id), encoding);
    frame->setText(utf8(text));
    return frame;
}

unsigned clampMs(std::int64_t ms) {
    return static_cast<unsigned>(
        std::clamp<std::int64_t>(ms, 0, std::numeric_limits<unsigned>::max() - 1));
}

}  // namespace

std::string peopleCredit(const std::vector<EpisodePerson>& people) {
    std::string out;
    for (const EpisodePerson& person : people) {
        if (person.name.empty()) continue;
        if (!out.empty()) out += ", ";
        out += person.name;
        if (!person.company.empty()) out += " (" + person.company + ")";
    }
    return out;
}

std::string iso639Language(const std::string& bcp47) {
    std::string primary = bcp47.substr(0, bcp47.find_first_of("-_"));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    struct Pair {
        const char* two;
        const char* three;
    };
    static const Pair kCodes[] = {{"zh", "chi"}, {"en", "eng"}, {"ja", "jpn"}, {"ko", "kor"},
                                  {"fr", "fre"}, {"de", "ger"}, {"es", "spa"}, {"it", "ita"},
                                  {"pt", "por"}, {"nl", "dut"}, {"ru", "rus"}};
    for (const Pair& p : kCodes) {
        if (primary == p.two || primary == p.three) return p.three;
    }
    return "und";
}

Status writeMp3Tag(const std::filesystem::path& mp3, const EpisodeMeta& meta,
                   const std::vector<OutputChapter>& chapters, int id3v2Version,
                   const CoverImage* cover) {
    const std::string where = mp3.string();
    if (id3v2Version != 3 && id3v2Version != 4) {
        return Error{"ID3v2 version " + std::to_string(id3v2Version) + " is not one we write",
                     where, "choose 3 (ID3v2.3) or 4 (ID3v2.4)"};
    }
    TagLib::MPEG::File file(mp3.c_str(), false);
    if (!file.isValid()) {
        return Error{"TagLib cannot open the MP3 to write its tags", where,
                     "check that the file exists and is an MP3"};
    }
    // One tag, ours: whatever was there (FFmpeg writes none) goes.
    TagLib::ID3v2::Tag* tag = file.ID3v2Tag(true);
    // Not through a copy of frameList(): TagLib's lists are copy-on-write, and a tag list that
    // detaches from a copy loses its auto-delete, so every frame added below leaked (found by
    // LeakSanitizer in tools/dev test --asan).
    while (!tag->frameList().isEmpty()) tag->removeFrame(tag->frameList().front());
    const auto encoding = textEncoding(id3v2Version);

    if (!meta.title.empty()) tag->addFrame(textFrame("TIT2", meta.title, encoding));
    if (!meta.show.empty()) tag->addFrame(textFrame("TALB", meta.show, encoding));
    if (meta.episode) tag->addFrame(textFrame("TRCK", std::to_string(*meta.episode), encoding));
    // TagLib turns TDRC into TYER + TDAT when it saves ID3v2.3.
    if (!meta.date.empty()) tag->addFrame(textFrame("TDRC", meta.date, encoding));
    if (const std::string people = peopleCredit(meta.people); !people.empty()) {
        tag->addFrame(textFrame("TPE1", people, encoding));
    }
    if (!meta.description.empty()) {
        auto* comment = new TagLib::ID3v2::CommentsFrame(encoding);
        comment->setLanguage(TagLib::ByteVector(iso639Language(meta.language).c_str(), 3));
        comment->setDescription(TagLib::String());
        comment->setText(utf8(meta.description));
        tag->addFrame(comment);
    }
    if (cover) {
        auto* picture = new TagLib::ID3v2::AttachedPictureFrame();
        picture->setTextEncoding(encoding);
        picture->setMimeType(cover->mimeType);
        picture->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
        picture->setDescription(TagLib::String("Cover"));
        picture->setPicture(TagLib::ByteVector(reinterpret_cast<const char*>(cover->bytes.data()),
                                               static_cast<unsigned>(cover->bytes.size())));
        tag->addFrame(picture);
    }
    if (!chapters.empty()) {
        TagLib::ByteVectorList children;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const OutputChapter& chapter = chapters[i];
            const std::string id = "chp" + std::to_string(i);
            TagLib::ID3v2::FrameList embedded;
            embedded.append(textFrame("TIT2", chapter.title, encoding));
            // Offsets 0xFFFFFFFF: "use the times" (ID3v2 chapter frame addendum).
            tag->addFrame(new TagLib::ID3v2::ChapterFrame(
                TagLib::ByteVector(id.c_str()), clampMs(chapter.startMs), clampMs(chapter.endMs),
                0xFFFFFFFFu, 0xFFFFFFFFu, embedded));
            children.append(TagLib::ByteVector(id.c_str()));
        }
        auto* toc = new TagLib::ID3v2::TableOfContentsFrame(TagLib::ByteVector("toc"), children);
        toc->setIsTopLevel(true);
        toc->setIsOrdered(true);
        tag->addFrame(toc);
    }

    const bool saved = file.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripOthers,
                                 id3v2Version == 4 ? TagLib::ID3v2::v4 : TagLib::ID3v2::v3,
                                 TagLib::File::DoNotDuplicate);
    if (!saved) {
        return Error{"TagLib could not save the ID3v2 tag", where,
                     "check the disk space and that the folder is writable"};
    }
    return ok();
}

}  // namespace pycast::media
