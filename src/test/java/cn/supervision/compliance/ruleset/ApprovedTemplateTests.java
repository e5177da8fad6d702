package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;


/** The shipped workbook reproduces its approved template; what a policy editor may and may not write in it. */
class ApprovedTemplateTests {

    private static final java.util.function.ToIntFunction<String> NO_TEXT = text -> {
        throw new AssertionError("no text expected");
    };

    private static final String FILE = Workbooks.RESOURCE_ALLOCATION;
    private final ApprovedTemplate template = ShippedRuleSets.templates()
            .of("balanced-development", FILE).orElseThrow();

    private byte[] check(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = WorkbookFormat.open(FILE, workbook)) {
            return ValuesOnly.check(FILE, book, template, new RowCatalogue.Builder(), new CodeReferences());
        }
    }

    private List<RuleSetProblem> problems(byte[] workbook) {
        return catchThrowableOfType(WorkbookRejected.class, () -> check(workbook)).problems();
    }

    @Test
    void theShippedWorkbookMatchesTheApprovedTemplateShippedInTheJar() throws IOException {
        assertThat(check(Workbooks.shipped())).isNotEmpty();
        assertThat(template.sheets()).extracting(ApprovedTemplate.SheetTemplate::name)
                .containsExactly("评估范围", "管辖区域", "参数", "资源配置标准", "差异系数", "整改措施");
        template.sheets().forEach(sheet -> sheet.tables().forEach(table ->
                assertThat(table.types()).as(table.name()).hasSize(table.width())));
    }

    @ParameterizedTest
    @CsvSource({"balanced-development, resource-allocation.xlsx", "balanced-development, county-assessment.xlsx",
            "curriculum, curriculum.xlsx", "district-targets, district-targets.xlsx"})
    void everyShippedWorkbookMatchesItsApprovedTemplate(String ruleSet, String file) throws IOException {
        ApprovedTemplate approved = ShippedRuleSets.templates().of(ruleSet, file).orElseThrow();
        byte[] shipped = Files.readAllBytes(ShippedRuleSets.DECISION_TABLES.resolve(ruleSet).resolve(file));
        try (XSSFWorkbook book = WorkbookFormat.open(file, shipped)) {
            assertThat(ValuesOnly.check(file, book, approved, new RowCatalogue.Builder(), new CodeReferences())).isNotEmpty();
        }
    }

    @Test
    void textInANumberCellIsNamedByCell() {
        assertThat(problems(Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E14", "≥0,9")))
                .containsExactly(new RuleSetProblem(FILE, "资源配置标准", "E14", "“≥0,9”不是数字（标准（要求））"));
        assertThat(problems(Workbooks.withCell(Workbooks.shipped(), "参数", "B10", "六")))
                .containsExactly(new RuleSetProblem(FILE, "参数", "B10", "“六”不是数字（七项指标中最少达标项数）"));
    }

    @Test
    void aChangedCodeRowAndAnExtraCodeColumnAreRejected() {
        byte[] changed = Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E8",
                "insert(check.requiring(\"$param\")); System.exit(0);");
        assertThat(problems(changed)).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("E8");
            assertThat(p.message()).isEqualTo("工作表“资源配置标准”第 E 列（“标准（要求）”）标题上方的代码行被改动：代码行属于审定模板，不能修改");
        });
        byte[] extra = Workbooks.withCell(Workbooks.withCell(Workbooks.shipped(), "差异系数", "D6", "ACTION"),
                "差异系数", "D8", "System.exit(0);");
        assertThat(problems(extra)).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("D6");
            assertThat(p.message()).startsWith("工作表“差异系数”第 D 列是多出的列");
        });
    }

    @Test
    void codeInAValueCellIsRejected() {
        assertThat(problems(Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "B10", "小学\") || true || (\"")))
                .singleElement().satisfies(p -> {
                    assertThat(p.cell()).isEqualTo("B10");
                    assertThat(p.message()).contains("不是以下之一：小学、初中、高中");
                });
        assertThat(problems(Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E10", "≥4.2\")); System.exit(1); //")))
                .extracting(RuleSetProblem::cell).containsExactly("E10");
        assertThat(problems(Workbooks.edited(Workbooks.shipped(), book ->
                book.getSheet("差异系数").getRow(9).getCell(2).setCellFormula("1+1"))))
                .singleElement().satisfies(p -> {
                    // refused by the workbook screen before the values-only check opens it
                    assertThat(p.sheet()).isEqualTo("差异系数");
                    assertThat(p.cell()).isEqualTo("C10");
                    assertThat(p.message()).startsWith("“=1+1”是公式：请直接填写数值");
                });
    }

    @Test
    void aNewRuleTableOutsideTheTemplateIsRejected() {
        byte[] added = Workbooks.withCell(Workbooks.shipped(), "差异系数", "A14", "RuleTable 后门");
        assertThat(problems(added)).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("A14"));
        byte[] newSheet = Workbooks.edited(Workbooks.shipped(), book -> book.createSheet("新规则").createRow(0).createCell(0).setCellValue("RuleSet"));
        assertThat(problems(newSheet)).extracting(RuleSetProblem::sheet).containsExactly("新规则");
    }

    @Test
    void fullWidthDigitsAndQuotesAroundTypedValuesAreReadAsAPersonMeantThem() {
        ColumnType requirement = ColumnType.of("requirement", null, null);
        assertThat(requirement.token("≥４．２", NO_TEXT)).isEqualTo("≥4.2");
        assertThat(requirement.token(">=0.850", NO_TEXT)).isEqualTo("≥0.85");
        assertThat(ColumnType.of("percentage", null, null).token("“８５％”", NO_TEXT)).isEqualTo("85%");
        assertThat(ColumnType.of("whole-number", null, null).token("6", NO_TEXT)).isEqualTo("6");
        assertThat(ColumnType.of("grade-range", null, null).token("１～６", NO_TEXT)).isEqualTo("1-6");
        assertThatThrownBy(() -> ColumnType.of("whole-number", null, null).token("6.5", NO_TEXT)).hasMessage("“6.5”不是整数");
    }

    @Test
    void freeTextBecomesTheNumberOfItsCatalogueEntryAndNeverItsCharacters() {
        List<String> kept = new java.util.ArrayList<>();
        String typed = "他说：\"补齐\\仪器\"\n\"); System.exit(0); //";
        String token = ColumnType.of("text", null, null).token(typed, text -> {
            kept.add(text);
            return 41;
        });
        assertThat(token).isEqualTo("41");
        assertThat(kept).containsExactly(typed);
    }

    @Test
    void onlyOrdinaryXlsxWorkbooksOpen() throws Exception {
        byte[] shipped = Workbooks.shipped();
        assertThat(reason("rules.xls", shipped)).contains("Excel 97-2003");
        assertThat(reason("rules.xlsm", shipped)).contains("启用宏");
        assertThat(reason(FILE, Arrays.copyOf(shipped, shipped.length / 2))).contains("已损坏");
        assertThat(reason(FILE, "not a workbook".getBytes())).contains("已损坏");
        assertThat(reason(FILE, encrypted(shipped))).contains("密码");
        assertThat(reason(FILE, macroEnabled(shipped))).contains("含有宏");
    }

    private static String reason(String file, byte[] content) {
        return catchThrowableOfType(WorkbookRejected.class, () -> WorkbookFormat.open(file, content).close())
                .problems().get(0).message();
    }

    private static byte[] encrypted(byte[] workbook) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook));
                 var out = encryptor.getDataStream(fs)) {
                pkg.save(out);
            }
            var bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] macroEnabled(byte[] workbook) {
        return Workbooks.edited(workbook, book -> book.setWorkbookType(XSSFWorkbookType.XLSM));
    }
}
