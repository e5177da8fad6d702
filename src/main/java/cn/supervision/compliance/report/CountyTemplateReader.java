package cn.supervision.compliance.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.Quantities;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.text.Texts;

/**
 * Reads a filled county template into the {@code subject} of the JSON request, remembering which cell fills which
 * request field, so that problems found later by the evaluation's own validation are reported by sheet and cell too.
 * Only cell types are checked here (numbers, whole numbers, list values); ranges and required figures are checked once,
 * by the same validation as the JSON request.
 */
final class CountyTemplateReader {

    private static final DataFormatter TEXT = new DataFormatter();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    // What the clerk reads about a cell: the column (or row label), then what is wrong with what was written.

    private final Map<String, CellProblem> cells = new HashMap<>();
    private final List<CellProblem> problems = new ArrayList<>();
    private final ObjectNode subject = JSON.objectNode();

    /** The filled template: the subject as JSON, the problems found in the cells, and where each field came from. */
    record Filled(JsonNode subject, List<CellProblem> problems, Map<String, CellProblem> cells) {

        /** Places a problem of the request at its cell: the field itself, or the nearest enclosing one. */
        CellProblem locate(InputProblem problem) {
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

    static Filled read(Workbook workbook) {
        CountyTemplateReader reader = new CountyTemplateReader();
        reader.county(workbook.getSheet(CountyTemplate.COUNTY));
        reader.schools(workbook.getSheet(CountyTemplate.SCHOOLS));
        return new Filled(reader.subject, List.copyOf(reader.problems), Map.copyOf(reader.cells));
    }

    private void county(Sheet sheet) {
        if (sheet == null) {
            missingSheet(CountyTemplate.COUNTY);
            return;
        }
        place("subject", sheet, CountyTemplate.COUNTY_CODE_ROW, 1, "县(区)代码");
        String code = text(sheet, CountyTemplate.COUNTY_CODE_ROW, "subject.countyCode", "县(区)代码");
        String name = text(sheet, CountyTemplate.COUNTY_NAME_ROW, "subject.countyName", "县(区)名称");
        place("subject.year", sheet, CountyTemplate.YEAR_ROW, 1, "评估年度");
        Object year = value(cell(sheet, CountyTemplate.YEAR_ROW, 1), CountyColumn.Kind.COUNT, sheet, "评估年度");
        putIfPresent(subject, "countyCode", code);
        putIfPresent(subject, "countyName", name);
        putIfPresent(subject, "year", year);
    }

    private String text(Sheet sheet, int row, String field, String label) {
        place(field, sheet, row, 1, label);
        return (String) value(cell(sheet, row, 1), CountyColumn.Kind.TEXT, sheet, label);
    }

    private void schools(Sheet sheet) {
        ArrayNode schools = subject.putArray("schools");
        if (sheet == null) {
            missingSheet(CountyTemplate.SCHOOLS);
            return;
        }
        place("subject.schools", sheet, 1, 0, CountyTemplate.SCHOOLS);
        Map<String, Integer> schoolIndex = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<CountyColumn, Object> values = row(sheet, r);
            if (values == null) {
                continue;
            }
            Object id = values.get(CountyColumn.SCHOOL_ID);
            if (id == null) {
                add(sheet, r, CountyColumn.SCHOOL_ID.index(),
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
                        place(path + "." + column.field(), sheet, r, column.index(), column.header());
                    }
                }
                place(path + ".sections", sheet, r, CountyColumn.STAGE.index(), CountyColumn.STAGE.header());
                place(path, sheet, r, CountyColumn.SCHOOL_ID.index(), CountyColumn.SCHOOL_ID.header());
            } else {
                school = (ObjectNode) schools.get(index);
            }
            String path = "subject.schools[" + index + "]";
            ArrayNode sections = (ArrayNode) school.get("sections");
            String sectionPath = path + ".sections[" + sections.size() + "]";
            ObjectNode section = sections.addObject();
            place(sectionPath, sheet, r, CountyColumn.SCHOOL_ID.index(), CountyColumn.SCHOOL_ID.header());
            for (CountyColumn column : CountyColumn.values()) {
                Object value = values.get(column);
                switch (column.level()) {
                    case SECTION -> {
                        place(sectionPath + "." + column.field(), sheet, r, column.index(), column.header());
                        putIfPresent(section, column.field(), value);
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
            putIfPresent(school, column.field(), value);
            place(path + "." + column.field(), sheet, r, column.index(), column.header());
        } else if (!sameValue(given, value)) {
            add(sheet, r, column.index(), Texts.of("template.differs", column.header(), school.path("id").asText(),
                    given.asText()));
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
            if (cell != null && !TEXT.formatCellValue(cell).isBlank()) {
                any = true;
                Object value = value(cell, column.kind(), sheet, column.header());
                if (value != null) {
                    values.put(column, value);
                }
            }
        }
        return any ? values : null;
    }

    private Object value(Cell cell, CountyColumn.Kind kind, Sheet sheet, String label) {
        if (cell == null) {
            return null;
        }
        String text = TEXT.formatCellValue(cell).strip();
        if (text.isEmpty()) {
            return null;
        }
        boolean numeric = cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
        BigDecimal number = numeric ? BigDecimal.valueOf(cell.getNumericCellValue()) : number(text);
        String wrong = "template.not-a-number";
        switch (kind) {
            case TEXT -> {
                return text;
            }
            case SCHOOL_TYPE -> {
                SchoolType type = schoolType(text);
                if (type != null) {
                    return type.name();
                }
                wrong = "template.not-a-school-type";
            }
            case STAGE -> {
                Stage stage = stage(text);
                if (stage != null) {
                    return stage.name();
                }
                wrong = "template.not-a-stage";
            }
            case DECIMAL -> {
                if (number != null) {
                    return number;
                }
            }
            case COUNT -> {
                if (number != null && number.stripTrailingZeros().scale() > 0) {
                    wrong = "template.not-whole";
                } else if (number != null && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    wrong = "template.too-large";
                } else if (number != null) {
                    return number.intValueExact();
                }
            }
        }
        add(sheet, cell.getRowIndex(), cell.getColumnIndex(), Texts.of(wrong, label, text));
        return null;
    }

    /** A number as a clerk writes it (full-width digits, a trailing %), or null when it is none. */
    private static BigDecimal number(String text) {
        try {
            return Quantities.parse(text, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SchoolType schoolType(String text) {
        for (SchoolType type : SchoolType.values()) {
            if (type.label().equals(text) || type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        return null;
    }

    private static Stage stage(String text) {
        try {
            return Stage.fromLabel(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameValue(JsonNode given, Object value) {
        if (given.isNumber() && value instanceof BigDecimal number) {
            return given.decimalValue().compareTo(number) == 0;
        }
        return Objects.equals(given.asText(), value.toString());
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof BigDecimal number) {
            node.put(field, number);
        } else if (value instanceof Integer number) {
            node.put(field, number);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private void place(String field, Sheet sheet, int r, int c, String label) {
        cells.put(field, new CellProblem(sheet.getSheetName(), new CellReference(r, c).formatAsString(), field, label));
    }

    private void add(Sheet sheet, int r, int c, String message) {
        problems.add(new CellProblem(sheet.getSheetName(), new CellReference(r, c).formatAsString(), null, message));
    }

    private void missingSheet(String name) {
        problems.add(new CellProblem(name, null, null, Texts.of("template.missing-sheet", name)));
    }
}
