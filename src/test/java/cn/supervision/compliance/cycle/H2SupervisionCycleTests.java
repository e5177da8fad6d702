package cn.supervision.compliance.cycle;

import org.springframework.boot.test.context.SpringBootTest;

/** The supervision cycle on H2, the default database (same application context as the HTTP tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class H2SupervisionCycleTests extends SupervisionCycleContract {
}
