package cn.supervision.compliance.evaluation;

/** The county body of a balanced-development result, for tests that read its sections, decision or grade. */
public final class CountyResults {

    private CountyResults() {
    }

    public static EvaluationResult.CountyBody county(EvaluationResult result) {
        return (EvaluationResult.CountyBody) result.body();
    }
}
