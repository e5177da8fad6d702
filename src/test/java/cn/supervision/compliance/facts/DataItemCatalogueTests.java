package cn.supervision.compliance.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.supervision.compliance.balanced.CountyMeasures;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.curriculum.CurriculumObservations;
import cn.supervision.compliance.curriculum.CurriculumSubject;
import cn.supervision.compliance.targets.DistrictSubject;
import cn.supervision.compliance.targets.ProvinceSubject;
import cn.supervision.compliance.targets.TargetObservations;

/**
 * Each rule set's data-item catalogue (the closed list a 数据项 cell is checked against) is exactly what its derivation
 * produces from a complete sample request: no catalogued item that is never derived, no derived figure a row could
 * not name.
 */
class DataItemCatalogueTests {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    private JsonNode subject(String sample) throws IOException {
        return mapper.readTree(Files.readString(Path.of("samples", sample))).get("subject");
    }

    @Test
    void theCountyMeasuresAreTheBalancedDevelopmentDataItems() throws IOException {
        CountySubject county = mapper.treeToValue(subject("county-assessment-431103.json"), CountySubject.class);
        Set<String> derived = CountyMeasures.derive(county).stream().map(Measure::part).collect(Collectors.toSet());
        assertThat(derived).containsExactlyInAnyOrderElementsOf(CountyMeasures.DATA_ITEMS);
    }

    @Test
    void theCurriculumObservationsAreTheCurriculumDataItems() throws IOException {
        CurriculumSubject school = mapper.treeToValue(subject("school-curriculum.json"), CurriculumSubject.class);
        assertThat(fields(CurriculumObservations.of(school, "subject."))).containsExactlyInAnyOrderElementsOf(
                CurriculumObservations.DATA_ITEMS);
    }

    @Test
    void theDistrictAndProvinceObservationsAreTheDistrictTargetsDataItems() throws IOException {
        DistrictSubject district = mapper.treeToValue(subject("district-daxing.json"), DistrictSubject.class);
        ProvinceSubject province = mapper.treeToValue(subject("province-zhejiang.json"), ProvinceSubject.class);
        Set<String> derived = new HashSet<>(fields(TargetObservations.of(district, "subject.")));
        derived.addAll(fields(TargetObservations.of(province, "subject.")));
        assertThat(derived).containsExactlyInAnyOrderElementsOf(TargetObservations.DATA_ITEMS);
    }

    private static Set<String> fields(List<Observation> observations) {
        return observations.stream().map(Observation::field).collect(Collectors.toSet());
    }
}
