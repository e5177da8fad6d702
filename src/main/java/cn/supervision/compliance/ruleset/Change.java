package cn.supervision.compliance.ruleset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One difference between two versions of a rule set as a person sees it in Excel, rows followed by their key cells
 * (see {@link RowChanges}): a row added, removed or moved, or a cell whose value changed in a row found in both. Rows
 * are 1-based as Excel shows them. A version stored before rows were followed holds cells only ({@code change}
 * absent: a cell).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "change", defaultImpl = ChangedCell.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChangedCell.class, name = "cell"),
        @JsonSubTypes.Type(value = Change.AddedRow.class, name = "row-added"),
        @JsonSubTypes.Type(value = Change.RemovedRow.class, name = "row-removed"),
        @JsonSubTypes.Type(value = Change.MovedRow.class, name = "row-moved")})
public sealed interface Change permits ChangedCell, Change.AddedRow, Change.RemovedRow, Change.MovedRow {

    String file();

    String sheet();

    /** A row of the new version that the old one does not have; {@code values} its cells from column A. */
    record AddedRow(String file, String sheet, int row, List<String> values) implements Change {
    }

    /** A row of the old version that the new one does not have, at its old row. */
    record RemovedRow(String file, String sheet, int row, List<String> values) implements Change {
    }

    /** A row found in both versions in another order: from its old row to its new one (its cells as they are now). */
    record MovedRow(String file, String sheet, int from, int to, List<String> values) implements Change {
    }
}
