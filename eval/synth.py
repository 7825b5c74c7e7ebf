# ruff: noqa: E501  (sentence templates are kept on one line each)
"""Synthetic news articles for the scale benchmark: deterministic, seeded, bilingual.

Article i is built from its own random generator (seed, i), so any prefix of a larger set is the
same articles: half Arabic (odd i), half English (even i), 300-600 words each, a report about a
public project's cost with accusations, denials and context in reported speech, varied names,
numbers and places. Each article comes with a question and a claim about its key figure.

    python -m eval.synth N --out DIR [--seed 0]   # write N article files (.txt)
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# ---- vocabulary ---------------------------------------------------------------------------
EN: dict[str, Any] = {
    "orgs": [
        "the Ministry of Public Works",
        "the Port Authority",
        "Northgate Construction",
        "the city council",
        "the Regional Transport Agency",
        "the Health Ministry",
        "Harbor Energy",
        "the Water Board",
        "the Housing Corporation",
        "the Education Ministry",
    ],
    "watchdogs": [
        "Transparency Watch",
        "the Engineers' Union",
        "the Consumer Protection League",
        "the Residents' Alliance",
        "the Taxpayers' Forum",
    ],
    "papers": [
        "The Daily Ledger",
        "the National News Agency",
        "The Evening Post",
        "Channel Nine",
        "The Courier",
        "Radio Westfield",
        "The Northern Herald",
        "The Morning Star",
    ],
    "projects": [
        "new bridge",
        "desalination plant",
        "port expansion",
        "children's hospital",
        "electric bus network",
        "school campus",
        "ring road",
        "solar farm",
        "sports stadium",
        "water pipeline",
    ],
    "places": [
        "Ashford",
        "Millbrook",
        "Kingsport",
        "Dunmore",
        "Eastvale",
        "Redhill",
        "Carrow",
        "Linton",
        "Halden",
        "Westfield",
        "Branmouth",
        "Oakridge",
        "Fenwick",
        "Stonebury",
        "Marlow Bay",
    ],
    "first_m": [
        "James",
        "Daniel",
        "Omar",
        "Peter",
        "Samuel",
        "Victor",
        "Adrian",
        "Marcus",
        "Hassan",
        "Thomas",
    ],
    "first_f": [
        "Helen",
        "Sarah",
        "Amira",
        "Claire",
        "Naomi",
        "Laura",
        "Fatima",
        "Grace",
        "Irene",
        "Megan",
    ],
    "last": [
        "Whitfield",
        "Okafor",
        "Brennan",
        "Castillo",
        "Haddad",
        "Lindqvist",
        "Marsh",
        "Pereira",
        "Ashworth",
        "Nakamura",
        "Doyle",
        "Sutherland",
        "Kovac",
        "Rahman",
        "Ellison",
    ],
    "acc_titles": [
        "an opposition councillor",
        "the head of the residents' association",
        "a former finance official",
        "a member of parliament for {place}",
    ],
    "exp_titles": [
        "a professor of civil engineering at the University of {place2}",
        "an independent infrastructure analyst",
        "a former auditor at the national audit office",
    ],
    "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "months": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
AR: dict[str, Any] = {
    "orgs": [
        "وزارة الأشغال العامة",
        "هيئة الموانئ",
        "شركة النور للإنشاءات",
        "بلدية المدينة",
        "هيئة النقل الإقليمية",
        "وزارة الصحة",
        "شركة الخليج للطاقة",
        "هيئة المياه",
        "مؤسسة الإسكان",
        "وزارة التربية",
    ],
    "watchdogs": [
        "منظمة الشفافية المحلية",
        "نقابة المهندسين",
        "جمعية حماية المستهلك",
        "رابطة السكان",
        "منظمة دافعي الضرائب",
    ],
    "papers": [
        "صحيفة الشرق",
        "وكالة الأنباء الوطنية",
        "صحيفة المساء",
        "قناة الأفق",
        "صحيفة الأيام",
        "إذاعة المدينة",
        "صحيفة الرصد",
        "صحيفة الصباح",
    ],
    "projects": [
        "مشروع الجسر الجديد",
        "محطة تحلية المياه",
        "مشروع توسعة الميناء",
        "مستشفى الأطفال",
        "شبكة الحافلات الكهربائية",
        "مجمع المدارس",
        "مشروع الطريق الدائري",
        "محطة الطاقة الشمسية",
        "الملعب الرياضي",
        "خط أنابيب المياه",
    ],
    "places": [
        "الزرقاء",
        "صيدا",
        "طرابلس",
        "المنصورة",
        "إربد",
        "صفاقس",
        "حمص",
        "سوسة",
        "الإسكندرية",
        "مراكش",
        "نابلس",
        "البصرة",
        "طنطا",
        "القيروان",
        "العقبة",
    ],
    "first_m": ["أحمد", "خالد", "يوسف", "عمر", "كريم", "طارق", "سامي", "ماجد", "حسن", "وليد"],
    "first_f": ["سارة", "ليلى", "مريم", "هدى", "نادية", "رانيا", "دينا", "سلمى", "ريم", "لينا"],
    "last": [
        "الحسيني",
        "العبيدي",
        "الخطيب",
        "منصور",
        "الزعبي",
        "حداد",
        "الشامي",
        "النجار",
        "السعدي",
        "البدري",
        "القاسم",
        "عيسى",
        "الراشد",
        "الجبوري",
        "المصري",
    ],
    "acc_titles": [
        ("عضو المجلس البلدي عن المعارضة", "عضوة المجلس البلدي عن المعارضة"),
        ("رئيس جمعية السكان", "رئيسة جمعية السكان"),
        ("المسؤول المالي السابق", "المسؤولة المالية السابقة"),
        ("النائب عن {place}", "النائبة عن {place}"),
    ],
    "exp_titles": [
        ("أستاذ الهندسة المدنية في جامعة {place2}", "أستاذة الهندسة المدنية في جامعة {place2}"),
        ("محلل مستقل في شؤون البنية التحتية", "محللة مستقلة في شؤون البنية التحتية"),
        ("المدقق السابق في ديوان المحاسبة", "المدققة السابقة في ديوان المحاسبة"),
    ],
    "weekdays": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "months": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
}
# Arabic verbs agree with the speaker: (masculine, feminine).
AR_VERBS = {
    "said": ("وقال", "وقالت"), "accused": ("واتهم", "واتهمت"), "claimed": ("وزعم", "وزعمت"),
    "also_accused": ("كما اتهم", "كما اتهمت"), "stressed": ("وشدد", "وشددت"),
    "explained": ("وأوضح", "وأوضحت"), "spokes": ("المتحدث باسم", "المتحدثة باسم"),
    "added": ("وأضاف", "وأضافت"),
}  # fmt: skip

# ---- templates: one list per kind of statement --------------------------------------------
EN_TITLES = [
    "{Org} denies overspending on {place} {project}",
    "Row over the {project} in {place} deepens",
    "Report questions the cost of the {place} {project}",
]
EN_LEAD = "{Paper} reported on {weekday} that {org} had spent {amount} million dollars on the {project} in {place}, far more than the {budget} million dollars announced in {year}."
EN_KEY_DENIAL = "{Org} denied the allegations, saying the real cost of the {project} was {real} million dollars."
EN = EN | {
    "report": [
        "According to {paper}, the contract was awarded in {month} {year} without a public tender.",
        "The newspaper said it had obtained internal documents showing that at least {jobs} workers had been hired through a single subcontractor.",
        "{Paper} also reported that the {project} was running {delay} months behind schedule.",
        "{Paper2} later reported that auditors had flagged {pct} percent of the payments as irregular.",
        "The report cited two officials who asked not to be named because they were not authorised to speak to the press.",
        "In a follow-up story, {paper} revealed that the first phase alone had cost {phase} million dollars.",
        "{Paper2} said on its website that the documents had been handed to the public prosecutor in {place}.",
        "The investigation, published over three days, was based on more than {docs} pages of contracts, invoices and emails.",
        "{Paper} said the original design had been changed twice after construction started, adding about {extra} million dollars.",
    ],
    "accusation": [
        "{acc_name}, {acc_title}, accused {org} of hiding the true cost of the project from the public.",
        '{Acc_pron} said the residents of {place} had been "misled for years" about what the {project} would deliver.',
        "{acc_last} alleged that {org} had paid {pct2} percent more than the market price for steel and cement.",
        "Opposition members of the council accused the authority of ignoring warnings from its own engineers.",
        "{Watchdog} claimed that {families} families had been moved from their homes without fair compensation.",
        'In a statement, {watchdog} accused officials of "treating public money as if it were their own".',
        "{acc_last} also accused the contractor of breaking safety rules at the site, where {injured} workers were injured last year.",
        "Critics said the figures showed a pattern of waste that went far beyond one project.",
    ],
    "denial": [
        '{den_name}, a spokesperson for {org}, said the report contained "serious factual errors".',
        "{Den_pron} insisted that every contract had been approved by the finance committee and published online.",
        "The authority rejected the claim that families had been forced to leave, saying all {families} households had accepted the offers.",
        "{den_last} told reporters that the delays were caused by flooding in {month} and not by mismanagement.",
        '{Org} said it would take legal action against anyone who repeated what it called "false and defamatory claims".',
        "The contractor also denied any wrongdoing and said it had followed all safety regulations.",
        "{den_last} added that independent auditors would publish a full review of the accounts within {review} weeks.",
    ],
    "context": [
        "{place} has a population of about {pop},000 people and lies {km} kilometres from the capital.",
        "The {project} was first proposed in {year0} as part of a national plan to improve public services.",
        "Construction began in {year}, and the project was originally expected to be finished within {months} months.",
        "The project is funded partly by a loan from a regional development bank.",
        "{exp_name}, {exp_title}, said similar projects in the region had cost between {lo} and {hi} million dollars.",
        "Local elections are due next year, and the cost of the {project} has become a central issue in the campaign.",
        "It is not the first time the authority has faced questions over spending: a smaller scheme in {place2} was cancelled in {year1}.",
        "Residents interviewed on {weekday} said they mainly wanted the work to be finished.",
        "The national audit office has not yet commented on the case.",
    ],
}
AR_TITLES = [
    "جدل حول تكلفة {project} في {place}",
    "{org} تنفي تضخيم نفقات {project} في {place}",
    "تقرير يكشف تجاوزات في {project} بمدينة {place}",
]
AR_LEAD = "ذكرت {paper} يوم {weekday} أن {org} أنفقت {amount} مليون دولار على {project} في {place}، وهو مبلغ يفوق بكثير الميزانية المعلنة في عام {year} والبالغة {budget} مليون دولار."
AR_KEY_DENIAL = (
    "ونفت {org} هذه الاتهامات، مؤكدة أن التكلفة الحقيقية للمشروع بلغت {real} مليون دولار."
)
AR = AR | {
    "report": [
        "وبحسب {paper}، فقد مُنح العقد في شهر {month} من عام {year} من دون مناقصة علنية.",
        "وقالت الصحيفة إنها حصلت على وثائق داخلية تظهر أن ما لا يقل عن {jobs} من العمال جرى توظيفهم عبر مقاول فرعي واحد.",
        "كما أفادت {paper} بأن المشروع متأخر عن جدوله الزمني بنحو {delay} شهراً.",
        "ونقلت {paper2} لاحقاً أن المدققين رصدوا مخالفات في {pct} بالمئة من المدفوعات.",
        "واستند التقرير إلى مسؤولَين اثنين طلبا عدم الكشف عن اسميهما لأنهما غير مخولين بالحديث إلى الصحافة.",
        "وفي تقرير لاحق، كشفت {paper} أن المرحلة الأولى وحدها كلفت {phase} مليون دولار.",
        "وأضافت {paper2} على موقعها الإلكتروني أن الوثائق أحيلت إلى النيابة العامة في {place}.",
        "واعتمد التحقيق، الذي نُشر على مدى ثلاثة أيام، على أكثر من {docs} صفحة من العقود والفواتير والرسائل.",
        "وأشارت {paper} إلى أن التصميم الأصلي عُدّل مرتين بعد بدء البناء، ما أضاف نحو {extra} مليون دولار.",
    ],
    "accusation": [
        "{acc_accused} {acc_name}، {acc_title}، {org} بإخفاء التكلفة الحقيقية للمشروع عن الرأي العام.",
        '{acc_said} {acc_last} إن سكان {place} تعرضوا "للتضليل لسنوات" بشأن ما سيقدمه المشروع.',
        "{acc_claimed} {acc_last} أن {org} دفعت أسعاراً تزيد بنسبة {pct2} بالمئة على سعر السوق للحديد والإسمنت.",
        "واتهم أعضاء المعارضة في المجلس البلدي الهيئة بتجاهل تحذيرات مهندسيها.",
        "وادعت {watchdog} أن {families} أسرة أُجبرت على مغادرة منازلها من دون تعويض عادل.",
        'وفي بيان رسمي، اتهمت {watchdog} المسؤولين بـ"التعامل مع المال العام كأنه مال خاص".',
        "{acc_also_accused} {acc_last} المقاول بانتهاك قواعد السلامة في الموقع، حيث أصيب {injured} من العمال العام الماضي.",
        "وقال منتقدون إن الأرقام تكشف نمطاً من الهدر يتجاوز مشروعاً واحداً.",
    ],
    "denial": [
        '{den_said} {den_name}، {den_spokes} {org}، إن التقرير تضمن "أخطاء جسيمة في الوقائع".',
        "{den_stressed} {den_last} على أن جميع العقود حظيت بموافقة اللجنة المالية ونُشرت على الإنترنت.",
        "ورفضت الهيئة الادعاء بأن أسراً أُجبرت على الرحيل، مشيرة إلى أن جميع الأسر البالغ عددها {families} قبلت العروض المقدمة لها.",
        "{den_explained} {den_last} للصحفيين أن التأخير سببه الفيضانات التي شهدتها المنطقة في شهر {month}، وليس سوء الإدارة.",
        'وقالت {org} إنها ستتخذ إجراءات قانونية ضد كل من يكرر ما وصفته بـ"الادعاءات الكاذبة والتشهيرية".',
        "كما نفت الشركة المنفذة ارتكاب أي مخالفات، وقالت إنها التزمت بجميع أنظمة السلامة.",
        "{den_added} {den_last} أن مدققين مستقلين سينشرون مراجعة كاملة للحسابات خلال {review} أسابيع.",
    ],
    "context": [
        "ويبلغ عدد سكان {place} نحو {pop} ألف نسمة، وتقع على بعد {km} كيلومتراً من العاصمة.",
        "وطُرحت فكرة {project} لأول مرة في عام {year0} ضمن خطة وطنية لتحسين الخدمات العامة.",
        "وبدأت أعمال البناء في عام {year}، وكان من المتوقع إنجاز المشروع خلال {months} شهراً.",
        "ويُموَّل المشروع جزئياً بقرض من بنك إقليمي للتنمية.",
        "{exp_said} {exp_name}، {exp_title}، إن مشاريع مماثلة في المنطقة كلفت ما بين {lo} و{hi} مليون دولار.",
        "وتُجرى الانتخابات المحلية العام المقبل، وأصبحت تكلفة المشروع قضية محورية في الحملة الانتخابية.",
        "وليست هذه المرة الأولى التي تواجه فيها الهيئة تساؤلات حول الإنفاق، إذ أُلغي مشروع أصغر في {place2} عام {year1}.",
        "وقال سكان التقتهم الصحيفة يوم {weekday} إن جل ما يريدونه هو انتهاء الأعمال.",
        "ولم يعلق ديوان المحاسبة بعد على القضية.",
    ],
}
KINDS = ("report", "accusation", "denial", "context")


@dataclass(frozen=True)
class SynthArticle:
    """One synthetic article with a question and a claim about its key figure."""

    doc_id: str
    lang: str
    text: str
    question: str
    claim: str
    answer: str  # the figure the question's answer must contain

    @property
    def words(self) -> int:
        """Whitespace-separated words."""
        return len(self.text.split())


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _facts(rng: random.Random, lang: str) -> dict[str, str]:
    v = AR if lang == "ar" else EN
    place, place2 = rng.sample(v["places"], 2)
    org = rng.choice(v["orgs"])
    paper, paper2 = rng.sample(v["papers"], 2)
    amount = rng.randint(40, 900)
    real = amount - rng.randint(max(5, amount // 10), max(6, amount // 3))
    year = rng.randint(2013, 2020)
    lo = rng.randint(20, 200)
    f: dict[str, str] = {
        "org": org, "paper": paper, "paper2": paper2, "place": place, "place2": place2,
        "project": rng.choice(v["projects"]), "watchdog": rng.choice(v["watchdogs"]),
        "weekday": rng.choice(v["weekdays"]), "month": rng.choice(v["months"]),
        "amount": str(amount), "budget": str(int(amount * rng.uniform(0.4, 0.8))),
        "real": str(real), "year": str(year), "year0": str(year - rng.randint(2, 8)),
        "year1": str(rng.randint(2008, 2019)), "jobs": str(rng.randint(120, 950)),
        "delay": str(rng.randint(11, 30)), "pct": str(rng.randint(8, 45)),
        "pct2": str(rng.randint(12, 60)), "phase": str(rng.randint(15, max(16, amount // 2))),
        "docs": str(rng.randint(200, 3000)), "extra": str(rng.randint(11, 90)),
        "families": str(rng.randint(110, 900)), "injured": str(rng.randint(11, 40)),
        "review": str(rng.randint(3, 10)), "pop": str(rng.randint(60, 950)),
        "km": str(rng.randint(15, 380)), "months": str(rng.randint(18, 48)),
        "lo": str(lo), "hi": str(lo + rng.randint(30, 300)),
    }  # fmt: skip
    for role, titles in (("acc", v["acc_titles"]), ("den", None), ("exp", v["exp_titles"])):
        female = rng.random() < 0.5
        first = rng.choice(v["first_f"] if female else v["first_m"])
        last = rng.choice(v["last"])
        f[f"{role}_name"], f[f"{role}_last"] = f"{first} {last}", last
        if titles is not None:
            title = rng.choice(titles)
            title = title[int(female)] if isinstance(title, tuple) else title
            f[f"{role}_title"] = title.format(place=place, place2=place2)
        if lang == "ar":
            for verb, forms in AR_VERBS.items():
                f[f"{role}_{verb}"] = forms[int(female)]
        else:
            f[f"{_cap(role)}_pron"] = "She" if female else "He"
    if lang == "en":
        for key in ("org", "paper", "paper2", "watchdog"):
            f[_cap(key)] = _cap(f[key])
    return f


def article(i: int, seed: int = 0) -> SynthArticle:
    """Article number i (0-based) of the seeded set: Arabic when i is odd, English when even."""
    rng = random.Random(f"isnad-synth:{seed}:{i}")
    lang = "ar" if i % 2 else "en"
    f = _facts(rng, lang)
    v = AR if lang == "ar" else EN
    title = rng.choice(AR_TITLES if lang == "ar" else EN_TITLES).format(**f)
    key_denial = AR_KEY_DENIAL if lang == "ar" else EN_KEY_DENIAL
    # Shuffled statements, except that a speaker is named in full before pronouns refer to them.
    pools = {k: rng.sample(v[k], len(v[k])) for k in ("report", "context")}
    for k in ("accusation", "denial"):
        pools[k] = [v[k][0], *rng.sample(v[k][1:], len(v[k]) - 1)]
    pools["denial"].insert(0, key_denial)
    target = rng.randint(300, 600)
    paragraphs = [[(AR_LEAD if lang == "ar" else EN_LEAD).format(**f)]]
    words = len(title.split()) + len(paragraphs[0][0].split())
    order = list(KINDS)
    while words < target and any(pools.values()):
        rng.shuffle(order)
        for kind in order:
            take = pools[kind][: rng.randint(2, 4)]
            del pools[kind][: len(take)]
            if not take:
                continue
            para = [t.format(**f) for t in take]
            paragraphs.append(para)
            words += sum(len(s.split()) for s in para)
            if words >= target:
                break
    text = title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    if lang == "ar":
        question = "كم أنفقت {org} على {project} في {place}؟".format(**f)
        claim = "أنفقت {org} {amount} مليون دولار على {project} في {place}.".format(**f)
    else:
        question = "How much did {org} spend on the {project} in {place}?".format(**f)
        claim = "{Org} spent {amount} million dollars on the {project} in {place}.".format(**f)
    return SynthArticle(f"synth_{i:05d}_{lang}", lang, text, question, claim, f["amount"])


def articles(n: int, seed: int = 0) -> Iterator[SynthArticle]:
    """The first n articles of the seeded set."""
    return (article(i, seed) for i in range(n))


def write(n: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write the first n articles as DOC_ID.txt (existing files are kept); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in articles(n, seed):
        path = folder / f"{art.doc_id}.txt"
        if not path.exists():
            path.write_text(art.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Write N synthetic articles to a folder."""
    p = argparse.ArgumentParser(prog="python -m eval.synth", description=__doc__.splitlines()[0])
    p.add_argument("n", type=int)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    paths = write(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
