package cn.supervision.compliance.ruleset;

/**
 * Where a rule comes from: a row of a workbook sheet (decision-table rules), or a DRL file (sheet and row null).
 * {@code workbook} is the file name inside its rule set's folder.
 */
public record RuleOrigin(String name, String workbook, String sheet, Integer row) {
}
