"""`flask report ROUND [--tambon T] [--lang th|en] -o FILE.pdf`."""

import pytest

from tests.report.pdf_text import page_texts


def test_the_command_writes_the_pdf(runner, tiny, tmp_path):
    out = tmp_path / "report.pdf"
    result = runner.invoke(args=["report", "later", "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "2 tambon pages" in result.output
    texts = page_texts(out.read_bytes())
    assert "Report to the provincial governor" in texts[0] and "14 Nov 2026" in texts[0]
    assert sum(t.startswith("Tambon ") for t in texts) == 2


def test_one_tambon(runner, tiny, tmp_path):
    out = tmp_path / "bang-chak.pdf"
    args = ["report", str(tiny.later), "--tambon", str(tiny.bang_chak), "--lang", "en"]
    result = runner.invoke(args=[*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    texts = page_texts(out.read_bytes())
    assert [t.split(" ·")[0] for t in texts if t.startswith("Tambon ")] == ["Tambon Bang Chak"]
    assert not any("Tha Rai" in t or "มานี" in t for t in texts)


@pytest.mark.parametrize(
    "args, message",
    [
        (["NOPE"], "no round with id or join code"),
        (["LATER", "--tambon", "x"], "is not the id of a tambon"),
        (["LATER", "--tambon", "PAK_PHUN"], "is not the id of a tambon"),  # not in the round
        (["LATER", "--lang", "fr"], "'fr' is not one of"),
    ],
)
def test_bad_options_are_refused_and_write_nothing(runner, tiny, tmp_path, args, message):
    args = [str(tiny.pak_phun) if a == "PAK_PHUN" else a for a in args]
    out = tmp_path / "x.pdf"
    result = runner.invoke(args=["report", *args, "-o", str(out)])
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.parametrize("name", ["missing/x.pdf", "x.txt"])
def test_a_bad_output_path_is_refused(runner, tiny, tmp_path, name):
    out = tmp_path / name
    result = runner.invoke(args=["report", "LATER", "-o", str(out)])
    assert result.exit_code != 0 and "-o" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_name_the_system_refuses_is_said_and_leaves_nothing(runner, tiny, tmp_path):
    out = tmp_path / ("a" * 300 + ".pdf")  # longer than a file name may be
    result = runner.invoke(
        args=["report", "LATER", "--tambon", str(tiny.bang_chak), "-o", str(out)]
    )
    assert result.exit_code == 1 and "cannot write" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert list(tmp_path.iterdir()) == []  # no partial file left behind
