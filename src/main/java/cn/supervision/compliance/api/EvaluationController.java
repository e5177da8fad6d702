package cn.supervision.compliance.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import cn.supervision.compliance.text.Texts;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Operation(summary = "Evaluate a subject (for balanced-development: a county) against the active rule set")
    @PostMapping(consumes = "application/json")
    ResponseEntity<EvaluationResult> evaluate(@Valid @RequestBody EvaluationRequest request) {
        EvaluationResult result = evaluations.evaluate(request);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + result.id())).body(result);
    }

    /** Integrators read the evaluations they submitted; auditors and admins read all. */
    @Operation(summary = "A stored evaluation, exactly as it was returned")
    @GetMapping("/{id}")
    EvaluationResult find(@PathVariable String id, Authentication viewer) {
        return evaluations.find(id)
                .filter(stored -> Viewers.readsAll(viewer) || stored.submittedBy().equals(viewer.getName()))
                .map(StoredEvaluation::result)
                .orElseThrow(() -> new NotFound(Texts.of("not-found.evaluation", id)));
    }
}
