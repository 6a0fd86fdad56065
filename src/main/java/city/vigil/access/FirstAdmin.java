package city.vigil.access;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nobody can log in to a new installation, so its first start creates {@code admin} with a one-time password, written
 * to the log and to a file readable by Vigil's user only. The first login must replace it.
 */
class FirstAdmin {

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent start, Users users, AccessConfig config,
                 @ConfigProperty(name = "vigil.access.first-admin", defaultValue = "admin") String name) {
        if (!config.enabled()) {
            return;
        }
        users.createFirstAdmin(name).ifPresent(password -> {
            Path file = Path.of(config.initialPasswordFile()).toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, name + "\n" + password + "\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                Log.warnf("Cannot write the first admin's password to %s: %s", file, e.getMessage());
            }
            Log.infof("First start: created user '%s' with one-time password %s (also in %s); change it at the first login", name, password, file);
        });
    }
}
