package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.balanced.CountyBody;

/** The county body of a balanced-development result, for tests that read its sections, decision or grade. */
public final class CountyResults {

    private CountyResults() {
    }

    public static CountyBody county(EvaluationResult result) {
        return (CountyBody) result.body();
    }
}
