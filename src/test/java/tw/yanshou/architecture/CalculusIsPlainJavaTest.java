package tw.yanshou.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The calculus is the rich core: plain Java that a court's figures can be checked against, free of frameworks. */
@AnalyzeClasses(packages = "tw.yanshou", importOptions = ImportOption.DoNotIncludeTests.class)
class CalculusIsPlainJavaTest {

    @ArchTest
    static final ArchRule noSpringOrCamundaInTheCalculus = noClasses()
            .that().resideInAPackage("tw.yanshou.calculus..").and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
            .because("the calculus stays free of Spring and Camunda (house style: NoSpringInDomainLogicTest)");

    @ArchTest
    static final ArchRule theCalculusNeedsOnlyTheJdk = classes()
            .that().resideInAPackage("tw.yanshou.calculus..").and().doNotHaveSimpleName("package-info")
            .should().onlyDependOnClassesThat().resideInAnyPackage("tw.yanshou.calculus..", "java..")
            .because("the calculus depends on nothing but the JDK: no framework, no serialization, no other module");

    /** A package's description may name it for the module documentation (Spring Modulith's named interface), no more. */
    @ArchTest
    static final ArchRule packageDescriptionsOnlyNameTheModulesFace = classes()
            .that().resideInAPackage("tw.yanshou.calculus..").and().haveSimpleName("package-info")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.springframework.modulith")
            .because("an annotation on package-info is read by the module verification, never at run time");
}
