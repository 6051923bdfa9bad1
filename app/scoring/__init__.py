"""Scoring of the freedom table: plain Python, no Flask, no database, no I/O.

Inputs are `Answer`, `Person` and expected levels (see facts.py); outputs are frozen
dataclasses and tuples in a documented, deterministic order.
"""

from app.instruments.model import ROLES  # the one role table: the instrument's

from .facts import LEARNER_MIN_GAP, Answer, ExpectedLevels, Person, roster
from .gaps import GapMatrix, GapRow, by_priority, gap_matrix, priority_key, training_list
from .levels import Level, LevelTable, UnitKey, person_levels, team_levels
from .pairing import (
    DEFAULT_CAP,
    LevelCounts,
    Pair,
    Pairing,
    TaughtElsewhere,
    TrainingNeed,
    Waiting,
    pair_learners,
    taught_elsewhere,
)
from .plan import PlanRow, TrainingPlan, training_plan
from .profile import ItemProfile, TeamProfile, round_profile, team_profiles
from .progress import (
    ItemChange,
    ItemMeans,
    PersonProgress,
    Progress,
    TeamItemProgress,
    progress,
)
from .river import River, RiverBand, RiverLine, river, widest_items
from .stairs import (
    ItemStairs,
    Stairs,
    Standing,
    Step,
    StepGroup,
    item_stairs,
    overall_order,
    stairs,
    step_groups,
)

__all__ = [
    "DEFAULT_CAP",
    "LEARNER_MIN_GAP",
    "ROLES",
    "Answer",
    "ExpectedLevels",
    "GapMatrix",
    "GapRow",
    "ItemChange",
    "ItemMeans",
    "ItemProfile",
    "ItemStairs",
    "Level",
    "LevelCounts",
    "LevelTable",
    "Pair",
    "Pairing",
    "Person",
    "PersonProgress",
    "PlanRow",
    "Progress",
    "River",
    "RiverBand",
    "RiverLine",
    "Stairs",
    "Standing",
    "Step",
    "StepGroup",
    "TaughtElsewhere",
    "TeamItemProgress",
    "TeamProfile",
    "TrainingNeed",
    "TrainingPlan",
    "UnitKey",
    "Waiting",
    "by_priority",
    "gap_matrix",
    "item_stairs",
    "overall_order",
    "pair_learners",
    "person_levels",
    "priority_key",
    "progress",
    "river",
    "roster",
    "round_profile",
    "stairs",
    "step_groups",
    "taught_elsewhere",
    "team_levels",
    "team_profiles",
    "training_list",
    "training_plan",
    "widest_items",
]
