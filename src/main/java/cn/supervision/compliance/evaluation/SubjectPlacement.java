package cn.supervision.compliance.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.system.AccountScope;
import cn.supervision.compliance.system.Refused;

/**
 * Where a subject sits in the jurisdiction tree and under which node it is judged (issue 22, point 2). A county,
 * district, province or school (by the optional county code of a school) belongs to the deepest node whose 行政区划代码
 * prefix starts its code. The request's jurisdiction defaults to that node and must lie on its chain (the node or an
 * ancestor): a sibling branch's standard cannot be chosen. The caller's account must cover the subject.
 */
@Component
public class SubjectPlacement {

    /** The request fields that carry a subject's division code, in the order they are looked for. */
    private static final List<String> CODE_FIELDS = List.of("countyCode", "districtCode", "provinceCode");

    private final AccountScope scope;

    SubjectPlacement(AccountScope scope) {
        this.scope = scope;
    }

    /** A subject's division code and the request field it came from. */
    public record Place(String field, String code) {
    }

    /** The subject's division code, if its request carries one. */
    public static Optional<Place> of(JsonNode subject) {
        if (subject == null) {
            return Optional.empty();
        }
        for (String field : CODE_FIELDS) {
            JsonNode value = subject.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(new Place("subject." + field, value.asText()));
            }
        }
        return Optional.empty();
    }

    /**
     * The node the request is judged under; 400 naming {@code jurisdiction} for a node off the subject's chain, 403
     * naming the subject's code field when the caller's node does not cover the subject.
     */
    String judgedUnder(EvaluationRequest request) {
        return judgedUnder(request, scope.currentNode());
    }

    /**
     * {@link #judgedUnder(EvaluationRequest)} for a caller who is not signed in on this thread: a batch's counties
     * are placed for the account that submitted the batch.
     */
    public String judgedUnder(EvaluationRequest request, String caller) {
        String requested = request.jurisdiction() == null || request.jurisdiction().isBlank() ? null
                : request.jurisdiction();
        Optional<Place> place = of(request.subject());
        if (place.isEmpty()) {
            String node = requested == null ? EvaluationRequest.DEFAULT_JURISDICTION : requested;
            if (scope.known(node) && !scope.covers(caller, node)) {
                throw new Refused(HttpStatus.FORBIDDEN, Map.of("field", "jurisdiction"), "scope.outside-node",
                        node, caller);
            }
            return node;
        }
        String code = place.get().code();
        String own = scope.nodeOfSubject(code);
        if (!scope.covers(caller, own)) {
            throw new Refused(HttpStatus.FORBIDDEN, Map.of("field", place.get().field()), "scope.outside-subject",
                    code, own, caller);
        }
        if (requested == null) {
            return own;
        }
        List<String> chain = scope.chain(own);
        if (scope.known(requested) && !chain.contains(requested)) {
            throw InvalidInput.of("jurisdiction", "input.jurisdiction.off-chain", requested, code, own, chain);
        }
        return requested;
    }

    /** Whether whoever is signed in may read an evaluation of this subject, judged under {@code jurisdiction}. */
    public boolean readable(JsonNode subject, String jurisdiction) {
        return of(subject).map(place -> scope.inCurrentScope(place.code()))
                .orElseGet(() -> scope.covers(scope.currentNode(),
                        jurisdiction == null ? EvaluationRequest.DEFAULT_JURISDICTION : jurisdiction));
    }
}
