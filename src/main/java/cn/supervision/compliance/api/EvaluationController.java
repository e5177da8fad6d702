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

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import cn.supervision.compliance.text.Texts;

@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final Evaluations evaluations;
    private final ObjectMapper mapper;

    private final InScope inScope;

    EvaluationController(Evaluations evaluations, ObjectMapper mapper, InScope inScope) {
        this.inScope = inScope;
        this.evaluations = evaluations;
        this.mapper = mapper;
    }

    @Operation(summary = "Evaluate a subject (for balanced-development: a county) against the active rule set",
            responses = @ApiResponse(responseCode = "201", description = "the result, compact unless view=full",
                    content = @Content(schema = @Schema(implementation = EvaluationResult.class))))
    @PostMapping(consumes = "application/json")
    ResponseEntity<Object> evaluate(@Valid @RequestBody EvaluationRequest request,
                                    @Parameter(description = EvaluationView.DESCRIPTION,
                                            schema = @Schema(allowableValues = {"compact", "full"}))
                                    @RequestParam(name = EvaluationView.PARAMETER, defaultValue = "compact") String view) {
        EvaluationView answer = EvaluationView.of(view);
        EvaluationResult result = evaluations.evaluate(request);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + result.id()))
                .body(answer.body(result, mapper));
    }

    /** Integrators read the evaluations they submitted; auditors and admins read all. */
    @Operation(summary = "A stored evaluation as it was returned: compact by default, everything with view=full",
            responses = @ApiResponse(responseCode = "200", description = "the result, compact unless view=full",
                    content = @Content(schema = @Schema(implementation = EvaluationResult.class))))
    @GetMapping("/{id}")
    Object find(@PathVariable String id,
                @Parameter(description = EvaluationView.DESCRIPTION,
                        schema = @Schema(allowableValues = {"compact", "full"}))
                @RequestParam(name = EvaluationView.PARAMETER, defaultValue = "compact") String view,
                Authentication viewer) {
        EvaluationView answer = EvaluationView.of(view);
        return evaluations.find(id)
                .filter(stored -> Viewers.readsAll(viewer) || stored.submittedBy().equals(viewer.getName()))
                .filter(inScope::readable)
                .map(stored -> answer.body(stored.result(), mapper))
                .orElseThrow(() -> new NotFound(Texts.of("not-found.evaluation", id)));
    }
}
