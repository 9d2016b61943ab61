"""Charts of money and deadlines (matplotlib), made from the tables of kg.views.tables.

`funding_chart`: who funds what, one bar per (funder, project, year), in one currency where the
articles allow it (amounts without a stated conversion are listed, not guessed). `target_timeline`:
targets placed on their deadline year, coloured by the type of their owner.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kg.views.draw import color_of, save


def _scale(values: list[float]) -> tuple[float, str]:
    top = max(values, default=0.0)
    for factor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if top >= factor:
            return factor, word
    return 1.0, ""


def _money(value: float, currency: str) -> str:
    factor, word = _scale([value])
    return f"{value / factor:,.3g} {word} {currency}".replace("  ", " ")


def funding_chart(fundings: pd.DataFrame, path: Path | str | None = None, *, title: str | None = None
                  ) -> Figure:
    """Bars of `fundings_table(...)`: the value in its one currency, labelled with the stated amount."""
    df = fundings.copy()
    known = df[df["value"].notna()]
    unknown = df[df["value"].isna()]
    currency = str(df["currency"].iloc[0]) if len(df) else ""
    factor, word = _scale([float(v) for v in known["value"]])
    height = max(2.2, 0.6 * len(known) + 1.4 + 0.25 * len(unknown))
    fig, ax = plt.subplots(figsize=(11, height))
    labels = [textwrap.fill(f"{r.funder} → {r.project}" + (f" ({r.year})" if pd.notna(r.year) else ""), 48)
              for r in known.itertuples()]
    y = list(range(len(known)))[::-1]
    implied = [r.basis == "implied rate" for r in known.itertuples()]
    bars = ax.barh(y, [float(v) / factor for v in known["value"]], height=0.5,
                   color=["#aec7e8" if i else color_of("GovernmentAgency") for i in implied],
                   hatch=["//" if i else "" for i in implied], edgecolor="white")
    for bar, r in zip(bars, known.itertuples(), strict=True):
        note = f"  {r.stated}"
        if r.basis != "stated":
            note += f" = {_money(r.value, r.currency)} ({r.basis})"
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, note, va="center", fontsize=9)
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlabel(f"{word} {currency}".strip(), fontsize=10)
    right = max((float(v) / factor for v in known["value"]), default=1.0)
    ax.set_xlim(0, right * 1.9)
    ax.spines[["top", "right"]].set_visible(False)
    if len(unknown):
        missing = "; ".join(f"{r.funder} → {r.project}: {r.stated}" for r in unknown.itertuples())
        fig.text(0.01, 0.01, textwrap.fill(f"No stated conversion to {currency}: {missing}", 150), fontsize=8,
                 color="#555555")
    ax.set_title(title or f"Who funds what (in {currency}, as the articles convert it)", fontsize=12)
    fig.tight_layout(rect=(0, 0.06 if len(unknown) else 0, 1, 1))
    if path is not None:
        save(fig, path)
    return fig


def target_timeline(targets: pd.DataFrame, path: Path | str | None = None, *, title: str | None = None,
                    wrap: int = 60) -> Figure:
    """`targets_table(...)` on a timeline: one row per target at its deadline year, owner in the label."""
    df = targets[targets["year"].notna()].sort_values(["year", "target"], ascending=[False, True])
    fig, ax = plt.subplots(figsize=(12, max(3.0, 0.55 * len(df) + 1.5)))
    y = list(range(len(df)))
    owner_types = [(str(t).split("; ")[0] if t else "") for t in df["owner_types"]]
    ax.scatter([int(v) for v in df["year"]], y, s=90, c=[color_of(t) for t in owner_types], zorder=3,
               edgecolors="white")
    for yi, r in zip(y, df.itertuples(), strict=True):
        owner = r.owners or "no owner stated"
        ax.annotate(textwrap.shorten(f"{r.target}  ({owner})", wrap + 40), (int(r.year), yi), xytext=(9, 0),
                    textcoords="offset points", va="center", fontsize=9)
    years = sorted({int(v) for v in df["year"]})
    if years:                       # room on the right for the labels of the last year's targets
        ax.set_xlim(years[0] - 0.5, years[-1] + max(3.0, 0.8 * (years[-1] - years[0])))
        ax.set_xticks(range(years[0], years[-1] + 1))
    ax.set_yticks([])
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.set_xlabel("deadline year")
    present = sorted({t for t in owner_types})
    ax.legend(handles=[Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=color_of(t),
                              markeredgecolor="white", label=t or "no owner") for t in present],
              title="owner type", loc="upper left", bbox_to_anchor=(0.0, -0.12), frameon=False,
              ncol=max(1, len(present)), alignment="left")
    ax.set_title(title or "Targets by deadline year, with who set them", fontsize=12)
    fig.tight_layout()
    if path is not None:
        save(fig, path)
    return fig
