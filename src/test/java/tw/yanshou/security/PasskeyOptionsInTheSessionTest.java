package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * The options of a passkey registration under way live in the session, which Spring Session keeps in PostgreSQL by
 * Java serialization: what one node saved, written out and read back as another node reads the session row, gives
 * the same options — every field, the library's constants as themselves. Kept five minutes.
 */
class PasskeyOptionsInTheSessionTest {

    /** Options as Spring's relying party makes them, with every optional part present. */
    static PublicKeyCredentialCreationOptions options() {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id("yanshou.example.gov.tw").name("驗收 Yanshou").build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().name("officer-lin").id(Bytes.random())
                        .displayName("林承辦").build())
                .challenge(Bytes.random())
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .timeout(Duration.ofMinutes(5))
                .excludeCredentials(List.of(PublicKeyCredentialDescriptor.builder().type(PublicKeyCredentialType.PUBLIC_KEY)
                        .id(Bytes.random()).transports(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID).build()))
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .authenticatorAttachment(AuthenticatorAttachment.PLATFORM)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .attestation(AttestationConveyancePreference.NONE)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(ImmutableAuthenticationExtensionsClientInput.credProps))
                .build();
    }

    private static Object throughTheDatabase(Object attribute) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) { out.writeObject(attribute); }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) { return in.readObject(); }
    }

    @Test
    void theOptionsSavedOnOneNodeAreLoadedWholeOnAnother() throws Exception {
        PublicKeyCredentialCreationOptions saved = options();
        MockHttpServletRequest first = new MockHttpServletRequest();
        new Passkeys.CreationOptions().save(first, new MockHttpServletResponse(), saved);
        Object attribute = first.getSession().getAttribute(Passkeys.CreationOptions.ATTRIBUTE);
        assertThat(attribute).isInstanceOf(java.io.Serializable.class);

        MockHttpSession elsewhere = new MockHttpSession();
        elsewhere.setAttribute(Passkeys.CreationOptions.ATTRIBUTE, throughTheDatabase(attribute));
        MockHttpServletRequest second = new MockHttpServletRequest();
        second.setSession(elsewhere);
        PublicKeyCredentialCreationOptions loaded = new Passkeys.CreationOptions().load(second);

        assertThat(loaded).usingRecursiveComparison().isEqualTo(saved);
        assertThat(loaded.getChallenge()).isEqualTo(saved.getChallenge());
        assertThat(loaded.getUser().getId()).isEqualTo(saved.getUser().getId());
        assertThat(loaded.getAuthenticatorSelection().getUserVerification()).isSameAs(UserVerificationRequirement.REQUIRED);
        assertThat(loaded.getAuthenticatorSelection().getResidentKey()).isSameAs(ResidentKeyRequirement.REQUIRED);
        assertThat(loaded.getPubKeyCredParams()).containsExactly(PublicKeyCredentialParameters.EdDSA,
                PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256);
        assertThat(loaded.getExcludeCredentials().get(0).getTransports())
                .containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID);
    }

    @Test
    void savingNoneForgetsThemAndOldOnesAreNotUsed() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        Passkeys.CreationOptions repository = new Passkeys.CreationOptions();
        repository.save(request, new MockHttpServletResponse(), options());
        assertThat(repository.load(request)).isNotNull();
        repository.save(request, new MockHttpServletResponse(), null);
        assertThat(repository.load(request)).isNull();

        request.getSession().setAttribute(Passkeys.CreationOptions.ATTRIBUTE,
                Passkeys.Kept.of(options(), Instant.now().minus(Duration.ofMinutes(6))));
        assertThat(repository.load(request)).isNull();
        assertThat(repository.load(new MockHttpServletRequest())).isNull();
    }
}
