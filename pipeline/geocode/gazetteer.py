"""Offline gazetteer: resolve place names (en/fr/uk/ru) to GeoNames settlements, ISO 3166-2
regions, seas and countries, and find place mentions in sentences.

    gaz = Gazetteer.load()                      # or default_gazetteer()
    gaz.resolve("la région de Koursk")          # Place(location_id='adm1:RU-KRS', ...)
    gaz.find_places("over the Bryansk and Kursk regions")   # [PlaceMatch(...), PlaceMatch(...)]

Data: ``data/gazetteer.csv`` (built by ``python -m pipeline.geocode.build``) and the hand-curated
``data/admin1.csv``. The index is a dict from folded token n-grams to entries; scanning is a
longest-match over tokens with fall-back variants (French transliteration, coarse key, Latin
adjectival forms, Cyrillic case endings) and a small amount of context (region words before or
after a coordinated list of names).
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from .normalize import (adjective_forms, cyrillic_lemmas, fold, french_to_english, inflect_phrase,
                        is_cyrillic, latin_adjective_stems, loose, tokenize)

__all__ = ["Place", "PlaceMatch", "Gazetteer", "default_gazetteer", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent / "data"
PRECISIONS = ("site", "settlement", "admin2", "admin1", "country", "unknown")


@dataclass(frozen=True)
class Place:
    location_id: str
    name: str
    geonames_id: int | None
    feature_code: str
    admin1: str
    admin1_code: str
    country_code: str
    latitude: float
    longitude: float
    geo_precision: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    place: Place


# --- entry kinds in the index ------------------------------------------------------------------
S, A, J, T = "S", "A", "J", "T"   # settlement, area full name, oblast adjective alone, area stem
_MAX_N = 6

# words that put a name into "region" reading
_REGION_AFTER = {
    "region", "regions", "oblast", "oblasts", "oblast's", "province", "provinces", "krai", "kray",
    "krais", "territory", "republic", "regione", "регион", "региона", "региону", "регионе",
    "регионом", "регіон", "регіону", "регіоні", "регіоном", "область", "области", "областью",
    "областей", "областям", "областями", "областях", "області", "областю", "край", "края",
    "краю", "крае", "краем", "краев", "краях", "краї", "краєм",
}
_REGION_BEFORE = {"region", "regions", "region", "regions", "oblast", "oblasts", "province",
                  "provinces", "territoire", "krai", "republic", "republique", "regiao"}
_REGION_BEFORE_FR = {"region", "regions", "oblast", "oblasts", "province", "provinces",
                     "territoire", "republique", "krai"}
_BEFORE_LINK = {"of", "de", "du", "des", "the", "la", "le"}
_LIST_SEP = {"and", "et", "or", "ou", "de", "du", "des", "au", "aux", "the", "also", "as", "well",
             "и", "та", "і", "й", "або", "или", "а", "also"}
_DISTRICT_AFTER = {"district", "districts", "raion", "rayon", "municipality", "район", "районе",
                   "района", "районі", "району", "районах"}
_STREET = {"street", "st", "avenue", "prospekt", "rue", "boulevard", "ulitsa", "улица", "улице",
           "улицу", "улицы", "проспект", "проспекте", "проспекта", "переулок", "переулке", "вулиця",
           "вулиці", "вулицю", "проспекті", "провулок", "площадь", "площади", "площа", "площі"}
_GAP_OK = re.compile(r"^[\s\-‐‑–—*_]*(?:[dlDL]['’ʼ`])?$")
_LIST_GAP_OK = re.compile(r"^[\s,;*_&]*(?:[dDlL]['’])?$")  # an elision: "et d'Orel"
_ELIDED_LINK = re.compile(r"\s+[dD]['’]$")  # "région d'Orel": the link word is elided

_TOWARD = re.compile(r"(?i)\b(?:toward|towards|heading for|flying to|en route to|vers|en direction de|"
                     r"летевш\w* на|летящ\w* на|направлявш\w* на|на подлете к|на підльоті до|"
                     r"летіли на|що летіли на)\b")

# common words (folded) that are also names of small places, plus person names
_STOP = set("""
mir mira air nord sud est ouest lisa drone drones ukrainian russian russia's ukraine's soviet
star sever zarya svoboda pobeda progress mayak oktyabr oktyabrskiy oktyabrskoye pervomayskiy
pervomayskoye sovetskiy sovetskaya komsomolskiy molodyozhnyy kirova lenina pravda vostok yug
zapad sever zelensky zelenskyy zelenskiy putin shoigu peskov syrskyi budanov belousov gerasimov
klitschko trump biden macron lavrov zakharova ihnat yermak umerov sybiha kuleba podolyak
podoliak kadyrov prigozhin lukashenko gladkov khinshtein bogomaz starovoyt rusich
ленина кирова мира гагарина ленін леніна кірова мир мира свобода победа заря прогресс маяк октябрь восток юг запад север центр
зеленский зеленський путин путін шойгу песков сырский сирський буданов белоусов лукашенко
гладков хинштейн богомаз кадыров лавров захарова ігнат ермак єрмак умеров сибіга кулеба
надежда вера любовь слава дружба мирное мирный светлый красный новый новое новая
стрела нива урожай рассвет солнечный ясный
""".split())
# foreign capitals that are also Russian villages, rivers, weapons, outlets, common words
_STOP |= set("""
paris berlin london washington brussels bruxelles warsaw varsovie vienna vienne rome roma madrid
prague praha ankara istanbul tokyo beijing pekin tehran teheran bucharest budapest vilnius riga
tallinn helsinki oslo stockholm copenhagen amsterdam geneva geneve new york chicago
volga don desna oka neva kama ural bug dnieper dniepr волга дон десна ока нева
pantsir shahed geran geranium iskander kalibr kinzhal oniks onyx tornado grad uragan smerch buk
tor osa patriot shadow scalp taurus neptune flamingo lancet orlan zala gerbera bayraktar lyutyi
liutyi bober sapsan tochka sarmat oreshnik krasnopol
ukrainska pravda kommersant interfax tass ria novosti izvestia meduza suspilne ukrinform unian
reuters telegram
such may june july march mars april august mai juin juillet aout avril monday sunday today
""".split())
_FIRST_NAMES = set("""
vladimir volodymyr serhiy serhii sergei sergey sergiy oleksandr alexander aleksandr andrei andriy
andrii dmitry dmitri dmytro ivan anna olga maria yuri yuriy mikhail mykhailo vitaliy vitali oleg
igor ihor alexei alexey oleksiy pavel roman viktor nikolai mykola petro yulia boris denis vadim
vyacheslav valery valeriy ruslan bogdan bohdan evgeny yevgeny maxim maksym artem kirill
владимир володимир сергей сергій александр олександр андрей андрій дмитрий дмитро иван іван
анна ольга юрий юрій михаил михайло виталий віталій олег игорь ігор алексей олексій павел павло
роман виктор віктор николай микола петр петро юлия юлія борис денис вадим вячеслав валерий
руслан богдан евгений євген максим артем кирилл
""".split())

# function words / common capitalised sentence starters never taken as places
_STOP |= set("""
the a an and or of in on at to for from by with over near after before during since this that
these those there their they it its is was were be been has have had will would can could
not no yes all some any most more less many several each every other another new old
le la les un une des du de et ou au aux en dans sur sous par pour avec sans vers pres apres
avant depuis pendant selon ce cet cette ces il elle ils elles on nous vous leur leurs son sa ses
в во на над под по с со к ко от до из за у о об при через около после для без между и или но
а же ли не ни то это этот эта эти тот та те все всего всех как так также уже еще
у в на над під по з із зі до від для без між і й та або але це цей ця ці той усі всього як
також вже ще понад близько
""".split())


@dataclass(frozen=True)
class _Area:
    place: Place
    kind: str
    iso: str


class Gazetteer:
    """An in-memory index over the GeoNames extract and the curated admin1 table."""

    def __init__(self) -> None:
        # settlements (parallel lists)
        self._s_gid: list[int] = []
        self._s_name: list[str] = []
        self._s_fc: list[str] = []
        self._s_cc: list[str] = []
        self._s_iso: list[str] = []
        self._s_lat: list[float] = []
        self._s_lon: list[float] = []
        self._s_pop: list[int] = []
        self._s_place: dict[int, Place] = {}
        self._areas: list[_Area] = []
        self._area_by_iso: dict[str, int] = {}
        self._area_by_id: dict[str, int] = {}
        self._exact: dict[str, list[tuple[str, int, bool]]] = {}
        self._loose: dict[str, list[tuple[str, int, bool]]] = {}
        self._max_n = 1

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, path: str | Path | None = None, admin1_path: str | Path | None = None) -> "Gazetteer":
        """Load ``gazetteer.csv`` (default: the packaged one) and ``admin1.csv``."""
        g = cls()
        g._load_admin1(Path(admin1_path) if admin1_path else DATA_DIR / "admin1.csv")
        g._load_settlements(Path(path) if path else DATA_DIR / "gazetteer.csv")
        return g

    def _add(self, key: str, entry: tuple[str, int, bool], with_loose: bool = True) -> None:
        if not key:
            return
        lst = self._exact.get(key)
        if lst is None:
            self._exact[key] = [entry]
        elif entry not in lst:
            lst.append(entry)
        n = key.count(" ") + 1
        if n > self._max_n:
            self._max_n = min(n, _MAX_N)
        if with_loose:
            lk = loose(key)
            lst = self._loose.get(lk)
            if lst is None:
                self._loose[lk] = [entry]
            elif entry not in lst:
                lst.append(entry)

    @staticmethod
    def _key(name: str) -> str:
        return " ".join(t[2] for t in tokenize(name))

    def _load_admin1(self, path: Path) -> None:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            lid, kind = row["location_id"], row["kind"]
            iso = row["iso_code"]
            if kind == "sea":
                fc, prec, admin1, cc = "SEA", "admin1", row["name_en"], ""
            elif kind == "country":
                fc, prec, admin1, cc = "PCLI", "country", "", row["country_code"]
            else:
                fc, prec, admin1, cc = "ADM1", "admin1", row["name_en"], row["country_code"]
            place = Place(lid, row["name_en"], None, fc, admin1, iso, cc,
                          float(row["latitude"]), float(row["longitude"]), prec)
            idx = len(self._areas)
            self._areas.append(_Area(place, kind, iso))
            self._area_by_id[lid] = idx
            if iso:
                self._area_by_iso[iso] = idx
            for col in ("names_en", "names_fr"):
                for nm in filter(None, row[col].split("|")):
                    self._add(self._key(nm), (A, idx, True))
            for col, lang in (("names_uk", "uk"), ("names_ru", "ru")):
                for nm in filter(None, row[col].split("|")):
                    for form in inflect_phrase(nm, lang):
                        self._add(self._key(form), (A, idx, True))
                    words = nm.split()
                    if kind == "oblast" and len(words) == 2 and fold(words[1]) == "область":
                        for form in adjective_forms(words[0], lang):
                            self._add(self._key(form), (J, idx, True))
            for nm in filter(None, row["stems"].split("|")):
                self._add(self._key(nm), (T, idx, True))

    def _load_settlements(self, path: Path) -> None:
        add = self._add
        simple = re.compile(r"^[A-Za-z ]+$")
        other = re.compile(r"[^\w ]+|\d+")

        def key_of(nm: str) -> str:
            k = fold(nm)
            if other.search(k):
                k = " ".join(other.sub(" ", k).split())
            return k

        with open(path, encoding="utf-8", newline="") as fh:
            rd = csv.reader(fh)
            next(rd)
            for gid, name, names, fc, cc, _gn, iso, lat, lon, pop in rd:
                i = len(self._s_gid)
                self._s_gid.append(int(gid))
                self._s_name.append(name)
                self._s_fc.append(fc)
                self._s_cc.append(cc)
                self._s_iso.append(iso)
                self._s_lat.append(float(lat))
                self._s_lon.append(float(lon))
                self._s_pop.append(int(pop or 0))
                add(key_of(name), (S, i, True))
                if names:
                    for nm in names.split("|"):
                        k = nm.lower() if simple.match(nm) else key_of(nm)
                        add(k, (S, i, False))

    # ---------------------------------------------------------------- places
    def _settlement_place(self, i: int) -> Place:
        p = self._s_place.get(i)
        if p is None:
            iso = self._s_iso[i]
            a = self._area_by_iso.get(iso)
            admin1 = self._areas[a].place.name if a is not None else ""
            p = Place(f"gn:{self._s_gid[i]}", self._s_name[i], self._s_gid[i], self._s_fc[i], admin1,
                      iso, self._s_cc[i], self._s_lat[i], self._s_lon[i], "settlement")
            self._s_place[i] = p
        return p

    def area(self, code_or_id: str) -> Place | None:
        """The curated area by ISO code ('RU-VOR'), or location id ('sea:black-sea', 'cty:UA')."""
        i = self._area_by_iso.get(code_or_id)
        if i is None:
            i = self._area_by_id.get(code_or_id)
        return self._areas[i].place if i is not None else None

    def place_by_id(self, location_id: str) -> Place | None:
        if location_id.startswith("gn:"):
            try:
                gid = int(location_id[3:])
            except ValueError:
                return None
            try:
                return self._settlement_place(self._s_gid.index(gid))
            except ValueError:
                return None
        return self.area(location_id[5:] if location_id.startswith("adm1:") else location_id)

    def country(self, code: str) -> Place | None:
        return self.area(f"cty:{code}") if code else None

    # ---------------------------------------------------------------- lookup
    def _variants(self, keys: list[str], orig: list[str], strict: bool) -> list[tuple[str, int, bool]]:
        """Fall-back lookups for one n-gram: transliteration, coarse key, inflection."""
        key = " ".join(keys)
        found: list[tuple[str, int, bool]] = []
        seen = set()

        def take(entries):
            for e in entries or ():
                if e not in seen:
                    seen.add(e)
                    found.append(e)

        cyr = is_cyrillic(key)
        if not cyr:
            fr = french_to_english(key)
            if fr != key:
                take(self._exact.get(fr))
                take(self._loose.get(loose(fr)))
            take(self._loose.get(loose(key)))
            if not found and len(keys) == 1:
                for stem in latin_adjective_stems(key):
                    take([e for e in self._exact.get(stem, ()) if e[0] in (S, T)])
                    if found:
                        break
        else:
            take(self._loose.get(loose(key)))
            if len(keys) <= 2:
                combos = [[]]
                for k in keys:
                    opts = [k] + cyrillic_lemmas(k)
                    combos = [c + [o] for c in combos for o in opts][:40]
                for c in combos[1:] if len(keys) == 1 else combos:
                    cand = " ".join(c)
                    if cand == key:
                        continue
                    take(self._exact.get(cand))
        return found

    def _settlement_ok(self, i: int, exact: bool, strict: bool, cyr: bool = False) -> bool:
        """Variant matches (inflection, transliteration) must be towns, not hamlets: Cyrillic case
        endings are reliable (>= 1000 people), Latin coarse keys less so (>= 5000)."""
        if not strict:
            return True
        return exact or self._s_pop[i] >= (1000 if cyr else 5000)

    def _scan(self, text: str, strict: bool) -> list[dict]:
        toks = tokenize(text)
        n = len(toks)
        raw: list[dict] = []
        i = 0
        while i < n:
            hit = None
            for L in range(min(self._max_n, n - i), 0, -1):
                ok = True
                for j in range(i, i + L - 1):
                    if not _GAP_OK.match(text[toks[j][1]:toks[j + 1][0]]):
                        ok = False
                        break
                if not ok:
                    continue
                keys = [t[2] for t in toks[i:i + L]]
                orig = [text[t[0]:t[1]] for t in toks[i:i + L]]
                caps = [o[:1].isupper() for o in orig]
                if strict and not any(caps):
                    continue
                key = " ".join(keys)
                entries = self._exact.get(key)
                exact = True
                if entries and all(e[0] == T for e in entries):
                    # a stem alone: also look for the settlement spelled that way
                    more = [e for e in self._variants(keys, orig, strict) if e[0] == S]
                    entries = entries + more
                if (entries and L == 1 and is_cyrillic(key)
                        and all(e[0] == S and self._s_pop[e[1]] < 50000 for e in entries)):
                    # a small village spelled like an inflected town ("Липецке"): let both compete
                    entries = entries + [e for e in self._variants(keys, orig, strict)
                                         if e[0] == S and e not in entries]
                if entries and L == 1 and not is_cyrillic(key) and latin_adjective_stems(key):
                    for stem in latin_adjective_stems(key):
                        extra = [e for e in self._exact.get(stem, ()) if e[0] == S and e not in entries]
                        if extra:
                            entries = entries + extra
                            break
                if not entries:
                    if L > 3:
                        continue
                    entries = self._variants(keys, orig, strict)
                    exact = False
                if not entries:
                    continue
                # filters
                single_stop = ((L == 1 and keys[0] in _STOP) or (i > 0 and toks[i - 1][2] in _STREET)
                               or (L == 1 and keys[0] in _FIRST_NAMES and i + 1 < n
                                   and text[toks[i + 1][0]:toks[i + 1][0] + 1].isupper()
                                   and text[toks[i][1]:toks[i + 1][0]] == " "))
                ents = []
                for e in entries:
                    if e[0] == S:
                        if single_stop or len(key) < 3 or (strict and not caps[0]):
                            continue
                        if not self._settlement_ok(e[1], exact, strict, is_cyrillic(key)):
                            continue
                    elif e[0] in (J, T) and ((strict and not caps[0]) or (e[0] == T and single_stop)):
                        continue
                    elif e[0] == A and single_stop:
                        continue
                    ents.append(e)
                if ents:
                    hit = (L, ents, exact)
                    break
            if hit:
                L, ents, exact = hit
                raw.append({"i": i, "j": i + L, "entries": ents, "exact": exact,
                            "start": toks[i][0], "end": toks[i + L - 1][1]})
                i += L
            else:
                i += 1
        self._apply_context(text, toks, raw)
        return raw

    def _apply_context(self, text: str, toks: list, raw: list[dict]) -> None:
        """Mark names read as regions (region word after a coordinated list, or before it) or
        as districts, and extend spans over a following region word."""
        if not raw:
            return
        # group coordinated names: only separators / commas between consecutive matches
        groups: list[list[dict]] = [[raw[0]]]
        for prev, cur in zip(raw, raw[1:]):
            between = toks[prev["j"]:cur["i"]]
            gap_ok = all(t[2] in _LIST_SEP for t in between) and len(between) <= 3
            if gap_ok:
                starts = [prev["end"]] + [t[1] for t in between]
                ends = [t[0] for t in between] + [cur["start"]]
                gap_ok = all(_LIST_GAP_OK.match(text[a:b]) for a, b in zip(starts, ends))
            if gap_ok:
                groups[-1].append(cur)
            else:
                groups.append([cur])
        n = len(toks)
        for g in groups:
            for m in g:
                m.setdefault("ctx", None)
            last = g[-1]
            j = last["j"]
            # a following region / district word
            if j < n and _GAP_OK.match(text[last["end"]:toks[j][0]]):
                w = toks[j][2]
                if w in ("municipal", "urban", "city") and j + 1 < n and toks[j + 1][2] in _DISTRICT_AFTER:
                    j += 1
                    w = toks[j][2]
                if w in _REGION_AFTER or w in _DISTRICT_AFTER:
                    kind = "region" if w in _REGION_AFTER else "district"
                    for m in g:
                        m["ctx"] = kind
                    last["end"] = toks[j][1]
            # a preceding region word ("région de", "regions of", "oblast de")
            k = g[0]["i"] - 1
            steps = 0
            while k >= 0 and toks[k][2] in _BEFORE_LINK and steps < 2:
                k -= 1
                steps += 1
            if k >= 0 and toks[k][2] in (_REGION_BEFORE | _REGION_BEFORE_FR) and g[0]["ctx"] is None:
                # only if the link words were actually between (e.g. "region of X", "région de X")
                if (steps > 0 or toks[k][2] in ("oblast", "krai")
                        or _ELIDED_LINK.search(text[toks[k][1]:g[0]["start"]])):
                    for m in g:
                        if m["ctx"] is None:
                            m["ctx"] = "region"
            elif k >= 0 and toks[k][2] in ("district", "districts", "arrondissement", "arrondissements",
                                           "raion", "rayon") and g[0]["ctx"] is None:
                for m in g:
                    m["ctx"] = "district"

    # ---------------------------------------------------------------- choosing
    def _pick_settlement(self, idxs: list[tuple[int, bool]], country_hint: str | None,
                         admin_codes: set[str] | None = None) -> int | None:
        if not idxs:
            return None
        cands = idxs
        if admin_codes:
            sub = [c for c in cands if self._s_iso[c[0]] in admin_codes]
            if sub:
                cands = sub
        if country_hint:
            sub = [c for c in cands if self._s_cc[c[0]] == country_hint]
            if sub:
                cands = sub

        def score(c):
            i, primary = c
            fc = self._s_fc[i]
            return (math.log10(self._s_pop[i] + 10) + (1.3 if primary else 0.0)
                    + (0.7 if fc in ("PPLA", "PPLC") else 0.0), -self._s_gid[i])

        return max(cands, key=score)[0]

    def _choose(self, m: dict, country_hint: str | None, admin_codes: set[str] | None = None) -> Place | None:
        ents = m["entries"]
        ctx = m.get("ctx")
        areas_a = [e[1] for e in ents if e[0] == A]
        areas_t = [e[1] for e in ents if e[0] == T]
        areas_j = [e[1] for e in ents if e[0] == J]
        setts: dict[int, bool] = {}
        for e in ents:
            if e[0] == S:
                setts[e[1]] = setts.get(e[1], False) or e[2]
        sidx = list(setts.items())

        def area_pick(idxs):
            if not idxs:
                return None
            if country_hint:
                sub = [i for i in idxs if self._areas[i].place.country_code == country_hint]
                if sub:
                    idxs = sub
            # prefer oblast/krai/republic over city rows when read as a region
            idxs = sorted(set(idxs), key=lambda i: (self._areas[i].kind == "city", i))
            return self._areas[idxs[0]].place

        if ctx == "region":
            p = area_pick(areas_t + areas_a + areas_j)
            if p:
                return p
        if areas_a:
            return area_pick(areas_a)
        if sidx:
            si = self._pick_settlement(sidx, country_hint, admin_codes)
            sp = self._settlement_place(si)
            if areas_t and not ctx:
                # stem alone: keep the settlement only if it lies in that region
                if (sp.admin1_code not in {self._areas[i].iso for i in areas_t}
                        and self._s_pop[si] < 100000):
                    return area_pick(areas_t)
            return sp
        if areas_j:
            return area_pick(areas_j)
        if areas_t:
            return area_pick(areas_t)
        return None

    # ---------------------------------------------------------------- public API
    def find_places(self, text: str, lang: str | None = None, country_hint: str | None = None,
                    strict: bool = True) -> list[PlaceMatch]:
        """Place mentions in ``text``: longest, non-overlapping, in text order. ``strict``
        requires capitalised names and skips tiny villages reached only through variants."""
        if not text:
            return []
        raw = self._scan(text, strict)
        admin_codes = set()
        chosen: list[tuple[dict, Place]] = []
        for m in raw:
            p = self._choose(m, country_hint)
            if p is not None:
                chosen.append((m, p))
                if p.geo_precision == "admin1" and p.admin1_code:
                    admin_codes.add(p.admin1_code)
        out = []
        for m, p in chosen:
            if p.geo_precision == "settlement" and admin_codes and p.admin1_code not in admin_codes:
                p2 = self._choose(m, country_hint, admin_codes)
                if p2 is not None:
                    p = p2
            out.append(PlaceMatch(m["start"], m["end"], text[m["start"]:m["end"]], p))
        return out

    _RANK = {"site": 0, "settlement": 0, "admin2": 0, "admin1": 1, "country": 3}

    def resolve(self, text: str | None, lang: str | None = None,
                country_hint: str | None = None) -> Place | None:
        """The single best place for a location phrase ("la région de Koursk", "Liski, Voronezh
        Oblast", "над акваторией Черного моря", "Kharkov"). Most specific match wins (settlement
        over region over sea over country), earlier mentions first among equals."""
        if not text or not text.strip():
            return None
        text = text.replace("…", " ")
        matches = self.find_places(text, lang, country_hint, strict=True)
        if not matches:
            matches = self.find_places(text, lang, country_hint, strict=False)
        if not matches:
            return None

        def rank(pm: PlaceMatch):
            p = pm.place
            r = self._RANK.get(p.geo_precision, 4)
            if p.location_id.startswith("sea:"):
                r = 2
            return r

        best = min(matches, key=rank)
        # "drones flying toward Moscow" / "летевших на Москву": shot down on the approach, i.e. in
        # the surrounding region (the region whose stem is the city's name)
        if best.place.geo_precision == "settlement" and _TOWARD.search(text):
            for e in self._exact.get(fold(best.place.name), ()):
                if e[0] == T and self._areas[e[1]].iso != best.place.admin1_code:
                    return self._areas[e[1]].place
        # a settlement that contradicts the region named with it ("Gay … Krasnodar Krai"): the
        # settlement lookup found a namesake elsewhere, trust the region
        if best.place.geo_precision == "settlement":
            regions = [m.place for m in matches if m.place.geo_precision == "admin1" and m.place.admin1_code]
            if regions and best.place.admin1_code not in {r.admin1_code for r in regions}:
                return regions[0]
        return best.place

    def __len__(self) -> int:
        return len(self._s_gid)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()
