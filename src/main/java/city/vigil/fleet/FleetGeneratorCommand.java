package city.vigil.fleet;

/** Placeholder replaced below. */
public final class FleetGeneratorCommand {
    public static int run(String[] args) {
        return 0;
    }
}
