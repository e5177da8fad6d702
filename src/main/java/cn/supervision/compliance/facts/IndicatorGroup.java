package cn.supervision.compliance.facts;

/**
 * One indicator of one stage that has values in the county: the rule of its coefficient of variation collects the
 * values of each group once (a join on this key is linear in the sections, where "the first value of its group" was
 * quadratic).
 */
public record IndicatorGroup(Stage stage, String indicator) {
}
