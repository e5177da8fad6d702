package cn.supervision.compliance.facts;

import java.math.BigDecimal;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.statistics.Fractions;

/** Exact conversions of submitted figures: rates come as percentages (0–100) and are compared as fractions. */
public final class Rates {

    private static final BigFraction HUNDRED = Fractions.of(100);

    private Rates() {
    }

    public static BigFraction percent(BigDecimal rate) {
        return rate == null ? null : Fractions.of(rate).divide(HUNDRED);
    }

    public static BigFraction exact(BigDecimal figure) {
        return figure == null ? null : Fractions.of(figure);
    }

    public static BigFraction exact(Integer figure) {
        return figure == null ? null : Fractions.of(figure);
    }
}
