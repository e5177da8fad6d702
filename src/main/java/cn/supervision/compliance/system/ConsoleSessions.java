package cn.supervision.compliance.system;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's sign-in and sign-out. The password is checked once, through the same throttled authentication as
 * HTTP Basic; the browser then holds only a session cookie (HttpOnly, SameSite=Strict), which names a session stored
 * in the database. Signing out deletes that session, so the cookie is worthless afterwards, on every instance.
 */
@Service
public class ConsoleSessions {

    private final AuthenticationManager authentication;
    private final LoginThrottle throttle;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ConsoleSessions(AuthenticationConfiguration configuration, LoginThrottle throttle) throws Exception {
        this.authentication = configuration.getAuthenticationManager();
        this.throttle = throttle;
    }

    /** Signs in and opens a session; 401 for a wrong name or password, 429 while locked out. */
    public Authentication signIn(String username, String password, HttpServletRequest request,
                                 HttpServletResponse response) {
        Optional<Duration> wait = throttle.lockedFor(username == null ? "" : username, request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "problem.login-throttled", seconds);
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                username == null ? "" : username, password == null ? "" : password);
        attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        Authentication signedIn;
        try {
            signedIn = authentication.authenticate(attempt);
        } catch (AuthenticationException e) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "problem.login-failed");
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a session known before the sign-in is not the one after
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null) {
            token.getToken(); // writes the XSRF-TOKEN cookie the console sends back as X-XSRF-TOKEN
        }
        return signedIn;
    }

    /** Ends the session (deleted from the database) and clears the console's cookies. */
    public void signOut(HttpServletRequest request, HttpServletResponse response, String sessionCookie) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        new SecurityContextLogoutHandler().logout(request, response, current);
        new CookieClearingLogoutHandler(sessionCookie, "XSRF-TOKEN").logout(request, response, current);
    }
}
