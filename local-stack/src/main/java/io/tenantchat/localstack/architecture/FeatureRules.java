package io.tenantchat.localstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The feature boundaries of a service whose packages are {@code <root>.<feature>..} (each with its own
 * {@code adapter..} and {@code config..}) beside a central {@code <root>.config} of cross-cutting wiring and a few
 * shared kernel packages:
 * <ul>
 * <li>no feature reaches into another feature's adapters (the central config, which wires them, may);</li>
 * <li>an adapter uses neither the central config nor another feature's config: each feature owns its
 * {@code @ConfigurationProperties} and {@code @Configuration}.</li>
 * </ul>
 * A dependency the service names as allowed (with the reason in its test) is left out.
 */
public final class FeatureRules {

    private static final String CENTRAL = "config";

    private final String root;
    private final Predicate<Dependency> allowed;

    private FeatureRules(String root, Predicate<Dependency> allowed) {
        this.root = root;
        this.allowed = allowed;
    }

    /** The rules for the classes under {@code root}, e.g. {@code io.tenantchat.api}. */
    public static FeatureRules under(String root) {
        return new FeatureRules(root, dependency -> false);
    }

    /** The same rules, leaving out the dependency of {@code origin} on {@code target} (simple names). */
    public FeatureRules allowing(String origin, String target) {
        return new FeatureRules(root, allowed.or(d -> topLevelName(d.getOriginClass()).equals(origin)
                && topLevelName(d.getTargetClass()).equals(target)));
    }

    /** The simple name of the top-level class {@code type} is or is nested in. */
    private static String topLevelName(JavaClass type) {
        String name = type.getName();
        String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return topLevel.substring(topLevel.lastIndexOf('.') + 1);
    }

    public ArchRule noFeatureReachesIntoAnotherFeaturesAdapters() {
        return classes().that().resideInAPackage(root + "..")
                .should(dependOnlyWhere("reach into no other feature's adapters", (from, to) ->
                        from.isEmpty() || CENTRAL.equals(from.get()) || !isIn(to.target(), "adapter")
                                || to.feature().equals(from)))
                .allowEmptyShould(true);
    }

    public ArchRule adaptersUseOnlyTheirOwnFeaturesConfig() {
        return classes().that().resideInAPackage(root + "..adapter..")
                .should(dependOnlyWhere("use neither the central config nor another feature's config", (from, to) ->
                        !CENTRAL.equals(to.feature().orElse("")) && (!isIn(to.target(), CENTRAL)
                                || to.feature().equals(from))))
                .allowEmptyShould(true);
    }

    private ArchCondition<JavaClass> dependOnlyWhere(String description, Allowed rule) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> from = featureOf(type);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith(root + ".") || allowed.test(dependency)) {
                        continue;
                    }
                    if (!rule.allows(from, new Target(target, featureOf(target)))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package below the root: a feature, {@code config}, or a shared kernel package. */
    private Optional<String> featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** Whether {@code type} is in a {@code <part>} package below its feature (e.g. {@code chat.adapter.out}). */
    private boolean isIn(JavaClass type, String part) {
        List<String> segments = List.of(type.getPackageName().substring(root.length() + 1).split("\\."));
        return segments.subList(1, segments.size()).contains(part);
    }

    private record Target(JavaClass target, Optional<String> feature) {
    }

    @FunctionalInterface
    private interface Allowed {
        boolean allows(Optional<String> from, Target to);
    }
}
