package cn.supervision.compliance.audit;

import org.springframework.boot.test.context.SpringBootTest;

/** The audit-trail contract on H2, the default database (same context as the HTTP tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class H2EvaluationStoreTests extends EvaluationStoreContract {
}
