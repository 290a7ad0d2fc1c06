package isolab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DESIGN.md, checked over the whole application (the web module's test
 * classpath holds every module): sim-kernel depends on the JDK only, real-runtime on the
 * contract only, and nothing depends upwards (sim-kernel <- real-runtime <- labs <- grading <- web).
 */
@AnalyzeClasses(packages = "isolab", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule the_contract_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("isolab.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("isolab.api..", "java..")
            .because("the Host contract is what both hosts implement; it knows neither");

    @ArchTest
    static final ArchRule the_simulator_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("isolab.sim..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("isolab.sim..", "isolab.api..", "java..")
            .because("sim-kernel is a model of a Linux machine with no dependency but the JDK");

    @ArchTest
    static final ArchRule the_real_host_knows_only_the_contract_of_sim_kernel = noClasses()
            .that().resideInAPackage("isolab.real..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "isolab.sim..", "isolab.labs..", "isolab.grading..", "isolab.web..", "isolab.cli..")
            .because("real-runtime depends on sim-kernel's api package only");

    @ArchTest
    static final ArchRule labs_do_not_depend_on_grading_or_the_web = noClasses()
            .that().resideInAPackage("isolab.labs..")
            .should().dependOnClassesThat().resideInAnyPackage("isolab.grading..", "isolab.web..", "isolab.cli..");

    @ArchTest
    static final ArchRule grading_does_not_depend_on_the_web = noClasses()
            .that().resideInAPackage("isolab.grading..")
            .should().dependOnClassesThat().resideInAnyPackage("isolab.web..", "isolab.cli..");

    @ArchTest
    static final ArchRule only_the_wiring_chooses_a_host_implementation = noClasses()
            .that().resideInAnyPackage("isolab.grading..", "isolab.web..")
            .should().dependOnClassesThat().resideInAPackage("isolab.real..")
            .because("which host runs is chosen only where the application is wired (labs' host factory, the CLI)");
}
