package cn.supervision.compliance.batch;

import java.util.List;

import cn.supervision.compliance.audit.EvaluationStore;
import cn.supervision.compliance.facts.InputProblem;

/** What became of one county of a batch: evaluated (and to be stored), or not evaluable, with the problems found. */
sealed interface CountyOutcome {

    int position();

    String source();

    record Evaluated(int position, String source, EvaluationStore.Submission submission) implements CountyOutcome {
    }

    record Invalid(int position, String source, List<InputProblem> problems) implements CountyOutcome {
    }
}
