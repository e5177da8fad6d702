package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.Map;

/**
 * The approved template of one workbook, shipped in the application jar ({@code approved-templates/<rule set>/<file>.json}):
 * for every rule sheet its header rows (RuleSet, Import, Notes) and for every rule table its four code rows
 * (CONDITION/ACTION, object types, code snippets, labels), the merged object-type cells and the type of each column's
 * values. Policy staff never see it; an uploaded workbook must reproduce it exactly and may change values only.
 */
public record ApprovedTemplate(String workbook, Map<String, List<String>> enumerations, List<SheetTemplate> sheets) {

    public record SheetTemplate(String name, List<List<String>> header, List<TableTemplate> tables) {
    }

    /** {@code merged}: the [first, last] columns of each merged range in the object-type row. */
    public record TableTemplate(String name, List<List<String>> rows, List<List<Integer>> merged, List<String> types) {

        int width() {
            return rows.stream().mapToInt(List::size).max().orElse(0);
        }
    }
}
