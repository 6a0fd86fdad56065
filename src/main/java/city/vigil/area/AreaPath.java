package city.vigil.area;

/** Reading area paths ({@code 440100/440106/440106001/}): city first, each level's code followed by a slash. */
public final class AreaPath {
    private AreaPath() {
    }

    /** The area's own code: the path's last ({@code 440100/440106/} → {@code 440106}). */
    public static String code(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }

    /** The district part of a path ({@code 440100/440106/…} → {@code 440100/440106/}); a city path stays as it is. */
    public static String district(String path) {
        int first = path.indexOf('/');
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        return second < 0 ? path : path.substring(0, second + 1);
    }

    /**
     * Which slash-separated part of a path (counting from 1) names the area one level below the area at {@code path}:
     * districts (part 2) below the whole registry ({@code null}).
     */
    public static int childSegment(String path) {
        return path == null ? 2 : path.split("/").length + 1;
    }
}
