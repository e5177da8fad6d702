package cn.supervision.compliance.checkrows;

import java.util.Arrays;
import java.util.List;

import cn.supervision.compliance.evaluation.Quantities;
import cn.supervision.compliance.evaluation.Requirement;
import cn.supervision.compliance.facts.Observation;

/**
 * One check row of a curriculum or district-target table: the indicator, the figure it reads, its scope (grades,
 * school types, the jurisdiction that sets it), the comparison and requirement, the year it comes into force and its source. Built by
 * the row's action cells, left to right: {@code Standard.draft(rule).code("C02")} … {@code .source("…")}; a blank
 * optional cell leaves its part unset.
 */
public record Standard(String code, String name, String field, GradeRange grades, List<String> schoolTypes,
                       String jurisdiction, Basis basis, Requirement requirement, String unit, Integer years,
                       Integer inForceFrom, String description, String source, String rule) {

    public static Draft draft(String rule) {
        return new Draft(new Standard(null, null, null, null, List.of(), null, Basis.STANDARD, null, null, null, null,
                null, null, rule));
    }

    /** Per-grade figures count only for the grades of the row; school-wide figures always. */
    public boolean covers(Observation observation) {
        return observation.grade() == null || grades == null || grades.contains(observation.grade());
    }

    /**
     * What the row sets, for which subjects (indicator, data item, grades, school types, comparison): of rows with
     * equal figures only the row of the more specific jurisdiction applies. A property the rules join on.
     */
    public Figure figure() {
        return new Figure(code, field, grades, schoolTypes, basis);
    }

    public record Figure(String code, String field, GradeRange grades, List<String> schoolTypes, Basis basis) {
    }

    /** What the row covers within its subject, for the result: its grades or its school types. */
    public String scope() {
        if (grades != null) {
            return grades.toString();
        }
        return schoolTypes.isEmpty() ? null : String.join("、", schoolTypes);
    }

    public record Draft(Standard s) {

        public Draft code(String text) {
            return with(text.strip(), s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        public Draft named(String text) {
            return with(s.code, text.strip(), s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        /** The name of the subject's figure the row reads, as in the request (for example {@code pePeriods}). */
        public Draft reading(String text) {
            return with(s.code, s.name, text.strip(), s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        public Draft grades(String text) {
            return with(s.code, s.name, s.field, GradeRange.parse(text), s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        /** School types by their Chinese labels, separated by 、 or commas. */
        public Draft schoolTypes(String text) {
            List<String> types = Arrays.stream(text.split("[、，,；;\\n]+")).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
            return with(s.code, s.name, s.field, s.grades, types, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        /** The jurisdiction whose document sets the row: it binds that node of the tree and every node below it. */
        public Draft setBy(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, text.strip(), s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        public Draft basis(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, Basis.fromLabel(text),
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description);
        }

        public Draft requiring(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    Requirement.parse(text), s.unit, s.years, s.inForceFrom, s.description);
        }

        public Draft inUnit(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, text.strip(), s.years, s.inForceFrom, s.description);
        }

        /**
         * For a series: how many of the latest consecutive years it must cover; for a row compared with its standard:
         * how many items the subject must report (D09's 12 associations), fewer being not assessed.
         */
        public Draft overYears(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, Quantities.parseWhole(text, text), s.inForceFrom, s.description);
        }

        /** The first evaluation year the row applies to; earlier years report it as not yet in force. */
        public Draft inForceFrom(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, Quantities.parseWhole(text, text), s.description);
        }

        /** The requirement as policy staff word it (要求说明). */
        public Draft describedAs(String text) {
            return with(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, text.strip());
        }

        public Standard source(String text) {
            if (s.code == null || s.field == null || s.requirement == null || s.jurisdiction == null) {
                throw new IllegalStateException("rule " + s.rule
                        + " needs an indicator code, a figure, a requirement and the jurisdiction that sets it");
            }
            return new Standard(s.code, s.name, s.field, s.grades, s.schoolTypes, s.jurisdiction, s.basis,
                    s.requirement, s.unit, s.years, s.inForceFrom, s.description, text.strip(), s.rule);
        }

        private Draft with(String code, String name, String field, GradeRange grades, List<String> schoolTypes,
                           String jurisdiction, Basis basis, Requirement requirement, String unit, Integer years,
                           Integer inForceFrom, String description) {
            return new Draft(new Standard(code, name, field, grades, schoolTypes, jurisdiction, basis, requirement,
                    unit, years, inForceFrom, description, s.source, s.rule));
        }
    }
}
