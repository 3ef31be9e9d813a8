"""Words that name a number or a rank (``sixty``, ``sixth``, ``XVIII``, ``zwanzigste``).

A spelling slip inside such a word is a change of number: ``sixty`` for ``sixth`` reads as a
slip, yet mending it changes what the quote proves. English is covered in full (cardinals,
ordinals, their plurals); French, German, Spanish, Italian, Portuguese and Dutch by their
cardinals and ordinals up to twenty, their tens and their large numbers; Roman numerals in any
language. Words are compared lower-cased.
"""

from __future__ import annotations

import re


def _listed(words: str) -> list[str]:
    return words.split()


_ENGLISH_UNITS = _listed(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen"
)
_ENGLISH_TENS = _listed("twenty thirty forty fifty sixty seventy eighty ninety")
_ENGLISH_LARGE = _listed("hundred thousand million billion trillion dozen score")
_ENGLISH_ORDINALS = _listed(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth"
    " fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth"
    " trillionth zeroth"
)
_ENGLISH_OTHER = _listed("once twice thrice half halves quarter quarters nought naught nil")

_FRENCH_CARDINALS = _listed(
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
    " vingt trente quarante cinquante soixante septante huitante octante nonante cent mille million"
    " milliard"
)
_FRENCH_OTHER = _listed("premier première premiers premières second seconde seconds secondes millier demi demie")
_GERMAN_UNITS = _listed("eins ein zwei drei vier fünf sechs sieben acht neun")
_GERMAN_TEENS = _listed("dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn")
_GERMAN_TENS = _listed("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
_GERMAN_OTHER = _listed("null zehn elf zwölf hundert tausend million milliarde")
_GERMAN_ORDINAL_STEMS = _listed("erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft")
_SPANISH = _listed(
    "cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
    " dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta"
    " ochenta noventa cien ciento mil millón millones primer tercer"
)
_ROMANCE_ORDINAL_STEMS = _listed(
    "primer segund tercer cuart quint sext séptim octav noven décim"  # Spanish
    " prim second terz quart quint sest settim ottav non decim"  # Italian
    " primeir terceir sétim oitav"  # Portuguese
)
_ITALIAN = _listed(
    "uno una due tre quattro cinque sei sette otto nove dieci undici dodici tredici venti trenta"
    " quaranta cinquanta sessanta settanta ottanta novanta cento mille mila milione"
)
_PORTUGUESE = _listed(
    "um uma dois duas três quatro cinco seis sete oito nove dez onze doze treze vinte trinta"
    " quarenta cinquenta sessenta setenta oitenta noventa cem cento mil milhão"
)
_DUTCH = _listed(
    "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien"
    " twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend miljoen"
    " eerste tweede derde vierde vijfde zesde zevende achtste negende tiende"
)

_ROMAN = re.compile(r"^(?=[mdclxvi]{2,}$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")


def _french_ordinal(cardinal: str) -> str:
    stem = {"cinq": "cinqu", "neuf": "neuv"}.get(cardinal, cardinal.removesuffix("e"))
    return stem + "ième"


def _all_words() -> frozenset[str]:
    english = _ENGLISH_UNITS + _ENGLISH_TENS + _ENGLISH_LARGE + _ENGLISH_ORDINALS + _ENGLISH_OTHER
    english += [w + "s" for w in [*_ENGLISH_LARGE, *_ENGLISH_ORDINALS, "ten", "one"]]
    english += [w.removesuffix("y") + "ies" for w in _ENGLISH_TENS]
    french = _FRENCH_CARDINALS + _FRENCH_OTHER + [w + "s" for w in ("vingt", "cent", "million", "milliard", "millier")]
    french += [_french_ordinal(w) + s for w in _FRENCH_CARDINALS[2:] for s in ("", "s")]
    compounds = [u + "und" + t for u in ("ein", *_GERMAN_UNITS[2:]) for t in _GERMAN_TENS]
    german = _GERMAN_UNITS + _GERMAN_TEENS + _GERMAN_TENS + _GERMAN_OTHER + compounds
    stems = _GERMAN_ORDINAL_STEMS + [w + "t" for w in _GERMAN_TEENS]
    stems += [w + "st" for w in [*_GERMAN_TENS, *compounds, "hundert", "tausend"]]
    german += [s + "e" + ending for s in stems for ending in ("", "n", "r", "s", "m")]
    romance = _SPANISH + _ITALIAN + _PORTUGUESE
    romance += [s + ending for s in _ROMANCE_ORDINAL_STEMS for ending in ("o", "a", "os", "as", "i", "e")]
    return frozenset(english + french + german + romance + _DUTCH)


NUMBER_WORDS = _all_words()


def is_number_word(word: str) -> bool:
    """Whether the lower-case ``word`` names a number or a rank."""
    return word in NUMBER_WORDS or _ROMAN.match(word) is not None
