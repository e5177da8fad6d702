package cn.supervision.compliance.report;

/**
 * One thing wrong with an uploaded workbook: the sheet and cell (A1 notation) when it can be placed, the request field
 * it fills (a JSON path such as {@code subject.schools[3].sections[0].students}) when known, and the message.
 */
public record CellProblem(String sheet, String cell, String field, String message) {

    /** Where the clerk finds it, as a spreadsheet names it ({@code 学校数据!F5}), or null when it has no place. */
    public String where() {
        return sheet == null ? null : cell == null ? sheet : sheet + "!" + cell;
    }
}
