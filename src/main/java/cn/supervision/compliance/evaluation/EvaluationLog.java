package cn.supervision.compliance.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Where the pipeline records what it answered, and reads back what an impact preview evaluates again. The audit
 * trail implements it; the pipeline names no store.
 */
public interface EvaluationLog {

    /** Records an evaluation and its default answer (JSON as answered) before it is acknowledged to its client. */
    void save(EvaluationResult result, EvaluationRequest request, byte[] answer);

    Optional<StoredEvaluation> findStored(String id);

    /** The most recent evaluations of a rule set, newest first. */
    List<StoredEvaluation> recent(String ruleSet, int limit);

    /**
     * gov-approval lane (issue 22, point 6): the newest evaluation of each subject (by its code) of a rule set, newest
     * first, for an impact preview that counts every subject once.
     */
    List<StoredEvaluation> latestPerSubject(String ruleSet, int limit);
}
