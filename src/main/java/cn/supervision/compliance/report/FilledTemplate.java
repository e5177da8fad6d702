package cn.supervision.compliance.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.facts.InputProblem;

/** A filled template: the subject as JSON, the problems found in the cells, and the cell of each request field. */
public record FilledTemplate(JsonNode subject, List<CellProblem> problems, Map<String, CellProblem> cells) {

    /** Places a problem of the request at its cell: the field itself, or the nearest enclosing one. */
    public CellProblem locate(InputProblem problem) {
        for (String field = problem.field(); !field.isEmpty(); field = parent(field)) {
            CellProblem cell = cells.get(field);
            if (cell != null) {
                return new CellProblem(cell.sheet(), cell.cell(), problem.field(), problem.message());
            }
        }
        return new CellProblem(null, null, problem.field(), problem.message());
    }

    private static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }
}
