/**
 * Who may do what: who acts ({@link tw.yanshou.security.Actor}), bearer tokens and users (hashed), the bootstrap of
 * the first administrator, roles (ADMIN, OFFICER, VENDOR), the single sign-on of the Camunda webapps, and second
 * factors ({@link tw.yanshou.security.SecondFactors}: TOTP, recovery codes, passkeys; the second step of signing in,
 * {@link tw.yanshou.security.SecondFactorSignIn}); their changes are published as
 * {@link tw.yanshou.security.MfaChanged} for the notification module.
 */
package tw.yanshou.security;
