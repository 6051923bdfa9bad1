"""Where facilitators work: province (จังหวัด) > district (อำเภอ) > tambon (ตำบล)."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


class BilingualName:
    """A place with a Thai and an English name."""

    name_th: Mapped[str]
    name_en: Mapped[str]

    def name_in(self, lang: str) -> str:
        """The name in `lang` ("th" or "en"), Thai when there is no English."""
        return self.name_en if lang == "en" and self.name_en else self.name_th


class Province(BilingualName, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")

    districts: Mapped[list["District"]] = relationship(back_populates="province")


class District(BilingualName, db.Model):
    __table_args__ = (UniqueConstraint("province_id", "name_th"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    province_id: Mapped[int] = mapped_column(ForeignKey("province.id"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")

    province: Mapped[Province] = relationship(back_populates="districts")
    tambons: Mapped[list["Tambon"]] = relationship(back_populates="district")


class Tambon(BilingualName, db.Model):
    __table_args__ = (UniqueConstraint("district_id", "name_th"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")

    district: Mapped[District] = relationship(back_populates="tambons")

    def __repr__(self) -> str:
        return f"<Tambon {self.id} {self.name_th}>"
