package cn.supervision.compliance.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates machines by the {@code X-API-Key} header. Keys are long random secrets, so a SHA-256 comparison (in
 * constant time) is enough and keeps every request cheap; a wrong key is left unauthenticated (401 later). The
 * authentication is kept in the request (as HTTP Basic keeps it) so that a later dispatch of the same request, such as
 * the async one that finishes a streamed download, is authorised as the key too.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final List<SecurityProperties.ApiKey> keys;
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            byte[] digest = sha256(presented);
            for (SecurityProperties.ApiKey key : keys) {
                if (MessageDigest.isEqual(digest, HexFormat.of().parseHex(key.sha256()))) {
                    var authorities = key.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    var token = UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities);
                    token.setDetails(new KeyDetails(key.jurisdiction()));
                    context.setAuthentication(token);
                    SecurityContextHolder.setContext(context);
                    repository.saveContext(context, request, response);
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** What a key's authentication carries besides its name: the jurisdiction node it submits and reads for. */
    record KeyDetails(String jurisdiction) implements java.io.Serializable {
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
