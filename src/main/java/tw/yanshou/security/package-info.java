/**
 * Who may do what: who acts ({@link tw.yanshou.security.Actor}), bearer tokens and users (hashed), the bootstrap of
 * the first administrator, roles (ADMIN, OFFICER, VENDOR) and the single sign-on of the Camunda webapps; the
 * security headers of every answer; sign-ins from a new device, announced as {@link tw.yanshou.security.NewDeviceSignIn}
 * for the notification module to tell the user.
 */
package tw.yanshou.security;
