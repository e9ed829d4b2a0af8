package tw.yanshou.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer, in one place: the security module's filter chains write them (see
 * {@code tw.yanshou.security.ResponseHeaders}), and {@link ProblemErrorReportValve} writes them on the refusals
 * Tomcat makes before any filter runs. Our pages run no inline script and carry no inline style (charts are SVG
 * with presentation attributes, which a policy does not govern), so the policy for them allows only our own
 * files, and no {@code <base>} (ASVS 5.0 3.4.3 asks for {@code base-uri 'none'}). The Camunda webapps under
 * {@code /camunda/**} get their own policy from their own filter ({@code camunda.bpm.webapp.header-security} in
 * application.yaml).
 */
public final class SecurityHeaders {
    private SecurityHeaders() { }

    /** The Content-Security-Policy of our pages, the JSON API and Swagger UI. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI ({@code /swagger-ui/**}, a library's page): its scripts set inline styles, nothing else differs. No
     * inline script all the same.
     */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /**
     * Features no page of ours uses are off for every origin; WebAuthn (passkeys) is allowed for our own origin.
     * Only names Chromium knows (an unknown one is an error in its console).
     */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
            + "publickey-credentials-create=(self), publickey-credentials-get=(self)";

    /** Our own pages see the full referrer; other sites only our origin, and nothing over plain HTTP. */
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Our pages share their window with no other origin's (tabnabbing, frame counting). */
    public static final String CROSS_ORIGIN_OPENER_POLICY = "same-origin";

    /** One year, subdomains too: sent only on requests that came over TLS (directly or from a trusted proxy). */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    /** The headers for an answer written outside the filter chains (Tomcat's own refusals). */
    public static void writeTo(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", CROSS_ORIGIN_OPENER_POLICY);
        response.setHeader("Cache-Control", "no-store");
        if (secure) response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
}
