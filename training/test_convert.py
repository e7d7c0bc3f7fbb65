#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of training/convert.py on small invented fixtures.

Run: /usr/bin/python3 training/test_convert.py
"""

import collections
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert  # noqa: E402


def run(fn, text, *args, **kw):
    out = io.StringIO()
    fn(text, convert.Writer(out), *args, **kw)
    return out.getvalue()


def parse(output):
    """[(doc or None, [(token, tag), ...]), ...] from converter output."""
    sents, doc, cur = [], None, []
    for line in output.split("\n"):
        if line.startswith("# doc: "):
            doc = line[7:]
        elif not line:
            if cur:
                sents.append((doc, cur))
                doc, cur = None, []
        else:
            tok, tag = line.split("\t")
            cur.append((tok, tag))
    return sents


class IobToBilou(unittest.TestCase):
    def test_iob1_adjacent_same_type(self):
        # "Paris Lyon" as two LOC: IOB1 marks the second with B-.
        tags = ["I-LOC", "B-LOC", "O", "I-PER", "I-PER", "B-PER", "I-PER"]
        self.assertEqual(convert.iob_to_bilou(tags),
                         ["U-LOC", "U-LOC", "O", "B-PER", "L-PER",
                          "B-PER", "L-PER"])

    def test_iob1_type_change_starts_entity(self):
        tags = ["I-ORG", "I-ORG", "I-LOC", "O", "I-MISC"]
        self.assertEqual(convert.iob_to_bilou(tags),
                         ["B-ORG", "L-ORG", "U-LOC", "O", "U-MISC"])

    def test_iob2(self):
        tags = ["B-PER", "I-PER", "I-PER", "B-PER", "O", "B-LOC", "B-LOC"]
        self.assertEqual(convert.iob_to_bilou(tags),
                         ["B-PER", "I-PER", "L-PER", "U-PER", "O",
                          "U-LOC", "U-LOC"])

    def test_iob2_stray_inside_after_o(self):
        self.assertEqual(convert.iob_to_bilou(["O", "I-ORG", "I-ORG"]),
                         ["O", "B-ORG", "L-ORG"])

    def test_typemap_drops_and_renames(self):
        m = {"pers": "PER", "time": None}
        self.assertEqual(convert.iob_to_bilou(
            ["B-pers", "I-pers", "B-time", "I-time", "O"], m),
            ["B-PER", "L-PER", "O", "O", "O"])

    def test_bilou_roundtrip(self):
        tags = ["U-LOC", "B-PER", "I-PER", "L-PER", "O", "U-PER", "U-PER"]
        self.assertEqual(convert.iob_to_bilou(tags), tags)

    def test_bad_tag(self):
        with self.assertRaises(ValueError):
            convert.iob_to_bilou(["X-PER"])


class Columns(unittest.TestCase):
    WIKIGOLD = ("The I-ORG\nBlue I-ORG\nBand I-ORG\nplayed O\nin O\n"
                "Oslo I-LOC\nBergen B-LOC\n. O\n\n-DOCSTART- O\n\n"
                "Ada I-PER\nLovelace I-PER\nwrote O\n. O\n")
    SEC = ("-DOCSTART- -X- O O\n\nThis DT - O\nLOAN NN - O\n"
           "ACME NNP - I-ORG\nBANK NNP - I-ORG\n(\" NNP - O\n\n"
           "-DOCSTART- -X- O O\n\nJohn NNP - I-PER\nSmith NNP - I-PER\n")

    def test_wikigold_style(self):
        s = parse(run(convert.convert_columns, self.WIKIGOLD, "wg",
                      typemap=convert.CONLL_TYPES))
        self.assertEqual(s[0][0], "wg-1")
        self.assertEqual([t for _, t in s[0][1]],
                         ["B-ORG", "I-ORG", "L-ORG", "O", "O",
                          "U-LOC", "U-LOC", "O"])
        self.assertEqual(s[1][0], "wg-2")
        self.assertEqual(s[1][1], [("Ada", "B-PER"), ("Lovelace", "L-PER"),
                                   ("wrote", "O"), (".", "O")])

    def test_sec_style_docstart_first(self):
        s = parse(run(convert.convert_columns, self.SEC, "sec"))
        self.assertEqual([d for d, _ in s], ["sec-1", "sec-2"])
        self.assertEqual([t for _, t in s[0][1]],
                         ["O", "O", "B-ORG", "L-ORG", "O"])
        self.assertEqual(s[0][1][-1][0], '("')

    def test_no_sentence_breaks(self):
        text = ("Jean I-PER\nDupont I-PER\nvit O\nà O\nRennes I-LOC\n. O\n"
                "Le O\nMatin I-ORG\nparaît O\nà O\nParis I-LOC\n")
        s = parse(run(convert.convert_columns, text, "enp", split_long=100,
                      one_doc="enp"))
        self.assertEqual(len(s), 2)
        self.assertEqual(s[0][0], "enp")
        self.assertEqual([t for _, t in s[0][1]],
                         ["B-PER", "L-PER", "O", "O", "U-LOC", "O"])
        self.assertEqual([t for _, t in s[1][1]],
                         ["O", "U-ORG", "O", "O", "U-LOC"])

    def test_split_long_never_inside_entity(self):
        text = ("a O\nb O\nLa I-ORG\nBanque I-ORG\nde I-ORG\nFrance I-ORG\n"
                "c O\nd O\n")
        s = parse(run(convert.convert_columns, text, "x", split_long=3))
        self.assertEqual([[t for _, t in sent] for _, sent in s],
                         [["O", "O", "B-ORG", "I-ORG", "I-ORG", "L-ORG", "O"],
                          ["O"]])


class Hipe(unittest.TestCase):
    TSV = ("TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\t"
           "NE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
           "# hipe2022:document_id = doc_a\n"
           "# hipe2022:language = fr\n"
           "Le\tB-ORG\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "Petit\tI-ORG\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "Journal\tI-ORG\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "cite\tO\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "Hugo\tB-PER\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter\n"
           ".\tO\t_\t_\t_\t_\t_\t_\t_\tEndOfSentence\n"
           "Lyon\tB-LOC\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "Marseille\tB-LOC\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "et\tO\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "Candide\tB-HumanProd\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter|EndOfLine\n"
           "hier\tB-time\t_\t_\t_\t_\t_\t_\t_\tEndOfSentence\n"
           "\n"
           "# hipe2022:document_id = doc_b\n"
           "Zola\tB-pers\t_\t_\t_\t_\t_\t_\t_\t_\n")

    def test_hipe(self):
        s = parse(run(convert.convert_hipe, self.TSV))
        self.assertEqual([d for d, _ in s], ["doc_a", None, "doc_b"])
        self.assertEqual([t for _, t in s[0][1]],
                         ["B-ORG", "I-ORG", "L-ORG", "O", "U-PER", "O"])
        self.assertEqual([t for _, t in s[1][1]],
                         ["U-LOC", "U-LOC", "O", "U-MISC", "O"])
        self.assertEqual(s[2][1], [("Zola", "U-PER")])


class Conllu(unittest.TestCase):
    TEXT = ("# newdoc id = d1\n# sent_id = 1\n# text = I don't know.\n"
            "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
            "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n"
            "4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_\n"
            "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
            "# sent_id = 2\n"
            "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n")

    def test_conllu(self):
        s = parse(run(convert.convert_conllu, self.TEXT, "x"))
        self.assertEqual(s[0], ("d1", [("I", "PRON"), ("do", "AUX"),
                                       ("n't", "PART"), ("know", "VERB"),
                                       (".", "PUNCT")]))
        self.assertEqual(s[1], (None, [("Yes", "INTJ")]))


class Dwie(unittest.TestCase):
    def doc(self):
        text = ("Merkel Meets Obama\n"
                "German Chancellor Angela Merkel met U.S. President Barack "
                "Obama in Berlin on Sept. 3. The Bundestag's vote was "
                "\"historic.\" Siemens AG agreed. \"Yes.\"")
        ms = []

        def mention(s, concept, nth=0):
            b = -1
            for _ in range(nth + 1):
                b = text.index(s, b + 1)
            ms.append({"begin": b, "end": b + len(s), "text": s,
                       "concept": concept})
        mention("Merkel", 0)
        mention("Obama", 1)
        mention("German", 2)
        mention("Angela Merkel", 0)
        mention("Merkel", 0, 1)            # nested inside Angela Merkel
        mention("U.S.", 3)
        mention("Barack Obama", 1)
        mention("Berlin", 4)
        mention("Sept. 3", 5)              # a time value: not an entity
        mention("Bundestag", 6)
        mention("Siemens AG", 7)
        mention("Chancellor", 8)           # a role: not an entity
        concepts = [
            (0, ["type::entity", "type::person", "type::politician"]),
            (1, ["type::entity", "type::person"]),
            (2, ["type::gpe0-x", "type::other"]),
            (3, ["type::entity", "type::gpe", "type::location"]),
            (4, ["type::entity", "type::gpe", "type::location"]),
            (5, ["type::time", "type::value"]),
            (6, ["type::entity", "type::organization", "type::misc"]),
            (7, ["type::entity", "type::organization", "type::company"]),
            (8, ["type::role", "type::other"])]
        return {"id": "DW_1", "content": text, "tags": ["all", "train"],
                "mentions": ms,
                "concepts": [{"concept": c, "tags": t} for c, t in concepts]}

    def test_dwie(self):
        s = parse(run(convert.convert_dwie_doc, self.doc()))
        self.assertEqual(s[0], ("DW_1", [("Merkel", "U-PER"), ("Meets", "O"),
                                         ("Obama", "U-PER")]))
        self.assertEqual(s[1][1], [
            ("German", "U-MISC"), ("Chancellor", "O"), ("Angela", "B-PER"),
            ("Merkel", "L-PER"), ("met", "O"), ("U.S.", "U-LOC"),
            ("President", "O"), ("Barack", "B-PER"), ("Obama", "L-PER"),
            ("in", "O"), ("Berlin", "U-LOC"), ("on", "O"), ("Sept", "O"),
            (".", "O"), ("3", "O"), (".", "O")])
        self.assertEqual(s[2][1], [
            ("The", "O"), ("Bundestag", "U-ORG"), ("'s", "O"), ("vote", "O"),
            ("was", "O"), ('"', "O"), ("historic", "O"), (".", "O"),
            ('"', "O")])
        self.assertEqual(s[3][1], [("Siemens", "B-ORG"), ("AG", "L-ORG"),
                                   ("agreed", "O"), (".", "O")])
        self.assertEqual(s[4][1], [('"', "O"), ("Yes", "O"), (".", "O"),
                                   ('"', "O")])
        self.assertEqual(len(s), 5)

    def test_dwie_pairs(self):
        doc = self.doc()
        doc["relations"] = [{"s": 7, "p": "based_in0", "o": 4},
                            {"s": 0, "p": "head_of_gov", "o": 6},
                            {"s": 4, "p": "in0", "o": 3},
                            {"s": 6, "p": "based_in0-x", "o": 2}]
        # One more sentence: a firm, the city and the country.
        out = io.StringIO()
        counts = collections.Counter()
        convert.convert_dwie_pairs_doc(doc, out, counts)
        lines = [l.split("\t") for l in out.getvalue().splitlines()]
        self.assertTrue(all(len(l) == 5 for l in lines))
        pairs = {(l[1], l[2]): (l[0], l[3]) for l in lines}
        words = lines[0][4].split(" ")
        # "German Chancellor Angela Merkel met U.S. President Barack
        # Obama in Berlin": Berlin in the U.S. as the relations say,
        # with Barack Obama between; never the other way round.
        self.assertEqual(pairs[("LOC 10 11", "LOC 5 6")],
                         ("locatedIn", "PER"))
        self.assertEqual(pairs[("LOC 5 6", "LOC 10 11")], ("none", "PER"))
        self.assertEqual(words[10], "Berlin")
        # The adjective is a place named by its adjective (DEM); a person
        # pairs only with an organisation; head_of_gov is no managerOf.
        self.assertEqual(pairs[("LOC 5 6", "DEM 0 1")][0], "none")
        self.assertNotIn(("PER 2 4", "LOC 5 6"), pairs)
        self.assertEqual(counts["locatedIn"], 1)
        self.assertEqual(counts["managerOf"], 0)

    def test_dwie_from_checkout(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = os.path.join(tmp, convert.DWIE_DIR)
            os.makedirs(d)
            doc = self.doc()
            with open(os.path.join(d, "DW_1.json"), "w") as f:
                json.dump(doc, f)
            doc = dict(doc, id="DW_2", tags=["all", "test"])
            with open(os.path.join(d, "DW_2.json"), "w") as f:
                json.dump(doc, f)
            out = os.path.join(tmp, "out")
            subprocess.run([sys.executable, convert.__file__, "dwie",
                            "--from", tmp, "--outdir", out], check=True,
                           stderr=subprocess.DEVNULL)
            with open(os.path.join(out, "dwie-train.conll")) as f:
                self.assertEqual(f.readline(), "# doc: DW_1\n")
            with open(os.path.join(out, "dwie-test.conll")) as f:
                self.assertEqual(f.readline(), "# doc: DW_2\n")
            st = convert.stats(os.path.join(out, "dwie-test.conll"))
            self.assertEqual((st["documents"], st["sentences"], st["PER"],
                              st["LOC"], st["ORG"], st["MISC"]),
                             (1, 5, 4, 2, 2, 1))


def conllu_word(i, form, upos, head, deprel, misc="_", xpos="_"):
    return "\t".join([str(i), form, form, upos, xpos, "_", str(head),
                      deprel, "_", misc])


class Gum(unittest.TestCase):
    E = "Entity="
    TEXT = "\n".join([
        "# newdoc id = GUM_news_one",
        "# global.Entity = GRP-etype-infstat-salience-centering-minspan-"
        "link-identity",
        "# sent_id = GUM_news_one-1",
        # U.S. President Ada Lovelace's plan reached the United States on
        # Friday.  Outer abstract mention headed by a noun (not named),
        # a person inside it whose name stops at the title, a place inside
        # that, a multiword token, "United" tagged VERB, a time.
        conllu_word(1, "U.S.", "PROPN", 2, "compound",
                    E + "(1-abstract-new-nnnnn-cf1-1-sgl"
                    "(2-person-new-sssss-cf2-3,4-coref-Ada_Lovelace"
                    "(3-place-new-snsns-cf3-1-coref-United_States)"),
        conllu_word(2, "President", "PROPN", 3, "nmod:desc"),
        "4-5\tLovelace's\t_\t_\t_\t_\t_\t_\t_\t_",
        conllu_word(3, "Ada", "PROPN", 6, "nmod:poss"),
        conllu_word(4, "Lovelace", "PROPN", 3, "flat"),
        conllu_word(5, "'s", "PART", 3, "case", E + "2)"),
        conllu_word(6, "plan", "NOUN", 7, "nsubj", E + "1)"),
        conllu_word(7, "reached", "VERB", 0, "root"),
        conllu_word(8, "the", "DET", 10, "det",
                    E + "(3-place-giv:act-snsns-cf1-2,3-coref-"
                    "United_States"),
        conllu_word(9, "United", "VERB", 10, "amod"),
        conllu_word(10, "States", "PROPN", 7, "obj", E + "3)", "NNPS"),
        conllu_word(11, "on", "ADP", 12, "case"),
        conllu_word(12, "Friday", "PROPN", 7, "obl",
                    E + "(4-time-new-nnnnn-cf4-1-sgl)"),
        conllu_word(13, ".", "PUNCT", 7, "punct"),
        "",
        "# sent_id = GUM_news_one-2",
        # The President met Facebook creator Mark Zuckerberg and Albert
        # and Marcia.  A title heading a person; a descriptor with the
        # name as flat dependents; a coordination whose conjuncts are
        # mentions of their own.
        conllu_word(1, "The", "DET", 2, "det",
                    E + "(2-person-giv:act-sssss-cf1-2-coref-Ada_Lovelace"),
        conllu_word(2, "President", "PROPN", 3, "nsubj", E + "2)"),
        conllu_word(3, "met", "VERB", 0, "root"),
        conllu_word(4, "Facebook", "PROPN", 5, "compound",
                    E + "(5-person-new-nnnnn-cf2-3,4-sgl-Mark_Zuckerberg"
                    "(6-organization-new-nnnnn-cf3-1-sgl-Facebook)"),
        conllu_word(5, "creator", "NOUN", 3, "obj"),
        conllu_word(6, "Mark", "PROPN", 5, "flat"),
        conllu_word(7, "Zuckerberg", "PROPN", 5, "flat", E + "5)"),
        conllu_word(8, "and", "CCONJ", 9, "cc"),
        conllu_word(9, "Albert", "PROPN", 5, "conj",
                    E + "(7-person-new-nnnnn-cf4-1,3-sgl"
                    "(8-person-new-nnnnn-cf5-1-sgl)"),
        conllu_word(10, "and", "CCONJ", 11, "cc"),
        conllu_word(11, "Marcia", "PROPN", 9, "conj",
                    E + "(9-person-new-nnnnn-cf6-1-sgl)7)"),
        conllu_word(12, ".", "PUNCT", 3, "punct"),
        "",
        "# newdoc id = GUM_news_two",
        "# sent_id = GUM_news_two-1",
        # Many Americans read Figure 2 in the Bible.  A group (plural
        # proper noun) and a document label; a capitalized first word.
        conllu_word(1, "Many", "ADJ", 2, "amod",
                    E + "(10-person-new-nnnnn-cf1-1,2-sgl"),
        conllu_word(2, "Americans", "PROPN", 3, "nsubj", E + "10)", "NNPS"),
        conllu_word(3, "read", "VERB", 0, "root"),
        conllu_word(4, "Figure", "PROPN", 3, "obj",
                    E + "(11-abstract-new-nnnnn-cf2-1-sgl"),
        conllu_word(5, "2", "NUM", 4, "nummod", E + "11)"),
        conllu_word(6, "in", "ADP", 8, "case"),
        conllu_word(7, "the", "DET", 8, "det",
                    E + "(12-abstract-new-nnnnn-cf3-2-coref-Bible"),
        conllu_word(8, "Bible", "PROPN", 4, "nmod", E + "12)"),
        conllu_word(9, ".", "PUNCT", 3, "punct"),
        "",
        "# sent_id = GUM_news_two-2",
        # Nick Bos of the University of Helsinki spoke.  A person's name
        # stops before "of"; an organization's goes on; the place nested
        # in the organization's name is dropped.
        conllu_word(1, "Nick", "PROPN", 8, "nsubj",
                    E + "(13-person-new-sssss-cf1-1,2-coref-Nick_Bos"),
        conllu_word(2, "Bos", "PROPN", 1, "flat"),
        conllu_word(3, "of", "ADP", 5, "case"),
        conllu_word(4, "the", "DET", 5, "det",
                    E + "(14-organization-new-nnnnn-cf2-2,3,4-sgl-"
                    "University_of_Helsinki"),
        conllu_word(5, "University", "PROPN", 1, "nmod"),
        conllu_word(6, "of", "ADP", 7, "case"),
        conllu_word(7, "Helsinki", "PROPN", 5, "nmod",
                    E + "(15-place-new-nnnnn-cf3-1-sgl-Helsinki)14)13)"),
        conllu_word(8, "spoke", "VERB", 0, "root"),
        conllu_word(9, ".", "PUNCT", 8, "punct"),
        "", ""])

    def test_mentions(self):
        words = next(convert.conllu_sentences(self.TEXT))[1]
        self.assertEqual([w[1] for w in words][:6], [
            "U.S.", "President", "Ada", "Lovelace", "'s", "plan"])
        self.assertEqual(convert.gum_mentions(words), [
            (0, 6, "1", "abstract", ""),
            (0, 5, "2", "person", "Ada_Lovelace"),
            (0, 1, "3", "place", "United_States"),
            (7, 10, "3", "place", "United_States"),
            (11, 12, "4", "time", "")])

    def test_bad_entity(self):
        words = [conllu_word(1, "x", "PROPN", 0, "root",
                             "Entity=(1-person-new-s-cf1-1-sgl")
                 .split("\t")]
        with self.assertRaises(ValueError):
            convert.gum_mentions(words)

    def test_gum(self):
        s = parse(run(convert.convert_gum_doc, self.TEXT))
        self.assertEqual(s[0], ("GUM_news_one", [
            ("U.S.", "U-LOC"), ("President", "O"), ("Ada", "B-PER"),
            ("Lovelace", "L-PER"), ("'s", "O"), ("plan", "O"),
            ("reached", "O"), ("the", "O"), ("United", "B-LOC"),
            ("States", "L-LOC"), ("on", "O"), ("Friday", "O"), (".", "O")]))
        self.assertEqual(s[1], (None, [
            ("The", "O"), ("President", "O"), ("met", "O"),
            ("Facebook", "U-ORG"), ("creator", "O"), ("Mark", "B-PER"),
            ("Zuckerberg", "L-PER"), ("and", "O"), ("Albert", "U-PER"),
            ("and", "O"), ("Marcia", "U-PER"), (".", "O")]))
        self.assertEqual(s[2], ("GUM_news_two", [
            ("Many", "O"), ("Americans", "U-MISC"), ("read", "O"),
            ("Figure", "O"), ("2", "O"), ("in", "O"), ("the", "O"),
            ("Bible", "U-MISC"), (".", "O")]))
        self.assertEqual([t for _, t in s[3][1]],
                         ["B-PER", "L-PER", "O", "O", "B-ORG", "I-ORG",
                          "L-ORG", "O", "O"])
        self.assertEqual(len(s), 4)

    def test_gum_open_genres_only(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "dep"))
            for name in ("GUM_news_one", "GUM_fiction_x", "GUM_whow_x",
                         "GUM_reddit_x", "GUM_essay_x", "GENTLE_poetry_x"):
                with open(os.path.join(tmp, "dep", name + ".conllu"),
                          "w") as f:
                    f.write(self.TEXT.replace("GUM_news_one", name))
            out = os.path.join(tmp, "gum.conll")
            subprocess.run([sys.executable, convert.__file__, "gum",
                            "--from", tmp, "-o", out], check=True,
                           stderr=subprocess.DEVNULL)
            with open(out) as f:
                docs = [l[7:-1] for l in f if l.startswith("# doc: ")]
            self.assertEqual(docs, ["GUM_news_one", "GUM_news_two"])
            st = convert.stats(out)
            self.assertEqual((st["PER"], st["ORG"], st["LOC"], st["MISC"]),
                             (5, 2, 2, 2))
            r = subprocess.run([sys.executable, convert.__file__, "gum",
                                "--from", tmp, "-o", out,
                                "--genres", "news,fiction"],
                               stderr=subprocess.DEVNULL)
            self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main()
