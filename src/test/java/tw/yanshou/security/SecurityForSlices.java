package tw.yanshou.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.mockito.Mockito;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The server's security configuration and the current actor, for {@code @WebMvcTest} slices of other modules. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, CurrentActor.class})
public class SecurityForSlices {
    /** No database in a slice: no limits reached, nothing recorded. */
    @Bean
    SignInThrottle signInThrottle() {
        SignInThrottle throttle = Mockito.mock(SignInThrottle.class);
        Mockito.when(throttle.now()).thenAnswer(i -> java.time.Instant.now());
        return throttle;
    }

    @Bean
    SignInHistory signInHistory() { return Mockito.mock(SignInHistory.class); }

    @Bean
    Sessions sessions() { return Mockito.mock(Sessions.class); }

    /** No second factors in a slice: the password signs in as before (the server's own tests pass the second step). */
    @Bean
    SecondFactors secondFactors() { return Mockito.mock(SecondFactors.class); }
}
