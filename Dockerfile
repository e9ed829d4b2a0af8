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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/yanshou.jar"]
