package cn.supervision.compliance.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.supervision.compliance.balanced.CountyMeasures;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.curriculum.CurriculumObservations;
import cn.supervision.compliance.curriculum.CurriculumSubject;
import cn.supervision.compliance.targets.DistrictSubject;
import cn.supervision.compliance.targets.ProvinceSubject;
import cn.supervision.compliance.targets.TargetObservations;
import cn.supervision.compliance.ruleset.DataItem;

/**
 * Each rule set's data-item catalogue (the closed list a 数据项 cell is checked against) is exactly what its derivation
 * produces from a complete sample request: no catalogued item that is never derived, no derived figure a row could
 * not name; and every item's request fields (来源) exist in the rule set's request.
 */
class DataItemCatalogueTests {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    private JsonNode subject(String sample) throws IOException {
        return mapper.readTree(Files.readString(Path.of("samples", sample))).get("subject");
    }

    @Test
    void theCountyMeasuresAreTheBalancedDevelopmentDataItems() throws IOException {
        CountySubject county = mapper.treeToValue(subject("county-assessment-430503.json"), CountySubject.class);
        Set<String> derived = CountyMeasures.derive(county).stream().map(Measure::part).collect(Collectors.toSet());
        assertThat(derived).containsExactlyInAnyOrderElementsOf(names("balanced-development"));
    }

    @Test
    void theCurriculumObservationsAreTheCurriculumDataItems() throws IOException {
        CurriculumSubject school = mapper.treeToValue(subject("school-curriculum.json"), CurriculumSubject.class);
        assertThat(fields(CurriculumObservations.of(school, "subject."))).containsExactlyInAnyOrderElementsOf(
                names("curriculum"));
    }

    @Test
    void theDistrictAndProvinceObservationsAreTheDistrictTargetsDataItems() throws IOException {
        DistrictSubject district = mapper.treeToValue(subject("district-daxing.json"), DistrictSubject.class);
        ProvinceSubject province = mapper.treeToValue(subject("province-zhejiang.json"), ProvinceSubject.class);
        Set<String> derived = new HashSet<>(fields(TargetObservations.of(district, "subject.")));
        derived.addAll(fields(TargetObservations.of(province, "subject.")));
        assertThat(derived).containsExactlyInAnyOrderElementsOf(names("district-targets"));
    }

    /** Every request field a catalogue names is a field of the rule set's subject records, and every type is known. */
    @ParameterizedTest
    @CsvSource({"balanced-development, cn.supervision.compliance.balanced.CountySubject",
            "curriculum, cn.supervision.compliance.curriculum.CurriculumSubject",
            "district-targets, cn.supervision.compliance.targets.DistrictSubject",
            "district-targets, cn.supervision.compliance.targets.ProvinceSubject"})
    void everySourceIsAFieldOfTheRequest(String ruleSet, Class<?> subject) {
        List<DataItem> items = DataItem.catalogue(ruleSet);
        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.label()).isNotBlank());
        Set<String> resolved = new HashSet<>();
        for (DataItem item : items) {
            for (String source : item.sources()) {
                if (resolves(subject, source)) {
                    resolved.add(item.name());
                }
            }
        }
        // a district-targets item comes from either a district or a province request
        if (!ruleSet.equals("district-targets")) {
            assertThat(resolved).containsExactlyInAnyOrderElementsOf(names(ruleSet));
        }
        assertThat(items).allSatisfy(item -> assertThat(item.sources()).allSatisfy(source ->
                assertThat(source).matches("subject(\\.[a-zA-Z][a-zA-Z0-9]*(\\[])?)+")));
    }

    @Test
    void aDistrictTargetsItemComesFromADistrictOrAProvince() {
        assertThat(DataItem.catalogue("district-targets")).allSatisfy(item -> assertThat(item.sources())
                .allMatch(s -> resolves(DistrictSubject.class, s) || resolves(ProvinceSubject.class, s)));
    }

    /** Walks {@code subject.a[].b} through the record components of {@code type}, into list elements at []. */
    private static boolean resolves(Class<?> type, String source) {
        Type current = type;
        for (String step : source.substring("subject.".length()).split("\\.")) {
            String name = step.replace("[]", "");
            Class<?> record = raw(current);
            if (!record.isRecord()) {
                return false;
            }
            RecordComponent component = Arrays.stream(record.getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst().orElse(null);
            if (component == null) {
                return false;
            }
            current = component.getGenericType();
            if (step.endsWith("[]")) {
                if (!(current instanceof ParameterizedType list) || !List.class.equals(list.getRawType())) {
                    return false;
                }
                current = list.getActualTypeArguments()[0];
            }
        }
        return true;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static List<String> names(String ruleSet) {
        return DataItem.catalogue(ruleSet).stream().map(DataItem::name).toList();
    }

    private static Set<String> fields(List<Observation> observations) {
        return observations.stream().map(Observation::field).collect(Collectors.toSet());
    }
}
