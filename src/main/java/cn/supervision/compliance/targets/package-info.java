/**
 * A district's or a province's targets (INDICATORS.md §3), judged by the shared check-row engine.
 */
@ApplicationModule(displayName = "Rule set: district-targets")
package cn.supervision.compliance.targets;

import org.springframework.modulith.ApplicationModule;
