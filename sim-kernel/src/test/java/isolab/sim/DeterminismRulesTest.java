package isolab.sim;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulator is a pure function of (seed, command log): no wall clock, no unseeded
 * randomness, and no iteration over hash-ordered collections, whose order may change between
 * JVM runs ({@code Set.of}/{@code Map.of} are salted per JVM).
 */
@AnalyzeClasses(packages = {"isolab.sim", "isolab.api"}, importOptions = ImportOption.DoNotIncludeTests.class)
class DeterminismRulesTest {

    private static final String[] MODEL = {"isolab.sim..", "isolab.api.."};

    @ArchTest
    static final ArchRule the_model_never_reads_the_wall_clock = noClasses()
            .that().resideInAnyPackage(MODEL)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
            .orShould().callMethodWhere(target(name("systemUTC")).or(target(name("systemDefaultZone"))))
            .because("time in the simulator advances only through its virtual clock");

    @ArchTest
    static final ArchRule the_model_draws_randomness_only_from_its_seed = noClasses()
            .that().resideInAnyPackage(MODEL)
            .should().callMethod(Math.class, "random")
            .orShould().callMethod(StrictMath.class, "random")
            .orShould().dependOnClassesThat(assignableTo(Random.class))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
            .because("every random draw comes from SplitMix64 streams split from the boot seed");

    @ArchTest
    static final ArchRule the_model_uses_no_hash_ordered_collections = noClasses()
            .that().resideInAnyPackage(MODEL)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Hashtable")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.IdentityHashMap")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.WeakHashMap")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ConcurrentHashMap")
            .orShould().callMethod(System.class, "identityHashCode", Object.class)
            .because("iteration order must not depend on hash codes: use TreeMap, LinkedHashMap, EnumMap or lists");

    @ArchTest
    static final ArchRule the_model_makes_no_salted_immutable_sets_or_maps = noClasses()
            .that().resideInAnyPackage(MODEL)
            .should().callMethodWhere(target(owner(assignableTo(Set.class))).and(target(name("of"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Set.class))).and(target(name("copyOf"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Map.class))).and(target(name("of"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Map.class))).and(target(name("ofEntries"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Map.class))).and(target(name("copyOf"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Collectors.class))).and(target(name("toSet"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Collectors.class))).and(target(name("toUnmodifiableSet"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Collectors.class))).and(target(name("toUnmodifiableMap"))))
            .orShould().callMethod(Collectors.class, "toMap", java.util.function.Function.class, java.util.function.Function.class)
            .orShould().callMethod(Collectors.class, "groupingBy", java.util.function.Function.class)
            .orShould().callMethod(Collectors.class, "groupingBy", java.util.function.Function.class, java.util.stream.Collector.class)
            .because("Set.of and Map.of iterate in an order salted per JVM run; collectors without a map factory build HashMaps");
}
