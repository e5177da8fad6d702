package cn.supervision.compliance.ruleset;

/** Something wrong in a rule set's files, located as precisely as can be known (sheet and A1 cell for workbooks). */
public record RuleSetProblem(String file, String sheet, String cell, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (cell != null) {
            where.append(", cell ").append(cell);
        }
        return where + ": " + message;
    }
}
