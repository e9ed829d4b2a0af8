# Build: docker build -t yanshou .   (docker-compose.yml does this)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY mvnw .
COPY src src
COPY bpmn bpmn
COPY templates templates
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 yanshou
WORKDIR /app
COPY --from=build /src/target/yanshou-*.jar /app/yanshou.jar
USER yanshou
EXPOSE 8080
# A bounded heap by default (without one the JVM takes a quarter of the host's memory and RSS grew to ~4 GB under
# load); JAVA_OPTS overrides it. docs/operations.md has the measured RSS.
ENV JAVA_OPTS="-Xms256m -Xmx1g -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/yanshou.jar"]
