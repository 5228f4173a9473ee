#!/usr/bin/env python3
"""Decode a GIF with Pillow and print one checksum line per composed frame.

Test-only, and optional: an independent decoder to compare with the Swift tests' giflib-based
one (DecodedGIF). Each line is

    frame <n> <width>x<height> delay=<centiseconds> crc32=<8 hex digits>

where the checksum is zlib's CRC-32 over the composed frame's bytes as RGB, row by row: the
frame as a viewer shows it, after disposal and transparency. The Swift tests print the same
lines from their own decoder when DESCENT_GIF_CHECKSUMS names a GIF (see DecodeCheckTests). The header line gives the
screen size, the frame count and the NETSCAPE2.0 loop count ("none" when absent).

Usage: python3 decode_check.py file.gif   (needs Pillow: pip install pillow)
"""
import sys
import zlib

from PIL import Image


def main(path: str) -> None:
    with Image.open(path) as image:
        loop = image.info.get("loop")
        print(f"gif {image.width}x{image.height} frames={image.n_frames} loop={'none' if loop is None else loop}")
        for n in range(image.n_frames):
            image.seek(n)
            rgb = image.convert("RGB")
            delay = image.info.get("duration", 0) // 10
            print(f"frame {n} {rgb.width}x{rgb.height} delay={delay} crc32={zlib.crc32(rgb.tobytes()):08x}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: decode_check.py file.gif")
    main(sys.argv[1])
