package cn.supervision.compliance.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.evaluation.Indicators;
import cn.supervision.compliance.evaluation.JurisdictionTree;
import cn.supervision.compliance.evaluation.RuleSetIndicators;
import io.swagger.v3.oas.annotations.Operation;
import cn.supervision.compliance.text.Texts;

@RestController
class RuleSetIndicatorController {

    private final Indicators indicators;
    private final JurisdictionTree jurisdictions;

    RuleSetIndicatorController(Indicators indicators, JurisdictionTree jurisdictions) {
        this.indicators = indicators;
        this.jurisdictions = jurisdictions;
    }

    @Operation(summary = "The indicators of a rule set (code, name, requirement, effective year, jurisdiction, source), "
            + "read from its active version, and the jurisdictions it knows")
    @GetMapping("/api/v1/rule-sets/{ruleSet}/indicators")
    RuleSetIndicators indicators(@PathVariable String ruleSet) {
        return indicators.of(ruleSet).orElseThrow(() -> new NotFound(
                Texts.of("not-found.indicators", ruleSet)));
    }

    @Operation(summary = "The jurisdiction tree of a rule set (code, parent, Chinese name, level), read from its active "
            + "version's 管辖区域 sheet: the values the request's jurisdiction may take")
    @GetMapping("/api/v1/rule-sets/{ruleSet}/jurisdictions")
    JurisdictionTree.Listing jurisdictions(@PathVariable String ruleSet) {
        return jurisdictions.of(ruleSet);
    }
}
