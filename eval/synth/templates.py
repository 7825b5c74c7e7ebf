# ruff: noqa: E501  (sentence templates are kept on one line each)
"""The sentences of the synthetic articles: titles, the lead, the key denial, and one list per
kind of statement (report, accusation, denial, context), merged into each language's words. The
order of every list is part of the seeded output: append, never reorder."""

from __future__ import annotations

from typing import Any

from eval.synth.vocab import AR_WORDS, EN_WORDS

EN_TITLES = [
    "{Org} denies overspending on {place} {project}",
    "Row over the {project} in {place} deepens",
    "Report questions the cost of the {place} {project}",
]
EN_LEAD = "{Paper} reported on {weekday} that {org} had spent {amount} million dollars on the {project} in {place}, far more than the {budget} million dollars announced in {year}."
EN_KEY_DENIAL = "{Org} denied the allegations, saying the real cost of the {project} was {real} million dollars."
EN: dict[str, Any] = EN_WORDS | {
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
AR: dict[str, Any] = AR_WORDS | {
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
