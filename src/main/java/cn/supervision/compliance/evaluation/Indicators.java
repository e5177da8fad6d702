package cn.supervision.compliance.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;

/** Lists the indicators of a rule set from its active compiled version, for integrators to discover what exists. */
@Service
public class Indicators {

    private final RuleSets ruleSets;
    private final Map<String, IndicatorListing> listings;

    Indicators(RuleSets ruleSets, List<IndicatorListing> listings) {
        this.ruleSets = ruleSets;
        this.listings = listings.stream().collect(Collectors.toMap(IndicatorListing::ruleSet, Function.identity()));
    }

    /** Empty when the rule set does not list its indicators; {@code RuleSetNotFound} when it does not exist. */
    public Optional<RuleSetIndicators> of(String ruleSet) {
        CompiledRuleSet rules = ruleSets.active(ruleSet);
        IndicatorListing listing = listings.get(ruleSet);
        return listing == null ? Optional.empty() : Optional.of(listing.indicators(rules));
    }
}
