package tw.yanshou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yanshou (驗收): acceptance of public procurement contracts as BPMN processes, with a court-grade calculus. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YanshouApplication {
    public static void main(String[] args) {
        SpringApplication.run(YanshouApplication.class, args);
    }
}
