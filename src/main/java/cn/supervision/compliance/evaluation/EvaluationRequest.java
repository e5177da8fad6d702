package cn.supervision.compliance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An evaluation request: the rule set, the jurisdiction (default {@code national}) and the subject of that rule set. */
public record EvaluationRequest(
        @NotBlank @Size(max = 64) String ruleSet,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9_-]*") String jurisdiction,
        @NotNull JsonNode subject) {

    public static final String DEFAULT_JURISDICTION = "national";

    public String jurisdictionOrDefault() {
        return jurisdiction == null || jurisdiction.isBlank() ? DEFAULT_JURISDICTION : jurisdiction;
    }
}
