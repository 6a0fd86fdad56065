package city.vigil.camera;

/**
 * Cameras changed in the registry: one ({@code gbId}), or many at once ({@code gbId} null: an import, an area move),
 * when the whole registry is worth comparing. Fired inside the writing transaction; observers that act on it listen
 * after success, so they never see a change that rolled back.
 */
public record CamerasChanged(String gbId) {

    public static CamerasChanged many() {
        return new CamerasChanged(null);
    }
}
