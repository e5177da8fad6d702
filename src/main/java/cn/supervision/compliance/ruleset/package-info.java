/**
 * Loading, screening, tokenising, compiling, testing and activating workbooks and DRL; versions and the active pointer.
 */
@ApplicationModule(displayName = "Rule sets")
package cn.supervision.compliance.ruleset;

import org.springframework.modulith.ApplicationModule;
