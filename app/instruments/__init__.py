"""Instruments as data: the TOML files in `instruments/`, parsed strictly into immutable objects."""

from app.instruments.model import Domain, Instrument, Item, Scale, ScaleLevel, Text
from app.instruments.parse import InstrumentError, Problem, load_directory, load_file

__all__ = [
    "Domain",
    "Instrument",
    "InstrumentError",
    "Item",
    "Problem",
    "Scale",
    "ScaleLevel",
    "Text",
    "load_directory",
    "load_file",
]
