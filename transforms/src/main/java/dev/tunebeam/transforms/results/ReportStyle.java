package dev.tunebeam.transforms.results;

/** The report's stylesheet, inline so the file stands alone; system fonts, nothing to load. */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS =
      """
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
      .chart { width: 100%; height: 420px; }
      .chart.tall { height: 480px; }
      .controls { margin: 4px 0 8px; font-size: 13px; }
      .controls select, .controls button { font: inherit; }
      .leaderboard th.sortable { cursor: pointer; user-select: none; }
      .leaderboard th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 10px; }
      .leaderboard th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 10px; }
      .leaderboard td.files a { margin-right: 8px; }
      .noscript { color: #a40e26; }
      footer { margin-top: 32px; color: #656d76; font-size: 12px; }
      """;
}
