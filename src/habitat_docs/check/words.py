"""The words labels are made of, in the six languages of the United Nations: annex headings,
figure and table captions, draft-decision headings, Arabic ordinals and letter names, and the
conjunctions of an enumeration run into the text. The one home of these words in the checker:
``classify`` and ``labels`` read them from here.

Written apart from the templates on purpose (the checker is the oracle for what the writers
print). Shapes are recognised, not languages: "Annexe II" is an annex heading wherever it
stands. Sources: the conventions' numbering table (§3); beyond what was seen in UN documents
(the Arabic ordinals past عاشرا and letter names past لام) the tables follow the abjad order
and the ordinals of the UN's Arabic documents, and are easy to extend here.
"""

from __future__ import annotations

__all__ = [
    "ABJAD",
    "ANNEX",
    "AR_ADVERBS",
    "AR_LETTER_NAMES",
    "AR_ORDINALS",
    "CAPTIONS",
    "CONJUNCTIONS",
    "DECISION",
    "UNITS",
]

# Annex headings, each followed by a numeral when there are several: "Annex II", "Annexe II",
# "Anexo II", "Приложение II", "附件二", "المرفق الثاني" (the Arabic takes an ordinal word).
ANNEX = ("Annex", "ANNEX", "Appendix", "Annexe", "ANNEXE", "Anexo", "ANEXO", "Приложение",
         "ПРИЛОЖЕНИЕ", "附件", "附录", "المرفق")  # fmt: skip

# Caption words: "Figure I", "Tableau 1", "Gráfico I", "Cuadro 1", "Диаграмма I", "Таблица 1",
# "图1", "表1", "الشكل الأول", "الجدول 1".
CAPTIONS = {
    "figure": ("Figure", "Gráfico", "Диаграмма", "图", "الشكل"),
    "table": ("Table", "Tableau", "Cuadro", "Таблица", "表", "الجدول"),
}

# Draft-decision headings: the operative paragraphs that follow are numbered on their own.
DECISION = ("Draft decision", "DRAFT DECISION", "Projet de décision", "Proyecto de decisión",
            "Проект решения", "مشروع مقرر", "مشروع المقرر")  # fmt: skip

# Arabic chapters: an ordinal adverb and " - " ("أولا - مقدمة"), 1 to 20.
AR_ADVERBS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا",
              "عاشرا", "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر", "سادس عشر",
              "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون")  # fmt: skip

# Arabic ordinals with the article, masculine: chapters in a table of contents ("الأول -"),
# annexes ("المرفق الثاني") and figures ("الشكل الأول"), 1 to 20.
AR_ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
               "التاسع", "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر",
               "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر",
               "العشرون")  # fmt: skip

# Arabic subsections: letter names in abjad order ("ألف -", "باء -" …).
AR_LETTER_NAMES = ("ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف",
                   "لام", "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء",
                   "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين")  # fmt: skip

# Arabic subparagraphs: letters in abjad order ("(أ)", "(ب)" … "(هـ)" …).
ABJAD = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف",
         "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ")  # fmt: skip

# Between two labels of an enumeration run into the text: "(a) …; and (b) …", "a) …; et b) …".
CONJUNCTIONS = ("and", "or", "et", "ou", "y", "e", "o", "u", "и", "или", "和", "及", "و", "أو")

# Words after a decimal number that make it an amount, not a heading: "1.5 million".
UNITS = ("亿", "万", "千", "百万", "美元", "%", "per cent", "million", "billion", "thousand",
         "millions", "milliard", "millones", "млн", "млрд", "مليون", "بليون")  # fmt: skip
