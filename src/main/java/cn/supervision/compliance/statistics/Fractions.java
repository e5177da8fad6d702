package cn.supervision.compliance.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.apache.commons.math3.fraction.BigFraction;

/** Exact conversions between the decimals people write and rational numbers, so no verdict rests on binary floating point. */
public final class Fractions {

    private Fractions() {
    }

    public static BigFraction of(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new BigFraction(stripped.toBigIntegerExact());
        }
        return new BigFraction(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    public static BigFraction of(long value) {
        return new BigFraction(BigInteger.valueOf(value));
    }

    /** Rounded half-up to {@code scale} decimals, without trailing zeros: for display only, never for a decision. */
    public static BigDecimal rounded(BigFraction value, int scale) {
        return value.bigDecimalValue(scale, BigDecimal.ROUND_HALF_UP).stripTrailingZeros();
    }

    /** Rounded up to {@code scale} decimals (a shortfall is never understated). */
    public static BigDecimal roundedUp(BigFraction value, int scale) {
        BigDecimal exact = new BigDecimal(value.getNumerator())
                .divide(new BigDecimal(value.getDenominator()), scale, RoundingMode.CEILING);
        return exact.stripTrailingZeros().scale() < 0 ? exact.setScale(0) : exact.stripTrailingZeros();
    }
}
