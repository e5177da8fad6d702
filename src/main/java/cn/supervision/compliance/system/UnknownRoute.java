package cn.supervision.compliance.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Matches a request that no controller or actuator endpoint serves under any method: Spring MVC answers it with a 404
 * problem. A path that is an endpoint (with another method or media type) does not match, so it keeps falling to
 * {@code denyAll}: an endpoint without an explicit role rule stays closed.
 */
@Component
class UnknownRoute implements RequestMatcher {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    UnknownRoute(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return mappings.orderedStream().noneMatch(mapping -> serves(mapping, request));
        } finally {
            ServletRequestPathUtils.setParsedRequestPath(previous, request);
        }
    }

    private static boolean serves(RequestMappingInfoHandlerMapping mapping, HttpServletRequest request) {
        try {
            return mapping.getHandler(request) != null;
        } catch (Exception e) {
            return true; // the path is mapped, but not for this method or media type
        }
    }
}
