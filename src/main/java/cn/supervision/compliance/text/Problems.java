package cn.supervision.compliance.text;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem bodies whose title and detail a person can read: from the catalogue, never a reason phrase. */
public final class Problems {

    private Problems() {
    }

    /** A problem of {@code status} whose detail is the catalogue's {@code detailCode}. */
    public static ProblemDetail of(HttpStatusCode status, String detailCode, Object... arguments) {
        return titled(ProblemDetail.forStatusAndDetail(status, Texts.of(detailCode, arguments)));
    }

    /** Gives {@code problem} the catalogue's title of its status unless it has a title of its own already. */
    public static ProblemDetail titled(ProblemDetail problem) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        String reasonPhrase = status instanceof org.springframework.http.HttpStatus known ? known.getReasonPhrase() : null;
        if (problem.getTitle() == null || problem.getTitle().equals(reasonPhrase)) {
            problem.setTitle(Texts.orElse("problem.status." + status.value(), "problem.status.other"));
        }
        return problem;
    }
}
