/**
 * A school's class hours and targets (INDICATORS.md §2), judged by the shared check-row engine.
 */
@ApplicationModule(displayName = "Rule set: curriculum")
package cn.supervision.compliance.curriculum;

import org.springframework.modulith.ApplicationModule;
