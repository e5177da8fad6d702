package cn.supervision.compliance.report;

/**
 * One thing wrong with an uploaded workbook: the sheet and cell (A1 notation) when it can be placed, the request field
 * it fills (a JSON path such as {@code subject.schools[3].sections[0].students}) when known, and the message.
 */
public record CellProblem(String sheet, String cell, String field, String message) {
}
