/**
 * The one pipeline: validate, session, assemble; the result envelope and the interface every rule set implements.
 */
@ApplicationModule(displayName = "Evaluation pipeline")
package cn.supervision.compliance.evaluation;

import org.springframework.modulith.ApplicationModule;
