#!/usr/bin/python3
"""Reads an exported file's tags, chapters and cover with mutagen (an independent reader for
tests/media/test_encoder.cpp) and prints them as one JSON object."""
import base64
import json
import sys

import mutagen
from mutagen.flac import FLAC, Picture
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus


def text(frame):
    return str(frame.text[0]) if frame is not None and frame.text else None


def read_mp3(path):
    tag = ID3(path, translate=False)  # the frames as stored (TYER/TDAT stay in ID3v2.3)
    out = {"kind": "id3", "version": list(tag.version), "frames": sorted({f.FrameID for f in tag.values()})}
    # The stream behind the tag: mutagen finds the Xing/LAME header in the first frame.
    info = MP3(path).info
    out["encoder_info"] = info.encoder_info
    out["bitrate_mode"] = str(info.bitrate_mode)
    out["length"] = info.length
    for fid in ("TIT2", "TALB", "TRCK", "TDRC", "TYER", "TDAT", "TPE1"):
        out[fid] = text(tag.get(fid))
    out["COMM"] = [{"lang": f.lang, "desc": f.desc, "text": str(f.text[0])} for f in tag.getall("COMM")]
    out["TXXX"] = [f.desc for f in tag.getall("TXXX")]
    out["APIC"] = [{"type": int(f.type), "mime": f.mime, "bytes": len(f.data)} for f in tag.getall("APIC")]
    out["CHAP"] = [{"id": f.element_id, "start": f.start_time, "end": f.end_time,
                    "title": str(f.sub_frames["TIT2"].text[0]) if "TIT2" in f.sub_frames else None}
                   for f in tag.getall("CHAP")]
    out["CTOC"] = [{"id": f.element_id, "flags": int(f.flags), "children": list(f.child_element_ids)}
                   for f in tag.getall("CTOC")]
    return out


def read_mp4(path):
    f = MP4(path)
    tags = f.tags or {}
    out = {"kind": "mp4"}
    for key in ("\xa9nam", "\xa9alb", "\xa9day", "\xa9cmt", "desc", "\xa9ART"):
        out[key] = str(tags[key][0]) if key in tags else None
    out["trkn"] = list(tags["trkn"][0]) if "trkn" in tags else None
    out["covr"] = [{"format": int(c.imageformat), "bytes": len(c)} for c in tags.get("covr", [])]
    chapters = getattr(f, "chapters", None)
    out["chapters"] = [{"start": c.start, "title": c.title} for c in chapters] if chapters else []
    return out


def read_vorbis(f, kind):
    out = {"kind": kind, "comments": {k.lower(): v for k, v in (f.tags or {}).items()}}
    pictures = list(getattr(f, "pictures", []) or [])
    for value in out["comments"].pop("metadata_block_picture", []):
        pictures.append(Picture(base64.b64decode(value)))
    out["pictures"] = [{"type": int(p.type), "mime": p.mime, "width": p.width, "height": p.height,
                        "bytes": len(p.data)} for p in pictures]
    return out


def main():
    path = sys.argv[1]
    kind = type(mutagen.File(path)).__name__
    if kind == "MP3":
        out = read_mp3(path)
    elif kind == "MP4":
        out = read_mp4(path)
    elif kind == "FLAC":
        out = read_vorbis(FLAC(path), "flac")
    elif kind == "OggOpus":
        out = read_vorbis(OggOpus(path), "opus")
    else:
        out = {"kind": kind}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
