"""The names of a tambon's place as a file or page prints them: province, district, tambon."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """Province, district and tambon names, each as (Thai, English)."""

    province: tuple[str, str]
    district: tuple[str, str]
    tambon: tuple[str, str]

    def names(self, lang: str) -> tuple[str, str, str]:
        """The three names in `lang`, Thai where there is no English."""
        pick = 1 if lang == "en" else 0
        return tuple(n[pick] or n[0] for n in (self.province, self.district, self.tambon))
