package cn.supervision.compliance.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Student-weighted coefficient of variation (差异系数) of one indicator across the sections of one stage, as in the
 * national method: X̄ = Σ XᵢPᵢ / P, S = sqrt(Σ Pᵢ(Xᵢ − X̄)² / P), CV = S / X̄.
 *
 * <p>Every verdict is exact. The sums are first taken in 50-digit decimals, whose error has a proven bound (every
 * term is non-negative, so the relative error of a sum of n terms is at most about n rounding units); a comparison of
 * CV with a limit whose two sides differ by more than that bound is decided there, without fractions. Only a
 * comparison within the bound (a CV on its limit, as the boundary tests have) or an observation outside the bound's
 * premises falls back to the exact fractions, whose common denominators grow with the number of sections (the cost
 * that made a 5,000-school county superlinear).
 */
public final class WeightedVariation {

    public record Observation(BigFraction value, BigFraction weight) {
    }

    private static final MathContext WORKING = new MathContext(50, RoundingMode.HALF_EVEN);
    /** One unit in the last of the 50 digits, relative: twice the rounding error of one operation. */
    private static final BigDecimal UNIT = BigDecimal.ONE.movePointLeft(49);
    private static final BigDecimal TINY = BigDecimal.ONE.movePointLeft(30);
    private static final BigDecimal NEAR_HALF = BigDecimal.ONE.movePointLeft(20);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final List<Observation> observations;
    /** Every weight positive and every value non-negative: the premises of the error bound. */
    private final boolean bounded;
    private final boolean degenerate;
    private final BigDecimal p;
    private final BigDecimal px;
    private final BigDecimal pxx;
    private Exact exact;

    private record Exact(BigFraction p, BigFraction px, BigFraction pxx) {
    }

    private WeightedVariation(List<Observation> observations) {
        this.observations = List.copyOf(observations);
        boolean premises = true;
        boolean allZero = true;
        BigDecimal sumP = BigDecimal.ZERO;
        BigDecimal sumPx = BigDecimal.ZERO;
        BigDecimal sumPxx = BigDecimal.ZERO;
        for (Observation o : this.observations) {
            premises &= o.weight().getNumerator().signum() > 0 && o.value().getNumerator().signum() >= 0;
            allZero &= o.value().getNumerator().signum() == 0;
            BigDecimal w = decimal(o.weight());
            BigDecimal x = decimal(o.value());
            BigDecimal wx = w.multiply(x, WORKING);
            sumP = sumP.add(w, WORKING);
            sumPx = sumPx.add(wx, WORKING);
            sumPxx = sumPxx.add(wx.multiply(x, WORKING), WORKING);
        }
        this.bounded = premises;
        this.p = sumP;
        this.px = sumPx;
        this.pxx = sumPxx;
        this.degenerate = premises ? allZero : exact().px().equals(BigFraction.ZERO);
    }

    public static WeightedVariation of(List<Observation> observations) {
        return new WeightedVariation(observations);
    }

    public int count() {
        return observations.size();
    }

    public BigFraction totalWeight() {
        return exact().p();
    }

    public BigFraction weightedSum() {
        return exact().px();
    }

    public BigFraction weightedSquares() {
        return exact().pxx();
    }

    public BigFraction mean() {
        return weightedSum().divide(totalWeight());
    }

    /** S² / X̄² = P·ΣPX² / (ΣPX)² − 1, exact. */
    public BigFraction squaredCoefficient() {
        Exact sums = exact();
        return sums.p().multiply(sums.pxx()).divide(sums.px().multiply(sums.px())).subtract(BigFraction.ONE);
    }

    /** True when the mean is zero: every section has nothing, so the CV is undefined. */
    public boolean degenerate() {
        return degenerate;
    }

    /** CV ≤ limit, decided exactly on the unrounded value (both sides are non-negative, so compare squares). */
    public boolean atMost(BigFraction limit) {
        return compareWith(limit) <= 0;
    }

    public boolean below(BigFraction limit) {
        return compareWith(limit) < 0;
    }

    public BigDecimal coefficient(int scale) {
        if (bounded && !degenerate) {
            BigDecimal squared = quotient().subtract(BigDecimal.ONE);
            if (squared.compareTo(TINY) > 0) {
                BigDecimal cv = squared.sqrt(new MathContext(34));
                BigDecimal shifted = cv.movePointRight(scale);
                BigDecimal beyond = shifted.subtract(shifted.setScale(0, RoundingMode.FLOOR));
                if (beyond.subtract(HALF).abs().compareTo(NEAR_HALF) > 0) {
                    return cv.setScale(scale, RoundingMode.HALF_UP);
                }
            }
        }
        BigDecimal squared = squaredCoefficient().bigDecimalValue(40, BigDecimal.ROUND_HALF_EVEN);
        return squared.max(BigDecimal.ZERO).sqrt(new MathContext(34)).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * The sign of CV² − limit², i.e. of P·ΣPX²/(ΣPX)² − (1 + limit²): from the decimals when they differ by more than
     * their error bound ((4n + 40) units, about twice what the operations can accumulate), else exactly.
     */
    private int compareWith(BigFraction limit) {
        if (bounded && !degenerate && limit.getNumerator().signum() >= 0) {
            BigDecimal target = BigDecimal.ONE.add(decimal(limit.multiply(limit)), WORKING);
            BigDecimal difference = quotient().subtract(target);
            BigDecimal bound = target.multiply(UNIT).multiply(BigDecimal.valueOf(4L * observations.size() + 40));
            if (difference.abs().compareTo(bound) > 0) {
                return difference.signum();
            }
        }
        return squaredCoefficient().compareTo(limit.multiply(limit));
    }

    private BigDecimal quotient() {
        return p.multiply(pxx, WORKING).divide(px.multiply(px, WORKING), WORKING);
    }

    private Exact exact() {
        if (exact == null) {
            BigFraction sumP = BigFraction.ZERO;
            BigFraction sumPx = BigFraction.ZERO;
            BigFraction sumPxx = BigFraction.ZERO;
            for (Observation o : observations) {
                sumP = sumP.add(o.weight());
                sumPx = sumPx.add(o.weight().multiply(o.value()));
                sumPxx = sumPxx.add(o.weight().multiply(o.value()).multiply(o.value()));
            }
            exact = new Exact(sumP, sumPx, sumPxx);
        }
        return exact;
    }

    private static BigDecimal decimal(BigFraction fraction) {
        BigInteger denominator = fraction.getDenominator();
        BigDecimal numerator = new BigDecimal(fraction.getNumerator());
        return denominator.equals(BigInteger.ONE) ? numerator : numerator.divide(new BigDecimal(denominator), WORKING);
    }
}
