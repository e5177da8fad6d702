package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a cached rule base depends on besides its own files: the application's classes (fact types, the DRL generator)
 * and the approved templates, as one SHA-256 of their paths and bytes. It changes when the code does and only then, so
 * a restart of the same build (`mvn spring-boot:run`, which writes a new build time each run) keeps its cache.
 */
final class CodeFingerprint {

    private static final String[] PATTERNS = {"classpath*:cn/supervision/compliance/**/*.class",
            "classpath*:approved-templates/**/*"};

    private CodeFingerprint() {
    }

    static String ofApplication() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : PATTERNS) {
                Resource[] found = resolver.getResources(pattern);
                Arrays.sort(found, Comparator.comparing(CodeFingerprint::path));
                for (Resource resource : found) {
                    if (!resource.isReadable()) {
                        continue;
                    }
                    digest.update(path(resource).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource's path below its package root, so the same classes in another folder or jar hash the same. */
    private static String path(Resource resource) {
        String url;
        try {
            url = resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = url.lastIndexOf("cn/supervision/compliance/");
        int templates = url.lastIndexOf("approved-templates/");
        return url.substring(Math.max(Math.max(at, templates), 0));
    }
}
