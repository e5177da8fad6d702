package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/** Each class-B indicator must score at least {@code floor} of its points (seed 004, note at the end: 80 %). */
public record ScoringRule(BigDecimal floor, String rule) {

    public static ScoringRule floor(String cell, String rule) {
        return new ScoringRule(Quantities.parse(cell, cell), rule);
    }
}
