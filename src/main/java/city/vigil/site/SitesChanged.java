package city.vigil.site;

/** Key sites were created, changed or deleted; observed after the transaction commits (coverage rebuilds). */
public record SitesChanged(String code) {
}
