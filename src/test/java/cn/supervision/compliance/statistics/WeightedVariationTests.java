package cn.supervision.compliance.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import cn.supervision.compliance.statistics.WeightedVariation.Observation;

class WeightedVariationTests {

    private static Observation obs(long value, long students) {
        return new Observation(Fractions.of(value), Fractions.of(students));
    }

    @Test
    void handComputedStudentWeightedCv() {
        // X = 1, 2, 3 with P = 100, 200, 100: X̄ = 800/400 = 2, S² = (100·1 + 0 + 100·1)/400 = 0.5,
        // CV = sqrt(0.5)/2 = 0.35355339… → 0.3536
        WeightedVariation v = WeightedVariation.of(List.of(obs(1, 100), obs(2, 200), obs(3, 100)));
        assertThat(v.mean()).isEqualTo(Fractions.of(2));
        assertThat(v.coefficient(4)).isEqualByComparingTo("0.3536");
        assertThat(v.atMost(Fractions.of(new BigDecimal("0.3536")))).isTrue();
        assertThat(v.atMost(Fractions.of(new BigDecimal("0.3535")))).isFalse();
    }

    @Test
    void aCvExactlyAtTheLimitIsWithinIt() {
        // X = 1 and 3 with equal weights: X̄ = 2, S = 1, CV = 0.5 exactly
        WeightedVariation v = WeightedVariation.of(List.of(obs(1, 100), obs(3, 100)));
        assertThat(v.squaredCoefficient()).isEqualTo(new BigFraction(1, 4));
        assertThat(v.atMost(Fractions.of(new BigDecimal("0.50")))).isTrue();
        assertThat(v.below(Fractions.of(new BigDecimal("0.50")))).isFalse();
    }

    @Test
    void theMeanIsTheCountyTotalOverItsStudents() {
        // the weighted mean of per-student values equals total resource / total students
        WeightedVariation v = WeightedVariation.of(List.of(
                new Observation(new BigFraction(3100, 640), Fractions.of(640)),
                new Observation(new BigFraction(5600, 1200), Fractions.of(1200))));
        assertThat(v.mean()).isEqualTo(new BigFraction(3100 + 5600, 640 + 1200));
    }

    /**
     * The decimal fast path decides exactly what the fractions decide: random stages of up to 400 sections (values of
     * the national data's kinds: decimals over student counts), each against limits just below, at and just above its
     * own CV (the "at" limit through the fallback) and the workbook's limits.
     */
    @Test
    void theDecimalPathDecidesAsTheExactFractions() {
        java.util.Random random = new java.util.Random(20261207);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(round < 290 ? 40 : 400);
            List<Observation> observations = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int students = 10 + random.nextInt(3000);
                BigDecimal raw = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
                observations.add(new Observation(Fractions.of(raw).multiply(100).divide(students),
                        Fractions.of(students)));
            }
            WeightedVariation fast = WeightedVariation.of(observations);
            BigDecimal cv = fast.coefficient(4);
            List<BigFraction> limits = new java.util.ArrayList<>(List.of(Fractions.of(new BigDecimal("0.50")),
                    Fractions.of(new BigDecimal("0.45")), Fractions.of(cv), Fractions.of(cv.add(new BigDecimal("0.0001"))),
                    Fractions.of(cv.subtract(new BigDecimal("0.0001")).max(BigDecimal.ZERO))));
            for (BigFraction limit : limits) {
                int exact = fast.squaredCoefficient().compareTo(limit.multiply(limit));
                assertThat(fast.atMost(limit)).as("round %d, limit %s", round, limit).isEqualTo(exact <= 0);
                assertThat(fast.below(limit)).as("round %d, limit %s", round, limit).isEqualTo(exact < 0);
            }
            BigDecimal exactCv = fast.squaredCoefficient().bigDecimalValue(40, BigDecimal.ROUND_HALF_EVEN)
                    .max(BigDecimal.ZERO).sqrt(new java.math.MathContext(34)).setScale(4, java.math.RoundingMode.HALF_UP);
            assertThat(cv).isEqualByComparingTo(exactCv);
        }
    }

    @Test
    void allZeroValuesHaveNoDefinedCv() {
        assertThat(WeightedVariation.of(List.of(obs(0, 10), obs(0, 20))).degenerate()).isTrue();
    }

    @Test
    void decimalsAreConvertedExactly() {
        assertThat(Fractions.of(new BigDecimal("0.1")).add(Fractions.of(new BigDecimal("0.2"))))
                .isEqualTo(Fractions.of(new BigDecimal("0.3")));
        assertThat(Fractions.roundedUp(new BigFraction(1, 3), 2)).isEqualByComparingTo("0.34");
        assertThat(Fractions.roundedUp(new BigFraction(2), 0)).isEqualByComparingTo("2");
    }
}
