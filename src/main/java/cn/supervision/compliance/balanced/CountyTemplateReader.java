package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.report.CellKind;
import cn.supervision.compliance.report.CellProblem;
import cn.supervision.compliance.report.FilledTemplate;
import cn.supervision.compliance.report.RecordField;
import cn.supervision.compliance.report.TemplateCells;
import cn.supervision.compliance.text.Texts;

/**
 * Reads a filled county template into the {@code subject} of the JSON request, remembering which cell fills which
 * request field, so that problems found later by the evaluation's own validation are reported by sheet and cell too.
 * Only cell types are checked here (numbers, whole numbers, list values); ranges and required figures are checked once,
 * by the same validation as the JSON request. The sheets of the full assessment are read by {@link AssessmentReader};
 * left blank (or missing, in a template of the resource allocation only), the request has no {@code assessment}.
 */
final class CountyTemplateReader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TemplateCells cells = new TemplateCells();
    private final ObjectNode subject = JSON.objectNode();
    /** The index of each school in {@code subject.schools}, by its code. */
    private final Map<String, Integer> schoolIndex = new LinkedHashMap<>();

    /** {@code figures}: the rows of 县域评估数据, as {@link CountyTemplate#figureFields()} writes them. */
    static FilledTemplate read(Workbook workbook, List<RecordField> figures) {
        CountyTemplateReader reader = new CountyTemplateReader();
        reader.county(workbook.getSheet(CountyTemplate.COUNTY));
        reader.schools(workbook.getSheet(CountyTemplate.SCHOOLS));
        reader.rooms(workbook.getSheet(CountyTemplate.ROOMS));
        ObjectNode assessment = AssessmentReader.read(workbook, reader.cells, figures);
        if (!assessment.isEmpty()) {
            reader.subject.set("assessment", assessment);
        }
        return new FilledTemplate(reader.subject, reader.cells.problems(), reader.cells.places());
    }

    private void county(Sheet sheet) {
        if (sheet == null) {
            cells.missingSheet(CountyTemplate.COUNTY);
            return;
        }
        cells.place("subject", sheet, CountyTemplate.COUNTY_CODE_ROW, 1, "县(区)代码");
        TemplateCells.put(subject, "countyCode", countyValue(sheet, CountyTemplate.COUNTY_CODE_ROW, "countyCode",
                CellKind.TEXT, "县(区)代码"));
        TemplateCells.put(subject, "countyName", countyValue(sheet, CountyTemplate.COUNTY_NAME_ROW, "countyName",
                CellKind.TEXT, "县(区)名称"));
        TemplateCells.put(subject, "year", countyValue(sheet, CountyTemplate.YEAR_ROW, "year", CellKind.COUNT,
                "评估年度"));
    }

    private Object countyValue(Sheet sheet, int row, String field, CellKind kind, String label) {
        cells.place("subject." + field, sheet, row, 1, label);
        return cells.value(TemplateCells.cell(sheet, row, 1), kind, label);
    }

    private void schools(Sheet sheet) {
        ArrayNode schools = subject.putArray("schools");
        if (sheet == null) {
            cells.missingSheet(CountyTemplate.SCHOOLS);
            return;
        }
        cells.place("subject.schools", sheet, 1, 0, CountyTemplate.SCHOOLS);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<CountyColumn, Object> values = row(sheet, r);
            if (values == null) {
                continue;
            }
            Object id = values.get(CountyColumn.SCHOOL_ID);
            if (id == null) {
                cells.add(sheet, r, CountyColumn.SCHOOL_ID.index(),
                        Texts.of("template.school-id-required", CountyColumn.SCHOOL_ID.header()));
                continue;
            }
            Integer index = schoolIndex.get(id.toString());
            ObjectNode school;
            if (index == null) {
                index = schools.size();
                schoolIndex.put(id.toString(), index);
                school = schools.addObject();
                school.putArray("sections");
                String path = "subject.schools[" + index + "]";
                for (CountyColumn column : CountyColumn.values()) {
                    if (column.level() != CountyColumn.Level.SECTION) {
                        cells.place(path + "." + column.field(), sheet, r, column.index(), column.header());
                    }
                }
                cells.place(path + ".sections", sheet, r, CountyColumn.STAGE.index(), CountyColumn.STAGE.header());
                cells.place(path, sheet, r, CountyColumn.SCHOOL_ID.index(), CountyColumn.SCHOOL_ID.header());
            } else {
                school = (ObjectNode) schools.get(index);
            }
            String path = "subject.schools[" + index + "]";
            ArrayNode sections = (ArrayNode) school.get("sections");
            String sectionPath = path + ".sections[" + sections.size() + "]";
            ObjectNode section = sections.addObject();
            cells.place(sectionPath, sheet, r, CountyColumn.SCHOOL_ID.index(), CountyColumn.SCHOOL_ID.header());
            for (CountyColumn column : CountyColumn.values()) {
                Object value = values.get(column);
                switch (column.level()) {
                    case SECTION -> {
                        cells.place(sectionPath + "." + column.field(), sheet, r, column.index(), column.header());
                        TemplateCells.put(section, column.field(), value);
                    }
                    case SCHOOL, SCHOOL_TOTAL -> schoolValue(school, path, column, value, sheet, r);
                }
            }
        }
    }

    /** A school's own value: the same on every row of the school where it is written. */
    private void schoolValue(ObjectNode school, String path, CountyColumn column, Object value, Sheet sheet, int r) {
        if (value == null) {
            return;
        }
        JsonNode given = school.get(column.field());
        if (given == null) {
            TemplateCells.put(school, column.field(), value);
            cells.place(path + "." + column.field(), sheet, r, column.index(), column.header());
        } else if (!sameValue(given, value)) {
            cells.add(sheet, r, column.index(), Texts.of("template.differs", column.header(),
                    school.path("id").asText(), given.asText()));
        }
    }

    /** The typed values of a row, or null when the row is empty. Cells of the wrong type are reported. */
    private Map<CountyColumn, Object> row(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        if (row == null) {
            return null;
        }
        Map<CountyColumn, Object> values = new EnumMap<>(CountyColumn.class);
        boolean any = false;
        for (CountyColumn column : CountyColumn.values()) {
            Cell cell = row.getCell(column.index());
            if (!TemplateCells.blank(cell)) {
                any = true;
                Object value = cells.value(cell, column.kind(), column.header());
                if (value != null) {
                    values.put(column, value);
                }
            }
        }
        return any ? values : null;
    }

    /**
     * The 专用教室 sheet: one row per room, the school's code and the area of a music room, of an art room, or of
     * one of each; each area joins the list of its school ({@code musicRoomAreasM2}, {@code artRoomAreasM2}).
     */
    private void rooms(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        ArrayNode schools = (ArrayNode) subject.get("schools");
        String idLabel = CountyColumn.SCHOOL_ID.header();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell idCell = TemplateCells.cell(sheet, r, 0);
            List<Cell> areas = new ArrayList<>();
            for (int c = 1; c <= CountyTemplate.ROOM_FIELDS.size(); c++) {
                areas.add(TemplateCells.cell(sheet, r, c));
            }
            if (TemplateCells.blank(idCell) && areas.stream().allMatch(TemplateCells::blank)) {
                continue;
            }
            Object id = cells.value(idCell, CellKind.TEXT, idLabel);
            Integer index = id == null ? null : schoolIndex.get(id.toString());
            if (index == null) {
                cells.add(sheet, r, 0, id == null ? Texts.of("template.school-id-required", idLabel)
                        : Texts.of("template.unknown-school", idLabel, id, CountyTemplate.SCHOOLS));
                continue;
            }
            ObjectNode school = (ObjectNode) schools.get(index);
            for (int i = 0; i < areas.size(); i++) {
                String field = CountyTemplate.ROOM_FIELDS.get(i);
                Object area = cells.value(areas.get(i), CellKind.DECIMAL, Texts.fieldName(field));
                if (area != null) {
                    ArrayNode list = school.has(field) ? (ArrayNode) school.get(field) : school.putArray(field);
                    String path = "subject.schools[" + index + "]." + field;
                    cells.place(path + "[" + list.size() + "]", sheet, r, 1 + i, Texts.fieldName(field));
                    if (list.isEmpty()) {
                        cells.place(path, sheet, r, 1 + i, Texts.fieldName(field));
                    }
                    list.add((BigDecimal) area);
                }
            }
        }
    }

    private static boolean sameValue(JsonNode given, Object value) {
        if (given.isNumber() && value instanceof BigDecimal number) {
            return given.decimalValue().compareTo(number) == 0;
        }
        return Objects.equals(given.asText(), value.toString());
    }
}
