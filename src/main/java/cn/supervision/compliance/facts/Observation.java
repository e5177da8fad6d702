package cn.supervision.compliance.facts;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * One figure of a curriculum or district-target subject, as the check rows see it. {@code field} names the figure
 * (the rows select it by this name), {@code grade} the school grade of a per-grade figure, {@code year} the year of a
 * series entry, {@code label} what a failing list names (a grade, a year, a county, an association). {@code prior} is
 * last year's value and {@code reference} an outside benchmark (the city baseline, civil servants' pay), where given.
 * A null {@code value} is a figure the subject did not supply. {@code path} is the JSON path it was read from.
 */
public record Observation(String field, Integer grade, Integer year, String label, BigFraction value, BigFraction prior,
                          BigFraction reference, String path) {

    public static Observation of(String field, BigFraction value, String path) {
        return new Observation(field, null, null, null, value, null, null, path);
    }

    public Observation forGrade(int newGrade) {
        return new Observation(field, newGrade, year, String.valueOf(newGrade), value, prior, reference, path);
    }

    public Observation inYear(int newYear) {
        return new Observation(field, grade, newYear, String.valueOf(newYear), value, prior, reference, path);
    }

    public Observation labelled(String newLabel) {
        return new Observation(field, grade, year, newLabel, value, prior, reference, path);
    }

    public Observation withPrior(BigFraction newPrior) {
        return new Observation(field, grade, year, label, value, newPrior, reference, path);
    }

    public Observation against(BigFraction newReference) {
        return new Observation(field, grade, year, label, value, prior, newReference, path);
    }
}
