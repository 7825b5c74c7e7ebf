"""Common reported-speech forms of news prose, one sentence each, in both languages."""

from __future__ import annotations

import pytest

from assistant.attribution import attribute

EN = [
    ('"We will appeal," said John Smith, the company\'s lawyer.', "John Smith", "statement"),
    ("The ministry said in a statement that the figures were wrong.", "The ministry", "statement"),
    ("Police said on Monday that three people were arrested.", "Police", "statement"),
    ("Reuters reported that the talks had collapsed.", "Reuters", "report"),
    # Declining to comment gives Smith a word and denies nothing (a denial denies or rebuts).
    ("Smith declined to comment.", "Smith", "statement"),
    ("Smith declined to say whether the sample existed.", "Smith", "statement"),
    ("In a statement, the ministry denied the allegations.", "the ministry", "denial"),
    ("City hall denied the report.", "City hall", "denial"),  # a building for who works in it
    ('"This is false," a spokesperson told reporters.', "a spokesperson", "statement"),
    ("The mayor, who took office in 2021, rejected the criticism.", "The mayor", "denial"),
    ("Critics have accused the government of hiding the data.", "Critics", "accusation"),
    ('"The plan will fail," the opposition leader said.', "the opposition leader", "statement"),
    ("The bridge was built in 1932.", "article", "context"),
    ('"We will not close the plant," Ana Ruiz told me.', "Ana Ruiz", "statement"),
    ("Rep. Tom Hale (R-Ky.) said the vote would be close.", "Rep. Tom Hale", "statement"),
    ('"We are tired," Lena Ortiz, 31, said on the march.', "Lena Ortiz", "statement"),
    ("Norway, Sweden's closest partner, warned against the plan.", "Norway", "statement"),
    ('"It will pass," said Sen. Mia Cole (D-Vt.), a sponsor.', "Sen. Mia Cole", "statement"),
    ("Farmers often say the rain comes late.", "Farmers", "statement"),
    ("A federal panel in 2019 found the school broke the rules.", "A federal panel", "statement"),
    ("Investigators in March charged two managers with fraud.", "Investigators", "accusation"),
    ("One slide shows that exports doubled.", "One slide", "statement"),
    # beliefs and stances are attributed like speech
    ("The central bank expects inflation to ease next year.", "The central bank", "statement"),
    ("Opposition leaders oppose the new tax.", "Opposition leaders", "statement"),
    ("The teachers' union endorsed Mayor Ruiz on Friday.", "The teachers' union", "statement"),
    ("Many residents felt cheated by the deal.", "Many residents", "statement"),
    ("Washington backed out of the deal.", "article", "context"),
    ("A coalition backed by the army took the town.", "article", "context"),
    ("The review, as one analyst put it, was a formality.", "one analyst", "statement"),
    ("Yet, as Dr. Okafor observed, the data are thin.", "Dr. Okafor", "statement"),
    ("Officials who asked not to be named said the talks had failed.", "Officials", "statement"),
    ("A 2019 study that appeared in a medical journal found no effect.", "A 2019 study", "report"),
    (
        "Experts on water and soil policy said the drought would last.",
        "Experts on water and soil policy",
        "statement",
    ),
    (
        "Residents in the old town say the noise is constant.",
        "Residents in the old town",
        "statement",
    ),
    ("The mayor has called the plan a disaster.", "The mayor", "statement"),
    ("The club called a meeting for Monday.", "article", "context"),
    ("Lawmakers have not said when they will vote.", "Lawmakers", "statement"),
    ("‘Prices will fall,’ wrote Jo Lee, a columnist.", "Jo Lee", "statement"),
    (
        "Dr. Ana Ruiz, Marine Biology researcher at a state university, said it was a hoax.",
        "Dr. Ana Ruiz",
        "statement",
    ),
    ("The data came from a site called the Daily Review.", "article", "context"),
    ("A fisherman saved from bear attack by a ringtone.", "article", "context"),
    ("I called the office of the mayor and later asked for a comment.", "article", "context"),
    ("Social media users think the photo is fake.", "article", "context"),
    ("(One might also think it was a joke.)", "article", "context"),
    ("The board met on Friday and pledged to cut fees.", "The board", "statement"),
    (
        "Prime Minister Theresa May said the vote would go ahead.",
        "Prime Minister Theresa May",
        "statement",
    ),
    ("Sen. Jo Lee, Democrat of Ohio, said the bill was dead.", "Sen. Jo Lee", "statement"),
    (
        "Other unions, including the nurses' union, have also endorsed her.",
        "Other unions",
        "statement",
    ),
    ("Ana Ruiz, a council spokeswoman, did not respond to messages.", "article", "context"),
    ("The watchdog rated the claim as false.", "The watchdog", "statement"),
    ("Critics see the tax as a burden on families.", "Critics", "statement"),
    ("Critics saw the film on Monday.", "article", "context"),
    ("Although the city is not thought to be at risk, it is on alert.", "article", "context"),
    (
        "When the mayor noted that the bridge was closed, the council chair replied that it "
        "would reopen.",
        "the council chair",
        "statement",
    ),
    ("If, as I've argued, the tax is unfair, it should go.", "article", "context"),
    (
        'In a statement announcing the pick, the Nurses Association called Lee a "champion", '
        "citing her record.",
        "the Nurses Association",
        "statement",
    ),
    # An accusation's participle with no auxiliary: its subject is the accused, never the
    # accuser; only "accused by X" names who accuses.
    ("Water board accused of hiding leak data", "article", "context"),
    ("Mayor charged with bribery after a long inquiry.", "article", "context"),
    (
        "The ferry firm, criticised over delays, said it would add boats.",
        "The ferry firm",
        "statement",
    ),
    ("The council was accused by residents of ignoring the floods.", "residents", "accusation"),
    (
        "Local campaigners accused the firm of putting profits first.",
        "Local campaigners",
        "accusation",
    ),
    # Calling the report or the charges false is a denial, without the verb "deny".
    ('The port authority said the report was "completely untrue".', "The port authority", "denial"),
    ("The minister called the allegations baseless.", "The minister", "denial"),
    ("The watchdog said its report found no leaks.", "The watchdog", "statement"),
    ('"The claims are false," the firm said.', "the firm", "denial"),
    # A charge told by prosecutors accuses; a denial in a relative clause is the opening name's.
    (
        "Harbour master Tomas Alder was charged on Monday with fraud, prosecutors said.",
        "prosecutors",
        "accusation",
    ),
    ("The firm said customers were charged twice for one bill.", "The firm", "statement"),
    ("Alder, who denies any wrongdoing, did not attend the hearing.", "Alder", "denial"),
    ("He met Jo Smith, who denies the charges, on Monday.", "article", "context"),
    (
        "The firm ignored two warnings, according to emails seen by a local paper.",
        "emails",
        "report",
    ),
    (
        "Waits rose, the Patients' Alliance said in a report on Wednesday.",
        "the Patients' Alliance",
        "report",
    ),
    ('The ministry said the figures were "misleading".', "The ministry", "denial"),
    ("The minister said the report found no fraud.", "The minister", "statement"),
    ("The group claimed responsibility for the attack.", "The group", "statement"),
    ("Critics claimed the vote was rigged.", "Critics", "accusation"),
    (
        "The firm sold the data, according to two people familiar with the matter.",
        "two people familiar with the matter",
        "report",
    ),
    (
        "A source close to the minister said the talks had failed.",
        "A source close to the minister",
        "statement",
    ),
    # Who made a finding or a document speaks through it; time phrases are no part of a name.
    (
        "The trust hid 412 patients, an investigation by the Valley Herald has found.",
        "the Valley Herald",
        "report",
    ),
    ("Figures published by the board last year showed a fall.", "the board", "statement"),
    ("Data released by the ministry on Monday showed a rise.", "the ministry", "statement"),
    ("A study funded by the council found no link.", "A study", "report"),  # the funder did not
    ("The ministry on Monday said the rise was small.", "The ministry", "statement"),
    ("Officials last week said the rise was small.", "Officials", "statement"),
    ('"We were told to hide it," a senior nurse told the paper.', "a senior nurse", "statement"),
    ("The post said the bear had been seen by shoppers.", "The post", "report"),
    (
        "The firm will cut 200 jobs, according to a report by the news site Ledger Daily.",
        "the news site Ledger Daily",
        "report",
    ),
    ("The union said the figures were exaggerated.", "The union", "denial"),
    ("The firm hid the data, the Valley Chronicle said.", "the Valley Chronicle", "report"),
    ("The firm hid the data, Channel Nine reported.", "Channel Nine", "report"),
    ("No, this video does not show a bear inside the station.", "article", "context"),
    (
        "The trust, which denies any wrongdoing, said the list was legitimate.",
        "The trust",
        "denial",
    ),
]
AR = [
    ("قال وزير الخارجية إن المحادثات ستستأنف.", "وزير الخارجية", "statement"),
    ("وقالت الوزارة في بيان إن الأرقام غير صحيحة.", "الوزارة", "statement"),
    ("أفادت وكالة رويترز بأن الصفقة انهارت.", "وكالة رويترز", "report"),
    ("ونقلت صحيفة الغارديان عن مصادر أن الاتفاق وشيك.", "صحيفة الغارديان", "report"),
    ("من جهته، نفى الوزير هذه الاتهامات.", "الوزير", "denial"),
    ("ورفضت الشركة التعليق على التقرير.", "الشركة", "denial"),
    ("وزعمت المعارضة أن الانتخابات زورت.", "المعارضة", "accusation"),
    ("وبني الجسر عام 1932.", "article", "context"),
    # The object after a name ends it: a report noun, or a definite noun after a construct
    # phrase that is already complete ("شركة مياه الشمال" + "التقرير").
    ("ونفت شركة مياه الشمال التقرير.", "شركة مياه الشمال", "denial"),
    ("ونفت الحكومة الاتهامات.", "الحكومة", "denial"),
    ("وقالت منظمة العفو الدولية إن السجناء نقلوا.", "منظمة العفو الدولية", "statement"),
    ("وقال رئيس الوزراء المستقيل إن الحكومة باقية.", "رئيس الوزراء المستقيل", "statement"),
    ("وقالت وكالة الأنباء الرسمية إن الوفد وصل.", "وكالة الأنباء الرسمية", "report"),
    # Calling the report false is a denial without the verb "نفى".
    ('ووصفت هيئة الموانئ التقرير بأنه "عار تماما عن الصحة".', "هيئة الموانئ", "denial"),
    ("وقال الوزير إن الاتهامات لا أساس لها من الصحة.", "الوزير", "denial"),
    ("وقال الوزير إن التقرير يكشف حجم الأزمة.", "الوزير", "statement"),
    # A body's name goes on with لـ ("للإسمنت"); whom one speaks to ("للصحفيين") ends it.
    ("وقالت شركة الوادي للإسمنت إن المصنع يعمل.", "شركة الوادي للإسمنت", "statement"),
    ("ونفت الهيئة العامة للموانئ الاتهامات.", "الهيئة العامة للموانئ", "denial"),
    ("وقالت وزارة الصحة للصحفيين إن اللقاح آمن.", "وزارة الصحة", "statement"),
    ("وقال مدير المصنع للصحفيين إن الأرقام صحيحة.", "مدير المصنع", "statement"),
    # Who accuses whom: a definite noun after the accuser is the accused; with no one between
    # the verb's phrase and the charge, the verb is the passive (اتُّهم) and names no accuser.
    ("واتهمت النقابة الإدارة بإخفاء الخطط.", "النقابة", "accusation"),
    ("واتُّهم المدير بإخفاء العقود عن المجلس.", "article", "context"),
    ("واتهم رئيس البلدية السابق بالفساد.", "article", "context"),
    ("واتهم الرئيس الفرنسي الشركة بالتقصير.", "الرئيس الفرنسي", "accusation"),
    ("وقالت النيابة إن الموظف اعتقل بتهمة الاختلاس.", "النيابة", "accusation"),
    ("وقالت النيابة إن الوزير اتُّهم بتلقي رشى.", "النيابة", "accusation"),
    ("ونفى سليم ارتكاب أي مخالفات.", "سليم", "denial"),
    ("وغرق 14 شخصا، وفق ما أعلنه مسؤولون محليون.", "مسؤولون محليون", "report"),
    ("وبحسب رسائل داخلية اطلعت عليها صحيفة الضفة، أغلق المصنع.", "رسائل داخلية", "report"),
    ("ووعدت الحكومة الإقليمية بتعويض كل أسرة.", "الحكومة الإقليمية", "statement"),
    ("وقالت منظمة العفو الدولية في تقرير نشرته إن السجناء نقلوا.", "منظمة العفو الدولية", "report"),
    # A subject before its verb after "لكن"; a call's addressees are no part of the caller.
    ("لكن وزارة الدفاع شككت في صحة البيان، وقالت إن التحقيق جار.", "وزارة الدفاع", "denial"),
    ("ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس.", "الأمم المتحدة", "statement"),
    # A claim about oneself accuses no one.
    ("وزعمت جماعة مسلحة في بيان أنها نفذت الهجوم.", "جماعة مسلحة", "statement"),
    ("وزعمت المعارضة أن الانتخابات زورت.", "المعارضة", "accusation"),
    # A short quoted name is part of the phrase; the subject after "غير أن"; the usual objects
    # and time words end a name; an object in the plural does not qualify a singular caller.
    (
        'غير أن منصة "تثبت" المتخصصة في تدقيق الأخبار أكدت أنه لا صحة للخبر.',
        'منصة "تثبت" المتخصصة',
        "denial",
    ),
    ("نفت بلدية الميناء وقوع أي حادث على الجسر.", "بلدية الميناء", "denial"),
    ('وكشفت صحيفة "الرصد الجديد" أن الوزارة أخفت النتائج.', 'صحيفة "الرصد الجديد"', "report"),
    (
        "وقال ممثل النيابة القاضي سامر نجم أمام المحكمة إن الأدلة قاطعة.",
        "ممثل النيابة القاضي سامر نجم",
        "statement",
    ),
    (
        "وكان الموظف قد أوقف في شباط، وفق ما أعلنته وزارة الداخلية آنذاك.",
        "وزارة الداخلية",
        "report",
    ),
    ("ودعت المنصة المستخدمين إلى التحقق من الأخبار.", "المنصة", "statement"),
    # The subject before the verb after "غير أن", with an apposition or a relative clause,
    # and what follows the verb is its object; a sentence opened by a verb and a named body
    # goes on with that body; "وفق" inside what someone says stays theirs.
    (
        "غير أن المتحدث باسم الجيش، العقيد سامر نصر، نفى أن تكون القوات نفذت أي عملية.",
        "المتحدث باسم الجيش، العقيد سامر نصر",
        "denial",
    ),
    ("غير أن وزير العمل، حسان نجم، رفض أرقام التقرير.", "وزير العمل، حسان نجم", "denial"),
    ("غير أن الصفحة التي نشرت الخبر رفضت حذفه.", "الصفحة", "denial"),
    ("لكن الوزير، في تصريح لاحق، قال إن الخطة تسير.", "الوزير", "statement"),  # an aside
    ('وقالت منصة "تثبت"، وهي منصة مستقلة، إن الخبر كاذب.', 'منصة "تثبت"', "denial"),
    ("استقبل الوزير وفد النقابة في مكتبه، وقالت إن الحوار مستمر.", "article", "context"),
    (
        'في المقابل، تبنت جماعة "الفجر" المسلحة الهجوم، وزعمت أنها استهدفت مخزنا للذخيرة.',
        'جماعة "الفجر" المسلحة',
        "statement",
    ),
    ("وأكد الوزير أن معدل البطالة بلغ 12 في المئة وفق الأرقام الرسمية.", "الوزير", "statement"),
    ("وقال رئيس لجنة الأمن في البرلمان إن التحقيق سيبدأ.", "رئيس لجنة الأمن", "statement"),
    ("وأفاد تقرير صادر عن منظمة العمل بأن البطالة ارتفعت.", "منظمة العمل", "report"),
    # An office or body word after a complete construct phrase starts the accused's name.
    ("اتهمت وزارة المياه جمعية حماة النهر بالتستر على المشكلة.", "وزارة المياه", "accusation"),
    ("أظهرت الفحوص تلوثا في أربع آبار.", "article", "context"),  # no "أن": nothing said
    # A verb later in a sentence opened by كان and its subject goes on with that subject.
    (
        "وكانت الناشطة ليلى حداد قد أعادت نشر الصور على صفحتها، وكتبت أن السلطات تخفي الحقيقة.",
        "الناشطة ليلى حداد",
        "report",
    ),
    (
        "وأدلى المحاسب السابق بشهادته أمام المحكمة، وأفاد بأنه تلقى تعليمات.",
        "المحاسب السابق",
        "statement",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker", "role"), EN)
def test_english_forms(sentence: str, speaker: str, role: str) -> None:
    (got,) = attribute([sentence], "en")
    assert (got.speaker, got.role) == (speaker, role)


@pytest.mark.parametrize(("sentence", "speaker", "role"), AR)
def test_arabic_forms(sentence: str, speaker: str, role: str) -> None:
    (got,) = attribute([sentence], "ar")
    assert (got.speaker, got.role) == (speaker, role)


def test_a_participle_after_a_passive_charge_does_not_go_back_to_the_last_speaker() -> None:
    # Who "مشيرا" continues is unknown when the sentence's verb was read as the passive: never
    # the previous unit's speaker.
    first, second = attribute(
        ["وقال المحامي سامي عازر إن موكله بريء.",
         "واتهم الدفاع الشاهد بالكذب، مشيرا إلى أن الشاهد فصل من عمله."],
        "ar",
    )  # fmt: skip
    assert first.speaker == "المحامي سامي عازر"
    assert second.speaker != first.speaker


def test_a_name_holding_a_generic_word_is_kept_and_headlines_name_no_entity() -> None:
    _, got = attribute(
        ["محكمة الجنايات تستمع إلى شاهد رئيسي",
         "«لن نسمح بتأخير الجلسة»، قالت رئيسة هيئة المحكمة القاضية ريم سالم."],
        "ar", headlines=[True, False],
    )  # fmt: skip
    assert got.speaker == "رئيسة هيئة المحكمة القاضية ريم سالم"


def test_they_goes_back_to_a_group_named_at_the_start_of_a_sentence() -> None:
    first, second = attribute(
        ["Analysts at Harbour Bank said the cuts would save money.",
         "They said the results were weak."],
        "en",
    )  # fmt: skip
    assert first.speaker == second.speaker == "Analysts at Harbour Bank"


def test_according_to_a_schedule_names_no_source() -> None:
    (got,) = attribute(["أكد الوزير التزام الحكومة بالخطة وفق الجدول الزمني المحدد."], "ar")
    assert "الجدول" not in got.speaker and got.speaker.startswith("الوزير")
