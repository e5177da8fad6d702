package cn.supervision.compliance.system;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.text.Problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as RFC 9457 problem bodies, like every other error of the API; and 400 for a request that Spring
 * Security's firewall refuses before anyone is authenticated (a path with {@code ..}, {@code ;}, {@code //} or an encoded
 * character that could hide its meaning), which would otherwise become a 401 on Boot's error page.
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper mapper;

    ProblemAuthenticationHandlers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // No "WWW-Authenticate: Basic" challenge: it makes a browser ask for a password and then send it with every
        // request to this host, also those another site's page makes (issue 22). Programs send credentials unasked.
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "problem.unauthenticated"), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, Problems.of(HttpStatus.FORBIDDEN, "problem.csrf"), request);
            return;
        }
        write(response, Problems.of(HttpStatus.FORBIDDEN, "problem.forbidden", request.getMethod(),
                request.getRequestURI()), request);
    }

    /** A state change a browser sent from another site's page ({@link CrossSiteRefusal}). */
    void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "problem.cross-site"), request);
    }

    /** A sign-in while its name or address is locked out ({@link LoginThrottle}): 429 with when to try again. */
    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "problem.login-throttled", seconds), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "problem.path-refused");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
