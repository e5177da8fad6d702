package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the approved templates shipped on the class path under {@code approved-templates/<rule set>/<workbook>.json}. */
@Component
public class ApprovedTemplates {

    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    private final ObjectMapper mapper;

    public ApprovedTemplates(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<ApprovedTemplate> of(String ruleSet, String workbook) {
        if (!SAFE_NAME.matcher(ruleSet).matches() || !SAFE_NAME.matcher(workbook).matches() || workbook.startsWith(".")) {
            return Optional.empty();
        }
        String resource = "approved-templates/" + ruleSet + "/" + workbook + ".json";
        try (InputStream in = ApprovedTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(mapper.readValue(in, ApprovedTemplate.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the approved template " + resource + " is not readable", e);
        }
    }
}
