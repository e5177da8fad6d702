package cn.supervision.compliance.ruleset;

/** One file of a rule set: a workbook under decision-tables/ or a DRL file under rules/. */
public record RuleSetFile(Kind kind, String name, byte[] content) {

    public enum Kind { WORKBOOK, DRL }
}
