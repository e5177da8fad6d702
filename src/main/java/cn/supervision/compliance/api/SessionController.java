package cn.supervision.compliance.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.system.ConsoleSessions;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The console's sign-in ({@code POST}) and sign-out ({@code DELETE}) of a revocable session (issue 22). */
@RestController
class SessionController {

    private final ConsoleSessions sessions;
    private final MeController me;
    private final String sessionCookie;

    SessionController(ConsoleSessions sessions, MeController me,
                      @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.sessions = sessions;
        this.me = me;
        this.sessionCookie = sessionCookie;
    }

    record Credentials(String username, String password) {
    }

    @Operation(summary = "Signs in to the console: a session cookie (HttpOnly, SameSite=Strict) and a CSRF cookie")
    @PostMapping("/api/v1/session")
    MeController.Me signIn(@RequestBody Credentials credentials, HttpServletRequest request,
                           HttpServletResponse response) {
        return me.me(sessions.signIn(credentials.username(), credentials.password(), request, response));
    }

    @Operation(summary = "Signs out: the session is deleted and no longer accepted anywhere")
    @DeleteMapping("/api/v1/session")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response, sessionCookie);
        return ResponseEntity.noContent().build();
    }
}
