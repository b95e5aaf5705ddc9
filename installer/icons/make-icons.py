#!/usr/bin/env python3
"""Draws the BayCover icon (the same shapes as baycover.svg) and writes baycover.png (256 px, Linux),
baycover.ico (Windows: PNG-compressed 16/32/48/256 entries) and baycover.icns (macOS: PNG-compressed
ic07/ic08/ic09 entries). Pure Python 3 (no Pillow): run it again after changing the shapes.

    python3 installer/icons/make-icons.py
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TEAL = (0x0F, 0x76, 0x6E)
GOLD = (0xF2, 0xB7, 0x05)
WHITE = (0xFF, 0xFF, 0xFF)


def inside_rounded_square(x, y):
    # the 256-unit canvas of baycover.svg: a square from 16 to 240 with corner radius 48
    r = 48.0
    cx = min(max(x, 16 + r), 240 - r)
    cy = min(max(y, 16 + r), 240 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour(x, y):
    """The colour at a point of the 256-unit canvas, or None (transparent)."""
    if not inside_rounded_square(x, y):
        return None
    # bridge arch: a gold ring segment (centre 128,212, radius 76..92), upper half
    d = math.hypot(x - 128, y - 212)
    if 76 <= d <= 92 and y <= 212:
        return GOLD
    # bridge deck
    if 206 <= y <= 218 and 28 <= x <= 228:
        return GOLD
    # white cross (care) above the arch
    if (116 <= x <= 140 and 36 <= y <= 108) or (92 <= x <= 164 and 60 <= y <= 84):
        return WHITE
    return TEAL


def render(size, samples=4):
    rows = []
    scale = 256.0 / size
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale)
                    if c is not None:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            a = acc[3] // n
            if a:
                cov = acc[3] / 255.0
                row += bytes((int(acc[0] / cov), int(acc[1] / cov), int(acc[2] / cov), a))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size):
    rows = render(size)
    raw = b"".join(b"\0" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(pngs):
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, data = b"", b""
    for size, blob in pngs:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data


def icns(pngs):
    body = b"".join(kind + struct.pack(">I", len(blob) + 8) + blob for kind, blob in pngs)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main():
    p = {s: png(s) for s in (16, 32, 48, 128, 256, 512)}
    with open(os.path.join(HERE, "baycover.png"), "wb") as f:
        f.write(p[256])
    with open(os.path.join(HERE, "baycover.ico"), "wb") as f:
        f.write(ico([(16, p[16]), (32, p[32]), (48, p[48]), (256, p[256])]))
    with open(os.path.join(HERE, "baycover.icns"), "wb") as f:
        f.write(icns([(b"ic07", p[128]), (b"ic08", p[256]), (b"ic09", p[512])]))


if __name__ == "__main__":
    main()
