package city.vigil.camera;

/** Credentials of one stream. Write-only: no response ever contains them. */
public record CredentialsRequest(String username, String password) {
}
