package cn.supervision.compliance.cycle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.supervision.compliance.audit.EmbeddedPostgresDatabase;

/**
 * The supervision cycle on a real PostgreSQL, through the {@code postgres} profile as production runs it, with the
 * trial accounts (that profile creates none of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "trial"})
class PostgresSupervisionCycleTests extends SupervisionCycleContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresDatabase.newDatabase();
        registry.add("COMPLIANCE_DB_URL", () -> url);
        registry.add("COMPLIANCE_DB_USER", () -> "postgres");
        registry.add("COMPLIANCE_DB_PASSWORD", () -> "postgres");
    }
}
