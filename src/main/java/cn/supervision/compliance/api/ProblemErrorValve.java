package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat's own error reports as RFC 9457 problem bodies instead of its HTML page: a request it refuses before any
 * filter runs (an encoded slash or a null byte in the path, a malformed request line or header), and any status sent
 * with {@code sendError} or exception that escapes the application (Spring Boot's {@code /error} page is off, see
 * {@code ComplianceApplication}). The body is {@link ProblemHandler#containerError}.
 */
final class ProblemErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorValve.class);

    private final ObjectMapper mapper;

    ProblemErrorValve(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (throwable != null) {
            log.error("unexpected failure outside Spring MVC", throwable);
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.writeValueAsString(ProblemHandler.containerError(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("the error report could not be written", e);
        }
    }

    /**
     * Puts the valve on Tomcat's host in place of its {@code ErrorReportValve} (also the one Spring Boot adds, hence
     * the lowest precedence: this runs after Boot's customizer).
     */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final ObjectMapper mapper;

        Installer(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemErrorValve(mapper));
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            });
        }
    }
}
