package forkbench.report.view;

import forkbench.configuration.ParameterValues;
import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.report.model.ScalingFit;

import java.util.ArrayList;
import java.util.List;

/** Recommended workers and the scaling fits behind them. */
final class FitsSection {

    private FitsSection() {
    }

    static Section fits(Report report, ReportOptions options) {
        List<List<Cell>> rows = new ArrayList<>();
        boolean sized = Jobs.hasSizes(report, options);
        for (Report.Scaling s : report.scaling()) {
            if (sized && !s.params().containsKey(options.sizeParam())) {
                continue;
            }
            rows.add(List.of(Cell.of(s.label()), Cell.of(ParameterValues.describe(s.params())),
                    Cell.of(String.valueOf(s.recommendedWorkers())), Cell.of(String.valueOf(s.bestWorkers())),
                    Cell.of(s.recommendation()), fit(s.amdahl()), fit(s.usl())));
        }
        return new Section("fits", "Recommended workers and scaling fits", List.of(new Block.Paragraph(
                "Recommended: the fewest workers not significantly slower than the best, judged on the difference's "
                        + "fork-level interval. Fits of throughput X(N) by least squares with λ free: Amdahl's σ (on "
                        + "min(workers, cores), in [0, 1]) and the USL's σ and κ, each ± its half-width; a model needs "
                        + "2 residual degrees of freedom, and one with R² below " + Format.number(
                        ScalingFit.MEANINGFUL_R_SQUARED, 1) + " does not describe the data and is not drawn."),
                new Block.TableBlock(new Table("fits", null, List.of(Column.text("strategy"), Column.text("params"),
                        Column.number("recommended"), Column.number("best"), Column.text("why"),
                        Column.text("Amdahl"), Column.text("USL")), rows))));
    }

    private static Cell fit(ScalingFit fit) {
        return switch (fit) {
            case ScalingFit.NotFitted not -> new Cell("not fitted: " + not.reason(), Mark.DIM);
            case ScalingFit.Fitted made -> {
                StringBuilder text = new StringBuilder("σ = ")
                        .append(withHalfWidth(made.sigma(), made.halfWidth(made.sigmaError())));
                if (made.model() == forkbench.report.model.FitModel.USL) {
                    text.append(", κ = ").append(withHalfWidth(made.kappa(), made.halfWidth(made.kappaError())));
                    if (made.peakWorkers() != null) {
                        text.append(", peak at ").append(Format.number(made.peakWorkers(), 1)).append(" workers");
                    }
                }
                text.append(", R² = ").append(Format.number(made.rSquared(), 3));
                yield made.describesData() ? Cell.of(text.toString())
                        : new Cell(text + " (does not describe the data)", Mark.DIM);
            }
        };
    }

    private static String withHalfWidth(Double value, Double half) {
        return Format.scientific(value) + (half == null ? "" : " ± " + Format.scientific(half));
    }
}
