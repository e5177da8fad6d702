package cn.supervision.compliance.system;

import static cn.supervision.compliance.system.Role.ADMIN;
import static cn.supervision.compliance.system.Role.AUDITOR;
import static cn.supervision.compliance.system.Role.CLERK;
import static cn.supervision.compliance.system.Role.REVIEWER;
import static cn.supervision.compliance.system.Role.INTEGRATOR;
import static cn.supervision.compliance.system.Role.POLICY_EDITOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every endpoint has an explicit rule; an endpoint not listed is denied, and a path that is no endpoint at all is a 404
 * to whoever is signed in ({@link UnknownRoute}). Integrators submit and read evaluations,
 * auditors read everything, policy editors change rule sets, admins do all. Programs authenticate every request (HTTP
 * Basic, {@code X-API-Key}); the web console signs in once for a revocable session (Spring Session in the database,
 * cookie HttpOnly and SameSite=Strict) and sends its CSRF token with every change. A state change a browser sends from
 * another site is refused ({@link CrossSiteRefusal}), sign-ins are throttled ({@link LoginThrottle}), and every page
 * carries a Content-Security-Policy. The web console's static pages are open.
 */
@Configuration
class SecurityConfig {

    private static final String SIGN_IN = "/api/v1/session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Scripts, styles and data only from this service; no framing, no plug-ins, forms post only here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ProblemAuthenticationHandlers problems,
                            UnknownRoute unknownRoute, LoginThrottle throttle) throws Exception {
        CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
        plainToken.setCsrfRequestAttributeName(null); // the token is read (and its cookie written) at once
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainToken)
                        .requireCsrfProtectionMatcher(SecurityConfig::changeBySessionCookie))
                // Spring Security never makes a session itself: only the console's sign-in does (api/SessionController)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new CrossSiteRefusal(properties.allowedOrigins(), problems), CsrfFilter.class)
                .addFilterBefore(new BasicLoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(POST, "/api/v1/session").permitAll()
                        .requestMatchers(DELETE, "/api/v1/session").permitAll()
                        .requestMatchers("/api/v1/accounts", "/api/v1/accounts/**").hasRole(ADMIN.name())
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the console's pages are static; every figure on them comes from the API with the user's credentials
                        .requestMatchers(GET, "/console", "/console/**").permitAll()
                        // lane cycle (issue 24): the console's chart library, served from its webjar
                        .requestMatchers(GET, "/webjars/echarts/**").permitAll()
                        .requestMatchers(GET, "/api/v1/me").authenticated()
                        // lane cycle (issue 24): submissions, review, rectification items, history and ranking; the
                        // controllers (cycle/) narrow every answer to the caller's node (cycle/ReviewScope)
                        .requestMatchers(POST, "/api/v1/submissions").hasAnyRole(roles(CLERK, INTEGRATOR, ADMIN))
                        .requestMatchers(PUT, "/api/v1/submissions/*").hasAnyRole(roles(CLERK, INTEGRATOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/submissions/*/return", "/api/v1/submissions/*/approve")
                        .hasAnyRole(roles(REVIEWER, ADMIN))
                        .requestMatchers(GET, "/api/v1/submissions", "/api/v1/submissions/*",
                                "/api/v1/submissions/*/report")
                        .hasAnyRole(roles(CLERK, INTEGRATOR, REVIEWER, AUDITOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/rectifications/*/progress").hasAnyRole(roles(CLERK, ADMIN))
                        .requestMatchers(POST, "/api/v1/rectifications/*/close", "/api/v1/rectifications/*/reopen")
                        .hasAnyRole(roles(REVIEWER, ADMIN))
                        .requestMatchers(GET, "/api/v1/rectifications", "/api/v1/rectifications/**",
                                "/api/v1/subjects/*/history", "/api/v1/jurisdictions/*/ranking",
                                "/api/v1/jurisdictions/*/overview")
                        .hasAnyRole(roles(CLERK, REVIEWER, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets/*/template")
                        .hasAnyRole(roles(CLERK, REVIEWER, INTEGRATOR, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets/*/jurisdictions")
                        .hasAnyRole(roles(CLERK, REVIEWER, INTEGRATOR, AUDITOR, POLICY_EDITOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/evaluations").hasAnyRole(roles(INTEGRATOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/evaluations/*").hasAnyRole(roles(INTEGRATOR, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/evaluations", "/api/v1/evaluations/**")
                        .hasAnyRole(roles(AUDITOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/batches").hasAnyRole(roles(INTEGRATOR, ADMIN))
                        // everyone signed in lists batches: the controller lists only those the caller may read
                        .requestMatchers(GET, "/api/v1/batches").hasAnyRole(roles(INTEGRATOR, AUDITOR, POLICY_EDITOR, ADMIN))
                        // integrators read only the batches they submitted (checked in the controller)
                        .requestMatchers(GET, "/api/v1/batches/*", "/api/v1/batches/*/summary",
                                "/api/v1/batches/*/counties", "/api/v1/batches/*/summary.xlsx").hasAnyRole(roles(INTEGRATOR, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets", "/api/v1/rule-sets/*/indicators",
                                "/api/v1/rule-sets/*/jurisdictions")
                        .hasAnyRole(roles(INTEGRATOR, AUDITOR, POLICY_EDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets/*/template").hasAnyRole(roles(INTEGRATOR, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets/*/versions/*/impact")
                        .hasAnyRole(roles(POLICY_EDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/rule-sets/**").hasAnyRole(roles(AUDITOR, POLICY_EDITOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/rule-sets/**").hasAnyRole(roles(POLICY_EDITOR, ADMIN))
                        .requestMatchers(GET, "/actuator/**").hasRole(ADMIN.name())
                        .requestMatchers(unknownRoute).authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Accounts from the database by their exact name, disabled ones refused. Each sign-in reads the account afresh, so
     * a change of roles or a disabled account holds from the next request on.
     */
    @Bean
    UserDetailsService users(AccountStore accounts) {
        return name -> accounts.find(name).flatMap(account -> accounts.passwordHash(name).map(hash ->
                        User.withUsername(account.username()).password(hash).disabled(!account.enabled())
                                .roles(account.roles().stream().map(Role::name).toArray(String[]::new)).build()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** A state change in the console: the session cookie is its only credential, so the CSRF token must come too. */
    private static boolean changeBySessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getRequestedSessionId() != null
                && !("POST".equals(request.getMethod()) && SIGN_IN.equals(request.getRequestURI()))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null;
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
