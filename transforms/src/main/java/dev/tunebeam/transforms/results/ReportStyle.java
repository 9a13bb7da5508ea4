package dev.tunebeam.transforms.results;

/** The report's stylesheet, inline so the file stands alone; system fonts, nothing to load. */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS = """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif;
             color: #1f2328; background: #fff; margin: 0 auto; padding: 24px 32px; max-width: 1200px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
      .summary { color: #424a53; margin: 0; }
      .note, .muted { color: #656d76; }
      .note { margin: 4px 0 8px; }
      .table-wrap { overflow-x: auto; }
      table.leaderboard { border-collapse: collapse; font-size: 13px; width: 100%; }
      .leaderboard th, .leaderboard td { border-bottom: 1px solid #e6e8eb; padding: 4px 8px; text-align: left; vertical-align: top; white-space: nowrap; }
      .leaderboard th { background: #f6f8fa; position: sticky; top: 0; }
      .leaderboard .num { text-align: right; font-variant-numeric: tabular-nums; }
      .leaderboard td.error { white-space: pre-wrap; word-break: break-word; min-width: 16em; color: #a40e26; }
      .leaderboard tr.failed td { background: #fff5f5; }
      .leaderboard tr.skipped td { background: #f6f8fa; color: #656d76; }
      .leaderboard tbody tr:first-child:not(.failed) td { font-weight: 600; }
      svg.chart { width: 100%; height: auto; display: block; }
      svg .grid { stroke: #eaeef2; stroke-width: 1; }
      svg .axis { stroke: #8c959f; stroke-width: 1; }
      svg text { font-family: inherit; fill: #424a53; }
      svg .tick { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
      svg .axis-title, svg .panel-title { font-size: 13px; font-weight: 600; fill: #1f2328; }
      svg .series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; opacity: .9; }
      svg .series.best { stroke-width: 3.5; opacity: 1; }
      svg .series:hover, svg .pc-line:hover { stroke-width: 4; opacity: 1; }
      svg .point { stroke: #fff; stroke-width: 1; }
      svg .pc-line { fill: none; stroke-width: 1.8; opacity: .75; }
      svg .pc-line.best { stroke-width: 3.5; opacity: 1; }
      svg .ramp { stroke: #8c959f; stroke-width: .5; }
      svg .mean-bar { fill: #c9d6e8; }
      svg .trial-dot { fill-opacity: .75; stroke: #fff; stroke-width: .8; }
      svg .max-mark { fill: #e15759; }
      ol.legend { list-style: none; padding: 0; margin: 8px 0 0; columns: 3 260px; font-size: 12px; }
      ol.legend li { break-inside: avoid; margin: 2px 0; }
      .swatch { display: inline-block; width: 14px; height: 4px; border-radius: 2px; margin-right: 6px; vertical-align: middle; }
      .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 8px 16px; }
      footer { margin-top: 32px; color: #656d76; font-size: 12px; }
      """;
}
