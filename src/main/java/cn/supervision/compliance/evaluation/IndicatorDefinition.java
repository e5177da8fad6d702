package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/**
 * One of the 36 indicators of the county assessment (指标体系): its dimension (一级指标), name, class A (must pass)
 * or B (scored, with its points) and source. Built by the row's action cells left to right.
 */
public record IndicatorDefinition(String code, String dimension, String name, String category, BigDecimal points,
                                  String source, String rule) {

    public static final String HARD = "A";
    public static final String SCORED = "B";
    /** A condition of recognition outside the 36 indicators (basic-balance recognition years earlier). */
    public static final String PREREQUISITE = "前提";

    public static Draft code(String code, String rule) {
        return new Draft(code.strip(), rule, null, null, null, null);
    }

    public record Draft(String code, String rule, String dimension, String name, String category, BigDecimal points) {

        public Draft dimension(String text) {
            return new Draft(code, rule, text.strip(), name, category, points);
        }

        public Draft named(String text) {
            return new Draft(code, rule, dimension, text.strip(), category, points);
        }

        public Draft category(String text) {
            String value = text.strip().toUpperCase();
            if (!value.equals(HARD) && !value.equals(SCORED) && !value.equals(PREREQUISITE)) {
                throw new IllegalArgumentException("'" + text + "' is not a class: write A, B or 前提");
            }
            return new Draft(code, rule, dimension, name, value, points);
        }

        public Draft points(String cell) {
            return new Draft(code, rule, dimension, name, category, Quantities.parse(cell, cell));
        }

        public IndicatorDefinition source(String text) {
            return new IndicatorDefinition(code, dimension, name, category, points, text.strip(), rule);
        }
    }

    /** The catalogue's order: the Excel row of the defining rule ({@code <table> <sheet>_<row>}). */
    public int catalogueRow() {
        int underscore = rule.lastIndexOf('_');
        return underscore < 0 ? 0 : Integer.parseInt(rule.substring(underscore + 1));
    }

    /** Class A indicators and prerequisites must pass for recognition. */
    public boolean mustPass() {
        return !SCORED.equals(category);
    }

    /** R1–R7 are judged from the resource-allocation findings, school rule and CVs, not from measures. */
    public boolean resourceAllocation() {
        return code.matches("R\\d+");
    }
}
