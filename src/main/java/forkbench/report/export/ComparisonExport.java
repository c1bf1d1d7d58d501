package forkbench.report.export;

import forkbench.compare.Comparison;

import java.util.Locale;

/** compare.md and compare.html: what changed between two runs, and whether it matters. */
public final class ComparisonExport {

    private ComparisonExport() {
    }

    public static String markdown(Comparison comparison) {
        StringBuilder md = new StringBuilder("# forkbench compare\n\n")
                .append(summary(comparison)).append("\n\n")
                .append("| configuration | forks base / new | base | new | new / base [")
                .append(Markdown.percent(comparison.confidence()))
                .append(" CI] | change | p (Holm) | verdict |\n| --- | --: | --: | --: | --: | --: | --: | --- |\n");
        for (Comparison.Change change : comparison.changes()) {
            md.append("| ").append(Markdown.cell(change.configuration())).append(" | ").append(change.baseForks())
                    .append(" / ").append(change.newForks()).append(" | ").append(Format.time(change.baseNanos()))
                    .append(" | ").append(Format.time(change.newNanos())).append(" | ").append(Format.ratio(change.ratio()))
                    .append(" | ").append(percent(change.percent())).append(" | ").append(pValues(change))
                    .append(" | ").append(verdict(change)).append(" |\n");
        }
        appendUnmatched(md, "Only in the base run", comparison.onlyInBase());
        appendUnmatched(md, "Only in the new run", comparison.onlyInNew());
        return md.toString();
    }

    public static String html(Comparison comparison) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>forkbench compare</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
                table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
                td.t{text-align:left}tr.worse td{background:#fde8e8}tr.better td{background:#e6f6e6}</style>
                </head><body><h1>forkbench compare</h1>
                """);
        html.append("<p>").append(Html.escape(summary(comparison))).append("</p><table><tr><th>configuration</th>")
                .append("<th>forks base / new</th><th>base</th><th>new</th><th>new / base</th><th>change</th>")
                .append("<th>p (Holm)</th><th>verdict</th></tr>");
        for (Comparison.Change change : comparison.changes()) {
            String rowClass = change.regression() ? " class=\"worse\"" : change.improvement() ? " class=\"better\"" : "";
            html.append("<tr").append(rowClass).append("><td class=\"t\">").append(Html.escape(change.configuration()))
                    .append("</td><td>").append(change.baseForks()).append(" / ").append(change.newForks())
                    .append("</td><td>").append(Html.escape(Format.time(change.baseNanos()))).append("</td><td>")
                    .append(Html.escape(Format.time(change.newNanos()))).append("</td><td>")
                    .append(Html.escape(Format.ratio(change.ratio()))).append("</td><td>")
                    .append(Html.escape(percent(change.percent()))).append("</td><td>")
                    .append(Html.escape(pValues(change))).append("</td><td class=\"t\">")
                    .append(Html.escape(verdict(change))).append("</td></tr>");
        }
        html.append("</table>");
        for (var section : java.util.List.of(java.util.Map.entry("Only in the base run", comparison.onlyInBase()),
                java.util.Map.entry("Only in the new run", comparison.onlyInNew()))) {
            if (!section.getValue().isEmpty()) {
                html.append("<h2>").append(section.getKey()).append("</h2><ul>");
                section.getValue().forEach(c -> html.append("<li>").append(Html.escape(c)).append("</li>"));
                html.append("</ul>");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    static String summary(Comparison comparison) {
        long worse = comparison.changes().stream().filter(Comparison.Change::regression).count();
        long better = comparison.changes().stream().filter(Comparison.Change::improvement).count();
        String setAside = comparison.setAside().isEmpty() ? "" : " Matched without " + String.join(", ",
                comparison.setAside()) + ": a parameter only one run has, with one value.";
        long untestable = comparison.untestable();
        String unjudged = untestable == 0 ? "" : " " + untestable + " configuration" + (untestable == 1 ? "" : "s")
                + " with a single fork on a side cannot be judged: no fork-to-fork variation to test against (run >= 3 "
                + "forks, e.g. --interleave 3).";
        return counts(comparison, worse, better) + unjudged + setAside;
    }

    private static String counts(Comparison comparison, long worse, long better) {
        String threshold = new java.math.BigDecimal(Format.digits(comparison.thresholdPercent())).stripTrailingZeros()
                .toPlainString();
        if (comparison.tested() == 0) {
            return comparison.changes().size() + " configurations compared; none could be tested.";
        }
        return String.format(Locale.ROOT, "%d configurations compared: %d significantly slower and %d significantly "
                + "faster by more than %s%%. Significant means after Holm's correction for testing %d configurations "
                + "at once (family-wise level %s), with Welch's t over fork means; p: before (after) the correction; "
                + "intervals are %s Fieller intervals on new / base.", comparison.changes().size(), worse, better,
                threshold, comparison.tested(), Format.digits(1 - comparison.confidence()),
                Markdown.percent(comparison.confidence()));
    }

    private static String pValues(Comparison.Change change) {
        return change.testable() ? p(change.p()) + " (" + p(change.adjustedP()) + ")" : "1 fork: untested";
    }

    private static String p(double value) {
        return value < 0.0001 ? "<0.0001" : Format.digits(value);
    }

    private static String verdict(Comparison.Change change) {
        if (change.regression()) {
            return "slower";
        }
        if (change.improvement()) {
            return "faster";
        }
        if (!change.testable()) {
            return "not judged (1 fork)";
        }
        return change.significant() ? "within threshold" : "no significant change";
    }

    private static String percent(double value) {
        return (value >= 0 ? "+" : "") + Format.fixed(value, 1) + "%";
    }

    private static void appendUnmatched(StringBuilder md, String title, java.util.List<String> configurations) {
        if (!configurations.isEmpty()) {
            md.append("\n## ").append(title).append("\n\n");
            configurations.forEach(c -> md.append("- ").append(Markdown.cell(c)).append('\n'));
        }
    }
}
