package cn.supervision.compliance.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;

/**
 * Overdue rectification items (issue 24): time moves forward on the cycle's clock past an item's deadline; the item is
 * flagged, listed by {@code overdue=true}, counted in the node's overview and marked in the ledger; closed, it is no
 * longer overdue anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:overdue-tests;DB_CLOSE_DELAY=-1")
class OverdueHttpTests {

    private static final String ITEMS = "/api/v1/rectifications";

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now(), Rectifications.BEIJING);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    MovableClock clock;

    @Test
    void anItemPastItsDeadlineIsOverdueUntilItIsClosed() throws IOException {
        String code = "430503-OD-1";
        RestClient clerk = CycleClients.clerk(port);
        RestClient checker = CycleClients.checker(port);
        ObjectNode request = ApiClients.sample(mapper, code);
        int year = request.get("subject").get("year").asInt();
        String submission = CycleClients.post(clerk, "/api/v1/submissions", request).getBody().get("id").asText();
        assertThat(CycleClients.post(checker, "/api/v1/submissions/" + submission + "/approve", Map.of())
                .getStatusCode().value()).isEqualTo(200);

        JsonNode items = CycleClients.get(checker, ITEMS + "?code=" + code).get("items");
        assertThat(items.size()).isPositive();
        items.forEach(i -> assertThat(i.get("overdue").asBoolean()).as("%s", i).isFalse());
        JsonNode item = items.get(0);
        String id = item.get("id").asText();
        LocalDate deadline = LocalDate.parse(item.get("deadline").asText());
        assertThat(overdueIds(checker, code)).isEmpty();
        assertThat(overviewOverdue(checker, year)).doesNotContain(id);

        clock.advance(Duration.ofDays(deadline.toEpochDay() - today().toEpochDay()));
        assertThat(CycleClients.get(checker, ITEMS + "/" + id).get("overdue").asBoolean())
                .as("due today is not yet overdue").isFalse();

        clock.advance(Duration.ofDays(1));
        assertThat(CycleClients.get(checker, ITEMS + "/" + id).get("overdue").asBoolean()).isTrue();
        assertThat(overdueIds(checker, code)).contains(id).hasSize(items.size());
        assertThat(overviewOverdue(checker, year)).contains(id);
        assertThat(ledgerOverdueMarks(checker, code)).hasSize(items.size()).allMatch("已逾期"::equals);

        CycleClients.post(clerk, ITEMS + "/" + id + "/progress",
                Map.of("status", "submitted", "explanation", "已逾期完成整改，附说明"));
        JsonNode closed = CycleClients.post(checker, ITEMS + "/" + id + "/close", Map.of("comment", "同意销号"))
                .getBody();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        assertThat(overdueIds(checker, code)).doesNotContain(id).hasSize(items.size() - 1);
        assertThat(overviewOverdue(checker, year)).doesNotContain(id);
    }

    private LocalDate today() {
        return clock.instant().atZone(Rectifications.BEIJING).toLocalDate();
    }

    private static List<String> overdueIds(RestClient http, String code) {
        return CycleClients.get(http, ITEMS + "?overdue=true&code=" + code).get("items").findValuesAsText("id");
    }

    private static List<String> overviewOverdue(RestClient http, int year) {
        return CycleClients.get(http, "/api/v1/jurisdictions/daxiang/overview?ruleSet=balanced-development&year="
                + year).get("overdue").findValuesAsText("id");
    }

    /** The 逾期 column of the ledger, one cell per item. */
    private static List<String> ledgerOverdueMarks(RestClient http, String code) throws IOException {
        byte[] ledger = http.get().uri(ITEMS + "/ledger?code=" + code).retrieve().body(byte[].class);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(ledger))) {
            Sheet sheet = workbook.getSheet("整改台账");
            DataFormatter text = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(text.formatCellValue(c)));
            int column = header.indexOf("逾期");
            List<String> marks = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                marks.add(text.formatCellValue(row.getCell(column)));
            }
            return marks;
        }
    }
}
