package cn.supervision.compliance.ruleset;

/** A cell whose shown value differs between two versions ({@code null} before: added; {@code null} after: removed). */
public record ChangedCell(String file, String sheet, String cell, String before, String after) {
}
