package cn.supervision.compliance.system;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses (403) a request that would change state when a browser says it comes from another site: its {@code Origin} is
 * neither this service's own nor a configured one, or, without an Origin, its {@code Sec-Fetch-Site} is not
 * same-origin. This holds whatever the credentials (a session cookie, or Basic credentials a browser cached), while
 * integrators' programs, which send neither header, are unaffected.
 */
final class CrossSiteRefusal extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME = Set.of("same-origin", "none");

    private final List<String> allowedOrigins;
    private final ProblemAuthenticationHandlers problems;

    CrossSiteRefusal(List<String> allowedOrigins, ProblemAuthenticationHandlers problems) {
        this.allowedOrigins = allowedOrigins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            problems.crossSite(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return !origin.equalsIgnoreCase(ownOrigin(request)) && !allowedOrigins.contains(origin);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !SAME.contains(site);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
                .port(defaultPort(request) ? -1 : request.getServerPort()).build().toUriString();
    }

    private static boolean defaultPort(HttpServletRequest request) {
        return "http".equals(request.getScheme()) && request.getServerPort() == 80
                || "https".equals(request.getScheme()) && request.getServerPort() == 443;
    }
}
