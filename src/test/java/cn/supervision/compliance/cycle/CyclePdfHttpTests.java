package cn.supervision.compliance.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.system.Role;

/**
 * The PDFs the service files (issue 24), read back with poppler's pdftotext as an auditor's tools would: the formal
 * title, the verdict and the figures of the evaluation, the excluded schools by name, page numbers; the ledger with
 * its departments; a node's overview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class CyclePdfHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void theOfficialEvaluationsReportLedgerAndOverviewPrintTheirChineseHeadingsAndFigures() throws Exception {
        String code = "430503-PDF";
        ObjectNode request = ApiClients.sample(mapper, code);
        String id = CycleClients.post(CycleClients.clerk(port), "/api/v1/submissions", request).getBody().get("id")
                .asText();
        JsonNode approved = CycleClients.post(CycleClients.checker(port), "/api/v1/submissions/" + id + "/approve",
                Map.of("comment", "同意")).getBody();
        JsonNode evaluation = approved.get("evaluation");
        String name = evaluation.get("subject").get("countyName").asText();
        int year = evaluation.get("subject").get("year").asInt();

        ResponseEntity<byte[]> report = ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/evaluations/" + evaluation.get("id").asText() + "/report?format=pdf").retrieve()
                .toEntity(byte[].class);
        assertThat(report.getHeaders().getContentType()).hasToString("application/pdf");
        String text = pdfToText(report.getBody());
        assertThat(text).contains(name + " " + year + " 年义务教育优质均衡发展资源配置督导评估报告")
                .contains("评估结论：未达标").contains("各项指标达成情况").contains("R6").contains("差异系数")
                .contains("30000").contains("教研室").containsPattern("第\\s*1\\s*页\\s*共\\s*\\d+\\s*页")
                .contains("审核人：checker").contains(evaluation.get("id").asText());
        evaluation.get("excluded").forEach(e -> assertThat(text).contains(e.get("schoolId").asText()));
        assertThat(text).contains(schoolName(request, "P9"));
        assertThat(pdfFonts(report.getBody())).contains("yes");

        RestClient clerk = CycleClients.clerk(port);
        byte[] own = clerk.get().uri("/api/v1/submissions/" + id + "/report").retrieve().body(byte[].class);
        assertThat(pdfToText(own)).contains("评估结论：未达标");

        byte[] ledger = CycleClients.checker(port).get().uri("/api/v1/rectifications/ledger?format=pdf&code=" + code)
                .retrieve().body(byte[].class);
        String ledgerText = pdfToText(ledger);
        assertThat(ledgerText).contains("整改台账").contains("区教育局").contains("待整改").contains("R6");

        byte[] overview = CycleClients.checker(port).get()
                .uri("/api/v1/jurisdictions/daxiang/overview?ruleSet=balanced-development&year=" + year
                        + "&format=pdf").retrieve().body(byte[].class);
        assertThat(pdfToText(overview)).contains("督导评估概况").contains("达标率").contains(code);
    }

    private static String schoolName(ObjectNode request, String id) {
        return SupervisionCycleContract.school(request, id).get("name").asText();
    }

    static String pdfToText(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "pdftotext", "-layout", "-enc", "UTF-8");
    }

    /** pdffonts: whether each font is embedded ("emb" column). */
    static String pdfFonts(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "pdffonts");
    }

    private static String run(byte[] pdf, String... command) throws IOException, InterruptedException {
        Path file = Files.createTempFile("cycle", ".pdf");
        Path out = Files.createTempFile("cycle", ".txt");
        try {
            Files.write(file, pdf);
            String[] full = new String[command.length + (command[0].equals("pdftotext") ? 2 : 1)];
            System.arraycopy(command, 0, full, 0, command.length);
            full[command.length] = file.toString();
            if (command[0].equals("pdftotext")) {
                full[command.length + 1] = out.toString();
            }
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            if (!command[0].equals("pdftotext")) {
                builder.redirectOutput(out.toFile());
            }
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", full)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }
}
