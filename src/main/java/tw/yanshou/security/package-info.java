/**
 * Who may do what: who acts ({@link tw.yanshou.security.Actor}), bearer tokens and users (hashed), the bootstrap of
 * the first administrator, roles (ADMIN, OFFICER, INSPECTOR, SUPERVISOR, VENDOR) and the single sign-on of the
 * Camunda webapps; second factors ({@link tw.yanshou.security.SecondFactors}: TOTP, recovery codes, passkeys; the
 * second step of signing in, {@link tw.yanshou.security.SecondFactorSignIn}), whose changes are published as
 * {@link tw.yanshou.security.MfaChanged}; the security headers of every answer; sign-ins from a new device, announced
 * as {@link tw.yanshou.security.NewDeviceSignIn} — both for the notification module to tell the user.
 */
package tw.yanshou.security;
