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
    SignInThrottle signInThrottle() { return Mockito.mock(SignInThrottle.class); }

    @Bean
    SignInHistory signInHistory() { return Mockito.mock(SignInHistory.class); }
}
