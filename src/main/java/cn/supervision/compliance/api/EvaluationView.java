package cn.supervision.compliance.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.facts.InvalidInput;

/**
 * Which body an evaluation is answered with: {@code ?view=compact} (the default, written once and stored as written)
 * or {@code ?view=full} (written from the body when asked for). Both are JSON bytes serialised once per request.
 */
enum EvaluationView {
    COMPACT, FULL;

    static final String PARAMETER = "view";
    static final String DESCRIPTION = "compact (default): what an integrator acts on, each section with its counts"
            + " and only its unmet indicators, one hint per remedy row, each fired rule row once with its count;"
            + " full: every check with its raw figures, passes included, and every firing in order";

    /** The view a request asks for; anything but the two names is the client's mistake. */
    static EvaluationView of(String view) {
        if (view == null || view.equals("compact")) {
            return COMPACT;
        }
        if (view.equals("full")) {
            return FULL;
        }
        throw InvalidInput.of(PARAMETER, "input.view.unknown", view);
    }

    /** The answer of a fresh evaluation: the stored bytes in the default view, else the full view written now. */
    byte[] of(Evaluations.Answered answered, Evaluations evaluations) {
        return this == COMPACT ? answered.json() : evaluations.json(answered.result().full());
    }

    /** The answer of a stored evaluation: the bytes it was answered with, or its full view evaluated again. */
    byte[] of(StoredEvaluation stored, Evaluations evaluations) {
        return this == COMPACT ? evaluations.answerOf(stored) : evaluations.json(evaluations.replay(stored).full());
    }

    /** The answer of a result not answered before (a template upload): its view, written once. */
    byte[] of(EvaluationResult result, Evaluations evaluations) {
        return evaluations.json(this == COMPACT ? result.compact() : result.full());
    }

    static <T> ResponseEntity<byte[]> json(ResponseEntity.BodyBuilder status, byte[] body) {
        return status.contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
