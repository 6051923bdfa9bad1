"""Fictional demo data: the three pilot tambons of seed 001 and invented facilitators.

The people are made up; the places and roles are those of the project in seed 001
(Mueang Nakhon Si Thammarat, three facilitators per tambon in three roles).
"""

from datetime import date

PROVINCE = ("นครศรีธรรมราช", "Nakhon Si Thammarat")
DISTRICT = ("เมืองนครศรีธรรมราช", "Mueang Nakhon Si Thammarat")
TAMBONS = {
    "บางจาก": "Bang Chak",
    "ท่าไร่": "Tha Rai",
    "มะม่วงสองต้น": "Mamuang Song Ton",
}

# (tambon, name, agency, team, roles); team "v" are community leaders in training.
FACILITATORS = (
    ("บางจาก", "สุนีย์ ทองประเสริฐ", "พช.", "u", ("coordination",)),
    ("บางจาก", "ประเสริฐ แก้วมณีวงศ์", "อบต.บางจาก", "u", ("meeting_process",)),
    ("บางจาก", "วิไลวรรณ ศรีสุขสวัสดิ์", "กศน.", "u", ("recording",)),
    ("บางจาก", "อารีย์ ชูช่วยชาติ", "กองทุนหมู่บ้าน หมู่ที่ 7", "v", ("recording",)),
    ("ท่าไร่", "จันทร์เพ็ญ รักษ์ดีงาม", "พช.", "u", ("coordination",)),
    ("ท่าไร่", "สมชาย ใจงามยิ่ง", "เครือข่ายออมทรัพย์", "u", ("meeting_process", "coordination")),
    ("ท่าไร่", "นันทนา บุญมาเยือน", "ออมสิน", "u", ("recording",)),
    ("มะม่วงสองต้น", "ฮาลีมะห์ สะมะแอดี", "พอช.", "u", ("coordination",)),
    ("มะม่วงสองต้น", "ธนพล บุญเรืองรอง", "ธกส.", "u", ("meeting_process",)),
    ("มะม่วงสองต้น", "กัลยา เพชรรัตนกุล", "กศน.", "u", ("recording",)),
    ("มะม่วงสองต้น", "อับดุลเลาะห์ ยูโซะมะ", "กลุ่ม กขคจ.", "v", ("meeting_process",)),
)

INSTRUMENT = "facilitator-competency"
# (name, held on, join code, open, team answering); six months apart: look back, look forward.
ROUNDS = (
    ("รอบที่ 1 ประเมินตนเองครั้งแรก", date(2026, 5, 16), "DEMO25", False),
    ("รอบที่ 2 เหลียวหลัง แลหน้า", date(2026, 11, 14), "DEMO26", True),
)

# Notes a few facilitators gave for their level: the raw material of knowledge assets.
NOTES = {
    ("สุนีย์ ทองประเสริฐ", "S3"): "ประสานกับ ธกส. และ อบต. ให้มาร่วมเวทีที่ศาลาวัดได้ แต่ยังไม่ได้ทำเป็นแผนประจำ",
    ("ประเสริฐ แก้วมณีวงศ์", "S7"): "จัดเวทีที่ที่ทำการกองทุนหมู่ที่ 7 ให้ทุกหมู่แยกกลุ่มตั้งเป้าหมายแล้วนำมาเสนอรวม",
    ("วิไลวรรณ ศรีสุขสวัสดิ์", "K2"): "ยังไม่มั่นใจเรื่องงบทดลองของกองทุน อยากเรียนจากหมู่ที่ 7",
    ("สมชาย ใจงามยิ่ง", "S4"): "เวทีเครือข่ายออมทรัพย์มีการถกเถียงกันมาก ต้องฝึกการดึงบรรยากาศให้กลับมาเป็นกันเอง",
    ("ฮาลีมะห์ สะมะแอดี", "K3"): "รู้จักผู้นำศาสนาและกลุ่มสัจจะวันละ 1 บาทของทุกหมู่",
    ("กัลยา เพชรรัตนกุล", "S8"): "สรุปประเด็นบนกระดานได้ แต่ยังดึงเวทีกลับเข้าเรื่องไม่ทัน",
}

COORDINATORS = (
    # (username, display name, admin, tambons)
    ("admin", "ผู้ดูแลระบบ (ตัวอย่าง)", True, ()),
    ("bangchak", "ผู้ประสานงานตำบลบางจาก (ตัวอย่าง)", False, ("บางจาก",)),
)
DEMO_PASSWORD = "demo-freedom-table"  # demo accounts only; printed by `make run`
