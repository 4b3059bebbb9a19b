"""English and French claim rules: one sentence → proto-claims ("items").

``analyze_sentence`` reads the spans written by the components (triggers, counts, weapons,
places, dates) and builds items:

* count items — a number that counts weapons, with a role (launched / intercepted /
  lost_to_ew / hits) from the nearest trigger, a weapon (own, "of the drones", or inherited
  from the previous count of the sentence), a place ("28 over the Saratov region",
  "Belgorod (11)", "In the Voronezh region, 23 drones …", distributive "three each over A and
  B"), and flags (anaphoric "Of those", "76 d'entre eux"; pair "72 of 131"; "toward the
  capital");
* strike items — a non-negated hit / fire / damage statement, one per event region.

Items are merged into claims inside the sentence here; cross-sentence context (claimant
carry-over, merges with earlier launch figures, breakdown parents, headline dedup, dates)
is ``core``'s job.
"""

from __future__ import annotations

import re
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from . import _deps, budget
from .claimants import find_claimants, best_claimant

# ------------------------------------------------------------------ vocabulary

COARSE = {"drone": "drone", "missile": "missile", "ballistic_missile": "missile",
          "cruise_missile": "missile", "glide_bomb": "glide_bomb"}


#: "deux missiles de croisière Kh-101 sur les trois tirés", "two Kh-101 cruise missiles out of
#: the three fired": a longer weapon phrase (no verb, no place word) before an explicit whole
#: ("sur les", "des", "of the", "out of the", "parmi les") still pairs X of Y.
_X_WEAPON_OF_THE_Y = re.compile(
    r"\s*(?:(?!(?:and|et|or|ou|over|au-dessus|in|dans|near|près|were|was|have|has|had|ont|a|sont|été|"
    r"fired|launched|tirés?|lancés?|shot|abattus?|downed|destroyed|détruits?)\s)[\w'’\-]+\s+){1,6}"
    r"(?:sur\s+les|des|of\s+the|out\s+of\s+the|parmi\s+les)\s+", re.I)


def coarse(w: str | None) -> str:
    if not w or w == "unknown":
        return "unknown"
    return COARSE.get(w, "other" if w != "mixed" else "mixed")


ROLE_OF = {"INTERCEPT": "intercepted", "EW": "lost_to_ew", "LAUNCH": "launched", "STRIKE": "hits"}

_GAP_STOP = {
    "en": {"were", "was", "are", "is", "have", "has", "had", "been", "over", "above", "in", "into", "on",
           "at", "near", "and", "or", "which", "with", "from", "to", "toward", "towards", "against",
           "per", "each", "overnight", "by", "that", "the", "a", "an", "people", "who", "while",
           "as", "for", "during", "across", "but", "after", "before"},
    "fr": {"ont", "été", "sont", "a", "au-dessus", "dans", "sur", "en", "près", "par", "et", "ou",
           "qui", "dont", "avec", "depuis", "vers", "contre", "chacun", "chacune", "la", "le", "les",
           "nuit", "au", "aux", "à", "pendant", "lors", "selon", "mais", "ayant"},
}
_WEAPON_MODIFIER = re.compile(
    r"^(?:of|the|des|de|du|d['’]|ces|these|those|more|other|others|autres|additional|supplémentaires|"
    r"ukrainian|russian|ukrainiens?|ukrainiennes?|russes?|enemy|ennemis?|attack|strike|combat|kamikaze|"
    r"explosive|explosifs?|decoy|decoys|leurres?|long-range|longue|portée|type|types|de\s+type|"
    r"[\w\-]+-type|aircraft-type|unmanned|fixed-wing|d['’]attaque|jet-powered|à|réaction|et|and|"
    r"[A-Z][\w\-]+|uncrewed|naval|sea|aerial|aériens?|navals?|various|différents|shahed|guided|"
    r"high-precision|precision|tactical|tactiques?|operational-tactical|air-launched|sea-launched|"
    r"hostile|air|aircraft|de\s+croisière|air-to-surface)$", re.I)

_FOLLOW_OK = re.compile(
    r"^\s*(?:[,.;:)»\"]|$|[–—-]\s*(?:over|above|in|au-dessus|dans|sur|en)\b|over\b|above\b|in\b|near\b|across\b|on\b|au-dessus\b|dans\b|sur\b|en\b|à\b|près\b|"
    r"were\b|was\b|had\b|have\b|has\b|ont\b|avaient\b|ont\s+été\b|sont\b|ayant\b|a\s+été\b|"
    r"(?:launched|fired|lancée?s?|tirée?s?)\s*[,/;]|"
    r"each\b|chacun|of\b|out\s+of\b|des\b|d['’]entre\b|de\s+ces\b|de\s+ceux\b|others?\b|autres\b|more\b|"
    r"of\s+which\b|dont\b|and\b|et\b|or\b|ou\b|shot\b|downed\b|destroyed\b|intercepted\b|"
    r"abattus?\b|détruits?\b|interceptés?\b|neutralisés?\b|perdus?\b|locationally\b|flying\b|"
    r"approaching\b|heading\b|qui\b|se\b|lost\b|by\b|par\b|at\b|seule?s?\b|l['’](?:ont|a|avaient|avait)\s+été\b|\()", re.I)

_NEG_DAMAGE = re.compile(
    r"\b(?:no|without|not)\s+(?:\w+\s+){0,2}(?:damage|damaged|destruction|casualties\s+or\s+damage)|"
    r"no\s+damage|did\s+not\s+(?:cause|report)\s+(?:any\s+)?damage|caused\s+no\s+damage|"
    r"sans\s+(?:faire\s+de\s+|causer\s+de\s+|provoquer\s+de\s+)?(?:dégâts|dommages|victimes\s+ni\s+dégâts)|"
    r"aucun(?:e)?\s+(?:dégât|dommage|destruction)|pas\s+(?:fait\s+)?de\s+dégâts|n['’]a\s+pas\s+fait\s+de\s+dégâts|"
    r"only\s+debris|seulement\s+des\s+débris|just\s+debris|seuls\s+des\s+débris|"
    r"\bsans\s+(?:\w+\s+){1,3}(?:de\s+|d['’])?(?:victimes\s+ni\s+(?:de\s+)?)?(?:dégâts|dommages|destructions)|"
    r"\bwithout\s+(?:\w+\s+){1,3}(?:any\s+)?(?:damage|destruction)", re.I)

_ANAPHOR_BEFORE = re.compile(
    r"(?:\b(?:of|among)\s+(?:those|these|them|the\s+total|this\s+number)|\bof\s+which\b|"
    r"\b(?:parmi|sur)\s+(?:eux|ceux-ci|ce\s+nombre|ces\s+(?:\w+\s+)?(?:drones|appareils|missiles))|"
    r"\bdont\b|\bwhich\b|\bof\s+the\s+(?:\d+\s+)?(?:drones|missiles|uavs)\b|"
    r"\bsur\s+les\s+\d+\s+(?:drones|missiles|appareils))[\s,]*(?:\w+\s+){0,2}$", re.I)
_ANAPHOR_AFTER = re.compile(
    r"^\s*(?:of\s+(?:them|those|these|which|the\s+(?:\w+\s+){0,2}(?:drones|missiles|uavs|aircraft))|"
    r"d['’]entre\s+(?:eux|elles)|de\s+ces\s+(?:\w+\s+)?(?:drones|missiles|appareils|engins)|de\s+ceux-ci|"
    r"des\s+(?:drones|missiles|appareils)\b(?!\s+\w+\s+ont)|parmi\s+eux)", re.I)
_NONE_OF_BEFORE = re.compile(r"\b(?:none\s+of\s+the|not\s+one\s+of\s+the|no|aucun(?:e)?\s+(?:des|de\s+ces)|aucun(?:e)?)\s+$", re.I)
_DEF_BEFORE = re.compile(r"\b(?:the|both|all|les|ces|tous\s+les|les\s+deux)\s+(?:[\w\-]+\s+)?$", re.I)
_INTERCEPT_AFTER = re.compile(
    r"^\s*(?:[\w\-]+\s+){0,2}?(?:were|was|could\s+be|had\s+been|has\s+been|n['’](?:a|ont|avait|avaient)\s+(?:pu\s+)?(?:être|été))\s+"
    r"(?:\w+\s+)?(?:intercept\w*|shot\s+down|downed|destroyed|abattu\w*|détruit\w*)", re.I)
_NEG_INTERCEPT_AFTER = re.compile(
    r"^\s*(?:[\w\-]+\s+){0,2}?(?:(?:were|was|could|had|have)\s*(?:not|n['’]t|never)\s+(?:be\s+|been\s+)?|"
    r"n['’](?:ont|a|avaient|avait|ont\s+pas|a\s+pas)\s+(?:pas\s+|jamais\s+)?(?:pu\s+)?(?:être|été)\s+)"
    r"(?:intercept\w*|shot\s+down|downed|destroyed|abattu\w*|détruit\w*)", re.I)
_FAILED_TO_BEFORE = re.compile(
    r"\b(?:failed\s+to|could\s+not|couldn['’]t|were\s+unable\s+to|was\s+unable\s+to|n['’](?:a|ont)\s+pas\s+pu|"
    r"n['’](?:a|ont)\s+pas\s+réussi\s+à)\s+(?:intercept|shoot\s+down|down|intercepter|abattre)\s+"
    r"(?:the|any\s+of\s+the|les|aucun\s+des)\s+(?:[\w\-]+\s+)?$", re.I)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:cost|costs|price|expense|ability|capacity|capability|capable|means|way|ways|goal|aim|purpose|chance|odds|"
    r"coût|coûts|prix|capacité|capable|moyens?|objectif|but|chances?)\s+(?:of|to|for|de|d['’]|à|pour)\s+"
    r"(?:(?:the|an?|l['’]|la|le|les|un|une)\s*)?$|"
    r"\b(?:in\s+order\s+to|how\s+to|afin\s+d['’]|afin\s+de|pour\s+pouvoir|would\s+be\s+able\s+to|could\s+be\s+used\s+to)\s+$", re.I)
_NEAR_DESCRIPTOR_BEFORE = re.compile(
    r"^\s*,\s*(?:(?:située?|situé|located|a\s+(?:town|city|village))\s+)?(?:en\s+banlieue\s+(?:de|d['’])|dans\s+la\s+banlieue\s+(?:de|d['’])|"
    r"près\s+(?:de|d['’])|non\s+loin\s+(?:de|d['’])|aux\s+portes\s+(?:de|d['’])|à\s+\d+\s*km\s+(?:de|d['’])|"
    r"outside|near|on\s+the\s+outskirts\s+of|in\s+the\s+suburbs\s+of|a\s+suburb\s+of|just\s+outside|"
    r"\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:from|(?:north|south|east|west)\w*\s+of))\s+"
    r"(?:la\s+ville\s+(?:de|d['’])\s*|the\s+(?:city|capital)\s+of\s+|la\s+capitale\s+)?$", re.I)
_COMPOSITION = re.compile(
    r"^\W*(?:(?:among|of)\s+(?:them|these|those|the\s+(?:[\w\-]+\s+){0,2}?(?:missiles|drones|weapons|projectiles))\s*,?\s*"
    r"(?:were|was|there\s+were)\b|(?:they|these|those|the\s+(?:[\w\-]+\s+){0,2}?(?:missiles|drones|weapons))\s+"
    r"(?:included|comprised|were)\b|parmi\s+(?:eux|elles|ceux-ci|celles-ci|ces\s+(?:missiles|drones|engins|projectiles)|"
    r"les\s+(?:[\w\-]+\s+){0,2}?(?:missiles|drones|engins|projectiles))\s*,?\s*(?:figur\w+|on\s+(?:compt|trouv)\w+|"
    r"se\s+trouv\w+|il\s+y\s+(?:avait|a)|(?:étaient|était|sont|se\s+comptaient))\b|"
    r"(?:ils|elles|ceux-ci|celles-ci|ces\s+(?:missiles|drones|engins))\s+(?:comprenaient|incluaient|comptaient))", re.I)
_TOWARD_CAPITAL = re.compile(
    r"(?:flying|heading|headed|approaching|en\s+route)\s+(?:toward|towards|to|for)?\s*(?:the\s+capital|Moscow|the\s+city)|"
    r"(?:se\s+dirigeaient|se\s+dirigeant|volaient|en\s+approche)\s+(?:vers|de)\s+(?:la\s+capitale|Moscou)|"
    r"(?:(?:volaient|volant|se\s+dirigeaient|filaient|fonçaient)\s+)?en\s+direction\s+de\s+(?:la\s+capitale|Moscou)|"
    r"(?:(?:flying|heading|headed)\s+)?in\s+the\s+direction\s+of\s+(?:the\s+capital|Moscow)|bound\s+for\s+(?:the\s+capital|Moscow)|"
    r"(?:à\s+l['’]approche\s+de\s+(?:la\s+capitale|Moscou))", re.I)

_LAUNCH_AREA_BEFORE = re.compile(
    r"(?:\b(?:launched|fired|sent|flying|flew|coming|attacking)\s+(?:\w+\s+){0,3}from|"
    r"\bfrom\s+the\s+direction\s+of|\bfrom\s+(?:the\s+)?(?:airspace|area|territory|skies|waters)\s+(?:over|of)|"
    r"\bfrom\s+(?:occupied\s+)?|\bdepuis\s+(?:la\s+région\s+de\s+|le\s+territoire\s+de\s+|l['’]espace\s+aérien\s+(?:au-dessus\s+)?de\s+)?|"
    r"\b(?:tirés?|lancés?|lancées?|tirées?)\s+(?:\w+\s+){0,3}(?:depuis|de|à\s+partir\s+de|du|des)|"
    r"\bà\s+partir\s+(?:de|du|des)|\ben\s+provenance\s+(?:de|du|des)|\bdirection\s+(?:de|du|des)|"
    r"\b(?:launch(?:ed)?|tirs?)\s+(?:sites?|area|zone)\s+(?:in|near|of|de)|"
    r"\bfrom\s+(?:[\w\-]+\s+){0,2}(?:ships?|vessels?|warships?|submarines?|bombers?|aircraft|planes?|jets?|launchers?|"
    r"positions?|boats?)\s+(?:in|on|over|off|near|above)|"
    r"\b(?:based|stationed)\s+in|\bfrom\s+(?:the\s+)?(?:region|oblast)\s+of)"
    r"\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|occupied\s+|occupée\s+|"
    r"russian\s+|russes?\s+|régions?\s+(?:russes?\s+)?(?:de\s+|d['’])?|region\s+of\s+|\w+\s+regions?\s+of\s+)*"
    r"(?:(?-i:[A-ZÀ-Þ])[\w’'\-]+(?:\s+(?:and|et|,)\s+|,\s*|\s+))*$", re.I)

_PLACE_PREP_BEFORE = re.compile(
    r"(?:\b(?:over|above|in|into|near|across|on|at|outside|around|off|of)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+|region\s+of\s+|outskirts\s+of\s+|(?:sea)?port\s+of\s+|harbou?r\s+of\s+|settlement\s+of\s+)?"
    r"(?:(?:Russian-|Russia-|temporarily\s+|illegally\s+)?(?:annexed|occupied|Russian-held|Russian-controlled)\s+)?|"
    r"\b(?:au-dessus|à\s+l['’]approche|près|autour|aux\s+abords)\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]|de\s+|d['’])(?:(?:région|ville|régions|péninsule|oblast|oblasts|port|village|localité|commune)\s+(?:de\s+|d['’]))?|"
    r"\b(?:dans|sur|en|à|vers)\s+(?:la\s+|le\s+|les\s+|l['’])?(?:région\s+(?:de\s+|d['’])|ville\s+(?:de\s+|d['’])|oblast\s+(?:de\s+|d['’])|régions\s+(?:de\s+|d['’]))?|"
    r"\b(?:celle|celles)\s+(?:de\s+|d['’])|\bde\s+la\s+région\s+(?:de\s+|d['’])|\bainsi\s+que\s+(?:de\s+|d['’]|du\s+)?|"
    r"\b(?:des|les|chacune\s+des|each\s+of\s+the)\s+(?:régions|regions|oblasts)\s+(?:de\s+|d['’]|of\s+)?)$",
    re.I)

_COUNTRY_WORDS = {
    "RU": re.compile(r"\b(?:over\s+(?:the\s+)?Russian\s+(?:regions|territory|airspace)|over\s+Russia|in\s+Russia|"
                     r"au-dessus\s+(?:du\s+territoire\s+russe|de\s+la\s+Russie|des\s+régions\s+russes)|"
                     r"(?:sur|en)\s+territoire\s+russe)\b", re.I),
    "UA": re.compile(r"\b(?:over\s+Ukraine|across\s+Ukraine|in\s+Ukraine|au-dessus\s+de\s+l['’]Ukraine|en\s+Ukraine|"
                     r"(?:at|against|on)\s+Ukraine|contre\s+l['’]Ukraine|sur\s+l['’]Ukraine)\b", re.I),
}

# generic nouns the weapons helper may not cover (counted drones: "31 appareils ont été abattus")
_EXTRA_WEAPONS = {
    "fr": re.compile(r"\b(?:appareils|engins(?:\s+volants)?|aéronefs(?:\s+sans\s+pilote)?|drones?)\b", re.I),
    "en": re.compile(r"\b(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?)\b", re.I),
}
# weapon nouns with their class, overriding an "aircraft" reading: machine-translated "unmanned
# vehicles of aircraft type" / "véhicules aériens sans pilote de type avion" are drones; plain
# (aerial) bombs are the glide-bomb family; "N means of air attack" / "N targets" / "N cibles" of an
# air-force summary count every weapon (a mixed total)
_EXTRA_CLASSED = [
    (re.compile(r"\b(?:unmanned|uncrewed|pilotless)\s+(?:aerial\s+|air\s+)?(?:vehicles?|aircraft|apparatus(?:es)?)"
                r"(?:\s+of\s+(?:the\s+)?(?:an?\s+)?(?:aircraft|airplane|plane)[\s\-]type)?|"
                r"\b(?:véhicules?|appareils?|engins?)\s+(?:aériens?\s+)?sans\s+pilote(?:\s+de\s+type\s+(?:avion|aéronef))?|"
                r"\b(?:aircraft|airplane|plane)[\s\-]type\s+(?:drones?|UAVs?|unmanned\s+(?:aerial\s+)?vehicles?)|"
                r"\bdrones?\s+(?:de\s+type\s+(?:avion|aéronef)|of\s+(?:the\s+)?aircraft\s+type)", re.I), "drone"),
    (re.compile(r"\b(?:(?:aerial|aviation|air|guided|glide|gliding|air-dropped)\s+)?bombs?\b(?!\s+(?:shelters?|squads?|disposal|threats?|alerts?))|"
                r"\bbombes?(?:\s+(?:aériennes|guidées|planantes|d['’]aviation))?\b(?!\s+(?:anti-?abris?|abris))", re.I), "glide_bomb"),
    (re.compile(r"\b(?:means\s+of\s+(?:air|aerial)\s+attack|(?:air|aerial)[\s\-]attack\s+(?:means|weapons|assets)|"
                r"(?:aerial\s+|air\s+)?targets|moyens\s+d['’]attaque\s+aérienne|cibles(?:\s+aériennes)?)\b", re.I), "mixed"),
]

_COUNTLESS_INTERCEPT = re.compile(
    r"\b(?:repelled|repulsed|fended\s+off|thwarted|a\s+repoussé|ont\s+repoussé|avait\s+repoussé|avaient\s+repoussé|repoussé)\s+(?:an?|the|une|l['’])\s*(?:\w+\s+){0,2}(?:attack|attaque|raid)|"
    r"\b(?:drones?|UAVs?|appareils|missiles?)\s+(?:had|have|were|was|ont|avaient|avait)\s+(?:all\s+|tous\s+)?(?:been\s+|été\s+)?(?:shot\s+down|destroyed|intercepted|downed|abattus|détruits|interceptés|neutralisés)|"
    r"\ball\s+(?:the\s+)?drones\s+(?:had\s+been|were)\s+(?:shot\s+down|destroyed|intercepted)|"
    r"\btous\s+les\s+drones\s+(?:avaient\s+été|ont\s+été)\s+(?:abattus|détruits|interceptés)|"
    r"\bair\s+defen[cs]es?\s+(?:units\s+)?(?:had\s+|have\s+)?(?:destroyed|shot\s+down|intercepted|downed)\s+(?:the\s+|several\s+|all\s+|a\s+|two\s+)?(?:drones?|UAVs?|missiles?)\b", re.I)

# a wire dateline opening the lead ("Kyiv (AFP) -", "KYIV, Ukraine (AP) —", "May 21 (Reuters) -"):
# the place there is where the story was filed, not where anything happened
_DATELINE = re.compile(
    r"^\s*(?:[^()\n]{0,50}?\s*(?:\([^()\n]{1,25}\)\s*)?\((?:AFP|AP|Reuters|Ukrinform|TASS|RIA(?:\s+Novosti)?|Interfax(?:-Ukraine)?|UNIAN|dpa|DPA|"
    r"Xinhua|Anadolu|Bloomberg|CNN|BBC|Kyodo|EFE|ANSA|RFE/RL)\)\s*[-—–:]+\s*|[A-ZÀ-Þ]{3,}(?:[ \-][A-ZÀ-Þ]{2,})*(?:,\s*[A-ZÀ-Þ][\w'’\-]+){0,2}\s*[—–]\s+)")

# a weapon word that only names the kind of target ("artillery ammunition depot", "rocket fuel",
# "a drone factory", "usine de drones", "a storage site for Shahed drones")
_WEAPON_AS_TARGET_AFTER = re.compile(
    r"^[\s\-]*(?:fuel|propellant|ammunition|munitions?|depots?|plants?|factor(?:y|ies)|warehouses?|storage|production|"
    r"manufactur\w*|assembly|workshops?|arsenals?|components?|parts|launchers?|launch\s+(?:sites?|pads?)|"
    r"makers?|producers?|industry|programmes?|programs?)\b", re.I)
_WEAPON_AS_TARGET_BEFORE = re.compile(
    r"(?:\b(?:usines?|dépôts?|entrepôts?|stocks?|stockage|production|fabrication|ateliers?|composants?|carburant|"
    r"munitions|sites?\s+de\s+(?:lancement|stockage|production)|site)\s+(?:de\s+|d['’]|des\s+|pour\s+(?:les\s+)?)|"
    r"\b(?:sites?|depots?|plants?|factor(?:y|ies)|warehouses?|storage|facilit(?:y|ies)|workshops?)\s+(?:for|of|storing|producing|making|"
    r"that\s+(?:makes?|produces?|stores?|assembles?))\s+(?:the\s+)?|\b(?:producing|produces|produce|makes|making|assembl(?:es|ing))\s+)"
    r"(?:[\w\-]+\s+){0,2}$", re.I)

# a carrier over a region: the region is where the weapon was released, not the event place
# ("bombs dropped by Russian aircraft flying over the Belgorod region")
_CARRIER_BEFORE = re.compile(
    r"\b(?:aircraft|bombers?|jets?|planes?|warplanes?|helicopters?|warships?|submarines?|avions?|bombardiers?|"
    r"navires?\s+de\s+guerre|sous-marins?|aviation)\s+(?:[\w\-]+\s+){0,2}?(?:flying\s+|operating\s+|opérant\s+|volant\s+|"
    r"positioned\s+)?(?:over|above|from|au-dessus\s+(?:de|du|des)|depuis)\s+(?:the\s+|la\s+|le\s+|l['’]|de\s+la\s+)?"
    r"(?:[\w\-]+\s+){0,2}$", re.I)
# a sea named only as an attribute ("the Black Sea port city of Odesa", "the Black Sea Fleet")
_SEA_ATTRIBUTE_AFTER = re.compile(r"^\s*(?:port|ports|coast|coastal|Fleet|fleet|resort|city|seaport|region['’]s)\b")
_SEA_ATTRIBUTE_BEFORE = re.compile(r"(?:\bflotte\s+(?:russe\s+)?(?:de\s+la|du)\s+|,\s*(?:sur|on)\s+(?:la\s+|the\s+)|\b(?:sur\s+les\s+bords|au\s+bord|côte)\s+de\s+la\s+)$", re.I)

# a count of places or sites states an overall strike over a list of regions ("hit in 3 oblasts",
# "sur six sites", "at nine locations"), as does a "massive"/"large-scale" strike or attack
_NUM_WORD = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|"
             r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|plusieurs)")
_SITE_COUNT = re.compile(
    r"\b(?:at|in|on|across|over|sur|dans|à|en)\s+(?:the\s+|les\s+)?" + _NUM_WORD +
    r"\s+(?:[\w\-]+\s+)?(?:locations|sites|oblasts|regions|régions|localités|places|endroits|emplacements|lieux|points|spots|facilities|installations|districts)\b|"
    r"\b" + _NUM_WORD + r"\s+(?:oblasts|regions|régions)\b", re.I)
_OVERALL_STRIKE = re.compile(r"\b(?:massive|large-scale|combined|massif|massive|d['’]ampleur|de\s+grande\s+ampleur)\b", re.I)

# a countless interception in the passive ("all attacks had been repelled", "toutes les attaques
# avaient été repoussées")
_PASSIVE_REPELLED = re.compile(
    r"\b(?:(?:the|all|toutes?\s+les|l['’])\s*)?(?:attacks?|attaques?|raids?)\s+(?:had|have|has|were|was|avaient|avait|ont|a)\s+"
    r"(?:all\s+|toutes\s+)?(?:been\s+|été\s+)?(?:repelled|repulsed|thwarted|repoussée?s?)\b", re.I)

# contrast between the outlet's account and an official's ("..., though Gov. X said all drones
# were shot down", "..., mais le maire a assuré que ...", "..., bien que le gouverneur ait affirmé")
_CONTRAST = re.compile(
    r"(?:,|;|—|–)\s*(?:though|although|even\s+though|but|however|yet|whereas|mais|bien\s+qu['’e]|quoique|alors\s+qu['’e]|"
    r"tandis\s+qu['’e]|même\s+si|cependant|pourtant|toutefois)\b", re.I)

# "did not comment", "n'a pas commenté": no claim
_NO_COMMENT = re.compile(
    r"\b(?:did\s+not\s+(?:immediately\s+)?comment|has\s+not\s+(?:yet\s+)?commented|declined\s+to\s+comment|made\s+no\s+comment|"
    r"no\s+immediate\s+comment|n['’]a\s+pas\s+(?:encore\s+)?(?:commenté|réagi)|n['’]ont\s+pas\s+(?:encore\s+)?(?:commenté|réagi)|"
    r"s['’]est\s+refusée?\s+à\s+tout\s+commentaire|n['’]a\s+fait\s+aucun\s+commentaire)\b", re.I)

# relative clauses describing a place or target ("…, from which Russia regularly sends drones",
# "…, qui produit du carburant"): their tense and frequency words are not the claim's
_REL_CLAUSE = re.compile(
    r",\s*(?:(?:from|in|at|of|through|by|via)\s+which|which|where|who|qui|où|d['’]où|par\s+(?:lequel|laquelle|lesquels|lesquelles|où))\b[^,;.]*",
    re.I)

# long-range precision weapons (RU MoD): a missile-type weapon of unstated kind
_PRECISION = re.compile(r"\b(?:precision(?:-guided)?\s+weapons?|high-precision|armes?\s+de\s+(?:haute\s+)?précision|précision\s+à\s+longue\s+portée)\b", re.I)

_DROP_VERB = re.compile(r"^(?:dropp\w*|drops|largu\w*|lâch\w*)$", re.I)
_ON_PLACE_AFTER = re.compile(
    r"^\s*(?:(?:[\w\-]+|\([^()]{1,30}\))\s+){0,3}?(?:on|onto|upon|at|sur|contre)\s+(?!(?:its|their|the\s+)?(?:own\s+)?(?:territory|airspace)\b)", re.I)
# "struck overnight with 71 drones": the strike verb introduces the launch figure, not a hit
_STRIKE_WITH = re.compile(
    r"^\s+(?:(?:overnight|again|at\s+night|during\s+the\s+night|on\s+\w+|dans\s+la\s+nuit|cette\s+nuit|de\s+nouveau|encore)\s+)*"
    r"(?:with|using|avec|au\s+moyen\s+de)\s+(?:(?:at\s+least|some|about|around|more\s+than|over|au\s+moins|près\s+de|plus\s+de|environ)\s+)?"
    r"(?:\d|[a-zà-ÿ\-]+\s+(?:[\w\-]+\s+)?(?:drones?|missiles?|UAVs?|bombs?|bombes?|rockets?|roquettes?|Shaheds?))", re.I)

_CORRECTION_BEFORE = re.compile(
    r"(?:\b(?:revis\w*|rais\w*|lower\w*|updat\w*|correct\w*|adjust\w*|increas\w*|brought|put|amended|upped)\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:figure|tally|count|toll|total|number|estimate)s?\s+(?:up\s+|down\s+)?to|"
    r"\b(?:figure|tally|count|toll|total|number)s?\s+(?:(?:had|has|have|then|later|now|since|subsequently)\s+)*"
    r"(?:risen|rose|climbed|grown|grew|increased|jumped|reached|stood|stands|was\s+revised|was\s+raised|was\s+updated|went\s+up)\s+(?:to|at)|"
    r"\b(?:now|since)\s+stands?\s+at|\bstands?\s+now\s+at|"
    r"\b(?:figure|tally|count|toll|total|number)s?\s+(?:is|are|was)\s+now|"
    r"\b(?:porté|relevé|révisé|corrigé|revu|actualisé|ajusté)\s+(?:à\s+la\s+hausse\s+)?(?:son|le|leur|ce)\s+(?:bilan|décompte|chiffre|nombre|total)"
    r"(?:\s+à\s+la\s+hausse)?\s+(?:à|de)|"
    r"\b(?:bilan|décompte|chiffre|nombre|total)\s+(?:[\w'’]+\s+){0,2}?(?:est\s+(?:désormais\s+)?passé|s['’]élève\s+désormais|"
    r"atteint\s+désormais|a\s+été\s+(?:porté|relevé|révisé|corrigé)|est\s+désormais\s+de|passe)\s+à|"
    r"\bfait\s+désormais\s+état\s+de|\bdésormais\s+(?:à|de)|\bnow\s+(?:says?|reports?|puts?\s+the\s+(?:figure|number|tally)\s+at))"
    r"\s*(?:(?:some|about|around|at\s+least|au\s+moins|environ|près\s+de)\s+)?$", re.I)

_SAME_NUMBER = re.compile(r"\b(?:the\s+same\s+number|as\s+many|autant|le\s+même\s+nombre)\b", re.I)

TARGETS = [
    (r"oil\s+refiner(?:y|ies)|raffineries?(?:\s+de\s+pétrole)?|refiner(?:y|ies)", "oil refinery"),
    (r"oil\s+depots?|fuel\s+depots?|dépôts?\s+(?:pétroliers?|de\s+carburant|de\s+pétrole)|oil\s+storage|fuel\s+storage|"
     r"stockage\s+de\s+(?:carburant|pétrole)|"
     r"réservoirs?\s+de\s+pétrole|fuel\s+tanks?|réservoirs?\s+de\s+carburant|chars?\s+de\s+carburant", "oil depot"),
    (r"oil\s+pumping\s+station|station\s+de\s+pompage", "oil pumping station"),
    (r"(?:power|electrical)\s+substations?|sous-stations?(?:\s+électriques?)?|substations?", "power substation"),
    (r"energy\s+(?:infrastructure|facilit(?:y|ies)|sites?)|infrastructures?\s+énergétiques?|installations?\s+énergétiques?|"
     r"power\s+(?:plants?|station|grid|lines?)|centrales?(?:\s+\w+)?|lignes?\s+électriques?", "energy infrastructure"),
    (r"gas\s+(?:infrastructure|facilit(?:y|ies)|production\s+facility)|installations?\s+gazières?|infrastructures?\s+gazières?", "gas infrastructure"),
    (r"air\s*(?:base|field)s?|airbase|aérodromes?|bases?\s+aériennes?", "airfield"),
    (r"ammunition\s+depots?|arsenals?|dépôts?\s+de\s+munitions", "ammunition depot"),
    (r"port\s+infrastructure|infrastructures?\s+portuaires?|ports?\b|terminals?", "port infrastructure"),
    (r"aviation\s+plant|usines?\s+d['’]aviation|aircraft\s+plant", "aviation plant"),
    (r"chemical\s+plant|usines?\s+chimiques?", "chemical plant"),
    (r"(?:industrial|defen[cs]e)\s+(?:enterprises?|facilit(?:y|ies)|sites?|plants?|zones?)|entreprises?\s+industrielles?|"
     r"sites?\s+industriels?|zones?\s+industrielles?|military-industrial\s+enterprises?|entreprises?\s+du\s+complexe\s+militaro-industriel", "industrial facility"),
    (r"residential\s+(?:buildings?|high-rise|area|district)|apartment\s+(?:buildings?|blocks?)|immeubles?(?:\s+d['’]habitation)?|"
     r"bâtiments?\s+résidentiels?|quartiers?\s+résidentiels?|high-rise|nine-storey\s+building", "residential building"),
    (r"private\s+hous(?:e|es)|houses|homes|(?:residential|private|family|country)\s+house|(?:a|the|one)\s+house|maisons?(?:\s+particulières?|\s+privées?)?", "private houses"),
    (r"warehouses?|entrepôts?|storage\s+(?:buildings?|facilit(?:y|ies))", "warehouse"),
    (r"radar\s+stations?|stations?\s+radar", "radar station"),
    (r"air[- ]defen[cs]e\s+systems?|systèmes?\s+de\s+défense\s+(?:anti)?aérienne|Pantsir(?:-S1)?|S-[34]00|Buk(?:-M\d)?|Tor-M\d", "air defence system"),
    (r"fuel\s+depots?|dépôts?\s+de\s+carburant", "oil depot"),
    (r"ships?|vessels?|tankers?|navires?|pétroliers?|landing\s+ship", "vessel"),
    (r"schools?|écoles?", "school"),
    (r"cars?|vehicles?|voitures?|véhicules?|bus|minibus|trucks?|camions?", "vehicle"),
    (r"infrastructure|infrastructures?", "infrastructure"),
]
_TARGET_RES = [(re.compile(r"\b(?:%s)\b" % p, re.I), name) for p, name in TARGETS]

_BACKGROUND = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning)\s+of\s+(?:the\s+year|this\s+year|the\s+month|\w+\b(?!\s+war))|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})|"
    r"depuis\s+(?:le\s+début\s+(?:de\s+l['’]année|du\s+mois|de\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\d{4})|"
    r"so\s+far\s+this\s+(?:year|month)|this\s+year|cette\s+année|last\s+month|le\s+mois\s+dernier|per\s+(?:day|month)|a\s+day\b|par\s+(?:jour|mois)|"
    r"regularly|repeatedly|régulièrement|à\s+plusieurs\s+reprises|has\s+(?:increased|expanded|stepped\s+up|intensified)|have\s+intensified|"
    r"a\s+(?:intensifié|multiplié|accru)|\bintensifi(?:e|es|ent|y|ies|ying)\s+(?:ses|leurs|its|their)\b|campaign|campagne|in\s+general|en\s+général|production\s+(?:of|targets?|plans?|capacity|rates?|lines?|de)|"
    r"produc(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}\d|produire|manufactur|fabriqu|has\s+(?:also\s+)?lost|have\s+lost|a\s+perdu|ont\s+perdu|"
    r"armou?red\s+(?:fighting\s+)?vehicles|\bneeds?\b|\bbillion|milliards?|\bpledge|\baid\s+package|are\s+aimed\s+at|is\s+aimed\s+at|"
    r"budget|GDP|PIB|prisoners?|prisonniers?|exchange|échange|air[- ]raid\s+alerts?|alertes?\s+aériennes?|l['’]alerte\s+aérienne|sanctions|"
    r"moratorium|moratoire|ceasefire|cessez-le-feu|talks|pourparlers|negotiat|négociat|calls\s+such\s+attacks|"
    r"is\s+(?:regularly|frequently|often)|est\s+régulièrement|often|souvent|usually|typically|every\s+night|chaque\s+nuit|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)|"
    r"en\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b(?!\s+\d)|"
    r"throughout\s+the\s+(?:month|year|war)|record\s+(?:number|monthly)|au\s+cours\s+du\s+mois|during\s+the\s+month|"
    r"total\s+of\s+[\d,\s]+\s+(?:drones|missiles)\s+(?:in|since|this|last)|losses|pertes|"
    r"since\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:special\s+military\s+)?operation|"
    r"depuis\s+le\s+début\s+de\s+l['’]opération|several\s+times|many\s+times|more\s+than\s+once|plusieurs\s+fois|"
    r"frequent\s+target|cible\s+(?:fréquente|régulière)|"
    # politics: "X not on the table", "ruled out", "à l'ordre du jour", "would change nothing"
    r"(?:not|n['’]est\s+pas|ne\s+sont\s+pas|pas)\s+(?:on|sur)\s+(?:the\s+|la\s+)?(?:table|agenda)|off\s+the\s+table|\brul(?:ed|es|ing)\s+out|"
    r"à\s+l['’]ordre\s+du\s+jour|\bpas\s+exclu|\bexclut\b|would\s+(?:not\s+)?(?:change|alter)\s+(?:nothing|anything)|"
    r"deliver(?:y|ies)\s+of|livraisons?\s+de|(?:a|ont|aurait|auraient|avait|avaient)\s+perdu|(?:would|may|might)\s+have\s+lost)", re.I)


# ------------------------------------------------------------------ data


@dataclass
class Count:
    num: Any
    value: int | None
    qualifier: str | None
    role: str | None = None
    weapon: str | None = None
    model: str | None = None
    weapon_own: bool = False
    places: list = field(default_factory=list)
    place_multi: bool = False
    distributive: bool = False
    anaphor: bool = False
    pair_launched: int | None = None
    all_of: bool = False
    all_but: bool = False
    toward_capital: bool = False
    attacker: str | None = None
    all_anaphor: bool = False      # "the missiles were destroyed", "both were downed": all of the launched group
    weak_role: bool = False        # role from a reporting verb ("fait état de", "reported")
    coord: bool = False            # coordinated with the previous count ("45 drones and both missiles")
    correction: bool = False       # a revised figure ("revised the figure to 34", "porté son bilan à 24")
    rules: list = field(default_factory=list, compare=False)   # rule ids (without the language prefix)


@dataclass
class Item:
    event_type: str
    weapon: str = "unknown"
    model: str | None = None
    launched: int | None = None
    intercepted: int | None = None
    lost_to_ew: int | None = None
    hits: int | None = None
    qualifier: str | None = None
    place: Any = None              # Plc
    location_text: str | None = None
    country_hint: str | None = None
    attacker: str | None = None
    target: str | None = None
    ambiguous: bool = False
    anaphor: bool = False
    toward_capital: bool = False
    all_but: bool = False
    all_anaphor: bool = False
    approx_role: str | None = None  # role of an approximate count without value ("une cinquantaine de drones abattus")
    parent: int | None = None       # index into the sentence's items
    is_total: bool = False
    multi_place: bool = False
    correction: bool = False        # a revised figure: replaces the matching earlier claim's figure (core)
    pos: int = 0
    notes: list = field(default_factory=list)
    rules: list = field(default_factory=list, compare=False)   # ids of the rules that made or changed it

    @property
    def counts(self):
        return (self.launched, self.intercepted, self.lost_to_ew, self.hits)


@dataclass
class SentenceResult:
    items: list
    claimant: Any = None                 # ClaimantMention or None
    claimants: list = field(default_factory=list)
    anaphoric_attrib: bool = False        # "it said", "he said", "the ministry said", "selon la même source"
    attribution_only: bool = False        # sentence names a claimant but asserts nothing ("C'est ce qu'a annoncé …")
    event_places: list = field(default_factory=list)
    weapons: list = field(default_factory=list)
    background: bool = False
    explicit_attacker: str | None = None
    country_hint: str | None = None
    contrast: list = field(default_factory=list)   # positions of ", though" / ", mais" / ", bien que"
    narrative: list = field(default_factory=list)  # positions of ", as …" clauses


# ------------------------------------------------------------------ helpers


# an institution as the subject of a tally verb ("The defence ministry put the figure at …",
# "Le ministère a chiffré / fixé le bilan à …", "The air force estimated …"): a source of the figures
_TALLY_VERB = re.compile(
    r"^\s*(?:(?:also|later|then|aussi|ensuite|pour\s+sa\s+part|de\s+son\s+côté|,)\s*)*"
    r"(?:put|puts|putting|estimated|estimates|gave|gives|set|sets|tallied|counted|numbered|listed|"
    r"a\s+(?:fixé|chiffré|évalué|estimé|établi|dénombré|recensé|comptabilisé|avancé)|ont\s+(?:fixé|chiffré|évalué|estimé|établi|dénombré|recensé|comptabilisé)|"
    r"chiffre|évalue|estime|fixe|dénombre|recense|comptabilise)\b", re.I)


def _count_rule_ids(c: Count, lang: str) -> list[str]:
    """Rule ids of a count (where it came from, which count rules shaped it), with the language."""
    ids = list(c.rules)
    for flag, rid in (("distributive", "count.distributive"), ("all_of", "count.all_of"), ("all_but", "count.all_but"),
                      ("all_anaphor", "count.all_anaphor"), ("anaphor", "count.anaphor"), ("coord", "count.coordinated"),
                      ("toward_capital", "count.toward_capital"), ("weak_role", "role.reporting_verb")):
        if getattr(c, flag):
            ids.append(rid)
    ids.append(f"role.{c.role}" if c.role else "role.default")
    return [f"{lang}.{r}" for r in ids]


def _tally_subject(text: str, cands: list) -> list:
    out = []
    for c in cands:
        if c.score < 2 and c.side and c.strong and c.kind == "institution" and _TALLY_VERB.match(text[c.end:]):
            c = dataclasses.replace(c, score=3)
        out.append(c)
    return out


def _dedupe_spans(spans):
    """Longest-first non-overlapping (start, end, label) triggers."""
    spans = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0]))
    out = []
    for s in spans:
        if all(s[1] <= o[0] or o[1] <= s[0] for o in out):
            out.append(s)
    return sorted(out)


def _words(s: str):
    return re.findall(r"[\w'’\-]+", s)


def _attacker_words(text: str) -> str | None:
    """Side named by adjectives/subjects: "Ukrainian drones", "Russia launched", "drones russes"."""
    ua = len(re.findall(r"\b(?:Ukrainian|ukrainien(?:ne)?s?)\s+(?:\w+\s+){0,2}(?:drones?|missiles?|UAVs?|appareils|forces|strikes?|attacks?|frappes?|attaques?)|"
                        r"\b(?:drones?|missiles?|UAVs?|appareils|frappes?|attaques?)\s+(?:\w+\s+){0,1}ukrainien(?:ne)?s?\b|"
                        r"\b(?:Ukraine|Kyiv|Kiev)\s+(?:has\s+|had\s+)?(?:launched|attacked|struck|fired|a\s+(?:lancé|attaqué|frappé))|"
                        r"\b(?:l['’]Ukraine|Kiev|Kyiv)\s+a\s+(?:lancé|attaqué|frappé|mené)|\bforces\s+(?:armées\s+)?ukrainiennes\s+ont\b|"
                        r"\b(?:l['’]armée|les\s+troupes)\s+ukrainiennes?\s+(?:a|ont)\b|\bUkrainian\s+(?:armed\s+forces|army|troops|military)\s+(?:has\s+|have\s+|had\s+)?(?:struck|hit|attacked|launched|fired)", text, re.I))
    ru = len(re.findall(r"\b(?:Russian|russes?)\s+(?:\w+\s+){0,2}(?:drones?|missiles?|UAVs?|appareils|forces|strikes?|attacks?|frappes?|attaques?|bombers?)|"
                        r"\b(?:drones?|missiles?|UAVs?|appareils|frappes?|attaques?|bombardements?)\s+(?:\w+\s+){0,1}russes?\b|"
                        r"\b(?:Russia|Moscow|the\s+enemy|Russian\s+forces)\s+(?:has\s+|had\s+)?(?:launched|attacked|struck|fired|sent|used)|"
                        r"\b(?:la\s+Russie|Moscou|l['’]ennemi|les\s+forces\s+russes)\s+(?:a|ont|avait)\s+(?:\w+\s+){0,2}(?:lancé|attaqué|frappé|tiré|utilisé)|"
                        r"\b(?:lancés?|lancées?|tirés?|tirées?)\s+par\s+(?:la\s+)?Russie|\blaunched\s+by\s+Russia|"
                        r"\bthe\s+enemy\s+(?:attacked|launched)|\bl['’]ennemi\b|"
                        r"\b(?:les\s+)?forces\s+armées\s+russes\s+(?:a|ont|avaient)\b|"
                        r"\b(?:forces\s+armées|armée)\s+de\s+la\s+Fédération\s+de\s+Russie\s+(?:a|ont|avaient)\b|"
                        r"\b(?:Armed\s+Forces|army)\s+of\s+the\s+Russian\s+Federation\s+(?:has\s+|have\s+|had\s+)?(?:struck|hit|attacked|launched|delivered|carried)|\b(?:l['’]armée|les\s+troupes)\s+russes?\s+(?:a|ont|avait|avaient)\b|"
                        r"\bRussian\s+(?:armed\s+forces|army|troops|military)\s+(?:has\s+|have\s+|had\s+)?(?:struck|hit|attacked|launched|fired|shelled)", text, re.I))
    if ua and not ru:
        return "UA"
    if ru and not ua:
        return "RU"
    return None


def _area_plc(gaz, code: str, text: str):
    """A place record for an admin1 code (e.g. the claimant's own region)."""
    if gaz is None or not code:
        return None
    try:
        place = gaz.area(code)
    except Exception:
        place = None
    if place is None:
        return None
    return _deps.Plc(-1, -1, text, place)


def _same_place(a, b) -> bool:
    if b.place is None and not b.multi_place:
        return True
    return a.place is not None and b.place is not None and a.place.admin1_code == b.place.admin1_code


def _target(text: str) -> str | None:
    for rx, name in _TARGET_RES:
        if rx.search(text):
            return name
    return None


_ATTACKER_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:and|et|as|when|after|while|quand|lorsque|après\s+que|alors\s+que)\s+)(?:the\s+)?"
    r"(?:Russia|Moscow|Ukraine|Kyiv|Kiev|the\s+enemy|enemy|Russian\s+(?:forces|troops|army|military)|Ukrainian\s+(?:forces|troops|army|military)|"
    r"la\s+Russie|Moscou|l['’]Ukraine|l['’]ennemi|l['’]armée\s+(?:russe|ukrainienne)|les\s+forces\s+(?:russes|ukrainiennes)|"
    r"les\s+troupes\s+(?:russes|ukrainiennes))\s+(?:(?:has|have|had|also|then|again|overnight|a|ont|avait|avaient|aussi|encore|"
    r"également|cette\s+nuit|dans\s+la\s+nuit)\s+)*[a-zà-ÿ]+(?:ed|é|ée|és|ées|ew|ent|ung|ought|t)\s+(?:(?:at\s+least|some|about|"
    r"around|nearly|almost|more\s+than|over|au\s+moins|près\s+de|plus\s+de|environ|quelque)\s+)?$", re.I)


# breakdown rows with the region first and the count after a verb or an elliptic preposition:
# "The Bryansk region accounted for the largest share with 22", "Tula took the bulk, with 12",
# "followed by the Kursk region with nine", "and the Oryol region for 14", "la région de Koursk
# arrive en tête avec 26"
_ROW_VERBAL = (r"(?:\s+(?:region|oblast|Oblast|regions))?\s*,?\s*(?:(?:accounted\s+for|took|had|saw|recorded|registered|logged|counted|"
               r"bore|topped\s+the\s+list|led|arrive\s+en\s+tête|vient\s+en\s+tête|compte|a\s+compté|représente|concentre)\s+"
               r"(?:the\s+|la\s+|le\s+)?(?:(?:largest|biggest|greatest|heaviest|highest|main|lion['’]s|plus\s+grande?|principale?)\s+"
               r"(?:share|number|portion|part|toll|nombre)|most|the\s+bulk|l['’]essentiel|la\s+majorité)?\s*,?\s*(?:with|avec)?|with|for|avec|pour)\s+"
               r"(?:(?:another|some|a\s+further|encore)\s+)?")
_ROW_LEAD = re.compile(r"(?:^|[.;:]\s*|,\s*|\b(?:and|et|followed\s+by|then|puis|suivie?s?\s+(?:de|par)|ahead\s+of|devant)\s+)"
                       r"(?:the\s+|la\s+|le\s+|l['’]|celle\s+de\s+|celle\s+d['’])?(?:région\s+(?:de\s+|d['’]))?$", re.I)


_METONYM_BEFORE = re.compile(
    r"\b(?:industr\w*|r[ée]gime|arm[ée]e|army|forces|gouvernement|government|military|militaire|autorit[ée]s|authorities|pouvoir|"
    r"allies|alli[ée]s|machine\s+de\s+guerre|war\s+machine|dirigeants|leadership|leaders)\s+(?:[a-zà-ÿ\-]+\s+)?(?:de|of|du|d['’])\s*$")
_METONYM_AFTER = re.compile(
    r"^(?:['’]s)\s+(?:[\w\-]+\s+)?(?:military(?!\s+administration)|forces|army|regime|war\b|government|allies|industry|"
    r"defen[cs]e\s+(?:industry|sector)|leadership|leaders)", re.I)
_APPOSITION = re.compile(
    r"^\s*(?:a|an|one\s+of|the\s+(?:main|largest|biggest|key|major|only|country['’]s)|un|une|l['’]une?\s+des|le\s+principal|"
    r"la\s+principale|le\s+plus|la\s+plus|which\s+(?:supplies|serves|feeds|provides)|qui\s+(?:alimente|approvisionne|fournit|dessert))\b"
    r"(?![^,]*\b(?:in|near|outside|dans|près\s+de|en)\s+(?:the\s+)?$)", re.I)


# ------------------------------------------------------------------ quantifiers without digits

_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|be|a\s+été|ont\s+été|avait\s+été|avaient\s+été|ayant\s+été|avoir\s+été|été|être|était|étaient|"
    r"sera|seront)\b", re.I)
_NEGATOR = re.compile(r"\b(?:no|none|not|neither|nor|never|aucune?|ni|pas|sans|without)\b", re.I)
_SING_DET = re.compile(
    r"(?:^|(?<=[\s,;:(«\"“]))(?P<det>a|an|one|single|the|un|une|le|la|l['’]|un\s+seul|une\s+seule|seule?|a\s+single|one\s+single)"
    r"\s+(?:[\w\-]+\s+){0,2}$", re.I)
_BOTH_DET = re.compile(r"\b(?:both(?:\s+of\s+the)?|the\s+two|tous\s+(?:les\s+)?deux|toutes\s+(?:les\s+)?deux|les\s+deux)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_DEF_PLURAL_DET = re.compile(r"\b(?:the|these|those|all\s+the|all|les|ces|tous\s+les|toutes\s+les|all\s+of\s+the)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_ALL_PRONOUN = re.compile(
    r"\b(?:all\s+of\s+them|they\s+were\s+all|(?:were|had\s+been|have\s+been)\s+all|every\s+one\s+of\s+them|ils\s+ont\s+tous\s+été|"
    r"elles\s+ont\s+toutes\s+été|tous\s+ont\s+été|toutes\s+ont\s+été|la\s+totalité\s+(?:d['’]entre\s+eux|a\s+été))\b", re.I)
_BOTH_PRONOUN = re.compile(r"\b(?:both|l['’]un\s+et\s+l['’]autre|l['’]une\s+et\s+l['’]autre)\b(?!\s+(?:of\s+the\s+)?[\w\-]+\s+and\b)", re.I)


def _plural_word(w) -> bool:
    last = (w.text.split() or [""])[-1]
    return bool(re.search(r"(?:s|x)$", last, re.I)) and not re.search(r"-\w*\d|^[A-Z0-9\-]+$", last)


def _quantifier_counts(text: str, weapons: list, triggers: list, counts: list) -> None:
    """Counts stated without digits, all referring to an interception: a singular weapon noun
    ("a Neptune missile was destroyed", "un drone a été abattu", "destroyed a Kh-59" → 1),
    "both" / "tous deux" (→ 2) and a definite plural or "all of them" ("the missiles were shot
    down", "les missiles ont été détruits" → all of the launched group)."""
    icpt = [t for t in triggers if t[2] in ("INTERCEPT", "EW")]
    if not icpt:
        return

    def passive_trigger(end):
        for t in icpt:
            if t[0] < end:
                continue
            gap = text[end:t[0]]
            if len(gap) > 50 or re.search(r"[;.]|\d", gap) or any(end <= w.start < t[0] for w in weapons):
                return None
            if _PASSIVE_AUX.search(gap) and len(_words(gap)) <= 6 and not _NEGATOR.search(gap):
                return t
            return None
        return None

    def active_trigger(start):
        for t in reversed(icpt):
            if t[1] > start:
                continue
            gap = text[t[1]:start]
            if len(gap) <= 40 and re.fullmatch(r"\s+(?:a|an|one|the|both|un|une|le|la|l['’]|les\s+deux|tous\s+(?:les\s+)?deux|"
                                                r"a\s+single|un\s+seul|une\s+seule)\s+(?:[\w\-'’]+\s+){0,3}", gap, re.I) and not re.search(r"\d", gap) \
                    and not _NEGATOR.search(gap):
                return t
            return None
        return None

    def counted(start) -> bool:
        for c in counts:
            if c.num.end <= start and start - c.num.end <= 45:
                gap = text[c.num.end:start]
                if not re.search(r"[,;.()]", gap) and len(_words(gap)) <= 4 and \
                        not any(c.num.end <= w.start < start for w in weapons):
                    return True
        return False

    role_of = {"INTERCEPT": "intercepted", "EW": "lost_to_ew"}
    for w in weapons:
        if w.weapon_class in ("aircraft",) or counted(w.start):
            continue
        before = text[max(0, w.start - 40):w.start]
        if _NEGATOR.search(before[-25:]):
            continue
        t = passive_trigger(w.end)
        if t is None:
            t = active_trigger(w.start)
            if t is not None and re.search(r"\b(?:the|les|ces|these|those|le|la|l['’])\s+(?:[\w\-]+\s+){0,2}$", before, re.I) \
                    and not _BOTH_DET.search(before):
                t = None        # "destroyed the drones launched at …" is not an anaphor of its own
        coord = False
        if t is None and _BOTH_DET.search(before) and any(
                c.num.end <= w.start and re.fullmatch(r"\s*(?:[\w\-]+\s+){0,3}(?:and|et|as\s+well\s+as|ainsi\s+que)\s+(?:de\s+)?"
                                                     r"(?:[\w\-]+\s+){1,4}", text[c.num.end:w.start], re.I) for c in counts):
            coord = True
        elif t is None:
            continue
        value, all_an = None, False
        if _BOTH_DET.search(before):
            value = 2
        elif not _plural_word(w) and _SING_DET.search(before):
            if re.match(r"^\s*(?:attack|strike|raid|assault|barrage|threat|alert)s?\b", text[w.end:w.end + 15], re.I):
                continue      # "repelled a drone attack": a noun modifier, not one drone
            value = 1
        elif _plural_word(w) and _DEF_PLURAL_DET.search(before):
            all_an = True
        else:
            continue
        fake = _deps.Num(w.start - 1 if w.start else 0, w.start - 1 if w.start else 0, "1" if value == 1 else "all", value,
                         "exact" if value else None, "count")
        c = Count(num=fake, value=value, qualifier="exact" if value else None, role=role_of[t[2]] if t else None,
                  weapon=w.weapon_class, model=w.model, weapon_own=True, coord=coord,
                  anaphor=bool(value == 2 or all_an or re.search(r"\b(?:the|le|la|l['’])\s+(?:[\w\-]+\s+){0,2}$", before, re.I)))
        c.all_of = value == 2
        c.all_anaphor = all_an
        c.rules.append("count.quantifier")
        counts.append(c)
    # pronouns: "both were destroyed", "all of them were shot down", "ils ont tous été abattus"
    for rx, value in ((_BOTH_PRONOUN, 2), (_ALL_PRONOUN, None)):
        for m in rx.finditer(text):
            if any(c.num.start <= m.start() < max(c.num.end, c.num.start + 1) for c in counts):
                continue
            if any(m.end() <= w.start < m.end() + 25 and re.fullmatch(r"\s*(?:of\s+the\s+|des\s+)?(?:[\w\-]+\s+){0,2}", text[m.end():w.start])
                   for w in weapons):
                continue      # "both missiles": handled with the noun above
            t = passive_trigger(m.end()) if value == 2 else next(
                (t for t in icpt if 0 <= t[0] - m.end() <= 30 or 0 <= m.start() - t[1] <= 20), None)
            if t is None:
                continue
            fake = _deps.Num(m.start(), m.end(), m.group(), value, "exact" if value else None, "count")
            c = Count(num=fake, value=value, qualifier="exact" if value else None, role=role_of[t[2]], anaphor=True)
            c.all_of = value == 2
            c.all_anaphor = value is None
            c.rules.append("count.pronoun")
            counts.append(c)


# ------------------------------------------------------------------ main entry


def annotate(text: str, lang: str, resources) -> dict:
    """Run the component pipeline (or the helpers directly) and return plain annotations."""
    nlp = resources.get_nlp(lang) if resources is not None else None
    if nlp is not None:
        doc = nlp(text)
        data = doc.user_data.get("airwar", {})
        trig = [(s.start_char, s.end_char, s.label_) for s in doc.spans["claim_triggers"]]
        return {"numbers": list(data.get("counts", [])), "weapons": list(data.get("weapons", [])),
                "places": list(data.get("places", [])),
                "dates": [(t.start, t.end) for t in data.get("dates", [])],
                "triggers": _dedupe_spans(trig)}
    gaz = getattr(resources, "gazetteer", None)
    return {"numbers": _deps.find_numbers(text, lang), "weapons": _deps.find_weapons(text, lang),
            "places": _deps.find_places(gaz, text, lang), "dates": _deps.find_time_spans(text, lang),
            "triggers": []}


# layout written as punctuation, normalised with the same length so that offsets hold:
# "the largest share – 22 – was downed over …" (a count between dashes), table rows
# "Shahed drones: 90 launched / 72 downed" (a slash between a launch and a shot-down figure)
_DASHED_COUNT = re.compile(r"(?<=\w)(\s+[–—]\s*)(\d+|[a-zà-ÿ\-]+)(\s*[–—]\s+)(?=\w)", re.I)
_TABLE_SLASH = re.compile(r"(?<=\w)(\s*/\s*)(?=\d+\s+[a-zà-ÿ])", re.I)


def _normalise_layout(text: str) -> str:
    text = _DASHED_COUNT.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
    if re.search(r"\d+\s+(?:launched|fired|lanc|tir|attack)\w*\s*/\s*\d+", text, re.I):
        text = _TABLE_SLASH.sub(lambda m: "," + " " * (len(m.group(1)) - 1), text)
    return text


def analyze_sentence(text: str, lang: str, resources, gaz=None) -> SentenceResult:
    text = _normalise_layout(text)
    ann = annotate(text, lang, resources)
    gaz = gaz if gaz is not None else getattr(resources, "gazetteer", None)
    triggers = [t for t in ann["triggers"]]
    # "la destruction de 30 drones", "the destruction of 12 UAVs": destroying counted weapons is an interception
    triggers = [(a, b, "INTERCEPT") if l == "STRIKE" and re.match(r"(?i)destruction$", text[a:b]) and re.match(
        r"^\s+(?:de|d['’]|des|of)\s*(?:the\s+|les\s+)?(?:\d|[\w\-]+\s+(?:[\w\-]+\s+)?(?:drones?|missiles?|UAVs?|appareils|roquettes|rockets|bombes|bombs))",
        text[b:b + 40], re.I) else (a, b, l) for a, b, l in triggers]
    # a verb in a hypothetical / cost / capability frame asserts no event: "the cost of downing a Shahed",
    # "the ability to intercept ballistic missiles", "le coût de l'interception d'un drone", "afin d'abattre"
    triggers = [t for t in triggers if not _HYPOTHETICAL_BEFORE.search(text[max(0, t[0] - 40):t[0]])]
    weapons = list(ann["weapons"])
    for m in _EXTRA_WEAPONS.get(lang, _EXTRA_WEAPONS["en"]).finditer(text):
        if not any(w.start < m.end() and m.start() < w.end for w in weapons):
            weapons.append(_deps.Wpn(m.start(), m.end(), m.group(), "drone", None))
    for rx, cls in _EXTRA_CLASSED:
        for m in rx.finditer(text):
            if cls == "mixed" and not re.search(r"(?:\d|\b(?:[a-z]+ty|[a-z]+teen|vingt|trente|quarante|cinquante|soixante|cent))"
                                                r"[\s\-]*(?:[a-z\-]+\s+){0,1}$", text[max(0, m.start() - 25):m.start()], re.I):
                continue      # "targets" / "cibles" count weapons only right after a number
            over = [w for w in weapons if w.start < m.end() and m.start() < w.end]
            if over and not all(w.weapon_class in ("aircraft", "drone") and cls == "drone" or w.weapon_class == "aircraft"
                                for w in over):
                continue
            weapons = [w for w in weapons if w not in over]
            weapons.append(_deps.Wpn(m.start(), m.end(), m.group(), cls, None))
    weapons = sorted(weapons, key=lambda w: w.start)
    # adjacent spans name one weapon: "missile Iskander-M", "Shahed drones" → one span, the more specific class
    merged = []
    for w in weapons:
        if merged and re.fullmatch(r"[\s\-]*(?:de\s+type\s+|type\s+|(?:hypersoni\w+|supersoni\w+|guid\w+|aéroballisti\w+|"
                                   r"aeroballisti\w+|air[\s\-]launched|anti[\s\-]?navires?|anti[\s\-]?ship|aériens?|"
                                   r"tactiques?|tactical|russes?|russian|ukrainiens?|ukrainian|american|américains?)\s+)?",
                                   text[merged[-1].end:w.start]):
            a = merged[-1]
            rank = {"ballistic_missile": 3, "cruise_missile": 3, "glide_bomb": 3, "missile": 2, "drone": 2}
            cls = a.weapon_class if rank.get(a.weapon_class, 1) >= rank.get(w.weapon_class, 1) else w.weapon_class
            if {a.weapon_class, w.weapon_class} <= {"missile", "ballistic_missile", "cruise_missile"} or a.weapon_class == w.weapon_class \
                    or "drone" in (a.weapon_class, w.weapon_class) and (a.model or w.model) and \
                    {a.weapon_class, w.weapon_class} <= {"drone"}:
                merged[-1] = _deps.Wpn(a.start, w.end, text[a.start:w.end], cls, a.model or w.model)
                continue
        merged.append(w)
    weapons = merged
    weapons = [w for w in weapons if not (_WEAPON_AS_TARGET_AFTER.match(text[w.end:w.end + 30]) or
                                          _WEAPON_AS_TARGET_BEFORE.search(text[max(0, w.start - 60):w.start]))]
    places = sorted(ann["places"], key=lambda p: p.start)
    dl = _DATELINE.match(text)
    dateline_end = dl.end() if dl else 0
    date_spans = ann["dates"]

    res = SentenceResult(items=[])
    res.background = bool(_BACKGROUND.search(_REL_CLAUSE.sub("", text))) or bool(
        _NO_COMMENT.search(text) and not re.search(
            r"\b(?:said|says|reported|announced|claimed|according|a\s+(?:affirmé|annoncé|indiqué|déclaré|précisé)|selon)\b", text, re.I))
    res.weapons = weapons
    res.explicit_attacker = _attacker_words(text)

    # ---- claimants
    cands = find_claimants(text, lang, gaz, places)
    cands = _tally_subject(text, cands)
    res.claimants = cands
    res.claimant = best_claimant(cands)
    res.anaphoric_attrib = bool(re.search(
        r"(?:,\s*|\b)(?:it|he|she|they|the\s+ministry|the\s+statement|the\s+agency|the\s+air\s+force|the\s+governor|the\s+mayor)\s+(?:also\s+|now\s+|later\s+|further\s+)?(?:said|added|reported|says|adds)\b|"
        r"(?:said|added|says|adds)\s+(?:it|he|she|they)\b|"
        r"selon\s+(?:la\s+même\s+source|le\s+ministère|lui|elle)|a-t-(?:il|elle)\s+(?:\w+\s+)?(?:précisé|ajouté|indiqué|affirmé|déclaré)|"
        r"(?:a|ont)\s+(?:précisé|ajouté|indiqué)\s+(?:le\s+ministère|la\s+même\s+source)|selon\s+le\s+ministère|"
        r"selon\s+(?:le|ce|son|leur|la)\s+(?:même\s+)?(?:communiqué|bilan|rapport|message|texte|document|déclaration|publication)|"
        r"(?:indique|précise|ajoute|poursuit)\s+(?:le|la)\s+(?:même\s+)?(?:communiqué|bilan|rapport|message|texte|déclaration)|"
        r"according\s+to\s+the\s+(?:same\s+)?(?:statement|ministry|report|update|communiqué|post|source|message)|"
        r"the\s+(?:statement|report|update|post|message)\s+(?:also\s+)?(?:said|added|says|read)", text, re.I))
    # contrast boundaries followed closely by an official's reported speech
    res.contrast = [m.start() for m in _CONTRAST.finditer(text)]
    # … except a closing attribution of the whole sentence ("…, mais les Kinjal n'ont pas été interceptés,
    # a précisé l'armée de l'air"; "…, but the Kinzhals got through, the air force said")
    def _closing_attribution(b):
        nxt = min((c for c in cands if c.start > b), key=lambda c: c.start, default=None)
        if nxt is None or len(text[nxt.end:].strip(" .!»\"”")) > 25:
            return False
        pre, post = text[b:nxt.start], text[nxt.end:]
        return bool(re.search(r",\s*(?:(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:précisé|indiqué|ajouté|affirmé|déclaré|annoncé|"
                              r"souligné|assuré|expliqué|rapporté)|(?:said|added|reported|stated|noted|according\s+to)|"
                              r"selon|d['’]après)\s+(?:the\s+|l['’]|le\s+|la\s+|les\s+)?$", pre, re.I) or
                    re.search(r",\s*(?:the\s+)?$", pre, re.I) and re.match(r"^\s*(?:also\s+)?(?:said|added|reported|says|stated)\b", post, re.I))
    res.contrast = [b for b in res.contrast if not _closing_attribution(b)]
    res.narrative = [m.start() for m in re.finditer(r",\s*as\s+(?!well\b|many\b|much\b|part\b|a\s+result\b|of\b|if\b|it\s+(?:said|added))", text, re.I)]

    # ---- places: roles
    claimant_spans = [(c.start, c.end) for c in cands]
    event_places = []
    for p in places:
        before = text[max(0, p.start - 90):p.start]
        if any(s <= p.start < e or s < p.end <= e for s, e in claimant_spans):
            continue
        # "Voronezh Governor", "Kharkiv's mayor", "Kyiv's military administration"
        after = text[p.end:p.end + 40]
        if re.match(r"^(?:\s+(?:region|oblast|Oblast|city|regional))?(?:'s|’s)?\s+(?:[Gg]overnor|[Mm]ayor|head|military\s+administration|regional\s+(?:military\s+)?administration|authorities|officials)", after):
            continue
        if _LAUNCH_AREA_BEFORE.search(before) or _CARRIER_BEFORE.search(before):
            continue
        # "across the Dnipro River", "le fleuve Dniepr": a river named like a city
        if re.match(r"^\s*(?:River|river|rivière)\b", after) or re.search(r"\b(?:fleuve|rivière|river)\s*$", before, re.I):
            continue
        # "Moscow-installed officials", "Kyiv-backed forces", "pro-Moscou": an allegiance, not a place
        if re.match(r"^[\-‐]\s*(?:installed|appointed|backed|controlled|held|aligned|led|friendly|allied|based|imposed|nommée?s?|installée?s?|soutenue?s?)\b",
                    after, re.I) or re.search(r"\bpro[\-‐]\s*$", before, re.I):
            continue
        if p.start < dateline_end:
            continue
        if re.match(r"^\s*,\s*(?:le|la|les|l['’]|the)\s+(?:ministère|ministry|Kremlin|armée|military|porte-parole|spokes\w+|défense|defen[cs]e)",
                    text[p.end:p.end + 30], re.I) and re.match(r"^\s*(?:À|A|In|Au|En)\s*$", text[max(0, p.start - 4):p.start]):
            continue      # "À Moscou, le ministère de la Défense a assuré …": where the claimant speaks

        if not p.admin1_code and re.search(r"\b(?:Sea|mer)\b", p.text, re.I) and (
                _SEA_ATTRIBUTE_AFTER.match(text[p.end:p.end + 20]) or _SEA_ATTRIBUTE_BEFORE.search(before)):
            continue
        # country-level names
        fc = (p.feature_code or "") if hasattr(p, "feature_code") else ""
        if str(fc).startswith("PCL") or (p.geo_precision == "country"):
            continue
        if _METONYM_BEFORE.search(before) or _METONYM_AFTER.match(after):
            continue      # "l'industrie militaire de Kiev", "Moscow's war machine": the state, not a place
        if re.search(r"\b(?:autoroute|route|chaussée|rue|avenue|boulevard|highway|motorway|expressway)\s+(?:de\s+|d['’]|du\s+)?$",
                     text[max(0, p.start - 25):p.start], re.I) or \
                re.match(r"^[\s\-]+(?:highway|motorway|expressway|road|street|avenue|prospekt|chaussée)\b", text[p.end:p.end + 15], re.I):
            continue      # "l'autoroute de Kachira", "the Kashira highway": a road named after a town
        if event_places and _NEAR_DESCRIPTOR_BEFORE.search(text[event_places[-1].end:p.start]):
            continue      # "à Odintsovo, en banlieue de Moscou": the second place only situates the first
        if event_places or _target(text[:p.start]):
            seg = re.split(r"[,;]", text[:p.start])
            if len(seg) > 1 and _APPOSITION.match(seg[-1]) and not re.search(r"\b(?:and|et)\s*$", seg[-2]):
                continue  # "the Saratov refinery, a key supplier of fuel to the Volgograd area": a description
        event_places.append(p)
    # "Kyiv's Desnianskyi district", "le quartier X de Kiev": the district belongs to the adjacent city
    for p in list(event_places):
        dist = re.search(r"\b(?:district|raion|rayon|neighbou?rhood|borough|arrondissement|quartier)\b", p.text + text[p.end:p.end + 10], re.I) \
            or re.search(r"\b(?:district|quartier|arrondissement|raion)\s+(?:de\s+|d['’])?$", text[max(0, p.start - 14):p.start], re.I)
        if not dist:
            continue
        for q in event_places:
            if q is p or q.admin1_code == p.admin1_code or not q.admin1_code:
                continue
            gap_b = text[q.end:p.start] if q.end <= p.start else None
            gap_a = text[p.end:q.start] if p.end <= q.start else None
            if gap_b is not None and re.match(r"^\W*(?:À|A|In|Dans|En|Au)\s+$", text[:q.start]) and \
                    not re.search(r"[.;]", gap_b):
                # "À Kherson, … dans le district de Dniprovskyï": a district of the fronted city
                event_places.remove(p)
                break
            if gap_b is not None and re.fullmatch(r"(?:['’]s|\s+city['’]s)\s+(?:the\s+)?", gap_b) or \
                    gap_a is not None and re.fullmatch(r"\s*(?:district|raion|rayon|neighbou?rhood|borough|arrondissement|quartier)?\s*,?\s*"
                                                       r"(?:of|in|de|d['’]|à)\s+(?:the\s+(?:city|capital)\s+of\s+|la\s+(?:ville|capitale)\s+(?:de\s+)?)?", gap_a, re.I):
                event_places.remove(p)
                break
        else:
            m = re.search(r"\b([A-ZÀ-Þ][\w\-]+)['’]s\s+(?:the\s+)?$", text[max(0, p.start - 30):p.start]) or \
                re.match(r"^\s*(?:district|raion|rayon|quartier|arrondissement)?\s*(?:of|in|de|d['’]|à)\s+([A-ZÀ-Þ][\w\-]+)", text[p.end:p.end + 40])
            city = _deps.resolve_place(gaz, m.group(1), lang) if m else None
            if city is not None and getattr(city, "admin1_code", None) and city.admin1_code != p.admin1_code:
                event_places[event_places.index(p)] = _deps.Plc(p.start, p.end, m.group(1), city)
    res.event_places = event_places
    for cc, rx in _COUNTRY_WORDS.items():
        if rx.search(text):
            res.country_hint = cc

    # ---- counts
    bad_spans = [(w.start, w.end) for w in weapons if w.model] + [(p.start, p.end) for p in places] + list(date_spans)
    counts: list[Count] = []
    numbers = list(ann["numbers"])
    # machine-translated pages switch language inside a sentence ("… — les trois ont été détruits"):
    # number words of the other language, where that language's function words surround them
    other = "fr" if lang == "en" else "en"
    for n in _deps.find_numbers(text, other):
        if n.text[:1].isdigit() or any(m.start < n.end and n.start < m.end for m in numbers):
            continue
        ctx = text[max(0, n.start - 25):n.end + 25]
        if other == "fr" and re.search(r"\b(?:les|des|ont|été|sont|dont|parmi|de\s+ces)\b", ctx) or \
                other == "en" and re.search(r"\b(?:the|were|was|have|of\s+them|of\s+which)\b", ctx):
            numbers.append(n)
    numbers.sort(key=lambda n: n.start)
    for n in numbers:
        kind = getattr(n, "kind", "count")
        if kind not in (None, "count", "article"):
            continue
        if kind == "article":
            continue
        if any(s <= n.start < e for s, e in bad_spans):
            continue
        if n.value is None and n.qualifier != "approximate":
            continue
        if n.value is not None and n.value > 5000:
            budget.note_absurd_count(text, n, weapons)  # "25000 drones": said, not dropped silently
            continue
        after = text[n.end:]
        # own weapon
        own = None
        for w in weapons:
            if w.start < n.end:
                continue
            gap = text[n.end:w.start]
            gw = _words(gap)
            if len(gap) > 45 or len(gw) > 4 or re.search(r"[,.;:()\d]", gap):
                break
            if all(_WEAPON_MODIFIER.match(x) and x.lower() not in _GAP_STOP.get(lang, set()) for x in gw) or \
                    re.fullmatch(r"\s*(?:of\s+the|des|de\s+ces|of\s+those)\s+(?:[\w\-]+\s+)?", gap, re.I):
                own = w
            break
        noun_role = bool(re.match(r"^\s*(?:interceptions|downings|shoot-?downs|drones?\s+(?:downed|intercepted))\b", after, re.I))
        if own is None and not noun_role and not _FOLLOW_OK.match(after) and not (
                # the total of a pair: "40 drones out of 64 launched by Russia", "40 drones sur 64 lancés"
                re.match(r"^\s*(?:launched|fired|sent|lancée?s?|tirée?s?|envoyée?s?)\b", after, re.I)
                and re.search(r"\b(?:of|out\s+of|of\s+the|sur|des|sur\s+les)\s*$", text[max(0, n.start - 12):n.start], re.I)):
            # "five regions", "two people", "nine-storey": not a weapon count
            continue
        if own is None and re.match(r"^\s*(?:people|persons|civilians|houses|homes|buildings|regions?|oblasts?|districts?|"
                                    r"villages?|km|kilometres|kilometers|metres|meters|hours?|minutes?|years?|days?|%|per\s*cent|"
                                    r"personnes|maisons|régions|heures|ans|jours|blessés|morts|mètres)", after, re.I):
            continue
        if re.search(r"\b(?:kill(?:s|ed|ing)?|injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?|bless(?:ant|é|és|ée|ées)|tu(?:ant|é|és)|dead|morts?)\s*$", text[max(0, n.start - 25):n.start], re.I):
            continue
        if re.match(r"^\s*/|^/", after) or re.search(r"/\s*$", text[max(0, n.start - 2):n.start]):
            continue
        if own is None and re.match(r"^\s*of\s+(?:the\s+)?(?!drones|missiles|uavs|them|those|these|which|its|their)", after, re.I) \
                and not re.match(r"^\s*of\s+(?:the\s+)?\d", after):
            continue
        if own is None and re.match(r"^\s*(?:des|de\s+ces|d['’]entre)\s+(?!drones|missiles|appareils|eux|elles|engins|\d)", after, re.I):
            continue
        if own is None and re.search(r"\b(?:at|in|on|sur|dans|à|en)\s+(?:the\s+|les\s+)?$", text[max(0, n.start - 12):n.start], re.I) \
                and re.match(r"^\s*(?:others?|autres|more|de\s+plus)\b", after, re.I):
            continue      # "debris fell at four others" counts places, not weapons
        c = Count(num=n, value=n.value, qualifier=n.qualifier, rules=["count.number"])
        if re.match(r"^\s*(?:interceptions|downings|shoot-?downs|drones?\s+(?:downed|intercepted))\b", after, re.I):
            c.role = "intercepted"
        c.all_but = bool(re.search(r"\ball\s+but\s*$|\btous\s+sauf\s*$|\bà\s+l['’]exception\s+de\s*$", text[max(0, n.start - 20):n.start], re.I))
        if own is not None:
            c.weapon, c.model, c.weapon_own = own.weapon_class, own.model, True
        c.distributive = _deps.is_distributive(text, lang, n) or bool(re.match(
            r"^\s*(?:[\w'’\-]+\s+){0,5}?(?:each|in\s+each\s+of|over\s+each\s+of|dans\s+chacune|au-dessus\s+de\s+chacune|chacun|chacune|respectively)\b",
            after, re.I))
        bef = text[max(0, n.start - 40):n.start]
        c.all_of = bool(re.search(r"\b(?:all|tous\s+les|toutes\s+les|l['’]ensemble\s+des)\s*$", bef, re.I))
        c.anaphor = bool(_ANAPHOR_BEFORE.search(text[max(0, n.start - 60):n.start]) or _ANAPHOR_AFTER.match(after) or
                         # "les trois ont été détruits", "all three were shot down": the figure refers back
                         (re.search(r"\b(?:les|all|tous\s+les|toutes\s+les)\s*$", bef, re.I) and
                          re.match(r"^\s*(?:ont|sont|avaient|étaient|were|have|had)\b", after, re.I)))
        c.toward_capital = bool(_TOWARD_CAPITAL.search(text[n.end:n.end + 90])) and not re.search(r"\d", text[n.end:n.end + 25])
        counts.append(c)

    # "the same number over the Tula region" → a copy of the previous count
    for m in _SAME_NUMBER.finditer(text):
        prev = [c for c in counts if c.num.end <= m.start()]
        if prev:
            p = prev[-1]
            fake = _deps.Num(m.start(), m.end(), m.group(), p.value, p.qualifier, "count")
            counts.append(Count(num=fake, value=p.value, qualifier=p.qualifier, weapon=p.weapon, model=p.model,
                                rules=["count.same_number"]))
    counts.sort(key=lambda c: c.num.start)

    # "123 drones and a ballistic missile", "neuf missiles, un missile de croisière": a singular weapon
    # coordinated with counted weapons
    if counts:
        for w in weapons:
            if not w.text or re.search(r"s$", w.text.split()[-1]):
                continue
            m = re.search(r"(?:\b(?:and|et|as\s+well\s+as|along\s+with|ainsi\s+qu['’]|plus)|,)\s+(?:avec\s+)?(?:a|an|one|un|une|d['’]un|d['’]une)\s+(?:single\s+|seul\s+)?(?:[\w\-]+\s+)?$",
                          text[max(0, w.start - 45):w.start], re.I)
            if not m:
                continue
            if not any(c.num.end <= w.start and c.weapon_own and w.start - c.num.end < 60 for c in counts):
                continue
            st = w.start - 1
            fake = _deps.Num(st, st, "1", 1, "exact", "count")
            counts.append(Count(num=fake, value=1, qualifier="exact", weapon=w.weapon_class, model=w.model, weapon_own=True,
                                rules=["count.singular_weapon"]))
        counts.sort(key=lambda c: c.num.start)

    _quantifier_counts(text, weapons, triggers, counts)
    counts.sort(key=lambda c: c.num.start)

    # pairs "72 of 131" / "72 des 131" / "Of the 127 drones, 91" / "Sur les 96 drones, 60"
    paired = set()
    for i in range(len(counts) - 1):
        a, b = counts[i], counts[i + 1]
        gap = text[a.num.end:b.num.start]
        if (re.fullmatch(r"\s*(?:(?!(?:and|et|or|ou|over|au-dessus|in|dans|near|près)\s)[\w'’\-]+\s+){0,4}(?:of|out\s+of|des|sur|parmi\s+les|of\s+the|sur\s+les|of\s+a\s+total\s+of|sur\s+un\s+total\s+de)\s+", gap, re.I)
                or _X_WEAPON_OF_THE_Y.fullmatch(gap)) \
                and a.value is not None and b.value is not None and a.value <= b.value:
            # "18 of the 27 drones it reports destroyed": the whole is a shot-down total, not a launch figure
            shot_whole = re.match(r"^\s*(?:[\w\-]+\s+){0,3}?(?:(?:it|they)\s+(?:reports?|reported|says?|said|claims?|claimed)(?:\s+(?:were|had\s+been))?"
                                  r"|(?:that|which)\s+(?:it|they)\s+(?:reports?|reported|says?|said|claims?|claimed))\s+"
                                  r"(?:destroyed|downed|shot\s+down|intercepted)\b",
                                  text[b.num.end:b.num.end + 70], re.I)
            a.pair_launched = None if shot_whole else b.value
            a.rules.append("count.x_of_y")
            if a.weapon is None and b.weapon:
                a.weapon, a.model = b.weapon, b.model
            paired.add(i + 1)
        elif i not in paired and re.search(r"\b(?:of|sur|parmi)\s+(?:the|les)\s*$", text[max(0, a.num.start - 12):a.num.start], re.I) \
                and re.fullmatch(r"\s*(?:[\w\-]+\s+){0,3}[\w\-]+\s*,\s*(?:(?:air\s+defen[cs]es?|la\s+défense\s+antiaérienne)\s+\w+\s+)?", gap, re.I) \
                and a.value is not None and b.value is not None and b.value <= a.value:
            # "Of the 127 drones, 91 were downed"
            b.pair_launched = a.value
            b.rules.append("count.of_the_y_x")
            if b.weapon is None and a.weapon:
                b.weapon, b.model = a.weapon, a.model
            b.anaphor = True
            paired.add(i)
    counts = [c for i, c in enumerate(counts) if i not in paired]

    # ---- roles from triggers
    trig = [t for t in triggers if t[2] in ROLE_OF]
    for idx, c in enumerate(counts):
        if c.role is None and c.coord and idx > 0 and counts[idx - 1].role is not None:
            c.role = counts[idx - 1].role
        if c.role is not None:
            continue
        other_nums = [o.num for o in counts if o is not c]
        # 1. passive: "60 were shot down", "39 ont été « perdus localement »"
        fol = None
        for t in trig:
            if t[0] < c.num.end:
                continue
            gap = text[c.num.end:t[0]]
            if len(gap) > 70 or any(c.num.end <= o.start < t[0] for o in other_nums):
                break
            if re.search(r"\b(?:were|was|have\s+been|had\s+been|has\s+been|been|ont\s+été|a\s+été|avaient\s+été|ayant\s+été|"
                         r"sont|ont|have|had|were\s+also|being|été|étaient)\s+(?:\w+\s+)?[\s«\"“]*$", gap, re.I) \
                    or len(_words(gap)) <= 1 and not re.search(r"[,;]", gap):
                fol = t
            break
        # 2. "40 drones abattus", "12 drones shot down": a trigger right after the counted weapon
        wfol = None
        if fol is None and c.weapon_own:
            wend = next((w.end for w in weapons if w.start >= c.num.end), None)
            if wend is not None:
                for t in trig:
                    if t[0] >= wend:
                        if len(_words(text[wend:t[0]])) <= 1 and not re.search(r"[,;.]", text[wend:t[0]]):
                            wfol = t
                        break
        # 3. immediately preceding trigger: "destroyed 41", "destroyed all 17", "abattu 15"
        imm = None
        for t in reversed(trig):
            if t[1] <= c.num.start:
                gap = text[t[1]:c.num.start]
                if len(_words(gap)) <= 2 and not re.search(r"[,.;:]", gap) and \
                        not re.search(r"\b(?:by|par|and|et|or|ou)\b", gap, re.I):
                    imm = t
                break
        if imm is not None and imm[2] == "LAUNCH" and re.search(
                r"\b(?:repelled|repulsed|repoussé|repoussée)\s+(?:an?|une|l['’])\s*$", text[max(0, imm[0] - 30):imm[0]], re.I):
            imm = None
        # "three Iskander-M missiles fired from the Voronezh region struck targets …": a launch participle
        # in a reduced relative; the clause's main verb gives the role
        if wfol is not None and wfol[2] == "LAUNCH" and re.match(
                r"^\s*(?:from|depuis|à\s+partir\s+d)", text[wfol[1]:wfol[1] + 20], re.I):
            main = next((t for t in trig if t[0] > wfol[1] and t[2] != "LAUNCH"), None)
            if main is not None and main[0] - wfol[1] < 80 and not re.search(
                    r"[,;.]|\b(?:and|et|which|qui|but|mais|whether|did|could|would|not|pas|sans|without)\b|\bn['’]", text[wfol[1]:main[0]], re.I) and not any(
                    wfol[1] <= o.start < main[0] for o in other_nums):
                wfol = main
        pick = fol
        if pick is None:
            if wfol is not None and imm is not None:
                pick = wfol if (imm[2] == "LAUNCH" and wfol[2] in ("INTERCEPT", "EW")) else imm
            else:
                pick = wfol or imm
        if pick is not None:
            c.role = ROLE_OF[pick[2]]
            continue
        # 3b. coordinated counts sharing one passive outcome: "4 missiles and 112 drones being
        # neutralised", "7 missiles et 65 drones ont été abattus" (the first count takes the role of
        # the passive trigger that closes the coordination, not a launch verb before it)
        if c.weapon_own and idx + 1 < len(counts) and counts[idx + 1].weapon_own:
            nxt_c = counts[idx + 1]
            wend = next((w.end for w in weapons if w.start >= c.num.end), None)
            if wend is not None and wend <= nxt_c.num.start and re.fullmatch(
                    r"\s*(?:,\s*)?(?:and|et|as\s+well\s+as|ainsi\s+que)\s+", text[wend:nxt_c.num.start], re.I):
                wend2 = next((w.end for w in weapons if w.start >= nxt_c.num.end), None)
                t2 = next((t for t in trig if wend2 is not None and t[0] >= wend2), None)
                if t2 is not None and t2[2] in ("INTERCEPT", "EW") and re.fullmatch(
                        r"\s*(?:(?:were|was|have\s+been|had\s+been|being|having\s+been|ont\s+été|ayant\s+été|"
                        r"avaient\s+été|étant|été|sont)\s+(?:\w+\s+)?)?[\s«\"“]*", text[wend2:t2[0]], re.I):
                    c.role = ROLE_OF[t2[2]]
                    continue
        # 4. following trigger close to a counted weapon
        for t in trig:
            if t[0] < c.num.end:
                continue
            gap = text[c.num.end:t[0]]
            if len(gap) > 70 or any(c.num.end <= o.start < t[0] for o in other_nums):
                break
            if c.weapon_own and len(_words(gap)) <= 5 and not re.search(r"[,;]", gap):
                fol = t
            break
        if fol is not None:
            c.role = ROLE_OF[fol[2]]
            continue
        # preceding trigger (active voice), no other count in between
        pre = None
        for t in reversed(trig):
            if t[1] > c.num.start:
                continue
            if any(t[1] <= o.start < c.num.start for o in other_nums):
                break
            if c.num.start - t[1] > 120:
                break
            if t[2] == "LAUNCH" and re.search(r"\b(?:repelled|repulsed|repoussé|repoussée|fended\s+off)\s+(?:an?|une|l['’])\s*(?:\w+\s+)?$", text[max(0, t[0] - 30):t[0]], re.I):
                continue
            pre = t
            break
        if pre is not None:
            # "launched 58 drones, 34 of which were shot down, as well as two missiles": the count
            # continues the launch figure, not the parenthetical anaphor
            if idx >= 2 and counts[idx - 1].anaphor and counts[idx - 2].role and re.search(
                    r",\s*(?:as\s+well\s+as|along\s+with|together\s+with|ainsi\s+que|de\s+même\s+que)\b", text[pre[1]:c.num.start], re.I):
                c.role = counts[idx - 2].role
                continue
            c.role = ROLE_OF[pre[2]]
            continue
        if idx > 0 and counts[idx - 1].role is not None:
            c.role = counts[idx - 1].role
            continue
        # "<attacker> <any verb> N <weapon>": a launch by the named side, whatever the verb
        # ("Russia hurled 40 missiles", "Moscou a expédié 85 drones", "the enemy threw 12 bombs")
        if c.weapon_own and _ATTACKER_SUBJECT.search(text[max(0, c.num.start - 60):c.num.start]):
            c.role = "launched"
            continue
        # a tally without verb that opens a per-place breakdown: "put the overall figure at 46 drones:
        # 19 over …", "a fixé le bilan à 38 drones : 20 au-dessus de …" → the rows' interception total
        if c.weapon_own and idx + 1 < len(counts) and re.search(
                r"\b(?:figure|total|tally|count|number|bilan|chiffre|nombre|décompte)\s+(?:\w+\s+)?(?:at|to|à|de)\s*$",
                text[max(0, c.num.start - 40):c.num.start], re.I):
            wend = next((w.end for w in weapons if w.start >= c.num.end), None)
            if wend is not None and re.match(r"^\s*(?:[:(—–-]|,\s*(?:including|of\s+which|dont|among\s+them))", text[wend:], re.I):
                c.role = "intercepted"
                continue
        # coordinated with a later count: "34 drones and one of the missiles were shot down"
        for t in trig:
            if t[0] >= c.num.end and t[0] - c.num.end < 110 and not re.search(r"[;.]\s", text[c.num.end:t[0]]):
                c.role = ROLE_OF[t[2]]
                break
    _attack_instrument_roles(text, counts, trig, weapons)
    _relative_anaphor_roles(text, counts, trig)
    _destroyed_launched_group(text, counts, trig, weapons)
    # a count with a pair and role launched is ambiguous: "72 of the 131 drones launched" → intercept?
    for c in counts:
        if c.pair_launched is not None and c.role in (None, "launched"):
            c.role = "intercepted" if any(t[2] == "INTERCEPT" for t in trig) else c.role
    # a composition sentence without any event verb lists the sub-groups of a launch figure: "Among the
    # missiles were two Kinzhal and six Kh-101", "Parmi les missiles figuraient …", "They included …"
    if not any(t[2] != "LAUNCH" for t in trig) and _COMPOSITION.match(text):
        for c in counts:
            if c.role is None and c.weapon and not c.places:
                c.role, c.anaphor = "launched", False
    # bombs dropped ON places are hits on the ground, not launches: "dropped 14 guided bombs on
    # frontline communities", "a largué neuf bombes sur Koupiansk", "lâché cinq bombes sur …"
    for c in counts:
        if c.role != "launched" or c.weapon not in ("glide_bomb", None, "unknown", "aircraft"):
            continue
        pre = [t for t in trig if t[1] <= c.num.start and c.num.start - t[1] <= 40]
        if not pre or pre[-1][2] != "LAUNCH" or not _DROP_VERB.match(text[pre[-1][0]:pre[-1][1]]):
            continue
        wend = next((w.end for w in weapons if w.start >= c.num.end and w.start - c.num.end <= 30), c.num.end)
        if _ON_PLACE_AFTER.match(text[wend:wend + 60]) and not any(
                o.anaphor and o.num.start > c.num.end for o in counts):
            # (with a following "dont trois ont frappé des maisons" the figure stays the launch)
            c.role = "hits"
    # "the enemy struck overnight with 71 drones, of which 45 were shot down": an instrument
    # ("with N weapons") of a strike verb is the launch figure
    for c in counts:
        if c.role == "hits" and c.weapon_own and re.search(
                r"\b(?:struck|hit|attacked|targeted|pounded|frapp\w+|attaqu\w+|bombard\w+)\s+(?:(?:overnight|again|at\s+night|"
                r"during\s+the\s+night|on\s+\w+|dans\s+la\s+nuit|cette\s+nuit|de\s+nouveau|encore)\s+)*(?:with|using|avec|au\s+moyen\s+de)\s+"
                r"(?:(?:at\s+least|some|about|around|more\s+than|over|au\s+moins|près\s+de|plus\s+de|environ)\s+)?$",
                text[max(0, c.num.start - 80):c.num.start], re.I):
            c.role = "launched"
    # figures before ", of which" / ", dont" / ", among them" are the launched group when the
    # interception verb only follows the anaphor ("reported 89 drones and 6 Kh-101 missiles, of
    # which 70 drones and 5 missiles were downed")
    for m in re.finditer(r",\s*(?:of\s+which|of\s+them|among\s+them|dont|parmi\s+(?:eux|lesquels|lesquelles)|d['’]entre\s+eux)\b", text, re.I):
        before = [c for c in counts if c.num.end <= m.start() and not c.anaphor and c.role in ("intercepted", "lost_to_ew", None)
                  and c.pair_launched is None and not c.places]
        if not before:
            continue
        seg_start = max([0] + [x.end() for x in re.finditer(r"[.;:]\s", text[:m.start()])])
        if any(t[2] in ("INTERCEPT", "EW") and seg_start <= t[0] < m.start() for t in trig):
            continue
        if not any(t[2] in ("INTERCEPT", "EW") and t[0] >= m.end() for t in trig):
            continue
        for c in before:
            if c.num.start >= seg_start:
                c.role = "launched"
    # figures after ", of which" / ", dont" take the verb that follows them, not the launch verb before
    # the anaphor ("110 drones and five missiles launched by Russia, of which 85 drones and two missiles
    # were shot down"; "… lancés par la Russie, dont 71 drones et quatre missiles abattus")
    for m in re.finditer(r",\s*(?:of\s+which|of\s+them|among\s+them|dont|parmi\s+(?:eux|lesquels|lesquelles))\b", text, re.I):
        nxt = next((t for t in trig if t[0] >= m.end()), None)
        if nxt is None or nxt[2] not in ("INTERCEPT", "EW") or re.search(r"[.;:]\s|\bwhile\b|\btandis\b", text[m.end():nxt[0]]):
            continue
        for c in counts:
            if m.end() <= c.num.start and c.num.end <= nxt[0] and c.role == "launched" and \
                    not any(t[0] < m.end() <= c.num.start and t[1] > c.num.start for t in trig):
                c.role = ROLE_OF[nxt[2]]
    # inherit weapons (breakdown rows) from the previous count of the sentence
    for idx, c in enumerate(counts):
        if c.weapon is None:
            if re.match(r"^\s*(?:others?|more|autres)\b", text[c.num.end:], re.I) and idx == 0:
                pass
            if idx > 0 and counts[idx - 1].weapon:
                c.weapon, c.model = counts[idx - 1].weapon, None
            else:
                # "of the drones" / sentence-level weapon
                classes = {w.weapon_class for w in weapons}
                # "It said 61 had been shot down, while three Iskander-M missiles struck …": a weapon
                # counted in a later contrast clause is not the anaphor's group (that comes from context)
                later_own = weapons and all(w.start > c.num.end for w in weapons) and any(
                    o.weapon_own and o.num.start > c.num.end and re.search(
                        r"(?:,|;)\s*(?:while|whereas|but|though|although|mais|cependant|(?:tandis|alors)\s+qu(?:e|['’]))\b",
                        text[c.num.end:o.num.start], re.I) for o in counts)
                if len(classes) == 1 and weapons and not later_own:
                    c.weapon = weapons[0].weapon_class

    # ---- places for counts
    def place_list_from(i0: int):
        """Consecutive places starting at event_places[i0] joined by commas/and/et."""
        out = [event_places[i0]]
        j = i0 + 1
        while j < len(event_places):
            gap = text[out[-1].end:event_places[j].start]
            if re.fullmatch(r"\s*(?:regions?|oblasts?|Oblasts?)?\s*(?:,|and|et|,\s*and|,\s*et|ainsi\s+que|as\s+well\s+as)\s*(?:over\s+)?"
                            r"(?:the\s+|la\s+|le\s+|de\s+la\s+|de\s+|d['’]|du\s+|celle\s+de\s+|au\s+|à\s+)?(?:région\s+(?:de\s+|d['’]))?", gap, re.I):
                out.append(event_places[j])
                j += 1
            else:
                break
        return out

    count_starts = sorted(c.num.start for c in counts)
    for c in counts:
        n = c.num
        nxt = [s for s in count_starts if s > n.start]
        limit = nxt[0] if nxt else len(text)
        # parenthesis: "Belgorod (11)" / "de Koursk (26)"
        for i, p in enumerate(event_places):
            if p.end <= n.start and re.fullmatch(r"\s*(?:regions?|oblasts?|Oblasts?|region)?\s*\(\s*", text[p.end:n.start], re.I) \
                    and re.match(r"\s*\)", text[n.end:]):
                c.places = [p]
                break
        if c.places:
            continue
        # following place introduced by a location preposition
        for i, p in enumerate(event_places):
            if p.start < n.end or p.start >= limit:
                continue
            if p.start - n.end > 110:
                break
            # "Most of them, 31, were shot down over …": an apposed count takes its clause's place
            gap = _APPOSED_COUNT_COMMA.sub(" ", text[n.end:p.start], count=1)
            if re.search(r"[;:,]|\.\s", gap) or re.search(r"\b(?:said|according|a\s+(?:déclaré|indiqué|annoncé))\b", gap):
                break
            pre = text[max(0, p.start - 45):p.start]
            if re.match(r"\s*(?:regions?|oblasts?)?\s*\(\s*[\w\-]+\s*\)", text[p.end:], re.I) and not \
                    re.fullmatch(r"\s*", text[n.end:p.start]):
                break
            if _PLACE_PREP_BEFORE.search(pre):
                lst = place_list_from(i)
                c.places = lst
                c.place_multi = len(lst) > 1
            break
        if c.places:
            continue
        # region-first: "In the Voronezh region, 23 drones …" / "Dans celle de Briansk, 32" /
        # "In Kyiv Oblast, air defense forces downed nine drones" / "The Moscow region accounted for eight"
        prev_counts = [o for o in counts if o.num.end <= n.start]
        for i in range(len(event_places) - 1, -1, -1):
            p = event_places[i]
            if p.end > n.start:
                continue
            gap = text[p.end:n.start]
            if prev_counts and prev_counts[-1].num.start > p.end:
                break
            # a tally frame: "put the number of drones destroyed over the Bryansk region at 20"
            if re.fullmatch(r"(?:\s+(?:region|oblast|Oblast))?\s+at\s+(?:(?:some|about|around|at\s+least)\s+)?", gap, re.I) and \
                    re.search(r"\b(?:number|total|figure|tally|count)\s+of\s+(?:[\w\-]+\s+){0,4}?(?:over|in|above|across)\s+(?:the\s+)?$",
                              text[max(0, p.start - 80):p.start], re.I):
                c.places = [p]
                break
            tight = re.fullmatch(r"(?:\s+(?:region|oblast|Oblast|regions))?\s*,\s*(?:(?:another|some|a\s+further|encore)\s+)?", gap, re.I)
            verbal = re.fullmatch(r"(?:\s+(?:region|oblast|Oblast))?\s+(?:reported|said|recorded|accounted\s+for|saw|a\s+fait\s+état\s+de|a\s+signalé|a\s+enregistré)\s+(?:(?:another|some)\s+)?", gap, re.I) or \
                re.fullmatch(_ROW_VERBAL, gap, re.I)
            if verbal and not re.fullmatch(r"(?:\s+(?:region|oblast|Oblast))?\s+(?:reported|said|recorded|accounted\s+for|saw|a\s+fait\s+état\s+de|a\s+signalé|a\s+enregistré)\s+(?:(?:another|some)\s+)?", gap, re.I):
                # elliptic rows ("…, followed by the Kursk region with nine", "and the Kaluga region for 7")
                if _ROW_LEAD.search(text[max(0, p.start - 45):p.start]):
                    c.places = [p]
                    break
            loose = re.fullmatch(r"(?:\s+(?:region|oblast|Oblast))?\s*,\s*(?:[\w'’\-]+\s+){1,6}", gap, re.I) and \
                not re.search(r"\b(?:said|according|selon|a\s+(?:déclaré|indiqué))\b", gap)
            pre = text[max(0, p.start - 45):p.start]
            lead = re.search(r"(?:^|[.;:]\s*|,\s*|\s[—–\-]\s+|\b(?:and|et)\s+)(?:(?:In|Over|Above|Dans|Au-dessus|Sur|En|À|A)\b[^,]*|(?:celle|celles)\s+(?:de|d['’])\s*)$", pre, re.I)
            sent_start = re.search(r"(?:^|[.;:]\s*)(?:the\s+|la\s+|le\s+)?$", pre, re.I)
            if (tight and (lead or sent_start)) or (verbal and (sent_start or lead)) or \
                    (loose and lead and re.search(r"(?:^|[.;:]\s*)(?:In|Over|Above|Dans|Au-dessus|Sur|En|À)\b", pre)):
                c.places = [p]
            break
        if not c.places and c.distributive:
            # "three drones in each of the Kursk and Bryansk regions"
            for i, p in enumerate(event_places):
                if p.start > n.end and p.start - n.end < 80:
                    c.places = place_list_from(i)
                    break
        if not c.places and c.distributive:
            # the list before the figure: "over the Oryol, Tula and Lipetsk regions, four each"; "… d'Orel, de
            # Riazan et de Lipetsk, qui en comptent trois chacune"
            before_idx = [i for i, p in enumerate(event_places) if p.end <= n.start]
            if before_idx and re.fullmatch(r"(?:\s+(?:regions?|oblasts?|Oblasts?))?\s*,?\s*(?:(?:qui|which|that|where|où)\s+"
                                           r"(?:en\s+)?(?:[\w'’\-]+\s+){0,2})?",
                                           text[event_places[before_idx[-1]].end:n.start], re.I):
                last = event_places[before_idx[-1]]
                for i0 in before_idx:
                    lst = place_list_from(i0)
                    if lst[-1] is last and len(lst) > 1:
                        c.places = lst
                        break

    # "sur Stepnohirsk et Prymorske" (two towns of one region): one place, not a multi-region figure
    for c in counts:
        if len(c.places) > 1 and not c.distributive:
            codes = {p.admin1_code for p in c.places}
            if len(codes) == 1 and None not in codes:
                c.places = c.places[:1]
                c.place_multi = False

    # "quatre missiles de croisière et 21 drones au-dessus de la région de Rostov": the place
    # closes the coordination and applies to every member
    for i in range(len(counts) - 2, -1, -1):
        a, b = counts[i], counts[i + 1]
        if not a.places and len(b.places) == 1 and a.weapon_own and b.weapon_own and \
                re.search(r"\b(?:and|et)\s+$", text[a.num.end:b.num.start]) and \
                not re.search(r"[,;:]", text[a.num.end:b.num.start]) and len(_words(text[a.num.end:b.num.start])) <= 6:
            a.places = list(b.places)

    # ---- build items from counts
    items: list[Item] = []
    open_item: dict = {}   # coarse weapon → index of the unplaced item being filled

    def new_item(c: Count, place=None, multi=False) -> Item:
        it = Item(event_type="attack", weapon=c.weapon or "unknown", model=c.model, qualifier=c.qualifier,
                  anaphor=c.anaphor, toward_capital=c.toward_capital, pos=c.num.start, all_but=c.all_but,
                  all_anaphor=c.all_anaphor, correction=c.correction)
        it.rules.append(f"{lang}.item.per_place" if place is not None else
                        f"{lang}.item.multi_place" if multi else f"{lang}.item.count")
        it.place = place
        it.location_text = place.text if place is not None else None
        it.multi_place = multi
        return it

    def set_role(it: Item, c: Count) -> bool:
        it.rules.extend(_count_rule_ids(c, lang))
        role = c.role or ("intercepted" if it.place is not None or it.multi_place or c.anaphor else "launched")
        val = c.value
        if getattr(it, role) is not None:
            return False
        if val is None and c.qualifier == "approximate" and not c.all_anaphor and role != "launched":
            it.approx_role = it.approx_role or role
            it.qualifier = "approximate"
            return True
        if role == "launched" and c.qualifier == "at_least" and val is not None and c.pair_launched is None \
                and not c.all_anaphor and not c.all_of:
            # "more than 100 drones" launched: a lower bound, not the launch figure (count left null)
            it.approx_role = it.approx_role or role
            it.qualifier = "at_least"
            return True
        if c.all_anaphor and val is None:
            # "… 12 drones, and all of them were shot down": the whole launched group
            if it.launched is None or role == "launched":
                it.all_anaphor = True
                return True
            val = it.launched
        setattr(it, role, val)
        if c.pair_launched is not None:
            if it.launched is not None and it.launched != c.pair_launched:
                return False
            it.launched = c.pair_launched
        if c.all_of and role == "intercepted" and it.launched is None:
            it.launched = val
        if c.qualifier in ("approximate", "at_least"):
            it.qualifier = c.qualifier
        return True

    # corrections and running tallies: "revised the figure to 34", "the tally had risen to 15", "where the
    # total now stands at 11", "a porté son bilan à 24", "s'élève désormais à 42"
    for c in counts:
        if _CORRECTION_BEFORE.search(text[max(0, c.num.start - 90):c.num.start]):
            c.correction = True
            c.rules.append("count.correction")
            if c.role is None:
                c.role = "intercepted" if any(t[2] in ("INTERCEPT", "EW") for t in trig) or not any(
                    t[2] == "LAUNCH" for t in trig) else "launched"
            # "Two more were downed over Kursk, where the total now stands at 11": the increment is replaced
            inc = [o for o in counts if o is not c and not o.correction and o.num.end <= c.num.start and (
                re.match(r"^\s*(?:more|others?|additional|further|autres|de\s+plus|supplémentaires)\b", text[o.num.end:o.num.end + 20], re.I)
                or re.search(r"\b(?:another|a\s+further|encore)\s*$", text[max(0, o.num.start - 12):o.num.start], re.I))]
            if inc:
                o = inc[-1]
                if not c.places and o.places:
                    c.places, c.place_multi = o.places, o.place_multi
                c.weapon = c.weapon or o.weapon
                o.role, o.places, o.anaphor, o.pair_launched = None, [], False, None
    counts = [c for c in counts if c.role is not None or c.anaphor or c.places or c.pair_launched is not None]
    for c in counts:
        if c.value is None and c.qualifier == "approximate":
            pass
        if c.places and (len(c.places) == 1 or c.distributive):
            for p in c.places:
                it = new_item(c, p)
                set_role(it, c)
                items.append(it)
            continue
        if c.places and len(c.places) > 1:
            it = new_item(c, None, multi=True)
            it.location_text = " / ".join(p.text for p in c.places)
            it.ambiguous = True
            set_role(it, c)
            items.append(it)
            continue
        key = coarse(c.weapon)
        idx = open_item.get(key)
        if idx is None and key == "unknown" and len(open_item) == 1:
            idx = next(iter(open_item.values()))
        if idx is not None and c.role == "hits" and (items[idx].intercepted is not None or items[idx].lost_to_ew is not None):
            idx = None          # "52 were shot down … 13 drones hit targets": the hits are their own strike claim
        if idx is not None and not items[idx].toward_capital and not c.toward_capital:
            it = items[idx]
            prev_role_set = getattr(it, c.role or ("intercepted" if c.anaphor else "launched")) is not None
            if not prev_role_set and set_role(it, c):
                if c.weapon and it.weapon == "unknown":
                    it.weapon, it.model = c.weapon, c.model
                continue
        it = new_item(c)
        set_role(it, c)
        items.append(it)
        if not c.toward_capital:
            open_item[key] = len(items) - 1

    # parent links inside the sentence: placed interception rows under an unplaced total
    for i, it in enumerate(items):
        if it.toward_capital:
            # sub-row of the Moscow-region row if present, else of the total
            par = None
            for j in range(i - 1, -1, -1):
                pj = items[j]
                if pj.place is not None and (pj.place.admin1_code in ("RU-MOS", "RU-MOW")):
                    par = j
                    break
            if par is not None:
                it.parent = par
                it.place = items[par].place
            else:
                it.place = _area_plc(gaz, "RU-MOS", "toward the capital")
            it.location_text = "toward the capital"
            it.ambiguous = True
            continue
        if it.place is None and not it.multi_place:
            continue
        for j in range(i - 1, -1, -1):
            pj = items[j]
            if pj.place is None and not pj.multi_place and not pj.toward_capital and \
                    coarse(pj.weapon) in (coarse(it.weapon), "unknown") and pj.event_type == it.event_type and \
                    (pj.hits is None) == (it.hits is None):
                it.parent = j
                break
    # children must not exceed the total (else: not a breakdown)
    for j, pj in enumerate(items):
        kids = [k for k in items if k.parent == j and not k.toward_capital]
        tot = pj.intercepted if pj.intercepted is not None else pj.launched
        if kids and tot is not None:
            vals = [k.intercepted if k.intercepted is not None else (k.launched or 0) for k in kids]
            if sum(v or 0 for v in vals) > tot:
                for k in kids:
                    k.parent = None
    for it in items:
        if it.parent is not None:
            items[it.parent].is_total = True

    # event types
    for it in items:
        if it.intercepted is not None or it.lost_to_ew is not None:
            it.event_type = "interception"
        elif it.hits is not None:
            it.event_type = "strike"
        elif it.launched is not None:
            it.event_type = "attack"
        elif it.approx_role:
            it.event_type = {"intercepted": "interception", "lost_to_ew": "interception", "hits": "strike"}.get(it.approx_role, "attack")

    # a group the defence failed to stop: "none of the Kinzhal missiles were intercepted", "the Kinzhals could
    # not be shot down", "les Kinjal n'ont pas pu être interceptés" → that group's interception figure is 0
    # (kept only when it completes a launch figure, see core)
    for w in weapons:
        if w.weapon_class in ("aircraft",) or any(it.weapon in (w.weapon_class, "unknown") and
                                                 abs(it.pos - w.start) < 40 for it in items):
            continue
        before, after = text[max(0, w.start - 40):w.start], text[w.end:w.end + 70]
        if (_NONE_OF_BEFORE.search(before) and _INTERCEPT_AFTER.match(after)) or \
                (_DEF_BEFORE.search(before) and _NEG_INTERCEPT_AFTER.match(after)) or _FAILED_TO_BEFORE.search(before):
            items.append(Item(event_type="interception", weapon=w.weapon_class, model=w.model, intercepted=0,
                              qualifier="exact", anaphor=True, pos=w.start, rules=[f"{lang}.interception.none_downed"]))
    # "huit bombes … sur Stepnohirsk, dont trois ont frappé des maisons": the anaphoric figure
    # belongs to the launch figure before it, placed or not
    # (the nearest earlier launch figure of the same weapon group: "Russia fired two Kh-59s and 40
    # drones; both missiles were destroyed"; "… and all of them were shot down")
    for i in range(len(items) - 1, 0, -1):
        b = items[i]
        if not b.anaphor and not b.all_anaphor:
            continue
        if b.launched is not None and not (b.intercepted is not None and b.launched == b.intercepted):
            continue
        for j in range(i - 1, -1, -1):
            a = items[j]
            # "fired six Kalibr; three of them were downed over the Mykolaiv region": the single placed
            # anaphoric figure of an unplaced launch is that launch's interception, at that place
            lone_row = (a.place is None and not a.multi_place and b.place is not None and not b.multi_place and
                        a.intercepted is None and a.lost_to_ew is None and a.hits is None and
                        sum(1 for k in items if k.place is not None or k.multi_place) == 1)
            if a.launched is None or not (_same_place(a, b) or lone_row) or coarse(b.weapon) not in (coarse(a.weapon), "unknown"):
                continue
            if b.launched is not None and b.launched != a.launched:
                continue
            if b.all_anaphor and not any(b.counts):
                if a.intercepted is None and a.lost_to_ew is None:
                    a.intercepted = a.launched
                    a.event_type = "interception"
                    for k in range(len(items)):
                        if items[k].parent is not None and items[k].parent > i:
                            items[k].parent -= 1
                    del items[i]
                break
            slots = [k for k in ("intercepted", "lost_to_ew", "hits") if getattr(b, k) is not None]
            if not slots or any(getattr(a, k) is not None for k in slots):
                break
            if sum(getattr(b, k) or 0 for k in slots) > a.launched:
                break
            for k in slots:
                setattr(a, k, getattr(b, k))
            if lone_row and not _same_place(a, b):
                a.place, a.location_text, a.is_total = b.place, b.location_text, False
            a.event_type = "interception" if (a.intercepted is not None or a.lost_to_ew is not None) else "strike"
            for k in range(len(items)):
                if items[k].parent is not None and items[k].parent > i:
                    items[k].parent -= 1
            del items[i]
            break

    # a counted strike without its own place ("Russian forces struck Kharkiv with four bombs"): the
    # sentence's only event region
    regions = {p.admin1_code for p in event_places if p.admin1_code}
    if len(regions) == 1:
        only = next(p for p in event_places if p.admin1_code)
        for it in items:
            if it.event_type == "strike" and it.place is None and not it.multi_place:
                it.place, it.location_text = only, only.text

    # a placed "attack" in a sentence that reports interceptions is a breakdown row
    has_intercept = any(t[2] == "INTERCEPT" for t in trig)
    for it in items:
        if it.event_type == "attack" and it.place is not None and it.place.start >= 0 and re.search(
                r"\b(?:at|against|on|toward|towards|contre|sur|vers)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:région\s+de\s+|city\s+of\s+)?$",
                text[max(0, it.place.start - 30):it.place.start], re.I):
            continue
        if it.event_type == "attack" and (it.place is not None or it.multi_place) and has_intercept:
            it.intercepted, it.launched = it.launched, None
            it.event_type = "interception"
    # "Hits by two missiles and 10 drones were recorded at six locations", "des impacts de … ont été
    # enregistrés sur sept sites": one overall strike, the counts are its weapons
    hit_items = [it for it in items if it.event_type == "strike" and it.place is None and not it.multi_place]
    if len(hit_items) >= 1 and _SITE_COUNT.search(text):
        tot = hit_items[0]
        # "Impacts: the missile and 21 drones at 8 locations": every weapon named with the hits
        tot.weapon = _deps.combine_classes([it.weapon for it in hit_items] + [
            w.weapon_class for w in weapons if w.weapon_class != "aircraft" and w.start < (_SITE_COUNT.search(text).start())])
        tot.hits = sum(it.hits or 0 for it in hit_items) or None
        tot.is_total = True
        tot.model = tot.model if len(hit_items) == 1 else None
        items = [it for it in items if it is tot or it not in hit_items]
    # launch-only statements need a launch figure
    items = [it for it in items if not (it.event_type == "attack" and it.launched is None and it.approx_role != "launched")]
    # approximate counts: value unknown ("une dizaine", "plus de 400") → ambiguous, count null
    for it in items:
        if it.qualifier in ("approximate", "at_least"):
            it.ambiguous = True
            for k in ("launched", "intercepted", "lost_to_ew", "hits"):
                if it.qualifier == "approximate":
                    setattr(it, k, None) if False else None
    # "air defences repelled an attack", "all drones had been shot down", "des drones ont été détruits"
    ci = (_COUNTLESS_INTERCEPT.search(text) or _PASSIVE_REPELLED.search(text)) if not items and res.claimant is not None else None
    if ci is not None:
        it = Item(event_type="interception", weapon=_deps.combine_classes([w.weapon_class for w in weapons]) if weapons else "drone",
                  pos=ci.start(), rules=[f"{lang}.interception.countless"])
        if event_places:
            it.place, it.location_text = event_places[0], event_places[0].text
        # "the other drones were intercepted over the Oryol, Lipetsk and Tambov regions": one row per
        # region of the list, each ambiguous (no count per region)
        lst = [event_places[0]] if event_places else []
        for q in event_places[1:]:
            if re.fullmatch(r"\s*(?:regions?|oblasts?)?\s*(?:,|and|et|,\s*and|,\s*et)\s*(?:the\s+|de\s+la\s+|de\s+|d['’]|du\s+|la\s+région\s+(?:de\s+|d['’]))?",
                            text[lst[-1].end:q.start], re.I) and q.admin1_code and q.admin1_code not in {x.admin1_code for x in lst}:
                lst.append(q)
            else:
                break
        if len(lst) > 1 and all(x.admin1_code for x in lst):
            for q in lst:
                row = Item(event_type="interception", weapon=it.weapon, pos=q.start, place=q, location_text=q.text,
                           ambiguous=True, rules=[f"{lang}.interception.countless_region_list"])
                items.append(row)
        else:
            items.append(it)
    res.items = items

    # ---- strike statements
    _strike_items(text, lang, res, triggers, weapons, event_places, counts)
    return res


_TRIG_NEGATED = re.compile(
    r"\b(?:no|not|never|without|nor|neither|none|sans|aucune?|ni|pas|jamais|ne\s+\w+\s+pas|n['’]\w+\s+pas)\b"
    r"(?:\s+(?!(?:but|mais|however|cependant|although|though|while|tandis|alors)\b)[\w'’\-]+){0,5}\s*$", re.I)




_ATTACK_WITH_BEFORE = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|struck|strikes|targeted|targets|pounded|hit|frapp\w+|attaqu\w+|vis[ée]\w*|cibl\w+)\s+"
    r"(?:[\w'’\-]+\s+){0,6}?(?:with|using|avec|au\s+moyen\s+de|à\s+l['’]aide\s+de)\s+"
    r"(?:(?:at\s+least|some|about|around|more\s+than|over|up\s+to|au\s+moins|près\s+de|plus\s+de|environ|jusqu['’]à)\s+)?$", re.I)


def _attack_instrument_roles(text: str, counts: list, trig: list, weapons: list) -> None:
    """"Russia attacks Ukraine with 84 drones overnight: 61 downed", "l'ennemi a attaqué avec 95 drones": the
    counted instrument of an attack verb is the launch figure, even when a shoot-down verb follows later
    in the sentence (rule ``role.attack_instrument``)."""
    for c in counts:
        if c.role not in (None, "intercepted") or not c.weapon_own or c.anaphor or c.pair_launched is not None:
            continue
        if not _ATTACK_WITH_BEFORE.search(text[max(0, c.num.start - 90):c.num.start]):
            continue
        wend = next((w.end for w in weapons if w.start >= c.num.end), c.num.end)
        nxt = next((t for t in trig if t[0] >= wend), None)
        if nxt is not None and len(_words(text[wend:nxt[0]])) <= 1 and not re.search(r"[,;:.]", text[wend:nxt[0]]):
            continue        # "with 40 drones downed …": the participle gives the role
        c.role = "launched"
        c.rules.append("role.attack_instrument")
        for o in counts:        # "with 84 drones and a missile": the coordinated singular weapon too
            if "count.singular_weapon" in o.rules and 0 < o.num.start - wend < 40 and o.role in (None, "intercepted") \
                    and re.match(r"^\s*(?:and|et|as\s+well\s+as|plus|ainsi\s+qu['’]un)\b", text[wend:o.num.start + 1], re.I):
                o.role = "launched"
                o.rules.append("role.attack_instrument")

_APPOSED_COUNT_COMMA = re.compile(
    r"^\s*,\s*(?=(?:were|was|have\s+been|had\s+been|ont\s+été|a\s+été|avaient\s+été|sont|ont)\b)", re.I)

_CLAUSE_BREAK = re.compile(r"[.;]\s|[.;]$|\b(?:while|whereas|but|tandis|alors\s+que|mais)\b", re.I)


def _relative_anaphor_roles(text: str, counts: list, trig: list) -> None:
    """A count that opens a relative anaphor takes the verb of its own clause, not the launch verb
    before it: "launched 80 drones, 62 of which air defence was able to shoot down", "… 40 dont la
    défense a pu abattre" (rule ``role.relative_anaphor``)."""
    for idx, c in enumerate(counts):
        if c.role not in (None, "launched") or not _ANAPHOR_AFTER.match(text[c.num.end:]):
            continue
        if not any(o.role == "launched" and o.num.end <= c.num.start for o in counts[:idx]):
            continue
        nxt = next((t for t in trig if t[0] >= c.num.end), None)
        if nxt is None or nxt[2] not in ("INTERCEPT", "EW") or nxt[0] - c.num.end > 90:
            continue
        gap = text[c.num.end:nxt[0]]
        if _CLAUSE_BREAK.search(gap) or any(c.num.end <= o.num.start < nxt[0] for o in counts if o is not c):
            continue
        c.role = ROLE_OF[nxt[2]]
        c.rules.append("role.relative_anaphor")


_DEFINITE_GROUP = re.compile(r"\b(?:the|all\s+(?:the\s+)?|all|les|tous\s+les|toutes\s+les|l['’]ensemble\s+des)\s*$", re.I)


def _destroyed_launched_group(text: str, counts: list, trig: list, weapons: list) -> None:
    """"destroyed the 30 drones launched by Russia", "a détruit les 30 drones lancés": an interception
    verb before a definite counted group whose launch participle follows is the whole group shot
    down: intercepted = launched = N (rule ``count.destroyed_launched_group``)."""
    for c in counts:
        if c.role != "launched" or not c.weapon_own or c.pair_launched is not None:
            continue
        if not _DEFINITE_GROUP.search(text[max(0, c.num.start - 20):c.num.start]):
            continue
        pre = next((t for t in reversed(trig) if t[1] <= c.num.start), None)
        if pre is None or pre[2] != "INTERCEPT" or len(_words(text[pre[1]:c.num.start])) > 3 or \
                re.search(r"[,.;:]", text[pre[1]:c.num.start]):
            continue
        wend = next((w.end for w in weapons if w.start >= c.num.end), None)
        post = next((t for t in trig if wend is not None and t[0] >= wend), None)
        if post is None or post[2] != "LAUNCH" or len(_words(text[wend:post[0]])) > 1:
            continue
        c.role, c.all_of = "intercepted", True
        c.rules.append("count.destroyed_launched_group")

def _negated(text: str, t) -> bool:
    """A trigger under a negation in its own clause ("made no mention of a fire", "did not report
    any damage", "sans faire de dégâts", "n'a pas signalé d'incendie")."""
    before = re.split(r"[,;:()]|\b(?:but|mais|however|cependant|although|though|while|tandis|alors\s+que)\b", text[max(0, t[0] - 60):t[0]])[-1]
    return bool(_TRIG_NEGATED.search(before))


def _strike_items(text, lang, res: SentenceResult, triggers, weapons, event_places, counts):
    strike_trigs = [t for t in triggers if t[2] == "STRIKE" and not _negated(text, t) and not (
        re.match(r"(?i)^(?:struck|hit|attacked|frapp\w+|attaqu\w+)$", text[t[0]:t[1]]) and _STRIKE_WITH.match(text[t[1]:t[1] + 80])
        and any(it.launched is not None for it in res.items))]
    launch_trigs = [t for t in triggers if t[2] == "LAUNCH"]
    tgt = _target(text)
    # "destroyed a fuel depot", "avoir détruit un système Pantsir": destruction of a ground target
    for t in triggers:
        if t[2] == "INTERCEPT" and re.match(r"^(?:destroy|détrui)", text[t[0]:t[1]], re.I):
            nxt = text[t[1]:t[1] + 60]
            m = re.match(r"^\s*(?:(?:an?|the|une?|le|la|les|des|several|plusieurs)\s+)?(?:[\w\-]+\s+){0,2}", nxt, re.I)
            head = nxt[:m.end() + 40] if m else nxt
            if _target(head) and not any(t[1] <= w.start < t[1] + 25 for w in weapons):
                strike_trigs.append(t)
                continue
            # passive: "a house was destroyed", "une maison a été détruite": the subject is a ground target
            prev = text[max(0, t[0] - 70):t[0]]
            am = re.search(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|a\s+été|ont\s+été|avait\s+été|avaient\s+été|"
                           r"est|sont|été)\s+(?:(?:completely|totally|partly|partially|entièrement|totalement|partiellement)\s+)?$", prev, re.I)
            if am:
                subj = prev[:am.start()]
                subj = re.split(r"[,;:.]\s|\b(?:and|et)\s", subj)[-1]
                if _target(subj) and not any(t[0] - len(prev) + len(subj) - 1 <= w.start < t[0] for w in weapons) \
                        and not re.match(r"^\s*(?:over|above|au-dessus|near|près)\b", text[t[1]:t[1] + 20], re.I):
                    strike_trigs.append(t)
    # "a drone dropped explosives on a bus", "a largué une grenade sur une voiture": a hit on a ground target
    for t in launch_trigs:
        if _DROP_VERB.match(text[t[0]:t[1]]):
            m = re.match(r"^\s*(?:[\w'’\-]+\s+){0,3}?(?:on|onto|at|sur|contre)\s+(?:[\w'’\-]+\s+){0,3}", text[t[1]:t[1] + 80], re.I)
            if m and _target(text[t[1]:t[1] + m.end() + 30]) and not any(
                    it.event_type == "strike" or it.hits is not None for it in res.items):
                strike_trigs.append(t)
    if not strike_trigs:
        # "Les forces ukrainiennes ont attaqué mardi une usine …" → a strike on a named target
        if launch_trigs and tgt and not counts and re.search(
                r"\b(?:attacked|attaqué|a\s+attaqué|ont\s+attaqué|targeted|visé)\b|"
                r"\b(?:launched|carried\s+out|mounted|a\s+(?:mené|lancé|porté)|ont\s+(?:mené|lancé|porté))\s+(?:an?\s+|une\s+)?"
                r"(?:[\w\-]+\s+){0,5}?(?:attack|strike|assault|frappe|attaque|offensive)s?\s+(?:on|against|at|contre|sur|visant)\b", text, re.I):
            pass
        else:
            return
    # strikes already expressed as counted hits
    if any(it.event_type == "strike" for it in res.items):
        return
    if _NEG_DAMAGE.search(text) and not re.search(
            r"\b(?:damaged|endommagé|fire\s+broke|incendie\s+s['’]est|caught\s+fire|set\s+fire|hit\s+a|a\s+touché|ont\s+touché|ont\s+frappé)\b", text, re.I):
        return
    # "fire" only as part of "fired"/"ceasefire" is excluded by the lexicon; "attack" nouns are not strikes
    trig_words = " ".join(text[t[0]:t[1]].lower() for t in strike_trigs)
    only_casualty = all(re.match(r"^(?:injur|killed|killing|wound|bless|tu[ée])", text[t[0]:t[1]].lower()) for t in strike_trigs) if strike_trigs else False
    if only_casualty and not tgt and not re.search(r"\b(?:drone|missile|strike|frappe|attack|attaque|bomb)", text, re.I):
        return
    # a sentence that only says drones were shot down ("interceptions") is not a strike
    if res.items and all(it.event_type in ("interception", "attack") for it in res.items) and \
            not re.search(r"\b(?:damag|endommag|dégâts|dommages|fire\s|fires?\b|incendie|feu\b|hit\b|hits\b|touch|frapp|struck|impact|explosions?\b)", text, re.I):
        return
    if res.items and all(it.event_type == "attack" for it in res.items) and not re.search(
            r"\b(?:hit|struck|damag|endommag|touch|frapp|incendie|fire\s+broke|explos|impact)", text, re.I):
        return
    # group event places by admin1
    groups: dict = {}
    for p in event_places:
        key = p.admin1_code or ("SEA:" + p.text if (p.geo_precision in (None, "unknown")) else p.text)
        if p.admin1_code is None and p.country_code is None:
            key = "?" + p.text
        groups.setdefault(key, p)
    wclass = _deps.combine_classes([w.weapon_class for w in weapons])
    if any(it.event_type == "interception" for it in res.items) and not re.search(
            r"\b(?:debris|débris|fragments|wreckage|épave)", text, re.I):
        # "21 drones were shot down …, which reports two dead and damage in …": the damage's weapon is not stated
        wclass = "unknown"
    if _PRECISION.search(text) and wclass == "drone":
        wclass = "mixed"          # "long-range precision weapons and attack drones"
    model = next((w.model for w in weapons if w.model), None)
    plist = list(groups.values())
    # "in Sevastopol Bay in Russian-occupied Crimea": the second place contains the first
    for a, b in zip(list(plist), list(plist)[1:]):
        if a.admin1_code and b.admin1_code and a.admin1_code != b.admin1_code and a.end <= b.start and re.fullmatch(
                r"\s*(?:Bay|Harbou?r|port|baie)?\s*,?\s*(?:in|dans|en|of)\s+(?:the\s+)?(?:(?:Russian-)?occupied\s+|annexed\s+|"
                r"la\s+|le\s+|l['’]|la\s+péninsule\s+de\s+|the\s+peninsula\s+of\s+)?(?:[\w\-]+\s+)?",
                text[a.end:b.start], re.I) and b in plist:
            plist.remove(b)
    # clauses ("…, while in the Kharkiv region a drone hit …"): weapons of the place's own clause
    bounds = [0] + [m.end() for m in re.finditer(
        r",\s*(?:while|whereas|tandis\s+que|alors\s+que|and\s+in|et\s+(?:à|dans)|which|qui|que|où)\b|;\s*|"
        r"\b(?:came|comes|happened|occurred|est\s+survenue?|intervient|a\s+eu\s+lieu)\s+(?:\w+\s+){0,2}(?:after|before|après|avant)\b|"
        r"\b(?:hours|days|heures|jours)\s+(?:after|before|après|avant)\b", text)] + [len(text) + 1]
    rel_starts = {m.end() for m in re.finditer(r",\s*(?:which|qui|que|où)\b", text)}

    def clause_weapon(pos):
        for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
            if a <= pos < b:
                ws = [w for w in weapons if a <= w.start < b]
                if not ws and b in rel_starts and k + 2 < len(bounds):
                    # "the attack on the X plant, which the General Staff said its drones hit": the
                    # relative clause carries the antecedent's weapon
                    ws = [w for w in weapons if b <= w.start < bounds[k + 2]]
                return _deps.combine_classes([w.weapon_class for w in ws]) if ws else "unknown"
        return wclass
    overall = bool(_SITE_COUNT.search(text) or _OVERALL_STRIKE.search(text))
    if not plist:
        it = Item(event_type="strike", weapon=wclass, model=model, target=tgt, pos=strike_trigs[0][0] if strike_trigs else 0,
                  rules=[f"{lang}.strike.unplaced"])
        it.country_hint = res.country_hint
        it.attacker = res.explicit_attacker
        it.is_total = overall
        res.items.append(it)
        return
    multi = len(plist) > 1
    parent = None
    if multi and overall:
        # an overall strike stated over a list of regions: the total, then one row per region
        tot = Item(event_type="strike", weapon=wclass, model=model, target=tgt, pos=plist[0].start - 1, is_total=True,
                   rules=[f"{lang}.strike.overall_total"])
        tot.country_hint = res.country_hint or plist[0].country_code
        res.items.append(tot)
        parent = len(res.items) - 1
    for p in plist:
        it = Item(event_type="strike", weapon=clause_weapon(p.start) if len(bounds) > 2 else wclass, model=model,
                  target=tgt, place=p, location_text=p.text, ambiguous=multi, pos=p.start, parent=parent,
                  rules=[f"{lang}.strike.per_place"])
        res.items.append(it)
