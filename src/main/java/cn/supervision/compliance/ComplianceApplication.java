package cn.supervision.compliance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Boot's {@code /error} page is off: every error is a problem body, written by {@code api/ProblemHandler} inside
 * Spring MVC and by {@code api/ProblemErrorValve} for what Tomcat reports itself (an error page would be one more
 * dispatch, authorised again, that turns a 400 into a 401).
 */
@SpringBootApplication(exclude = ErrorMvcAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ComplianceApplication {

    /**
     * Hikari checks a pooled connection before lending it only when it has been idle for 500 ms; a connection the
     * database closed in the meantime (a failover, {@code pg_terminate_backend}) then fails the request it is lent to
     * with a 503. Checking every loan (one round trip) lets the pool replace it instead, so no request pays for it.
     */
    private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    public static void main(String[] args) {
        if (System.getProperty(ALIVE_BYPASS_WINDOW) == null) {
            System.setProperty(ALIVE_BYPASS_WINDOW, "0");
        }
        SpringApplication.run(ComplianceApplication.class, args);
    }
}
