package cn.supervision.compliance.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

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

    /** Empty when the rule set does not exist or does not list its indicators. */
    public Optional<RuleSetIndicators> of(String ruleSet) {
        IndicatorListing listing = listings.get(ruleSet);
        if (listing == null || !ruleSets.names().contains(ruleSet)) {
            return Optional.empty();
        }
        return Optional.of(listing.indicators(ruleSets.active(ruleSet)));
    }
}
