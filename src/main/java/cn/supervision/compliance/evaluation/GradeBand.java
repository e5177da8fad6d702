package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/**
 * A grade of the class-B total, read as a lower bound (reading 3): {@code GradeBand.named(…).from(…).recognised(…)}.
 * {@code recognised} says whether a county with this grade can be recognised (认定).
 */
public record GradeBand(String label, BigDecimal minimum, boolean recognised, String rule) {

    public static Draft named(String label, String rule) {
        return new Draft(label.strip(), rule, null);
    }

    public record Draft(String label, String rule, BigDecimal minimum) {

        public Draft from(String cell) {
            return new Draft(label, rule, Quantities.parse(cell, cell));
        }

        public GradeBand recognised(String cell) {
            return new GradeBand(label, minimum, Requirement.parse(cell).threshold().signum() > 0, rule);
        }
    }
}
