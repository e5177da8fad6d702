package cn.supervision.compliance.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.Quantities;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.text.Texts;

/**
 * The cells of a filled template as the readers of its sheets take them: typed values (a cell of the wrong type is a
 * problem naming sheet and cell), every problem found, and which cell fills which request field.
 */
public final class TemplateCells {

    private static final DataFormatter TEXT = new DataFormatter();

    private final Map<String, CellProblem> places = new HashMap<>();
    private final List<CellProblem> problems = new ArrayList<>();

    public Map<String, CellProblem> places() {
        return Map.copyOf(places);
    }

    public List<CellProblem> problems() {
        return List.copyOf(problems);
    }

    public static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    public static boolean blank(Cell cell) {
        return cell == null || TEXT.formatCellValue(cell).isBlank();
    }

    /**
     * The value of a cell as the request field needs it (text, an enum name, an Integer, a BigDecimal, a Boolean), or
     * null when it is blank or of the wrong kind; the wrong kind is reported, {@code label} naming the column or row.
     */
    public Object value(Cell cell, CellKind kind, String label) {
        if (blank(cell)) {
            return null;
        }
        if (cell.getCellType() == CellType.FORMULA && !computedNumber(cell)) {
            // the service does not calculate: a formula Excel has not computed would read as 0, a text formula as its
            // source; neither is a figure the clerk can see, so the cell is refused by name
            add(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex(), Texts.of(
                    cachedValue(cell) ? "template.formula-text" : "template.formula-without-value", label,
                    cell.getCellFormula()));
            return null;
        }
        boolean numeric = cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.FORMULA;
        BigDecimal number = numeric ? BigDecimal.valueOf(cell.getNumericCellValue()) : null;
        String text = numeric && cell.getCellType() == CellType.FORMULA ? number.stripTrailingZeros().toPlainString()
                : TEXT.formatCellValue(cell).strip();
        if (!numeric) {
            number = number(text);
        }
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
            case YES_NO -> {
                Boolean yes = yesNo(cell, text);
                if (yes != null) {
                    return yes;
                }
                wrong = "template.not-yes-no";
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
        add(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex(), Texts.of(wrong, label, text));
        return null;
    }

    /** A formula whose value Excel computed and saved as a number (a saved workbook has one; a generated one may not). */
    private static boolean computedNumber(Cell cell) {
        return cachedValue(cell) && cell.getCachedFormulaResultType() == CellType.NUMERIC;
    }

    private static boolean cachedValue(Cell cell) {
        return !(cell instanceof XSSFCell xssf) || xssf.getCTCell().isSetV();
    }

    /** Remembers that the cell fills the request field, so that a problem of the field is reported at the cell. */
    public void place(String field, Sheet sheet, int r, int c, String label) {
        places.put(field, new CellProblem(sheet.getSheetName(), new CellReference(r, c).formatAsString(), field, label));
    }

    public void add(Sheet sheet, int r, int c, String message) {
        problems.add(new CellProblem(sheet.getSheetName(), new CellReference(r, c).formatAsString(), null, message));
    }

    public void missingSheet(String name) {
        problems.add(new CellProblem(name, null, null, Texts.of("template.missing-sheet", name)));
    }

    public static void put(ObjectNode node, String field, Object value) {
        if (value instanceof BigDecimal number) {
            node.put(field, number);
        } else if (value instanceof Integer number) {
            node.put(field, number);
        } else if (value instanceof Boolean yes) {
            node.put(field, yes);
        } else if (value != null) {
            node.put(field, value.toString());
        }
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

    /** 是 or 否 as the list offers them (in either language of the catalogue), or a TRUE/FALSE cell. */
    private static Boolean yesNo(Cell cell, String text) {
        if (cell.getCellType() == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        for (Locale locale : List.of(Texts.CHINESE, Locale.ENGLISH)) {
            if (text.equalsIgnoreCase(Texts.messageSource().getMessage("template.yes", null, locale))) {
                return true;
            }
            if (text.equalsIgnoreCase(Texts.messageSource().getMessage("template.no", null, locale))) {
                return false;
            }
        }
        return null;
    }
}
