#!/usr/bin/env python3
"""Check that an output folder of `descent run` decodes: every PNG (chunk CRCs, zlib stream,
IEND), every GIF (header, block structure, LZW data blocks, trailer; frame count), results.json
(valid JSON naming existing figures) and index.html. Standard library only.

usage: check_outputs.py OUTPUT_DIR EXPERIMENT EXPECTED_GIF_FRAMES
"""
import json, os, struct, sys, zlib


def check_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat, seen_end = 8, b"", False
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xffffffff == crc, f"{path}: bad CRC in {kind}"
        if kind == b"IDAT": idat += body
        if kind == b"IEND": seen_end = True
        pos += 12 + length
    assert seen_end, f"{path}: no IEND"
    width, height = struct.unpack(">II", data[16:24])
    raw = zlib.decompress(idat)
    assert len(raw) >= height * (width + 1), f"{path}: image data too short"
    return width, height


def check_gif(path):
    data = open(path, "rb").read()
    assert data[:6] in (b"GIF87a", b"GIF89a"), f"{path}: not a GIF"
    width, height, flags = struct.unpack("<HHB", data[6:11])
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    while True:
        block = data[pos]
        if block == 0x3B: break
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
            while data[pos]: pos += data[pos] + 1
            pos += 1
        elif block == 0x2C:  # image descriptor, optional local table, LZW min size, sub-blocks
            x, y, w, h, f = struct.unpack("<HHHHB", data[pos + 1:pos + 10])
            assert x + w <= width and y + h <= height, f"{path}: frame {frames} outside the canvas"
            pos += 10 + (3 * 2 ** ((f & 7) + 1) if f & 0x80 else 0)
            assert 2 <= data[pos] <= 8, f"{path}: bad LZW code size"
            pos += 1
            while data[pos]: pos += data[pos] + 1
            pos += 1
            frames += 1
        else:
            raise AssertionError(f"{path}: unknown block 0x{block:02x} at {pos}")
    return width, height, frames


def main():
    out, experiment, expected_frames = sys.argv[1], sys.argv[2], int(sys.argv[3])
    folder = os.path.join(out, experiment)
    results = json.load(open(os.path.join(folder, "results.json")))
    figures = 0
    for o in results["optimizers"]:
        for fmt, name in o["figures"].items():
            path = os.path.join(folder, name)
            assert os.path.getsize(path) > 0, path
            if fmt == "png": check_png(path)
            if fmt == "gif":
                _, _, frames = check_gif(path)
                assert frames == expected_frames or o["diverged"], f"{path}: {frames} frames, expected {expected_frames}"
            if fmt == "svg": assert open(path).read().rstrip().endswith("</svg>"), path
            if fmt == "pdf": assert open(path, "rb").read().rstrip().endswith(b"%%EOF"), path
            figures += 1
    html = open(os.path.join(out, "index.html")).read()
    assert experiment in html and html.rstrip().endswith("</html>")
    diverged = sum(o["diverged"] for o in results["optimizers"])
    print(f"outputs ok: {len(results['optimizers'])} optimizers, {figures} figures, {diverged} diverged")


if __name__ == "__main__":
    main()
