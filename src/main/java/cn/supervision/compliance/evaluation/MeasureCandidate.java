package cn.supervision.compliance.evaluation;

/**
 * What one class-A standard row makes of one measure, before the jurisdiction chain decides: where rows of two
 * jurisdictions of the chain check the same measure for the same indicator (daxiang's 720 yuan over the national 600),
 * only the candidate of the more specific one becomes a {@link MeasureCheck}.
 */
public record MeasureCandidate(MeasureCheck check, String jurisdiction) {

    public boolean sameMeasureAs(MeasureCandidate other) {
        return check.measure() == other.check.measure() && check.indicator().equals(other.check.indicator());
    }
}
