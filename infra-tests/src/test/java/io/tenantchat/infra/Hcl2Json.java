package io.tenantchat.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Converts HCL files to JSON with npm {@code @cdktf/hcl2json}, run by {@code node hcl2json.mjs} in this module. */
final class Hcl2Json {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path moduleDir;

    Hcl2Json(Path moduleDir) {
        this.moduleDir = moduleDir;
    }

    /** One object whose fields are the files' names and whose values are the files as hcl2json renders them. */
    JsonNode convert(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", moduleDir.resolve("hcl2json.mjs").toString()));
        files.forEach(file -> command.add(file.toString()));
        Path errors = Files.createTempFile("hcl2json", ".log");
        try {
            Process node = new ProcessBuilder(command).directory(moduleDir.toFile())
                    .redirectError(errors.toFile()).start();
            String json = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || node.exitValue() != 0) {
                node.destroyForcibly();
                throw new IllegalStateException("hcl2json failed (is node installed, and npm ci done in infra-tests?): "
                        + Files.readString(errors));
            }
            return JsonMapper.builder().build().readTree(json);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
