package cn.supervision.compliance.ruleset;

import java.time.Instant;

/**
 * One activation of a version: who, when, why, and what it was. {@code approval}: another editor than the uploader
 * made a version active for the first time; {@code rollback}: a version active before was restored; {@code start-up}:
 * the service's own (first start, a folder's files). Activations made before kinds were recorded have none.
 */
public record Activation(Instant at, String by, String comment, String kind) {

    public static final String APPROVAL = "approval";
    public static final String ROLLBACK = "rollback";
    public static final String START_UP = "start-up";
}
