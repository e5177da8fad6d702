package cn.supervision.compliance.checkrows;

/**
 * What a session evaluates: the rule set's level of subject (学校, 区县, 省, as the rows name it), the jurisdiction
 * named in the request and the evaluation year. A listing scope (for the indicator catalogue) is matched by every row.
 */
public record CheckScope(String level, String jurisdiction, int year, boolean listing) {

    public static CheckScope evaluating(String level, String jurisdiction, int year) {
        return new CheckScope(level, jurisdiction, year, false);
    }

    public static CheckScope listingAll() {
        return new CheckScope(null, null, 0, true);
    }

    /** True when a row written for this level of subject applies. */
    public boolean at(String rowLevel) {
        return listing || rowLevel.strip().equals(level);
    }
}
