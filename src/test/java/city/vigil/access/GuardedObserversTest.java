package city.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A role check on a class guards every method of the bean, the container's calls too. On the event stream it refused
 * the shutdown observer, and that stopped the shutdown of every bean after it: the webhook dispatcher and the status
 * writer went on running against a stopped application. Classes with observers declare roles on their endpoints.
 */
class GuardedObserversTest {

    @Test
    void noClassWideRoleCheckGuardsAContainerCallback() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> guarded;
        try (Stream<Path> files = Files.walk(classes.resolve("city/vigil"))) {
            guarded = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")).toList();
        }
        List<String> offenders = new java.util.ArrayList<>();
        int checked = 0;
        for (String name : guarded) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!type.isAnnotationPresent(RolesAllowed.class)) {
                continue;
            }
            checked++;
            for (Method m : type.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(Observes.class)) {
                        offenders.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(checked).as("resource classes with a class-wide role").isGreaterThan(20);
        assertThat(offenders).isEmpty();
    }
}
