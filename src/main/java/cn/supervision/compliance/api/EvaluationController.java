package cn.supervision.compliance.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.ResultViews;
import cn.supervision.compliance.evaluation.Evaluations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.supervision.compliance.text.Texts;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final Evaluations evaluations;

    private final InScope inScope;

    EvaluationController(Evaluations evaluations, InScope inScope) {
        this.inScope = inScope;
        this.evaluations = evaluations;
    }

    @Operation(summary = "Evaluate a subject (for balanced-development: a county) against the active rule set",
            responses = @ApiResponse(responseCode = "201", description = "the result, compact unless view=full",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(oneOf = {ResultViews.Compact.class, ResultViews.Full.class}))))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<byte[]> evaluate(@RequestBody EvaluationRequest request,
                                    @Parameter(description = EvaluationView.DESCRIPTION,
                                            schema = @Schema(allowableValues = {"compact", "full"}))
                                    @RequestParam(name = EvaluationView.PARAMETER, defaultValue = "compact") String view) {
        EvaluationView answer = EvaluationView.of(view);
        Evaluations.Answered answered = evaluations.answer(request);
        return EvaluationView.json(ResponseEntity.created(URI.create("/api/v1/evaluations/" + answered.result().id())),
                answer.of(answered, evaluations));
    }

    /** Integrators read the evaluations they submitted; auditors and admins read all. */
    @Operation(summary = "A stored evaluation: by default the answer as it was returned, byte for byte; view=full"
            + " evaluates the stored request again on the rule-set version it was answered with",
            responses = @ApiResponse(responseCode = "200", description = "the result, compact unless view=full",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(oneOf = {ResultViews.Compact.class, ResultViews.Full.class}))))
    @GetMapping(path = "/{id}", produces = "application/json")
    ResponseEntity<byte[]> find(@PathVariable String id,
                @Parameter(description = EvaluationView.DESCRIPTION,
                        schema = @Schema(allowableValues = {"compact", "full"}))
                @RequestParam(name = EvaluationView.PARAMETER, defaultValue = "compact") String view,
                Authentication viewer) {
        EvaluationView answer = EvaluationView.of(view);
        return evaluations.find(id)
                .filter(stored -> Viewers.readsAll(viewer) || stored.submittedBy().equals(viewer.getName()))
                .filter(inScope::readable)
                .map(stored -> EvaluationView.json(ResponseEntity.ok(), answer.of(stored, evaluations)))
                .orElseThrow(() -> new NotFound(Texts.of("not-found.evaluation", id)));
    }
}
