package city.vigil.access;

import static city.vigil.access.Credentials.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People from the city's identity provider: Quarkus OIDC verifies their bearer tokens against the provider's public
 * key (the real verifier, no mock), and their groups and areas claim become a Vigil role and scope.
 */
@QuarkusTest
@TestProfile(OidcTest.WithIdentityProvider.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class OidcTest {
    private static final String ISSUER = "https://idp.city.test/realms/police";

    /** The provider's signing key, the same in every class loader of this JVM (seeded), so the profile can name it. */
    static final KeyPair PROVIDER = keyPair(2026);
    private static final KeyPair STRANGER = keyPair(7);

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            c.put("vigil.access.enabled", "true");
            c.put("vigil.access.initial-password-file", AccessTestProfile.PASSWORD_FILE);
            c.put("vigil.access.oidc.enabled", "true");
            c.put("vigil.access.oidc.role-map.tianhe-duty", "operator");
            c.put("vigil.access.oidc.role-map.city-admins", "admin");
            c.put("quarkus.oidc.idp.tenant-enabled", "true");
            c.put("quarkus.oidc.idp.application-type", "service");
            c.put("quarkus.oidc.idp.client-id", "vigil");
            c.put("quarkus.oidc.idp.public-key", Base64.getEncoder().encodeToString(PROVIDER.getPublic().getEncoded()));
            c.put("quarkus.oidc.idp.token.issuer", ISSUER);
            return c;
        }
    }

    @Inject
    ApiKeys keys;

    @Test
    void aDistrictOperatorFromTheProviderWorksInsideTheDistrictOnly() {
        String admin = Credentials.key(keys, Role.ADMIN);
        String tianhe = Fixtures.cameraId();
        as(admin).contentType(ContentType.JSON).body(Fixtures.camera(tianhe)).post("/api/v1/cameras").then().statusCode(201);
        String liwan = Fixtures.gbId("44010300", "00", "132");
        as(admin).contentType(ContentType.JSON).body(Fixtures.with(Fixtures.camera(liwan), "areaCode", "440103")).post("/api/v1/cameras").then().statusCode(201);
        String token = token("zhang.wei", List.of("tianhe-duty", "staff"), List.of("440106"), 300, PROVIDER);

        bearer(token).get("/api/v1/me").then().statusCode(200).body("name", equalTo("oidc:zhang.wei")).body("role", equalTo("operator"))
                .body("areas", equalTo(List.of("440106")));
        bearer(token).get("/api/v1/cameras/" + tianhe).then().statusCode(200);
        bearer(token).get("/api/v1/cameras/" + liwan).then().statusCode(404);
        bearer(token).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer")).post("/api/v1/keys").then().statusCode(403);
        bearer(token("admin.li", List.of("city-admins"), List.of("*"), 300, PROVIDER)).get("/api/v1/keys").then().statusCode(200);
    }

    @Test
    void tokensThatGrantNothingOrWereNotIssuedByTheProviderAreRefused() {
        bearer(token("wang", List.of("staff"), List.of("440106"), 300, PROVIDER)).get("/api/v1/cameras").then().statusCode(401)
                .body("detail", containsString("Vigil role"));
        bearer(token("wang", List.of("tianhe-duty"), null, 300, PROVIDER)).get("/api/v1/cameras").then().statusCode(401)
                .body("detail", containsString("vigil_areas"));
        bearer(token("wang", List.of("tianhe-duty"), List.of("440106"), -60, PROVIDER)).get("/api/v1/cameras").then().statusCode(401);
        bearer(token("wang", List.of("tianhe-duty"), List.of("440106"), 300, STRANGER)).get("/api/v1/cameras").then().statusCode(401);
        // Vigil's own keys keep working beside the provider.
        as(Credentials.key(keys, Role.VIEWER)).get("/api/v1/cameras").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String token(String user, List<String> groups, List<String> areas, long lifetimeSeconds, KeyPair signer) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user + "\",\"aud\":\"vigil\","
                + "\"iat\":" + (now - 5) + ",\"exp\":" + (now + lifetimeSeconds) + ",\"groups\":" + array(groups));
        if (areas != null) {
            claims.append(",\"vigil_areas\":").append(array(areas));
        }
        claims.append('}');
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + b64.encodeToString(sign(signed, signer.getPrivate()));
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }

    private static byte[] sign(String data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
