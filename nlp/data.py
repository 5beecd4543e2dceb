"""Read the UD Dutch treebanks, split them into train/dev and convert them to spaCy Docs.

Split (see shared/data/README.md): train on the current *test* files of UD_Dutch-Alpino and
UD_Dutch-LassySmall plus the 2017 LassySmall train file without the sentences that also occur in a
current dev file; score on the current *dev* files of both treebanks.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

ALPINO = "UD_Dutch-Alpino"
LASSY = "UD_Dutch-LassySmall"
TRAIN_FILES = [f"{ALPINO}/nl_alpino-ud-test.conllu", f"{LASSY}/nl_lassysmall-ud-test.conllu"]
OLD_TRAIN_FILE = f"{LASSY}/nl_lassysmall-ud-train.2017-02-01.ccd0244.conllu"
DEV_FILES = {"alpino": f"{ALPINO}/nl_alpino-ud-dev.conllu", "lassysmall": f"{LASSY}/nl_lassysmall-ud-dev.conllu"}


@dataclass(frozen=True)
class Word:
    """One token of a CoNLL-U sentence; head is a 0-based index into the sentence, -1 for the root."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


Sentence = list[Word]


def _field(value: str) -> str:
    return "" if value == "_" else value


def _normalize_lemma(lemma: str) -> str:
    """Alpino joins compound parts with '_' (basis_niveau); the 2017 file does not. Use the plain word."""
    return lemma.replace("_", "") if len(lemma) > 1 else lemma


def _build_sentence(rows: list[list[str]]) -> Sentence:
    """Turn CoNLL-U rows into Words. A multi-word token (range 'i-j') becomes one token with its
    surface form, taking the annotation of the part whose head lies outside the range."""
    words, ranges = {}, {}
    for row in rows:
        if "-" in row[0]:
            start, end = map(int, row[0].split("-"))
            ranges[start] = (end, row)
        elif "." not in row[0]:  # skip empty nodes of the enhanced graph (8.1)
            words[int(row[0])] = row
    new_index, merged, i = {0: -1}, [], 1
    while i <= max(words, default=0):
        if i in ranges:
            end, surface = ranges[i]
            span = range(i, end + 1)
            main = next((j for j in span if int(words[j][6]) not in span), i)
            row = list(words[main])
            row[1], row[9] = surface[1], surface[9]
            merged.append(row)
            for j in span:
                new_index[j] = len(merged) - 1
            i = end + 1
        else:
            merged.append(words[i])
            new_index[i] = len(merged) - 1
            i += 1
    return [
        Word(
            form=row[1],
            lemma=_normalize_lemma(_field(row[2])),
            upos=_field(row[3]),
            xpos=_field(row[4]),
            feats=_field(row[5]),
            head=new_index[int(row[6])],
            deprel=row[7],
            space_after="SpaceAfter=No" not in row[9],
        )
        for row in merged
    ]


def read_conllu(path: Path) -> list[Sentence]:
    """Read all sentences of a CoNLL-U file."""
    sentences, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if rows:
                sentences.append(_build_sentence(rows))
            rows = []
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    return sentences


def word_key(sentence: Sentence) -> tuple[str, ...]:
    return tuple(w.form for w in sentence)


# --- harmonising the 2017 file with the current annotation guidelines ------------------------------

POSSESSIVE_PERSON = {"mijn": 1, "m'n": 1, "ons": 1, "onze": 1, "jouw": 2, "je": 2, "uw": 2, "jullie": 2,
                     "zijn": 3, "z'n": 3, "haar": 3, "d'r": 3, "hun": 3}
ORDINAL = re.compile(r"^(\d+(e|de|ste)|\w*(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
                     r"tiende|elfde|twaalfde|tiende|tigste|honderdste|duizendste|miljoenste))$")


def harmonize_old(sentence: Sentence) -> Sentence:
    """Map the most frequent differences of the 2017 LassySmall file to today's guidelines:
    flat:name -> flat; possessive DET -> PRON/nmod:poss with Poss=Yes; 'als' ADP -> SCONJ;
    ordinal NUM -> ADJ/amod; 'door'-phrase in a passive clause obl -> obl:agent."""
    out = []
    for i, w in enumerate(sentence):
        low = w.form.lower()
        if w.deprel == "flat:name":
            w = replace(w, deprel="flat")
        if w.upos == "DET" and w.deprel == "det" and low in POSSESSIVE_PERSON:
            feats = f"Person={POSSESSIVE_PERSON[low]}|Poss=Yes|PronType=Prs"
            w = replace(w, upos="PRON", feats=feats, deprel="nmod:poss")
        elif w.upos == "ADP" and low == "als":
            w = replace(w, upos="SCONJ")
        elif w.upos == "NUM" and ORDINAL.match(low):
            w = replace(w, upos="ADJ", deprel="amod" if w.deprel == "nummod" else w.deprel)
        elif w.deprel == "obl":
            has_door = any(c.head == i and c.deprel == "case" and c.form.lower() == "door" for c in sentence)
            passive = any(c.head == w.head and c.deprel == "aux:pass" for c in sentence)
            if has_door and passive:
                w = replace(w, deprel="obl:agent")
        out.append(w)
    return out


# --- formal "u/uw" augmentation ---------------------------------------------------------------------

U_SUBJECT = ("u", "VNW|pers|pron|nomin|vol|2b|getal", "Case=Nom|Person=2|PronType=Prs")
U_OBJECT = ("u", "VNW|pers|pron|nomin|vol|2b|getal", "Case=Acc|Person=2|PronType=Prs")
UW = ("uw", "VNW|bez|det|stan|vol|2|getal|prenom|zonder|agr", "Person=2|Poss=Yes|PronType=Prs")
FORMAL_VERB = {"is": "bent", "kan": "kunt", "wil": "wilt", "zal": "zult", "heeft": "hebt"}


def _recase(new: str, old: str) -> str:
    return new.capitalize() if old[:1].isupper() else new


def _as_formal(w: Word, form: str, xpos: str, feats: str) -> Word:
    return replace(w, form=_recase(form, w.form), lemma=form, xpos=xpos if w.xpos else "", feats=feats)


def _finite_verb(sentence: Sentence, subject: int) -> int | None:
    """Index of the finite verb that agrees with the subject: its head, or an aux/cop of its head."""
    head = sentence[subject].head
    candidates = [head] + [i for i, w in enumerate(sentence) if w.head == head and w.deprel in ("aux", "aux:pass", "cop")]
    for i in candidates:
        if i >= 0 and "VerbForm=Fin" in sentence[i].feats:
            return i
    return None


def make_formal(sentence: Sentence, use_hebt: bool) -> Sentence | None:
    """Rewrite hij/hem/zijn (possessive) to u/u/uw with simple verb agreement (is -> bent, kan -> kunt,
    heeft -> hebt or heeft). Returns None if the sentence has nothing to rewrite."""
    new = list(sentence)
    for i, w in enumerate(sentence):
        low = w.form.lower()
        if w.upos != "PRON":
            continue
        if low == "hij":
            new[i] = _as_formal(w, *U_SUBJECT)
            verb = _finite_verb(sentence, i)
            if verb is not None and sentence[verb].form.lower() in FORMAL_VERB:
                v = sentence[verb]
                formal = FORMAL_VERB[v.form.lower()]
                if formal != "hebt" or use_hebt:
                    new[verb] = replace(v, form=_recase(formal, v.form), xpos="WW|pv|tgw|met-t" if v.xpos else "")
        elif low == "hem":
            new[i] = _as_formal(w, *U_OBJECT)
        elif low in ("zijn", "z'n") and "Poss=Yes" in w.feats:
            new[i] = _as_formal(w, *UW)
    return new if new != sentence else None


def formal_copies(sentences: list[Sentence], limit: int) -> list[Sentence]:
    """Deterministically rewrite up to `limit` sentences to the formal u/uw register."""
    copies = []
    for sentence in sentences:
        use_hebt = zlib.crc32(" ".join(word_key(sentence)).encode()) % 2 == 0  # about half: hebt
        formal = make_formal(sentence, use_hebt)
        if formal is not None:
            copies.append(formal)
        if len(copies) >= limit:
            break
    return copies


# --- split and conversion ---------------------------------------------------------------------------

def load_split(data_dir: Path, n_formal: int = 500) -> tuple[list[Sentence], dict[str, list[Sentence]], dict]:
    """Return (train sentences, dev sentences per treebank, statistics)."""
    dev = {name: read_conllu(data_dir / path) for name, path in DEV_FILES.items()}
    dev_keys = {word_key(s) for sents in dev.values() for s in sents}
    # Sentences whose word sequence occurs in a dev file are never trained on: in the 2017 file these
    # are the 809 re-split sentences, in the current test files a few repeated headings ("Externe links").
    current_all = [s for path in TRAIN_FILES for s in read_conllu(data_dir / path)]
    current = [s for s in current_all if word_key(s) not in dev_keys]
    old_all = read_conllu(data_dir / OLD_TRAIN_FILE)
    old = [harmonize_old(s) for s in old_all if word_key(s) not in dev_keys]
    # Prefer sentences with today's annotation (they also carry XPOS) for the formal copies.
    formal = formal_copies(current + old, n_formal)
    train = current + old + formal
    stats = {
        "train_current": (len(current), sum(map(len, current))),
        "train_old": (len(old), sum(map(len, old))),
        "old_removed": len(old_all) - len(old),
        "current_removed": len(current_all) - len(current),
        "train_formal": (len(formal), sum(map(len, formal))),
        "train_total": (len(train), sum(map(len, train))),
        "dev": {name: (len(s), sum(map(len, s))) for name, s in dev.items()},
    }
    overlap = {word_key(s) for s in current + old} & dev_keys
    assert not overlap, f"{len(overlap)} dev sentences leaked into train"
    return train, dev, stats


def to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    """Concatenate sentences into one annotated Doc."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for sentence in sentences:
        offset = len(words)
        for i, w in enumerate(sentence):
            words.append(w.form)
            spaces.append(w.space_after)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            heads.append(offset + (i if w.head < 0 else w.head))
            deps.append("ROOT" if w.head < 0 else w.deprel)
            starts.append(i == 0)
        if sentence:
            spaces[-1] = True
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def to_docs(vocab: Vocab, sentences: list[Sentence], per_doc: int) -> list[Doc]:
    """Group consecutive sentences into Docs of `per_doc` sentences."""
    return [to_doc(vocab, sentences[i:i + per_doc]) for i in range(0, len(sentences), per_doc)]
