package cn.supervision.compliance.api;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.FiguresInForce;
import cn.supervision.compliance.ruleset.RuleSetVersion;
import cn.supervision.compliance.ruleset.RuleSetVersions;
import cn.supervision.compliance.ruleset.SingleFigureEdit;
import io.swagger.v3.oas.annotations.Operation;

/**
 * gov-approval lane (issue 22, point 7): the figures in force of a rule set, and one figure changed in the browser
 * through the same upload as a workbook (same checks, scope, tests; approved by another editor).
 */
@RestController
@RequestMapping("/api/v1/rule-sets")
class RuleSetEditController {

    /** The length of {@code rule_set_version.comment}. */
    private static final int MAX_COMMENT = 1000;

    private final FiguresInForce figures;
    private final SingleFigureEdit edits;

    RuleSetEditController(FiguresInForce figures, SingleFigureEdit edits) {
        this.figures = figures;
        this.edits = edits;
    }

    @Operation(summary = "The figures in force: every requirement row of the active version (indicator, stage, node,"
            + " figure) with the workbook, sheet, row and column of its cell")
    @GetMapping("/{ruleSet}/figures")
    FiguresInForce.Figures figures(@PathVariable String ruleSet) {
        return figures.of(ruleSet);
    }

    @Operation(summary = "Change one cell of the active version's workbook ({workbook, sheet, row, column, value,"
            + " comment}; column a letter or the heading above): uploaded as a new version, answered as an upload")
    @PostMapping("/{ruleSet}/edits")
    ResponseEntity<RuleSetVersion> edit(@PathVariable String ruleSet, @RequestBody SingleFigureEdit.Edit edit,
                                        Principal principal) {
        if (edit.comment() != null && edit.comment().length() > MAX_COMMENT) {
            throw InvalidInput.of("comment", "input.comment-too-long", MAX_COMMENT);
        }
        RuleSetVersions.Arrival arrival = edits.apply(ruleSet, edit,
                principal == null ? RuleSetVersions.LOCAL : principal.getName());
        URI location = URI.create("/api/v1/rule-sets/" + ruleSet + "/versions/" + arrival.version().sequence());
        return arrival.created() ? ResponseEntity.created(location).body(arrival.version())
                : ResponseEntity.ok().location(location).body(arrival.version());
    }
}
