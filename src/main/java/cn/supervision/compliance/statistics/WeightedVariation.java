package cn.supervision.compliance.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Student-weighted coefficient of variation (差异系数) of one indicator across the sections of one stage, as in the
 * national method: X̄ = Σ XᵢPᵢ / P, S = sqrt(Σ Pᵢ(Xᵢ − X̄)² / P), CV = S / X̄.
 * The sums are kept as exact fractions so that the comparison with a limit is exact; only the reported CV is rounded.
 */
public record WeightedVariation(int count, BigFraction totalWeight, BigFraction weightedSum, BigFraction weightedSquares) {

    public record Observation(BigFraction value, BigFraction weight) {
    }

    public static WeightedVariation of(List<Observation> observations) {
        BigFraction p = BigFraction.ZERO;
        BigFraction px = BigFraction.ZERO;
        BigFraction pxx = BigFraction.ZERO;
        for (Observation o : observations) {
            p = p.add(o.weight());
            px = px.add(o.weight().multiply(o.value()));
            pxx = pxx.add(o.weight().multiply(o.value()).multiply(o.value()));
        }
        return new WeightedVariation(observations.size(), p, px, pxx);
    }

    public BigFraction mean() {
        return weightedSum.divide(totalWeight);
    }

    /** S² / X̄² = P·ΣPX² / (ΣPX)² − 1, exact. */
    public BigFraction squaredCoefficient() {
        return totalWeight.multiply(weightedSquares).divide(weightedSum.multiply(weightedSum)).subtract(BigFraction.ONE);
    }

    /** True when the mean is zero: every section has nothing, so the CV is undefined. */
    public boolean degenerate() {
        return weightedSum.equals(BigFraction.ZERO);
    }

    /** CV ≤ limit, decided exactly on the unrounded value (both sides are non-negative, so compare squares). */
    public boolean atMost(BigFraction limit) {
        return squaredCoefficient().compareTo(limit.multiply(limit)) <= 0;
    }

    public boolean below(BigFraction limit) {
        return squaredCoefficient().compareTo(limit.multiply(limit)) < 0;
    }

    public BigDecimal coefficient(int scale) {
        BigDecimal squared = squaredCoefficient().bigDecimalValue(40, BigDecimal.ROUND_HALF_EVEN);
        return squared.max(BigDecimal.ZERO).sqrt(new MathContext(34)).setScale(scale, RoundingMode.HALF_UP);
    }
}
