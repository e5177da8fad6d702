/**
 * Storage and retrieval of evaluations (append-only, Flyway, JDBC), search, traces and comparisons.
 */
@ApplicationModule(displayName = "Audit trail")
package cn.supervision.compliance.audit;

import org.springframework.modulith.ApplicationModule;
