package cn.supervision.compliance.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body longer than its limit, found by counting the bytes read (whatever the transfer encoding). */
final class BodyTooLarge extends RuntimeException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes; nothing was stored.");
        problem.setTitle("Request too large");
        return problem;
    }
}
