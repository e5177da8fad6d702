/**
 * County resource allocation and the 36-indicator assessment (INDICATORS.md §1): subject records, derivation, session, assembly and 测试用例.
 */
@ApplicationModule(displayName = "Rule set: balanced-development")
package cn.supervision.compliance.balanced;

import org.springframework.modulith.ApplicationModule;
