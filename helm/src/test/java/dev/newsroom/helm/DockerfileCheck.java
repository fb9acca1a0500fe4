package dev.newsroom.helm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's Dockerfile: a pinned base image, a numeric non-root USER (so Kubernetes'
 * runAsNonRoot can verify it), EXPOSE of the service's ports, COPY of the jar its module
 * builds (target/&lt;service&gt;.jar), JVM flags that follow the container's memory, and an
 * exec-form ENTRYPOINT running that jar.
 */
final class DockerfileCheck {
    private static final Pattern FINAL_NAME =
            Pattern.compile("<finalName>\\s*([^<]+?)\\s*</finalName>");

    private DockerfileCheck() {}

    record Instruction(String keyword, String arguments) {}

    /** Instructions with line continuations joined and comments dropped. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                int space = text.indexOf(' ');
                instructions.add(
                        space < 0
                                ? new Instruction(text.toUpperCase(), "")
                                : new Instruction(
                                        text.substring(0, space).toUpperCase(),
                                        text.substring(space + 1).strip()));
            }
        }
        return instructions;
    }

    static List<String> check(String service, String dockerfile, String jar, List<Integer> ports) {
        List<String> findings = new ArrayList<>();
        List<Instruction> instructions = parse(dockerfile);
        List<String> from = arguments(instructions, "FROM");
        if (from.isEmpty()) {
            findings.add(service + ": no FROM");
        }
        from.forEach(
                image ->
                        PolicyCheck.checkImage(
                                service + " FROM", image.split("\\s+")[0], findings));

        List<String> users = arguments(instructions, "USER");
        String user = users.isEmpty() ? "" : users.get(users.size() - 1).split(":")[0];
        if (!user.matches("[0-9]+") || Long.parseLong(user) == 0) {
            findings.add(
                    service + ": the last USER must be a numeric non-root UID, is '" + user + "'");
        }

        List<Integer> exposed =
                arguments(instructions, "EXPOSE").stream()
                        .flatMap(args -> Arrays.stream(args.split("\\s+")))
                        .map(p -> p.replaceAll("/.*", ""))
                        .filter(p -> p.matches("[0-9]+"))
                        .map(Integer::valueOf)
                        .toList();
        ports.stream()
                .filter(port -> !exposed.contains(port))
                .forEach(port -> findings.add(service + ": port " + port + " not EXPOSEd"));

        boolean copiesJar =
                arguments(instructions, "COPY").stream()
                        .anyMatch(
                                args ->
                                        Arrays.asList(args.split("\\s+"))
                                                .contains("target/" + jar));
        if (!copiesJar) {
            findings.add(
                    service + ": does not COPY target/" + jar + " (the jar the module builds)");
        }

        String env = String.join(" ", arguments(instructions, "ENV"));
        if (!env.contains("JAVA_TOOL_OPTIONS")
                || !env.contains("-XX:MaxRAMPercentage=")
                || !env.contains("-XX:+ExitOnOutOfMemoryError")) {
            findings.add(
                    service
                            + ": JAVA_TOOL_OPTIONS must set -XX:MaxRAMPercentage and -XX:+ExitOnOutOfMemoryError");
        }

        List<String> entrypoints = arguments(instructions, "ENTRYPOINT");
        String entrypoint = entrypoints.isEmpty() ? "" : entrypoints.get(entrypoints.size() - 1);
        if (!entrypoint.startsWith("[")) {
            findings.add(
                    service
                            + ": ENTRYPOINT must use the exec form [\"java\", …], is '"
                            + entrypoint
                            + "'");
        } else if (!entrypoint.contains(jar)) {
            findings.add(service + ": ENTRYPOINT does not run " + jar);
        }
        if (!arguments(instructions, "CMD").isEmpty()
                && !arguments(instructions, "CMD").get(0).startsWith("[")) {
            findings.add(service + ": CMD must use the exec form");
        }
        return findings;
    }

    /**
     * The module's pom must build target/&lt;jar&gt;: a finalName of ${project.artifactId} or the
     * literal name. A placeholder pom (packaging pom, nothing built yet) has nothing to check.
     */
    static List<String> checkModulePom(String service, String pom, String jar) {
        if (pom.contains("<packaging>pom</packaging>")) {
            return List.of();
        }
        String expected = jar.replaceFirst("\\.jar$", "");
        Matcher matcher = FINAL_NAME.matcher(pom);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(
                    matcher.group(1)
                            .replace("${project.artifactId}", service)
                            .replace("${artifactId}", service));
        }
        if (!names.contains(expected)) {
            return List.of(
                    service
                            + "/pom.xml: the build must produce target/"
                            + jar
                            + " (<finalName>${project.artifactId}</finalName>), finalName is "
                            + names);
        }
        return List.of();
    }

    private static List<String> arguments(List<Instruction> instructions, String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }
}
