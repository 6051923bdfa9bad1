"""The words drawn on charts, in Thai (default) or English; the caller picks."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wording:
    """Legend and axis words of the charts; `respondents` is formatted with n=."""

    current: str = "ระดับปัจจุบัน"
    target: str = "ระดับเป้าหมาย"
    expected: str = "ระดับที่คาดหวัง"
    gap: str = "ช่องว่าง"
    mean: str = "ค่าเฉลี่ย"
    river: str = "ธารปัญญา (ต่ำสุด–สูงสุด)"
    target_band: str = "ช่วงเป้าหมาย"
    widest: str = "กว้างที่สุด: แลกเปลี่ยนได้มาก"
    level: str = "ระดับ"
    no_answers: str = "ยังไม่มีคำตอบ"
    respondents: str = "ผู้ตอบ {n} คน"
    step: str = "ขั้นที่ {number} ({n})"
    more_units: str = "+ อีก {n}"
    more_steps: str = "+ อีก {steps} ขั้น ({n}) ในตารางใต้ภาพ"
    step_target: str = "เป้าหมายเฉลี่ยของขั้น"


THAI = Wording()

ENGLISH = Wording(
    current="current level",
    target="target level",
    expected="expected level",
    gap="gap",
    mean="mean",
    river="river (lowest–highest)",
    target_band="target band",
    widest="widest: most to share",
    level="level",
    no_answers="no answers yet",
    respondents="{n} respondents",
    step="step {number} ({n})",
    more_units="+ {n} more",
    more_steps="+ {steps} lower steps ({n}) in the table below",
    step_target="mean target of the step",
)
