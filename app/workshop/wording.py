"""What an import did, in the user's language (the upload page's report)."""

from flask_babel import gettext as _
from flask_babel import ngettext

from app.workshop.merge import Merged


def report(merged: Merged, *, dry_run: bool) -> list[str]:
    """One line per kind of change; a dry run says that nothing was written."""
    lines = [_people_line(merged), _responses_line(merged)]
    if merged.kept:
        lines.append(
            _(
                "A later answer on this server still counts for: %(names)s.",
                names=", ".join(merged.kept),
            )
        )
    if merged.redated:
        lines.append(
            ngettext(
                "%(num)d submission was dated after the import by the laptop's clock: it is "
                "dated at the import.",
                "%(num)d submissions were dated after the import by the laptop's clock: they "
                "are dated at the import.",
                merged.redated,
            )
        )
    if merged.links_kept_here:
        lines.append(
            _(
                "The personal link from the workshop does not open these answers here; they "
                "keep this server's link: %(names)s.",
                names=", ".join(merged.links_kept_here),
            )
        )
    if dry_run:
        lines.append(_("Only checked: nothing was written."))
    elif not merged.changed:
        lines.append(_("Nothing new: these answers were already here."))
    return lines


def _people_line(merged: Merged) -> str:
    added = ngettext(
        "%(num)d person added to the roster",
        "%(num)d people added to the roster",
        len(merged.people_added),
    )
    if merged.people_added:
        added += f" ({', '.join(merged.people_added)})"
    matched = ngettext(
        "%(num)d person found on the roster",
        "%(num)d people found on the roster",
        len(merged.people_matched),
    )
    return f"{added}; {matched}."


def _responses_line(merged: Merged) -> str:
    return _(
        "Responses added: %(added)d, updated: %(updated)d; revisions added: %(revisions)d, "
        "already here: %(skipped)d.",
        added=merged.responses_added,
        updated=merged.responses_updated,
        revisions=merged.revisions_added,
        skipped=merged.revisions_skipped,
    )
