package travel.amur.common.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every Amur application keeps; each one's ArchitectureTest holds its classes to them. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * No cycle between the features of an application ({@code travel.amur.<application>.<feature>}): one feature
     * may use another, never both ways, so each can be read, tested and changed on its own.
     */
    public static ArchRule featuresHaveNoCycles() {
        return slices().matching("travel.amur.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles()
                .because("a feature that uses another must not be used by it");
    }
}
