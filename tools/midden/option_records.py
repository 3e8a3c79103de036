"""Typed records shared by the plant-option modules (options, money, option_effects)."""
from dataclasses import dataclass, field


class NotMapped(Exception):
    """An alternative configuration that cannot become a plant option; the reason is
    listed in import_report.txt."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Baseline:
    """A plant's base profile as written in plants.csv: options are relative to it."""
    pid: str
    sector: str
    sections: list              # usable base-configuration Sections
    base_tc: set                # their tc ids
    capacity_t: float
    production_t: float
    feedstock_gj: float
    fuel_heat_gj: float         # gas - feedstock + other fuel
    gross_co2_t: float          # combustion + process
    heat_shares: list           # low, mid, high
    process_co2_t: float | None  # modelled process CO2 of the base configuration

    @classmethod
    def of(cls, record):
        """Baseline of a PlantRecord."""
        n = record.number
        gas, feed, other = n("gas_gj"), n("feedstock_gas_gj"), n("other_fuel_gj")
        profile = record.profile
        return cls(pid=record.id, sector=record.sector, sections=profile.sections,
                   base_tc={s.tc.id for s in profile.sections},
                   capacity_t=n("capacity_t"), production_t=n("production_t"),
                   feedstock_gj=feed, fuel_heat_gj=gas - feed + other,
                   gross_co2_t=n("co2_combustion_t") + n("co2_process_t"),
                   heat_shares=[n("heat_share_low"), n("heat_share_mid"), n("heat_share_high")],
                   process_co2_t=profile.balance.co2_process if profile.balance else None)


@dataclass
class Configuration:
    """An alternative configuration of one plant: its pcd rows and the option-name stem."""
    name: str
    rows: list
    stem: str

    @property
    def ids(self):
        return ",".join(r["configuration_id"] for r in self.rows)

    @property
    def techs(self):
        return " | ".join(str(r.get("technology") or "") for r in self.rows)


@dataclass
class OptionDraft:
    """An option being built: its plant, configuration, kind, the reason of the kind, and
    the notes and ESTIMATEs its source will list (in the order they arise)."""
    base: Baseline
    cfg: Configuration
    kind: str
    why: str
    notes: list = field(default_factory=list)
    est: list = field(default_factory=list)

    @property
    def label(self):
        """'<plant> <stem>', how clamps are reported."""
        return f"{self.base.pid} {self.cfg.stem}"


@dataclass
class OptionsLog:
    """What building the plant options produced, for plant_options.csv and the report."""
    rows: list = field(default_factory=list)
    mapped: list = field(default_factory=list)       # (plant, name, kind, pcd ids)
    unmapped: list = field(default_factory=list)     # (plant, config, pcd ids, reason)
    clamps: list = field(default_factory=list)
    doubtful: list = field(default_factory=list)     # above 5x the catalogue, not reviewed
    reviewed: list = field(default_factory=list)     # above 5x, explained by reviewed_scope.csv
    corrected_by: dict = field(default_factory=dict)  # (tc id, 'inv'/'om') -> plants using it
    tc_ids: set = field(default_factory=set)         # tc records of the mapped options
    alternative_rows: int = 0
