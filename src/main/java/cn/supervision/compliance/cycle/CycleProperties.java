package cn.supervision.compliance.cycle;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the supervision cycle: until accounts carry their node (issue 22), {@code scope.account-nodes} binds an
 * account to a node (default: the root) and {@code scope.node-codes} lists the code prefixes a node contains; evidence
 * files are bounded in number and size; {@code pdf-fonts} lists the CJK font files a PDF may embed, first found wins.
 */
@ConfigurationProperties("compliance.cycle")
public record CycleProperties(Scope scope, Evidence evidence, List<String> pdfFonts) {

    public CycleProperties {
        scope = scope == null ? new Scope(null, null) : scope;
        evidence = evidence == null ? new Evidence(5, 5L * 1024 * 1024) : evidence;
        pdfFonts = pdfFonts == null ? List.of() : List.copyOf(pdfFonts);
    }

    public record Scope(Map<String, String> accountNodes, Map<String, List<String>> nodeCodes) {

        public Scope {
            accountNodes = accountNodes == null ? Map.of() : Map.copyOf(accountNodes);
            nodeCodes = nodeCodes == null ? Map.of() : Map.copyOf(nodeCodes);
        }
    }

    public record Evidence(int maxFiles, long maxFileBytes) {
    }
}
