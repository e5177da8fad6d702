package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.facts.JurisdictionLink;

/**
 * The school rule of a jurisdiction: at least {@code minimumMet} indicators met, and every unmet one at least
 * {@code toleranceFloor} of its requirement (national: 6 of 7 and 85 %; seed 004: all 7).
 */
public record SchoolPassRule(String jurisdiction, int minimumMet, BigDecimal toleranceFloor, String rule) {

    /** The row of {@code link}'s jurisdiction; of the rows of a chain, the most specific one applies. */
    public static Draft draft(JurisdictionLink link, String rule) {
        return new Draft(link.code(), rule, 0);
    }

    public record Draft(String jurisdiction, String rule, int minimumMet) {

        public Draft minimumMet(String cell) {
            return new Draft(jurisdiction, rule, Quantities.parseWhole(cell, cell));
        }

        public SchoolPassRule toleranceFloor(String cell) {
            return new SchoolPassRule(jurisdiction, minimumMet, Quantities.parse(cell, cell), rule);
        }
    }
}
