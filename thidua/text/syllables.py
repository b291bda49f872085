"""Vietnamese orthography: split a written syllable into onset, rhyme and tone, and say whether it can exist.

A syllable is onset + rhyme (medial, nucleus, coda) + one tone mark. What can exist:
- the onset and rhyme combine as Quốc ngữ spells them (k/gh/ngh before i, e, ê, y; c/g/ng elsewhere;
  q only before the medial u; ă and â only with a final consonant…);
- a final p, t, c or ch takes only the sắc or nặng tone;
- the tone mark sits on the vowel that carries it: on the modified vowel (ê, ơ, ô, â, ă, ư; ơ in ươ,
  ê in iê) if there is one, else on the last vowel before a final consonant, else on the first of two
  vowels (mía, múa, mái) or the middle of three (ngoài, khuỷu). For oa, oe and uy with no final
  consonant both placements are in use: the old one on the first vowel ("hòa", as in the Quốc hiệu
  of Nghị định 30) and the new one on the second ("hoà").

Everything here is pure and cached: a plan repeats the same few hundred syllables.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Tones, numbered as Vietnamese grammars list them.
NGANG, SAC, HUYEN, HOI, NGA, NANG = range(6)
_TONE_MARKS = {"\u0301": SAC, "\u0300": HUYEN, "\u0309": HOI, "\u0303": NGA, "\u0323": NANG}
_MARK_OF_TONE = {tone: mark for mark, tone in _TONE_MARKS.items()}

VOWELS = frozenset("aăâeêioôơuưy")
MODIFIED = frozenset("ăâêôơư")
STOPS = ("ch", "c", "p", "t")

ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q r s t th tr v x".split())

# Rhymes as written after an onset other than q and gi (which spell part of the rhyme themselves).
RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oen oeo oet
    uân uâng uât uây
    uê uêch uênh
    uơ
    uy uya uych uyên uyêt uynh uyt uyu
    """.split()
)

# After q (always followed by the medial u): qua, quê, quý, quyết, quốc…
Q_RHYMES = frozenset(
    """
    ua uac uach uai uan uang uanh uao uat uay
    uăc uăm uăn uăng uăp uăt
    uâc uân uâng uât uây
    ue uen ueo uet
    uê uêch uên uênh uêt
    ui uit uy uych uyên uyêt uynh uyt
    uơ uôc
    """.split()
)

_FRONT = frozenset("ieêy")  # k, gh, ngh come before these; c, g, ng do not
_MEDIAL = ("oa", "oă", "oe", "uâ", "uê", "uơ", "uy")
_SWING = frozenset({"oa", "oe", "uy"})  # open rhymes whose tone placement has two styles


@dataclass(frozen=True, slots=True)
class Syllable:
    """One written syllable, lower case: its parts and what is wrong with it, if anything."""

    text: str  # as written, lower case, NFC
    base: str  # without the tone mark
    tone: int
    onset: str | None  # None: no reading of the letters as onset + rhyme
    rhyme: str | None
    problem: str | None  # None, "spelling", "stop-tone", "tones", "placement"
    style: str | None  # "old" / "new" for oa, oe, uy written with a tone; else None

    @property
    def key(self) -> str:
        """Placement-independent form, as the syllable list stores it: base + tone digit."""
        return f"{self.base}{self.tone}"

    @property
    def valid(self) -> bool:
        return self.problem is None


@lru_cache(maxsize=512)
def _letter(char: str) -> tuple[str, int, int]:
    """A letter as (letter without tone, tone, number of tone marks)."""
    decomposed = unicodedata.normalize("NFD", char)
    tones = [_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return bare, (tones[0] if tones else NGANG), len(tones)


def strip_tone(word: str) -> tuple[str, int, int, int]:
    """(word without its tone mark, tone, index of the marked letter or -1, number of marks)."""
    letters = []
    tone, where, marks = NGANG, -1, 0
    for index, char in enumerate(word):
        bare, letter_tone, count = _letter(char)
        letters.append(bare)
        if count:
            marks += count
            tone, where = letter_tone, index
    return "".join(letters), tone, where, marks


def with_tone(base: str, tone: int, index: int) -> str:
    """`base` with the tone mark of `tone` on its letter at `index`."""
    if tone == NGANG or index < 0:
        return base
    marked = unicodedata.normalize("NFC", base[index] + _MARK_OF_TONE[tone])
    return base[:index] + marked + base[index + 1 :]


def _readings(base: str) -> list[tuple[str, str]]:
    """Every way to read `base` as onset + rhyme that Quốc ngữ allows."""
    found = []
    for size in (3, 2, 1, 0):
        onset, rhyme = base[:size], base[size:]
        if size and onset not in ONSETS:
            continue
        if onset == "q":
            if rhyme in Q_RHYMES:
                found.append((onset, rhyme))
            continue
        if onset == "gi":
            # gia, giữ, giêng (the i of iê is not written twice)
            if (rhyme in RHYMES and rhyme[:1] != "i") or (("i" + rhyme) in RHYMES and rhyme[:1] == "ê"):
                found.append((onset, rhyme))
            continue
        if rhyme not in RHYMES:
            continue
        first = rhyme[0]
        if onset in ("k", "gh", "ngh") and first not in _FRONT:
            continue
        if onset in ("c", "ng", "g") and first in "eêy":
            continue  # written ke, ghe, nghe
        if onset == "c" and (first == "i" or rhyme.startswith(_MEDIAL)):
            continue  # ki, qua, quy
        if onset == "ng" and first == "i":
            continue  # nghi
        if onset == "g" and (rhyme.startswith(_MEDIAL[3:]) or (first == "i" and set(rhyme[1:]) & VOWELS)):
            continue  # g + i only in gì, gìn; gia is gi + a
        if onset in ("k", "gh", "ngh") and rhyme.startswith(("uy", "uê")):
            continue
        if rhyme.startswith("y") and len(rhyme) > 1 and onset:
            continue  # yê… only begins a syllable: tiên, not tyên
        if rhyme.startswith("iê") and not onset:
            continue  # …and iê never does: yên, not iên
        found.append((onset, rhyme))
    return found


def tone_positions(onset: str, rhyme: str) -> tuple[int, int]:
    """Where the tone mark goes, as an index into onset + rhyme: (old style, new style)."""
    skip = 1 if onset == "q" else 0  # the u of qu is part of the onset as far as the tone goes
    body = rhyme[skip:]
    offset = len(onset) + skip
    vowels = [i for i, c in enumerate(body) if c in VOWELS]
    if not vowels:  # pragma: no cover - every rhyme has a vowel
        return offset, offset
    modified = [i for i in vowels if body[i] in MODIFIED]
    if modified:
        place = modified[-1]
        return offset + place, offset + place
    coda = body[vowels[-1] + 1 :]
    if coda or len(vowels) == 1:
        place = vowels[-1]
    elif len(vowels) == 3:
        place = vowels[1]
    else:
        place = vowels[0]
        if body in _SWING and not skip:
            return offset + vowels[0], offset + vowels[1]
    return offset + place, offset + place


@lru_cache(maxsize=8192)
def analyse(word: str) -> Syllable:
    """Read one lower-case NFC word (letters only) as a Vietnamese syllable."""
    base, tone, where, marks = strip_tone(word)
    readings = _readings(base)
    if not readings:
        return Syllable(word, base, tone, None, None, "spelling", None)
    if marks > 1:
        onset, rhyme = readings[0]
        return Syllable(word, base, tone, onset, rhyme, "tones", None)
    best: Syllable | None = None
    for onset, rhyme in readings:
        if rhyme.endswith(STOPS) and tone not in (SAC, NANG):
            candidate = Syllable(word, base, tone, onset, rhyme, "stop-tone", None)
        elif tone != NGANG:
            old, new = tone_positions(onset, rhyme)
            if where not in (old, new):
                candidate = Syllable(word, base, tone, onset, rhyme, "placement", None)
            else:
                style = None if old == new else ("old" if where == old else "new")
                candidate = Syllable(word, base, tone, onset, rhyme, None, style)
        else:
            candidate = Syllable(word, base, tone, onset, rhyme, None, None)
        if candidate.valid:
            return candidate
        best = best or candidate
    assert best is not None
    return best


def spell(base: str, tone: int, style: str = "old") -> str:
    """Write `base` with `tone`, the mark placed as `style` ("old" or "new") places it."""
    readings = _readings(base)
    if not readings or tone == NGANG:
        return base
    old, new = tone_positions(*readings[0])
    return with_tone(base, tone, new if style == "new" else old)


_TONED = "".join(unicodedata.normalize("NFC", vowel + mark) for vowel in "aăâeêioôơuưy" for mark in _TONE_MARKS)
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđăâêôơư" + _TONED)


def is_vietnamese(word: str) -> bool:
    """`word` (lower case, NFC) is written with letters of the Vietnamese alphabet only."""
    return LETTERS.issuperset(word)
