package cn.supervision.compliance.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses HTTP Basic credentials (429) while their name or the caller's address is locked out ({@link LoginThrottle}). */
final class BasicLoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final LoginThrottle throttle;
    private final ProblemAuthenticationHandlers problems;

    BasicLoginThrottleFilter(LoginThrottle throttle, ProblemAuthenticationHandlers problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            Optional<Duration> wait = throttle.lockedFor(username(header.substring(BASIC.length()).strip()),
                    request.getRemoteAddr());
            if (wait.isPresent()) {
                problems.tooManyAttempts(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String username(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return ""; // not Base64: BasicAuthenticationFilter refuses it
        }
    }
}
