#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The AppStream metadata validates without a warning, both as installed
(without -Dscreenshots_url, no screenshots) and with the screenshots'
addresses filled in; every screenshot it names is in data/screenshots/,
is a PNG of the size it states and smaller than 300 KB; every screenshot
and keyword list has a Dutch translation.

    check-metainfo.py TRANSLATED INSTALLED SCREENSHOTS-DIR"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_SIZE = 300 * 1024


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def validate(path):
    out = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain", path],
                         capture_output=True, text=True)
    print(out.stdout + out.stderr)
    if out.returncode != 0 or re.search(r"^[EW]: ", out.stdout, re.M):
        fail(f"appstreamcli validate finds errors or warnings in {path}")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def check_screenshots(translated, shots):
    root = ET.parse(translated).getroot()
    screenshots = root.findall("screenshots/screenshot")
    if len(screenshots) < 3:
        fail("fewer than three screenshots")
    for shot in screenshots:
        langs = {c.get(LANG) for c in shot.findall("caption")}
        if None not in langs or "nl" not in langs:
            fail("a screenshot without an English and a Dutch caption")
        for image in shot.findall("image"):
            path = os.path.join(shots, image.text.strip())
            if not os.path.isfile(path):
                fail(f"{path} is missing (build-aux/screenshots.sh takes it)")
            if os.path.getsize(path) > MAX_SIZE:
                fail(f"{path} is larger than 300 KB")
            size = png_size(path)
            stated = (int(image.get("width")), int(image.get("height")))
            if size != stated:
                fail(f"{path} is {size[0]}×{size[1]}, the metadata says {stated[0]}×{stated[1]}")
    langs = {k.get(LANG) for k in root.findall("keywords")} | \
        {k.get(LANG) for k in root.findall("keywords/keyword")}
    if "nl" not in langs:
        fail("no Dutch keywords")


def main():
    translated, installed, shots = sys.argv[1:4]
    if shutil.which("appstreamcli") is None:
        fail("appstreamcli is missing, so this test cannot run: apt-get install appstream")
    validate(installed)
    check_screenshots(translated, shots)
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                          "metainfo-screenshots.py")
    with tempfile.TemporaryDirectory() as tmp:
        published = os.path.join(tmp, "nl.veiligheidsplan.Veiligheidsplan.metainfo.xml")
        subprocess.run([sys.executable, script, translated, published,
                        "https://screenshots.invalid/data/screenshots"], check=True)
        validate(published)


if __name__ == "__main__":
    main()
