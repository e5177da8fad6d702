package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.facts.Stage;

/** A recorded check of one indicator for one subject; the remediation table matches the failed ones. */
public interface Check {

    String indicator();

    /** The school id, or the stage for a county-level check. */
    String subject();

    Stage stage();

    boolean failed();

    /** The raw amount missing, in {@link #unit()}; null where none can be computed. */
    BigDecimal shortfall();

    String unit();
}
