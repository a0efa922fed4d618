"""What may join adverts into a network: link strengths, generic hosts that never join, the hub rule.

An identifier's kind is read from its key (`phone:`, `payment:`, `email:`, `handle:`/`account:`, `url:`,
`domain:`), so the rule needs nothing but the keys the graph already holds.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from urllib.parse import urlsplit

from graph.identifiers.link import SHARED_DOMAINS, registered_domain

STRONG = "strong"
MEDIUM = "medium"
WEAK = "weak"
STRENGTHS = (STRONG, MEDIUM, WEAK)

# Strength of a link through an identifier of each kind (the key's prefix). An author's own adverts are
# always joined (they have one author); a mentioned handle is the same Account node as that author.
KIND_STRENGTH = {
    "phone": STRONG,
    "payment": STRONG,
    "email": STRONG,
    "handle": MEDIUM,
    "account": MEDIUM,
    "url": MEDIUM,
    "domain": WEAK,
}

# Hosts whose pages belong to everyone: platforms, messengers, payment services, link shorteners, link
# aggregators ("link in bio" pages) and free page builders. Ingest already gives them no Domain node
# (SHARED_DOMAINS); a link on one of them never joins either: the handle, phone or payment tag it names
# is extracted from it as an identifier of its own, and that identifier joins.
GENERIC_DOMAINS = SHARED_DOMAINS | frozenset(
    """whatsapp.net wa.link api.whatsapp.com telegra.ph tg.me vk.com vk.me ok.ru line.me signal.me signal.org
    threads.net pinterest.com reddit.com linkedin.com discord.gg discord.com imo.im skype.com zalo.me
    ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at tiny.cc rb.gy s.id t.ly v.gd bitly.com shorte.st
    lnkd.in tinyurl.at qrco.de
    linktr.ee linktree.com beacons.ai lnk.bio bio.link bio.site carrd.co taplink.cc taplink.ws
    campsite.bio msha.ke direct.me allmylinks.com solo.to many.link linkin.bio hoo.be komi.io
    google.com goo.gl forms.gle sites.google.com drive.google.com maps.google.com g.page g.co
    blogspot.com wordpress.com wixsite.com wix.com weebly.com site123.me jimdosite.com tumblr.com
    medium.com github.io netlify.app vercel.app
    wikipedia.org gov.uk europa.eu unhcr.org iom.int redcross.org icrc.org""".split()
)


@lru_cache(maxsize=200_000)
def strength(key: str) -> str | None:
    """How strongly the identifier with this key joins adverts; None when it never joins.

    Links on generic hosts and generic domains never join; so do links without a web host (app links).
    """
    kind, _, rest = key.partition(":")
    found = KIND_STRENGTH.get(kind)
    if found == WEAK:
        return None if rest in GENERIC_DOMAINS else WEAK
    if kind == "url":
        return MEDIUM if not is_generic_url(rest) else None
    return found


def is_generic_url(url: str) -> bool:
    """True for a link on a generic host (or without a web host at all)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return True
    domain = registered_domain(host) or host
    return domain in GENERIC_DOMAINS or host in GENERIC_DOMAINS


@lru_cache(maxsize=200_000)
def site(key: str) -> str | None:
    """The registered domain a `url:` or `domain:` key is on, else None."""
    kind, _, rest = key.partition(":")
    if kind == "domain":
        return rest
    if kind == "url":
        try:
            host = (urlsplit(rest).hostname or "").lower()
        except ValueError:
            return None
        return (registered_domain(host) or host) if host else None
    return None


def same_site(a: str, b: str) -> bool:
    """True when both keys are links or domains on one site: a link always comes with its domain, so
    neither says anything about the other's groups."""
    found = site(a)
    return found is not None and found == site(b)


def is_account(key: str) -> bool:
    """True for an Account key (an author or a handle named in an advert)."""
    return key.startswith(("handle:", "account:"))


@dataclass(frozen=True, slots=True)
class HubRule:
    """When an identifier is a hub: shared so widely that it says nothing about who works together.

    A public hotline, a famous account in @mentions or a shared link page is written in adverts of many
    unrelated networks; letting it join would merge them all into one meaningless giant. So:

    1. A *candidate* is an identifier mentioned by adverts of at least `min_accounts` distinct authors
       (an advert without author counts as one author of its own). Fewer authors cannot be "many
       unrelated" ones, and most identifiers never get this far, which keeps the rule cheap.
    2. Without any candidate, the adverts fall into *groups*: adverts joined by the same author or by
       non-candidate identifiers.
    3. Of a candidate's groups, those that another identifier ties too count as one: another candidate
       ties the groups it shares with this one (two or more) when it is not hub-like itself (fewer
       groups than its own limit) or when most of its own groups are among them. The phone and the
       handle of one network tie the same groups; two public hotlines do not.
    4. A candidate is a *hub* when the groups left, which share nothing else, reach the limit for its
       strength: it would be the only tie between that many otherwise unrelated groups. A hub does not
       join; it is marked in the graph with `hub: true` and a `hub_reason` that gives the numbers.

    Limits by strength: a phone or IBAN written by a few otherwise unrelated groups is how a network
    works (one number, several recruiting accounts); a handle named or a domain linked by as many is
    more likely a famous account or a common site. The defaults were measured on the synthetic corpus
    (bench/network_recovery.py; figures in docs/networks.md): with step 3, a planted network's own
    identifiers collapse to one or two groups, while public hotlines stay at hundreds of groups and
    famous accounts at 4 to 10 in 20,000 adverts (more as the corpus grows). Override them with the
    environment variables CROSSLINK_HUB_MIN_ACCOUNTS, CROSSLINK_HUB_MAX_GROUPS_STRONG, _MEDIUM and
    _WEAK, or the options of `crosslink networks rebuild`.

    Templates (near-duplicate texts, `graph.networks.templates`) follow the same idea: a template whose
    adverts fall into `max_groups_template` groups that share nothing else, by `min_accounts` authors or
    more, is a viral post or a headline, not one gang's text (CROSSLINK_HUB_MAX_GROUPS_TEMPLATE).
    """

    min_accounts: int = 3
    max_groups_strong: int = 8
    max_groups_medium: int = 4
    max_groups_weak: int = 4
    # A template (near-duplicate texts, graph.networks.templates) copied by this many groups that share
    # nothing else, by at least `min_accounts` authors, is a hub: a viral post or a headline.
    max_groups_template: int = 6

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or value < 2:
                raise ValueError(f"HubRule.{f.name} must be a whole number of at least 2, not {value!r}")

    def limit(self, strength: str) -> int:
        """The number of groups from which an identifier of this strength is a hub."""
        return {STRONG: self.max_groups_strong, MEDIUM: self.max_groups_medium, WEAK: self.max_groups_weak}[
            strength
        ]

    def reason(self, strength: str, groups: int, accounts: int) -> str:
        """The readable why of one hub, stored as its `hub_reason`."""
        return (
            f"joins {groups} groups of adverts that share nothing else (limit {self.limit(strength)} for a "
            f"{strength} link), mentioned by {accounts} accounts"
        )

    def template_reason(self, groups: int, accounts: int) -> str:
        """The readable why of a template that is a hub, stored on its links as `reason`."""
        return (
            f"copied by {groups} groups of adverts that share nothing else "
            f"(limit {self.max_groups_template}), by {accounts} accounts"
        )

    def describe(self) -> str:
        """The rule in one line, for reports."""
        return (
            f"candidates: identifiers in adverts of >= {self.min_accounts} authors; hubs: candidates "
            f"joining >= {self.max_groups_strong} (strong) / {self.max_groups_medium} (medium) / "
            f"{self.max_groups_weak} (weak) groups that share nothing else; templates copied by >= "
            f"{self.max_groups_template} such groups"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> HubRule:
        """The default rule with any CROSSLINK_HUB_* variables applied; ValueError names a bad one."""
        env = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            name = "CROSSLINK_HUB_" + f.name.upper()
            if env.get(name):
                try:
                    changes[f.name] = int(env[name])
                except ValueError:
                    raise ValueError(f"{name} must be a whole number, not {env[name]!r}") from None
        return replace(cls(), **changes)
