package cn.supervision.compliance.evaluation;

/** A veto flag as submitted: the item's code and whether it happened. */
public record VetoFlag(String code, boolean raised) {
}
