"""Instruments as data: the TOML files in `instruments/`, parsed strictly into immutable objects."""

from app.instruments.model import Domain, Instrument, Item, Level, Scale, Text
from app.instruments.parse import InstrumentError, Problem, load_directory, load_file

__all__ = [
    "Domain",
    "Instrument",
    "InstrumentError",
    "Item",
    "Level",
    "Problem",
    "Scale",
    "Text",
    "load_directory",
    "load_file",
]
