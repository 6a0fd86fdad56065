package city.vigil.access;

/** Body of a password change by the user itself. */
public record PasswordChange(String currentPassword, String newPassword) {
}
