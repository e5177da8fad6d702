package cn.supervision.compliance.balanced;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.IndicatorDefinition;
import cn.supervision.compliance.evaluation.RuleSession;
import cn.supervision.compliance.evaluation.SubItemMax;
import cn.supervision.compliance.evaluation.VetoItem;
import cn.supervision.compliance.facts.SpendingYear;
import cn.supervision.compliance.report.CellKind;
import cn.supervision.compliance.report.DataEntryTemplate;
import cn.supervision.compliance.report.FilledTemplate;
import cn.supervision.compliance.report.RecordField;
import cn.supervision.compliance.report.SheetWriter;
import cn.supervision.compliance.ruleset.DataItem;
import cn.supervision.compliance.ruleset.RuleSets;
import cn.supervision.compliance.text.Texts;

/**
 * The data-entry template of the {@code balanced-development} rule set: the county (县区信息), one row per school
 * section (学校数据) and per special room (专用教室), and for the full assessment the county figures (县域评估数据), the
 * spending series (教育经费), the class-B sub-item scores (B类指标评分) and the veto items (一票否决), the last two
 * listed from the active rule set's workbook. Drop-down lists, number checks and input hints on every data cell. The
 * sheets of fixed rows are protected (no password) with their data cells left open, so that a row cannot be moved off
 * the place it is read from; the sheets of free rows are not, so that rows can be added and pasted. A filled copy
 * uploaded to {@code POST /api/v1/evaluations} gives the same evaluation as the JSON request.
 */
@Component
class CountyTemplate implements DataEntryTemplate {

    static final String RULE_SET = "balanced-development";
    static final String INSTRUCTIONS = "填写说明";
    static final String COUNTY = "县区信息";
    static final String SCHOOLS = "学校数据";
    static final String ROOMS = "专用教室";
    static final String FIGURES = "县域评估数据";
    static final String SPENDING = "教育经费";
    static final String SCORES = "B类指标评分";
    static final String VETO = "一票否决";
    /** Rows of the 县区信息 sheet: label in column A, value in column B. */
    static final int COUNTY_CODE_ROW = 1;
    static final int COUNTY_NAME_ROW = 2;
    static final int YEAR_ROW = 3;
    /** The school fields the 专用教室 sheet fills, in columns B and C (A is the school's code). */
    static final List<String> ROOM_FIELDS = List.of("musicRoomAreasM2", "artRoomAreasM2");
    /** The columns of 教育经费. */
    static final List<RecordField> SPENDING_FIELDS = RecordField.of(SpendingYear.class);
    /** The column of the score on B类指标评分 and of 是/否 on 一票否决. */
    static final int SCORE_COLUMN = 5;
    static final int VETO_COLUMN = 3;
    /** The field of the subject that carries the county figures of the full assessment. */
    private static final String ASSESSMENT = "assessment";
    /** Rows prepared with drop-downs and number checks on the sheets of free rows. */
    private static final int PREPARED_ROWS = 10_000;
    private static final int SPENDING_ROWS = 10;
    private static final List<String> INSTRUCTION_LINES = List.of("template.instructions.title",
            "template.instructions.county", "template.instructions.schools", "template.instructions.values",
            "template.instructions.areas", "template.instructions.excluded", "template.instructions.rooms",
            "template.instructions.figures", "template.instructions.spending", "template.instructions.scores",
            "template.instructions.veto", "template.instructions.scope", "template.instructions.protected",
            "template.instructions.upload", "template.instructions.errors");

    private final RuleSets ruleSets;
    /** The rows of 县域评估数据 (value in column B): the figures of the rule set's {@code assessment} record. */
    private final List<RecordField> figureFields;

    CountyTemplate(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.figureFields = RecordField.of(AssessmentInput.class);
    }

    @Override
    public String ruleSet() {
        return RULE_SET;
    }

    @Override
    public FilledTemplate read(Workbook workbook) {
        return CountyTemplateReader.read(workbook, figureFields);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
             RuleSession session = RuleSession.open(ruleSets.active(RULE_SET), EvaluationRequest.DEFAULT_JURISDICTION)) {
            session.fire();
            CellStyle header = SheetWriter.headerStyle(workbook);
            CellStyle open = workbook.createCellStyle();
            open.setLocked(false);
            instructions(workbook.createSheet(INSTRUCTIONS));
            county(workbook.createSheet(COUNTY), header, open);
            schools(workbook.createSheet(SCHOOLS), header);
            rooms(workbook.createSheet(ROOMS), header);
            figures(workbook.createSheet(FIGURES), header, open, figureFields);
            spending(workbook.createSheet(SPENDING), header);
            scores(workbook.createSheet(SCORES), header, open, session);
            veto(workbook.createSheet(VETO), header, open, session);
            workbook.setActiveSheet(workbook.getSheetIndex(SCHOOLS));
            workbook.write(out);
        }
    }

    private static void instructions(Sheet sheet) {
        sheet.setColumnWidth(0, 140 * 256);
        SheetWriter writer = new SheetWriter(sheet);
        INSTRUCTION_LINES.forEach(key -> writer.row(Texts.of(key)));
    }

    private static void county(Sheet sheet, CellStyle header, CellStyle open) {
        SheetWriter writer = new SheetWriter(sheet).widths(20, 30);
        writer.row(header, "项目", "填写内容");
        writer.row("县(区)代码").createCell(1).setCellStyle(open);
        writer.row("县(区)名称").createCell(1).setCellStyle(open);
        writer.row("评估年度").createCell(1).setCellStyle(open);
        add(sheet, CellKind.COUNT, BigDecimal.valueOf(1990), BigDecimal.valueOf(2100),
                new CellRangeAddressList(YEAR_ROW, YEAR_ROW, 1, 1), "评估年度");
        protect(sheet);
    }

    private static void schools(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet);
        writer.row(header, Arrays.stream(CountyColumn.values()).map(CountyColumn::header).toArray());
        for (CountyColumn column : CountyColumn.values()) {
            sheet.setColumnWidth(column.index(), Math.max(12, column.header().length() * 2 + 2) * 256);
            add(sheet, column.kind(), null, null,
                    new CellRangeAddressList(1, PREPARED_ROWS, column.index(), column.index()), column.header());
        }
        sheet.createFreezePane(0, 1);
    }

    private static void rooms(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet).widths(16, 40, 40);
        writer.row(header, CountyColumn.SCHOOL_ID.header(), Texts.fieldName(ROOM_FIELDS.get(0)),
                Texts.fieldName(ROOM_FIELDS.get(1)));
        for (int c = 1; c <= ROOM_FIELDS.size(); c++) {
            add(sheet, CellKind.DECIMAL, null, null, new CellRangeAddressList(1, PREPARED_ROWS, c, c),
                    Texts.fieldName(ROOM_FIELDS.get(c - 1)));
        }
        sheet.createFreezePane(0, 1);
    }

    /** One row per county figure: its name and unit, the cell to fill, and the data items that use it. */
    private static void figures(Sheet sheet, CellStyle header, CellStyle open, List<RecordField> fields) {
        SheetWriter writer = new SheetWriter(sheet).widths(50, 20, 70);
        writer.row(header, Texts.of("template.column.item"), Texts.of("template.column.value"),
                Texts.of("template.column.used-by"));
        List<DataItem> items = DataItem.catalogue(RULE_SET);
        for (RecordField figure : fields) {
            String path = "subject.assessment." + figure.path();
            String usedBy = items.stream().filter(i -> i.sources().contains(path)).map(DataItem::label)
                    .collect(Collectors.joining("、"));
            Row row = writer.row(figure.label(), null, usedBy);
            row.getCell(1).setCellStyle(open);
            add(sheet, figure.kind(), figure.min(), figure.max(),
                    new CellRangeAddressList(row.getRowNum(), row.getRowNum(), 1, 1), figure.label());
        }
        protect(sheet);
    }

    private static void spending(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet).widths(12, 36, 36);
        writer.row(header, SPENDING_FIELDS.stream().map(f -> Texts.fieldName(f.path())).toArray());
        for (int c = 0; c < SPENDING_FIELDS.size(); c++) {
            RecordField field = SPENDING_FIELDS.get(c);
            add(sheet, field.kind(), field.min(), field.max(), new CellRangeAddressList(1, SPENDING_ROWS, c, c),
                    Texts.fieldName(field.path()));
        }
        sheet.createFreezePane(0, 1);
    }

    /** One row per sub-item of each class-B indicator, as the rule set's workbook lists them (B类指标分值). */
    private static void scores(Sheet sheet, CellStyle header, CellStyle open, RuleSession session) {
        SheetWriter writer = new SheetWriter(sheet).widths(10, 30, 10, 70, 8, 10);
        writer.row(header, Texts.of("template.column.indicator"), Texts.of("template.column.indicator-name"),
                Texts.of("template.column.sub-item"), Texts.of("template.column.sub-item-text"),
                Texts.of("template.column.max"), Texts.of("template.column.score"));
        Map<String, IndicatorDefinition> indicators = session.facts(IndicatorDefinition.class).stream()
                .collect(Collectors.toMap(IndicatorDefinition::code, Function.identity(), (a, b) -> a));
        Comparator<SubItemMax> order = Comparator.comparingInt((SubItemMax s) -> indicators.containsKey(s.indicator())
                ? indicators.get(s.indicator()).catalogueRow() : Integer.MAX_VALUE)
                .thenComparing(SubItemMax::indicator).thenComparingInt(SubItemMax::item);
        for (SubItemMax item : session.facts(SubItemMax.class).stream().sorted(order).toList()) {
            IndicatorDefinition indicator = indicators.get(item.indicator());
            Row row = writer.row(item.indicator(), indicator == null ? null : indicator.name(), item.item(),
                    item.text(), item.max(), null);
            row.getCell(SCORE_COLUMN).setCellStyle(open);
            add(sheet, CellKind.DECIMAL, BigDecimal.ZERO, item.max(),
                    new CellRangeAddressList(row.getRowNum(), row.getRowNum(), SCORE_COLUMN, SCORE_COLUMN),
                    Texts.of("template.sub-item", item.indicator(), item.item()));
        }
        sheet.createFreezePane(0, 1);
        protect(sheet);
    }

    /**
     * One row per veto item the request may raise, in the order the rule set's workbook lists them (否决事项): its
     * rules are named by table and row, so a shorter name is an earlier row.
     */
    private static void veto(Sheet sheet, CellStyle header, CellStyle open, RuleSession session) {
        SheetWriter writer = new SheetWriter(sheet).widths(26, 40, 50, 12);
        writer.row(header, Texts.of("template.column.veto"), Texts.of("template.column.veto-name"),
                Texts.of("template.column.source"), Texts.of("template.column.happened"));
        for (VetoItem item : session.facts(VetoItem.class).stream()
                .sorted(Comparator.comparingInt((VetoItem v) -> v.rule().length()).thenComparing(VetoItem::rule))
                .toList()) {
            Row row = writer.row(item.code(), item.name(), item.source(), null);
            row.getCell(VETO_COLUMN).setCellStyle(open);
            add(sheet, CellKind.YES_NO, null, null,
                    new CellRangeAddressList(row.getRowNum(), row.getRowNum(), VETO_COLUMN, VETO_COLUMN),
                    Texts.of("template.veto-item", item.code()));
        }
        protect(sheet);
    }

    /** The drop-down or number check of a cell kind, with its input hint; free text has neither. */
    private static void add(Sheet sheet, CellKind kind, BigDecimal min, BigDecimal max, CellRangeAddressList cells,
                            String title) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = kind.constraint(helper, min, max);
        if (constraint == null) {
            return;
        }
        String boxTitle = title.length() > 32 ? title.substring(0, 32) : title;
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.setShowErrorBox(true);
        validation.createErrorBox(boxTitle, kind.hint(min, max));
        validation.setShowPromptBox(true);
        validation.createPromptBox(boxTitle, kind.hint(min, max));
        sheet.addValidationData(validation);
    }

    /** Protected without a password: headings and labels locked, the cells styled open stay editable. */
    private static void protect(Sheet sheet) {
        ((XSSFSheet) sheet).enableLocking();
    }
}
