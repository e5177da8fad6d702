package cn.supervision.compliance.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import cn.supervision.compliance.text.Problems;
import cn.supervision.compliance.text.Texts;

/** A request body longer than its limit, found by counting the bytes read (whatever the transfer encoding). */
final class BodyTooLarge extends RuntimeException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "problem.too-large.detail", limit);
        problem.setTitle(Texts.of("problem.too-large.title"));
        return problem;
    }
}
