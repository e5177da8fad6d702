package cn.supervision.compliance.audit;

import java.security.Principal;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who submitted an evaluation: the authenticated principal of the current HTTP request (a user or an API key's name),
 * or {@value #ANONYMOUS} outside a request (batch work started by the service itself).
 */
@Component
public class Submitter {

    static final String ANONYMOUS = "anonymous";

    public String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Principal principal = attributes.getRequest().getUserPrincipal();
            if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
                return principal.getName();
            }
        }
        return ANONYMOUS;
    }
}
