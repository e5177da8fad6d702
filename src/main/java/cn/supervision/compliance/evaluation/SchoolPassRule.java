package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/**
 * The school rule of a jurisdiction: at least {@code minimumMet} indicators met, and every unmet one at least
 * {@code toleranceFloor} of its requirement (national: 6 of 7 and 85 %; seed 004: all 7).
 */
public record SchoolPassRule(int minimumMet, BigDecimal toleranceFloor, String rule) {

    public static Draft draft(String rule) {
        return new Draft(rule, 0);
    }

    public record Draft(String rule, int minimumMet) {

        public Draft minimumMet(String cell) {
            return new Draft(rule, Quantities.parseWhole(cell, cell));
        }

        public SchoolPassRule toleranceFloor(String cell) {
            return new SchoolPassRule(minimumMet, Quantities.parse(cell, cell), rule);
        }
    }
}
