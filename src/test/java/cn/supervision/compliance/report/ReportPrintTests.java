package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.hssf.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.text.Texts;
import cn.supervision.compliance.api.ApiClients;

/**
 * The Excel report of each shipped county sample, downloaded over HTTP, printed to PDF by LibreOffice as an auditor
 * would print it: 汇总 on one page, every sheet one page wide with its headings, county, year and rule-set version on
 * each page, and a sheet only for a school that failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class ReportPrintTests {

    private static final Path FOLDER = Path.of("target", "report-print");
    private static final List<String> SAMPLES = List.of("county-430503", "county-assessment-430503");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void theReportOfEachSamplePrintsOnFewA4PagesWithItsSummaryOnOne() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(LibreOffice.SOFFICE) || System.getenv("CI") != null,
                "LibreOffice is not installed (apt-get install libreoffice-calc-nogui); in CI this test must run");
        Files.createDirectories(FOLDER);
        Map<Path, Integer> sheets = new LinkedHashMap<>();
        List<Path> summaries = new ArrayList<>();
        for (String sample : SAMPLES) {
            JsonNode request = mapper.readTree(Files.readString(Path.of("samples", sample + ".json")));
            JsonNode result = ApiClients.evaluate(ApiClients.integratorKey(port), request);
            byte[] report = ApiClients.admin(port).get().uri("/api/v1/evaluations/" + result.get("id").asText()
                    + "/report").retrieve().body(byte[].class);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
                assertThat(schoolSheets(workbook)).as(sample).isEqualTo(failedSchools(result));
                for (Sheet sheet : workbook) {
                    assertPrintsOnA4Landscape(sheet, result);
                }
                sheets.put(write(sample + ".xlsx", workbook), workbook.getNumberOfSheets());
                while (workbook.getNumberOfSheets() > 1) {
                    workbook.removeSheetAt(1);
                }
                summaries.add(write(sample + "-summary.xlsx", workbook));
            }
        }

        List<Path> all = new ArrayList<>(sheets.keySet());
        all.addAll(summaries);
        Map<Path, Integer> pages = LibreOffice.pages(all, FOLDER);

        for (Path summary : summaries) {
            assertThat(pages.get(summary)).as("%s printed", summary).isEqualTo(1);
        }
        // one page wide, so a sheet runs only down: 全部检查 of a whole county takes a few pages, the others one
        sheets.forEach((report, count) -> assertThat(pages.get(report)).as("%s printed (%d sheets)", report, count)
                .isBetween(count, 2 * count));
    }

    private static void assertPrintsOnA4Landscape(Sheet sheet, JsonNode result) {
        String name = sheet.getSheetName();
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).as(name).isTrue();
        assertThat(sheet.getFitToPage()).as(name).isTrue();
        assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
        assertThat(sheet.getRepeatingRows()).as("%s repeats its headings", name).isNotNull();
        String header = sheet.getHeader().getLeft() + sheet.getHeader().getCenter() + sheet.getHeader().getRight();
        JsonNode subject = result.get("subject");
        assertThat(header).as(name).contains(subject.get("countyName").asText(), subject.get("year").asText() + " 年",
                result.get("ruleSetVersion").asText().substring(0, 12));
        String footer = sheet.getFooter().getLeft() + sheet.getFooter().getCenter() + sheet.getFooter().getRight();
        assertThat(footer).as(name).contains("第 " + HeaderFooter.page() + " 页", "共 " + HeaderFooter.numPages() + " 页");
    }

    /** The schools with a section that failed its school rule or a failed check of their own, as sheet names. */
    private static Set<String> failedSchools(JsonNode result) {
        Map<String, String> names = new LinkedHashMap<>();
        result.get("sections").forEach(s -> names.put(s.get("schoolId").asText(), s.get("schoolName").asText()));
        Set<String> failed = new TreeSet<>();
        result.get("sections").forEach(s -> {
            if (!s.get("passed").asBoolean()) {
                failed.add(Texts.of("report.sheet.school", s.get("schoolName").asText()));
            }
        });
        result.path("assessment").path("details").forEach(d -> {
            if (d.get("verdict").asText().equals("FAILED") && names.containsKey(d.path("subject").asText())) {
                failed.add(Texts.of("report.sheet.school", names.get(d.get("subject").asText())));
            }
        });
        return failed;
    }

    private static Set<String> schoolSheets(XSSFWorkbook workbook) {
        Set<String> names = new TreeSet<>();
        workbook.forEach(sheet -> {
            if (sheet.getSheetName().startsWith(Texts.of("report.sheet.school", ""))) {
                names.add(sheet.getSheetName());
            }
        });
        return names;
    }

    private static Path write(String name, XSSFWorkbook workbook) throws IOException {
        Path file = FOLDER.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
