/**
 * Pure functions: exact fractions and the student-weighted coefficient of variation.
 */
@ApplicationModule(displayName = "Statistics")
package cn.supervision.compliance.statistics;

import org.springframework.modulith.ApplicationModule;
