#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Resolves the AppStream metadata's screenshots.

    metainfo-screenshots.py IN OUT [URL]

The metadata names each screenshot by its file in data/screenshots/.
AppStream accepts only web addresses there: with URL, each <image> becomes
URL/FILE; without one (or an empty one), the <screenshots> element is left
out, since there is no address of the project's own to give."""
import re
import sys


def main():
    source, target = sys.argv[1], sys.argv[2]
    url = sys.argv[3].rstrip("/") if len(sys.argv) > 3 else ""
    with open(source, encoding="utf-8") as f:
        text = f.read()
    if url:
        text = re.sub(r"(<image\b[^>]*>)([^<]+)(</image>)",
                      lambda m: m.group(1) + url + "/" + m.group(2).strip() + m.group(3), text)
    else:
        text = re.sub(r"\s*<!--(?:(?!-->).)*?screenshots(?:(?!-->).)*-->", "", text, flags=re.S)
        text = re.sub(r"\s*<screenshots>.*?</screenshots>", "", text, flags=re.S)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
