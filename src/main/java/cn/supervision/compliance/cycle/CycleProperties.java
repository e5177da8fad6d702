package cn.supervision.compliance.cycle;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the supervision cycle: evidence files are bounded in number and size; {@code pdf-fonts} lists the CJK
 * font files a PDF may embed, first found wins. (An account's scope is its node: system/AccountScope.)
 */
@ConfigurationProperties("compliance.cycle")
public record CycleProperties(Evidence evidence, List<String> pdfFonts) {

    public CycleProperties {
        evidence = evidence == null ? new Evidence(5, 5L * 1024 * 1024) : evidence;
        pdfFonts = pdfFonts == null ? List.of() : List.copyOf(pdfFonts);
    }

    public record Evidence(int maxFiles, long maxFileBytes) {
    }
}
