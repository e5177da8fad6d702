package cn.supervision.compliance.cycle;

import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** A county across the years, and a node's counties ranked (API.md, "The supervision cycle"). */
@RestController
@Validated
class HistoryController {

    private final CountyHistory history;

    HistoryController(CountyHistory history) {
        this.history = history;
    }

    @Operation(summary = "Per year: the official evaluation, rule-set version, verdict, figures per indicator and the"
            + " rectification items opened and closed")
    @GetMapping("/api/v1/subjects/{code}/history")
    CountyHistory.History history(@PathVariable @Size(max = 64) String code,
                                  @RequestParam @Size(max = 64) String ruleSet, Authentication caller) {
        return history.history(code, ruleSet, caller);
    }

    @Operation(summary = "The node's subjects ranked by one indicator (a CV per stage, or a check's value), with the"
            + " threshold")
    @GetMapping("/api/v1/jurisdictions/{node}/ranking")
    CountyHistory.Ranking ranking(@PathVariable @Size(max = 64) String node,
                                  @RequestParam @Size(max = 64) String ruleSet,
                                  @RequestParam @Min(1900) @Max(2999) int year,
                                  @RequestParam @Size(max = 32) String indicator,
                                  @RequestParam(required = false) @Size(max = 16) String stage,
                                  Authentication caller) {
        return history.ranking(node, ruleSet, year, indicator, stage, caller);
    }
}
