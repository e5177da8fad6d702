package cn.supervision.compliance.system;

import static cn.supervision.compliance.system.Role.ADMIN;
import static cn.supervision.compliance.system.Role.AUDITOR;
import static cn.supervision.compliance.system.Role.CLERK;
import static cn.supervision.compliance.system.Role.REVIEWER;
import static cn.supervision.compliance.system.Role.INTEGRATOR;
import static cn.supervision.compliance.system.Role.POLICY_EDITOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every endpoint has an explicit rule; an endpoint not listed is denied, and a path that is no endpoint at all is a 404
 * to whoever is signed in ({@link UnknownRoute}). Integrators submit and read evaluations,
 * auditors read everything, policy editors change rule sets, admins do all. Sessions are stateless: every request
 * authenticates (HTTP Basic for people, {@code X-API-Key} for machines). The web console's static pages are open.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ProblemAuthenticationHandlers problems,
                            UnknownRoute unknownRoute) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
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
     * Users by their exact name ({@code InMemoryUserDetailsManager} would match {@code ADMIN} to {@code admin}). A copy
     * is handed out each time, since Spring Security erases the password of what it was given.
     */
    @Bean
    UserDetailsService users(SecurityProperties properties) {
        Map<String, UserDetails> users = properties.users().stream()
                .map(u -> User.withUsername(u.name()).password(u.password())
                        .roles(u.roles().stream().map(Role::name).toArray(String[]::new)).build())
                .collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
        return name -> Optional.ofNullable(users.get(name)).map(u -> User.withUserDetails(u).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
