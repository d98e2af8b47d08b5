// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Reports.Tables;

namespace StressTest.Reports.Markdown;

/// <summary>
/// Text into GitHub-flavoured Markdown. User and server strings (exception messages, endpoint, step and check
/// names) may hold anything: pipes would split a table cell, backticks open code, <c>*_[]~#</c> format, and
/// GitHub renders raw HTML — so markup characters are backslash-escaped, <c>&lt; &gt; &amp;</c> become entities
/// (a <c>&lt;script&gt;</c> shows as text) and line breaks become <c>&lt;br&gt;</c>, which keeps a table row on one line.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        var escaped = new StringBuilder((text?.Length ?? 0) + 16);
        var previous = '\0';
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\n' when previous == '\r':
                    break;
                case '\r' or '\n':
                    escaped.Append("<br>");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }

            previous = c;
        }

        return escaped.ToString();
    }

    /// <summary>A table under a level-3 heading; nothing for an empty table.</summary>
    public static void Table(StringBuilder markdown, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            return;
        }

        markdown.Append("### ").Append(Escape(table.Title)).Append("\n\n|");
        foreach (var column in table.Columns)
        {
            markdown.Append(' ').Append(Escape(column.Name)).Append(" |");
        }

        markdown.Append("\n|");
        foreach (var column in table.Columns)
        {
            markdown.Append(column.Numeric ? " ---: |" : " --- |");
        }

        markdown.Append('\n');
        foreach (var row in table.Rows)
        {
            markdown.Append('|');
            for (var i = 0; i < row.Cells.Count; i++)
            {
                // A flagged row (a missed threshold, an endpoint with errors) leads with its first cell in bold.
                var text = Escape(row.Cells[i]);
                markdown.Append(' ').Append(i == 0 && row.Flagged && text.Length > 0 ? "**" + text + "**" : text).Append(" |");
            }

            markdown.Append('\n');
        }

        markdown.Append('\n');
    }
}
