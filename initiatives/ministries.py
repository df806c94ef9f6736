"""Which ministries a sector's measures usually touch: the measure form suggests them for a
municipal or county measure (short names, as in ``departementer.csv``)."""

from __future__ import annotations

from .models import Sector

SECTOR_MINISTRIES: dict[str, tuple[str, ...]] = {
    Sector.HELSE_OMSORG: ("HOD",),
    Sector.OPPVEKST_SKOLE: ("KD",),
    Sector.NAV_VELFERD: ("AID",),
    Sector.BARNEVERN: ("BFD",),
    Sector.KULTUR: ("KUD",),
    Sector.TEKNISK: ("KDD",),
    Sector.STATLIG_FORVALTNING: ("DFD",),
}


def suggested_for(sector: str, ministries_by_short_name: dict) -> list:
    """The ministries suggested for ``sector`` among ``ministries_by_short_name``."""
    return [
        ministries_by_short_name[short]
        for short in SECTOR_MINISTRIES.get(sector, ())
        if short in ministries_by_short_name
    ]
