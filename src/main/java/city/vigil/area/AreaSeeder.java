package city.vigil.area;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Seeds an empty registry with the cities and districts shipped in {@code seed/districts.csv}. */
@ApplicationScoped
public class AreaSeeder {
    /** The cities to seed (GB/T 2260 codes); empty seeds every city shipped. The demo seeds Guangzhou alone. */
    @ConfigProperty(name = "vigil.areas.seed-cities")
    Optional<List<String>> seedCities;

    /** One row of the shipped districts file. */
    public record District(String cityCode, String cityName, String code, String name, String nameEn,
                           BigDecimal areaKm2, int streets, double lat, double lon) {
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Area.count() > 0) {
            return;
        }
        List<String> wanted = seedCities.orElse(List.of()).stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
        List<District> districts = districts().stream().filter(d -> wanted.isEmpty() || wanted.contains(d.cityCode())).toList();
        Map<String, Area> cities = new LinkedHashMap<>();
        for (District d : districts) {
            Area city = cities.computeIfAbsent(d.cityCode(), code -> area(code, d.cityName(), AreaLevel.CITY, null, BigDecimal.ZERO));
            city.landAreaKm2 = city.landAreaKm2.add(d.areaKm2());
        }
        cities.values().forEach(c -> c.persist());
        for (District d : districts) {
            area(d.code(), d.name(), AreaLevel.DISTRICT, cities.get(d.cityCode()), d.areaKm2()).persist();
        }
        Log.infof("Seeded %d cities and %d districts", cities.size(), districts.size());
    }

    private static Area area(String code, String name, AreaLevel level, Area parent, BigDecimal landArea) {
        Area a = new Area();
        a.code = code;
        a.name = name;
        a.level = level;
        a.parentCode = parent == null ? null : parent.code;
        a.path = (parent == null ? "" : parent.path) + code + "/";
        a.landAreaKm2 = landArea;
        return a;
    }

    /** The shipped district facts (GB/T 2260 codes, land areas, street counts, approximate centroids). */
    public static List<District> districts() {
        try (InputStream in = AreaSeeder.class.getResourceAsStream("/seed/districts.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
                    .map(f -> new District(f[0], f[1], f[2], f[3], f[4], new BigDecimal(f[5]), Integer.parseInt(f[6]),
                            Double.parseDouble(f[7]), Double.parseDouble(f[8])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
