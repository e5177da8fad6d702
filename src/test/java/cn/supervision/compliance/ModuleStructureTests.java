package cn.supervision.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages are modules with dependencies pointing one way (ARCHITECTURE.md, Modules): no cycle between them, the
 * web edge on top, rule-set loading below the pipeline, statistics pure.
 */
class ModuleStructureTests {

    private static final String ROOT = "cn.supervision.compliance";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noCycleBetweenModules() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

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
        classes().that().resideInAPackage(ROOT + ".statistics..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".statistics..", "java..",
                        "org.apache.commons.math3..")
                .check(CLASSES);
    }
}
