"""`flask export`: the same files from the command line, for a round by id or join code."""

import csv

import openpyxl
import pytest


def test_export_by_join_code_writes_the_csv(runner, world, tmp_path):
    out = tmp_path / "ratings.csv"
    result = runner.invoke(args=["export", "ratings", "exp26", "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + 36 and "ป้าแจ่ม ใจดี" in {r[5] for r in rows}


def test_export_by_id_as_xlsx_in_english(runner, world, tmp_path):
    out = tmp_path / "plan.xlsx"
    args = ["export", "training-plan", str(world.round_id), "--format", "xlsx", "-o", str(out)]
    result = runner.invoke(args=[*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["training-plan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 36 and {r[5] for r in rows[1:]} == {None, "Bang Chak", "Tha Rai"}


def test_an_unknown_round_is_refused(runner, world, tmp_path):
    result = runner.invoke(args=["export", "ratings", "NOPE", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "no round with id or join code 'NOPE'" in result.output
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("name", ["missing/x.csv", "a" * 300 + ".csv"])
def test_a_path_the_system_refuses_is_said_and_leaves_nothing(runner, world, tmp_path, name):
    result = runner.invoke(args=["export", "ratings", "exp26", "-o", str(tmp_path / name)])
    assert result.exit_code == 1 and "cannot write" in result.output
    assert not isinstance(result.exception, OSError)  # a message, not a traceback
    assert list(tmp_path.iterdir()) == []  # no partial file left behind
