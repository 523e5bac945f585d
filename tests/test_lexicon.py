"""The shipped lexicons lint clean; the loader reports every problem with file, line and fix."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tension.errors import InputError, LexiconError
from tension.lexicon import ENV_VAR, MODIFIER_TYPES, lexicon_dir, load_lexicon, read_lexicon

from conftest import LEXICONS


def test_shipped_lexicons_lint_clean() -> None:
    lex = read_lexicon(LEXICONS)
    assert len(lex.cues) >= 300
    assert {"us_china", "us_dprk"} <= set(lex.dyads)
    assert {"USA", "CHN", "PRK", "KOR", "JPN", "RUS", "TWN", "EU", "CAN", "MEX"} <= lex.actors
    assert {m.type for m in lex.modifiers} == set(MODIFIER_TYPES)


def test_shipped_lexicons_have_provenance() -> None:
    for path in LEXICONS.glob("*.tsv"):
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        text = "\n".join(head).lower()
        assert "version:" in text and "source:" in text, path.name
        header = next(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert "note" in header.split("\t") or path.name == "categories.tsv", path.name


def test_every_category_is_used_and_every_cue_sign_matches() -> None:
    lex = read_lexicon(LEXICONS)
    used = {c.category for c in lex.cues}
    assert used == set(lex.categories)
    for c in lex.cues:
        direction = lex.categories[c.category].direction
        assert (c.weight > 0) == (direction == "escalation"), c.phrase


@pytest.mark.parametrize("required", [
    "tariffs", "export controls", "entity list", "sanctions", "retaliate", "currency manipulator",
    "trade war", "missile launch", "nuclear test", "fire and fury", "talks", "summit", "deal", "truce",
    "tariff cut", "going to be fine", "great relationship", "denuclearization", "soybean purchases",
])
def test_core_vocabulary_present(required: str) -> None:
    assert required in {c.phrase for c in read_lexicon(LEXICONS).cues}


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "lex"
    shutil.copytree(LEXICONS, dst)
    return dst


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _append(d / "cues.tsv", "trade war\ttrade_war\t\t5\ttradewar\tinflect\t\tdup")           # duplicate
    _append(d / "cues.tsv", "new thing\tno_such_category\t\t5\ttrade\tinflect\t\t")        # unknown category
    _append(d / "cues.tsv", "calm words\tpraise\t\t4\tdiplomacy\texact\t\t")              # wrong sign
    _append(d / "cues.tsv", "big number\ttariff_imposed\t\t99\ttrade\texact\t\t")         # out of range
    _append(d / "dyads.tsv", "us_iran\tUSA\tIRX\t\t\t\t\t")                                 # unknown actor
    _append(d / "modifiers.tsv", "maybe not\tnot_a_type\t1\texact\t")                       # unknown type
    with pytest.raises(LexiconError) as info:
        read_lexicon(d)
    problems = info.value.problems
    messages = " | ".join(str(p) for p in problems)
    assert len(problems) == 6, messages
    assert "duplicate key 'trade war'" in messages
    assert "unknown category 'no_such_category'" in messages
    assert "contradicts category 'praise'" in messages
    assert "outside [-10, 10]" in messages
    assert "unknown actor(s) IRX" in messages
    assert "type 'not_a_type' is unknown" in messages
    for p in problems:
        assert p.file.endswith(".tsv") and p.line > 0 and p.fix


def test_missing_file_and_header(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    (d / "modifiers.tsv").unlink()
    (d / "categories.tsv").write_text("# version: 2026.11.0\nwrong\theader\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_lexicon(d)
    text = str(info.value)
    assert "modifiers.tsv:0: file is missing" in text
    assert "header lacks column(s)" in text


def test_a_new_dyad_is_a_data_change(tmp_path: Path) -> None:
    import tension

    d = _copy(tmp_path)
    _append(d / "actors.tsv", "Tehran regime\tIRN\tinstitution\texact\ttest\t")
    _append(d / "dyads.tsv", "us_iran\tUSA\tIRN\tsecurity\t\t\tORG\tUnited States - Iran")
    doc = tension.Scorer(lexicon_dir=d).score("The United States imposed new sanctions on Iran.")
    assert doc.dyads["us_iran"].relevant and doc.dyads["us_iran"].tension > 0


def test_a_claimed_topic_is_a_data_change(tmp_path: Path) -> None:
    """dyads.tsv's claims_topics gives a topic's escalation to the dyad whose side B the sentence names:
    with us_dprk claiming "security", North Korea's missile is not US-China escalation; without the claim
    it is counted for both, as before."""
    import tension

    text = "North Korea defied Beijing when it launched another missile."
    assert read_lexicon(LEXICONS).dyads["us_dprk"].claims_topics == frozenset({"security"})
    doc = tension.Scorer().score(text, speaker="USA")
    assert not doc.dyads["us_china"].relevant and doc.dyads["us_dprk"].tension > 0
    d = _copy(tmp_path)
    path = d / "dyads.tsv"
    rows = path.read_text(encoding="utf-8").split("\n")
    rows = ["\t".join(f if i != 8 or not r.startswith("us_dprk") else "" for i, f in enumerate(r.split("\t")))
            for r in rows]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert read_lexicon(d).dyads["us_dprk"].claims_topics == frozenset()
    doc = tension.Scorer(lexicon_dir=d).score(text, speaker="USA")
    assert doc.dyads["us_china"].tension > 0 and doc.dyads["us_dprk"].tension > 0


def _set_dyad_column(d: Path, dyad: str, column: str, value: str) -> None:
    path = d / "dyads.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(ln for ln in lines if ln.startswith("dyad\t")).split("\t")
    k = header.index(column)
    lines = ["\t".join(value if i == k else f for i, f in enumerate(ln.split("\t"))) if ln.startswith(dyad + "\t")
             else ln for ln in lines]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_theatre_is_a_data_change(tmp_path: Path) -> None:
    """dyads.tsv's theatre names allies whose naming beside side A under an implying topic implies side B:
    US drills with South Korea are aimed at North Korea; without the ally listed they name no side B."""
    import tension

    text = "U.S. and South Korea launch large-scale joint military drills"
    assert read_lexicon(LEXICONS).dyads["us_dprk"].theatre == frozenset({"KOR"})
    assert tension.Scorer().score(text).dyads["us_dprk"].tension > 0
    d = _copy(tmp_path)
    _set_dyad_column(d, "us_dprk", "theatre", "")
    assert not tension.Scorer(lexicon_dir=d).score(text).dyads["us_dprk"].relevant
    _set_dyad_column(d, "us_dprk", "theatre", "XYZ")
    with pytest.raises(LexiconError, match="theatre names unknown actor"):
        read_lexicon(d)



def test_tariff_periods_and_world_words_are_a_data_change(tmp_path: Path) -> None:
    """dyads.tsv's tariff_dates say when a tariff step named in news with no partner is the dyad's, and its
    tariff_world_words which words keep such a step off it: in 2019 "Trump delays tariff increase" is
    US-China, "Trump delays steel tariff increase" is not, and in 2025 neither is; moving the period or listing
    a word changes that,
    and bad cells are reported with the fix."""
    import tension

    plain, steel = "Trump delays tariff increase", "Trump delays steel tariff increase"
    us_china = read_lexicon(LEXICONS).dyads["us_china"]
    assert us_china.in_tariff_period(date(2019, 5, 1)) and not us_china.in_tariff_period(date(2025, 5, 1))
    assert not us_china.in_tariff_period(None)
    sc = tension.Scorer()
    assert sc.score(plain, date="2019-05-01").dyads["us_china"].tension < 0
    assert not sc.score(plain, date="2025-05-01").dyads["us_china"].relevant
    assert not sc.score(steel, date="2019-05-01").dyads["us_china"].relevant
    d = _copy(tmp_path)
    _set_dyad_column(d, "us_china", "tariff_dates", "2025-01-20:2025-12-31")
    mine = tension.Scorer(lexicon_dir=d)
    assert mine.score(plain, date="2025-05-01").dyads["us_china"].tension < 0
    assert not mine.score(plain, date="2019-05-01").dyads["us_china"].relevant
    assert not mine.score(steel, date="2025-05-01").dyads["us_china"].relevant
    _set_dyad_column(d, "us_china", "tariff_world_words", "delays")
    assert not tension.Scorer(lexicon_dir=d).score(plain, date="2025-05-01").dyads["us_china"].relevant
    _set_dyad_column(d, "us_china", "tariff_dates", "2019-05")
    with pytest.raises(LexiconError, match="tariff_dates '2019-05' is not a list of ranges"):
        read_lexicon(d)
    _set_dyad_column(d, "us_china", "tariff_dates", "")
    _set_dyad_column(d, "us_china", "tariff_world_words", "steel|washing machines")
    with pytest.raises(LexiconError, match="tariff_world_words holds a phrase"):
        read_lexicon(d)

def test_excluded_categories_are_a_data_change(tmp_path: Path) -> None:
    """dyads.tsv's exclude_categories keep a category of cue off a dyad whatever its topic: tariffs say nothing
    of US-North Korea (the US trades with it not at all), so tariff words in a sentence that names North Korea
    do not make that dyad tense; emptying the cell brings them back, and an unknown category is reported."""
    import tension

    text = "Trump's new tariffs will hurt North Korea, says Seoul"
    assert "tariff_imposed" in read_lexicon(LEXICONS).dyads["us_dprk"].exclude_categories
    assert not any(h.category == "tariff_imposed" for h in tension.Scorer().score(text).dyads["us_dprk"].hits)
    d = _copy(tmp_path)
    _set_dyad_column(d, "us_dprk", "exclude_categories", "")
    assert any(h.category == "tariff_imposed"
               for h in tension.Scorer(lexicon_dir=d).score(text).dyads["us_dprk"].hits)
    _set_dyad_column(d, "us_dprk", "exclude_categories", "tariff_imposed|tarrifs")
    with pytest.raises(LexiconError, match="exclude_categories names 'tarrifs', which is no category"):
        read_lexicon(d)


def test_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _copy(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(d))
    assert lexicon_dir() == d
    assert lexicon_dir(LEXICONS) == LEXICONS
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope"))
    with pytest.raises(InputError, match=ENV_VAR):
        lexicon_dir()
    monkeypatch.delenv(ENV_VAR)
    assert (lexicon_dir() / "cues.tsv").is_file()
    with pytest.raises(InputError, match="not a folder"):
        lexicon_dir(tmp_path / "missing")


def test_load_is_cached() -> None:
    assert load_lexicon(LEXICONS) is load_lexicon(LEXICONS)


# --- user lexicons: extend and override the packaged ones (plain data, merged by key) -----------------------------

def _user(tmp_path, files: dict[str, str]) -> Path:
    d = tmp_path / "user"
    d.mkdir(exist_ok=True)
    headers = {"cues.tsv": "phrase\tcategory\tmode\tweight\ttopic\tmatch\tsource\tnote",
               "actors.tsv": "alias\tactor\tkind\tmatch\tsource\tnote",
               "modifiers.tsv": "phrase\ttype\tvalue\tmatch\tnote",
               "categories.tsv": "category\tdirection\tdefault_mode\tdescription",
               "dyads.tsv": "dyad\tside_a\tside_b\timply_topics\tcontext_topics\tcontext_dates\tno_block\tnote"}
    for name, body in files.items():
        (d / name).write_text(f"# version: user.1\n{headers[name]}\n{body}\n", encoding="utf-8")
    return d


def test_user_lexicon_adds_overrides_and_removes(tmp_path):
    import tension

    user = _user(tmp_path, {
        "cues.tsv": "chip war\ttrade_war\t\t6\ttech\tinflect\tme\tnew phrase\n"
                    "trade war\ttrade_war\t\t9\ttradewar\tinflect\tme\toverride\n"
                    "summit\tREMOVE\t\t\t\t\t\t",
        "actors.tsv": "Zhongnanhai\tCHN\tinstitution\texact\tme\t",
    })
    base = tension.Scorer(config=tension.Config(tone=False))
    mine = tension.Scorer(config=tension.Config(tone=False), user_lexicons=[user])
    assert mine.lexicon.version == f"{base.lexicon.version}+user.1"
    text = "Zhongnanhai and Washington are in a chip war; the trade war goes on; a summit is planned."
    hits = {h.cue: h.base_weight for h in mine.score(text).dyads["us_china"].hits}
    assert hits["chip war"] == 6 and hits["trade war"] == 9 and "summit" not in hits
    assert "summit" in {h.cue for h in base.score(text.replace("Zhongnanhai", "Beijing")).dyads["us_china"].hits}


def test_user_lexicon_removes_a_modifier_by_its_phrase_alone(tmp_path):
    # "cancel" is packaged with match "inflect"; a REMOVE row need not restate it
    user = _user(tmp_path, {"modifiers.tsv": "cancel\tREMOVE\t\t\t"})
    lex = read_lexicon(LEXICONS, [user])
    assert "cancel" not in {m.phrase for m in lex.modifiers}
    assert "cancel" in {m.phrase for m in read_lexicon(LEXICONS).modifiers}


def test_modifier_ending_in_a_word_of_no_width_is_refused(tmp_path):
    # the windows count articles as no word: "solve the" would end where "trade dispute" starts, 0 words before
    user = _user(tmp_path, {"modifiers.tsv": "solve the\teaser\t-0.8\tinflect\tx\nthe price of\texclusion\t0\texact\tx"})
    with pytest.raises(LexiconError) as err:
        read_lexicon(LEXICONS, [user])
    assert "'solve the' ends in 'the'" in str(err.value) and "end the phrase at the word before" in str(err.value)
    assert "price of" not in str(err.value)  # an exclusion reaches nothing


def test_case_sensitive_modifier_keeps_its_capitals(tmp_path):
    import tension

    # "Best Buy" the retailer is no purchase; "the best buy" in lower case is left to the cue "buy"
    user = _user(tmp_path, {"modifiers.tsv": "Chip Deal\texclusion\t0\tcase\tthe name of a company"})
    mine = tension.Scorer(config=tension.Config(tone=False), user_lexicons=[user])
    assert [m.phrase for m in mine.lexicon.modifiers if m.match == "case" and m.type == "exclusion"].count("Chip Deal") == 1
    named = mine.score("Chip Deal CEO meets Chinese and U.S. officials", date="2019-05-01").dyads["us_china"]
    plain = mine.score("A chip deal: Chinese and U.S. officials meet", date="2019-05-01").dyads["us_china"]
    assert "deal" not in {h.cue for h in named.hits}
    assert "deal" in {h.cue for h in plain.hits}


@pytest.mark.parametrize("body, message", [
    ("chip war\ttrade_war\t\t6\ttech\tinflect\t\t\nchip war\ttrade_war\t\t5\ttech\tinflect\t\t",
     "duplicate key 'chip war'"),
    ("chip war\tno_such\t\t6\ttech\tinflect\t\t", "unknown category 'no_such'"),
    ("not\ttrade_war\t\t6\ttech\texact\t\t", "'not' is also a cue"),                     # clashes with a modifier
    ("the of\ttrade_war\t\t6\ttech\texact\t\t", "only function words"),
    ("x\ttrade_war\t\t6\ttech\texact\t\t", "single character"),
    ("a b c d e f g h i\ttrade_war\t\t6\ttech\texact\t\t", "at most 8"),
    ("chip\u200bwar\ttrade_war\t\t6\ttech\texact\t\t", "invisible"),
    ("no such cue\tREMOVE\t\t\t\t\t\t", "not in the lexicon it extends"),
])
def test_user_lexicon_problems_name_file_and_line(tmp_path, body, message):
    user = _user(tmp_path, {"cues.tsv": body})
    with pytest.raises(LexiconError) as info:
        read_lexicon(LEXICONS, [user])
    text = str(info.value)
    assert message in text and str(user / "cues.tsv") in text


def test_user_lexicon_is_plain_data(tmp_path):
    user = _user(tmp_path, {"cues.tsv": "__import__('os').system('echo hacked')\ttrade_war\t\t6\ttech\texact\t\t"})
    lex = read_lexicon(LEXICONS, [user])          # accepted as a (silly) phrase: nothing is evaluated
    assert any(c.phrase.startswith("__import__") for c in lex.cues)


def test_user_lexicon_folder_must_exist(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        read_lexicon(LEXICONS, [tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds none of"):
        read_lexicon(LEXICONS, [tmp_path / "empty"])


def test_cli_checks_a_user_lexicon(tmp_path, capsys):
    from tension.cli import main

    user = _user(tmp_path, {"cues.tsv": "chip war\ttrade_war\t\t6\ttech\tinflect\t\t"})
    assert main(["lexicon", "check", str(user), "--base", "shipped"]) == 0
    assert "+user.1" in capsys.readouterr().out
    assert main(["explain", "The U.S. and China are in a chip war.", "--user-lexicon", str(user), "--no-tone"]) == 0
    assert "chip war" in capsys.readouterr().out


# --- terms of office: a person's name speaks for the actor only while in office ----------------------------------

def test_in_office_terms_read_and_checked(tmp_path):
    from datetime import date

    lex = load_lexicon(LEXICONS)
    obama = next(a for a in lex.aliases if a.alias == "obama")
    assert obama.serves(date(2012, 5, 1)) and not obama.serves(date(2018, 5, 1)) and obama.serves(None)
    trump = next(a for a in lex.aliases if a.alias == "trump")
    assert trump.serves(date(2019, 1, 1)) and not trump.serves(date(2023, 1, 1)) and trump.serves(date(2030, 1, 1))
    china = next(a for a in lex.aliases if a.alias == "china")
    assert china.in_office == () and china.serves(date(1900, 1, 1))
    user = _user(tmp_path, {"actors.tsv": "Old Leader\tUSA\tleader\texact\tme\tn\t2001-01-01\nNew\tUSA\tleader\texact\tme\tn\t2001-01-01:2002-13-01"})
    (user / "actors.tsv").write_text((user / "actors.tsv").read_text().replace("source\tnote", "source\tnote\tin_office"))
    with pytest.raises(LexiconError) as info:
        read_lexicon(LEXICONS, [user])
    assert str(info.value).count("is not a list of date ranges") == 2


# --- a cue that names an actor as a whole (cues.tsv "names" column) ------------------------------------------

def test_cue_names_column_stands_for_its_actor(tmp_path):
    import tension

    lex = load_lexicon(LEXICONS)
    sale = next(a for a in lex.aliases if a.alias == "arms sale to taiwan")
    assert (sale.actor, sale.kind) == ("CHN", "institution")          # written once, on the cue's row
    assert next(a for a in lex.aliases if a.alias == "rocket man").kind == "leader"
    s = tension.Scorer(config=tension.Config(tone=False))
    d = s.score("U.S. approves arms sale to Taiwan", date="2019-07-08")
    assert d.dyads["us_china"].tension > 0                             # aimed at Beijing, not Taipei
    user = _user(tmp_path, {"cues.tsv": "ship sale to taiwan\tmilitary_threat\tact\t4\tsecurity\texact\tme\tn\tCHN\n"
                                        "jet sale to taiwan\tmilitary_threat\tact\t4\tsecurity\texact\tme\tn\tXYZ institution\n"
                                        "gun sale to taiwan\tmilitary_threat\tact\t4\tsecurity\texact\tme\tn\tCHN monarch",
                            "actors.tsv": "ship sale to Taiwan\tCHN\tinstitution\texact\tme\tn"})
    (user / "cues.tsv").write_text((user / "cues.tsv").read_text().replace("source\tnote", "source\tnote\tnames"))
    with pytest.raises(LexiconError) as info:
        read_lexicon(LEXICONS, [user])
    text = str(info.value)
    assert text.count("is not an actor code of actors.tsv and a kind") == 2 and "is also an alias in actors.tsv" in text


def test_out_of_office_names_do_not_act_for_their_side():
    import tension

    s = tension.Scorer(config=tension.Config(tone=False))
    text = "Pompeo criticizes North Korea over its missile launches."
    assert s.score(text, date="2019-03-01").dyads["us_dprk"].tension > 0        # Secretary of State then
    later = s.score(text, date="2022-03-01").dyads["us_dprk"]                 # a private citizen by then:
    assert all(h.cue != "criticize" for h in later.hits)                      # his criticism is not the US's
    assert s.score(text).dyads["us_dprk"].tension > 0                         # no date: nothing to tell


@pytest.mark.parametrize(("word", "expected"), [
    ("permit", ("permit", "permits", "permitted", "permitting")),
    ("transfer", ("transfer", "transfers", "transferred", "transferring")),
    ("control", ("control", "controls", "controlled", "controlling")),
    ("let", ("let", "lets", "letting")),
    ("forget", ("forget", "forgets", "forgot", "forgotten", "forgetting")),
    ("visit", ("visit", "visits", "visited", "visiting")),  # stressed on the first syllable: no doubling
    ("cancel", ("cancel", "cancels", "cancelled", "cancelling", "canceled", "canceling")),
    ("scrap", ("scrap", "scraps", "scrapped", "scrapping")),
])
def test_inflections_double_the_consonant_only_where_english_does(word: str, expected: tuple[str, ...]) -> None:
    from tension.cues import inflections
    assert inflections(word) == expected
