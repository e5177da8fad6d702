package cn.supervision.compliance.facts;

/** The unit of assessment as the rules see it: which jurisdiction's variant applies, and for which year. */
public record Assessment(String ruleSet, String jurisdiction, int year) {
}
