package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.facts.Measure;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.SpendingYear;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.text.Texts;

/**
 * Raw facts → the measures of the full assessment (INDICATORS.md §1.2–1.4), one per data item (数据项) and subject.
 * Which raw figures a data item reads is defined here; which indicator it counts for and the requirement are rows of
 * the class-A standards table. Rates arrive as percentages and become fractions, so a row writes them as
 * {@code ≥95%}.
 */
public final class CountyMeasures {

    private static final BigFraction HUNDRED = Fractions.of(100);
    private static final String COUNTY = "县域";

    private final List<Measure> measures = new ArrayList<>();
    private final String countyCode;

    private CountyMeasures(String countyCode) {
        this.countyCode = countyCode;
    }

    public static List<Measure> derive(CountySubject county) {
        CountyMeasures m = new CountyMeasures(county.countyCode());
        for (SchoolInput school : county.schools()) {
            if (school.type() == SchoolType.SPECIAL_ED) {
                m.specialEducation(school);
            } else {
                m.school(school);
            }
        }
        if (county.assessment() != null) {
            m.county(county.assessment(), county.year());
        }
        return List.copyOf(m.measures);
    }

    private void school(SchoolInput school) {
        List<SectionInput> compulsory = school.sections().stream().filter(s -> s.stage().compulsory()).toList();
        for (SectionInput s : compulsory) {
            // [10] 编制标准 1:19 / 1:13.5 is read as students per staff post
            ratio("生师比", school, s, s.students() == null ? null : BigDecimal.valueOf(s.students()),
                    count(s.staffQuota()), Texts.of("result.basis.staff", s.students(), s.staffQuota()));
            ratio("生均公用经费", school, s, s.publicFundingYuan(), count(s.students()),
                    Texts.of("result.basis.funding-and-students", plain(s.publicFundingYuan()), s.students()));
            ratio("最大班额", school, s, count(s.maxClassSize()), BigDecimal.ONE,
                    Texts.of("result.basis.class-size", s.maxClassSize()));
        }
        int students = compulsory.stream().mapToInt(SectionInput::students).sum();
        Integer classes = sum(compulsory, SectionInput::classes);
        // [11] "每12个班级配备1间": classes per room; for whole rooms this equals rooms ≥ ⌈classes / n⌉
        ratio("每间音乐专用教室对应班级数", school, null, count(classes), rooms(school.musicRoomAreasM2()),
                Texts.of("result.basis.music-rooms", classes, size(school.musicRoomAreasM2())));
        ratio("每间美术专用教室对应班级数", school, null, count(classes), rooms(school.artRoomAreasM2()),
                Texts.of("result.basis.art-rooms", classes, size(school.artRoomAreasM2())));
        smallest("音乐专用教室最小面积", school, school.musicRoomAreasM2());
        smallest("美术专用教室最小面积", school, school.artRoomAreasM2());
        add("义务教育阶段在校生数", school.id(), null, school.type().label(), students,
                Fractions.of(students), false, Texts.of("result.basis.compulsory-students", students));
        BigDecimal funding = decimalSum(compulsory, SectionInput::publicFundingYuan);
        if (Boolean.TRUE.equals(school.village()) || school.type() == SchoolType.TEACHING_POINT) {
            String category = school.type() == SchoolType.TEACHING_POINT ? school.type().label() : "村小学";
            add("年度公用经费", school.id(), null, category, students,
                    funding == null ? null : Fractions.of(funding), false, Texts.of("result.basis.funding", plain(funding)));
        }
        ratio("教师培训经费占公用经费比例", school, null, school.trainingBudgetYuan(), funding,
                Texts.of("result.basis.training", plain(school.trainingBudgetYuan()), plain(funding)));
        ratio("专任教师持证上岗率", school, null, count(school.certifiedTeachers()),
                count(school.fullTimeTeachers()),
                Texts.of("result.basis.certified", school.certifiedTeachers(), school.fullTimeTeachers()));
    }

    private void specialEducation(SchoolInput school) {
        int students = school.sections().stream().mapToInt(SectionInput::students).sum();
        BigDecimal funding = decimalSum(school.sections(), SectionInput::publicFundingYuan);
        ratio("特殊教育学校生均公用经费", school, null, funding, BigDecimal.valueOf(students),
                Texts.of("result.basis.funding-and-students", plain(funding), students));
    }

    private void county(AssessmentInput a, int year) {
        flag("城乡四个统一", a.unifiedStandards());
        countyRatio("教师与公务员平均工资之比", a.teacherAveragePayYuan(), a.civilServantAveragePayYuan(),
                Texts.of("result.basis.pay", plain(a.teacherAveragePayYuan()), plain(a.civilServantAveragePayYuan())));
        flag("乡村教师、班主任及校长补贴到位", a.allowancesPaid());
        flag("绩效工资总量足额核定", a.performancePayVerified());
        rate("5年360学时培训完成率", a.trainingCompletionPct());
        flag("县级统筹分配编制和岗位", a.staffingAllocatedByCounty());
        flag("编制动态调整", a.staffingAdjustedDynamically());
        countyRatio("交流轮岗教师比例", count(a.rotatedTeachers()), count(a.eligibleRotationTeachers()),
                Texts.of("result.basis.rotation", a.rotatedTeachers(), a.eligibleRotationTeachers()));
        countyRatio("骨干教师占交流轮岗教师比例", count(a.rotatedBackboneTeachers()), count(a.rotatedTeachers()),
                Texts.of("result.basis.backbone", a.rotatedBackboneTeachers(), a.rotatedTeachers()));
        stageRate("就近划片入学比例", Stage.PRIMARY, a.nearbyEnrolmentPrimaryPct());
        stageRate("就近划片入学比例", Stage.JUNIOR, a.nearbyEnrolmentJuniorPct());
        rate("优质高中招生名额分配比例", a.quotaAllocationPct());
        // reading 7: "向农村初中倾斜" as the rural share of the quota at least the rural share of graduates
        countyRatio("农村初中名额占比与毕业生占比之比", a.ruralQuotaSharePct(), a.ruralGraduateSharePct(),
                Texts.of("result.basis.rural-quota", plain(a.ruralQuotaSharePct()), plain(a.ruralGraduateSharePct())));
        rate("随迁子女在公办及政府购买服务民办学校就读比例", a.migrantChildrenPublicPct());
        rate("初中三年巩固率", a.juniorRetentionPct());
        rate("残疾儿童少年入学率", a.disabledEnrolmentPct());
        countyValue("相关科目学业水平最低等级", count(a.monitoringLowestLevel()),
                Texts.of("result.basis.lowest-level", a.monitoringLowestLevel()));
        countyValue("校际差异率", a.monitoringDifferenceRate(), Texts.of("result.basis.difference-rate", plain(a.monitoringDifferenceRate())));
        rate("社会认可度", a.socialRecognitionPct());
        countyValue("通过基本均衡认定的年数",
                a.basicBalanceRecognitionYear() == null ? null : BigDecimal.valueOf(year - a.basicBalanceRecognitionYear()),
                Texts.of("result.basis.recognition-year", a.basicBalanceRecognitionYear()));
        spending(a.spending());
        AssessmentInput.LivingSubsidies subsidies = a.livingSubsidiesYuan();
        stageYuan("家庭经济困难寄宿生生活补助", Stage.PRIMARY, subsidies == null ? null : subsidies.primaryBoarder());
        stageYuan("家庭经济困难非寄宿生生活补助", Stage.PRIMARY, subsidies == null ? null : subsidies.primaryDay());
        stageYuan("家庭经济困难寄宿生生活补助", Stage.JUNIOR, subsidies == null ? null : subsidies.juniorBoarder());
        stageYuan("家庭经济困难非寄宿生生活补助", Stage.JUNIOR, subsidies == null ? null : subsidies.juniorDay());
    }

    /** G08 sub-item 2: how many of the latest years in a row neither total nor per-student spending fell. */
    private void spending(List<SpendingYear> series) {
        if (series == null || series.isEmpty()) {
            countyValue("教育支出连续不减年数", null, Texts.of("result.basis.no-spending"));
            return;
        }
        List<SpendingYear> sorted = series.stream().sorted(Comparator.comparing(SpendingYear::year)).toList();
        int run = 1;
        for (int i = sorted.size() - 1; i > 0; i--) {
            SpendingYear now = sorted.get(i);
            SpendingYear before = sorted.get(i - 1);
            if (now.generalBudgetEducationYuan().compareTo(before.generalBudgetEducationYuan()) < 0
                    || now.perStudentYuan().compareTo(before.perStudentYuan()) < 0) {
                break;
            }
            run++;
        }
        countyValue("教育支出连续不减年数", BigDecimal.valueOf(run),
                Texts.of("result.basis.spending-run", sorted.get(0).year(), sorted.get(sorted.size() - 1).year(), run));
    }

    private void ratio(String part, SchoolInput school, SectionInput section, BigDecimal numerator,
                       BigDecimal denominator, String basis) {
        int students = section != null ? section.students()
                : school.sections().stream().filter(s -> s.stage().compulsory()).mapToInt(SectionInput::students).sum();
        String stage = section == null ? null : section.stage().label();
        addRatio(part, school.id(), stage, school.type().label(), students, numerator, denominator, basis);
    }

    private void countyRatio(String part, BigDecimal numerator, BigDecimal denominator, String basis) {
        addRatio(part, countyCode, null, COUNTY, 0, numerator, denominator, basis);
    }

    private void addRatio(String part, String subject, String stage, String type, int students,
                          BigDecimal numerator, BigDecimal denominator, String basis) {
        if (numerator == null || denominator == null) {
            add(part, subject, stage, type, students, null, false, basis);
        } else if (denominator.signum() == 0) {
            boolean unbounded = numerator.signum() > 0;
            add(part, subject, stage, type, students, unbounded ? null : BigFraction.ZERO, unbounded, basis);
        } else {
            add(part, subject, stage, type, students, Fractions.of(numerator).divide(Fractions.of(denominator)),
                    false, basis);
        }
    }

    private void smallest(String part, SchoolInput school, List<BigDecimal> areas) {
        if (areas != null && !areas.isEmpty()) {
            BigDecimal min = areas.stream().min(Comparator.naturalOrder()).orElseThrow();
            add(part, school.id(), null, school.type().label(), 0, Fractions.of(min), false,
                    Texts.of("result.basis.room-areas", areas.stream().map(BigDecimal::toPlainString).toList().toString()));
        }
    }

    private void rate(String part, BigDecimal percent) {
        add(part, countyCode, null, COUNTY, 0, percent == null ? null : Fractions.of(percent).divide(HUNDRED),
                false, percent(percent));
    }

    private void stageRate(String part, Stage stage, BigDecimal percent) {
        add(part, countyCode, stage.label(), COUNTY, 0,
                percent == null ? null : Fractions.of(percent).divide(HUNDRED), false,
                percent(percent));
    }

    private void stageYuan(String part, Stage stage, BigDecimal yuan) {
        add(part, countyCode, stage.label(), COUNTY, 0, yuan == null ? null : Fractions.of(yuan), false,
                yuan == null ? plain(null) : Texts.of("result.basis.yuan-per-student-year", plain(yuan)));
    }

    private void flag(String part, Boolean value) {
        add(part, countyCode, null, COUNTY, 0, value == null ? null : Fractions.of(value ? 1 : 0), false,
                Texts.of(value == null ? "result.basis.not-given" : value ? "result.basis.yes" : "result.basis.no"));
    }

    private void countyValue(String part, BigDecimal value, String basis) {
        add(part, countyCode, null, COUNTY, 0, value == null ? null : Fractions.of(value), false, basis);
    }

    private void add(String part, String subject, String stage, String type, int students,
                     BigFraction value, boolean unbounded, String basis) {
        measures.add(new Measure(measures.size(), part, subject, stage, type, students, value, unbounded, basis));
    }

    private static BigDecimal count(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static BigDecimal rooms(List<BigDecimal> areas) {
        return areas == null ? null : BigDecimal.valueOf(areas.size());
    }

    private static int size(List<BigDecimal> areas) {
        return areas == null ? 0 : areas.size();
    }

    private static Integer sum(List<SectionInput> sections, Function<SectionInput, Integer> figure) {
        List<Integer> values = sections.stream().map(figure).toList();
        return values.stream().anyMatch(Objects::isNull) ? null : values.stream().mapToInt(Integer::intValue).sum();
    }

    private static BigDecimal decimalSum(List<SectionInput> sections, Function<SectionInput, BigDecimal> figure) {
        List<BigDecimal> values = sections.stream().map(figure).toList();
        return values.stream().anyMatch(Objects::isNull) ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value == null ? Texts.of("result.basis.not-given") : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal percent) {
        return percent == null ? plain(null) : plain(percent) + "%";
    }
}
