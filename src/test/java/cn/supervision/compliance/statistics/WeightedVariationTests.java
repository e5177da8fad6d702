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
