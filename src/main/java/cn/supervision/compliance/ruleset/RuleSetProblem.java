package cn.supervision.compliance.ruleset;

import cn.supervision.compliance.text.Texts;

/** Something wrong in a rule set's files, located as precisely as can be known (sheet and A1 cell for workbooks). */
public record RuleSetProblem(String file, String sheet, String cell, String message) {

    /** A problem whose message is the catalogue's {@code code}, in the language of the request being answered. */
    public static RuleSetProblem of(String file, String sheet, String cell, String code, Object... arguments) {
        return new RuleSetProblem(file, sheet, cell, Texts.of(code, arguments));
    }

    /** The problem as a person reads it: file, sheet and cell, then what is wrong. */
    @Override
    public String toString() {
        String where;
        if (sheet != null) {
            where = cell != null ? Texts.of("workbook.where.cell", file, sheet, cell) : Texts.of("workbook.where.sheet", file, sheet);
        } else {
            where = cell != null ? Texts.of("workbook.where.file-cell", file, cell) : file;
        }
        return Texts.of("workbook.problem", where, message);
    }
}
