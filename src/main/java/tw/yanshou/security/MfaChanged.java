package tw.yanshou.security;

/**
 * A user's second factors changed (published in the transaction of the change): the notification module tells the
 * user in the app (and by mail where configured). {@code vendorId} is the vendor's for a vendor user, else null.
 */
public record MfaChanged(String username, String vendorId, Change change, String by, String reason) {
    public enum Change {
        TOTP_ENROLLED, TOTP_REMOVED, RECOVERY_CODES_REGENERATED, RECOVERY_CODE_USED, PASSKEY_ADDED, PASSKEY_REMOVED,
        /** an administrator ({@code by}) removed every second factor of the user, for {@code reason} */
        RESET
    }

    /** A change the user made (or a code the user spent): by the user, no reason. */
    public MfaChanged(String username, String vendorId, Change change) { this(username, vendorId, change, username, null); }
}
