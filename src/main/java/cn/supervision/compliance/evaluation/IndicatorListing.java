package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** A rule set whose indicators can be listed from its compiled rows. */
public interface IndicatorListing {

    String ruleSet();

    RuleSetIndicators indicators(CompiledRuleSet rules);
}
