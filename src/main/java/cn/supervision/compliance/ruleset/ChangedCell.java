package cn.supervision.compliance.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cell whose value differs in a row found in both versions, at its address in the new one ({@code null} before:
 * filled in; {@code null} after: cleared); a DRL file changed as a whole has no sheet and no cell. {@code meaning}:
 * the change worded by the row's key cells and the column's label ({@code R6 小学 标准（要求） ≥旧值 → ≥新值},
 * issue 22 point 7), for a value row of a rule table; absent otherwise and in versions stored before.
 */
public record ChangedCell(String file, String sheet, String cell, String before, String after,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String meaning) implements Change {

    public ChangedCell(String file, String sheet, String cell, String before, String after) {
        this(file, sheet, cell, before, after, null);
    }
}
