package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.Map;

/**
 * The approved template of one workbook, shipped in the application jar ({@code approved-templates/<rule set>/<file>.json}):
 * for every rule sheet its header rows (RuleSet, Import, Notes) and for every rule table its four code rows
 * (CONDITION/ACTION, object types, code snippets, labels), the merged object-type cells, the type of each column's
 * values and the columns that identify a row. {@code codes} names how the codes of each family that {@code key:} and
 * {@code ref:} columns define and name are spelt ({@code code}: R1, SPECIAL_ED; {@code name}: national). Policy staff
 * never see it; an uploaded workbook must reproduce it exactly and may change values only.
 */
public record ApprovedTemplate(String workbook, Map<String, List<String>> enumerations, Map<String, String> codes,
                               List<SheetTemplate> sheets) {

    public record SheetTemplate(String name, List<List<String>> header, List<TableTemplate> tables) {
    }

    /**
     * {@code merged}: the [first, last] columns of each merged range in the object-type row. {@code rowKey}: the labels
     * of the columns whose values identify a row (indicator, stage, jurisdiction…), so that a comparison of two versions
     * follows a row that was inserted or moved; empty for a table of one row.
     */
    public record TableTemplate(String name, List<List<String>> rows, List<List<Integer>> merged, List<String> types,
                                List<String> rowKey) {

        int width() {
            return rows.stream().mapToInt(List::size).max().orElse(0);
        }

        List<String> labels() {
            return rows.get(rows.size() - 1);
        }

        /** The columns of {@link #rowKey}, by index. */
        List<Integer> keyColumns() {
            return rowKey.stream().map(label -> labels().indexOf(label)).toList();
        }
    }
}
