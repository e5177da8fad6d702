/**
 * Excel out (evaluation reports) and Excel in (data-entry templates).
 */
@ApplicationModule(displayName = "Reports")
package cn.supervision.compliance.report;

import org.springframework.modulith.ApplicationModule;
