package travel.amur.itinerary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import travel.amur.common.testing.ArchitectureRules;

@AnalyzeClasses(packages = "travel.amur.itinerary", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_saga_and_the_planner_are_plain_java =
            noClasses().that().resideInAPackage("..model..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "io.r2dbc..", "tools.jackson..", "reactor..",
                            "org.apache.kafka..", "travel.amur.common..");

    @ArchTest
    static final ArchRule infrastructure_is_reached_only_through_ports =
            noClasses().that().resideInAnyPackage("..application..", "..web..", "..model..")
                    .should().dependOnClassesThat().resideInAPackage("..infrastructure..");

    @ArchTest
    static final ArchRule features_have_no_cycles_between_them = ArchitectureRules.featuresHaveNoCycles();
}
