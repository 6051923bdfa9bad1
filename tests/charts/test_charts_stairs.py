"""The stairs drawn at any size: a step per level on the 1–5 scale, names capped per step."""

import struct

from app.charts import render_chart
from app.charts.stairs import MAX_NAMES, MAX_STEPS, NAME_LINES, layout, name_lines
from app.charts.wording import ENGLISH, THAI
from app.numbers import half_up
from app.scoring import Level, item_stairs, step_groups

TAMBONS = ("บางจาก", "ท่าไร่", "ปากพูน", "นาเคียน")


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def province(people: int):
    """`people` facilitators: everyone at level 4 but every tenth at 2.5; target 5."""
    levels = {i: {"K1": Level(2.5 if i % 10 == 0 else 4, 5)} for i in range(people)}
    labels = {i: f"คนที่{i} ({TAMBONS[i % 4]})" for i in range(people)}
    return item_stairs(levels, "K1"), labels


def test_four_hundred_people_make_two_steps_with_capped_names():
    stairs, labels = province(400)
    drawn, _ = layout(step_groups(stairs), labels, THAI)
    assert [(d.group.number, d.group.current, len(d.group.units)) for d in drawn] == [
        (1, 4, 360),
        (2, 2.5, 40),
    ]
    for d in drawn:
        assert 1 <= len(d.names) <= NAME_LINES
        text = " ".join(d.names)
        shown = text.count("คนที่")
        assert 1 <= shown <= MAX_NAMES
        # The rest are counted, so shown + more is everyone on the step.
        assert text.endswith(f"+ อีก {len(d.group.units) - shown}")
        # Each name carries its tambon, never split from it.
        assert all(f"({tambon})" in text for tambon in TAMBONS[:1])
        assert "(\n" not in "\n".join(d.names)


def test_two_people_are_named_in_full_without_more():
    levels = {1: {"K1": Level(3.4, 4)}, 2: {"K1": Level(3.15, 5)}}
    drawn, height = layout(
        step_groups(item_stairs(levels, "K1")), {1: "สมศรี (บางจาก)", 2: "น้ำฝน (ท่าไร่)"}, ENGLISH
    )
    assert [d.names for d in drawn] == [("สมศรี (บางจาก)",), ("น้ำฝน (ท่าไร่)",)]
    assert drawn[0].middle < drawn[1].middle < height
    # 3.4 and 3.15 are two steps, and written apart (halves up, as spreadsheets round).
    assert [str(half_up(d.group.current)) for d in drawn] == ["3.40", "3.15"]


def test_a_step_names_as_many_as_fit_in_its_lines():
    long = [f"ชื่อยาวมากเป็นพิเศษของผู้ตอบคนที่{i} (ตำบลที่อยู่ไกลมาก)" for i in range(10)]
    lines = name_lines(long, ENGLISH)
    assert len(lines) <= NAME_LINES
    shown = " ".join(lines).count("ชื่อยาว")
    assert shown < 10 and " ".join(lines).endswith(f"+ {10 - shown} more")


def test_the_height_follows_the_lines_of_names_not_the_people():
    # 3 single-name steps: 3 × (1 + 0.8) lines × 0.17 in + 1.5 in is under the 2.6 in least.
    levels = {i: {"K1": Level(i + 1, 5)} for i in range(3)}
    assert png_size(render_chart("stairs", "png", stairs=item_stairs(levels, "K1"),
                                 unit_labels={}, title="x")) == (800, 260)  # fmt: skip
    # 400 people on 2 steps of 3 lines: 1.5 + 0.17 × 2 × 3.8 = 2.792 in, the same as 4000.
    stairs, labels = province(400)
    four_hundred = png_size(render_chart("stairs", "png", stairs=stairs, unit_labels=labels,
                                         title="x"))  # fmt: skip
    assert four_hundred == (800, 279)
    stairs, labels = province(4000)
    assert png_size(render_chart("stairs", "png", stairs=stairs, unit_labels=labels,
                                 title="x")) == four_hundred  # fmt: skip


def test_more_steps_than_drawn_are_counted_not_drawn():
    levels = {i: {"K1": Level(1 + i / 100, 5)} for i in range(MAX_STEPS + 5)}
    stairs = item_stairs(levels, "K1")
    drawn, _ = layout(step_groups(stairs)[:MAX_STEPS], {}, THAI)
    assert len(drawn) == MAX_STEPS
    many = render_chart("stairs", "png", stairs=stairs, unit_labels={}, title="x")
    capped = {i: levels[i] for i in range(MAX_STEPS + 5) if i >= 5}  # only the top 40
    top = render_chart("stairs", "png", stairs=item_stairs(capped, "K1"), unit_labels={}, title="x")
    assert png_size(many) == png_size(top)  # same steps drawn …
    assert many != top  # … but the first says 5 more steps are in the table


def test_each_name_is_written_with_its_tambon(chart_inputs):
    labels = {1: "สมศรี (บางจาก)", 2: "ประเสริฐ (บางจาก)", 3: "น้ำฝน (ท่าไร่)"}
    inputs = {**chart_inputs["stairs"], "unit_labels": labels}
    svg = render_chart("stairs", "svg", **inputs).decode()
    # K1: น้ำฝน 4, ประเสริฐ 3, สมศรี 2: three steps, each one name with its tambon.
    for number, label in enumerate(["น้ำฝน (ท่าไร่)", "ประเสริฐ (บางจาก)", "สมศรี (บางจาก)"], 1):
        assert f"<!-- {label} -->" in svg
        assert f"<!-- ขั้นที่ {number} (1) -->" in svg
