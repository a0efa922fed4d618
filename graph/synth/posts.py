"""Post ids, post URLs, authors and timestamps, shaped the way each platform shapes them.

Ids come from per-platform serials (`unique.Serials`), so a post id is never reused on its platform,
and each is written in the platform's own form: Instagram shortcodes, 19-digit TikTok and X ids,
`channel/message` on Telegram, message ids on WhatsApp (whose group messages have no public URL).
"""

from __future__ import annotations

import random
import time

from graph.synth.identities import Account
from graph.synth.unique import Serials

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "whatsapp")
_SHORTCODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
# The collection window: about eighteen months, 1 September 2024 to 1 March 2026 (UTC).
WINDOW_START = 1725148800
WINDOW_END = 1772323200


class Posts:
    """Makes each advert's post id and URL, unique per platform."""

    def __init__(self, rng: random.Random) -> None:
        self._serials = {
            "facebook": Serials(9 * 10**15, rng),
            "instagram": Serials(64**11, rng),
            "tiktok": Serials(10**18, rng),
            "x": Serials(9 * 10**18, rng),
            "telegram": Serials(10**7, rng),
            "whatsapp": Serials(16**16, rng),
        }

    def make(self, platform: str, author: Account) -> tuple[str, str | None]:
        """A new (post_id, url) for an advert by `author` on `platform`."""
        value = self._serials[platform].draw()
        name = author.name
        if platform == "facebook":
            post = str(10**15 + value)
            return post, f"https://www.facebook.com/{name}/posts/{post}"
        if platform == "instagram":
            code = ""
            for _ in range(11):
                value, digit = divmod(value, 64)
                code += _SHORTCODE[digit]
            return code, f"https://www.instagram.com/p/{code}/"
        if platform == "tiktok":
            post = str(7 * 10**18 + value)
            return post, f"https://www.tiktok.com/@{name}/video/{post}"
        if platform == "x":
            post = str(10**18 + value)
            return post, f"https://x.com/{name}/status/{post}"
        if platform == "telegram":
            post = f"{name}/{value + 1}"
            return post, f"https://t.me/{post}"
        return f"3EB0{value:016X}", None


def author_record(account: Account) -> dict[str, str | None]:
    """The `author` object of the ingest format."""
    return {"handle": account.name, "id": account.id, "name": account.label}


def iso(timestamp: int) -> str:
    """ISO 8601 in UTC with a Z, as the ingest format writes dates."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))
