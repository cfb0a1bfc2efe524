#!/usr/bin/env python3
"""Regenerates tests/ppc/integer_*.s and system_*.s from the ISA model in model.py.

Run from the repository root; OXENON_SUITE_OUT overrides the output directory.
"""
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
for module in ["spec_add", "spec_logic", "spec_muldiv", "spec_rot", "spec_sys", "spec_mode32"]:
    importlib.import_module(module).all_()
