package cn.supervision.compliance.evaluation;

import java.util.List;

import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.statistics.WeightedVariation;
import cn.supervision.compliance.statistics.WeightedVariation.Observation;

/** The student-weighted spread of one indicator across a stage's in-scope sections. */
public record Variation(Stage stage, String indicator, WeightedVariation statistics) {

    public static Variation of(Stage stage, String indicator, List<IndicatorValue> values) {
        List<Observation> observations = values.stream()
                .map(v -> new Observation(v.value(), Fractions.of(v.students())))
                .toList();
        return new Variation(stage, indicator, WeightedVariation.of(observations));
    }

    public String stageName() {
        return stage.label();
    }
}
