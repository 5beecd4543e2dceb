"""What a bulk run keeps beside its letters for a while: lookup tables on disk (a dict's behaviour, gone when
closed or at the next run) and half-written files (gone at the next run)."""

import pytest

from generator.bulk import schijftabel
from generator.bulk.schijftabel import SchijfTabel


def _tabellen(map_):
    return sorted(p.name for p in map_.glob(schijftabel.VOORVOEGSEL + "*"))


def test_a_later_value_wins_and_a_missing_key_gives_the_default(tmp_path):
    with SchijfTabel(tmp_path) as tabel:
        tabel.zet_veel([("V-1", 1), ("V-2", 2), ("V-1", 3)])
        tabel.zet("V-2", 4)
        assert (tabel.get("V-1"), tabel.get("V-2"), tabel.get("V-3"), tabel.get("V-3", -1)) == (3, 4, None, -1)
        assert "V-1" in tabel and "V-3" not in tabel and len(tabel) == 2


def test_pop_removes_the_key_and_gives_its_value(tmp_path):
    with SchijfTabel(tmp_path, waarden=2) as tabel:
        tabel.zet("V-1", ("ab", "gemaakt"))
        assert tabel.pop("V-1") == ("ab", "gemaakt")
        assert tabel.pop("V-1", "weg") == "weg" and "V-1" not in tabel and len(tabel) == 0


def test_a_key_of_two_columns_matches_only_as_a_whole(tmp_path):
    with SchijfTabel(tmp_path, sleutels=2, waarden=2) as tabel:
        tabel.zet_veel([(("V-1", "aa"), ("bb", 7)), (("V-1", "cc"), ("dd", 8)), (("V-1", "aa"), ("ee", 9))])
        assert tabel.get(("V-1", "aa")) == ("ee", 9) and tabel.get(("V-1", "cc")) == ("dd", 8)
        assert tabel.get(("V-1", "bb")) is None and tabel.get(("V-1", None)) is None


def test_the_table_lives_in_the_folder_it_was_given_and_goes_when_closed(tmp_path):
    tabel = SchijfTabel(tmp_path)
    tabel.zet("V-1", 1)
    assert len(_tabellen(tmp_path)) == 1
    tabel.sluit()
    assert _tabellen(tmp_path) == []
    tabel.sluit()                                 # a second close does nothing


def test_a_table_dropped_without_closing_is_removed_too(tmp_path):
    SchijfTabel(tmp_path).zet("V-1", 1)           # no reference left: removed at once (CPython) or at exit
    assert _tabellen(tmp_path) == []


def test_ruim_op_removes_what_a_killed_run_left_and_nothing_else(tmp_path):
    achtergelaten = tmp_path / f"{schijftabel.VOORVOEGSEL}k1ll3d"
    achtergelaten.mkdir()
    (achtergelaten / "tabel.sqlite").write_bytes(b"x" * 100)
    (tmp_path / "brief.docx").write_bytes(b"brief")
    schijftabel.ruim_op(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


@pytest.mark.parametrize("aantal", [0, 5_000])
def test_many_rows_go_in_and_come_back(tmp_path, aantal):
    with SchijfTabel(tmp_path) as tabel:
        tabel.zet_veel((f"rij-{n:06d}", n) for n in range(aantal))
        assert len(tabel) == aantal
        assert all(tabel.get(f"rij-{n:06d}") == n for n in range(0, aantal, 97))


def test_a_rerun_removes_half_written_files_and_keeps_everything_else(tmp_path):
    """What `atomisch` leaves when the process is killed while writing (.NAME.XXXX.tmp) goes; letters, the journal
    and a folder that happens to end in .tmp stay."""
    from generator.vullen.bestanden import atomisch, ruim_halve_op

    with pytest.raises(KeyboardInterrupt), atomisch(tmp_path / "brief.docx") as bestand:
        bestand.write(b"half")
        half = next(tmp_path.glob(".brief.docx.*.tmp"))
        raise KeyboardInterrupt
    assert not half.exists()                      # cleaned by atomisch itself; a kill -9 would have left it
    half.write_bytes(b"half")
    (tmp_path / ".sjabloon-bulk-journaal.jsonl").write_text("{}\n")
    (tmp_path / "V-1_brief.docx").write_bytes(b"heel")
    (tmp_path / ".map.tmp").mkdir()
    ruim_halve_op(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".map.tmp", ".sjabloon-bulk-journaal.jsonl", "V-1_brief.docx"]
