package tw.yanshou.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;

/** The plain-Java calculus and contract-file classes as beans; the calendars come from {@code OfficeCalendars}. */
@Configuration(proxyBeanMethods = false)
class CalculusConfiguration {

    @Bean
    ContractValidator contractValidator(CalendarSource calendars) { return new ContractValidator(calendars); }

    @Bean
    StatementCalculator statementCalculator(CalendarSource calendars) { return new StatementCalculator(calendars); }

    @Bean
    ContractFileReader contractFileReader(ContractValidator validator) { return new ContractFileReader(validator); }

    @Bean
    ContractFileWriter contractFileWriter() { return new ContractFileWriter(); }
}
