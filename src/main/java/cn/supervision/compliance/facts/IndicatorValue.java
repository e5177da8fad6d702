package cn.supervision.compliance.facts;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A derived indicator value of one school section: value = perStudents × raw / students, kept exact.
 * {@code raw} is the section's own {@code field}, or (when {@code split}) its weighted share of the whole-school figure.
 */
public record IndicatorValue(int order, String schoolId, Stage stage, String indicator, int students,
                             String field, BigFraction raw, boolean split, int perStudents, boolean wholeUnits) {

    public String stageName() {
        return stage.label();
    }

    public BigFraction value() {
        return raw.multiply(perStudents).divide(students);
    }

    /** The raw amount this section would need for its value to equal {@code target}. */
    public BigFraction rawNeededFor(BigFraction target) {
        return target.multiply(students).divide(perStudents);
    }
}
