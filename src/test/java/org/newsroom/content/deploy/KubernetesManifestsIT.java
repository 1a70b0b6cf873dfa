package org.newsroom.content.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed manifests (deploy/kubernetes/kubernetes.yml) are what this build generates (target/kubernetes/, by
 * quarkus-kubernetes at package, before the integration tests run): a change to their settings is a change to the
 * copy too (README: Operating it, Kubernetes). To refresh it: ./mvnw package, then copy the file.
 */
class KubernetesManifestsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path COMMITTED = Path.of("deploy", "kubernetes", "kubernetes.yml");

    @Test
    void theCommittedManifestsAreTheGeneratedOnes() throws IOException {
        assertTrue(Files.exists(GENERATED), "./mvnw package writes " + GENERATED);
        // As documents, not bytes: the generator writes labels, the env sources and the documents in no fixed order.
        assertEquals(canonical(documents(GENERATED)), canonical(documents(COMMITTED)),
                COMMITTED + " differs from what the build generates: copy " + GENERATED + " over it");
    }

    /** Objects compare without order already; lists are sorted here by their elements' text. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> sorted.set(field.getKey(), canonical(field.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            StreamSupport.stream(node.spliterator(), false).map(KubernetesManifestsIT::canonical)
                    .sorted(Comparator.comparing(JsonNode::toString)).forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    private static JsonNode canonical(List<JsonNode> documents) {
        return canonical(JsonNodeFactory.instance.arrayNode().addAll(documents));
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll();
        }
    }

    @Test
    void theyDeclareWhatAClusterNeeds() throws IOException {
        String manifests = Files.readString(GENERATED);
        for (String expected : new String[]{"kind: Deployment", "replicas: 2", "kind: Service",
                "path: /q/health/live", "path: /q/health/ready", "secretRef:", "configMapRef:",
                "kind: PodDisruptionBudget", "kind: HorizontalPodAutoscaler", "requests:", "limits:"}) {
            assertTrue(manifests.contains(expected), expected + " is missing");
        }
    }
}
