package cn.supervision.compliance.ruleset;

/**
 * A cell whose value differs in a row found in both versions, at its address in the new one ({@code null} before:
 * filled in; {@code null} after: cleared); a DRL file changed as a whole has no sheet and no cell.
 */
public record ChangedCell(String file, String sheet, String cell, String before, String after) implements Change {
}
