package city.vigil.area;

/**
 * An area moved to another parent: the paths of its subtree, and of every camera, site and outage in it, changed with
 * it. Fired inside the writing transaction; observers that act on it listen after success.
 */
public record AreaMoved(String code) {
}
