package cn.supervision.compliance.facts;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A figure of the full assessment: a data item (数据项) that rows of the class-A standards check for the indicator
 * they name, the subject (a school id, or the county code), the stage and school type it applies to, and the exact
 * value. {@code value} is null when the facts were not supplied (not assessed); {@code unbounded} marks x / 0 with x > 0,
 * which exceeds every ceiling and meets every floor. {@code basis} states the raw figures for the audit trace.
 */
public record Measure(int order, String part, String subject, String stageName,
                      String schoolTypeName, int students, BigFraction value, boolean unbounded, String basis) {

    public boolean assessed() {
        return value != null || unbounded;
    }
}
