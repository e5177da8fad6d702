package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.report.CellKind;
import cn.supervision.compliance.report.RecordField;
import cn.supervision.compliance.report.TemplateCells;
import cn.supervision.compliance.text.Texts;

/**
 * Reads the sheets of the full assessment into {@code subject.assessment}: the county figures (one row per field, in
 * the order of the rule set's assessment record, as {@link CountyTemplate} writes them), the spending series (one row per year), the class-B sub-item
 * scores and the veto items (one row per item, the code in column A as the rule set's workbook names it). Blank or
 * missing sheets give nothing: an empty assessment means a resource-allocation assessment.
 */
final class AssessmentReader {

    private static final String PATH = "subject.assessment";

    private final TemplateCells cells;
    private final List<RecordField> figures;
    private final ObjectNode assessment = JsonNodeFactory.instance.objectNode();

    private AssessmentReader(TemplateCells cells, List<RecordField> figures) {
        this.cells = cells;
        this.figures = figures;
    }

    static ObjectNode read(Workbook workbook, TemplateCells cells, List<RecordField> figures) {
        AssessmentReader reader = new AssessmentReader(cells, figures);
        reader.figures(workbook.getSheet(CountyTemplate.FIGURES));
        reader.spending(workbook.getSheet(CountyTemplate.SPENDING));
        reader.scores(workbook.getSheet(CountyTemplate.SCORES));
        reader.veto(workbook.getSheet(CountyTemplate.VETO));
        return reader.assessment;
    }

    private void figures(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        for (int i = 0; i < figures.size(); i++) {
            RecordField figure = figures.get(i);
            String path = PATH + "." + figure.path();
            cells.place(path, sheet, i + 1, 1, figure.label());
            Object value = cells.value(TemplateCells.cell(sheet, i + 1, 1), figure.kind(), figure.label());
            if (value != null) {
                ObjectNode parent = assessment;
                String[] names = figure.path().split("\\.");
                for (int n = 0; n < names.length - 1; n++) {
                    parent = parent.has(names[n]) ? (ObjectNode) parent.get(names[n]) : parent.putObject(names[n]);
                    cells.place(PATH + "." + String.join(".", List.of(names).subList(0, n + 1)), sheet, i + 1, 1,
                            figure.label());
                }
                TemplateCells.put(parent, names[names.length - 1], value);
            }
        }
    }

    private void spending(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        List<RecordField> columns = CountyTemplate.SPENDING_FIELDS;
        ArrayNode years = JsonNodeFactory.instance.arrayNode();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            ObjectNode year = JsonNodeFactory.instance.objectNode();
            boolean any = false;
            String path = PATH + ".spending[" + years.size() + "]";
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = TemplateCells.cell(sheet, r, c);
                any |= !TemplateCells.blank(cell);
                String label = Texts.fieldName(columns.get(c).path());
                cells.place(path + "." + columns.get(c).path(), sheet, r, c, label);
                TemplateCells.put(year, columns.get(c).path(), cells.value(cell, columns.get(c).kind(), label));
            }
            if (any) {
                cells.place(path, sheet, r, 0, Texts.fieldName("spending"));
                years.add(year);
            }
        }
        if (!years.isEmpty()) {
            cells.place(PATH + ".spending", sheet, 1, 0, Texts.fieldName("spending"));
            assessment.set("spending", years);
        }
    }

    /** The sub-item scores of each indicator, in the order of its sub-items: all of them, or none. */
    private void scores(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        Map<String, List<Integer>> byIndicator = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Object code = cells.value(TemplateCells.cell(sheet, r, 0), CellKind.TEXT, "");
            if (code != null) {
                byIndicator.computeIfAbsent(code.toString(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        ObjectNode scores = JsonNodeFactory.instance.objectNode();
        byIndicator.forEach((code, rows) -> {
            if (rows.stream().allMatch(r -> TemplateCells.blank(scoreCell(sheet, r)))) {
                return;
            }
            String path = PATH + ".scores." + code;
            ArrayNode values = scores.putArray(code);
            for (int i = 0; i < rows.size(); i++) {
                int row = rows.get(i);
                Cell cell = scoreCell(sheet, row);
                String label = Texts.of("template.sub-item", code, i + 1);
                cells.place(path + "[" + i + "]", sheet, row, CountyTemplate.SCORE_COLUMN, label);
                if (i == 0) {
                    cells.place(path, sheet, row, CountyTemplate.SCORE_COLUMN, label);
                }
                if (TemplateCells.blank(cell)) {
                    cells.add(sheet, row, CountyTemplate.SCORE_COLUMN, Texts.of("template.score-missing", label, code));
                } else {
                    Object score = cells.value(cell, CellKind.DECIMAL, label);
                    if (score != null) {
                        values.add((BigDecimal) score);
                    }
                }
            }
        });
        if (!scores.isEmpty()) {
            assessment.set("scores", scores);
        }
    }

    private static Cell scoreCell(Sheet sheet, int row) {
        return TemplateCells.cell(sheet, row, CountyTemplate.SCORE_COLUMN);
    }

    private void veto(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        ObjectNode veto = JsonNodeFactory.instance.objectNode();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Object code = cells.value(TemplateCells.cell(sheet, r, 0), CellKind.TEXT, "");
            Cell cell = TemplateCells.cell(sheet, r, CountyTemplate.VETO_COLUMN);
            if (code == null || TemplateCells.blank(cell)) {
                continue;
            }
            String label = Texts.of("template.veto-item", code);
            cells.place(PATH + ".veto." + code, sheet, r, CountyTemplate.VETO_COLUMN, label);
            TemplateCells.put(veto, code.toString(), cells.value(cell, CellKind.YES_NO, label));
        }
        if (!veto.isEmpty()) {
            assessment.set("veto", veto);
        }
    }
}
