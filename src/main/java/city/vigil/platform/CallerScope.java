package city.vigil.platform;

import jakarta.enterprise.context.RequestScoped;

/** Resolves the caller's scope for a request. Every caller sees all areas until API keys arrive. */
@RequestScoped
public class CallerScope {

    public Scope get() {
        return Scope.all();
    }
}
