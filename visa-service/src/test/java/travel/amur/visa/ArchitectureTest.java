package travel.amur.visa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import travel.amur.common.testing.ArchitectureRules;

@AnalyzeClasses(packages = "travel.amur.visa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_rule_engine_is_plain_java_with_no_spring_or_io =
            noClasses().that().resideInAPackage("..model..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "io.r2dbc..", "tools.jackson..", "reactor..",
                            "org.apache.kafka..", "travel.amur.common..", "java.io..", "java.net..", "java.nio..");

    @ArchTest
    static final ArchRule infrastructure_is_reached_only_through_ports =
            noClasses().that().resideInAnyPackage("..application..", "..web..", "..model..")
                    .should().dependOnClassesThat().resideInAPackage("..infrastructure..");

    @ArchTest
    static final ArchRule features_have_no_cycles_between_them = ArchitectureRules.featuresHaveNoCycles();
}
