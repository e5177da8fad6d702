package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.facts.Stage;

/** Per-student weight of a stage when a whole-school figure is split over its sections (INDICATORS.md §1.1). */
public record SplitWeight(Stage stage, BigDecimal weight, String rule) {

    public static Draft forStage(String stage, String rule) {
        return new Draft(Stage.fromLabel(stage), rule);
    }

    public record Draft(Stage stage, String rule) {

        public SplitWeight weight(String cell) {
            return new SplitWeight(stage, Quantities.parse(cell, cell), rule);
        }
    }
}
