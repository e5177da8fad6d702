package cn.supervision.compliance.checkrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.supervision.compliance.checkrows.SubjectField.ListField;
import cn.supervision.compliance.report.CellKind;
import cn.supervision.compliance.report.DataEntryTemplate;
import cn.supervision.compliance.report.FilledTemplate;
import cn.supervision.compliance.report.SheetWriter;
import cn.supervision.compliance.report.TemplateSheets;
import cn.supervision.compliance.system.JurisdictionNodes;
import cn.supervision.compliance.text.Texts;

/**
 * The data-entry template of a check-row rule set, drawn from its subject record: a sheet of the subject's single
 * figures (one row each: name, unit, the cell to fill, an example, a hint; nested records such as {@code health} in
 * their place), a sheet per list of records ({@code grades}, {@code spending}…: one row per element, the first row
 * under the headings an example that is not read), and the jurisdictions with their division-code prefixes, so that a
 * clerk sees which one the code typed places the subject under. Names and units come from the catalogue
 * ({@code field.*}), examples from {@code template-examples/<rule set>.json}. Every sheet prints on A4 landscape, one
 * page wide, its headings on every page.
 */
public class SubjectTemplate implements DataEntryTemplate {

    /** Rows under the headings of a list sheet prepared with number checks and drop-downs. */
    static final int PREPARED_ROWS = 200;
    /** The columns of the single-figure sheet. */
    static final int VALUE_COLUMN = 2;
    /** Heading and example rows above the data of a list sheet. */
    static final int LIST_FIRST_ROW = 2;

    private final String ruleSet;
    private final List<SubjectField> fields;
    private final List<ListField> lists;
    private final JurisdictionNodes jurisdictions;
    private final JsonNode example;

    public SubjectTemplate(String ruleSet, Class<? extends Record> subject, JurisdictionNodes jurisdictions,
                           ObjectMapper mapper) {
        this.ruleSet = ruleSet;
        this.fields = SubjectField.scalars(subject);
        this.lists = SubjectField.lists(subject);
        this.jurisdictions = jurisdictions;
        this.example = example(ruleSet, mapper);
    }

    @Override
    public String ruleSet() {
        return ruleSet;
    }

    /** Sheet names are Chinese whatever the language of the request, so that a template reads back in any. */
    static String sheetName(String key) {
        return Texts.messageSource().getMessage(key, null, Texts.CHINESE);
    }

    static String fieldsSheet() {
        return sheetName("template.subject.sheet.fields");
    }

    static String sheetOf(ListField list) {
        return sheetName("field." + list.field());
    }

    @Override
    public FilledTemplate read(Workbook workbook) {
        return new SubjectTemplateReader(workbook).read(fields, lists);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = SheetWriter.headerStyle(workbook);
            instructions(workbook.createSheet(sheetName("template.subject.sheet.instructions")));
            figures(workbook.createSheet(fieldsSheet()), header, workbook);
            for (ListField list : lists) {
                list(workbook.createSheet(sheetOf(list)), list, header, exampleStyle(workbook));
            }
            jurisdictions(workbook.createSheet(sheetName("template.subject.sheet.jurisdictions")), header);
            workbook.setActiveSheet(1);
            workbook.write(out);
        }
    }

    private void instructions(Sheet sheet) {
        sheet.setColumnWidth(0, 140 * 256);
        SheetWriter writer = new SheetWriter(sheet);
        String listSheets = lists.stream().map(l -> "「" + sheetOf(l) + "」").collect(Collectors.joining("、"));
        writer.row(Texts.of("template.subject.instructions.title", ruleSet));
        writer.row(Texts.of("template.subject.instructions.fields", fieldsSheet()));
        if (!lists.isEmpty()) {
            writer.row(Texts.of("template.subject.instructions.lists", listSheets));
        }
        writer.row(Texts.of("template.subject.instructions.jurisdiction",
                sheetName("template.subject.sheet.jurisdictions")));
        writer.row(Texts.of("template.subject.instructions.upload"));
        writer.row(Texts.of("template.subject.instructions.errors"));
        TemplateSheets.print(sheet, 1, false);
    }

    /** One row per single figure: name, unit, the cell to fill (the only open cell), example and hint. */
    private void figures(Sheet sheet, CellStyle header, Workbook workbook) {
        CellStyle open = workbook.createCellStyle();
        open.setLocked(false);
        SheetWriter writer = new SheetWriter(sheet).widths(44, 10, 24, 24, 60);
        writer.row(header, Texts.of("template.column.item"), Texts.of("template.subject.column.unit"),
                Texts.of("template.column.value"), Texts.of("template.subject.column.example"),
                Texts.of("template.subject.column.hint"));
        for (SubjectField field : fields) {
            Row row = writer.row(field.name().name(), field.name().unit(), null, exampleText(field, example),
                    hint(field));
            row.getCell(VALUE_COLUMN).setCellStyle(open);
            check(sheet, field, new CellRangeAddressList(row.getRowNum(), row.getRowNum(), VALUE_COLUMN,
                    VALUE_COLUMN));
        }
        sheet.createFreezePane(0, 1);
        ((XSSFSheet) sheet).enableLocking();
        TemplateSheets.print(sheet, 1, false);
    }

    /** Headings, an example row (greyed, not read), and the prepared rows with their checks. */
    private void list(Sheet sheet, ListField list, CellStyle header, CellStyle exampleStyle) {
        SheetWriter writer = new SheetWriter(sheet);
        writer.row(header, list.columns().stream().map(SubjectField::label).toArray());
        JsonNode first = example.path(list.field()).path(0);
        Row row = writer.row(list.columns().stream().map(f -> exampleText(f, first)).toArray());
        row.forEach(cell -> cell.setCellStyle(exampleStyle));
        for (int c = 0; c < list.columns().size(); c++) {
            SubjectField column = list.columns().get(c);
            sheet.setColumnWidth(c, Math.max(14, column.label().length() * 2 + 2) * 256);
            check(sheet, column, new CellRangeAddressList(LIST_FIRST_ROW, LIST_FIRST_ROW + PREPARED_ROWS - 1, c, c));
        }
        sheet.createFreezePane(0, LIST_FIRST_ROW);
        TemplateSheets.print(sheet, 1, false);
    }

    /** Each jurisdiction and the division-code prefix that places a subject under it. */
    private void jurisdictions(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet).widths(24, 24);
        writer.row(header, Texts.of("template.subject.column.jurisdiction"),
                Texts.of("template.subject.column.division-prefix"));
        jurisdictions.nodes().values().stream().filter(n -> n.divisionPrefix() != null)
                .sorted(Comparator.comparing(JurisdictionNodes.Node::divisionPrefix))
                .forEach(n -> writer.row(n.code(), n.divisionPrefix()));
        TemplateSheets.print(sheet, 1, false);
    }

    private static void check(Sheet sheet, SubjectField field, CellRangeAddressList cells) {
        String hint = hint(field);
        DataValidationConstraint constraint = field.choices() != null && !field.many()
                ? sheet.getDataValidationHelper().createExplicitListConstraint(
                        field.choiceLabels().toArray(String[]::new))
                : field.kind().constraint(sheet.getDataValidationHelper(), field.min(), field.max());
        if (constraint != null && hint != null) {
            TemplateSheets.check(sheet, constraint, cells, field.label(), hint);
        }
    }

    private static String hint(SubjectField field) {
        if (field.choices() != null) {
            String choices = String.join("、", field.choiceLabels());
            return field.many() ? Texts.of("template.subject.hint.choices-many", choices)
                    : Texts.of("template.subject.hint.choices", choices);
        }
        if (field.kind() == CellKind.TEXT) {
            return field.path().endsWith("Code") ? Texts.of("template.subject.hint.division-code",
                    sheetName("template.subject.sheet.jurisdictions")) : null;
        }
        return field.kind().hint(field.min(), field.max());
    }

    /** The example value of a field as a clerk would type it, or null when the example has none. */
    private static Object exampleText(SubjectField field, JsonNode from) {
        JsonNode value = from.at("/" + field.path().replace('.', '/'));
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(v -> field.labelOf(v.asText()))
                    .collect(Collectors.joining("、"));
        }
        if (value.isBoolean()) {
            return Texts.of(value.booleanValue() ? "template.yes" : "template.no");
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return field.choices() != null ? field.labelOf(value.asText()) : value.asText();
    }

    private static CellStyle exampleStyle(Workbook workbook) {
        Font grey = workbook.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        CellStyle style = workbook.createCellStyle();
        style.setFont(grey);
        return style;
    }

    /** The example subject the template shows beside the cells, if the rule set ships one. */
    private static JsonNode example(String ruleSet, ObjectMapper mapper) {
        ClassPathResource resource = new ClassPathResource("template-examples/" + ruleSet + ".json");
        if (!resource.exists()) {
            return MissingNode.getInstance();
        }
        try (InputStream in = resource.getInputStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
