#!/usr/bin/env python3
"""Writes demo.expected: the picture demo.c promises, computed independently of the guest.

The same fixed-point (Q12) iteration as demo.c's, in Python's exact integers: `>>` on a
negative Python int floors, which is what an arithmetic shift right (srawi) does to a
two's-complement int32, and every intermediate stays well inside int32 (|z| <= 2 before each
step, |c| < 2.3), so C's 32-bit arithmetic and this agree exactly.
"""
import pathlib

WIDTH, HEIGHT, WORKERS, MAX_ITERATIONS, BITS = 64, 24, 6, 64, 12
SHADES = " .,-:;=+*%"


def cell(column, row):
    cx = -9216 + 192 * column + 96
    cy = -4608 + 384 * row + 192
    zr = zi = 0
    for n in range(MAX_ITERATIONS):
        zr2 = (zr * zr) >> BITS
        zi2 = (zi * zi) >> BITS
        if zr2 + zi2 > 4 << BITS:
            return SHADES[min(n - 1, 9)]
        for value in (2 * zr * zi, zr * zr, zi * zi):
            assert -(2**31) <= value < 2**31
        zi = ((2 * zr * zi) >> BITS) + cy
        zr = zr2 - zi2 + cx
    return "#"


lines = ["Oxenon: the Mandelbrot set, one row at a time across the six hardware threads"]
lines += ["".join(cell(c, r) for c in range(WIDTH)) for r in range(HEIGHT)]
lines.append(f"demo: {HEIGHT} rows by {WORKERS} hardware threads")
pathlib.Path(__file__).with_name("demo.expected").write_text("\n".join(lines) + "\n")
