// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Tables;

/// <summary>A column: its heading, and whether its cells are numbers (right-aligned).</summary>
internal sealed record ReportColumn(string Name, bool Numeric = false);

/// <summary>A row of display text; <paramref name="Flagged"/> marks a row that is why the test failed (a missed
/// threshold) so a renderer can make it stand out.</summary>
internal sealed record ReportRow(IReadOnlyList<string> Cells, bool Flagged = false);

/// <summary>
/// One table of a report as display text, not yet escaped: the HTML and Markdown reports render the same tables,
/// each escaping for its own format, so what the two show cannot drift apart.
/// </summary>
/// <param name="Id">A stable identifier (HTML id, test hook): <c>endpoints</c>, <c>errors</c>…</param>
/// <param name="Title">The heading.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
internal sealed record ReportTable(string Id, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows);
