package cn.supervision.compliance.checkrows;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.checkrows.SubjectField.ListField;
import cn.supervision.compliance.report.FilledTemplate;
import cn.supervision.compliance.report.TemplateCells;
import cn.supervision.compliance.text.Texts;

/**
 * Reads a filled {@link SubjectTemplate} into the {@code subject} of the JSON request, remembering which cell fills
 * which request field, so that the evaluation's own validation is reported by sheet and cell too. Only cell types and
 * list choices are checked here; ranges and required figures are checked once, as for the JSON request.
 */
final class SubjectTemplateReader {

    private static final String LIST_SEPARATORS = "[、,，;；\\s]+";

    private final Workbook workbook;
    private final TemplateCells cells = new TemplateCells();
    private final ObjectNode subject = JsonNodeFactory.instance.objectNode();

    SubjectTemplateReader(Workbook workbook) {
        this.workbook = workbook;
    }

    FilledTemplate read(List<SubjectField> fields, List<ListField> lists) {
        figures(fields);
        lists.forEach(this::list);
        return new FilledTemplate(subject, cells.problems(), cells.places());
    }

    /** The single figures: row i + 1 holds the i-th field, its value in {@link SubjectTemplate#VALUE_COLUMN}. */
    private void figures(List<SubjectField> fields) {
        Sheet sheet = sheet(SubjectTemplate.fieldsSheet());
        if (sheet == null) {
            return;
        }
        cells.place("subject", sheet, 1, SubjectTemplate.VALUE_COLUMN, SubjectTemplate.fieldsSheet());
        for (int i = 0; i < fields.size(); i++) {
            SubjectField field = fields.get(i);
            int r = i + 1;
            String path = "subject." + field.path();
            cells.place(path, sheet, r, SubjectTemplate.VALUE_COLUMN, field.label());
            int dot = path.lastIndexOf('.');
            if (dot > "subject".length() && !cells.places().containsKey(path.substring(0, dot))) {
                cells.place(path.substring(0, dot), sheet, r, SubjectTemplate.VALUE_COLUMN, field.label());
            }
            set(subject, field.path(), value(sheet, r, SubjectTemplate.VALUE_COLUMN, field));
        }
    }

    /** A list sheet: every non-blank row under the example row is one element, in order. */
    private void list(ListField list) {
        String name = SubjectTemplate.sheetOf(list);
        Sheet sheet = sheet(name);
        if (sheet == null) {
            return;
        }
        String path = "subject." + list.field();
        cells.place(path, sheet, SubjectTemplate.LIST_FIRST_ROW, 0, name);
        ArrayNode elements = JsonNodeFactory.instance.arrayNode();
        for (int r = SubjectTemplate.LIST_FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
            if (blankRow(sheet, r, list.columns().size())) {
                continue;
            }
            String elementPath = path + "[" + elements.size() + "]";
            cells.place(elementPath, sheet, r, 0, name);
            ObjectNode element = elements.addObject();
            for (int c = 0; c < list.columns().size(); c++) {
                SubjectField column = list.columns().get(c);
                cells.place(elementPath + "." + column.path(), sheet, r, c, column.label());
                set(element, column.path(), value(sheet, r, c, column));
            }
        }
        if (!elements.isEmpty()) {
            subject.set(list.field(), elements);
        }
    }

    private Sheet sheet(String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            cells.missingSheet(name);
        }
        return sheet;
    }

    private static boolean blankRow(Sheet sheet, int r, int columns) {
        for (int c = 0; c < columns; c++) {
            if (!TemplateCells.blank(TemplateCells.cell(sheet, r, c))) {
                return false;
            }
        }
        return true;
    }

    /** The typed value of a cell (an enum's name, a list of them), or null when blank or reported as wrong. */
    private Object value(Sheet sheet, int r, int c, SubjectField field) {
        Cell cell = TemplateCells.cell(sheet, r, c);
        Object value = cells.value(cell, field.kind(), field.label());
        if (value == null || field.choices() == null) {
            return value;
        }
        List<String> names = new ArrayList<>();
        for (String text : field.many() ? value.toString().split(LIST_SEPARATORS) : new String[] {value.toString()}) {
            String name = field.choice(text);
            if (name == null) {
                cells.add(sheet, r, c, Texts.of("template.subject.not-a-choice", field.label(), text,
                        String.join("、", field.choiceLabels())));
                return null;
            }
            names.add(name);
        }
        return field.many() ? names : names.get(0);
    }

    /** Sets a value at a dotted path, making the nested objects it needs; a null leaves the path out. */
    @SuppressWarnings("unchecked")
    private static void set(ObjectNode node, String path, Object value) {
        if (value == null) {
            return;
        }
        String[] parts = path.split("\\.");
        ObjectNode parent = node;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (value instanceof List<?> names) {
            ArrayNode array = parent.putArray(leaf);
            ((List<String>) names).forEach(array::add);
        } else {
            TemplateCells.put(parent, leaf, value);
        }
    }
}
