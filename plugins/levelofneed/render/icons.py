"""Home-screen icons and the web app manifest, made here rather than fetched or drawn by hand.

The icon is the continuum itself: four bars rising from green to red on a dark
square. It is written as a PNG with the standard library only, so the build needs no
image library and every build produces the same bytes.
"""

from __future__ import annotations

import json
import struct
import zlib

from ..guidance import Guidance
from . import paths

BACKGROUND = (0x1D, 0x35, 0x57)
BARS = ((0x00, 0x70, 0x3C), (0xFF, 0xDD, 0x00), (0xF4, 0x77, 0x38), (0xD4, 0x35, 0x1C))
SIZES = (180, 192, 512)
THEME_COLOUR = "#1d3557"


def icon_path(size: int) -> str:
    return f"assets/levelofneed/icon-{size}.png"


def icon_png(size: int) -> bytes:
    """A square PNG of ``size`` pixels. Bars stay inside the central 60%, the maskable safe zone."""
    margin = size // 5
    bar_width = (size - 2 * margin) // 7
    rows = []
    for y in range(size):
        row = bytearray(bytes(BACKGROUND) * size)
        for index, colour in enumerate(BARS):
            top = size - margin - (index + 1) * (size - 2 * margin) // 4
            if top <= y < size - margin:
                left = margin + index * 2 * bar_width
                row[left * 3:(left + bar_width) * 3] = bytes(colour) * bar_width
        rows.append(b"\x00" + bytes(row))
    return _png(size, size, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def manifest(guidance: Guidance, site_name: str) -> str:
    """The web app manifest. Addresses are relative to it, so the site works under any path.

    It opens on the home page, whose first screen asks "What are you worried about?" (no
    fragment: jumping to that heading would scroll the emergency banner away). Shortcuts go to
    the helper and to who to call, the home page's contacts.
    """
    icon = [{"src": icon_path(192), "sizes": "192x192", "type": "image/png"}]
    document = {
        "name": site_name,
        "short_name": guidance.partnership.short_name[:12],
        "description": f"Level of Need guidance from {guidance.partnership.name}",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            *({"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
              for size in (192, 512)),
            {"src": icon_path(512), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
        "shortcuts": [
            {"name": "Which level? A helper", "short_name": "Which level?", "url": paths.url_of(paths.WHICH_LEVEL),
             "icons": icon},
            {"name": "Who to call", "short_name": "Who to call", "url": "./#contacts", "icons": icon},
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
