package cn.supervision.compliance.audit;

import java.security.Principal;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who submitted an evaluation: the authenticated principal of the current HTTP request, or {@value #ANONYMOUS} (no
 * authentication is configured yet; once it is, the servlet request carries the principal and nothing here changes).
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
