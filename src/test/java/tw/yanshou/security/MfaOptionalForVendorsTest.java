package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import tw.yanshou.api.ApiTestSupport;

/** {@code yanshou.security.mfa.vendors-required=false}: a vendor without a factor signs in with the password; staff still may not. */
@TestPropertySource(properties = "yanshou.security.mfa.vendors-required=false")
class MfaOptionalForVendorsTest extends ApiTestSupport {
    @Autowired SecondFactors factors;

    private void user(String name, String role, String vendorId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", "optional passphrase", "roles", List.of(role)));
        if (vendorId != null) body.put("vendorId", vendorId);
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aVendorWithoutAFactorSignsInWithThePasswordStaffStillEnrol() {
        user("opt-vendor", "VENDOR", "vendor-opt");
        user("opt-officer", "OFFICER", null);
        FormSignIn vendor = new FormSignIn(port);
        assertThat(vendor.signIn("opt-vendor", "optional passphrase").location()).endsWith("/portal");
        assertThat(vendor.get("/portal").statusCode()).isEqualTo(200);
        assertThat(new FormSignIn(port).signIn("opt-officer", "optional passphrase").location()).endsWith("/account/mfa");
        // a vendor who set one up anyway is asked for it
        String secret = TestMfa.enrol(factors, "opt-vendor");
        FormSignIn again = new FormSignIn(port);
        assertThat(again.signIn("opt-vendor", "optional passphrase").location()).endsWith("/login/mfa");
        assertThat(again.code(Totp.next(secret)).location()).endsWith("/portal");
    }
}
