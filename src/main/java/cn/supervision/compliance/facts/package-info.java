/**
 * The fact types the rule text names (workbook Import rows, DRL imports), shared request types and JSON paths.
 */
@ApplicationModule(displayName = "Facts")
package cn.supervision.compliance.facts;

import org.springframework.modulith.ApplicationModule;
