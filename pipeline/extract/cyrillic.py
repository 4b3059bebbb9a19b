"""Russian / Ukrainian claim extraction (MoD Telegram, TASS/RIA/Interfax/RBC, Ukrainian Air
Force and General Staff Telegram, Ukrainska Pravda / Suspilne).

Public API::

    extract_cyrillic(article: dict, sentences: list[dict], resources) -> list[dict]

returns mention dicts as described in ``docs/interfaces.md`` (plus the hint keys ``admin1``,
``admin1_code`` and ``country_code`` the rules already know, e.g. for seas, cut region names and
"летевших на Москву" sub-rows).

How it works (all rules, no per-document cases):

1. **Units.** The text is normalised (same length, markdown blanked, lower case) and cut into
   units: sentences, except that a bulleted / dashed list after a colon or a comma stays one unit
   with its total (Telegram ▪️/▫️ rows), and a paragraph break always ends a unit.
2. **Per unit**: weapon noun phrases (NP) with their counts, event triggers (interception,
   launch, lost to EW, strike, front-line "нанесли поражение"), places (regions, cities, seas;
   launch areas "з напрямку", "с территории" removed), numbers (digits and words, "по три"
   distributive, "X из Y"). Each counted NP gets a role from the nearest trigger (instrumental
   case → launch). Interception NPs get breakdown rows: every later count with a place in its
   window ("семь – над территорией Белгородской"), region-first rows ("Курская область – 19",
   "над Тверской (шесть)"), "в том числе N, летевших на Москву" sub-rows, "всего – 35" totals.
3. **Article level**: claimant per unit (explicit attribution, "по его словам"/continuations
   carry the previous one, "Про це повідомив" attributes the quote before it, an official
   channel owns its own posts, else ``outlet``), dates (the unit's own expression, else the
   article's main date unless the post is a digest / daily summary), rows of a later unit
   attached to an earlier total of the same weapon group, launch + interception + "локаційно
   втрачено" figures of one weapon group merged into one claim, headline claims merged into the
   body claims they restate, duplicates removed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from . import budget, cyrillic_lex as L
from . import cyrillic_forms as F
from .outlets import channel_claimant, lookup as outlet_lookup
from .numbers import parse_number
from .trace import rule_ids, traced
from .cyrillic_lex import NW, NE

log = logging.getLogger(__name__)

MISSILE_FAMILY = {"missile", "ballistic_missile", "cruise_missile"}
_OCCUPIED = {"UA-14", "UA-09", "UA-23", "UA-65", "UA-43", "UA-40"}

# --------------------------------------------------------------------------- patterns

def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with every literal space matching any run of whitespace (markdown is blanked to
    spaces, so "**Черного** **моря**" reads as "черного     моря")."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


_BULLET = "▪▫◽◾•●🔹🔸🔺🔻💥⚡❗✅📌🗓📆➡▶►🎖"
_BULLET_RE = re.compile("[" + _BULLET + "]")
_SENT_END_RE = re.compile(r"[.!?…]+[»\")\]]*(?=\s+[«\"(]*[A-ZА-ЯЁІЇЄҐ0-9" + _BULLET + "—–-])")
_ABBREV_RE = re.compile(NW + r"(?:г|гг|т\.?\s*д|т\.?\s*п|обл|им|ул|р-н|с|пос|пгт|ст|млн|млрд|тыс|тис|див|напр|см|п|м|н\.\s*п)\.$")

_NEG_UNIT = [
    r"потер\w* (?:противника|всу|врага|украинских|ворога|рф|окупант\w*)?\s*(?:за сутки )?(?:составил\w*|склал\w*)",
    r"(?:противник|враг|всу|ворог) (?:\w+ )?(?:потерял\w*|втратив|втратили)",
    r"потери (?:всу|противника) (?:за сутки )?составили",
    r"обмен\w* (?:военнопленн|пленн)\w*|военнопленн\w*|возвращен\w* \d+ российск\w*|обмін\w* (?:полонен|військовополонен)\w*|полонен\w*",
    r"награжд\w*|удостоен\w*|медал\w* |орден\w* (?:мужества|суворова|кутузова)|нагороджен\w*",
    r"с начала (?:года|\d{4} года|специальной военной операции|сво|войны|конфликта)|з початку (?:року|\d{4} року|війни|повномасштабного)|від початку (?:року|війни|повномасштабного)",
    r"за (?:девять|\w+) месяц\w*|за \w+ місяц\w*|за (?:весь )?(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)|за (?:січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень)|протягом (?:травня|місяця|\w+ня)|у (?:травні|квітні|березні|червні|липні|серпні|вересні|жовтні|листопаді|грудні|січні|лютому)\b",
    r"повітрян\w* тривог\w*|воздушн\w* тревог\w*|сигнал\w* тривог\w*",
    r"обезвред\w* взрывоопасн\w*|разминир\w*|неразорвавш\w*|контролируем\w* подрыв\w*|розмінуван\w*",
    r"производств\w* (?:дронов|беспилотник\w*|ракет)|виробництв\w* (?:дронів|ракет)",
    r"(?:общ\w*|суммарн\w*) продолжительност\w*|загальн\w* тривалість",
    r"ограничени\w* на (?:работу|полеты)",
    # weapon profiles: "предназначен для поиска и уничтожения", "способен поражать"
    r"предназначен\w* для|призначен\w* для|способн\w* (?:поражать|уничтожать|сбивать)|здатн\w* (?:уражати|знищувати|збивати)",
]
_NEG_UNIT_RE = _rx("|".join("(?:%s)" % p for p in _NEG_UNIT))
_GROUND_REPEL_RE = _rx(r"(?:отразил\w*|отражен\w*|сорван\w*|відбил\w*|відбит\w*) (?:\w+ ){0,3}(?:атак\w*|контратак\w*|штурм\w*)")
_CUMULATIVE_RE = _rx(r"(?:более|свыше|понад) (?:сотни|тысяч\w*|сотні|тисяч\w*)|множеств\w* (?:уничтоженн|сбит)\w*|десятки уничтоженн\w*")

_LAUNCH_AREA_RE = _rx(
    r"(?:^|\s)(?:с|со|из|з|із|зі)\s+(?:(?:территори\w*|територі\w*|район\w*|акватори\w*|напрямк\w*|направлени\w*|сторон\w*|боку|аэродром\w*|аеродром\w*)\s+)?"
    r"(?:(?:пуск\w*|пусков\w*)\s+)?(?:(?:населенн\w*\s+пункт\w*|населен\w*\s+пункт\w*|н\.\s*п\.)\s+[\w'\-]+\s+)?$")
_LAUNCH_LIST_RE = _rx(r"(?:з|із|с|со) (?:напрямк\w*|направлени\w*)[^.]*$")

_INSTR_RE = _rx(r"(?:ами|ями|ыми|ими|ым|им|ом|ою|ой)$")
_SINGULAR_HEAD_RE = _rx(NW + r"(?:ракета|ракету|снаряд|бомба|бомбу|беспилотник|безпілотник|дрон|вертол[её]т|вертоліт|самол[её]т|літак|катер|аппарат|апарат)" + NE)
_SINGULAR_ADJ_RE = _rx(NW + r"(?:украинск|ударн|беспилотн|разведывательн|российск|ворож|українськ|російськ)(?:ий|ый|ая|ой|а|ий)" + NE)
_SINGULAR_VERB_RE = _rx(NW + r"(?:уничтожен|сбит|перехвачен|уничтожена|сбита|перехвачена|ликвидирован|обнаружен и уничтожен|збитий|збита|знищений|знищена)" + NE)
_ALL_RE = _rx(NW + r"(?:все|всі|усі)\s+(?:[а-яіїєґ'\-]+(?:ие|ые|і|их|ых)\s+){0,2}$")

_OWN_AGENT = {
    "RU": _rx(r"артиллери\w*|огн[её]м|ударами|авиацией|расчет\w* (?:\w+ )?(?:дрон|бпла|птрк|сау|рсзо)\w*|вооруженн\w* сил\w* (?:российской федерации|рф|россии)|вс рф|российск\w* (?:войск|военн|сил|армия|авиаци)\w*|подразделени\w*|группировк\w*|расчет\w*|расчёт\w*|авиаци\w*|нанесл\w*|нанесен\w*|нанес\b|поразил\w*|уничтожил\w*|ударн\w* бпла|героями"),
    "UA": _rx(r"сил\w* оборони|сили оборони|зсу (?:уразил|знищил|атакувал)|українськ\w* (?:військ|сил|дрон)\w*|сбу\b|гур\b|сил\w* безпілотних систем|уразил\w*|уражен\w*|ураження"),
}
_ENEMY_AGENT = {
    "RU": _rx(r"всу\b|украинск\w*|киевск\w* режим\w*|противник\w*|враг\w*|обломк\w*|вражеск\w*"),
    "UA": _rx(r"ворог\w*|противник\w*|росіян\w*|окупант\w*|рф\b|росія|уламк\w*|російськ\w*"),
}

_ATTRIB_VERB_RE = _rx(
    r"сообщ\w*|заяв\w*|говорится|по данным|по словам|по информации|отметил\w*|уточнил\w*|рассказал\w*|"
    r"написал\w*|передает|передаёт|информирует|подтверд\w*|добавил\w*|"
    r"повідом\w*|заяв\w*|за даними|за словами|за інформацією|підтверд\w*|зазначил\w*|зазначив|інформу\w*|написав|написала|"
    # claim / assert / report verbs of the same family ("стверджує", "утверждает", "запевнив", "доложил")
    r"утвержда\w*|завер(?:я|и)\w*|отчита\w*|отчитыва\w*|доложи\w*|доклады\w*|объяви\w*|объявля\w*|отмеча\w*|уточня\w*|"
    r"проинформирова\w*|стверджу\w*|стверджув\w*|запевн\w*|відзвіту\w*|звітува\w*|доповіл\w*|доповів|доповіда\w*|"
    r"оголоси\w*|оголошу\w*|зазнача\w*|уточни\w*|уточню\w*|наголоси\w*|наголошу\w*|розповіл\w*|розповів|додав|додала|"
    r"додали|поінформува\w*|вказа\w*|вказу\w*|указыва\w*")
_CARRY_RE = _rx(
    r"^\W*(?:по (?:его|ее|её|их) (?:словам|данным)|по данным (?:ведомства|губернатора|минобороны)|"
    r"за (?:його|її|їхніми|їх) (?:словами|даними)|за даними (?:відомства|губернатора)|"
    r"(?:еще|ещё|ще|также|також|кроме того|крім того|из них|з них|з дронів|из дронов|остальн\w*|решта|при этом|"
    r"при цьому|всего|загалом|в целом|ранее ведомство|в ведомстве)\b)")
_BACKWARD_ATTRIB_RE = _rx(r"^\W*(?:про це|об этом|це|это) (?:\w+ )?(?:повідоми\w*|сообщи\w*|заяви\w*|написа\w*|розповіл\w*)")
_OWN_REGION_RE = _rx(NW + r"(?:над (?:областью|регионом|регіоном|областю)|в (?:области|регионе)|у (?:регіоні|області)|по территории (?:области|региона)|по території (?:області|регіону)|в регионе|над територією області)" + NE)
_DIGEST_RE = _rx(r"главное за (?:день|сутки|неделю)|за (?:прошедшие )?сутки|протягом (?:минулої )?доби|за минулу добу|по состоянию на|станом на \d+ (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)")
_CUMULATIVE_ART_RE = _rx(r"с начала (?:года|\d{4} года|специальной военной операции|сво)|з початку (?:року|\d{4} року|повномасштабного)|за (?:девять|\w+) месяц\w*|за \w+ місяц\w*")
_DAILY_RE = _rx(r"за (?:прошедшие |минувшие )?сутки|протягом (?:минулої )?доби|за минулу добу|за прошедший день")
_AS_OF_RE = _rx(r"по состоянию на \d{1,2} [а-я]+|станом на \d{1,2} [а-яіїє]+ \d{4}")
_TOTAL_WORD_RE = _rx(r"(?:всего|в общей сложности|в целом|итого|загалом|усього|всього|разом)\W+(?:\w+\W+){0,5}$")
_INCL_RE = _rx(r"(?:в том числе|у тому числі|в т\. ?ч\.|включно з|из которых|з яких)\W*$")
_OF_THEM_AFTER_RE = _rx(r"^\s*(?:из|з|із) (?:них|которых|яких)")
_OF_THEM_BEFORE_RE = _rx(r"(?:из|з|із) (?:них|которых|яких)\W*$")
_X_OF_Y_RE = _rx(r"^\s*(?:из|з|із)\s+$")
_FLYING_MOSCOW_RE = _rx(r"(?:летевш|летящ|летів|що летіли|летіли)\w* (?:\w+ )?(?:на |до |в сторону )?(?:москв|столиц)\w*")
_PLACE_PREP_RE = _rx(r"(?:над|в|во|у|на|по|в районе|в районах|поблизу|біля|под)\s+(?:(?:территори\w*|територі\w*|акватори\w*|район\w*|населенн\w* пункт\w*)\s+)?$")
_GROUND_OBJ_RE = _rx(
    NW + r"(?:склад\w*|пусков\w* установк\w*|кабин\w* управлени\w*|зрк|зенитн\w* ракетн\w* комплекс\w*|пункт\w* (?:управлени|временной дислокаци)\w*|"
    r"радиолокационн\w* станци\w*|рлс|позици\w*|опорн\w* пункт\w*|аэродром\w*|нефтебаз\w*|нпз|цех\w*|предприяти\w*|объект\w*|"
    r"подстанци\w*|пикап\w*|эшелон\w*|мост\w*|вокзал\w*|депо|ангар\w*|база\b|баз[ыу]\b|штаб\w*|склады|цели|целей|цель|самолет\w* на аэродроме|"
    r"расч[её]т(?:а|ы|ов)? (?:\w+ ){0,3}(?:противник\w*|всу|птрк|миномет\w*|орудия|гаубиц\w*|противотанков\w*)|живой сил\w*|живая сила|бронетехник\w*|"
    r"танк(?:а|и|ов)?|бмп|бтр|бронемашин\w*|боев\w* машин\w*|орудия|орудий|гаубиц[аыу]\b|миномет(?:а|ы|ов)?\b|птрк|самоходн\w* артиллерийск\w* установк\w*)")
_FRONTLINE_INFRA_RE = _rx(r"объект\w* (?:энергети|транспорт|военн|инфраструкт|оборонн|топливн)\w*|инфраструктур\w*|энергетик\w*|предприяти\w*|аэродром\w*|пункт\w* (?:временной )?дислокаци\w*|цех\w*")
_FRONTLINE_AGENTS = [
    (_rx(r"авиаци\w*|авіаці\w*"), "aircraft"),
    (_rx(r"ударн\w* бпла|ударн\w* беспилотн\w*|ударн\w* дрон\w*"), "drone"),
    (_rx(r"ракетн\w* войск\w*|ракет\w*|высокоточн\w* оружи\w*"), "missile"),
    (_rx(r"артиллери\w*|артилер\w*"), "artillery"),
]
_NEGATED_STRIKE_RE = _rx(r"(?:без|не|нет|немає|не було|не зафіксовано|не выявлено)\s+(?:\w+\s+)?$")
_STRIKE_NEG_AFTER_RE = _rx(r"^\s*(?:\w+\s+){0,2}(?:нет|немає|не зафиксирован\w*|не зафіксован\w*|не допущен\w*)\b")
_NO_DAMAGE_RE = _rx(r"(?:пострадавших|постраждалих|жертв)(?: и | і | та |, )?(?:разрушений|руйнувань|пошкоджень|повреждений)? (?:нет|немає|не було)|разрушений нет|повреждений нет|без (?:негативних )?наслідків|без разрушений|без пострадавших|без повреждений")
_HIT_OBJECT_RE = _rx(NW + r"(?:(?:легков|грузов|рейсов|пассажирск|частн|жил|служебн)\w* )?(?:автомобил\w*|автобус\w*|машин\w*|грузовик\w*|дом\w*|здани\w*|предприяти\w*|автомобіл\w*|будин\w*|підприємств\w*|трактор\w*|маршрутк\w*|поезд\w*|локомотив\w*|электричк\w*|мирн\w* жител\w*|людей|цивільн\w*)")
_FACILITY_OBJ_RE = _rx(r"\s*(?:\w+\s+)?(?:нефтебаз\w*|нафтобаз\w*|нпз|нефтеперерабатывающ\w*|нафтопереробн\w*|подстанци\w*|підстанці\w*|"
                       r"склад\w*|завод\w*|предприяти\w*|підприємств\w*|объект\w* (?:энергет|инфраструкт)\w*|об'єкт\w* (?:енергет|інфраструкт)\w*|"
                       r"элеватор\w*|елеватор\w*|терминал\w*|термінал\w*)")
_AGENT_BEFORE_RE = _rx(r"(?:расчет\w*|расчёт\w*|оператор\w*|экипаж\w*|при помощи|с помощью|с применением|із застосуванням|за допомогою|пилот\w*|дроновод\w*|ударами|ударом|операторами|розрахун\w*)\s+(?:\w+\s+){0,2}$")
_AIR_CONTEXT_RE = _rx(r"зрк\b|зпрк\b|зенитн\w* ракетн\w*|«?панцир\w*|«?тор»|«?бук»|с-300|с-400|над (?:регионом|областью|областю|регіоном|городом|містом|столицей|столицею)|пво|ппо|про\b|противовоздушн\w*|протиповітрян\w*|противоракетн\w*|рэб|реб\b|зенитн\w*|зенітн\w*|в воздухе|у повітрі|над (?:территори|акватори|територі)\w*|над \w+(?:ской|ского|цкой|ською|ським|ській|ой) (?:област|кра|республик)\w*|сбит\w*|сбил\w*|перехват\w*|перехвач\w*|збит\w*|збил\w*|перехопл\w*|на подлете|на підльоті|подавлен\w*|мобільн\w* вогнев\w*|истребител\w*|винищувач\w*|авиаци\w* (?:пво|вкс)|силами ппо|сили ппо|сил\w* ппо")
_ENEMY_WEAPON_RE = _rx(r"(?:украинск|вражеск|ворож|російськ|противника|противник|ударн|шахед|shahed|герань)\w*")
_AMBIG_DESTROY_RE = re.compile(r"^(?:уничтож|знищ|ликвидир|нейтрализ|нейтраліз)")
_STRIKE_ADJ_RE = _rx(r"(ракетн|авиа|артиллерийск|артилерійськ|бомбов|ракетно-бомбов)\w*\s*(?:\[)?\s*(?:удар|авіаудар|обстріл|обстрел)")
_STRIKE_ADJ_CLS = {"ракетно-": "mixed", "ракетн": "missile", "авиа": "aircraft", "артил": "artillery", "бомбов": "aircraft"}
_DETECT_RE = re.compile(r"^(?:обнаружен|виявлен)")
_EW_EXPLICIT_RE = _rx(r"рэб\b|реб\b|радиоэлектронн\w*|радіоелектронн\w*|локационно|локаційно")
_ENEMY_LAUNCH_RE = {
    "RU": _rx(r"всу\b|украин\w*|киевск\w*|противник\w*|враг\w*|вражеск\w*|неонацист\w*|боевик\w*"),
    "UA": _rx(r"ворог\w*|противник\w*|росі\w*|рф\b|окупант\w*|російськ\w*|рашист\w*|агресор\w*"),
}
_OWN_LAUNCHER_RE = _rx(r"российск\w* (?:штурмовик|военн|бойц|подразделени|расчет|оператор|десантник|артиллерист)\w*|"
                       r"(?:расчет|оператор|дроновод|штурмовик|десантник|разведчик)\w* (?:\w+ ){0,3}(?:применил|запустил|использовал)\w*")
_ENEMY_SUBJECT_RE = _rx(r"киевск\w* режим\w*|(?:противник|всу|враг|украинск\w* (?:войск|формировани|вооруженн)\w*) (?:\w+ )?(?:атаковал|применил|запустил|выпустил|предпринял|пытал)\w*|пресечен\w* попытк\w*")
_PVO_RE = _rx(r"пво\b|ппо\b|противовоздушн\w*|протиповітрян\w*|рэб\b|реб\b|зрк\b|зенитн\w*|зенітн\w*")
_AIR_TARGETS_RE = _rx(NW + r"(?:(?:все|всі|усі)\s+)?(?:воздушн\w*\s+|повітрян\w*\s+)?(?:цели|целей|цель|цілі|цілей|ціль)" + NE)
_REPEL_RE = _rx(r"отражени\w* (?:\w+ )?атак\w*|отразил\w* (?:\w+ )?атак\w*|відбит\w* (?:\w+ )?атак\w*|відбил\w* (?:\w+ )?атак\w*")
_TARGET_PHRASE_RE = _rx(
    r"(?:пункт\w*|склад\w*|позици\w*|мест\w* (?:\w+ )?(?:запуск|хранени|сборк|базировани|взлет|дислокаци)\w*|производств\w*|"
    r"цех\w*|расчет(?:а|ы|ов)?|расчёт(?:а|ы|ов)?|оператор(?:а|ы|ов)|ангар\w*|мастерск\w*|пусков\w* (?:установ\w*)?|площадк\w*|"
    r"центр\w* (?:\w+ )?(?:управлени|подготовк)\w*|пункт\w* управлени\w*|місц\w* (?:\w+ )?(?:запуск|зберіган|базуван)\w*|розрахун(?:ок|ки|ків)|"
    r"командн\w* пункт\w*|укрыти\w*|хранилищ\w*|скопления?|ангары?)\s+(?:[\w«»\-]+\s+){0,2}$")
_ATTRIBUTIVE_RE = re.compile(r"^(?:сбит|збит|уничтоженн|перехваченн|знищен|подавленн)(?:ых|ого|ой|ую|ым|их|ої|ими|ыми|ому|ій)$")
_LOC_COUNT_RE = _rx(NW + r"(?:на|у|в)\s+(?:\d+|[а-яіїє']+)\s+(?:локаці\w*|локаци\w*|місц\w*|адрес\w*)" + NE)
_CORRECTION_RE = _rx(r"(?:уточн\w*|скоригува\w*|скорректир\w*|оновил\w* (?:дан\w*|інформаці\w*|цифр\w*)|обновил\w* (?:данн\w*|информаци\w*))(?:\s+(?:дан\w*|данн\w*|інформаці\w*|информаци\w*|цифр\w*|кількість|количество))?")
_EARLIER_RE = _rx(NW + r"(?:раніше|ранее|спочатку|сначала|первоначально|попередньо|изначально)" + NE)
_ATTR_ICPT_RE = _rx(NW + r"(?:збит|сбит|перехоплен|перехваченн|знищен|уничтоженн)(?:их|ых|і|ые)" + NE)
_DEBRIS_RE = _rx(r"обломк\w*|уламк\w*|падени\w*|падінн\w*")

_TARGETS = [
    (r"нпз|нефтеперерабатывающ\w* завод\w*|нафтопереробн\w* завод\w*", "oil refinery"),
    (r"нефтебаз\w*|нафтобаз\w*", "oil depot"),
    (r"нафтоперекачувальн\w* станці\w*|нефтеперекачивающ\w* станци\w*", "oil pumping station"),
    (r"аэродром\w*|аеродром\w*", "airfield"),
    (r"подстанци\w*|підстанці\w*", "electrical substation"),
    (r"объект\w* энергети\w*|энергетическ\w* инфраструктур\w*|енергетичн\w* інфраструктур\w*|об'єкт\w* енергетик\w*", "energy infrastructure"),
    (r"склад\w* боеприпас\w*|склад\w* боєприпас\w*", "ammunition depot"),
    (r"компрессорн\w* станци\w*|газокомпрессорн\w*", "gas compressor station"),
    (r"жил\w* дом\w*|частн\w* дом\w*|житлов\w* будин\w*|приватн\w* будин\w*|багатоповерхів\w*|многоквартирн\w* дом\w*", "residential buildings"),
    (r"автомобил\w*|автобус\w*|автомобіл\w*", "vehicle"),
    (r"линию электропередачи|линия электропередачи|лэп|лінію електропередачі", "power line"),
    (r"порт\w*", "port infrastructure"),
    (r"предприяти\w* впк|оборонн\w* предприяти\w*|підприємств\w* впк", "defence industry"),
    (r"промышленн\w* предприяти\w*|промислов\w* підприємств\w*|промзон\w*", "industrial facility"),
]
_TARGETS_RE = [(_rx(NW + "(?:" + p + ")"), t) for p, t in _TARGETS]


# --------------------------------------------------------------------------- data classes

@dataclass
class Unit:
    idx: int
    start: int
    end: int
    text: str           # original
    norm: str           # normalised
    para: int
    is_title: bool = False
    bullet: bool = False
    claimant: Any = None        # L.ClaimantHit | None
    explicit: bool = False
    date: dict | None = None
    own_date: bool = False


@dataclass
class NP:
    start: int
    end: int
    cls: str
    models: list
    hits: list
    count: Any = None          # L.Num
    count_of: Any = None       # "X из Y": the X
    role: str | None = None    # interception | launch | ew | hits | strike_agent | None
    all_flag: bool = False
    singular: bool = False

    @property
    def generic(self) -> bool:
        return bool(self.hits) and all(h.kind in ("generic", "mod") for h in self.hits)


@dataclass
class C:   # an internal claim
    unit: Unit
    units: list
    event_type: str
    cls: str
    models: list = field(default_factory=list)
    launched: int | None = None
    intercepted: int | None = None
    lost_to_ew: int | None = None
    hits: int | None = None
    qualifier: str | None = None
    region: Any = None           # L.Region
    loc_text: str | None = None
    ambiguous: bool = False
    notes: list = field(default_factory=list)
    parent: Any = None           # C
    role: str = "single"         # total | row | single | sub
    pos: int = 0
    all_flag: bool = False
    attacker: str | None = None
    agent_side: str | None = None
    target: str | None = None
    claimant: str | None = None
    side: str | None = None
    claimant_code: str | None = None
    claimant_kind: str | None = None
    date: dict | None = None
    dropped: bool = False
    country_hint: str | None = None
    generic: bool = False
    launch_units: list = field(default_factory=list)
    correction: bool = False
    missed: int | None = None    # "не вдалося збити лише N": the count not shot down
    claimant_source: str = field(default="unknown", compare=False)   # text | outlet | unknown
    rules: list = field(default_factory=list, compare=False)   # rule ids that made or changed it


# --------------------------------------------------------------------------- segmentation

def _segment(text: str, norm: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) units."""
    cuts: set[int] = set()
    hard: set[int] = set()
    for m in re.finditer(r"\n[ \t]*\n+", text):
        hard.add(m.start())
        hard.add(m.end())
    # single newlines: a boundary unless the line continues a list
    for m in re.finditer(r"\n", text):
        i = m.start()
        if i in hard:
            continue
        prev = norm[:i].rstrip(" \t*_")
        nxt = norm[i + 1:].lstrip(" \t*_")
        prev_line = prev.rsplit("\n", 1)[-1].strip()
        if prev.endswith((":", ",", ";")) or prev.endswith(tuple(" " + w for w in ("и", "та", "і", "а"))):
            continue
        if prev_line[:1] in "—–-" + _BULLET and nxt[:1] in "—–-" + _BULLET:
            continue
        if not prev_line or prev_line[-1:] not in ".!?…»\")" and nxt[:1].islower():
            continue
        cuts.add(i + 1)
    for m in _SENT_END_RE.finditer(L.clean(text)):
        before = norm[max(0, m.start() - 8):m.start() + 1]
        if _ABBREV_RE.search(before):
            continue
        # "... 2025 г. В ..." is an abbreviation; "РИА Новости. В" is a sentence end
        cuts.add(m.end())
    # bullets inside a line start a new unit unless they continue a list after ":" or ","
    for m in re.finditer("[" + _BULLET + "]", text):
        i = m.start()
        prev = norm[:i].rstrip(" \t*_\ufe0f\u200d" + _BULLET)
        if prev.endswith((":", ",", ";")):
            continue
        # a bulleted list under "…: \n▪️ 12 ракет;\n▪️ 90 БпЛА" (single newlines) continues the colon line
        prev_nl = prev.rstrip("\n\r \t")
        if prev != prev_nl and "\n\n" not in norm[len(prev_nl):i] and prev_nl.endswith((":", ";")):
            continue
        cuts.add(i)
    bounds = sorted(cuts | hard | {0, len(text)})
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    units = []
    for a, b in zip(bounds, bounds[1:]):
        seg = text[a:b]
        if not seg.strip():
            continue
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        s, e = a + lead, a + trail
        # strip leading bullets / emoji
        while s < e and (text[s] in _BULLET + "\ufe0f\u200d*_ #" or ord(text[s]) > 0x2190 and not text[s].isalnum()):
            s += 1
        if e - s < 2:
            continue
        para = sum(1 for x in breaks if x < s)
        units.append((s, e, para))
    return units


# --------------------------------------------------------------------------- helpers

def _coarse(cls: str | None) -> str | None:
    if cls in (None, "unknown"):
        return None
    if cls in MISSILE_FAMILY:
        return "missile"
    if cls in ("drone", "glide_bomb"):
        return cls
    return "other"


def _compatible(a: str | None, b: str | None) -> bool:
    ca, cb = _coarse(a), _coarse(b)
    return ca is None or cb is None or ca == cb


def _combine(classes) -> str:
    s = {c for c in classes if c and c != "unknown"}
    if not s:
        return "unknown"
    if len(s) == 1:
        return s.pop()
    return "mixed"


def _lang_of(article: dict, norm: str) -> str:
    lm = (article.get("language_meta") or article.get("language") or "").lower()
    uk = len(re.findall(r"[іїєґ]", norm))
    ru = len(re.findall(r"[ыэъё]", norm))
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return "uk" if lm == "uk" else "ru"


def _is_cut(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return False
    last = t[-1]
    if re.search(r"#\w+$", t):
        return False
    return last.isalnum() or last in ",–—-:(«*_ " or (len(text) >= 395 and len(text) <= 402 and last not in ".!?)»\"")


def _np_groups(norm: str, weps: list, nums: list) -> list[NP]:
    nps: list[NP] = []
    num_pos = [(n.start, n.end) for n in nums]
    for h in weps:
        if nps:
            last = nps[-1]
            gap = norm[last.end:h.start]
            wildcard = h.kind in ("mod", "generic") or all(x.kind in ("mod", "generic") for x in last.hits)
            same = (h.cls == last.cls) or wildcard or (h.kind == "model" and last.cls in MISSILE_FAMILY | {"rocket"} and h.cls in MISSILE_FAMILY | {"rocket"} and any(x.kind == "generic" for x in last.hits))
            has_num = any(last.end <= a and b <= h.start for a, b in num_pos)
            if (len(gap) <= 50 and same and not has_num and not re.search(r"[.;:!?]|\n", gap)
                    and not re.search(NW + r"(?:над|в районе|уничтожен\w*|сбит\w*|перехвач\w*|збит\w*|знищ\w*)" + NE, gap)):
                last.end = h.end
                last.hits.append(h)
                if h.model and h.model not in last.models:
                    last.models.append(h.model)
                continue
        nps.append(NP(h.start, h.end, h.cls, [h.model] if h.model else [], [h]))
    for np_ in nps:
        model_cls = [x.cls for x in np_.hits if x.kind == "model"]
        head_cls = [x.cls for x in np_.hits if x.kind == "head"]
        if model_cls:
            np_.cls = model_cls[0]
        elif head_cls:
            np_.cls = head_cls[0]
        elif any(x.kind == "mod" for x in np_.hits):
            np_.cls = [x.cls for x in np_.hits if x.kind == "mod"][0]
        else:
            np_.cls = np_.hits[0].cls
    # a lone modifier ("РСЗО") or a generic word without anything else is kept (it may be the head)
    return nps


def _place_ext(norm: str, h) -> tuple[int, int]:
    """Extend a place hit to its preposition phrase and head noun (for location_text)."""
    s, e = h.start, h.end
    m = re.search(NW + r"(?:над|в|во|у|на|по|под|поблизу|біля)\s+(?:(?:территори\w*|територі\w*|акватори\w*|район\w*|населенн\w* пункт\w*)\s+)?$", norm[max(0, s - 40):s])
    if m:
        s = max(0, s - 40) + m.start()
    m2 = re.match(r"\s+(?:област\w*|кра[яеюй]\w*|район\w*|республик\w*|мор[яеь]\w*|округ\w*|регион\w*)", norm[e:e + 20])
    if m2:
        e = e + m2.end()
    return s, e


# --------------------------------------------------------------------------- unit analysis

def _analyse_unit(u: Unit, lang: str, ctx: dict) -> list[C]:
    s = u.norm
    if not re.search(r"[а-яіїєґ]", s):
        return []
    if _NEG_UNIT_RE.search(s):
        return []
    nums_all = L.find_numbers(s, lang)
    nums = [n for n in nums_all if n.kind == "count"]
    weps = L.find_weapons(s)
    # a number inside a weapon model (RM-70, С-300, Ми-8) is not a count
    nums = [n for n in nums if not any(w.start <= n.start and n.end <= w.end for w in weps)]
    nums = [n for n in nums if F.instrumental_suffix(s, n) or not re.match(r"-?(?:й|я|го|х|ти|ми|ї|ого)\b|-", s[n.end:n.end + 3])]
    nums = [n for n in nums if not re.search(r"[a-zа-я]-$", s[max(0, n.start - 2):n.start])]
    trigs = [t for t in L.find_triggers(s) if not (t.kind in ("interception", "strike_destroy") and _ATTRIBUTIVE_RE.search(t.text))]
    # "обнаружены 22 БПЛА" counts the attack only in an air-defence report (not a recce drone
    # finding a tank)
    if not _PVO_RE.search(s):
        trigs = [t for t in trigs if not (t.kind == "launch" and _DETECT_RE.match(t.text))]
    # "был обнаружен над … областью и подавлен": detection and outcome of the same weapon
    trigs = [t for t in trigs if not (t.kind == "launch" and _DETECT_RE.match(t.text) and re.match(
        r"[^.;]{0,90}\s(?:и|та|і)\s+(?:\w+\s+)?(?:уничтож|сбит|перехвач|подавл|знищ|збит)", s[t.end:t.end + 120]))]
    places = L.find_regions(s)
    # rows naming a place by its kind after naming it ("над Крымом и акваторией Черного моря …: 26 – над
    # полуостровом, 12 – над морем"): the peninsula / the sea / the region already named in the unit
    for m in _DESCRIPTIVE_PLACE_RE.finditer(s):
        if any(p.start <= m.start() < p.end for p in places):
            continue
        word = m.group(1)
        prev = [p for p in places if p.end <= m.start()]
        if word.startswith(("полуостр", "півостр")):
            ref = [p for p in prev if p.region.code == "UA-43"]
        elif word.startswith(("мор", "акватор")):
            ref = [p for p in prev if p.region.is_sea]
        else:
            ref = [p for p in prev if not p.region.is_sea]
        if ref and len({p.region.key for p in ref}) == 1:
            places.append(L.PlaceHit(m.start(1), m.end(1), word, ref[-1].region, "name"))
    places.sort(key=lambda p: p.start)
    claim_hits = ctx["claimant_spans"].get(u.idx, [])
    places = [p for p in places if not any(c.start <= p.start < c.end + 2 for c in claim_hits)]
    places = [p for p in places if p.kind != "direction" or ctx.get("allow_direction")]
    if not [p for p in places if p.kind != "direction"] and ctx.get("gaz") is not None:
        places = places + _gaz_places(u, s, ctx)
    # launch areas ("з напрямків: Курськ, Орел", "с территории Украины", "з Курської області")
    keep = []
    for p in places:
        before = s[max(0, p.start - 40):p.start]
        if _LAUNCH_AREA_RE.search(before) or _LAUNCH_LIST_RE.search(s[max(0, p.start - 120):p.start]):
            continue
        # a flight route ("по маршруту Чкаловский – Белгород") is not where the event happened
        if re.search(r"маршрут\w*[^.;]{0,40}$", s[max(0, p.start - 60):p.start]):
            continue
        keep.append(p)
    places = keep
    if _GROUND_REPEL_RE.search(s) and not any(w.cls in ("drone", "missile", "cruise_missile", "ballistic_missile", "rocket", "glide_bomb")
                                               for w in weps):
        # a repelled ground assault is no claim, but "… отразили атаку, нанесли поражение …" still
        # carries the front-line strike of the same sentence
        trigs = [t for t in trigs if t.kind == "frontline"]
        if not trigs:
            return []
    corr = _CORRECTION_RE.search(s)
    if corr and not any(t.kind in ("interception", "strike_destroy") for t in trigs) and (
            _ATTR_ICPT_RE.search(s) or ctx.get("last_icpt_cls")) and any(n.start > corr.end() for n in nums):
        # "раніше повідомлялося про 30 збитих дронів, уточнено — 33": the correction verb carries
        # the interception
        trigs = sorted(trigs + [L.Trigger(corr.start(), corr.end(), corr.group(), "interception")], key=lambda t: t.start)
    if not trigs:
        # a list of rows on its own ("▪️ двенадцать – над территорией **Брянской области**,")
        if ctx.get("last_icpt_cls") and nums and places:
            return _rows_only(u, s, nums, places, ctx)
        return []

    nps = _np_groups(s, weps, nums)
    # "збито/подавлено 105 (повітряних) цілей:" heading a per-weapon list: all groups together
    for n in nums:
        m = re.match(r"\s+(?:повітрян\w*\s+|воздушн\w*\s+)?(?:цілей|целей|ціль|цілі|цели|цель)\s*:", s[n.end:n.end + 30])
        if m and not any(np_.start <= n.end + m.start() + 1 < np_.end for np_ in nps):
            h = L.WeaponHit(n.end + 1, n.end + m.end() - 1, s[n.end + 1:n.end + m.end() - 1], "mixed", None, "head")
            nps.append(NP(h.start, h.end, "mixed", [], [h]))
    nps.sort(key=lambda x: x.start)
    used_nums: set[int] = set()
    # ---- counts of NPs
    for np_ in nps:
        # preceding count with only adjectives between
        best = None
        for n in nums:
            if n.end <= np_.start:
                gap = s[n.end:np_.start]
                if re.fullmatch(r"[\s«»\"*]*(?:[а-яіїєґa-z'\-«»\"]+[\s«»\"*]+){0,4}", gap) and not re.search(
                        NW + r"(?:над|из|з|із|и|та|і|а|в|у|по|на|с|до)" + NE, gap) and not any(
                        w.start >= n.end and w.end <= np_.start for w in weps if w not in np_.hits):
                    best = n
        if best is None:
            # "З дронів 61 збили": a count right after the NP
            for n in nums:
                if n.start >= np_.end and re.fullmatch(r"\s*", s[np_.end:n.start]):
                    best = n
                    break
        if best is not None and id(best) not in used_nums:
            np_.count = best
            used_nums.add(id(best))
            # X из Y
            for n in nums:
                if n.end <= best.start and _X_OF_Y_RE.fullmatch(s[n.end:best.start]) and id(n) not in used_nums:
                    np_.count_of = n
                    used_nums.add(id(n))
        if _ALL_RE.search(s[max(0, np_.start - 40):np_.start]):
            np_.all_flag = True
        if np_.count is None:
            ctxt = s[max(0, np_.start - 30):np_.end + 30]
            head_text = s[np_.start:np_.end]
            if (_SINGULAR_HEAD_RE.search(head_text) or _SINGULAR_ADJ_RE.search(s[max(0, np_.start - 25):np_.start + 25])
                    or _SINGULAR_VERB_RE.search(ctxt)) and not re.search(r"(?:ые|ие|ых|их|[нвкчр]і)\s+$", s[max(0, np_.start - 12):np_.start]) \
                    and not re.search(NW + r"(?:несколько|кілька|ряд|часть|частина|большая|большинство)" + NE, s[max(0, np_.start - 30):np_.start]):
                np_.singular = True
        # role from the nearest trigger
        np_.role = _role(s, np_, trigs)
        if np_.cls == "mixed" and np_.count is None:
            np_.role = None         # "атака засобів повітряного нападу": no figure, no claim
        pre = s[max(0, np_.start - 30):np_.start]
        if np_.role == "interception" and (_AGENT_BEFORE_RE.search(pre) or (
                np_.count is None and _INSTR_RE.search(s[np_.start:np_.end].split()[0] if s[np_.start:np_.end].split() else ""))):
            np_.role = "strike_agent" if not any(t.kind == "launch" for t in trigs) else "launch"
        if np_.role == "interception" and np_.cls == "aircraft" and not re.search(
                r"сбит\w*|збит\w*|всу|украин\w*|україн\w*|российск\w*|російськ\w*|противник\w*|ворож\w*|вражеск\w*|росси\w*|вкс\b",
                s[max(0, np_.start - 60):np_.end + 60]) and not re.search(r"(?:был\w*|було|були)? ?(?:сбит\w*|збит\w*)", s[np_.end:np_.end + 140]):
            np_.role = None
        if np_.role == "interception" and (np_.cls == "unknown" or re.search(r"(?:склад\w*|хранилищ\w*|арсенал\w*|цех\w*|производств\w*|сборк\w*)\s+(?:\w+\s+)?$", pre)):
            np_.role = None
        if np_.role == "interception" and not _AIR_CONTEXT_RE.search(s) and not ctx.get("air_prev") \
                and not _ENEMY_WEAPON_RE.search(s[max(0, np_.start - 30):np_.end]) \
                and not (np_.all_flag and np_.count is None and np_.cls in ctx.get("launched_cls", [])):
            # ("Все катера уничтожены" right after the enemy's counted attack of that group is its interception)
            verbs = [t for t in trigs if t.kind in ("interception", "strike_destroy")]
            if verbs and all(_AMBIG_DESTROY_RE.match(t.text) for t in verbs):
                np_.role = None

    # "отразили атаку беспилотников …, сбиты пять воздушных целей": the count of "air targets" is the
    # figure of the uncounted group the unit names as intercepted
    for n in nums:
        if id(n) in used_nums or not re.match(r"\s+(?:воздушн\w*|повітрян\w*)\s+(?:целей|цели|цілей|цілі)" + NE, s[n.end:n.end + 30]):
            continue
        if not any(t.kind in ("interception", "ew") and abs(t.start - n.start) <= 40 for t in trigs):
            continue
        open_np = [np_ for np_ in nps if np_.role == "interception" and np_.count is None and np_.cls not in ("unknown", "mixed")]
        if len(open_np) == 1:
            open_np[0].count = n
            open_np[0].singular = False
            used_nums.add(id(n))
    # ---- "X з них збито": a count followed by "из них" after a launch NP
    for n in nums:
        if id(n) in used_nums:
            continue
        if _OF_THEM_AFTER_RE.match(s[n.end:n.end + 12]):
            prev = [np_ for np_ in nps if np_.end <= n.start and np_.count is not None]
            if prev:
                base = prev[-1]
                nn = NP(n.start, n.end, base.cls, list(base.models), [], count=n)
                nn.role = _role(s, nn, trigs, prefer_after=True)
                if nn.role == "launch":
                    nn.role = "interception"
                nps.append(nn)
                used_nums.add(id(n))
    # "запущено 65 дронів, з них збито 48": the verb between "з них" and the count
    for n in nums:
        if id(n) in used_nums:
            continue
        m = re.search(r"(?:из|з|із) (?:них|которых|яких)\W*\s+(\w+)\s+$", s[max(0, n.start - 40):n.start])
        if not m or not any(t.kind in ("interception", "strike_destroy", "ew") and t.text.startswith(m.group(1)[:4])
                            for t in trigs):
            continue
        prev = [np_ for np_ in nps if np_.end <= n.start and np_.count is not None]
        if prev:
            base = prev[-1]
            kind = [t.kind for t in trigs if t.text.startswith(m.group(1)[:4])][0]
            nn = NP(n.start, n.end, base.cls, list(base.models), [], count=n, role="ew" if kind == "ew" else "interception")
            if base.role == "interception":
                base.role = "launch"
            nps.append(nn)
            used_nums.add(id(n))
    # "65 дронів, з яких 40 знешкодили": a count after "из которых / з яких" with the verb after it
    for n in nums:
        if id(n) in used_nums or not _OF_THEM_BEFORE_RE.search(s[max(0, n.start - 16):n.start]):
            continue
        prev = [np_ for np_ in nps if np_.end <= n.start and np_.count is not None]
        after = [t for t in trigs if t.kind in ("interception", "strike_destroy", "ew") and 0 <= t.start - n.end <= 40
                 and not re.search(r"[.;]", s[n.end:t.start])]
        if prev and after and not F.of_which_rows(s, n, prev[-1], places):
            base = prev[-1]
            nn = NP(n.start, n.end, base.cls, list(base.models), [], count=n)
            nn.role = "ew" if after[0].kind == "ew" else "interception"
            if base.role == "interception":
                # "знищено 65 БпЛА, з яких 40 ...": the first figure is then the launch
                base.role = "launch"
            nps.append(nn)
            used_nums.add(id(n))
    # "про 89 БпЛА та 6 ракет, з яких збили 70 дронів і 5 ракет": counted groups before "з яких + verb"
    # are the launches of the counted groups of the same weapon after it
    for m in re.finditer(r"(?:из|з|із) (?:них|которых|яких)\W*\s+(\w+)", s):
        if not any(t.kind in ("interception", "strike_destroy", "ew") and t.start == m.start(1) for t in trigs):
            continue
        after = [np_ for np_ in nps if np_.start >= m.end() and np_.count is not None and np_.role == "interception"
                 and not re.search(r"[.;]", s[m.end():np_.start])]
        for np_ in nps:
            if np_.end <= m.start() and np_.count is not None and np_.role in ("interception", None) \
                    and not re.search(r"[.;]", s[np_.end:m.start()]) \
                    and any(_coarse(a.cls) == _coarse(np_.cls) for a in after):
                np_.role = "launch"
    F.complement_counts(s, nums, used_nums, nps, ctx, NP)
    F.anaphoric_counts(s, nums, used_nums, nps, trigs, ctx, NP)
    # "Еще 15 уничтожены над Калужской областью": a count next to an interception verb, no noun
    if ctx.get("last_icpt_cls") and not any(np_.role == "interception" for np_ in nps):
        for n in nums:
            if id(n) in used_nums:
                continue
            near = [t for t in trigs if t.kind in ("interception", "strike_destroy") and 0 <= t.start - n.end <= 25
                    and not re.search(r"[.;:]", s[n.end:t.start])]
            if near:
                nn = NP(n.start, n.end, ctx["last_icpt_cls"], [], [], count=n, role="interception")
                nps.append(nn)
                used_nums.add(id(n))
                break
    # corrections: "уточнено — 42", "позднее он уточнил — 15": the revised figure is the claim; a
    # figure reported "earlier" in the same unit is superseded
    if corr:
        after = [n for n in nums if id(n) not in used_nums and 0 <= n.start - corr.end() <= 30
                 and not re.search(r"[.;]", s[corr.end():n.start])]
        revised = [np_ for np_ in nps if np_.count is not None and np_.start > corr.start()]
        if after and not revised:
            before_nps = [np_ for np_ in nps if np_.end <= corr.start()]
            cls = before_nps[-1].cls if before_nps else ctx.get("last_icpt_cls")
            if cls:
                nn = NP(after[0].start, after[0].end, cls, list(before_nps[-1].models) if before_nps else [], [],
                        count=after[0], role="interception")
                nps.append(nn)
                used_nums.add(id(after[0]))
                revised = [nn]
        if revised:
            for np_ in nps:
                if np_.end <= corr.start() and np_.count is not None and np_.role == "interception" and \
                        _EARLIER_RE.search(s[:np_.start]):
                    np_.role = None
    # "все (воздушные) цели были уничтожены" in an air-defence statement: the targets are the
    # attacking weapons (the group named in the unit or the post), an interception
    if not any(np_.role == "interception" for np_ in nps) and (_AIR_CONTEXT_RE.search(s) or ctx.get("air_prev")
                                                                 or _REPEL_RE.search(s)):
        for m in _AIR_TARGETS_RE.finditer(s):
            near = [t for t in trigs if t.kind in ("interception", "strike_destroy") and (
                0 <= t.start - m.end() <= 25 or 0 <= m.start() - t.end <= 25)]
            all_flag = bool(re.match(r"вс[еі]|усі", m.group()))
            launched = list(dict.fromkeys(ctx.get("launched_cls", []) + [np_.cls for np_ in nps if np_.role == "launch"
                                                                           and np_.cls not in ("unknown", "artillery")]))
            if (all_flag and launched) or len(launched) == 1:
                classes = launched          # "все воздушные цели": every group the attack used
            else:
                classes = [ctx.get("art_air_cls")] if ctx.get("art_air_cls") else []
            if not classes:
                # "отразили атаку беспилотников …, сбиты пять воздушных целей": the one weapon group the unit names
                named = list(dict.fromkeys(np_.cls for np_ in nps if np_.cls not in ("unknown", "artillery", "mixed", None)))
                if len(named) == 1:
                    classes = named
            if near and classes:
                cnt = [n for n in nums if id(n) not in used_nums and 0 <= m.start() - n.end <= 3]
                for k, cls in enumerate(classes):
                    nn = NP(m.start() + k, m.end(), cls, [], [], role="interception")
                    nn.all_flag = all_flag
                    if cnt and len(classes) == 1:
                        nn.count = cnt[0]
                        used_nums.add(id(cnt[0]))
                    nps.append(nn)
                break
    # "ще 19 локаційно втрачено": a bare count before the EW wording
    for n in nums:
        if id(n) in used_nums:
            continue
        if any(t.kind == "ew" and 0 <= t.start - n.end <= 20 for t in trigs):
            base = [np_ for np_ in nps if np_.start < n.start]
            cls = base[-1].cls if base else ctx.get("last_icpt_cls")
            if cls:
                nps.append(NP(n.start, n.end, cls, [], [], count=n, role="ew"))
                used_nums.add(id(n))
    # "FPV-дрон атаковал легковой автомобиль", "270 БпЛА атакували Запоріжжя, Оріхів": a launch verb
    # with a ground object or a list of places as its object is a hit
    for np_ in nps:
        if np_.role == "launch":
            for t in trigs:
                if t.kind == "launch" and re.match(r"атак", t.text) and abs(t.start - np_.end) < 60:
                    after = s[t.end:t.end + 70]
                    obj = _HIT_OBJECT_RE.search(after) or (
                        re.match(r"атаков\w*л|атакува\w*в|атакува\w*ли", t.text) and _FACILITY_OBJ_RE.match(after))
                    direct_place = any(0 <= p.start - t.end <= 3 for p in places)
                    if re.search(r"цель\w*\s+$", s[max(0, t.start - 12):t.start]):
                        continue
                    if (np_.count is None and obj and not re.search(r"[.;]", after[:obj.start()])) or (
                            direct_place and t.start > np_.end and not any(x.role == "interception" for x in nps)):
                        np_.role = "strike_agent"
                        ctx["hit_by_attack"] = True
    nps.sort(key=lambda x: x.start)
    ctx["unit_nps"] = nps

    claims: list[C] = []
    # ---------------- interceptions (with breakdown rows)
    icpt = [np_ for np_ in nps if np_.role == "interception" and np_.cls not in ("unknown", "artillery")]
    free_nums = [n for n in nums if id(n) not in used_nums]
    for i, np_ in enumerate(icpt):
        if np_.role == "consumed":
            continue
        nxt_start = len(s)
        for other in icpt[i + 1:]:
            if other.cls != np_.cls:
                nxt_start = other.start
                break
        # a counted group of what is no weapon ("и ещё 4 аэростата над …") keeps its own place
        nxt_start = min([nxt_start] + [o.start for o in nps if o.start > np_.end and o.count is not None and o.cls == "unknown"])
        claims.extend(_interception_frame(u, s, np_, free_nums, places, nxt_start, ctx, icpt))

    # coordinated NPs sharing one trailing place ("два БПЛА и один реактивный снаряд ... над X")
    unit_claims = [c for c in claims if c.role in ("single",)]
    for a, b in zip(unit_claims, unit_claims[1:]):
        if a.region is None and b.region is not None and a.role == "single" and not a.ambiguous:
            gap = s[a.pos:b.pos]
            if not re.search(r"[.;:]", gap) and len(gap) < 120:
                a.region, a.loc_text = b.region, b.loc_text

    # ---------------- lost to EW
    for np_ in nps:
        if np_.role == "ew" and (np_.count is not None or not any(c.event_type == "interception" for c in claims)):
            # "Еще шесть БПЛА подавлены средствами РЭБ": lost_to_ew of the report's claim
            c = C(u, [u], "interception", np_.cls, list(np_.models), pos=np_.start, rules=["ew.lost_to_ew"])
            c.lost_to_ew = _val(np_.count) if np_.count is not None else (1 if np_.singular else None)
            own = [p for p in places if p.start > np_.end and not re.search(r"[.;]", s[np_.end:p.start])]
            if own and not _is_multi(own):
                _locate(c, u, s, own)
            c.role = "ew"
            claims.append(c)

    # ---------------- launches / attacks
    for np_ in nps:
        if np_.role == "launch" and np_.cls not in ("unknown",):
            c = C(u, [u], "attack", np_.cls, list(np_.models), pos=np_.start, rules=["launch.attack"])
            c.generic = np_.generic
            c.launched = _val(np_.count) if np_.count else (1 if np_.singular else None)
            if np_.count is not None and np_.count.qualifier != "exact":
                c.ambiguous, c.qualifier = True, np_.count.qualifier
            c.role = "launch"
            c.region = None
            # "атакував Київ": target place right after the launch verb
            tp = _target_place(s, np_, places, trigs)
            if tp is not None:
                c.region, c.loc_text = tp.region, _loc_text(u, s, tp)
            elif any(t.kind == "launch" and _DETECT_RE.match(t.text) for t in trigs):
                # "над акваторией Черного моря обнаружены 18 БПЛА": the air-defence report's place
                over = _dedupe_regions([p for p in places if re.search(r"над\s+(?:\w+\s+){0,2}$", s[max(0, p.start - 40):p.start])])
                if len(over) == 1:
                    c.region, c.loc_text = over[0].region, _loc_text(u, s, over[0])
            claims.append(c)
        elif np_.role == "launch" and np_.cls == "unknown" and np_.count is not None:
            c = C(u, [u], "attack", "unknown", [], pos=np_.start, launched=_val(np_.count), rules=["launch.count"])
            c.role = "launch"
            claims.append(c)

    claims.extend(F.missed_claims(u, nps, C))
    # ---------------- strikes
    claims.extend(_strikes(u, s, trigs, nps, places, ctx, claims))
    if corr:
        for c in claims:
            if c.pos >= corr.start() and c.event_type == "interception":
                c.correction = True
    return claims


def _gaz_places(u: Unit, s: str, ctx: dict) -> list:
    """Settlements the shared gazetteer knows ("над поселком Разумное", "в районе Очеретино"), used
    only when the lexicon found no region in the unit; never names in quotes (call signs, unit
    names) and never a place outside the region of the official who speaks."""
    gaz = ctx["gaz"]
    try:
        found = gaz.find_places(u.text.replace("**", "  "), ctx.get("lang"))
    except Exception:
        return []
    by_code = {r.code: r for r in L.regions()[0].values() if r.code}
    own = ctx.get("unit_claimant_code")
    out = []
    for m in found:
        pl = m.place
        if getattr(pl, "geo_precision", None) not in ("settlement", "admin2", "site"):
            continue
        code = getattr(pl, "admin1_code", None)
        if not code or code not in by_code:
            continue
        if own and code != own:
            continue
        if ctx.get("post_codes") and code not in ctx["post_codes"]:
            continue
        if re.search(r"[«\"]\s*$", s[max(0, m.start - 2):m.start]):
            continue
        # launch areas
        if _LAUNCH_AREA_RE.search(s[max(0, m.start - 40):m.start]):
            continue
        out.append(L.PlaceHit(m.start, m.end, s[m.start:m.end], by_code[code], "name"))
    return out


def _val(n) -> int | None:
    if n is None:
        return None
    if n.qualifier and n.qualifier != "exact" and not n.upper_bound:
        return None
    return n.value


def _role(s: str, np_: NP, trigs: list, prefer_after: bool = False) -> str | None:
    cands = []
    for t in trigs:
        if t.kind in ("strike_destroy",):
            kind = "interception"
        elif t.kind == "frontline":
            continue
        else:
            kind = t.kind
        if t.end <= np_.start:
            gap = re.sub(NW + r"(?:обл|р-н|м|г|смт|с|пос|н\.\s*п)\.", "  ", s[t.end:np_.start])
            if ":" in gap:
                # items of a list after the colon ("атакував 127 засобами: - 5 ракет; - 120 БпЛА")
                gap = re.sub(r";(?=\s*(?:\n|[-–—•▪▫]))", " ", gap)
            if re.search(r"[.;!?]", gap):
                continue
            d = len(gap)
            # a colon between a verb and the NP breaks the link for rows, not for totals
            if ":" in gap:
                d += 60
        elif t.start >= np_.end:
            gap = s[np_.end:t.start]
            if re.search(r"[.;:!?]", gap):
                continue
            d = len(gap) * 1.3 + (0 if prefer_after else 5)
        else:
            continue
        if kind == "strike" and t.start >= np_.end:
            d += 40
        if kind == "strike" and re.search(r"(?:попытк\w*|нанесени\w*|совершени\w*|спроб\w*|предпринял\w*|предприня\w*|пытал\w*)\s+(?:\w+\s+){0,3}$", s[max(0, t.start - 60):t.start]):
            kind = "launch"
        cands.append((d, kind, t))
    if not cands:
        return None
    cands.sort(key=lambda x: x[0])
    d, kind, t = cands[0]
    if d > 320:
        return None
    # "с применением БпЛА", "атаку ... с применением" → launch (no count in MoD leads)
    head = s[np_.start:np_.end]
    words = head.split()
    instr = any(_INSTR_RE.search(w) for w in words[:3]) or (np_.count is not None and re.search(r"(?:ю|ью|ьма|ма|мя|ьмя|ома|ьома|ма)$", np_.count.text.lower()))
    if kind == "interception":
        if instr and any(t2.kind == "launch" and abs(t2.start - np_.start) < 80 for t2 in trigs):
            return "launch"
        return "interception"
    if kind == "launch":
        return "launch"
    if kind == "ew":
        return "ew"
    if kind == "strike":
        return "strike_agent"
    return None


def _target_place(s, np_, places, trigs):
    for t in trigs:
        if t.kind == "launch" and t.end <= np_.start and np_.start - t.end < 40:
            for p in places:
                if t.end <= p.start < np_.start and p.region.code:
                    return p
    # "атаку с применением ударных БПЛА на компрессорную станцию … Краснодарского края"
    for p in places:
        if p.start >= np_.end and not re.search(r"[.;!?]", s[np_.end:p.start]) and p.region.code and \
                re.search(NW + r"(?:на|по)\s", s[np_.end:p.start]):
            return p
    return None


def _loc_text(u: Unit, s: str, p) -> str:
    a, b = _place_ext(s, p)
    return u.text[a:b].replace("**", "").strip(" ,*")


def _count_windows(s: str, counts: list, places: list, upto: int):
    """For each count, the places bound to it (region-first, parenthesised, or after it)."""
    bound: dict[int, list] = {id(n): [] for n in counts}
    used: set[int] = set()
    ordered = sorted(counts, key=lambda n: n.start)
    # "Курская область – 19" / "Тверской (шесть)"
    for n in ordered:
        before = s[max(0, n.start - 60):n.start]
        m = re.search(r"(?:област\w*|кра[йя]\w*|республик\w*|мор[яе]|[а-яіїє]+)\s*[*\s]*(?:[–—-]|\()\s*[*\s]*$", before)
        if m and (re.search(r"\(\s*$", before) or re.search(r"[–—-]\s*[*\s]*$", before)):
            cands = [p for p in places if p.end <= n.start and n.start - p.end <= 30 and id(p) not in used]
            if cands:
                p = cands[-1]
                gap = s[p.end:n.start]
                if not re.search(r"\d|[.;]", gap) and not re.search(NW + r"(?:над|в|у)\s", gap):
                    bound[id(n)].append(p)
                    used.add(id(p))
    for i, n in enumerate(ordered):
        if bound[id(n)]:
            continue
        end = upto
        for m2 in ordered[i + 1:]:
            end = min(end, m2.start)
            break
        win = [p for p in places if n.end <= p.start < end and id(p) not in used]
        # a place separated by a sentence end is not this count's
        win = [p for p in win if not re.search(r"[.;]\s", s[n.end:p.start])]
        for p in win:
            bound[id(n)].append(p)
            used.add(id(p))
    # region-first without dash: "над территорией Московской области сбиты 17 БПЛА"
    for i, n in enumerate(ordered):
        if bound[id(n)]:
            continue
        start = ordered[i - 1].end if i > 0 else 0
        pre = [p for p in places if start <= p.start and p.end <= n.start and id(p) not in used]
        pre = [p for p in pre if not re.search(r"[.;:]", s[p.end:n.start])]
        if pre:
            for p in pre:
                bound[id(n)].append(p)
                used.add(id(p))
    return bound


def _interception_frame(u: Unit, s: str, np_: NP, free_nums: list, places: list, upto: int,
                        ctx: dict, icpt: list) -> list[C]:
    out: list[C] = []
    total = C(u, [u], "interception", np_.cls, list(np_.models), pos=np_.start, rules=["interception.frame_total"])
    total.all_flag = np_.all_flag
    total.generic = np_.generic
    if np_.count is not None:
        total.intercepted = _val(np_.count)
        if np_.count.qualifier != "exact":
            total.ambiguous = True
            total.qualifier = np_.count.qualifier
        if np_.count_of is not None:
            total.intercepted = _val(np_.count_of)
            total.launched = _val(np_.count)
    elif np_.singular:
        total.intercepted = 1
    # row counts after this NP (and before the next NP of another class)
    row_nums = [n for n in free_nums if np_.end <= n.start < upto]
    # numbers that are NP counts of the same class later in the unit also count as rows
    for other in ctx["unit_nps"]:
        if other is not np_ and other.cls == np_.cls and other.count is not None and other.start > np_.start and other.start < upto \
                and other.role not in ("launch", "ew"):
            row_nums.append(other.count)
            other.role = "consumed"
    row_nums.sort(key=lambda n: n.start)
    anchor = np_.count if np_.count is not None else None
    counts = ([anchor] if anchor is not None else []) + row_nums
    region_places = [p for p in places if p.start >= (np_.count.start if np_.count else np_.start) - 0 or True]
    if anchor is None:
        # no count: places after the NP (and region-first before it) belong to the NP itself
        fake = L.Num(np_.start, np_.end, "", None)
        bound = _count_windows(s, [fake] + row_nums, places, upto)
        own = bound[id(fake)]
    else:
        bound = _count_windows(s, counts, places, upto)
        own = bound[id(anchor)]
    # also places between the verb and a total that has no count ("уничтожены над территорией ...")
    rows = []
    for n in row_nums:
        ps = bound.get(id(n), [])
        before = s[max(0, n.start - 40):n.start]
        rows.append((n, ps, before))
    located_rows = [r for r in rows if r[1]]
    cut_end = ctx["cut"] and len(s.rstrip()) >= len(s) - 1 and u.end >= ctx["text_len"] - 2
    # rows reaching the cut end with no place
    trailing = []
    if rows and not rows[-1][1] and cut_end:
        trailing = [rows[-1]]
    # "всего – 35" after rows: that number is the total
    total_after = None
    for n, ps, before in rows:
        if _TOTAL_WORD_RE.search(s[max(0, n.start - 60):n.start]) and not ps:
            total_after = n
    if total_after is not None:
        t2 = C(u, [u], "interception", np_.cls, list(np_.models), pos=total_after.start, rules=["interception.total_after_rows"])
        t2.intercepted = _val(total_after)
        t2.role = "total"
        first = C(u, [u], "interception", np_.cls, list(np_.models), pos=np_.start,
                  intercepted=total.intercepted, rules=["interception.frame_first"])
        _locate(first, u, s, own)
        first.role = "row"
        first.parent = t2
        out.extend([t2, first])
        for n, ps, before in rows:
            if n is total_after:
                continue
            for c in _rows_from(u, s, np_, n, ps, before, first):
                c.parent = t2
                out.append(c)
        return out

    if located_rows or trailing:
        if anchor is None and not own:
            parent = None
            last_row = None
            for n, ps, before in rows:
                if not ps and (n, ps, before) not in trailing:
                    continue
                made = _rows_from(u, s, np_, n, ps, before, None, cut=(n, ps, before) in trailing)
                out.extend(made)
            return out
        if anchor is not None and anchor.distributive and _is_multi(own):
            # "По два БПЛА сбито над X и Y и три над Z": the distributed count is rows, not a total
            out.extend(_rows_from(u, s, np_, anchor, own, "", None))
            parent = None
        elif own and not _is_multi(own):
            # the NP's own count is itself a located row: siblings, no total
            total.role = "single"
            _locate(total, u, s, own)
            out.append(total)
            parent = None
        else:
            total.role = "total"
            if own and _is_multi(own):
                total.notes.append("several places for the total")
            out.append(total)
            parent = total
        last_row = total if parent is None and total in out else None
        for n, ps, before in rows:
            if not ps and (n, ps, before) not in trailing:
                continue
            if _INCL_RE.search(before) and last_row is not None:
                # "в том числе N, летевших на Москву": sub-row of the previous row
                sub = C(u, [u], "interception", np_.cls, list(np_.models), pos=n.start, rules=["interception.sub_row"])
                sub.intercepted = _val(n)
                sub.role = "sub"
                sub.parent = last_row
                sub.ambiguous = True
                win = s[n.end:n.end + 60]
                if _FLYING_MOSCOW_RE.search(win):
                    by_key, _ = L.regions()
                    sub.region = by_key["RU-MOS"]
                    m = _FLYING_MOSCOW_RE.search(win)
                    sub.loc_text = u.text[n.end + m.start():n.end + m.end()]
                elif ps:
                    _locate(sub, u, s, ps)
                else:
                    sub.region, sub.loc_text = last_row.region, last_row.loc_text
                out.append(sub)
                continue
            made = _rows_from(u, s, np_, n, ps, before, parent, cut=(n, ps, before) in trailing)
            out.extend(made)
            if made:
                last_row = made[-1]
        # sub-rows counted inside a row ("26 – над Московским регионом, в том числе 10, летевших на Москву")
        return out
    # no rows: a single claim
    if own:
        if _is_multi(own):
            dist = np_.count is not None and np_.count.distributive
            if dist:
                for p in _dedupe_regions(own):
                    c = C(u, [u], "interception", np_.cls, list(np_.models), pos=np_.start, intercepted=total.intercepted, rules=["interception.distributive"])
                    _locate(c, u, s, [p])
                    out.append(c)
                return out
            total.ambiguous = True
            total.notes.append("one figure for several places: " + ", ".join(_loc_text(u, s, p) for p in own))
        elif _GENERIC_AREAS_AND_RE.search(s[max(0, own[0].start - 70):own[0].start]):
            # "над російськими регіонами та окупованим Кримом", "над регионами России и Крымом": a total
            total.notes.append("generic areas and a named region: a total")
        else:
            _locate(total, u, s, own)
    else:
        # place cut off after the NP: "уничтожены 29 ... в районах насел"
        if cut_end and re.search(r"(?:над|в|у|на)\s+(?:район\w*\s+)?\w*$", s.rstrip()) and np_.end > len(s.rstrip()) - 60:
            total.ambiguous = True
        if cut_end and np_.end >= len(s.rstrip()) - 2:
            total.ambiguous = True
        # "над областью" → the governor's own region
        if _OWN_REGION_RE.search(s):
            total.notes.append("own-region")
    total.role = "single"
    out.append(total)
    return out


def _rows_only(u: Unit, s: str, nums: list, places: list, ctx: dict) -> list[C]:
    """A unit of breakdown rows without a verb: each count with its place(s)."""
    counts = [n for n in nums if n.kind == "count"]
    bound = _count_windows(s, counts, places, len(s))
    fake_np = NP(0, 0, ctx["last_icpt_cls"], [], [])
    out = []
    for n in counts:
        ps = bound.get(id(n), [])
        if not ps:
            continue
        # a row needs the dash / "над" layout, not just any number near a place
        near = s[max(0, n.start - 40):min(len(s), n.end + 40)]
        if not re.search(r"[–—-]|над\s|\(", near):
            continue
        out.extend(_rows_from(u, s, fake_np, n, ps, s[max(0, n.start - 40):n.start], None))
    for c in out:
        c.role = "row"
    return out


_GENERIC_AREAS_AND_RE = _rx(
    r"(?:регіон\w*|регион\w*|областями|областях|областей|територі\w*|территори\w*)\s+(?:(?:рф|росії|россии|україни|украины)\s+)?"
    r"(?:та|і|й|и|а також|а также|также|також)\s+(?:над\s+)?(?:\w+\s+){0,2}$")


_DESCRIPTIVE_PLACE_RE = _rx(r"(?:над|на|в|у)\s+(полуостровом|півостровом|полуострове|півострові|морем|акваторией|акваторією)" + NE)
_REST_RE = _rx(r"решт\w*|остальн\w*|інш\w*|другие|других|прочи\w*")


def _is_multi(ps: list) -> bool:
    return len(_dedupe_regions(ps)) > 1


def _dedupe_regions(ps: list) -> list:
    seen = set()
    out = []
    # "над акваторией Черного моря у побережья Республики Крым": the coast only describes the sea
    if len(ps) > 1:
        main = [p for p in ps if not p.secondary]
        if main:
            ps = main
    for p in ps:
        if p.region.key in seen:
            continue
        seen.add(p.region.key)
        out.append(p)
    return out


def _locate(c: C, u: Unit, s: str, ps: list) -> None:
    same = ps
    ps = _dedupe_regions(ps)
    if not ps:
        return
    p = ps[0]
    c.region = p.region
    c.loc_text = _loc_text(u, s, p)
    # "над Раменским районом Московской области": the district and its region are one place
    group = [q for q in same if q.region.key == p.region.key]
    if len(group) > 1:
        a, _ = _place_ext(s, group[0])
        _, b = _place_ext(s, group[-1])
        if b - a < 120 and not re.search(r"[.;]", s[a:b]):
            c.loc_text = u.text[a:b].replace("**", "").strip(" ,*")
    if p.kind == "moscow_region":
        c.ambiguous = True
        c.notes.append("Moscow region")
    if p.kind == "direction":
        c.ambiguous = True


def _rows_from(u: Unit, s: str, np_: NP, n, ps: list, before: str, parent, cut: bool = False) -> list[C]:
    out = []
    if not ps:
        c = C(u, [u], "interception", np_.cls, list(np_.models), pos=n.start, rules=["interception.list_row"])
        c.intercepted = None if n.distributive else _val(n)
        c.role = "row"
        c.parent = parent
        c.ambiguous = True
        c.notes.append("region cut off")
        frag = re.search(r"([а-яіїєґ]+)\W*$", s.rstrip())
        tail = s[n.end:].strip()
        if frag and not n.distributive:
            reg = L.prefix_region(frag.group(1))
            if reg is not None and re.search(r"(?:над|в|у)\s+(?:\w+\s+){0,2}" + re.escape(frag.group(1)) + r"\W*$", s.rstrip()):
                c.region = reg
        c.loc_text = u.text[n.end:].strip(" –—-*,") or None
        out.append(c)
        return out
    regs = _dedupe_regions(ps)
    if n.distributive and len(regs) > 1:
        # "по чотири – над Липецькою та Курською областями, решту – над Ростовською": the remainder's
        # region is not one of the distributed rows
        for k in range(1, len(regs)):
            if _REST_RE.search(s[regs[k - 1].end:regs[k].start]):
                rest = regs[k:]
                regs = regs[:k]
                for p in rest:
                    c = C(u, [u], "interception", np_.cls, list(np_.models), pos=p.start, rules=["interception.distributed_row"])
                    c.role = "row"
                    c.generic = np_.generic
                    c.parent = parent
                    c.ambiguous = True
                    c.notes.append("the remainder")
                    _locate(c, u, s, [p])
                    out.append(c)
                break
    if len(regs) > 1 and not n.distributive:
        c = C(u, [u], "interception", np_.cls, list(np_.models), pos=n.start, intercepted=_val(n), rules=["interception.row"])
        c.role = "row"
        c.parent = parent
        c.ambiguous = True
        c.notes.append("one figure for several places")
        out.append(c)
        return out
    for p in regs:
        c = C(u, [u], "interception", np_.cls, list(np_.models), pos=n.start, intercepted=_val(n), rules=["interception.row_single"])
        c.role = "row"
        c.generic = np_.generic
        c.parent = parent
        _locate(c, u, s, [q for q in ps if q.region.key == p.region.key])
        if n.qualifier != "exact":
            c.ambiguous = True
        # a region word cut by the 400-character limit ("Брянск", "Белго")
        if cut or (p.end >= len(s.rstrip()) and p.kind == "adj" and not re.search(r"(?:ой|ого|ая|ую|ом|ей|ых|ий|ій|ої|ою|их|ими|ыми|ому)$", p.text)):
            if p.end >= len(s.rstrip()) and u.end >= len(u.text) + u.start - 1:
                c.ambiguous = True
                c.notes.append("region cut off")
        out.append(c)
    return out


def _strikes(u: Unit, s: str, trigs: list, nps: list, places: list, ctx: dict, claims: list) -> list[C]:
    out: list[C] = []
    if _NO_DAMAGE_RE.search(s) and not any(t.kind == "strike" and not _NO_DAMAGE_RE.search(s[max(0, t.start - 40):t.end + 40]) for t in trigs):
        pass
    strike_trigs = []
    for t in trigs:
        if t.kind == "strike":
            before = s[max(0, t.start - 25):t.start]
            after = s[t.end:t.end + 30]
            if _NEGATED_STRIKE_RE.search(before) or _STRIKE_NEG_AFTER_RE.match(after):
                continue
            if _NO_DAMAGE_RE.search(s[max(0, t.start - 30):t.end + 30]):
                continue
            # "поражены в воздухе" is an interception
            if re.match(r"\s*в воздухе", after):
                continue
            # "удар" of a launch attempt ("попытка нанесения ракетного удара") is not a hit
            if re.search(r"попытк\w* (?:нанесени\w*|совершени\w*)?\s*(?:\w+\s+){0,2}$", before):
                continue
            # "предпринял ракетный удар по …": the attempt (a launch), not a hit
            if re.search(r"(?:предпринял\w*|предприня\w*|пытал\w*|попытал\w*)\s+(?:\w+\s+){0,2}$", s[max(0, t.start - 40):t.start]):
                continue
            # "все цели были поражены" in an air-defence statement is the interception
            if any(0 <= t.start - m.end() <= 25 for m in _AIR_TARGETS_RE.finditer(s)) and (_AIR_CONTEXT_RE.search(s) or _REPEL_RE.search(s)):
                continue
            if re.search(r"ударн\w*$", t.text):
                continue
            if re.match(r"\s*(?:\w+\s+)?(?:самолет(?:а|ов)|вертолет(?:а|ов)|літака|гелікоптера|беспилотник(?:а|ов)|ракет|воздушн\w* цел)", after) \
                    and any(np_.role in ("interception", "consumed") or np_.cls == "aircraft" for np_ in nps) \
                    or re.match(r"\s*(?:\w+\s+)?(?:самолет(?:а|ов)|вертолет(?:а|ов)|літака|гелікоптера)", after) and ctx.get("aircraft_down"):
                continue
            if ctx.get("cut") and u.end >= ctx["text_len"] - 2 and len(s.rstrip()) - t.end <= 3:
                continue        # "В результате огневого поражен" cut at 400 characters: no claim
            strike_trigs.append(t)
        elif t.kind == "strike_destroy":
            after = s[t.end:t.end + 80]
            before = s[max(0, t.start - 80):t.start]
            # an air weapon near the verb → it is an interception, handled elsewhere
            if any(np_.role in ("interception", "consumed") and np_.cls not in ("artillery", "unknown") and abs(np_.start - t.end) < 80 for np_ in nps):
                continue
            if re.search(r"пво|противовоздушн\w*|рэб|средства\w* (?:пво|рэб)|расчет\w* (?:зрк|пво)", s):
                continue
            if _GROUND_OBJ_RE.search(after[:60]) or _GROUND_OBJ_RE.search(before[-60:]):
                strike_trigs.append(t)
        elif t.kind == "frontline":
            strike_trigs.append(t)
    if ctx.pop("hit_by_attack", False):
        for t in trigs:
            if t.kind == "launch" and re.match(r"атак", t.text):
                strike_trigs.append(t)
                break
    if not strike_trigs:
        return out
    frontline = any(t.kind == "frontline" for t in strike_trigs)
    # weapon of the strike: the NPs used as agents (not intercepted ones), else debris of the
    # intercepted weapon, else unknown
    agent_cls = []
    models = []
    t0 = strike_trigs[0]
    for np_ in nps:
        if np_.role in ("interception", "consumed", "ew") and not _DEBRIS_RE.search(s[max(0, np_.start - 30):np_.start]):
            continue
        words = s[np_.start:np_.end].split()
        instr = bool(words) and bool(_INSTR_RE.search(words[0]))
        if np_.start > t0.end and not instr and not _DEBRIS_RE.search(s[max(0, np_.start - 30):np_.start]) \
                and re.search(r"производ\w*|выпуска\w*|виробля\w*|склад\w*|цех\w*|сборк\w*|хранени\w*|зберіган\w*", s[t0.end:np_.start]):
            continue
        if np_.role == "launch" and frontline:
            pass
        if not instr and _TARGET_PHRASE_RE.search(s[max(0, np_.start - 60):np_.start]):
            continue
        agent_cls.append(np_.cls)
        models.extend(m for m in np_.models if m not in models)
    adj = _STRIKE_ADJ_RE.search(s)
    if adj and not frontline:
        agent_cls = [_STRIKE_ADJ_CLS[k] for k in _STRIKE_ADJ_CLS if re.match(k, adj.group(1))] + [c for c in agent_cls if c != "drone" or "дрон" in adj.group(0)]
        agent_cls = agent_cls[:1]
    if frontline:
        cls = None
        agents_text = s[:max(t.start for t in strike_trigs)]
        found = [c for rx, c in _FRONTLINE_AGENTS if rx.search(agents_text)]
        if re.search(r"подразделени\w*|группировк\w*|войск\w* (?:группировки|«)", agents_text) and not re.search(r"^\W*(?:оперативно-тактическ\w* )?авиаци", agents_text):
            cls = "unknown"
        elif found:
            cls = _combine(found) if len(set(found)) > 1 else found[0]
        else:
            cls = "unknown"
    else:
        cls = _combine(agent_cls) if agent_cls else None
        if agent_cls and "unknown" in agent_cls and len(set(agent_cls)) > 1:
            cls = "mixed"
        if cls is None or cls == "unknown":
            if _DEBRIS_RE.search(s) and ctx.get("last_icpt_cls"):
                cls = ctx["last_icpt_cls"]
            elif re.search(r"ракетн\w* удар\w*|ракетн\w* атак\w*|ракетного удару", s):
                cls = "missile"
            else:
                cls = "unknown"
    # places: exclude places of interception claims of this unit? (the strike is usually there too)
    regs = _dedupe_regions([p for p in places if p.kind != "direction"])
    base = dict(event_type="strike", cls=cls)
    own_region = None
    if not regs and _OWN_REGION_RE.search(s):
        own_region = "own"
    target = None
    for rx, t in _TARGETS_RE:
        if rx.search(s):
            target = t
            break
    made = []
    loc_total = None
    if regs and _LOC_COUNT_RE.search(s) and not (len(regs) == 1 and regs[0].region.code == ctx.get("unit_claimant_code")):
        loc_total = _locations_total(u, cls, models, strike_trigs[0].start, regs)
        made.append(loc_total)
    if regs:
        for p in regs:
            c = C(u, [u], "strike", cls, list(models), pos=strike_trigs[0].start, rules=["strike.per_place"])
            c.region = p.region
            c.loc_text = _loc_text(u, s, p)
            if len(regs) > 1 or loc_total is not None:
                c.ambiguous = True
                c.notes.append("one statement, several regions")
            if loc_total is not None:
                c.parent = loc_total
            if p.kind == "moscow_region":
                c.ambiguous = True
            made.append(c)
    else:
        c = C(u, [u], "strike", cls, list(models), pos=strike_trigs[0].start, rules=["strike.single"])
        if own_region:
            c.notes.append("own-region")
        made.append(c)
    if len(made) == 1 or loc_total is not None:
        made[0].hits = F.hit_count(s, strike_trigs, nps)
    for c in made:
        c.target = target
        c.role = "strike" if c.parent is None else "row"
        if frontline:
            infra = _FRONTLINE_INFRA_RE.search(s)
            if not infra:
                c.ambiguous = True
                c.notes.append("front-line formula")
            c.agent_side = ctx.get("own_side") or "RU"
        # approximate count of strikes ("около 40 ударов")
        if re.search(r"(?:около|примерно|более|свыше|близько|понад)\s+\d+\s+(?:удар|авиаудар)", s):
            c.ambiguous = True
        side = None
        text_before = s[:strike_trigs[0].end + 40]
        for sd in ("RU", "UA"):
            if _OWN_AGENT[sd].search(text_before):
                side = sd
                break
        if c.agent_side is None:
            c.agent_side = side
    _set_located_hits(made, s, strike_trigs[0].end if strike_trigs else 0)
    out.extend(made)
    return out


# --------------------------------------------------------------------------- claimants

def _article_claimant(article: dict, units: list[Unit]):
    """The voice an article's posts speak in when a unit names no one, and where it comes from:
    ``(hit, "outlet")`` for an official channel (the outlets registry, or a claimant named in the
    outlet string), ``(hit, "text")`` for a channel header on the first line, else ``(None, None)``."""
    outlet = article.get("outlet") or ""
    channel = channel_claimant(outlet, article.get("url"))
    if channel is not None:
        return L.ClaimantHit(0, 0, channel.claimant, channel.side, "institution"), "outlet"
    low = L.normalise(outlet)
    if re.search(r"ministry of defen[cs]e", low) and re.search(r"russia", low):
        return L.ClaimantHit(0, 0, "Russian Ministry of Defence", "RU", "institution"), "outlet"
    if re.search(r"ukrainian air force", low):
        return L.ClaimantHit(0, 0, "Ukrainian Air Force", "UA", "institution"), "outlet"
    if re.search(r"general staff", low) and re.search(r"ukrain", low):
        return L.ClaimantHit(0, 0, "Ukrainian General Staff", "UA", "institution"), "outlet"
    hits = L.find_claimants(low)
    if hits and not re.search(r"новост|вести|правд|суспільн|тасс|риа|рбк|интерфакс|газет|news", low):
        return hits[0], "outlet"
    # the channel header on the first line ("Повітряні сили ЗСУ", "Іван Федоров, начальник …")
    if units:
        first = units[0]
        if len(first.text) <= 90 and not L.find_triggers(first.norm):
            hs = L.find_claimants(first.norm)
            if hs:
                return hs[0], "text"
    return None, None


def _unit_claimant(u: Unit):
    hits = L.find_claimants(u.norm)
    if not hits:
        return None, []
    s = u.norm
    scored = []
    for h in hits:
        near = s[max(0, h.start - 40):h.end + 60]
        sc = 0
        if _ATTRIB_VERB_RE.search(s[h.end:h.end + 45]) or _ATTRIB_VERB_RE.search(s[max(0, h.start - 30):h.start]):
            sc += 3
        if re.match(r"\s*:", s[h.end:h.end + 3]) and h.start < 40:
            sc += 3
        if h.kind == "official":
            sc += 1
        # "силами ПВО Минобороны" inside someone else's statement: weak
        if re.search(r"(?:силами|средствами|силам)\s+(?:пво\s+)?$", s[max(0, h.start - 20):h.start]):
            sc -= 3
        scored.append((sc, -h.start, h))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best = scored[0][2]
    # merge an official name with an adjacent role ("губернатор Брянской области Александр Богомаз")
    return (best if scored[0][0] > 0 else None), hits


# --------------------------------------------------------------------------- main

def extract_cyrillic(article: dict, sentences: list, resources=None) -> list[dict]:
    text = article.get("text") or ""
    if not text.strip():
        return []
    norm = L.normalise(text)
    lang = _lang_of(article, norm)
    published = article.get("published")
    pub_date = article.get("published_date")
    if pub_date is None and isinstance(published, str) and re.match(r"^\d{4}-\d{2}-\d{2}", published):
        pub_date = published[:10]
    title = (article.get("title") or "").strip()

    units: list[Unit] = []
    for i, (a, b, para) in enumerate(_segment(text, norm)):
        if F.is_related_story(text, a):
            continue            # "Читайте також: …": another story's headline
        u = Unit(len(units), a, b, text[a:b], norm[a:b], para)
        line_start = text.rfind("\n", 0, a) + 1
        u.bullet = bool(_BULLET_RE.search(text[max(line_start, a - 6):a]))
        units.append(u)
    if not units:
        return []
    # title: the first line when it is the headline
    first_line_end = text.find("\n")
    if first_line_end < 0:
        first_line_end = len(text)
    if title and units[0].start < first_line_end and L.normalise(title)[:40].strip() == units[0].norm[:40].strip():
        units[0].is_title = True
    elif sentences and sentences[0].get("is_title") and units[0].start < first_line_end:
        units[0].is_title = True
    elif (not title and first_line_end < len(text) and text[first_line_end:first_line_end + 2] == "\n\n"
          and units[0].end <= first_line_end and not units[0].text.rstrip().endswith(".")):
        units[0].is_title = True

    outlet_side = L.outlet_side(article.get("outlet"), article.get("url"))
    if outlet_side == "other" and lang == "uk":
        outlet_side = "UA"
    channel, channel_source = _article_claimant(article, units)
    outlet_known = outlet_lookup(article.get("outlet"), article.get("url")) is not None
    official = channel is not None
    is_digest = bool(_DIGEST_RE.search(norm))
    cut = _is_cut(text)

    ctx = {"cut": cut, "text_len": len(text.rstrip()), "claimant_spans": {}, "lang": lang,
           "gaz": getattr(resources, "gazetteer", None),
           "own_side": channel.side if channel else None, "last_icpt_cls": None}
    air = [w.cls for w in L.find_weapons(norm) if w.cls not in ("unknown", "artillery", "aircraft")]
    ctx["art_air_cls"] = max(dict.fromkeys(air), key=air.count) if air else None  # ties: first named
    # regions the post names itself (a settlement the gazetteer puts elsewhere is a namesake)
    ctx["post_codes"] = {p.region.code for p in L.find_regions(norm) if p.region.code}

    # ---- claimants per unit
    prev = None
    explicit_prev = None
    for u in units:
        best, hits = _unit_claimant(u)
        ctx["claimant_spans"][u.idx] = hits
        if best is not None:
            u.claimant, u.explicit = best, True
        elif _CARRY_RE.search(u.norm) and prev is not None:
            u.claimant = prev
        elif prev is not None and u.idx > 0 and units[u.idx - 1].para == u.para and units[u.idx - 1].claimant is prev \
                and not units[u.idx - 1].is_title and not official:
            # the next sentence of the same paragraph continues the attributed statement
            u.claimant = prev
        if u.claimant is not None:
            prev = u.claimant
    # "Про це повідомив X": X owns the unattributed units just before it (same or previous paragraph)
    for i, u in enumerate(units):
        if u.explicit and _BACKWARD_ATTRIB_RE.search(u.norm):
            j = i - 1
            while j >= 0 and not units[j].explicit and not units[j].is_title and u.para - units[j].para <= 1:
                units[j].claimant = u.claimant
                j -= 1

    # ---- dates per unit
    main_date = None
    daily = False
    for u in units:
        u.date = _date_for(u, lang, published)
        if u.date is not None:
            u.own_date = True
            if u.date.get("event_date") is None and _DAILY_RE.search(u.norm):
                daily = True
            if main_date is None and not u.is_title and u.date.get("event_date") and u.date.get("date_precision") in ("night", "day") \
                    and not (pub_date and u.date["event_date"] < pub_date):
                main_date = u.date
    if main_date is None:
        for u in units:
            if u.date is not None and u.date.get("event_date"):
                main_date = u.date
                break
        if main_date is not None and pub_date and main_date["event_date"] < pub_date and u.own_date \
                and not any(v.own_date and v.date.get("event_date") is None for v in units):
            # "вчора ввечері" dates its own statement only; the undated rest of the post is the
            # publication day's report
            main_date = {"event_date": pub_date, "event_date_start": pub_date, "event_date_end": pub_date,
                         "date_precision": "day", "date_text": None}

    # ---- analyse
    claims: list[C] = []
    for u in units:
        prev_u = units[u.idx - 1] if u.idx > 0 else None
        ctx["unit_claimant_code"] = (u.claimant or channel).admin1_code if (u.claimant or channel) is not None else None
        ctx["air_prev"] = bool(prev_u is not None and prev_u.para == u.para and _AIR_CONTEXT_RE.search(prev_u.norm))
        try:
            got = _analyse_unit(u, lang, ctx)
        except Exception as exc:  # keep the batch running
            log.warning("cyrillic unit analysis failed (%s): %s", article.get("article_id"), exc)
            budget.record(f"cyrillic unit at offset {u.start}", exc)
            got = []
        for c in got:
            c.pos += u.start
            if c.event_type == "interception" and c.cls not in ("unknown",):
                ctx["last_icpt_cls"] = c.cls
            if c.event_type == "attack" and c.cls not in ("unknown", "artillery"):
                ctx.setdefault("launched_cls", []).append(c.cls)
        claims.extend(got)

    # ---- claimant, side, date
    last_explicit = {}
    for u in units:
        if u.explicit:
            last_explicit[u.idx] = u.claimant
    for c in claims:
        u = c.unit
        ch = u.claimant or (channel if official else None)
        if ch is not None and not u.explicit and ch is not channel and _own_weapons_downed(c, ch):
            ch = None
        if ch is None and c.event_type == "interception":
            prev_ex = [last_explicit[i] for i in last_explicit if i < u.idx]
            if prev_ex and not _own_weapons_downed(c, prev_ex[-1]):
                ch = prev_ex[-1]
        if ch is not None:
            c.claimant, c.side, c.claimant_code, c.claimant_kind = ch.canonical, ch.side, ch.admin1_code, ch.kind
            c.claimant_source = channel_source if ch is channel else "text"
            c.rules.append("claimant.outlet_registry" if ch is channel and channel_source == "outlet" else
                           "claimant.channel_header" if ch is channel else
                           "claimant.in_unit" if ch is u.claimant else "claimant.carried")
            if ch.kind in ("mayor", "governor") and ch.admin1_code in _OCCUPIED and lang == "ru" and outlet_side != "UA":
                c.side = "RU"
        else:
            c.claimant, c.side = "outlet", outlet_side
            c.claimant_source = "outlet" if outlet_known else "unknown"
            c.rules.append("claimant.outlet_registry" if outlet_known else "claimant.unattributed")
        c.date = _inherited_date(u, units, main_date, is_digest or daily)
        # the governor's own region for "над областью" / claims with no place
        if c.region is None and c.claimant_code and c.role in ("single", "strike", "launch") and (
                "own-region" in c.notes or ch is not None and ch.kind in ("governor", "official", "mayor", "local")):
            by_key, _ = L.regions()
            reg = next((r for r in by_key.values() if r.code == c.claimant_code), None)
            if reg is not None:
                c.region = reg
                # nothing resolvable is written ("над областью"): name the region for the geocoder
                c.loc_text = c.loc_text or reg.admin1

    for c in claims:
        if c.region is not None and c.region.code == "RU-MOW" and c.role != "sub" and _FLYING_MOSCOW_RE.search(c.unit.norm):
            c.ambiguous = True
            c.notes.append("flying toward Moscow")
    claims = traced("core.another_is_a_sibling", F.detach_additions, claims)
    claims = traced("core.link_rows_across_units", _link_rows_across_units, claims)
    claims = traced("core.propagate_models", _propagate_models, claims, units)
    claims = traced("core.launch_of_attributed_report", F.adopt_launch_claimant, claims, _compatible)
    claims = traced("core.merge_launch_ew", _merge_launch_ew, claims)
    claims = _report_forms(claims)
    claims = traced("core.link_weapon_breakdown", _link_weapon_breakdown, claims)
    claims = traced("core.regional_weapon_rows", _regional_weapon_rows, claims)
    claims = traced("core.corrections", _apply_corrections, claims)
    # an attack (launch) claim is about the enemy's weapons: "российские бойцы применили ударный БпЛА"
    # is the claimant's own strike, not an attack claim
    for c in claims:
        if c.dropped or c.event_type != "attack" or c.side not in ("RU", "UA"):
            continue
        ctx_text = " ".join(v.norm for v in units[max(0, c.unit.idx - 1):c.unit.idx + 1])
        if not _ENEMY_LAUNCH_RE[c.side].search(ctx_text):
            c.dropped = True
        elif c.side == "RU" and _OWN_LAUNCHER_RE.search(c.unit.norm) and not _ENEMY_SUBJECT_RE.search(c.unit.norm):
            c.dropped = True
    claims = traced("core.context_places", _context_places, claims, units)
    if _CUMULATIVE_ART_RE.search(norm):
        for c in claims:
            if c.event_type == "interception" and c.intercepted is None and c.launched is None and c.lost_to_ew is None:
                c.dropped = True
    claims = traced("core.headline_dedup", _merge_title, claims)
    claims = traced("core.link_strike_breakdown", _link_strike_breakdown, claims)
    claims = traced("core.dedupe", _dedupe, claims)
    claims = traced("core.merge_strike_followups", _merge_strike_followups, claims)
    claims = traced("core.attacker_side", _resolve_all, claims)

    if ctx.get("gaz") is not None:
        traced("core.gazetteer_agreement", _agree_with_gazetteer, claims, ctx["gaz"], lang)

    out = []
    index = {}
    kept = [c for c in claims if not c.dropped]
    for c in kept:
        index[id(c)] = len(index)
    for c in kept:
        out.append(_to_mention(c, text, lang, index))
    return out


_NATIONAL_ADJ = {"UA": _rx(NW + r"(?:украинск\w*|українськ\w*|всу|зсу)" + NE),
                 "RU": _rx(NW + r"(?:российск\w*|російськ\w*)" + NE)}


def _own_weapons_downed(c: C, ch) -> bool:
    """A carried-over claimant cannot report its own side's weapons shot down ("… сбиты 15 украинских
    беспилотников" after a General Staff paragraph): that sentence belongs to the other side."""
    if c.event_type != "interception" or ch is None or ch.side not in ("RU", "UA"):
        return False
    a = c.pos - c.unit.start
    near = c.unit.norm[max(0, a - 60):a + 80]
    return bool(_NATIONAL_ADJ[ch.side].search(near)) and not _NATIONAL_ADJ["UA" if ch.side == "RU" else "RU"].search(near)


def _inherited_date(u: Unit, units: list, main_date, no_main: bool):
    """The unit's own time expression; else the nearest earlier one in the same paragraph (not
    across digest bullets); else the article's main date unless the post is a digest / daily
    summary."""
    if u.own_date:
        return u.date
    for v in reversed(units[:u.idx]):
        if v.para != u.para or v.is_title:
            break
        if v.bullet and not u.bullet:
            pass
        if u.bullet:
            break
        if v.own_date:
            return v.date
    if no_main or not main_date:
        return None
    return dict(main_date, date_text=None)


def _agree_with_gazetteer(claims: list, gaz, lang: str) -> None:
    """The geocode stage re-resolves ``location_text``; where the shared gazetteer would read the
    written place differently from the rules (a raion it does not know, a region name cut at 400
    characters, "летевших на Москву" → Moscow Oblast), add the region's name to the text."""
    for c in claims:
        if c.dropped or c.region is None or not c.loc_text:
            continue
        want_code, want_name = c.region.code, c.region.admin1

        def ok(text):
            try:
                p = gaz.resolve(text, lang=lang, country_hint=c.region.country)
            except Exception:
                return True
            if p is None:
                return False
            if want_code:
                return (p.admin1_code or None) == want_code
            return (p.admin1 or None) == want_name
        if ok(c.loc_text):
            continue
        alt = f"{c.loc_text} ({want_name})"
        c.loc_text = alt if ok(alt) else want_name


def _date_for(u: Unit, lang: str, published) -> dict | None:
    try:
        from . import dates as _d
        res, dtext = _d.resolve_for_sentence(u.text.replace("**", "  "), lang, published)
    except Exception:
        return None
    if not dtext:
        # a bare part of the day ("Вечером ВСУ атаковали", "Вранці ворог …") is the publication day
        m = _PART_OF_DAY_RE.search(u.norm)
        pub = published[:10] if isinstance(published, str) and re.match(r"^\d{4}-\d{2}-\d{2}", published) else None
        if m and pub:
            return {"event_date": pub, "event_date_start": pub, "event_date_end": pub, "date_precision": "day",
                    "date_text": u.text[m.start():m.end()].strip()}
        return None
    d = {"event_date": res.event_date, "event_date_start": res.start, "event_date_end": res.end,
         "date_precision": res.precision or "unknown", "date_text": dtext.strip()}
    if _AS_OF_RE.search(u.norm):
        d.update(event_date=None, event_date_start=None, event_date_end=None, date_precision="unknown")
    m = _DAY_RANGE_RE.search(u.norm)
    if m and m.group(1) != m.group(2):
        # "С 28 апреля по 4 мая", "з 1 по 7 червня": a multi-day window has no single event date
        d.update(event_date=None, date_precision="week", date_text=u.text[m.start():m.end()].strip())
    return d


_PART_OF_DAY_RE = _rx(NW + r"(?:утром|вечером|дн[её]м|вранці|зранку|ввечері|увечері|вдень|пополудні|сегодня|сьогодні|"
                     r"нічн(?:ої|ий|а|ій|у|ого|і)|ночн(?:ой|ая|ую|ого|ые|ых|ом))" + NE)
_MONTHS = (r"(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
           r"січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)[а-яіїє]*")
_DAY_RANGE_RE = _rx(NW + r"(?:с|со|з|із|від|в период с|у період з)\s+(\d{1,2})(?:\s+" + _MONTHS + r")?\s+(?:по|до)\s+(\d{1,2})\s+" + _MONTHS)


# --------------------------------------------------------------------------- article-level merges

def _locations_total(u, cls, models, pos: int, regs) -> C:
    """"влучання … на 11 локаціях, зокрема на Київщині": a national total, the regions are its
    rows; a total of rows in one country is in that country."""
    total = C(u, [u], "strike", cls, list(models), pos=pos, rules=["strike.locations_total"])
    countries = {p.region.country for p in regs}
    if len(countries) == 1:
        total.country_hint = next(iter(countries))
    return total


def _set_located_hits(made: list[C], s: str, after: int) -> None:
    """The strike claims of a unit that are not rows get the count of hit locations."""
    n = _located_hits(s, after)
    for c in made:
        if c.parent is None and n is not None:
            c.hits = n


def _located_hits(s: str, after: int) -> int | None:
    """"влучання на 4 локаціях", "попадания на 3 локациях": the count of hit locations (the
    first after the strike word), when no weapon count is stated before it."""
    m = _LOC_COUNT_RE.search(s, after)
    if m is None or re.search(r"\d", s[after:m.start()]):
        return None
    num = re.search(r"(?:на|у|в)\s+(\S+)", m.group(0))
    return parse_number(num.group(1), "uk") if num else None


def _attacker(c: C) -> str | None:
    side = c.side if c.side in ("RU", "UA") else None
    country = c.region.country if c.region is not None else None
    if c.event_type in ("interception", "attack"):
        if side:
            return "UA" if side == "RU" else "RU"
        if country:
            return "UA" if country == "RU" else "RU"
        return None
    # strikes
    if c.region is not None and c.region.code in ("UA-43", "UA-40"):
        country = "RU"      # Crimea and Sevastopol are held by Russia: a hit there is a Ukrainian strike
    if side and c.claimant_code and c.region is not None and c.region.code == c.claimant_code:
        return "UA" if side == "RU" else "RU"      # a local official reporting a hit on their region
    if c.agent_side in ("RU", "UA") and side and c.agent_side == side:
        return side
    if side:
        if country and country != side:
            return side
        enemy = "UA" if side == "RU" else "RU"
        if c.agent_side and c.agent_side != side:
            return enemy
        if country == side:
            return enemy
        # no place: own forces striking unless the text names the enemy as agent
        s = c.unit.norm
        if _OWN_AGENT[side].search(s):
            return side
        if _ENEMY_AGENT[side].search(s) or _DEBRIS_RE.search(s):
            return enemy
        if _LOC_COUNT_RE.search(s):
            # "Зафіксовано влучання на 4 локаціях": a tally of hit locations is the defender's
            # count of the enemy's hits on its own territory
            return enemy
        return side if c.claimant_kind == "institution" else enemy
    if country:
        return "UA" if country == "RU" else "RU"
    return None


def _link_rows_across_units(claims: list[C]) -> list[C]:
    """Located rows of a later unit under an earlier unlocated total of the same weapon group."""
    open_total = None
    used = 0
    for c in claims:
        if c.event_type != "interception" or c.dropped:
            continue
        if c.role == "total" or (c.role == "single" and c.region is None and c.intercepted):
            if c.role == "total":
                kids = [k for k in claims if k.parent is c and k.role == "row"]
                used = sum(k.intercepted or 0 for k in kids)
            else:
                used = 0
            open_total = c
            continue
        if open_total is None or c.unit is open_total.unit:
            continue
        if c.parent is not None:
            continue
        located = c.region is not None or (c.role == "row" and "region cut off" in c.notes)
        if c.role in ("single", "row") and located and open_total.cls == c.cls and c.intercepted is not None \
                and open_total.intercepted is not None and (c.claimant == open_total.claimant or c.claimant == "outlet" or c.unit.claimant is None):
            if used + c.intercepted <= open_total.intercepted:
                used += c.intercepted
                c.parent = open_total
                c.role = "row"
                open_total.role = "total"
                c.claimant, c.side, c.claimant_code = open_total.claimant, open_total.side, open_total.claimant_code
                if c.date is None or (c.date.get("event_date") is None and open_total.date):
                    c.date = open_total.date
                # sub-rows of this row move along
                for k in claims:
                    if k.parent is c:
                        k.claimant, k.side = c.claimant, c.side
                        k.date = c.date
    return claims


def _report_forms(claims: list[C]) -> list[C]:
    """Whole-report forms after the launch/EW merge: complements ("не вдалося збити лише N") and
    period figures inside the night total (:mod:`pipeline.extract.cyrillic_forms`)."""
    claims = traced("core.complement_shoot_down", F.apply_complements, claims, _same_report, _compatible)
    return traced("core.night_total_parts", F.night_total_parts, claims, _compatible)


def _same_report(a: C, b: C) -> bool:
    if a.claimant != b.claimant or a.side != b.side:
        return False
    da = a.date.get("event_date") if a.date else None
    db = b.date.get("event_date") if b.date else None
    return da == db


def _distinct_missiles(a: str | None, b: str | None) -> bool:
    """Cruise and ballistic missiles named as such are two weapon groups of one report (the Air
    Force lists them separately); only the generic "ракети" folds into either."""
    return a != b and {a, b} <= {"cruise_missile", "ballistic_missile"}


_NAVAL_RE = _rx(r"катер\w*|лодк\w*|човн\w*|безэкипажн\w*|безекіпажн\w*|морськ\w* дрон\w*|морск\w* дрон\w*")


def _naval(c: C) -> bool:
    """The claim's weapon is an uncrewed boat (a naval drone), a group apart from aerial drones."""
    a = c.pos - c.unit.start
    return c.cls == "drone" and bool(_NAVAL_RE.search(c.unit.norm[max(0, a):a + 40]))


def _merge_launch_ew(claims: list[C]) -> list[C]:
    icpt = [c for c in claims if c.event_type == "interception" and c.role in ("total", "single") and not c.dropped]
    # per-weapon rows of a counted all-targets total ("збито 80 цілей: 7 ракет Х-101; 73 БпЛА") take
    # the launch figures of their own weapon group
    wrows = [c for c in claims if c.event_type == "interception" and c.role == "row" and not c.dropped
             and c.region is None and c.parent is not None and c.parent.cls == "mixed" and c.cls != "mixed"]
    icpt = wrows + [t for t in icpt if not (t.cls == "mixed" and any(r.parent is t for r in wrows))]
    # an EW figure with no shot-down claim of its group is the report's interception claim itself
    for c in claims:
        if c.dropped or c.role != "ew":
            continue
        if not any(_same_report(t, c) and _compatible(t.cls, c.cls) for t in icpt):
            c.role = "single"
            icpt.append(c)
    for c in claims:
        if c.dropped or c.role not in ("launch", "ew"):
            continue
        cands = [t for t in icpt if _same_report(t, c) and (t.cls == c.cls or _coarse(t.cls) == _coarse(c.cls) and c.cls != "unknown"
                                                          and not _distinct_missiles(t.cls, c.cls)
                                                          or t.generic and c.cls in MISSILE_FAMILY | {"rocket"})
                 and (t.region is None or c.region is None or t.region.key == c.region.key)]
        if c.cls == "drone":
            # boats and aerial drones of one report, each with its own interception claim, stay apart
            cands = [t for t in cands if _naval(t) == _naval(c)] or cands
        if not cands and c.role == "launch":
            # the attack aimed at one place, the drones downed over another (a sea, a neighbouring
            # region): still one report of one group when it has a single interception claim
            loose = [t for t in icpt if _same_report(t, c) and (t.cls == c.cls or _coarse(t.cls) == _coarse(c.cls) and c.cls != "unknown"
                                                                and not _distinct_missiles(t.cls, c.cls))]
            if c.cls == "drone":
                loose = [t for t in loose if _naval(t) == _naval(c)] or loose
            if len(loose) == 1:
                cands = loose
        if not cands:
            if c.role == "ew":
                c.role = "single"
            continue
        if c.role == "ew" and all(t.intercepted is None and t.lost_to_ew is None for t in cands) and not _EW_EXPLICIT_RE.search(c.unit.norm):
            # "збито/подавлено 86": one figure for both
            t = cands[0]
            t.intercepted, c.dropped = c.lost_to_ew, True
            if c.unit not in t.units:
                t.units.append(c.unit)
            continue
        # prefer the country-level total
        cands.sort(key=lambda t: (t.region is not None, t.intercepted is None and t.lost_to_ew is None, abs(t.pos - c.pos)))
        t = cands[0]
        if c.role == "launch":
            if t.cls == "missile" and t.generic and c.cls in MISSILE_FAMILY | {"rocket"}:
                t.cls = c.cls
            if c.region is not None and t.region is None and not any(k.parent is t for k in claims):
                t.region, t.loc_text = c.region, c.loc_text
            if c.launched is not None and t.launched is None:
                t.launched, t.qualifier = c.launched, t.qualifier or c.qualifier
                t.launch_units.append(c.unit.idx)
            elif c.launched is not None and c.unit.idx in t.launch_units:
                t.launched += c.launched          # "восемью … и тремя …" in one sentence
            elif c.launched is not None and t.launched is not None and t.launched != c.launched and t.unit is not c.unit:
                # two different launch figures: keep the larger statement
                t.launched = max(t.launched, c.launched)
            for m in c.models:
                if m not in t.models:
                    t.models.append(m)
            if t.unit not in t.units and c.unit is not t.unit:
                pass
            if c.unit not in t.units:
                t.units.insert(0, c.unit) if c.unit.start < t.unit.start else t.units.append(c.unit)
            c.dropped = True
        else:
            t.lost_to_ew = (t.lost_to_ew or 0) + (c.lost_to_ew or 0)
            if c.unit not in t.units:
                t.units.append(c.unit)
            c.dropped = True
    # attack claims without a count, for a group that also has an interception or strike claim
    for c in claims:
        if c.dropped or c.event_type != "attack":
            continue
        if c.launched is None and c.cls not in ("unknown", None):
            # "ворог атакував Одесу ударними дронами. Пошкоджено вікна …": the damage sentence is the
            # strike of that attack, with its weapon
            dmg = [t for t in claims if not t.dropped and t.event_type == "strike" and t.cls in ("unknown", None)
                   and t.side == c.side and t.claimant == c.claimant and 0 <= t.unit.idx - c.unit.idx <= 2
                   and t.unit.para - c.unit.para <= 1 and t.parent is None
                   and (t.region is None or c.region is None or t.region.key == c.region.key)]
            if dmg:
                t = dmg[0]
                t.cls, t.models = c.cls, list(c.models)
                if t.region is None and c.region is not None:
                    t.region, t.loc_text = c.region, c.loc_text
                if c.unit not in t.units:
                    t.units.insert(0, c.unit)
                c.dropped = True
                continue
        others = [t for t in claims if t is not c and not t.dropped and t.event_type in ("interception", "strike")
                  and t.side == c.side and _compatible(t.cls, c.cls) and t.cls != "unknown"]
        if c.launched is None and others:
            c.dropped = True
    # "все ракеты уничтожены": intercepted = launched
    for c in claims:
        if not c.dropped and c.all_flag and c.intercepted is None and c.launched is not None:
            c.intercepted = c.launched
    return claims


def _apply_corrections(claims: list[C]) -> list[C]:
    """A corrected figure ("згодом дані уточнили — збито 42", "позднее уточнил — 15") replaces the
    earlier claim of the same claimant, event and weapon group; it keeps that claim's claimant, place
    and date where it states none of its own."""
    for c in claims:
        if c.dropped or not c.correction:
            continue
        prev = [e for e in claims if e is not c and not e.dropped and e.event_type == c.event_type and e.pos < c.pos
                and e.parent is None and _compatible(e.cls, c.cls)
                and (e.claimant == c.claimant or c.claimant == "outlet" or c.unit.claimant is None)
                and (c.region is None or e.region is None or e.region.key == c.region.key)]
        if not prev:
            continue
        e = prev[-1]
        if c.claimant == "outlet" or c.unit.claimant is None:
            c.claimant, c.side, c.claimant_code, c.claimant_kind = e.claimant, e.side, e.claimant_code, e.claimant_kind
        if c.region is None:
            c.region, c.loc_text = e.region, e.loc_text
        if not (c.date or {}).get("event_date") and (e.date or {}).get("event_date"):
            c.date = e.date
        if c.launched is None:
            c.launched = e.launched
        if c.cls in (None, "unknown") or (c.generic and not e.generic):
            c.cls, c.models = e.cls, list(e.models)
        for k in claims:
            if k.parent is e:
                k.parent = c
        if e.unit not in c.units:
            c.units.insert(0, e.unit)
        e.dropped = True
    return claims


_LOCALITIES_RE = _rx(NW + r"(?:удар\w*|обстріл\w*|обстрел\w*|атак\w*)\s+(?:\w+\s+){0,2}(?:по|на)\s+(?:\d+|[а-яіїє']+)\s+"
                     r"(?:населен\w*|населённ\w*|громад\w*|міст\w*|сел\w*|локаці\w*)")


def _regional_weapon_rows(claims: list[C]) -> list[C]:
    """A regional administration's daily report: "окупанти завдали ударів по 11 населених пунктах
    області. Застосували: 4 КАБ; 12 БпЛА …" — the per-weapon figures are the strikes on the region
    (rows of the strike total), not launches."""
    live = [c for c in claims if not c.dropped]
    for t in live:
        regional = t.claimant_kind in ("governor", "local", "mayor") or (t.claimant_kind == "official" and t.claimant_code)
        if t.event_type != "strike" or t.parent is not None or not regional \
                or not _LOCALITIES_RE.search(t.unit.norm):
            continue
        kids = [c for c in live if c.event_type == "attack" and c.claimant == t.claimant and c.launched is not None
                and 0 <= c.unit.idx - t.unit.idx <= 1 and c.unit.para == t.unit.para
                and (c.region is None or t.region is None or c.region.key == t.region.key)]
        if not kids:
            continue
        # "12 БпЛА «Герань-2»; 3 БпЛА «Молнія»": two models of one weapon group are one row
        first: dict = {}
        for c in kids:
            f = first.get(c.cls)
            if f is not None and c.cls not in ("unknown", "mixed"):
                f.launched = (f.launched or 0) + (c.launched or 0)
                f.models = list(dict.fromkeys(list(f.models) + list(c.models)))
                c.dropped = True
                continue
            first[c.cls] = c
        kids = [c for c in kids if not c.dropped]
        for c in kids:
            c.event_type, c.hits, c.launched, c.parent, c.role = "strike", c.launched, None, t, "row"
            if c.region is None:
                c.region, c.loc_text = t.region, t.loc_text
        t.role = "total"
        if t.cls in ("unknown", None):
            t.cls = _combine([c.cls for c in kids]) if len({c.cls for c in kids}) == 1 else "mixed"
    return claims


def _link_weapon_breakdown(claims: list[C]) -> list[C]:
    """A counted all-weapons interception ("127 засобами повітряного нападу … збито 105 цілей:")
    is the total of the per-weapon interception claims of the same report and units."""
    live = [c for c in claims if not c.dropped]
    for t in live:
        if t.event_type != "interception" or t.cls != "mixed" or t.region is not None or t.parent is not None:
            continue
        tunits = {u.idx for u in t.units} | {t.unit.idx}
        kids = [c for c in live if c is not t and c.event_type == "interception" and c.cls != "mixed" and c.parent is None
                and c.region is None and _same_report(c, t) and ({u.idx for u in c.units} | {c.unit.idx}) & tunits]
        if not kids:
            continue
        tot_i = sum(k.intercepted or 0 for k in kids)
        tot_l = sum(k.launched or 0 for k in kids)
        if (t.intercepted is not None and tot_i > t.intercepted) or (t.launched is not None and tot_l > t.launched):
            continue
        for k in kids:
            k.parent = t
            k.role = "row"
        t.role = "total"
    return claims


_TARGET_PRE_RE = _rx(
    r"(?:(?:удар\w*|атак\w*|обстрел\w*|обстріл\w*)\s+(?:[^.;!?]{0,60}\s)?(?:по|на)\s+(?:[\w«»\"\-]+\s+){0,4}"
    r"|(?:атак\w*|удар\w*)\s+[^.;!?]{0,80}(?:объект\w*|инфраструктур\w*|об'єкт\w*|інфраструктур\w*)\s+(?:[\w«»\"\-]+\s+){0,3}"
    r"|цель\w* (?:\w+ ){0,3}(?:был\w*|являл\w*|стал\w*)\s+(?:[\w«»\"\-]+\s+){0,4})"
    r"(?:(?:город\w*|г\.|міст\w*|м\.|поселк\w*|населенн\w* пункт\w*|в|во|у|на|территори\w*|полуостров\w*)\s+)*$")
_HEADING_REGION_RE = _rx(r"(?:в|на|у) (?:территории )?$")


def _context_places(claims: list[C], units: list[Unit]) -> list[C]:
    """Unlocated claims take (a) the target of the attack announced in the same paragraph ("удара
    по городу Белгород. … ракеты были перехвачены", "Целью атаки был объект … области"), or (b) the
    front direction of the statement ("На Южно-Донецком направлении …"), marked ambiguous, or (c) for
    a ground strike, the single region named in the post before it ("… в Курской области. Нанесено
    поражение …"), also ambiguous. Launch areas are never used."""
    targets = {}
    directions = {}
    regions_of = {}
    for u in units:
        for p in L.find_regions(u.norm):
            pre = u.norm[max(0, p.start - 140):p.start]
            if p.kind == "direction":
                directions.setdefault(u.idx, p)
                continue
            if _LAUNCH_AREA_RE.search(u.norm[max(0, p.start - 60):p.start]) or _LAUNCH_LIST_RE.search(u.norm[max(0, p.start - 120):p.start]):
                continue
            if p.region.code and _TARGET_PRE_RE.search(pre):
                targets.setdefault(u.idx, p)
            if p.region.code or p.region.is_sea:
                regions_of.setdefault(u.idx, []).append(p)
    claimed_units = {c.unit.idx for c in claims if not c.dropped}
    for c in claims:
        if c.dropped or c.region is not None or c.loc_text or c.role not in ("single", "strike"):
            continue
        if any(k.parent is c for k in claims):
            continue
        u = c.unit
        for v in reversed(units[:u.idx + 1]):
            if v.para != u.para and v.idx != u.idx and u.idx - v.idx > 1:
                break
            if v.idx in targets and (v.idx < u.idx or targets[v.idx].start < c.pos - u.start):
                p = targets[v.idx]
                c.region, c.loc_text = p.region, _loc_text(v, v.norm, p)
                break
        # "… все цели были уничтожены. Целью атаки был объект в Новгородской области"
        if c.region is None and u.idx + 1 < len(units) and (u.idx + 1) in targets and (u.idx + 1) not in claimed_units \
                and units[u.idx + 1].para - u.para <= 1:
            v = units[u.idx + 1]
            p = targets[v.idx]
            c.region, c.loc_text = p.region, _loc_text(v, v.norm, p)
        if c.region is None and c.event_type in ("interception", "strike"):
            for v in reversed(units[:u.idx + 1]):
                if u.idx - v.idx > 3:
                    break
                if v.idx in directions:
                    p = directions[v.idx]
                    c.region, c.loc_text = p.region, _loc_text(v, v.norm, p)
                    c.ambiguous = True
                    c.notes.append("front direction as location")
                    break
        if c.region is None and c.event_type == "strike" and c.side == "RU" and c.claimant_kind == "institution":
            # the MoD's front-line posts: the region of the heading / the sentence before
            for v in reversed(units[:u.idx]):
                if u.idx - v.idx > 3:
                    break
                regs = _dedupe_regions([q for q in regions_of.get(v.idx, [])
                                        if re.search(NW + r"(?:в|во|на|у|над) (?:территори\w* )?(?:[\w\-]+ ){0,2}$", v.norm[max(0, q.start - 40):q.start])])
                if len(regs) == 1 and v.idx not in claimed_units:
                    p = regs[0]
                    c.region, c.loc_text = p.region, _loc_text(v, v.norm, p)
                    c.ambiguous = True
                    c.notes.append("region from the sentence before")
                    break
                if regs:
                    break
    return claims


def _propagate_models(claims: list[C], units: list[Unit]) -> list[C]:
    """A generic "ракеты"/"реактивные снаряды" claim takes the class and model named elsewhere in the
    article for the same attack ("… РСЗО «Ольха». … восемь ракет уничтожены")."""
    named = {}
    for u in units:
        for np_ in _np_groups(u.norm, L.find_weapons(u.norm), []):
            for h in np_.hits:
                if h.model:
                    named.setdefault(h.cls, [])
                    if h.model not in named[h.cls]:
                        named[h.cls].append(h.model)
    non_drone = {k: v for k, v in named.items() if k not in ("drone", "aircraft", "artillery")}
    for c in claims:
        if c.dropped or c.models:
            continue
        if c.cls == "missile" and c.generic and len(non_drone) == 1:
            k, v = next(iter(non_drone.items()))
            c.cls = k
            c.models = list(v)
        elif c.cls in non_drone and c.cls != "missile" and c.event_type in ("interception", "attack"):
            if len(non_drone[c.cls]) <= 2:
                c.models = list(non_drone[c.cls])
    return claims


def _merge_title(claims: list[C]) -> list[C]:
    titles = [c for c in claims if c.unit.is_title and not c.dropped]
    body = [c for c in claims if not c.unit.is_title and not c.dropped]
    for t in titles:
        best = None
        for b in body:
            if b.event_type != t.event_type or not _compatible(b.cls, t.cls):
                continue
            if t.intercepted is not None and b.intercepted is not None and t.intercepted != b.intercepted:
                continue
            if t.region is not None and b.region is not None and t.region.key != b.region.key:
                continue
            if t.intercepted is not None and b.intercepted is None:
                continue
            if t.region is None and b.region is not None and t.intercepted is None:
                pass
            score = (b.region is None) == (t.region is None)
            if best is None or score > best[0]:
                best = (score, b)
        if best is not None:
            b = best[1]
            if t.unit not in b.units:
                b.units.insert(0, t.unit)
            t.dropped = True
            # "збито 47 з 70" in the headline, "збито 47, ще 18 локаційно втрачені" in the body:
            # one claim, which keeps the figures the body claim lacks
            for f in ("launched", "lost_to_ew", "hits"):
                if getattr(b, f) is None and getattr(t, f) is not None:
                    setattr(b, f, getattr(t, f))
            b.models += [m for m in t.models if m not in b.models]
            # kids of the title total move to the body claim
            for k in claims:
                if k.parent is t:
                    k.parent = b
        else:
            # a headline claim with rows in the body: keep it (the body has no total)
            pass
    return claims


def _key(c: C):
    d = c.date.get("event_date") if c.date else None
    w = c.cls if c.event_type == "strike" else _coarse(c.cls)
    return (c.claimant, c.event_type, w, c.region.key if c.region else None, d)


_SUB_PLACE_RE = re.compile(
    r"([А-ЯІЇЄҐ][а-яіїєґ'’\-]+?)(?:ському|ський|ськім|ськ\w{1,3}|цьк\w{1,3}|ском|ский|ской|цк\w{1,3})\s+(?:район\w*|громад\w*|округ\w*)"
    r"|(?:^|\s)(?:с|м|смт|с-ще|н\.\s?п|пос|пгт|г)\.\s*([А-ЯІЇЄҐ][а-яіїєґ'’\-]{2,})")


def _sub_places(u) -> set:
    """Districts and localities written in a unit ("Бучанському районі", "с. Петрівка"), as stems."""
    out = set()
    for m in _SUB_PLACE_RE.finditer(u.text.replace("**", "")):
        w = (m.group(1) or m.group(2) or "").lower()
        if w:
            out.add(w[:5])
    return out


def _distinct_sub_places(a, b) -> bool:
    """Two strike reports of one region in different units that each name their own district or
    locality ("У Бучанському районі … В Броварському районі …") are two events."""
    if a.unit is b.unit:
        return False
    pa = set().union(*(_sub_places(u) for u in [a.unit] + list(a.units)))
    pb = set().union(*(_sub_places(u) for u in [b.unit] + list(b.units)))
    return bool(pa and pb and not (pa & pb))


def _dedupe(claims: list[C]) -> list[C]:
    live = [c for c in claims if not c.dropped]
    for i, a in enumerate(live):
        if a.dropped:
            continue
        for b in live[i + 1:]:
            if b.dropped or b is a:
                continue
            if _key(a) != _key(b) and not (a.event_type == b.event_type == "strike" and a.claimant == b.claimant and
                                           (a.region.key if a.region else None) == (b.region.key if b.region else None) and
                                           (_coarse(a.cls) is None or _coarse(b.cls) is None) and
                                           ((a.date or {}).get("event_date") == (b.date or {}).get("event_date")
                                            or not (a.date or {}).get("event_date") or not (b.date or {}).get("event_date"))):
                continue
            if a.event_type == "interception":
                if a.role in ("row", "sub") or b.role in ("row", "sub"):
                    if a.parent is b.parent and a.intercepted == b.intercepted and a.unit is b.unit:
                        b.dropped = True
                    continue
                if b.intercepted is None and b.launched is None and not any(k.parent is b for k in claims):
                    b.dropped = True
                    continue
                if a.intercepted is None and a.launched is None and not any(k.parent is a for k in claims):
                    a.dropped = True
                    break
                if a.intercepted == b.intercepted and a.launched == b.launched:
                    b.dropped = True
                    for k in claims:
                        if k.parent is b:
                            k.parent = a
                continue
            if a.event_type == "strike":
                if a.parent is not None or b.parent is not None or any(k.parent in (a, b) for k in claims):
                    continue
                if _distinct_sub_places(a, b):
                    continue
                if _coarse(a.cls) is None and _coarse(b.cls) is not None:
                    a.cls, a.models = b.cls, b.models
                if b.unit not in a.units:
                    a.units.append(b.unit)
                a.ambiguous = a.ambiguous and b.ambiguous
                b.dropped = True
                continue
            if a.event_type == "attack":
                if a.launched == b.launched or b.launched is None:
                    b.dropped = True
    return claims


_STRIKE_COUNT_RE = _rx(NW + r"(?:\d+|[а-яіїє']+)\s+(?:\w+\s+)?(?:удар\w*|обстріл\w*|обстрел\w*|атак\w*)\s+(?:по|на)\s")


def _link_strike_breakdown(claims: list[C]) -> list[C]:
    """A counted strike total ("завдали 412 ударів по 11 населених пунктах …") followed by per-weapon
    strike sentences of the same claimant and region: the sentences are rows of the total, and a
    total over several weapon groups is ``mixed``."""
    live = [c for c in claims if not c.dropped]
    for i, t in enumerate(live):
        if t.event_type != "strike" or not _STRIKE_COUNT_RE.search(t.unit.norm) or t.cls not in ("unknown", "mixed"):
            continue
        kids = []
        last_idx = t.unit.idx
        for c in live[i + 1:]:
            if c.unit.idx == t.unit.idx:
                continue
            if c.unit.idx - last_idx > 1 or c.claimant != t.claimant:
                break
            if c.event_type != "strike" or c.cls in ("unknown",) or (c.region is not None and t.region is not None and c.region.key != t.region.key):
                break
            if not re.search(r"^\W*(?:\d+|[а-яіїє']+)\s", c.unit.norm):
                break
            kids.append(c)
            last_idx = c.unit.idx
        if len(kids) >= 2:
            for k in kids:
                k.parent = t
                k.role = "row"
            t.role = "total"
            if len({k.cls for k in kids}) > 1:
                t.cls = "mixed"
    return claims


def _merge_strike_followups(claims: list[C]) -> list[C]:
    live = [c for c in claims if not c.dropped and c.event_type == "strike"]
    # "Зафіксовано влучання … на 8 локаціях. Удари прийшлися по Київщині та Житомирщині.": the
    # regions of the next sentence are rows of the national total
    for i, a in enumerate(live):
        if a.region is not None or a.parent is not None or not _LOC_COUNT_RE.search(a.unit.norm) \
                or any(k.parent is a for k in claims):
            continue
        kids = [b for b in live[i + 1:] if b.region is not None and b.parent is None and b.claimant == a.claimant
                and b.unit.idx - a.unit.idx == 1 and b.unit.para == a.unit.para and _coarse(b.cls) is None]
        for b in kids:
            b.parent, b.role, b.ambiguous = a, "row", True
            b.cls, b.models = a.cls, list(a.models)
    for a, b in zip(live, live[1:]):
        if a.dropped or b.dropped:
            continue
        if b.region is None and a.region is not None and a.claimant == b.claimant and 0 < b.unit.idx - a.unit.idx <= 2 \
                and not any(k.parent is b for k in claims) and b.unit.para - a.unit.para <= 1 \
                and not _distinct_sub_places(a, b):
            if b.unit not in a.units:
                a.units.append(b.unit)
            if _coarse(a.cls) is None and _coarse(b.cls) is not None:
                a.cls, a.models = b.cls, list(b.models)
            b.dropped = True
    return claims


def _resolve_all(claims: list[C]) -> list[C]:
    # children never exceed their parent
    for c in claims:
        if c.dropped:
            continue
        if c.parent is not None and c.parent.dropped:
            c.parent = None
        if c.parent is not None and c.intercepted is not None and c.parent.intercepted is not None and c.intercepted > c.parent.intercepted:
            c.parent = None
        c.attacker = _attacker(c)
        if c.event_type == "interception" and c.cls == "aircraft":
            # attacker_side is the side flying the aircraft: named next to it, else the enemy
            c.attacker = "UA" if c.side == "RU" else ("RU" if c.side == "UA" else c.attacker)
            a = c.pos - c.unit.start
            near = c.unit.norm[max(0, a - 40):a + 60]
            if re.search(r"вкс (?:россии|рф)|вс рф|российск\w*|россии\b|ввс (?:всу|украины)|зсу|всу\b|украинск\w*|українськ\w*|російськ\w*", near):
                own = re.search(r"вкс (?:россии|рф)|вс рф|российск\w*|россии\b|російськ\w*", near)
                c.attacker = "RU" if own else "UA"
    # a total whose children are all dropped and which has no region is still a total
    return claims


def _sentence_of(c: C, text: str) -> tuple[str, int, int]:
    units = sorted({id(u): u for u in c.units + [c.unit]}.values(), key=lambda u: u.start)
    parts = [u.text for u in units]
    return " [...] ".join(parts), units[0].start, units[-1].end


def _to_mention(c: C, text: str, lang: str, index: dict) -> dict:
    sentence, a, b = _sentence_of(c, text)
    reg = c.region
    country = None
    if reg is not None:
        country = reg.country
    elif c.country_hint:
        country = c.country_hint
    elif c.event_type == "interception" and c.side in ("RU", "UA") and c.role in ("total", "single") and not c.loc_text:
        country = None
    d = c.date or {}
    model = "; ".join(c.models) if c.models else None
    notes = "; ".join(dict.fromkeys(c.notes)) or None
    return {
        "sentence": sentence,
        "char_start": a,
        "char_end": b,
        "lang": lang,
        "claimant": c.claimant,
        "claimant_side": c.side or "other",
        "event_type": c.event_type,
        "weapon": c.cls or "unknown",
        "weapon_model": model,
        "attacker_side": c.attacker,
        "launched": c.launched,
        "intercepted": c.intercepted,
        "lost_to_ew": c.lost_to_ew,
        "hits": c.hits,
        "count_qualifier": c.qualifier or ("exact" if (c.intercepted is not None or c.launched is not None) else None),
        "target": c.target,
        "location_text": c.loc_text if reg is not None or c.loc_text else None,
        "country_hint": country,
        "event_date": d.get("event_date"),
        "event_date_start": d.get("event_date_start"),
        "event_date_end": d.get("event_date_end"),
        "date_precision": d.get("date_precision") or "unknown",
        "date_text": d.get("date_text"),
        "ambiguous": bool(c.ambiguous),
        "parent_index": index.get(id(c.parent)) if c.parent is not None else None,
        # hints the rules already know (the geocode stage may keep or re-resolve them)
        "admin1": reg.admin1 if reg is not None else None,
        "admin1_code": reg.code if reg is not None else None,
        "country_code": country,
        "notes": notes,
        "claimant_source": c.claimant_source,
        # ids of the unit rules get the language; whole-article passes ("core.") and the registry do not
        "rule_ids": rule_ids([r if r.startswith(("core.", "claimant.outlet_registry")) else f"{lang}.{r}"
                              for r in c.rules]),
    }
