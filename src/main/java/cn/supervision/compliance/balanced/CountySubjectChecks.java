package cn.supervision.compliance.balanced;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.Stage;

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
                problems.add(new InputProblem(path + ".id",
                        "duplicate school id '" + school.id() + "' (also schools[" + first + "])"));
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
                problems.add(new InputProblem(field, "a " + school.type() + " school has no " + stage + " section"));
            } else if (!stages.add(stage)) {
                problems.add(new InputProblem(field, "stage " + stage + " is given twice in school '" + school.id() + "'"));
            }
        }
        for (Stage required : school.type().requiredStages()) {
            if (!stages.contains(required)) {
                problems.add(new InputProblem(path + ".sections",
                        "a " + school.type() + " school needs a " + required + " section"));
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
                problems.add(new InputProblem(path + "." + indicator.field(),
                        "a whole-school total is given beside values in only some sections: give "
                                + indicator.field() + " in every section or only for the whole school"));
            }
        }
    }
}
