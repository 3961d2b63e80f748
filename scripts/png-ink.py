#!/usr/bin/env python3
"""Fails (exit 1) when a PNG screenshot is nearly blank: less than MIN_SHARE of its pixels are not white.

Usage: png-ink.py FILE.png MIN_SHARE. Reads 8-bit RGB/RGBA, non-interlaced PNGs (what Chromium writes) with the
standard library only, so the check runs wherever Python does.
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG layout"
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = line
        for i in range(0, stride, channels):
            yield line[i], line[i + 1], line[i + 2]


def main():
    path, minimum = sys.argv[1], float(sys.argv[2])
    total = ink = 0
    for r, g, b in pixels(path):
        total += 1
        ink += (r, g, b) != (255, 255, 255)
    share = ink / total if total else 0
    print(f"{path}: {share:.1%} of pixels not white")
    sys.exit(0 if share >= minimum else 1)


main()
