/**
 * Configuration, security, accounts and roles, the console's configuration.
 */
@ApplicationModule(displayName = "System")
package cn.supervision.compliance.system;

import org.springframework.modulith.ApplicationModule;
