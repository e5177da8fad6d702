package cn.supervision.compliance.evaluation;

/**
 * What one class-A standard row makes of one measure, before the jurisdiction chain decides: where rows of two
 * jurisdictions of the chain check the same measure for the same indicator (daxiang's 720 yuan over the national 600),
 * only the candidate of the more specific one becomes a {@link MeasureCheck}.
 */
public record MeasureCandidate(MeasureCheck check, String jurisdiction) {

    /**
     * Which measure for which indicator this candidate checks: candidates with equal keys compete. A property, not a
     * method taking the other candidate, so Drools can watch it (no class reactivity).
     */
    public Key key() {
        return new Key(check.measure().order(), check.indicator());
    }

    public record Key(int measure, String indicator) {
    }
}
