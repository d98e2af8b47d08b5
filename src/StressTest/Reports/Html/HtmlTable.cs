// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Reports.Tables;

namespace StressTest.Reports.Html;

/// <summary>Renders a <see cref="ReportTable"/> as an HTML table under its heading, every cell encoded.</summary>
internal static class HtmlTable
{
    /// <summary>Writes nothing for an empty table: a report without HTTP has no endpoints section.</summary>
    public static void Render(StringBuilder html, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            return;
        }

        var id = HtmlText.Encode(table.Id);
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(HtmlText.Encode(table.Title)).Append("</h2>");
        html.Append("<div class=\"scroll\"><table data-table=\"").Append(id).Append("\"><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.Numeric ? "<th class=\"n\">" : "<th>").Append(HtmlText.Encode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(row.Flagged ? "<tr class=\"flag\">" : "<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var numeric = i < table.Columns.Count && table.Columns[i].Numeric;
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(HtmlText.Encode(row.Cells[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }
}
