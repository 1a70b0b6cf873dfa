package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Annotations need constant arrays, so the block types are spelt out in each {@code @Schema} that lists them; this
 * test keeps every such list equal to {@link BlockTypes#ALL}, the one vocabulary the code checks against.
 */
@QuarkusTest
class BlockTypeVocabularyTest {

    @Test
    void everyBlockTypeEnumerationInTheOpenApiDocumentIsTheCodesVocabulary() {
        JsonPath document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        List<String> places = List.of("components.schemas.ParagraphWrite.properties.type.enum",
                "components.schemas.ParagraphRequest.properties.type.enum",
                "components.schemas.Paragraph.properties.type.enum");
        for (String place : places) {
            List<String> listed = document.getList(place);
            assertTrue(listed != null, place + " lists the block types");
            assertEquals(BlockTypes.ALL, new HashSet<>(listed), place);
        }
        List<Map<String, Object>> parameters = document
                .getList("paths.'/api/v1/articles/{ref}/paragraphs'.get.parameters");
        Map<String, Object> type = parameters.stream().filter(p -> "type".equals(p.get("name"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) ((Map<String, Object>) type.get("schema")).get("enum");
        assertEquals(BlockTypes.ALL, new HashSet<>(listed), "the type parameter of the paragraph list");
    }

    @Test
    void everyProblemAnswerInTheOpenApiDocumentCarriesTheProblemBody() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        int problems = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getValue()
                        .get("responses");
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        problems++;
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) response.getValue().get("content");
                        assertTrue(content != null && content.containsKey("application/problem+json"),
                                operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertTrue(problems > 100, "the document lists the problems of every operation: " + problems);
    }
}
