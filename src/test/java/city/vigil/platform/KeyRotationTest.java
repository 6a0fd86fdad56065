package city.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.camera.CredentialRewrap;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.webhook.SecretRewrap;
import city.vigil.webhook.WebhookSecretSeal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key rotation on a running registry: credentials and webhook secrets written under the old key (and before
 * there were key ids at all) keep working, new ones are written under the new key, and the background job moves
 * every old one over.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class KeyRotationTest {
    private static final String K0 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** The test key (0) stays in the ring; k2 is new and active. */
    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.crypto.keys.k2", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=", "vigil.crypto.active-key", "k2");
        }
    }

    @Inject
    CredentialCipher cipher;
    @Inject
    CredentialRewrap credentials;
    @Inject
    SecretRewrap secrets;
    @Inject
    WebhookSecretSeal seal;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void oldBlobsReadNewOnesUseTheNewKeyAndTheJobMovesTheRest() throws Exception {
        String fresh = Fixtures.cameraId();
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(fresh), "streams", Map.of("main", Map.of("url", "rtsp://admin:NewKey-42@10.1.2.3/main")));
        Fixtures.create(camera);
        assertThat(cipher.keyOf(blob(fresh))).isEqualTo("k2");

        // Two cameras whose credentials were sealed under key 0: one with a key id, one from before key ids existed.
        CredentialCipher old = new CredentialCipher(KeyRingTest.ring(K0, Map.of(), null));
        String headed = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String legacy = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        setBlob(headed, old.encrypt(headed + "/MAIN", "admin:旧密钥"));
        byte[] withHeader = old.encrypt(legacy + "/MAIN", "ops:更旧的");
        setBlob(legacy, Arrays.copyOfRange(withHeader, 3, withHeader.length));
        assertThat(cipher.decrypt(headed + "/MAIN", blob(headed))).isEqualTo("admin:旧密钥");
        assertThat(cipher.decrypt(legacy + "/MAIN", blob(legacy))).isEqualTo("ops:更旧的");

        // A webhook secret stored in plain text before secrets were sealed.
        Map<String, Object> created = given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
        long sub = ((Number) created.get("id")).longValue();
        String secret = (String) created.get("secret");
        assertThat(storedSecret(sub)).startsWith("enc:").doesNotContain(secret.substring(6));
        setSecret(sub, secret);

        assertThat(credentials.run()).isGreaterThanOrEqualTo(2);
        assertThat(secrets.run()).isGreaterThanOrEqualTo(1);
        for (String gbId : List.of(fresh, headed, legacy)) {
            assertThat(cipher.keyOf(blob(gbId))).as(gbId).isEqualTo("k2");
        }
        assertThat(cipher.decrypt(headed + "/MAIN", blob(headed))).isEqualTo("admin:旧密钥");
        assertThat(cipher.decrypt(legacy + "/MAIN", blob(legacy))).isEqualTo("ops:更旧的");
        assertThat(cipher.decrypt(fresh + "/MAIN", blob(fresh))).isEqualTo("admin:NewKey-42");
        assertThat(storedSecret(sub)).startsWith("enc:");
        assertThat(seal.open(storedSecret(sub))).isEqualTo(secret);
        assertThat(seal.current(storedSecret(sub))).isTrue();
        assertThat(credentials.run()).as("a second pass finds nothing left").isZero();
    }

    private byte[] blob(String gbId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT main_credentials FROM camera WHERE gb_id = ?")) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void setBlob(String gbId, byte[] blob) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE camera SET main_credentials = ? WHERE gb_id = ?")) {
            s.setBytes(1, blob);
            s.setString(2, gbId);
            assertThat(s.executeUpdate()).isOne();
        }
    }

    private String storedSecret(long id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT secret FROM webhook_subscription WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void setSecret(long id, String secret) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE webhook_subscription SET secret = ? WHERE id = ?")) {
            s.setString(1, secret);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
