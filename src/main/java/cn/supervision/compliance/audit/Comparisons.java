package cn.supervision.compliance.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.supervision.compliance.evaluation.TraceStep;

/** Compares two stored evaluations check by check, on their traces (so nothing is recomputed). */
@Component
public class Comparisons {

    private final Traces traces;

    public Comparisons(Traces traces) {
        this.traces = traces;
    }

    /** Empty when either evaluation does not exist. */
    public Optional<Comparison> compare(String before, String after) {
        Optional<Trace> a = traces.trace(before);
        Optional<Trace> b = traces.trace(after);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(compare(a.get(), b.get()));
    }

    static Comparison compare(Trace before, Trace after) {
        Map<String, TraceStep> old = index(before);
        Map<String, TraceStep> now = index(after);
        List<Comparison.Change> changed = new ArrayList<>();
        for (Map.Entry<String, TraceStep> entry : old.entrySet()) {
            TraceStep next = now.get(entry.getKey());
            if (next == null || next.verdict() != entry.getValue().verdict()) {
                changed.add(change(entry.getValue(), next));
            }
        }
        now.forEach((key, step) -> {
            if (!old.containsKey(key)) {
                changed.add(change(null, step));
            }
        });
        return new Comparison(side(before), side(after), Objects.equals(before.subject().code(), after.subject().code()),
                Objects.equals(before.ruleSetVersion(), after.ruleSetVersion()), changed);
    }

    private static Comparison.Change change(TraceStep before, TraceStep after) {
        TraceStep any = before != null ? before : after;
        return new Comparison.Change(any.kind(), any.schoolId(), any.schoolName(), any.stage(), any.indicator(),
                any instanceof TraceStep.Measured m ? m.name() : null,
                before != null ? before.verdict() : null, after != null ? after.verdict() : null,
                before instanceof TraceStep.Measured m ? m.value() : null,
                after instanceof TraceStep.Measured m ? m.value() : null,
                before instanceof TraceStep.Measured m ? m.requirement() : null,
                after instanceof TraceStep.Measured m ? m.requirement() : null);
    }

    private static Map<String, TraceStep> index(Trace trace) {
        Map<String, TraceStep> steps = new LinkedHashMap<>();
        trace.checks().forEach(step -> steps.putIfAbsent(step.key(), step));
        return steps;
    }

    private static Comparison.Side side(Trace trace) {
        return new Comparison.Side(trace.evaluationId(), trace.ruleSet(), trace.ruleSetVersion(), trace.subject(),
                trace.passed(), trace.evaluatedAt());
    }
}
