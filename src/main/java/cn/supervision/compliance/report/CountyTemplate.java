package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;

/**
 * The data-entry template of the {@code balanced-development} rule set: a county (sheet 县区信息) and one row per school
 * section (sheet 学校数据), with drop-down lists for 学校类型 and 学段 and number checks on the figures. A filled copy
 * uploaded to {@code POST /api/v1/evaluations} gives the same evaluation as the JSON request.
 */
@Component
public class CountyTemplate {

    public static final String RULE_SET = "balanced-development";
    static final String INSTRUCTIONS = "填写说明";
    static final String COUNTY = "县区信息";
    static final String SCHOOLS = "学校数据";
    /** Rows of the 县区信息 sheet: label in column A, value in column B. */
    static final int COUNTY_CODE_ROW = 1;
    static final int COUNTY_NAME_ROW = 2;
    static final int YEAR_ROW = 3;
    /** Rows prepared with drop-downs and number checks on the 学校数据 sheet. */
    private static final int PREPARED_ROWS = 10_000;
    private static final String[] INSTRUCTION_LINES = {
        "县域义务教育优质均衡发展 · 资源配置数据填报模板",
        "1. 在「县区信息」表填写县(区)代码、县(区)名称和评估年度。",
        "2. 在「学校数据」表每个学校的每个学段填一行：九年一贯制学校填小学、初中两行，完全中学填初中、高中两行，学校代码、名称、类型每行都填。",
        "3. 学校类型、学段请从下拉列表中选择；人数、教室数填整数，面积（平方米）和金额（元）可填小数，均不能为负数。",
        "4. 面积和仪器设备值：按学段分别填写（各学段都要填），或只在该校任一行填写「全校」三列，由系统按生均权重拆分到各学段。",
        "5. 高中学段只需填学生数（参与拆分，不单独评估）；特殊教育学校、学生数不足规定人数的教学点由系统按规则排除。",
        "6. 上传：在浏览器中打开本系统的工作台（网址以 /console/ 结尾），登录后进入「数据填报」，在「第二步：上传填好的模板」"
                + "中点「选择文件」选中本文件，再点「上传并评估」。",
        "7. 有误的单元格会按「工作表!单元格」一次全部列出（如「学校数据!L5：教学仪器设备值（元）：“八十万”不是数字」），改正后重新上传即可；"
                + "没有错误时直接显示评估结果。",
    };

    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = SheetWriter.headerStyle(workbook);
            instructions(workbook.createSheet(INSTRUCTIONS));
            county(workbook.createSheet(COUNTY), header);
            schools(workbook.createSheet(SCHOOLS), header);
            workbook.setActiveSheet(workbook.getSheetIndex(SCHOOLS));
            workbook.write(out);
        }
    }

    private static void instructions(Sheet sheet) {
        sheet.setColumnWidth(0, 140 * 256);
        SheetWriter writer = new SheetWriter(sheet);
        Arrays.stream(INSTRUCTION_LINES).forEach(writer::row);
    }

    private static void county(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet).widths(20, 30);
        writer.row(header, "项目", "填写内容");
        writer.row("县(区)代码");
        writer.row("县(区)名称");
        writer.row("评估年度");
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint year = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "1990", "2100");
        add(sheet, helper, year, new CellRangeAddressList(YEAR_ROW, YEAR_ROW, 1, 1), "评估年度", "请填写四位年份");
    }

    private static void schools(Sheet sheet, CellStyle header) {
        SheetWriter writer = new SheetWriter(sheet);
        writer.row(header, Arrays.stream(CountyColumn.values()).map(CountyColumn::header).toArray());
        for (CountyColumn column : CountyColumn.values()) {
            sheet.setColumnWidth(column.index(), Math.max(12, column.header().length() * 2 + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (CountyColumn column : CountyColumn.values()) {
            CellRangeAddressList cells = new CellRangeAddressList(1, PREPARED_ROWS, column.index(), column.index());
            switch (column.kind()) {
                case SCHOOL_TYPE -> add(sheet, helper, helper.createExplicitListConstraint(
                        Arrays.stream(SchoolType.values()).map(SchoolType::label).toArray(String[]::new)), cells,
                        column.header(), "请从列表中选择学校类型");
                case STAGE -> add(sheet, helper, helper.createExplicitListConstraint(
                        Arrays.stream(Stage.values()).map(Stage::label).toArray(String[]::new)), cells,
                        column.header(), "请从列表中选择学段");
                case COUNT -> add(sheet, helper, helper.createIntegerConstraint(
                        DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), cells,
                        column.header(), "请填写不小于 0 的整数");
                case DECIMAL -> add(sheet, helper, helper.createDecimalConstraint(
                        DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), cells,
                        column.header(), "请填写不小于 0 的数");
                case TEXT -> { }
            }
        }
    }

    private static void add(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
                            CellRangeAddressList cells, String title, String message) {
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.setShowErrorBox(true);
        validation.createErrorBox(title, message);
        validation.setShowPromptBox(true);
        validation.createPromptBox(title, message);
        sheet.addValidationData(validation);
    }
}
