/**
 * The shared engine of check-row rule sets (curriculum, district-targets; ARCHITECTURE.md, Modules): one rule for every
 * check row ({@code rules/shared/check-rows.drl}), its facts, session and results. A check-row rule set extends
 * {@link cn.supervision.compliance.checkrows.CheckRowEvaluator} and supplies its subject's figures.
 */
@ApplicationModule(displayName = "Check rows")
package cn.supervision.compliance.checkrows;

import org.springframework.modulith.ApplicationModule;
