package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.facts.Stage;

/**
 * The check of a stage's coefficient of variation against its limit. Built by the row's action cells:
 * {@code VariationCheck.draft($var, rule).limit("≤0.4").minimumSections("2")}. Below the minimum number of sections
 * the CV is not applicable: reported, neither passed nor failed.
 */
public record VariationCheck(Variation variation, Requirement limit, int minimumSections, boolean applicable,
                             BigDecimal cv, Boolean passed, String rule) implements Check {

    public static Draft draft(Variation variation, String rule) {
        return new Draft(variation, rule, null);
    }

    public record Draft(Variation variation, String rule, Requirement limit) {

        public Draft limit(String cell) {
            return new Draft(variation, rule, Requirement.parse(cell));
        }

        public VariationCheck minimumSections(String cell) {
            int minimum = Quantities.parseWhole(cell, cell);
            var statistics = variation.statistics();
            if (statistics.count() < minimum || statistics.degenerate()) {
                return new VariationCheck(variation, limit, minimum, false, null, null, rule);
            }
            boolean passed = switch (limit.comparator()) {
                case LE -> statistics.atMost(limit.thresholdFraction());
                case LT -> statistics.below(limit.thresholdFraction());
                default -> throw new IllegalArgumentException("a CV limit must be written as ≤ or <, not '" + limit + "'");
            };
            return new VariationCheck(variation, limit, minimum, true, statistics.coefficient(4), passed, rule);
        }
    }

    @Override
    public String indicator() {
        return variation.indicator();
    }

    @Override
    public Stage stage() {
        return variation.stage();
    }

    @Override
    public String subject() {
        return variation.stage().name();
    }

    @Override
    public boolean failed() {
        return Boolean.FALSE.equals(passed);
    }

    @Override
    public BigDecimal shortfall() {
        return null;
    }

    @Override
    public String unit() {
        return null;
    }
}
