package cn.supervision.compliance.balanced;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.Stage;

import cn.supervision.compliance.text.Texts;

/**
 * Consistency checks of a county that Bean Validation cannot express: unique school ids, sections that fit the school
 * type, and area and money figures given either in every section or once for the whole school (API.md).
 */
final class CountySubjectChecks {

    private CountySubjectChecks() {
    }

    static List<InputProblem> problems(CountySubject county, String prefix) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < county.schools().size(); i++) {
            SchoolInput school = county.schools().get(i);
            String path = prefix + "schools[" + i + "]";
            Integer first = seen.putIfAbsent(school.id(), i);
            if (first != null) {
                problems.add(InputProblem.of(path + ".id", "input.county.school-id-twice", school.id(), first));
            }
            checkSections(school, path, problems);
            checkSplitFigures(school, path, problems);
        }
        return problems;
    }

    private static void checkSections(SchoolInput school, String path, List<InputProblem> problems) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (int j = 0; j < school.sections().size(); j++) {
            Stage stage = school.sections().get(j).stage();
            String field = path + ".sections[" + j + "].stage";
            if (!school.type().allows(stage)) {
                problems.add(InputProblem.of(field, "input.county.stage-not-allowed", Texts.of("school-type." + school.type()),
                        Texts.of("stage." + stage)));
            } else if (!stages.add(stage)) {
                problems.add(InputProblem.of(field, "input.county.stage-twice", Texts.of("stage." + stage), school.id()));
            }
        }
        for (Stage required : school.type().requiredStages()) {
            if (!stages.contains(required)) {
                problems.add(InputProblem.of(path + ".sections", "input.county.stage-required",
                        Texts.of("school-type." + school.type()), Texts.of("stage." + required)));
            }
        }
    }

    private static void checkSplitFigures(SchoolInput school, String path, List<InputProblem> problems) {
        for (ResourceIndicator indicator : ResourceIndicator.values()) {
            if (!indicator.splittable() || indicator.schoolTotal(school) == null) {
                continue;
            }
            long given = school.sections().stream()
                    .map(indicator::sectionFigure)
                    .filter(v -> v != null)
                    .count();
            if (given > 0 && given < school.sections().size()) {
                problems.add(InputProblem.of(path + "." + indicator.field(), "input.county.split-partial"));
            }
        }
    }
}
