package forkbench.report.view;

import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a {@link Document}, answer first: the verdict per job, break-even sizes, what each kind of worker
 * costs, the charts, then every configuration grouped by job, the fits, the runs and the warnings grouped by kind.
 * Built once; the Markdown, HTML and CSV writers only write it out.
 */
public final class ReportView {

    private ReportView() {
    }

    /**
     * @param charts the chart files ({@code speedup-*.svg}, {@code time-*.svg}) to show, by name
     */
    public static Document of(Report report, ReportOptions options, List<String> charts) {
        List<Section> sections = new ArrayList<>();
        sections.add(AnswerSection.answer(report, options));
        // For data jobs, processes against threads across sizes is the answer a reader came for: first, before the
        // per-job tables.
        DataSection.dataMovement(report, options).ifPresent(data -> sections.add(0, data));
        BreakEvenSection.breakEven(report, options).ifPresent(sections::add);
        CostSection.costs(report, options).ifPresent(sections::add);
        if (!charts.isEmpty()) {
            sections.add(new Section("charts", "Charts", List.of(new Block.Paragraph("Speedup against workers where "
                    + "parallelism pays at that size (the dotted line is the ideal, min(workers, cores); bars are "
                    + Format.percent(report.confidence()) + " intervals over fork means), and time against "
                    + options.sizeParam() + " on log axes."), new Block.Charts(charts))));
        }
        sections.add(ConfigurationsSection.configurations(report, options));
        sections.add(FitsSection.fits(report, options));
        RunSections.precision(report).ifPresent(sections::add);
        sections.add(RunSections.runs(report));
        sections.add(RunSections.warnings(report));
        return new Document("forkbench report", sections);
    }
}
