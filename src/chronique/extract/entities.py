"""Entities from spaCy NER: labels mapped to ORG/PER/LOC/MISC, join keys, and the subject organisation.

The key joins one entity across articles: lower case, accents kept, company-form words cut
("Xiaomi Corp." and "le groupe Xiaomi" -> "xiaomi"). Inside one document a short form takes the key
of the longer name it ends or starts ("Musk" -> "elon musk", "Volvo" -> "volvo cars").
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..types import Entity, content_id

_PUNCT = re.compile(r"[^\w&'+-]+")


def normalize_apostrophes(text: str, table: dict[str, Any]) -> str:
    """Typographic apostrophes to "'" (one character for one, so offsets do not move).

    table: the parsed [text] table of facts.toml
    """
    for ch in table.get("apostrophes", ()):
        if ch in text:
            text = text.replace(ch, "'")
    return text


class Keyer:
    """Makes entity keys for one language.

    table: the parsed [entities] table of facts.toml
    """

    def __init__(self, table: dict[str, Any]):
        self.prefixes = sorted((p.lower() for p in table.get("strip_prefixes", ())), key=len, reverse=True)
        self.suffixes = sorted((s.lower() for s in table.get("strip_suffixes", ())), key=len, reverse=True)
        self.tails = {w.lower() for w in table.get("name_tails", ())}
        self.joiners = {w.lower() for w in table.get("joiners", ())}  # "Competition and Markets Authority"
        # one key for the names an institution goes by in every language ("BCE", "ECB" -> "ecb")
        self.aliases = {_clean(k.lower()): v for k, v in table.get("aliases", {}).items()}

    def __call__(self, name: str) -> str:
        key = unicodedata.normalize("NFC", name).lower().replace("\u2019", "'").strip()
        changed = True
        while changed:  # "le groupe Xiaomi Corp." needs a prefix and a suffix cut
            changed = False
            for p in self.prefixes:
                if key.startswith(p) and len(key) > len(p) and (p.endswith("'") or key[len(p)] == " "):
                    key, changed = key[len(p):].strip(), True
            for s in self.suffixes:
                if key.endswith(s) and len(key) > len(s) and (s.startswith("'") or key[-len(s) - 1] in " ,"):
                    key, changed = key[: -len(s)].rstrip(" ,"), True
        key = _clean(key) or name.lower()
        return self.aliases.get(key, key)


def _clean(key: str) -> str:
    """Punctuation to spaces, one space between words."""
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", key).strip(" '-"))


def from_spacy(ents: Iterable[Any], labels: dict[str, str], keyer: Keyer) -> list[Entity]:
    """Entities from spaCy spans, dropping labels the table does not map and junk spans.

    ents: spaCy entity spans (`doc.ents`)
    labels: model label -> ORG | PER | LOC | MISC
    """
    out = []
    doc_text: str | None = None
    for span in ents:
        label = labels.get(span.label_)
        text = span.text.split(", ")[0].strip(" '\"«»")  # "Challenges, la société": a name stops at a comma
        words = text.split(" ")
        while len(words) > 1 and not any(ch.isupper() for ch in words[0]):
            words.pop(0)  # "the European Central Bank", "groupe Renault": the name starts at its first capital
        text = " ".join(words)
        if label is None or len(text) < 2 or not any(ch.isupper() for ch in text):
            continue  # lower-case spans ("n'", "l'entreprise") are tagging noise; "bioMérieux" is a name
        start = span.start_char + span.text.index(text)
        if label in ("ORG", "MISC") and keyer.tails:
            if doc_text is None:
                doc_text = span.doc.text  # Doc.text joins every token: build it once
            text = _with_tail(doc_text, start, text, keyer.tails)
        out.append(Entity(id="", start=start, end=start + len(text), text=text, label=label, key=keyer(text)))
    if out and keyer.joiners:  # out is not empty, so the loop ran and `span` is one of the document's
        out = _join_split_names(doc_text if doc_text is not None else span.doc.text, out, keyer)
    return link_short_forms(_agree_labels(out))


def _join_split_names(text: str, found: list[Entity], keyer: Keyer) -> list[Entity]:
    """One organisation the model cut in two: "Australian Competition and" + "Consumer Commission",
    "Altice" + "UK". An organisation joins the name right after it when only a space or a joining word
    ([entities] joiners) stands between them; a joining word left at the end of a name goes."""
    out: list[Entity] = []
    for e in found:
        prev = out[-1] if out else None
        # a place joins only as a country code ("Altice UK"); "and" between two whole names is two names
        # ("Airbus and Boeing"), so it joins only when the model left it at the end of the first part
        if prev is not None and prev.label == "ORG" and (e.label == "ORG" or (e.label == "LOC" and e.text.isupper()
                                                                               and len(e.text) <= 3)):
            gap = text[prev.end:e.start]
            if gap == " " or (len(gap) <= 5 and gap.strip().lower() in keyer.joiners - {"and", "et"}):
                name = text[prev.start:e.end]
                out[-1] = Entity(id="", start=prev.start, end=e.end, text=name, label="ORG", key=keyer(name))
                continue
        out.append(e)
    cleaned = []
    for e in out:
        words = e.text.split(" ")
        while len(words) > 1 and words[-1].lower() in keyer.joiners:
            words.pop()
        name = " ".join(words)
        cleaned.append(e if name == e.text else
                       Entity(id="", start=e.start, end=e.start + len(name), text=name, label=e.label, key=keyer(name)))
    return cleaned


_NEXT_WORD = re.compile(r" ([A-Z][\w-]*)")


def _with_tail(doc_text: str, start: int, text: str, tails: set[str]) -> str:
    """The name with the company-name words the model left out after it ("Volvo" + "Cars" -> "Volvo Cars")."""
    m = _NEXT_WORD.match(doc_text, start + len(text))
    while m and m.group(1).lower() in tails:
        text = doc_text[start:m.end()]
        m = _NEXT_WORD.match(doc_text, m.end())
    return text


def propagate(text: str, entities: list[Entity]) -> list[Entity]:
    """Tag the other mentions of a name the model found once ("Ynsect" missed in a later sentence), and a
    person's surname alone after their full name."""
    taken = [(e.start, e.end) for e in entities]
    out = list(entities)
    names = {e.text: e for e in entities if len(e.text) >= 3 or (len(e.text) == 2 and e.text.isupper())}  # "BP"
    surnames = set()
    for e in [e for e in entities if e.label == "PER" and " " in e.text]:  # "Auchincloss" after "Murray Auchincloss"
        last = e.text.rsplit(" ", 1)[1]
        if len(last) >= 3 and last[0].isupper() and last not in names:
            names[last] = e
            surnames.add(last)
    for name, e in sorted(names.items(), key=lambda kv: -len(kv[0])):  # longest first: "Altice UK" before "UK"
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            first = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()) if name in surnames else None
            if first is not None and not any(a < m.start() and first.start() < b for a, b in taken):
                # "Sachin Bansal" beside "Binny Bansal": another person of the family, not a short mention
                out.append(_with_id(Entity(id="", start=first.start(), end=m.end(), text=text[first.start():m.end()],
                                           label="PER", key=text[first.start():m.end()].lower())))
                taken.append((first.start(), m.end()))
                continue
            over = [(a, b) for a, b in taken if a < m.end() and m.start() < b]
            if over and " " in name and e.label in ("ORG", "MISC") and all(m.start() <= a and b <= m.end() and b - a < len(name)
                                                                 for a, b in over):
                # a known organisation name the model cut this time ("Altice UK" found as "UK"): the whole name
                out = [x for x in out if not (m.start() <= x.start and x.end <= m.end())]
                taken = [t for t in taken if t not in over]
                over = []
            if not over:
                out.append(_with_id(Entity(id="", start=m.start(), end=m.end(), text=name, label=e.label, key=e.key)))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda x: (x.start, x.end))


def first_names(text: str, entities: list[Entity], keyer: Keyer, is_stop: Any) -> list[Entity]:
    """A person the model found without the first name takes the capitalised word just before it: "chief
    executive Anders Opedal" tagged "Opedal", "Francisco Gomes Neto" tagged "Gomes Neto". Titles ("Governor",
    "M."), stop words and words the text also writes in lower case ("Analyst Jane Doe") stay out."""
    taken = [(e.start, e.end) for e in entities]
    out = []
    for e in entities:
        m = _WORD_BEFORE.search(text, max(0, e.start - 30), e.start) if e.label == "PER" else None
        word = m.group(1).lower() if m is not None else ""
        if m is not None and not is_stop(word) and word not in keyer.prefixes and \
                not re.search(rf"(?<![\w-]){re.escape(word)}", text) and \
                not any(a < m.end() and m.start() < b for a, b in taken):
            name = text[m.start(1):e.end]
            e = _with_id(Entity(id="", start=m.start(1), end=e.end, text=name, label="PER", key=keyer(name)))
        out.append(e)
    return out


_WORD_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][a-zà-ÿ-]+) $")  # a capitalised word right before a name


def _agree_labels(entities: list[Entity]) -> list[Entity]:
    """One key, one label: the specific label the model gave that key most often (ORG wins a tie)."""
    votes: dict[str, Counter[str]] = {}
    for e in entities:
        votes.setdefault(e.key, Counter())[e.label] += 1
    best = {}
    for k, c in votes.items():  # MISC is the model's catch-all: any specific label beats it
        specific = [lab for lab in c if lab != "MISC"] or ["MISC"]
        best[k] = max(specific, key=lambda lab: (c[lab], lab == "ORG", lab == "PER"))
    return [dataclasses.replace(e, label=best[e.key]) for e in entities]


def link_short_forms(entities: Sequence[Entity]) -> list[Entity]:
    """Give a one-word name the key of a longer name of the same document it starts or ends."""
    keys = {(e.key, e.label) for e in entities}
    mentions = Counter(e.key for e in entities)
    first: dict[str, int] = {}
    for e in entities:
        first.setdefault(e.key, e.start)
    first_person = {}  # key of a full person name -> where it is first named
    for e in entities:
        if e.label == "PER" and " " in e.key:
            first_person.setdefault(e.key, e.start)
    out = []
    for e in entities:
        key, label = e.key, e.label
        if " " not in e.text and e.label != "PER" and mentions[key] == 1:
            # "Kirkby said" tagged ORG once, after "Allison Kirkby": the person's surname
            person = [k for k, at in first_person.items() if at < e.start and k.endswith(" " + key)]
            if len(person) == 1:
                out.append(_with_id(Entity(id="", start=e.start, end=e.end, text=e.text, label="PER", key=person[0],
                                           anaphor=e.anaphor)))
                continue
        if " " not in key:  # a short mention ("Musk", "M. Draghi"), of the same kind: "Boeing" the company is
            # not "Boeing 777" the aircraft, and "Siemens AG" is not "Siemens Energy"; "OM" is the initials
            # of "Olympique de Marseille"
            # a short form follows its full name ("Volvo Cars ... Volvo"); named first, it is an entity of its
            # own ("Telefónica ... Telefónica Deutschland": the parent, then its unit)
            longer = sorted(k for k, label in keys if k != key and first[k] < first[key] and (
                ((label == e.label or (label == "ORG" and e.label == "PER")) and  # "Elliott" tagged PER after
                 (k.startswith(key + " ") or k.endswith(" " + key))) or  # "Elliott Management"
                (e.text.isupper() and len(key) >= 2 and _initials(k) == key)))
            if len(longer) == 1:
                key = longer[0]
        elif label in ("ORG", "MISC"):  # "Reserve Bank" after "the Reserve Bank of Australia"
            longer = sorted(k for k, lab in keys if k.startswith(key + " ") and lab == label and first[k] < first[key])
            if len(longer) == 1:
                key = longer[0]
        elif label == "PER":  # "Gomes Neto" after "Francisco Gomes Neto"
            longer = sorted(k for k, lab in keys if k.endswith(" " + key) and lab == "PER" and first[k] < first[key])
            if len(longer) == 1:
                key = longer[0]
        out.append(_with_id(Entity(id="", start=e.start, end=e.end, text=e.text, label=label, key=key,
                                   anaphor=e.anaphor)))
    return out


def _initials(key: str) -> str:
    """The initials of a key's capitalisable words: "olympique de marseille" -> "om"."""
    return "".join(w[0] for w in key.split() if len(w) > 3 or w not in _FUNCTION_WORDS)


_FUNCTION_WORDS = {"de", "du", "des", "la", "le", "les", "of", "the", "and", "et", "d", "l", "for", "pour"}


def _with_id(e: Entity) -> Entity:
    return Entity(id=content_id(f"{e.start}:{e.end}:{e.key}".encode(), "ent_"), start=e.start, end=e.end,
                  text=e.text, label=e.label, key=e.key, anaphor=e.anaphor)


def subject_org(entities: Sequence[Entity], text: str | None = None,
                source_mark: re.Pattern[str] | None = None) -> Entity | None:
    """The article's subject organisation: the organisation key named most often, the earliest on a tie;
    with the text, the first organisation named other than as a source ("(Reuters) -", "selon Les Echos":
    source_mark searched in the 40 characters before it) counts twice more: it leads the story, however often
    a parent or partner is named in passing ("La Banque Postale, filiale du groupe La Poste").

    Every mention of a key counts whatever its label (models often call a company MISC or PER);
    a key counts as an organisation when one mention is ORG or MISC, or when it is a one-word name.
    """
    named = [e for e in entities if not e.anaphor and e.label != "LOC"]
    org_keys = {e.key for e in named if e.label in ("ORG", "MISC") or " " not in e.key}
    if not org_keys:
        return None
    counts = Counter(e.key for e in named if e.key in org_keys)
    if text is not None:
        for e in named:
            before = text[max(0, e.start - 40):e.start]
            if e.key in org_keys and not before.endswith("(") and not (source_mark and source_mark.search(before)):
                counts[e.key] += 2
                break
    best = max(counts.values())
    return next(e for e in named if e.key in org_keys and counts[e.key] == best)


def collectives(text: str, entities: list[Entity], table: dict[str, Any], keyer: Keyer) -> list[Entity]:
    """A family name with its collective word is a group that acts ("la famille Mulliez aurait renoncé",
    "The Persson family, which controls ..."), not the person of that name: the word joins the name.

    table: the parsed [entities] table of facts.toml (collective_before / collective_after: those words)
    """
    before, after = table.get("collective_before", ()), table.get("collective_after", ())
    if not before and not after:
        return entities
    out = []
    for e in entities:
        if e.label in ("PER", "MISC", "ORG") and not e.anaphor:
            start, end = e.start, e.end
            for w in before:
                if text[max(0, start - len(w) - 1):start].lower() == w + " ":
                    start -= len(w) + 1
            for w in after:
                if text[end:end + len(w) + 1].lower() == " " + w:
                    end += len(w) + 1
            if (start, end) != (e.start, e.end):
                name = text[start:end]
                e = Entity(id="", start=start, end=end, text=name, label="ORG", key=keyer(name))
        out.append(e)
    return out


class InstitutionFinder:
    """Names of institutions the model misses or cuts ("the Securities and Exchange Commission"), from the
    [entities] institutions regexes of facts.toml; each match is an organisation, replacing any shorter
    entity it covers.

    table: the parsed [entities] table of facts.toml; keyer: the language's Keyer
    """

    def __init__(self, table: dict[str, Any], keyer: Keyer):
        pats = table.get("institutions", ())
        self.pattern = re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None
        self.keyer = keyer

    def __call__(self, text: str, entities: list[Entity]) -> list[Entity]:
        if self.pattern is None:
            return entities
        found = list(self.pattern.finditer(text))
        if not found:
            return entities
        out = [e for e in entities if not any(m.start() - 2 <= e.start and e.end <= m.end() for m in found)]  # "L'" too
        for m in found:
            if any(e.start < m.end() and m.start() < e.end for e in out):
                continue  # overlaps a name the model found whole and longer: keep the model's
            out.append(Entity(id="", start=m.start(), end=m.end(), text=m.group(0), label="ORG",
                              key=self.keyer(m.group(0))))
        return sorted(out, key=lambda e: (e.start, e.end))
