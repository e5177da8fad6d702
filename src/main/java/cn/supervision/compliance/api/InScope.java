package cn.supervision.compliance.api;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.evaluation.SubjectPlacement;

/**
 * Whether whoever is signed in may see a stored evaluation (issue 22): its subject lies in the caller's subtree. An
 * evaluation outside is answered as one that does not exist (404), so its existence does not leak.
 */
@Component
class InScope {

    private final SubjectPlacement placement;

    InScope(SubjectPlacement placement) {
        this.placement = placement;
    }

    boolean readable(StoredEvaluation stored) {
        JsonNode request = stored.request();
        JsonNode subject = request != null && request.has("subject") ? request.get("subject") : request;
        return placement.readable(subject, stored.jurisdiction());
    }
}
