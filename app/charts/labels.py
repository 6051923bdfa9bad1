"""Wrapping long labels, Thai included, without splitting a letter from its marks."""

import re
import unicodedata

# Thai leading vowels are written before the consonant they follow in speech: never end a
# line with one. These spacing vowels and the repetition mark belong to the syllable
# before them: never start a line with one.
LEADING = frozenset("เแโใไ")
TRAILING = frozenset("ะาำๅๆ")
ELLIPSIS = "…"

# Places inside a run without spaces where a line may end without cutting a syllable:
# before a leading vowel (it starts a syllable), after SARA A and MAI YAMOK (they end
# one), and after a slash. Thai has no spaces between words; this is no dictionary.
SOFT_BREAK = re.compile(r"(?<=[^\sเแโใไ])(?=[เแโใไ])|(?<=[ะๆ/])")


def glued(ch: str) -> bool:
    """Whether `ch` belongs to the character before it (a mark, or a trailing vowel)."""
    return unicodedata.category(ch) == "Mn" or ch in TRAILING


def clusters(word: str) -> list[str]:
    """`word` cut into the smallest pieces that may be split between lines."""
    pieces: list[str] = []
    for ch in word:
        if pieces and (glued(ch) or pieces[-1][-1] in LEADING):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def width_of(text: str) -> int:
    """How many spacing characters `text` has (Thai marks above and below take none)."""
    return sum(unicodedata.category(ch) != "Mn" for ch in text)


def break_word(word: str, width: int) -> list[str]:
    """`word` in pieces of at most `width` spacing characters, cut between clusters."""
    lines = [""]
    for piece in clusters(word):
        if lines[-1] and width_of(lines[-1] + piece) > width:
            lines.append("")
        lines[-1] += piece
    return lines


def soft_parts(word: str) -> list[str]:
    """`word` split at its soft breaks, never before a glued character."""
    parts: list[str] = []
    for part in SOFT_BREAK.split(word):
        if parts and part and glued(part[0]):
            parts[-1] += part
        elif part:
            parts.append(part)
    return parts


def tokens(text: str) -> list[tuple[str, str]]:
    """(glue, word) pairs: words split at spaces and at soft breaks (see SOFT_BREAK).

    glue is what joins a word to the one before on the same line: a space or nothing.
    """
    pairs = []
    for word in text.split():
        pairs += [(" " if i == 0 else "", part) for i, part in enumerate(soft_parts(word))]
    return pairs


def wrap_lines(text: str, width: int) -> list[str]:
    """`text` wrapped at spaces into lines of about `width`.

    A word up to half again as wide as a line keeps its own line; a longer one is cut
    between clusters (Thai has no spaces between words, so this can cut inside one).
    """
    lines: list[str] = []
    for glue, word in tokens(text):
        if lines and width_of(lines[-1] + glue + word) <= width:
            lines[-1] += glue + word
        elif width_of(word) <= width * 3 // 2:
            lines.append(word)
        else:
            lines.extend(break_word(word, width))
    return lines


def wrap_label(text: str, width: int = 14, max_lines: int = 3) -> str:
    """`text` wrapped to lines of about `width` characters, at most `max_lines` ("…")."""
    lines = wrap_lines(text, width)
    if len(lines) > max_lines:
        last = break_word(lines[max_lines - 1], width - 1)[0].rstrip()
        lines = [*lines[: max_lines - 1], last + ELLIPSIS]
    return "\n".join(lines)
