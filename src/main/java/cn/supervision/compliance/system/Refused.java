package cn.supervision.compliance.system;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import cn.supervision.compliance.text.Problems;

/**
 * A request refused for who is asking or what it would overwrite (403, 404, 409, 429): an RFC 9457 problem whose detail
 * comes from the catalogue, with the field or cells at fault as properties. Spring MVC writes it as it is.
 */
public class Refused extends ErrorResponseException {

    public Refused(HttpStatusCode status, Map<String, ?> properties, String detailCode, Object... arguments) {
        super(status, problem(status, properties, detailCode, arguments), null);
    }

    public Refused(HttpStatusCode status, String detailCode, Object... arguments) {
        this(status, Map.of(), detailCode, arguments);
    }

    private static ProblemDetail problem(HttpStatusCode status, Map<String, ?> properties, String code,
                                         Object... arguments) {
        ProblemDetail problem = Problems.of(status, code, arguments);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
