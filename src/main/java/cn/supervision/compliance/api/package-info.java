/**
 * The HTTP edge: thin controllers, request and response records, the one RFC 9457 problem handler, body limits, strict JSON and admission.
 */
@ApplicationModule(displayName = "Web API")
package cn.supervision.compliance.api;

import org.springframework.modulith.ApplicationModule;
