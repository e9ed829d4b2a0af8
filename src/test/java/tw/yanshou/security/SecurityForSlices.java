package tw.yanshou.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The server's security configuration and the current actor, for {@code @WebMvcTest} slices of other modules. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, CurrentActor.class})
public class SecurityForSlices { }
