package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the approved templates shipped on the class path under {@code approved-templates/<rule set>/<workbook>.json};
 * the enumeration {@code 数据项} of each comes from its rule set's {@link DataItemCatalogue}.
 */
@Component
public class ApprovedTemplates {

    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    private final ObjectMapper mapper;
    private final Map<String, DataItemCatalogue> dataItems;

    public ApprovedTemplates(ObjectMapper mapper, List<? extends DataItemCatalogue> dataItems) {
        this.mapper = mapper;
        this.dataItems = dataItems.stream().collect(Collectors.toMap(DataItemCatalogue::ruleSet, Function.identity()));
    }

    public Optional<ApprovedTemplate> of(String ruleSet, String workbook) {
        if (!SAFE_NAME.matcher(ruleSet).matches() || !SAFE_NAME.matcher(workbook).matches() || workbook.startsWith(".")) {
            return Optional.empty();
        }
        String resource = "approved-templates/" + ruleSet + "/" + workbook + ".json";
        try (InputStream in = ApprovedTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(withDataItems(ruleSet, mapper.readValue(in, ApprovedTemplate.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("the approved template " + resource + " is not readable", e);
        }
    }

    private ApprovedTemplate withDataItems(String ruleSet, ApprovedTemplate template) {
        DataItemCatalogue catalogue = dataItems.get(ruleSet);
        if (catalogue == null) {
            return template;
        }
        Map<String, List<String>> enumerations = new HashMap<>(template.enumerations());
        enumerations.put(DataItemCatalogue.ENUMERATION, catalogue.dataItems());
        return new ApprovedTemplate(template.workbook(), Map.copyOf(enumerations), template.codes(), template.sheets());
    }
}
