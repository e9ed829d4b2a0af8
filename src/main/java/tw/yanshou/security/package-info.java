/**
 * Who may do what: who acts ({@link tw.yanshou.security.Actor}), bearer tokens and users (hashed), the bootstrap of
 * the first administrator, roles (ADMIN, OFFICER, VENDOR) and the single sign-on of the Camunda webapps.
 */
package tw.yanshou.security;
