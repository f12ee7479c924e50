"""Charts of stances over time, drawn as inline SVG so they need no JavaScript and no network.

``stance_chart`` turns monthly counts into a stacked bar chart on a time axis: one bar per
month, support in green at the bottom, then oppose in red, then neutral in grey. Months with
nothing are still drawn as months, and the axis spans at least a year, so one busy month is
one narrow bar in its place rather than a block across the chart. Every label goes through
XML escaping, so a stakeholder or topic name can never inject markup into the page.
"""
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

SIDES = ("support", "oppose", "neutral")
COLOURS = {"support": "#1a7f37", "oppose": "#c62828", "neutral": "#9e9e9e"}

WIDTH = 640
HEIGHT = 220
MARGIN_LEFT = 36
MARGIN_BOTTOM = 40
MARGIN_TOP = 28
MIN_MONTHS = 12
MAX_BAR_WIDTH = 24


@dataclass(frozen=True)
class MonthCounts:
    """How many articles showed each side in one month ("YYYY-MM")."""
    month: str
    support: int = 0
    oppose: int = 0
    neutral: int = 0

    def total(self) -> int:
        """Articles counted this month, whatever their side."""
        return self.support + self.oppose + self.neutral


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive ("YYYY-MM"), so gaps show as empty bars."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def fill_gaps(counts: list[MonthCounts]) -> list[MonthCounts]:
    """The counts in month order with an empty entry for each month between the first and the last."""
    if not counts:
        return []
    by_month = {count.month: count for count in counts}
    ordered = sorted(by_month)
    return [by_month.get(month, MonthCounts(month)) for month in months_between(ordered[0], ordered[-1])]


def month_before(month: str) -> str:
    """The month before ``month`` ("YYYY-MM")."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if number == 1 else f"{year:04d}-{number - 1:02d}"


def time_axis(counts: list[MonthCounts], at_least: int = MIN_MONTHS) -> list[MonthCounts]:
    """The counts on a time axis: every month to the last one, reaching back ``at_least`` months at least."""
    months = fill_gaps(counts)
    while months and len(months) < at_least:
        months.insert(0, MonthCounts(month_before(months[0].month)))
    return months


def stance_chart(counts: list[MonthCounts], title: str) -> str:
    """An SVG stacked bar chart of ``counts`` with a legend, or a short note when there is nothing to draw."""
    months = time_axis(counts)
    if not months:
        return f'<p class="stance-chart-empty">No stances on {escape(title)} yet.</p>'
    tallest = max(month.total() for month in months) or 1
    plot_width = WIDTH - MARGIN_LEFT - 8
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_width / len(months)
    bar_width = min(MAX_BAR_WIDTH, max(2.0, slot * 0.7))
    parts = [
        f'<svg class="stance-chart" role="img" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<text x="{MARGIN_LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{MARGIN_LEFT}" y1="{HEIGHT - MARGIN_BOTTOM}" x2="{WIDTH - 8}" y2="{HEIGHT - MARGIN_BOTTOM}" stroke="#333"/>',
        f'<text x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}" font-size="11" text-anchor="end">{tallest}</text>',
        f'<text x="{MARGIN_LEFT - 6}" y="{HEIGHT - MARGIN_BOTTOM}" font-size="11" text-anchor="end">0</text>',
    ]
    label_every = max(1, round(len(months) / 8))
    for index, month in enumerate(months):
        x = MARGIN_LEFT + index * slot + (slot - bar_width) / 2
        y = HEIGHT - MARGIN_BOTTOM
        for side in SIDES:
            count = getattr(month, side)
            if not count:
                continue
            height = plot_height * count / tallest
            y -= height
            parts.append(
                f'<rect class="bar-{side}" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{height:.1f}" '
                f'fill="{COLOURS[side]}"><title>{month.month}: {count} {side}</title></rect>')
        if index % label_every == 0:
            parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 14}" font-size="10" '
                         f'text-anchor="middle">{month.month}</text>')
    legend_x = MARGIN_LEFT
    for side in SIDES:
        parts.append(f'<rect x="{legend_x}" y="{HEIGHT - 14}" width="10" height="10" fill="{COLOURS[side]}"/>'
                     f'<text x="{legend_x + 14}" y="{HEIGHT - 5}" font-size="11">{side}</text>')
        legend_x += 80
    parts.append("</svg>")
    return "".join(parts)
