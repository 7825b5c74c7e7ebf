# ruff: noqa: E501  (articles and Arabic claims are kept on one line)
"""Verdicts with who says each side: on the default article and on articles written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from tests.support.articles import DEFAULT_TXT, read

# A report and a denial giving different figures, and an accusation: other names, other topic.
PLANT_EN = """Norland Energy to cut jobs at Tarnwick plant

The Daily Courier reported on Tuesday that Norland Energy will cut 1,200 jobs at its Tarnwick plant. According to the Courier, the cuts were approved by the board in March.

Norland Energy denied the report, saying that only 400 positions would be affected. The company added that no decision had been taken on the plant's future.

Union leader Sara Vance accused the company of hiding its plans from workers. Norland Energy has operated the Tarnwick plant since 1998.
"""
CEMENT_AR = """ذكرت صحيفة الوطن أن شركة النور للإسمنت ستسرّح 500 عامل من مصنعها في حمص. وبحسب الصحيفة، فإن القرار اتخذ الشهر الماضي. ونفت الشركة هذه الأنباء، مؤكدة أن عدد العمال المعنيين لا يتجاوز 150 عاملاً. واتهم النقابي خالد يوسف الإدارة بإخفاء خططها عن العمال. وتعمل الشركة في المدينة منذ عام 1995.
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("verify_home")
    folder = tmp_path_factory.mktemp("verify_articles")
    (folder / "plant_en.txt").write_text(PLANT_EN, encoding="utf-8")
    (folder / "cement_ar.txt").write_text(CEMENT_AR, encoding="utf-8")
    a = Assistant(Settings(home=home))
    a.ensure_default()
    a.ingest([folder / "plant_en.txt"])
    a.ingest([folder / "cement_ar.txt"])
    return a


DEFAULT_CASES = [
    ("Elon Musk donated $75 million to Donald Trump's campaign.", "supported"),
    ("تبرع ماسك بمبلغ خمسة وسبعين مليون دولار لحملة ترامب.", "supported"),
    ("Musk gave $100 million to Trump's campaign.", "contradicted"),
    ("Musk gave seventy million dollars to Trump's campaign.", "contradicted"),
    ("أسس عمران أحمد مركز مكافحة الكراهية الرقمية.", "contradicted"),
    ("اعترف المركز بالتدخل في الانتخابات الأمريكية.", "contradicted"),
    ("CCDH interfered in the 2024 US election.", "disputed"),
    # Said by the Telegraph of Musk, naming the centre in part ("the British center").
    ("Musk accused CCDH of collecting data illegally.", "supported"),
    ("The European Union fined X over Musk's posts.", "not_enough_info"),
    ("التقت كامالا هاريس بمسؤولي المركز.", "not_enough_info"),
]


@pytest.mark.parametrize(("claim", "verdict"), DEFAULT_CASES)
def test_default_article_verdicts(checker: Assistant, claim: str, verdict: str) -> None:
    v = checker.verify(claim, doc="ccdh_musk_ar")
    assert v.verdict == verdict, v.explanation
    source = read(DEFAULT_TXT)
    assert all(e.quote == source[e.start : e.end] for e in v.evidence)
    assert v.language == ("ar" if any("\u0600" <= ch <= "\u06ff" for ch in claim) else "en")


@pytest.mark.parametrize(
    "claim",
    [
        "CCDH interfered in the 2024 US election.",
        "Trump accused CCDH of interfering in the election.",
    ],
)
def test_no_claim_is_put_in_a_voice_that_said_it_of_another_party(
    checker: Assistant, claim: str
) -> None:
    # Trump's accusation is against another party: it states neither claim.
    v = checker.verify(claim, doc="ccdh_musk_ar")
    assert v.verdict != "supported"
    assert not [e for e in v.evidence if e.stance == "supports" and "ترامب" in e.speaker]
    assert "Trump" not in v.explanation


@pytest.mark.parametrize(("claim", "verdict"), DEFAULT_CASES)
def test_default_only_index_gives_the_same_verdicts(
    cli_main, default_only: Assistant, monkeypatch: pytest.MonkeyPatch, claim: str, verdict: str
) -> None:
    # A verdict about one article must not change with what else is indexed: the index a new
    # user has (the default article alone) gives the same verdicts, asked as they ask, with no
    # --doc, through the CLI.
    monkeypatch.setenv("ISNAD_HOME", str(default_only.settings.home))
    code, out, _ = cli_main("verify", claim, "--json")
    v = json.loads(out)
    assert code == 0 and v["verdict"] == verdict, v["explanation"]
    assert 0.0 <= v["confidence"] <= 1.0
    assert all(e["doc_id"] == "ccdh_musk_ar" for e in v["evidence"])


def test_ui_example_claim_as_a_new_user_runs_it(
    run_cli, default_only: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The UI's first example on a fresh `make run`: the Telegraph reports the interference, the
    # centre denies it; the terminal shows who says each side and how sure the verdict is.
    from assistant.ui.app import EXAMPLE_CLAIMS

    monkeypatch.setenv("ISNAD_HOME", str(default_only.settings.home))
    proc = run_cli("verify", EXAMPLE_CLAIMS[0])
    assert proc.returncode == 0, proc.stderr
    head, confidence = proc.stdout.splitlines()[:2]
    assert head.startswith("Disputed:") and "denies it" in head and "Telegraph" in head
    assert confidence.startswith("Confidence: ") and confidence.endswith("%")


PLANT_CASES = [
    ("Norland Energy will cut 1,200 jobs.", "disputed"),  # the paper's figure vs the company's
    ("Norland Energy will cut twelve hundred jobs.", "disputed"),
    ("Norland Energy will cut 3,000 jobs.", "contradicted"),
    ("Norland Energy admitted it will cut 1,200 jobs.", "contradicted"),
    ("Sara Vance accused the company of hiding its plans.", "supported"),
    ("The board approved the cuts in March.", "supported"),
    ("The plant will be sold to a Chinese investor.", "not_enough_info"),
    # Mostly the article's words, but the point of the claim is a word it never uses.
    ("The board approved the cuts after a flood.", "not_enough_info"),
    ("Sara Vance sued the company.", "not_enough_info"),
]
CEMENT_CASES = [
    ("ستسرح شركة النور 500 عامل.", "disputed"),
    ("ستسرح شركة النور ألفي عامل.", "contradicted"),
    ("اعترفت الشركة بتسريح 500 عامل.", "contradicted"),
    ("اتهم خالد يوسف الإدارة بإخفاء خططها.", "supported"),
    ("باعت الشركة مصنعها لمستثمر صيني.", "not_enough_info"),
    ("Al-Nour will lay off 500 workers.", "disputed"),  # English claim, Arabic article
]


@pytest.mark.parametrize(("claim", "verdict"), PLANT_CASES)
def test_english_article_verdicts(checker: Assistant, claim: str, verdict: str) -> None:
    assert checker.verify(claim, doc="plant_en").verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), CEMENT_CASES)
def test_arabic_article_verdicts(checker: Assistant, claim: str, verdict: str) -> None:
    assert checker.verify(claim, doc="cement_ar").verdict == verdict


def test_disputed_says_who_says_each_side(checker: Assistant) -> None:
    v = checker.verify("Norland Energy will cut 1,200 jobs.", doc="plant_en")
    stances = {(e.speaker, e.role, e.stance) for e in v.evidence}
    assert ("The Daily Courier", "report", "supports") in stances
    assert ("Norland Energy", "denial", "refutes") in stances
    assert "The Daily Courier" in v.explanation and "Norland Energy" in v.explanation
    assert "400" in v.explanation and "[1]" in v.explanation and "[2]" in v.explanation


def test_arabic_explanation_in_arabic_with_markers(checker: Assistant) -> None:
    v = checker.verify("ستسرح شركة النور ألفي عامل.", doc="cement_ar")
    assert v.language == "ar" and "[1]" in v.explanation
    assert "صحيفة الوطن" in v.explanation and "500" in v.explanation


def test_single_source_support_is_attributed(checker: Assistant) -> None:
    v = checker.verify("The board approved the cuts in March.", doc="plant_en")
    assert v.verdict == "supported"
    assert "the Courier" in v.explanation and "not an established fact" in v.explanation


def test_verify_cli_json_and_bad_input(
    cli_main, checker: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISNAD_HOME", str(checker.settings.home))
    code, out, _ = cli_main("verify", "Musk gave $100 million to Trump's campaign.", "--json")
    assert code == 0 and '"verdict": "contradicted"' in out and '"stance": "refutes"' in out
    code, _, err = cli_main("verify", "   ")
    assert code == 2 and err.count("\n") == 1


def test_batch_handles_claims(
    cli_main, checker: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISNAD_HOME", str(checker.settings.home))
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "c1", "kind": "claim", "text": "Norland Energy will cut 3,000 jobs.", "doc": "plant_en"}\n'
        '{"id": "q1", "kind": "question", "text": "Who accused the company of hiding its plans?", "doc": "plant_en"}\n',
        encoding="utf-8",
    )
    code, _, _ = cli_main("batch", src, "--out", tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert code == 0 and len(lines) == 2
    assert '"verdict": "contradicted"' in lines[0] and "Sara Vance" in lines[1]


def test_a_party_s_denial_of_something_else_is_no_voice_on_the_claim(checker: Assistant) -> None:
    # The centre's denial and its charges mention Musk (and "million" followers), not his
    # donation: only the Telegraph's other figure contradicts the claim.
    v = checker.verify("تبرع ماسك بمبلغ 100 مليون دولار", doc="ccdh_musk_ar")
    assert v.verdict == "contradicted"
    assert [(e.speaker, e.stance) for e in v.evidence if e.stance != "neutral"] == [
        ("التليجراف", "refutes")
    ]


def test_a_substitution_is_cited_from_the_passage_that_says_who_did_it(checker: Assistant) -> None:
    # The Telegraph names the centre's founder; the spokesperson's passage shares a stem of
    # "founded" ("institution") and the centre's name, and says no one founded it.
    v = checker.verify("أسس عمران أحمد مركز مكافحة الكراهية الرقمية.", doc="ccdh_musk_ar")
    assert v.verdict == "contradicted"
    assert v.explanation.count("إلى طرف آخر") == 1 and "التليجراف" in v.explanation


# A report and the accused party calling it false, with no denial verb ("untrue", "عار عن الصحة").
CLINIC_EN = """Clinic accused of turning away patients

The Valley Herald reported on Monday that the Eastbrook clinic turned away uninsured patients on at least 30 nights this winter.

Eastbrook clinic said the report was "completely untrue" and that every patient had been seen.

The clinic opened in 2004 and employs 90 staff.
"""
CLINIC_AR = """اتهامات لعيادة برفض استقبال مرضى

ذكرت صحيفة الوادي أن عيادة الشرق رفضت استقبال مرضى غير مؤمنين في 30 ليلة على الأقل هذا الشتاء.

ووصفت عيادة الشرق التقرير بأنه "عار تماما عن الصحة"، مؤكدة أن كل مريض تلقى العلاج.

وافتتحت العيادة عام 2004 ويعمل فيها 90 موظفا.
"""


HARBOUR_EN = """Harbour official charged over dredging contract

Former harbour master Tomas Alder was charged on Monday with accepting $40,000 from a dredging company, prosecutors said.

Alder, who denies any wrongdoing, did not attend the hearing.

The dredging contract was signed in 2022.
"""


HARBOUR_AR = """توجيه تهمة لمدير ميناء سابق

قالت النيابة العامة يوم الاثنين إن مدير الميناء السابق توماس ألدر اتُّهم بتلقي 40 ألف دولار من شركة تجريف.

ونفى ألدر ارتكاب أي مخالفات، ولم يحضر الجلسة.

ووقع عقد التجريف عام 2022.
"""


DAM_EN = """Dam operator faces questions over warnings

The operator of the Keld dam, Norvane Power, allegedly ignored two warnings from engineers before the flood, according to internal emails seen by the Upland Echo.

Norvane Power rejected the allegations.

The dam was built in 1961.
"""


# A report of the toll comes first; the denial answers the later report that states the claim.
DAM_AR = """تساؤلات حول مشغل سد كيلد

غرق 9 أشخاص عندما فاض النهر يوم الأحد، وفق ما أعلنه مسؤولون محليون.

وبحسب رسائل داخلية اطلعت عليها صحيفة المرتفعات، تجاهلت شركة نورفان للطاقة تحذيرين من المهندسين قبل الفيضان.

ورفضت شركة نورفان للطاقة هذه الاتهامات.
"""


WAITS_EN = """Ministry disputes waiting-time figures

Patients in Brenmoor waited an average of 21 weeks for knee surgery last year, the Patients' Forum said in a report on Tuesday.

The ministry of health said the figures were "misleading".
"""


# A group's claim about itself, and the ministry doubting "the statement" it was made in.
BORDER_AR = """روايات متضاربة عن هجوم حدودي

نقلت وكالة الأنباء الرسمية عن مسؤول أن 7 جنود قتلوا في هجوم على موقع حدودي.

وزعمت جماعة مسلحة في بيان أنها نفذت الهجوم. لكن وزارة الدفاع شككت في صحة البيان.
"""


RIVER_EN = """Campaigners accuse water firm

The Tarn Courier reported that Fellside Water released sewage into the Tarn.

Local campaigners accused the company of putting profits before the river.

The Environment Office said it was reviewing the claims.
"""


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("clinic_articles")
    (folder / "clinic_en.txt").write_text(CLINIC_EN, encoding="utf-8")
    (folder / "clinic_ar.txt").write_text(CLINIC_AR, encoding="utf-8")
    (folder / "harbour_en.txt").write_text(HARBOUR_EN, encoding="utf-8")
    (folder / "harbour_ar.txt").write_text(HARBOUR_AR, encoding="utf-8")
    (folder / "dam_en.txt").write_text(DAM_EN, encoding="utf-8")
    (folder / "dam_ar.txt").write_text(DAM_AR, encoding="utf-8")
    (folder / "waits_en.txt").write_text(WAITS_EN, encoding="utf-8")
    (folder / "border_ar.txt").write_text(BORDER_AR, encoding="utf-8")
    (folder / "river_en.txt").write_text(RIVER_EN, encoding="utf-8")
    a = Assistant(Settings(home=tmp_path_factory.mktemp("clinic_home"), default_article=False))
    names = (
        "clinic_en", "clinic_ar", "harbour_en", "harbour_ar", "dam_en", "dam_ar", "waits_en",
        "border_ar", "river_en",
    )  # fmt: skip
    a.ingest([folder / f"{n}.txt" for n in names])
    return a


@pytest.mark.parametrize(
    ("claim", "doc", "asserts", "denies"),
    [
        # The accused calls the report false, without "deny".
        ("The Eastbrook clinic turned away uninsured patients this winter.", "clinic_en",
         ("The Valley Herald", "report"), "Eastbrook clinic"),
        ("رفضت عيادة الشرق استقبال مرضى غير مؤمنين هذا الشتاء.", "clinic_ar",
         ("صحيفة الوادي", "report"), "عيادة الشرق"),
        # A charge, and the charged man's denial of any wrongdoing.
        ("Tomas Alder accepted $40,000 from a dredging company.", "harbour_en",
         ("prosecutors", "accusation"), "Alder"),
        ("تلقى توماس ألدر 40 ألف دولار من شركة تجريف.", "harbour_ar",
         ("النيابة العامة", "accusation"), "ألدر"),
        # The denial answers the report that states the claim, not an earlier one (a toll).
        ("تجاهلت شركة نورفان للطاقة تحذيرات المهندسين قبل الفيضان.", "dam_ar",
         ("رسائل داخلية", "report"), "شركة نورفان للطاقة"),
        # "The figures were misleading": the report's own figures, called false.
        ("Patients in Brenmoor waited an average of 21 weeks for knee surgery last year.",
         "waits_en", ("the Patients' Forum", "report"), "The ministry of health"),
    ],
)  # fmt: skip
def test_one_voice_asserts_and_the_accused_denies_it_in_other_words_report_first(
    clinic: Assistant, claim: str, doc: str, asserts: tuple[str, str], denies: str
) -> None:
    v = clinic.verify(claim, doc=doc)
    assert v.verdict == "disputed", v.explanation
    sides = [(e.speaker, e.role, e.stance) for e in v.evidence if e.stance != "neutral"]
    assert sides == [(*asserts, "supports"), (denies, "denial", "refutes")]
    said = v.explanation.lower()  # a common noun's "The" is lower case inside the sentence
    assert said.index(asserts[0].lower()) < said.index(denies.lower())


def test_a_hedged_report_and_its_denial_are_disputed(clinic: Assistant) -> None:
    v = clinic.verify(
        "Norvane Power ignored warnings from engineers before the flood.", doc="dam_en"
    )
    assert v.verdict == "disputed", v.explanation
    sides = [(e.speaker, e.role) for e in v.evidence if e.stance != "neutral"]
    assert ("Norvane Power", "denial") in sides and "internal emails" in v.explanation


def test_a_group_s_claim_about_itself_and_a_doubt_on_its_statement_are_disputed(
    clinic: Assistant,
) -> None:
    v = clinic.verify("نفذت جماعة مسلحة الهجوم على الموقع الحدودي.", doc="border_ar")
    assert v.verdict == "disputed", v.explanation
    sides = {(e.speaker, e.role) for e in v.evidence}
    assert {("جماعة مسلحة", "statement"), ("وزارة الدفاع", "denial")} <= sides


def test_a_substituted_party_is_shown_where_the_act_is_told(clinic: Assistant) -> None:
    # The article names the Environment Office only in its own statement: the passage telling
    # the accusation is the one that names someone else ("the company").
    v = clinic.verify(
        "Campaigners accused the Environment Office of putting profits before the river.",
        doc="river_en",
    )
    assert v.verdict == "contradicted", v.explanation
    assert [(e.speaker, e.stance) for e in v.evidence if e.stance != "neutral"] == [
        ("Local campaigners", "refutes")
    ]
