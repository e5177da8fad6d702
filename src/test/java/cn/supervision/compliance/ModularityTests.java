package cn.supervision.compliance;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (ARCHITECTURE.md, Modules) as Spring Modulith sees them: every top-level package a module,
 * its sub-packages internal unless named as an interface; no cycle, no access to another module's internals.
 * Writes the module documentation (component diagrams and module canvases) to {@code docs/modules}.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(ComplianceApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
