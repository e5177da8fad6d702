/**
 * The shared engine of check-row rule sets (curriculum, district-targets): one rule for every check row, its facts,
 * session and results. Exposed to the rule-set modules that extend {@link CheckRowEvaluator}.
 */
@NamedInterface("checkrows")
package cn.supervision.compliance.evaluation.targets;

import org.springframework.modulith.NamedInterface;
