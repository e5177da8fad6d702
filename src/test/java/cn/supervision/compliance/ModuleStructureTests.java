package cn.supervision.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import cn.supervision.compliance.evaluation.SubjectEvaluator;

/**
 * What Spring Modulith's verification ({@link ModularityTests}: no cycle, no use of another module's internals) does
 * not say about the modules (ARCHITECTURE.md, Modules): the web edge on top, rule-set loading below the pipeline, statistics pure; one module per rule set, reached only through
 * the pipeline's {@link SubjectEvaluator} interface, its session, assembly and test cases package-private.
 */
class ModuleStructureTests {

    private static final String ROOT = "cn.supervision.compliance";
    /** One module per rule set: balanced-development, curriculum, district-targets. */
    private static final String[] RULE_SETS = {ROOT + ".balanced..", ROOT + ".curriculum..", ROOT + ".targets.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void nothingDependsOnTheWebEdge() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".api..", ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".api..").check(CLASSES);
    }

    @Test
    void ruleSetLoadingKnowsNoRuleSetAndNoPipeline() {
        noClasses().that().resideInAPackage(ROOT + ".ruleset..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".evaluation..", ROOT + ".facts..",
                        ROOT + ".audit..", ROOT + ".batch..", ROOT + ".report..", ROOT + ".api..")
                .check(CLASSES);
    }

    @Test
    void statisticsArePureFunctions() {
        classes().that().resideInAPackage(ROOT + ".statistics..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".statistics..", "java..",
                        "org.apache.commons.math3..")
                .check(CLASSES);
    }

    @Test
    void thePipelineNamesNoRuleSet() {
        noClasses().that().resideOutsideOfPackages(RULE_SETS)
                .should().dependOnClassesThat().resideInAnyPackage(RULE_SETS).check(CLASSES);
    }

    @Test
    void ruleSetsKnowNothingOfEachOther() {
        for (String module : RULE_SETS) {
            noClasses().that().resideInAPackage(module).should().dependOnClassesThat()
                    .resideInAnyPackage(Arrays.stream(RULE_SETS).filter(m -> !m.equals(module)).toArray(String[]::new))
                    .check(CLASSES);
        }
    }

    @Test
    void everyRuleSetIsOneEvaluatorOfThePipeline() {
        for (String module : RULE_SETS) {
            assertThat(CLASSES.stream().filter(c -> c.getPackage().getName().equals(module.replace("..", "")))
                    .filter(c -> c.isAssignableTo(SubjectEvaluator.class) && !c.isInterface()))
                    .as("the evaluator of %s", module).hasSize(1);
        }
    }

    @Test
    void aRuleSetsSessionAssemblyAndChecksArePackagePrivate() {
        classes().that().resideInAnyPackage(RULE_SETS)
                .and().haveNameMatching(".*(Session|Assembler|TestCases|Checks|Inputs)")
                .should().notBePublic().check(CLASSES);
    }
}
