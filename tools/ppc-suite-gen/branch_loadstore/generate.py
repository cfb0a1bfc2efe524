#!/usr/bin/env python3
"""Regenerates tests/ppc/branch_*.s, load_*.s and store_*.s.

Run from the repository root; OXENON_SUITE_OUT overrides the output directory.
"""
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
for script in sorted(f for f in os.listdir(here) if f.startswith("gen_") and f.endswith(".py")):
    runpy.run_path(os.path.join(here, script), run_name="__main__")
