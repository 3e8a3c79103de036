"""Deterministic text for numbers and names, so that a re-import gives the same bytes."""
import hashlib
import re


def fmt(x, nd=1):
    """Fixed float formatting with `nd` decimals; -0 avoided."""
    v = round(float(x), nd)
    if v == 0:
        v = 0.0
    return f"{v:.{nd}f}"


def fmt_sig(x):
    """Compact deterministic number: integers above 1000, else 4 significant digits."""
    x = float(x)
    if abs(x) < 1e-9:
        return "0"
    if abs(x) >= 1000:
        return str(int(round(x)))
    s = f"{x:.4g}"
    if "e" in s:
        s = f"{x:.8f}".rstrip("0").rstrip(".")
    return s


def slug(text, limit=48):
    """Lower-case identifier made of [a-z0-9_], at most `limit` characters."""
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return s[:limit].rstrip("_") or "option"


def stable_hash(text):
    """A hash that, unlike hash(), is the same in every Python process (asset ages)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)
