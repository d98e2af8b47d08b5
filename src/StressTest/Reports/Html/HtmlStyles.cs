// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Html;

/// <summary>
/// The report's only stylesheet, inlined: system fonts (no web font to fetch), one column on a phone and a grid
/// of charts on a laptop (axis labels grow on a phone, where the drawing shrinks), tables that scroll sideways
/// inside their box instead of widening the page or breaking words letter by letter, and a dark
/// palette when the reader's system asks for one. Chart colours are classes, shared by lines and legend keys.
/// </summary>
internal static class HtmlStyles
{
    public const string Css = """
:root{--bg:#fff;--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--panel:#f9fafb;--pass:#15803d;--fail:#b91c1c;--skip:#6b7280;--c0:#2563eb;--c1:#0d9488;--c2:#d97706;--c3:#dc2626;--c4:#7c3aed;--c5:#64748b}
@media (prefers-color-scheme:dark){:root{--bg:#111827;--fg:#e5e7eb;--muted:#9ca3af;--line:#374151;--panel:#1f2937;--pass:#4ade80;--fail:#f87171;--c0:#60a5fa;--c1:#2dd4bf;--c2:#fbbf24;--c3:#f87171;--c4:#a78bfa;--c5:#94a3b8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1200px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:0 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.test,.foot{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
.verdict{border-left:6px solid var(--skip);background:var(--panel);padding:.75rem 1rem;border-radius:6px}
.verdict.passed{border-color:var(--pass)}.verdict.failed{border-color:var(--fail)}
.badge{display:inline-block;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:var(--skip)}
.passed .badge{color:var(--pass)}.failed .badge{color:var(--fail)}
.reasons{margin:.5rem 0 0;padding-left:1.2rem;overflow-wrap:anywhere}
.warnings{margin:.5rem 0 0;padding:.4rem .6rem .4rem 1.6rem;overflow-wrap:anywhere;border-radius:4px;background:rgba(217,119,6,.12);color:var(--c2)}
.numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.5rem;margin:1rem 0;padding:0}
.numbers div{background:var(--panel);border-radius:6px;padding:.4rem .6rem}
.numbers dt{color:var(--muted);font-size:.8rem}.numbers dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem}
.chart{margin:0;background:var(--panel);border-radius:6px;padding:.5rem}
.chart figcaption{font-size:.9rem;margin-bottom:.25rem}
.unit{color:var(--muted)}
.key{margin-left:.75rem;white-space:nowrap;font-size:.85rem}
.key i{display:inline-block;width:1rem;height:3px;vertical-align:middle;margin-right:.25rem}
.key i.dash{height:0;border-top-width:3px;border-top-style:dashed;background:none!important}
.chart svg{display:block;width:100%;height:auto;overflow:visible}
.chart text{font-size:11px;fill:var(--muted)}
@media (max-width:40rem){.chart text{font-size:18px}}
.grid line{stroke:var(--line);stroke-width:1}
.grid line.x{stroke-dasharray:2 3}
.line polyline{fill:none;stroke-width:1.75;stroke-linejoin:round;vector-effect:non-scaling-stroke}
.line.dash polyline{stroke-dasharray:6 4}
.guide line{stroke:var(--fail);stroke-dasharray:4 3;vector-effect:non-scaling-stroke}
.guide text{fill:var(--fail)}
.c0{stroke:var(--c0);fill:var(--c0)}.c1{stroke:var(--c1);fill:var(--c1)}.c2{stroke:var(--c2);fill:var(--c2)}.c3{stroke:var(--c3);fill:var(--c3)}.c4{stroke:var(--c4);fill:var(--c4)}.c5{stroke:var(--c5);fill:var(--c5)}
.k0{background:var(--c0);border-color:var(--c0)}.k1{background:var(--c1);border-color:var(--c1)}.k2{background:var(--c2);border-color:var(--c2)}.k3{background:var(--c3);border-color:var(--c3)}.k4{background:var(--c4);border-color:var(--c4)}.k5{background:var(--c5);border-color:var(--c5)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td{overflow-wrap:break-word}
tr.flag td{color:var(--fail)}
.pair td:first-child{white-space:nowrap}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:0 1.5rem}
ul.problems{overflow-wrap:anywhere}
""";
}
