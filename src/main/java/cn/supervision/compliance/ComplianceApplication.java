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

    public static void main(String[] args) {
        SpringApplication.run(ComplianceApplication.class, args);
    }
}
