package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/** The assessment team's score of one sub-item (1-based) of a class-B indicator. */
public record SubItemScore(String indicator, int item, BigDecimal score) {
}
