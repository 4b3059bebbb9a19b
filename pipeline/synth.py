"""Seeded generator of a synthetic corpus for the throughput benchmark (``make bench``).

The texts imitate the *styles* of the reporting the pipeline reads — English wire copy,
French outlets, machine-translated French/English mixes, Russian Ministry of Defence
Telegram posts and Ukrainian Air Force posts — but every sentence is composed here from
this module's own templates with random regions, numbers, weapons and dates. Nothing is
copied from any real or development article, and none of it describes a real event.

As in real articles, most paragraphs are *not* about strikes: politics, economy, sport and
weather filler surround one to three claim paragraphs, and about a quarter of the articles
contain no claim at all.

    from pipeline import synth
    articles = synth.generate(1000, seed=42)      # list of dicts: meta keys + "text"
    synth.write_raw("/tmp/raw", 1000, seed=42)    # NNNNNN.txt + NNNNNN.meta.json

The same ``(n, seed)`` always gives the same texts (``random.Random(seed)`` only; no
hash-order or clock dependence), and ``generate(n, seed)`` is a prefix of
``generate(m, seed)`` for ``n < m``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path

#: Style → share of the corpus.
STYLES = {"en_wire": 0.34, "fr": 0.24, "mixed": 0.10, "ru_mod": 0.16, "uk_af": 0.16}
#: Share of articles with no strike/interception paragraph at all.
NEGATIVE_SHARE = 0.25
STYLE_LANG = {"en_wire": "en", "fr": "fr", "mixed": "mixed", "ru_mod": "ru", "uk_af": "uk"}

_DATE0 = dt.date(2024, 9, 1)
_NDAYS = 425

# --------------------------------------------------------------------------- vocabularies
# Regions: (English, French, Russian prepositional "над ... областью", Ukrainian genitive)
RU_REGIONS = [
    ("Belgorod", "Belgorod", "Белгородской", "Бєлгородської"),
    ("Kursk", "Koursk", "Курской", "Курської"),
    ("Bryansk", "Briansk", "Брянской", "Брянської"),
    ("Voronezh", "Voronej", "Воронежской", "Воронезької"),
    ("Oryol", "Orel", "Орловской", "Орловської"),
    ("Rostov", "Rostov", "Ростовской", "Ростовської"),
    ("Tula", "Toula", "Тульской", "Тульської"),
    ("Kaluga", "Kalouga", "Калужской", "Калузької"),
    ("Lipetsk", "Lipetsk", "Липецкой", "Липецької"),
    ("Ryazan", "Riazan", "Рязанской", "Рязанської"),
    ("Smolensk", "Smolensk", "Смоленской", "Смоленської"),
    ("Tambov", "Tambov", "Тамбовской", "Тамбовської"),
    ("Saratov", "Saratov", "Саратовской", "Саратовської"),
    ("Volgograd", "Volgograd", "Волгоградской", "Волгоградської"),
    ("Moscow", "Moscou", "Московской", "Московської"),
    ("Pskov", "Pskov", "Псковской", "Псковської"),
]
# Ukrainian regions: (English, French, Ukrainian genitive, Russian genitive)
UA_REGIONS = [
    ("Kharkiv", "Kharkiv", "Харківської", "Харьковской"),
    ("Sumy", "Soumy", "Сумської", "Сумской"),
    ("Odesa", "Odessa", "Одеської", "Одесской"),
    ("Dnipropetrovsk", "Dnipropetrovsk", "Дніпропетровської", "Днепропетровской"),
    ("Zaporizhzhia", "Zaporijjia", "Запорізької", "Запорожской"),
    ("Kyiv", "Kiev", "Київської", "Киевской"),
    ("Poltava", "Poltava", "Полтавської", "Полтавской"),
    ("Chernihiv", "Tchernihiv", "Чернігівської", "Черниговской"),
    ("Mykolaiv", "Mykolaïv", "Миколаївської", "Николаевской"),
    ("Khmelnytskyi", "Khmelnytsky", "Хмельницької", "Хмельницкой"),
    ("Vinnytsia", "Vinnytsia", "Вінницької", "Винницкой"),
    ("Cherkasy", "Tcherkassy", "Черкаської", "Черкасской"),
    ("Lviv", "Lviv", "Львівської", "Львовской"),
]
UA_CITIES = [("Kharkiv", "Kharkiv"), ("Odesa", "Odessa"), ("Dnipro", "Dnipro"),
             ("Zaporizhzhia", "Zaporijjia"), ("Sumy", "Soumy"), ("Kremenchuk", "Krementchouk"),
             ("Poltava", "Poltava"), ("Kryvyi Rih", "Kryvyï Rih"), ("Chernihiv", "Tchernihiv"),
             ("Bila Tserkva", "Bila Tserkva"), ("Izmail", "Izmaïl"), ("Pavlohrad", "Pavlohrad")]
LAUNCH_AREAS_UK = ["Курськ", "Орел", "Брянськ", "Міллерово", "Приморсько-Ахтарськ",
                   "Шаталово", "Гвардійське – ТОТ Криму", "Чауда – ТОТ Криму", "Навля"]
TARGETS_EN = ["an oil depot", "a power substation", "an industrial enterprise", "a fuel storage site",
              "a railway depot", "an airfield", "a warehouse", "an energy facility", "a port terminal",
              "a residential building", "a grain terminal", "a gas pumping station"]
TARGETS_FR = ["un dépôt pétrolier", "une sous-station électrique", "une entreprise industrielle",
              "un site de stockage de carburant", "un dépôt ferroviaire", "un aérodrome", "un entrepôt",
              "une installation énergétique", "un terminal portuaire", "un immeuble d'habitation"]
UA_WEAPONS_EN = [("drones", "drone"), ("attack drones", "drone"), ("fixed-wing drones", "drone")]
RU_MISSILES_EN = ["Iskander-M ballistic missiles", "Kh-101 cruise missiles", "Kalibr cruise missiles",
                  "Kh-59 guided missiles", "Kh-22 cruise missiles", "Kinzhal hypersonic missiles"]
RU_MISSILES_FR = ["missiles balistiques Iskander-M", "missiles de croisière Kh-101",
                  "missiles de croisière Kalibr", "missiles guidés Kh-59", "missiles Kinjal"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]
MONTHS_UK = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
             "вересня", "жовтня", "листопада", "грудня"]
NIGHT_RU = {0: "понедельник", 1: "вторник", 2: "среду", 3: "четверг", 4: "пятницу", 5: "субботу",
            6: "воскресенье"}
EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FR_SMALL = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
RU_SMALL = {2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь",
            9: "девять"}

FIRST = ["Anna", "Pavel", "Maria", "David", "Olena", "Tom", "Sophie", "Igor", "Claire", "Mark",
         "Natalia", "Julien", "Andrii", "Emma", "Lucas", "Irina", "Peter", "Camille"]
LAST = ["Korsak", "Hale", "Vidal", "Moreno", "Lindqvist", "Baran", "Ferrand", "Ostrova", "Keller",
        "Duval", "Marsh", "Petrenko", "Lefort", "Novak", "Brandt", "Sorel", "Whitcombe", "Zarina"]
CLUBS = ["Shakhtar", "Dynamo", "Zorya", "Polissya", "Kryvbas", "Rukh", "Oleksandriya", "Vorskla"]
EU_CITIES = ["Brussels", "Berlin", "Warsaw", "Vienna", "Geneva", "Rome", "Helsinki", "Prague"]
EU_CITIES_FR = ["Bruxelles", "Berlin", "Varsovie", "Vienne", "Genève", "Rome", "Helsinki", "Prague"]
COMPANIES = ["Naftogaz", "Ukrenergo", "Metinvest", "Kernel", "MHP", "Ukrzaliznytsia", "Nova Poshta"]

# --------------------------------------------------------------------------- filler
# Non-strike paragraphs, composed of 2–4 sentences drawn from per-topic templates.
FILLER_EN = {
    "politics": [
        "Foreign ministers from {n1} countries met in {eucity} on {day} to discuss a new package of sanctions, officials said.",
        "{name}, a senior adviser to the prime minister, told reporters the talks had been \"constructive but slow\".",
        "Parliament is expected to vote on the draft budget in the second half of {month}, two lawmakers said.",
        "The opposition accused the government of delaying reforms demanded by international lenders.",
        "Diplomats said a follow-up meeting could take place in {eucity} before the end of the year.",
        "The president is due to address the parliamentary assembly of the Council of Europe next week.",
        "A spokesperson for the European Commission said the bloc would keep its support \"for as long as it takes\".",
        "Analysts at a think-tank in {eucity} said the negotiations were unlikely to produce a ceasefire soon.",
        "{name} said the delegation had presented a list of {n2} proposals, none of which was made public.",
    ],
    "economy": [
        "The central bank kept its key rate at {pct}% on {day}, citing persistent inflation pressures.",
        "Consumer prices rose {pct2}% year on year in {month}, the state statistics service said.",
        "{company} said it had secured a loan of ${n3} million from a group of European lenders.",
        "Grain exports through the Black Sea corridor reached {n4} million tonnes last month, the agriculture ministry said.",
        "The hryvnia weakened slightly against the dollar as importers stepped up purchases ahead of the holidays.",
        "Economists expect growth of around {pct2}% this year, down from earlier forecasts.",
        "The government plans to raise excise duties on fuel and tobacco from {month}.",
        "Steelmakers warned that power shortages could cut output by as much as a fifth in the winter.",
        "Remittances from Ukrainians working abroad fell for a third consecutive quarter, the central bank said.",
    ],
    "sport": [
        "{club1} beat {club2} {g1}-{g2} on {day} to move to the top of the Premier League table.",
        "The national team will play its qualifying matches at a neutral venue in {eucity}, the federation said.",
        "{name}, who scored twice in the second half, was named player of the match.",
        "The coach said after the game that his squad was tired after a long trip and three matches in a week.",
        "Tickets for the home fixture sold out within hours, the organisers said.",
        "Ukraine's athletes won {n1} medals at the European championships, including {g1} golds.",
        "The league has been played without spectators in several cities since the start of the season.",
    ],
    "weather": [
        "Forecasters expect temperatures to drop to minus {g1} degrees Celsius overnight in the north-east.",
        "Heavy rain is forecast for the western regions on {day}, with local flooding possible in the Carpathians.",
        "The weather service issued a yellow warning for strong winds in the south of the country.",
        "Daytime temperatures will reach {t} degrees in Kyiv, slightly above the seasonal average.",
        "Snow is expected to cover roads in the Chernihiv and Sumy regions by the end of the week.",
        "Drivers were advised to avoid mountain passes until the storm eases, the emergency service said.",
    ],
}
FILLER_FR = {
    "politics": [
        "Les ministres des affaires étrangères de {n1} pays se sont réunis {day_fr} à {eucity_fr} pour discuter d'un nouveau train de sanctions.",
        "{name}, conseiller du premier ministre, a jugé les discussions « constructives mais lentes ».",
        "Le Parlement doit se prononcer sur le projet de budget dans la seconde moitié du mois de {month_fr}.",
        "L'opposition reproche au gouvernement de retarder les réformes exigées par les bailleurs internationaux.",
        "Selon plusieurs diplomates, une nouvelle rencontre pourrait avoir lieu à {eucity_fr} avant la fin de l'année.",
        "La Commission européenne a assuré que l'Union maintiendrait son soutien « aussi longtemps que nécessaire ».",
        "Des analystes estiment peu probable qu'un cessez-le-feu soit conclu dans les prochaines semaines.",
        "La délégation a présenté une liste de {n2} propositions, dont aucune n'a été rendue publique.",
    ],
    "economy": [
        "La banque centrale a maintenu {day_fr} son taux directeur à {pct} %, invoquant une inflation persistante.",
        "Les prix à la consommation ont augmenté de {pct2} % sur un an en {month_fr}, selon l'office des statistiques.",
        "Le groupe {company} a obtenu un prêt de {n3} millions de dollars auprès de banques européennes.",
        "Les exportations de céréales ont atteint {n4} millions de tonnes le mois dernier, selon le ministère de l'agriculture.",
        "Les économistes tablent désormais sur une croissance d'environ {pct2} % cette année.",
        "Le gouvernement prévoit de relever les accises sur les carburants et le tabac à partir de {month_fr}.",
        "Les sidérurgistes craignent que les coupures d'électricité ne réduisent leur production d'un cinquième cet hiver.",
    ],
    "sport": [
        "Le {club1} s'est imposé {g1}-{g2} face au {club2} {day_fr} et prend la tête du championnat.",
        "La sélection nationale disputera ses matchs de qualification sur terrain neutre, à {eucity_fr}.",
        "Auteur d'un doublé en seconde période, {name} a été désigné homme du match.",
        "L'entraîneur a regretté la fatigue de ses joueurs après trois rencontres en une semaine.",
        "Les athlètes ukrainiens ont remporté {n1} médailles aux championnats d'Europe, dont {g1} en or.",
    ],
    "weather": [
        "Météo : les températures devraient descendre jusqu'à moins {g1} degrés dans le nord-est du pays.",
        "De fortes pluies sont attendues {day_fr} dans l'ouest, avec un risque d'inondations dans les Carpates.",
        "Le service météorologique a émis une alerte jaune pour des vents violents dans le sud.",
        "Les températures atteindront {t} degrés à Kiev, un peu au-dessus des normales de saison.",
    ],
}
FILLER_RU = [
    "В {city_ru} завершился международный экономический форум, в котором приняли участие делегации из {n1} стран.",
    "Синоптики прогнозируют похолодание до минус {g1} градусов в центральных регионах.",
    "Банк России сохранил ключевую ставку на уровне {pct} процентов годовых.",
    "Сборная команда проведет товарищеский матч {day_ru} на стадионе в Казани.",
    "Губернатор провел совещание по подготовке к отопительному сезону, сообщила пресс-служба.",
    "В регионе открыли {n1} новых школ и детских садов, рассказали в правительстве области.",
    "Цены на бензин за неделю выросли на {pct2} процента, следует из данных Росстата.",
    "Фестиваль народных ремесел соберет в выходные более {n3} участников.",
    "Движение на трассе ограничено из-за ремонта моста до конца месяца.",
]
FILLER_UK = [
    "Синоптики прогнозують зниження температури до мінус {g1} градусів у північних областях.",
    "Графіки відключень електроенергії на завтра не застосовуватимуться, повідомили в обленерго.",
    "У громаді відкрили {n1} нових укриттів у школах та дитячих садках.",
    "Національна збірна зіграє матч відбору на нейтральному полі {day_uk}.",
    "Нацбанк зберіг облікову ставку на рівні {pct} відсотків.",
    "Уряд продовжив програму компенсацій для внутрішньо переміщених осіб до кінця року.",
    "Ярмарок місцевих виробників працюватиме у вихідні на центральній площі.",
    "Через ремонт мосту рух на трасі обмежено до кінця місяця, повідомили в службі доріг.",
    "Центри надання адміністративних послуг працюють у звичному режимі.",
]
DAYS_RU = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу",
           "в воскресенье"]
DAYS_UK = ["у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу",
           "у неділю"]
CITIES_RU = ["Москве", "Санкт-Петербурге", "Казани", "Екатеринбурге", "Новосибирске", "Сочи"]


class _Gen:
    """Random draws for one article (all from one ``random.Random``)."""

    def __init__(self, rng: random.Random, published: dt.date):
        self.r = rng
        self.pub = published

    # numbers ---------------------------------------------------------------
    def split(self, total: int, parts: int) -> list[int]:
        """``total`` split into ``parts`` positive integers, in descending order."""
        parts = max(1, min(parts, total))
        cuts = sorted(self.r.sample(range(1, total), parts - 1)) if parts > 1 else []
        vals = [b - a for a, b in zip([0] + cuts, cuts + [total])]
        return sorted(vals, reverse=True)

    def en_num(self, n: int, cap: bool = False) -> str:
        s = EN_SMALL[n] if n < 10 else str(n)
        return s.capitalize() if cap else s

    def fill(self, template: str) -> str:
        r = self.r
        return template.format(
            n1=r.randint(3, 40), n2=r.randint(5, 25), n3=r.randint(20, 900), n4=r.randint(2, 9),
            pct=r.choice(["13", "14", "15", "16", "11", "12"]), pct2=r.randint(2, 12),
            g1=r.randint(0, 5), g2=r.randint(0, 4), t=r.randint(5, 31),
            name=f"{r.choice(FIRST)} {r.choice(LAST)}", company=r.choice(COMPANIES),
            club1=(c := r.sample(CLUBS, 2))[0], club2=c[1],
            day=r.choice(DAYS_EN), day_fr=r.choice(DAYS_FR), day_ru=r.choice(DAYS_RU),
            day_uk=r.choice(DAYS_UK), month=r.choice(MONTHS_EN), month_fr=r.choice(MONTHS_FR),
            eucity=r.choice(EU_CITIES), eucity_fr=r.choice(EU_CITIES_FR), city_ru=r.choice(CITIES_RU),
        )

    def filler(self, pools: dict[str, list[str]] | list[str], k: int | None = None) -> str:
        if isinstance(pools, dict):
            pool = pools[self.r.choice(sorted(pools))]
        else:
            pool = pools
        k = k or self.r.randint(2, 4)
        return " ".join(self.fill(t) for t in self.r.sample(pool, min(k, len(pool))))

    # dates -----------------------------------------------------------------
    def day_en(self) -> str:
        return DAYS_EN[self.pub.weekday()]

    def day_fr(self) -> str:
        return DAYS_FR[self.pub.weekday()]


# --------------------------------------------------------------------------- styles

def _en_wire(g: _Gen, negative: bool) -> tuple[str, str, str]:
    r = g.r
    outlet = r.choice(["Reuters", "Associated Press", "AFP", "The Kyiv Independent"])
    paras: list[str] = []
    claims: list[str] = []
    if not negative:
        day = g.day_en()
        kind = r.random()
        if kind < 0.45:  # Russian MoD: drones over Russian regions, with a breakdown
            total = r.randint(8, 180)
            regions = r.sample(RU_REGIONS, r.randint(1, min(5, total)))
            vals = g.split(total, len(regions))
            parts = ", ".join(f"{g.en_num(v)} over the {reg[0]} region" for v, reg in zip(vals, regions))
            title = f"Moscow reports {total} Ukrainian drones brought down overnight"
            claims.append(f"Russia's Defence Ministry said on {day} its air defences had brought down {total} "
                          f"Ukrainian drones during the night, including {parts}.")
            reg = regions[0][0]
            claims.append(f"Falling fragments damaged {r.choice(TARGETS_EN)} and {g.en_num(r.randint(2, 9))} "
                          f"homes, the {reg} governor wrote on Telegram.")
        elif kind < 0.85:  # Ukrainian Air Force: launched / shot down / lost
            launched = r.randint(20, 480)
            down = r.randint(launched // 2, launched)
            lost = r.randint(0, launched - down)
            mis = r.randint(0, 6)
            title = f"Ukraine says it downed {down} of {launched} Russian drones"
            s = (f"Ukraine's air force said on {day} that Russia had sent {launched} Shahed-type drones and decoys"
                 + (f" along with {g.en_num(mis)} {r.choice(RU_MISSILES_EN)}" if mis else "")
                 + " against the country during the night.")
            claims.append(s)
            claims.append(f"The air force said {down} of the drones were downed"
                          + (f" and {lost} more were lost from radar, most likely because of electronic jamming"
                             if lost else "") + ".")
            city = r.choice(UA_CITIES)[0]
            claims.append(f"Local officials in {city} said {g.en_num(r.randint(1, 9))} people were hurt when a "
                          f"drone struck {r.choice(TARGETS_EN)}.")
        else:  # Ukrainian General Staff: strike on a Russian facility
            reg = r.choice(RU_REGIONS)[0]
            target = r.choice(TARGETS_EN)
            title = f"Ukraine says its drones hit {target[target.index(' ') + 1:]} in Russia's {reg} region"
            claims.append(f"Ukraine's General Staff said on {day} that its drones had targeted {target} in the "
                          f"{reg} region during the night, reporting a large blaze at the site.")
            claims.append(f"Russia's defence ministry said its air defences had intercepted "
                          f"{r.randint(5, 90)} Ukrainian drones overnight, {r.randint(1, 4) + 1} of them over "
                          f"the {reg} region.")
        claims = claims[: r.randint(1, len(claims))]
    else:
        topic = r.choice(["talks", "economy", "sport"])
        title = {"talks": f"Talks in {r.choice(EU_CITIES)} end without agreement on next steps",
                 "economy": f"{r.choice(COMPANIES)} secures new financing as economy slows",
                 "sport": f"{r.choice(CLUBS)} stay top after win over {r.choice(CLUBS)}"}[topic]
    city = r.choice(["KYIV", "MOSCOW", "LONDON", "PARIS"])
    short = {"Associated Press": "AP", "The Kyiv Independent": "Kyiv Independent"}.get(outlet, outlet)
    lead = (f"{city}, {MONTHS_EN[g.pub.month - 1]} {g.pub.day} ({short}) - " if short != "AP"
            else f"{city.title()} (AP) — ")
    body_filler = [g.filler(FILLER_EN) for _ in range(r.randint(3, 7))]
    if claims:
        paras = [lead + claims[0]] + claims[1:]
    else:
        paras = [lead + body_filler.pop(0)]
    # filler mostly after the claims, some before
    pos = r.randint(1, len(paras))
    paras[pos:pos] = body_filler[: r.randint(0, 2)]
    paras += body_filler[2:] if len(body_filler) > 2 else []
    if r.random() < 0.5:
        paras.append(f"{short} was not able to confirm either side's figures.")
    byline = f"By {r.choice(FIRST)} {r.choice(LAST)}"
    signoff = f"(Reporting by {r.choice(FIRST)} {r.choice(LAST)}; Editing by {r.choice(FIRST)} {r.choice(LAST)})"
    text = "\n\n".join([title, byline] + paras + ([signoff] if outlet == "Reuters" else []))
    return title, text, outlet


def _fr(g: _Gen, negative: bool) -> tuple[str, str, str]:
    r = g.r
    outlet = r.choice(["Le Monde", "AFP", "France 24", "Le Figaro", "Ouest-France"])
    claims: list[str] = []
    day = g.day_fr()
    if not negative:
        kind = r.random()
        if kind < 0.5:
            launched = r.randint(15, 420)
            down = r.randint(launched // 2, launched)
            lost = r.randint(0, launched - down)
            title = f"Ukraine : {down} drones russes sur {launched} neutralisés dans la nuit, selon l'armée de l'air"
            claims.append(f"Selon l'armée de l'air ukrainienne, {down} des {launched} drones d'attaque et leurres "
                          f"envoyés par Moscou pendant la nuit ont été neutralisés {day}"
                          + (f", et {lost} autres ont disparu des radars, probablement brouillés." if lost else "."))
            if r.random() < 0.6:
                n = r.randint(1, 5)
                claims.append(f"La Russie a également tiré {FR_SMALL[n] if n < 10 else n} "
                              f"{r.choice(RU_MISSILES_FR)} sur la région de {r.choice(UA_REGIONS)[1]}, "
                              f"selon le communiqué.")
            city = r.choice(UA_CITIES)[1]
            claims.append(f"{city} : {FR_SMALL[r.randint(2, 9)]} blessés après la chute d'un drone sur "
                          f"{r.choice(TARGETS_FR)}, d'après les autorités locales.")
        else:
            total = r.randint(10, 220)
            regions = r.sample(RU_REGIONS, r.randint(1, min(4, total)))
            vals = g.split(total, len(regions))
            title = f"La Russie affirme avoir abattu {total} drones ukrainiens au-dessus de {len(regions)} régions"
            claims.append(f"Moscou a revendiqué {day} la destruction de {total} drones ukrainiens pendant la "
                          f"nuit, selon le ministère de la défense.")
            claims.append("Selon le ministère, " + ", ".join(
                f"{v} appareils ont été abattus au-dessus de la région de {reg[1]}" for v, reg in zip(vals, regions)) + ".")
        claims = claims[: r.randint(1, len(claims))]
    else:
        title = r.choice([f"Les pourparlers de {r.choice(EU_CITIES_FR)} s'achèvent sans accord",
                          "L'inflation ralentit en Ukraine, la banque centrale reste prudente",
                          f"Football : le {r.choice(CLUBS)} reprend la tête du championnat"])
    filler = [g.filler(FILLER_FR) for _ in range(r.randint(3, 7))]
    head = f"{outlet} avec AFP" if outlet != "AFP" else "Kiev (AFP)"
    pub = f"Publié le {g.pub.day} {MONTHS_FR[g.pub.month - 1]} {g.pub.year} à {r.randint(6, 22):02d}h{r.randint(0, 59):02d}"
    paras = claims or [filler.pop(0)]
    pos = r.randint(1, len(paras))
    paras[pos:pos] = filler[:2]
    paras += filler[2:]
    text = "\n\n".join([title, f"{head}\n{pub}"] + paras)
    return title, text, outlet


def _mixed(g: _Gen, negative: bool) -> tuple[str, str, str]:
    """Machine-translated pages: French and English paragraphs alternate, with MT slips."""
    r = g.r
    outlet = r.choice(["Euronews (machine-translated)", "Yahoo News (machine-translated)",
                       "The Independent (machine-translated)"])
    t_fr, text_fr, _ = _fr(g, negative)
    t_en, text_en, _ = _en_wire(g, negative)
    fr_paras = text_fr.split("\n\n")[2:][: r.randint(3, 5)]
    en_paras = text_en.split("\n\n")[2:][: r.randint(3, 5)]
    title = f"{t_fr} / {t_en}"
    mt = ["Abonnez-vous pour lire la suite de nos analyses sans publicité.",
          "The minister has declared that the negotiations are to continue the next week in the capital of the Turkey.",
          "Le ministre a tenu à rappeler que la patience n'est pas « une monnaie infinie » pour les alliés."]
    paras = []
    for i in range(max(len(fr_paras), len(en_paras))):
        if i < len(fr_paras):
            paras.append(fr_paras[i])
        if i < len(en_paras) and (i == 0 or r.random() < 0.7):
            paras.append(en_paras[i])
    paras.insert(r.randint(0, len(paras)), r.choice(mt))
    return title, "\n\n".join([title] + paras), outlet


def _ru_mod(g: _Gen, negative: bool) -> tuple[str, str, str]:
    r = g.r
    channel = r.choice(["Минобороны России (Telegram)", "РИА Новости", "ТАСС", "Новости фронта (Telegram)"])
    day_ru = NIGHT_RU[g.pub.weekday()]
    paras: list[str] = []
    if not negative:
        total = r.randint(5, 200)
        regions = r.sample(RU_REGIONS, r.randint(1, min(6, total)))
        vals = g.split(total, len(regions))
        title = f"Минобороны: над регионами России сбиты {total} украинских БПЛА"
        head = f"⚡️ **{title}**" if "Telegram" in channel else title
        paras.append(r.choice([
            "Минувшей ночью киевский режим попытался атаковать беспилотниками объекты на территории России, "
            "сообщили в Минобороны.",
            f"В ночь на {day_ru} дежурными силами ПВО отражена атака украинских беспилотников.",
        ]))
        breakdown = ", ".join(
            f"{RU_SMALL.get(v, v)} – над территорией {reg[2]} области" for v, reg in zip(vals, regions))
        paras.append(r.choice([f"Средствами противовоздушной обороны за ночь уничтожены {total} украинских "
                               f"беспилотников самолетного типа: {breakdown}.",
                               f"Всего сбиты {total} вражеских БПЛА: {breakdown}."]))
        if r.random() < 0.5:
            reg = regions[0]
            paras.append(f"По словам губернатора {reg[2]} области, при падении обломков беспилотника "
                         f"повреждена кровля {RU_SMALL.get(r.randint(2, 6))} складских зданий, никто не пострадал.")
        if r.random() < 0.3:
            ua = r.choice(UA_REGIONS)
            paras.append(f"Также в ведомстве отчитались об уничтожении {r.randint(2, 12)} управляемых авиабомб "
                         f"и {r.randint(2, 9)} снарядов HIMARS за прошедшие сутки.")
            paras.append(f"Российские войска поразили объекты энергетики в {ua[3]} области, утверждают в ведомстве.")
    else:
        title = r.choice(["В Москве завершился экономический форум", "Синоптики рассказали о погоде на выходные",
                          "Сборная проведет товарищеский матч в Казани"])
        head = title
    filler = [g.filler(FILLER_RU) for _ in range(r.randint(2, 5))]
    if "Telegram" in channel:
        tail = ["👉 Больше новостей — в нашем канале @novosti_front"] \
            if "Новости" in channel else []
        body = paras + filler + tail if paras else filler
    else:
        dateline = f"МОСКВА, {g.pub.day} {MONTHS_RU[g.pub.month - 1]} – {channel}. "
        body = paras + filler if paras else filler
        body[0] = dateline + body[0]
    return title, "\n\n".join([head] + body), channel


def _uk_af(g: _Gen, negative: bool) -> tuple[str, str, str]:
    r = g.r
    channel = r.choice(["Повітряні сили ЗСУ", "Генеральний штаб ЗСУ", "Суспільне Новини"])
    prev = g.pub - dt.timedelta(days=1)
    paras: list[str] = []
    if not negative:
        launched = r.randint(20, 480)
        down = r.randint(launched // 2, launched)
        lost = r.randint(0, launched - down)
        areas = ", ".join(r.sample(LAUNCH_AREAS_UK, r.randint(1, 4)))
        title = f"Сили ППО збили {down} з {launched} ударних БпЛА"
        mis = r.randint(0, 5)
        paras.append(f"Вночі на {g.pub.day} {MONTHS_UK[g.pub.month - 1]} (від 19:00 {prev.day} "
                     f"{MONTHS_UK[prev.month - 1]}) ворог запустив {launched} ударних БпЛА типу Shahed і "
                     f"дронів-імітаторів"
                     + (f", а також {mis} балістичні ракети Іскандер-М" if mis else "")
                     + f". Напрямки пусків: {areas}.")
        paras.append("Атаку відбивали мобільні вогневі групи, зенітні підрозділи та авіація Повітряних сил.")
        paras.append(f"Станом на 08:{r.randint(0, 59):02d} сили протиповітряної оборони знешкодили {down} з "
                     f"{launched} ворожих безпілотників над північними, східними та південними областями."
                     + (f" Ще {lost} дронів-імітаторів локаційно втрачені, ймовірно внаслідок дії РЕБ."
                        if lost else ""))
        hits = r.randint(0, 9)
        if hits:
            paras.append(f"Влучання зафіксовані у {hits} місцях, уламки впали ще у {r.randint(1, 6)} місцях.")
        if r.random() < 0.4:
            reg = r.choice(UA_REGIONS)
            paras.append(f"У {reg[2]} області внаслідок атаки пошкоджено {r.randint(2, 15)} приватних будинків, "
                         f"повідомили в обласній військовій адміністрації.")
        paras.append("Загроза повторних атак зберігається, не ігноруйте сигнали тривоги!")
    else:
        title = r.choice(["Графіки відключень світла на завтра", "Прогноз погоди на вихідні",
                          "Збірна зіграє матч відбору на нейтральному полі"])
    filler = [g.filler(FILLER_UK) for _ in range(r.randint(2, 5))]
    body = (paras[:2] + filler[:1] + paras[2:] + filler[1:]) if paras else filler
    head = channel if channel != "Суспільне Новини" else title
    return title, "\n\n".join([head] + body), channel


_STYLE_FN = {"en_wire": _en_wire, "fr": _fr, "mixed": _mixed, "ru_mod": _ru_mod, "uk_af": _uk_af}


def _url(outlet: str, doc_id: str, pub: dt.date) -> str:
    slug = hashlib.sha256(f"{outlet}/{doc_id}".encode()).hexdigest()[:12]
    host = {"Reuters": "www.reuters.com", "Associated Press": "apnews.com", "AFP": "www.france24.com",
            "Le Monde": "www.lemonde.fr", "The Kyiv Independent": "kyivindependent.com",
            "Ouest-France": "www.ouest-france.fr", "France 24": "www.france24.com", "Le Figaro": "www.lefigaro.fr",
            "ТАСС": "tass.ru", "РИА Новости": "ria.ru"}.get(outlet)
    if host is None:
        return f"https://t.me/synthetic_{slug[:6]}/{int(slug[6:], 16) % 90000 + 1000}"
    return f"https://{host}/synthetic/{pub.isoformat()}/{slug}"


def generate_one(i: int, seed: int) -> dict:
    """Article ``i`` of the corpus of ``seed`` (independent of corpus size)."""
    r = random.Random(f"{seed}:{i}")
    style = r.choices(list(STYLES), weights=list(STYLES.values()))[0]
    negative = r.random() < NEGATIVE_SHARE
    pub = _DATE0 + dt.timedelta(days=r.randrange(_NDAYS))
    title, text, outlet = _STYLE_FN[style](_Gen(r, pub), negative)
    doc_id = f"syn{seed}-{i:06d}"
    u = r.random()
    published = pub.isoformat() if u < 0.9 else (pub.isoformat()[:7] if u < 0.95 else None)
    return {"id": doc_id, "url": _url(outlet, doc_id, pub), "outlet": outlet,
            "language": STYLE_LANG[style], "published": published, "title": title,
            "text": text + "\n", "style": style, "negative": negative}


def generate(n: int, seed: int = 42) -> list[dict]:
    """``n`` synthetic articles (dicts with the sidecar keys ``id url outlet language published
    title`` plus ``text``, ``style`` and ``negative``). Texts are unique within a corpus (a
    duplicate, which ingest would reject, is redrawn)."""
    out: list[dict] = []
    seen: set[str] = set()
    for i in range(n):
        art = generate_one(i, seed)
        k = 0
        while art["text"] in seen:
            k += 1
            art = generate_one(i, seed * 1_000_003 + k * 7919 + i)
            art["id"] = f"syn{seed}-{i:06d}"
        seen.add(art["text"])
        out.append(art)
    return out


META_KEYS = ("id", "url", "outlet", "language", "published", "title")


def write_raw(directory: Path | str, n: int, seed: int = 42) -> int:
    """Write ``n`` articles as ``NNNNNN.txt`` + ``NNNNNN.meta.json`` into ``directory``."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(generate(n, seed)):
        (d / f"{i:06d}.txt").write_text(art["text"], encoding="utf-8")
        (d / f"{i:06d}.meta.json").write_text(
            json.dumps({k: art[k] for k in META_KEYS}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m pipeline.synth",
                                description="Write a seeded synthetic raw corpus (.txt + .meta.json).")
    p.add_argument("directory", type=Path)
    p.add_argument("-n", type=int, default=1000, help="number of articles (default: %(default)s)")
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args(argv)
    write_raw(args.directory, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.directory}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
