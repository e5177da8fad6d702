package cn.supervision.compliance.facts;

/**
 * Marks the second step of a county session: every derived fact is inserted, so the aggregating rules may run.
 * Without it, a rule that collects over facts of the second step would already fire on the parameters alone.
 */
public record DerivedFactsReady() {
}
