#!/usr/bin/env python3
# png_check.py FILE WIDTH HEIGHT [MIN_COLOURS]: exits non-zero unless FILE is a PNG of that size
# whose pixels vary (not one flat colour). Standard library only (zlib + the five row filters),
# shared by the GUI end-to-end scripts.
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
min_colours = int(sys.argv[4]) if len(sys.argv) > 4 else 50
data = open(path, 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit(f"{path}: not a PNG")
pos, idat, w, h, depth, ctype = 8, b'', 0, 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
if (w, h) != (want_w, want_h):
    sys.exit(f"{path}: {w}x{h}, expected {want_w}x{want_h}")
if depth != 8 or ctype not in (2, 6):
    sys.exit(f"{path}: unexpected PNG format (depth {depth}, colour type {ctype})")
bpp = 3 if ctype == 2 else 4
stride = w * bpp
raw = zlib.decompress(idat)
prev = bytearray(stride)
lum_sum = lum_sq = 0.0
colours = set()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 1:
        for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
    elif f == 2:
        for x in range(stride): line[x] = (line[x] + prev[x]) & 255
    elif f == 3:
        for x in range(stride):
            line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
    elif f == 4:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, stride, bpp * 7):   # every 7th pixel is plenty to judge variety
        r, g, b = line[x], line[x + 1], line[x + 2]
        lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
        lum_sum += lum
        lum_sq += lum * lum
        if len(colours) < 5000: colours.add((r, g, b))
n = h * len(range(0, stride, bpp * 7))
mean = lum_sum / n
std = max(0.0, lum_sq / n - mean * mean) ** 0.5
if std < 8 or len(colours) < min_colours:
    sys.exit(f"{path}: looks blank (luminance std-dev {std:.1f}, {len(colours)} colours)")
print(f"{path}: {w}x{h}, luminance std-dev {std:.1f}, {len(colours)} colours")
