/**
 * The message catalogue: Chinese first, English twins, field names.
 */
@ApplicationModule(displayName = "Texts")
package cn.supervision.compliance.text;

import org.springframework.modulith.ApplicationModule;
